/// Medians and percentiles of many groups at once, in linear expected time: values are bucketed by group
/// with a counting sort, then each group's order statistics are found by selection (no full sort).
///
/// - Median: the middle value; for an even count, the mean of the two middle values.
/// - Percentile p (nearest rank): the `ceil(p * n)`-th smallest value (1-based).
enum OrderStatistics {
    struct Result {
        var median: Double?
        var p90: Double?
    }

    /// `groupOf(i)` gives the group (0..<groupCount) of item `i`, or -1 to skip it; `values[i]` NaN skips.
    static func grouped(count: Int, groupCount: Int, values: [Float], groupOf: (Int) -> Int,
                        wantP90: Bool) -> [Result] {
        var sizes = [Int](repeating: 0, count: groupCount + 1)
        for i in 0..<count {
            let g = groupOf(i)
            if g >= 0, !values[i].isNaN { sizes[g + 1] += 1 }
        }
        for g in 0..<groupCount { sizes[g + 1] += sizes[g] }
        let starts = sizes
        var cursor = sizes
        var scratch = [Float](repeating: 0, count: sizes[groupCount])
        for i in 0..<count {
            let g = groupOf(i)
            if g >= 0, !values[i].isNaN {
                scratch[cursor[g]] = values[i]
                cursor[g] += 1
            }
        }
        var results = [Result](repeating: Result(), count: groupCount)
        scratch.withUnsafeMutableBufferPointer { buffer in
            for g in 0..<groupCount {
                let lo = starts[g], hi = starts[g + 1], n = hi - lo
                if n == 0 { continue }
                let median: Double
                let upper = select(buffer, lo, hi, lo + n / 2)
                if n % 2 == 1 {
                    median = Double(upper)
                } else {
                    // The lower middle is the largest value left of the upper middle after selection.
                    var lower = buffer[lo]
                    for j in lo..<(lo + n / 2) where buffer[j] > lower { lower = buffer[j] }
                    median = (Double(lower) + Double(upper)) / 2
                }
                results[g].median = median
                if wantP90 {
                    let rank = Int((0.9 * Double(n)).rounded(.up)) // 1-based nearest rank
                    results[g].p90 = Double(select(buffer, lo, hi, lo + max(rank, 1) - 1))
                }
            }
        }
        return results
    }

    /// Rearranges `buffer[lo..<hi]` so the element at `k` is the one a sort would put there, with smaller or
    /// equal elements before it and greater or equal after it (Hoare selection with median-of-three).
    static func select(_ buffer: UnsafeMutableBufferPointer<Float>, _ lo: Int, _ hi: Int, _ k: Int) -> Float {
        var left = lo, right = hi - 1
        while right > left {
            if right - left < 16 {
                // Insertion sort for small ranges.
                for i in (left + 1)...right {
                    let v = buffer[i]
                    var j = i - 1
                    while j >= left, buffer[j] > v {
                        buffer[j + 1] = buffer[j]
                        j -= 1
                    }
                    buffer[j + 1] = v
                }
                break
            }
            let mid = left + (right - left) / 2
            if buffer[mid] < buffer[left] { buffer.swapAt(mid, left) }
            if buffer[right] < buffer[left] { buffer.swapAt(right, left) }
            if buffer[right] < buffer[mid] { buffer.swapAt(right, mid) }
            let pivot = buffer[mid]
            var i = left, j = right
            while i <= j {
                while buffer[i] < pivot { i += 1 }
                while buffer[j] > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                right = j
            } else if k >= i {
                left = i
            } else {
                break
            }
        }
        return buffer[k]
    }
}
