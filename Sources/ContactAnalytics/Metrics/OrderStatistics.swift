/// The values at some ranks of an unordered list of finite `Float`s, found without sorting the list: a
/// quickselect (Hoare's partition around the median of three) that narrows to each rank in turn, so that a
/// median and a p90 cost a few passes over the values rather than a sort (`QuantileHistogram`'s exact
/// quantiles: up to `QuantileHistogram.exactLimit` values, asked for several times per report).
///
/// The results are the values a sort would put at those ranks, bit for bit: the values are compared with `<`,
/// which orders finite `Float`s totally once -0 is +0 (the histogram stores `value + 0`). A range that is
/// still long after `2 log2 n` partitions (inputs that defeat the median of three) is sorted
/// (`InPlaceSort`), so the worst case stays `n log n`.
enum OrderStatistics {
    /// The values at the 0-based `ranks` (ascending, each below `values.count`) of `values`, which are
    /// reordered. `partitionLimit` (tests) replaces the usual `2 log2 n` partitions before the sort takes over.
    static func values(atRanks ranks: [Int], of values: inout [Float], partitionLimit: Int? = nil) -> [Float] {
        var limit = 2
        var n = values.count
        while n > 1 {
            limit += 2
            n >>= 1
        }
        let partitions = partitionLimit ?? limit
        return values.withUnsafeMutableBufferPointer { buffer in
            var results: [Float] = []
            results.reserveCapacity(ranks.count)
            // After a rank is found, every value before it is not greater and every value after it is not
            // less: the next (larger) rank is among the values after it.
            var start = 0
            for rank in ranks {
                precondition(rank >= 0 && rank < buffer.count, "rank out of range")
                if rank < start {
                    // A repeated rank: found already.
                    results.append(buffer[rank])
                    continue
                }
                select(rank, in: buffer, from: start, through: buffer.count - 1, partitions: partitions)
                results.append(buffer[rank])
                start = rank + 1
            }
            return results
        }
    }

    /// Reorders `a[low...high]` so that `a[rank]` holds the value a sort would put there, every value before it
    /// (from `low`) not greater and every value after it (through `high`) not less.
    private static func select(_ rank: Int, in a: UnsafeMutableBufferPointer<Float>, from low: Int, through high: Int,
                               partitions: Int) {
        var lo = low, hi = high, left = partitions
        while hi > lo {
            if left == 0 {
                InPlaceSort.sort(UnsafeMutableBufferPointer(rebasing: a[lo...hi]), by: <)
                return
            }
            left -= 1
            // The median of the first, middle and last values as the pivot.
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            // Hoare's partition: afterwards a[lo...j] <= pivot, a[i...hi] >= pivot, and every value strictly
            // between j and i equals the pivot.
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                hi = j
            } else if rank >= i {
                lo = i
            } else {
                return
            }
        }
    }
}
