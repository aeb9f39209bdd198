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
        let keys = (0..<count).map { Int32(groupOf($0)) }
        return groupedPair(keys: keys, remap: nil, included: nil, groupCount: groupCount, first: [], second: values,
                           p90OfSecond: wantP90).second
    }

    /// The order statistics of two value columns over the same grouping in one pass over the groups: the
    /// median of `first`, and the median and (with `p90OfSecond`) the p90 of `second`.
    ///
    /// Item `i` belongs to group `remap[keys[i]]` (or `keys[i]` without `remap`); a negative group, or
    /// `included[i] == false`, leaves it out. Either value column may be empty (not wanted); each skips its
    /// own NaN values. Generic over the key column so each breakdown's loop is compiled for its own type.
    static func groupedPair<Key: FixedWidthInteger>(keys: [Key], remap: [Int]?, included: [Bool]?, groupCount: Int,
                                                    first: [Float], second: [Float],
                                                    p90OfSecond: Bool) -> (first: [Result], second: [Result]) {
        let count = keys.count
        @inline(__always) func groupOf(_ i: Int) -> Int {
            if let included, !included[i] { return -1 }
            let key = Int(keys[i])
            guard let remap else { return key }
            return key >= 0 ? remap[key] : -1
        }
        let hasFirst = !first.isEmpty, hasSecond = !second.isEmpty
        var sizesA = [Int](repeating: 0, count: groupCount + 1)
        var sizesB = [Int](repeating: 0, count: groupCount + 1)
        var groups = 0
        for i in 0..<count {
            let g = groupOf(i)
            guard g >= 0 else { continue }
            groups += 1
            if hasFirst, !first[i].isNaN { sizesA[g + 1] += 1 }
            if hasSecond, !second[i].isNaN { sizesB[g + 1] += 1 }
        }
        for g in 0..<groupCount {
            sizesA[g + 1] += sizesA[g]
            sizesB[g + 1] += sizesB[g]
        }
        var scratchA = [Float](repeating: 0, count: sizesA[groupCount])
        var scratchB = [Float](repeating: 0, count: sizesB[groupCount])
        if groups > 0 {
            var cursorA = sizesA, cursorB = sizesB
            for i in 0..<count {
                let g = groupOf(i)
                guard g >= 0 else { continue }
                if hasFirst {
                    let a = first[i]
                    if !a.isNaN {
                        scratchA[cursorA[g]] = a
                        cursorA[g] += 1
                    }
                }
                if hasSecond {
                    let b = second[i]
                    if !b.isNaN {
                        scratchB[cursorB[g]] = b
                        cursorB[g] += 1
                    }
                }
            }
        }
        return (select(&scratchA, starts: sizesA, groupCount: groupCount, wantP90: false),
                select(&scratchB, starts: sizesB, groupCount: groupCount, wantP90: p90OfSecond))
    }

    /// The median (and p90) of each group of `scratch`, bucketed by group at `starts`.
    private static func select(_ scratch: inout [Float], starts: [Int], groupCount: Int, wantP90: Bool) -> [Result] {
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
