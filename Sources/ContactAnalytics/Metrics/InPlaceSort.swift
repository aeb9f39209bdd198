/// An introsort that needs no buffer: median-of-three quicksort, insertion sort for short ranges, heapsort
/// where the recursion gets too deep (so the worst case stays `n log n`).
///
/// The standard library's sort is stable and allocates a scratch buffer as large as the array; for the
/// timeline (24 bytes × every identified contact) that buffer was the largest allocation of a report. This
/// sort is not stable, which changes nothing when no two elements compare equal: the timeline's order
/// includes the contact's input index, so its sorted order is unique.
enum InPlaceSort {
    /// Sorts `buffer` by `less` (a strict weak order). `depthLimit` (tests) replaces the usual `2 log2 n`
    /// quicksort levels before heapsort takes over.
    static func sort<T>(_ buffer: UnsafeMutableBufferPointer<T>, depthLimit: Int? = nil, by less: (T, T) -> Bool) {
        guard buffer.count > 1 else { return }
        var limit = 2
        var n = buffer.count
        while n > 1 {
            limit += 2
            n >>= 1
        }
        introsort(buffer, 0, buffer.count, depthLimit ?? limit, less)
    }

    private static let insertionThreshold = 24

    private static func introsort<T>(_ a: UnsafeMutableBufferPointer<T>, _ low: Int, _ high: Int, _ depth: Int,
                                     _ less: (T, T) -> Bool) {
        var lo = low, hi = high, depth = depth
        while hi - lo > insertionThreshold {
            if depth == 0 {
                heapsort(a, lo, hi, less)
                return
            }
            depth -= 1
            let p = partition(a, lo, hi, less)
            // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
            if p - lo < hi - p - 1 {
                introsort(a, lo, p, depth, less)
                lo = p + 1
            } else {
                introsort(a, p + 1, hi, depth, less)
                hi = p
            }
        }
        insertionSort(a, lo, hi, less)
    }

    /// Partitions `a[lo..<hi]` around the median of three and returns the pivot's final index: everything
    /// before it is not greater, everything after it is not less.
    @inline(__always)
    private static func partition<T>(_ a: UnsafeMutableBufferPointer<T>, _ lo: Int, _ hi: Int,
                                     _ less: (T, T) -> Bool) -> Int {
        let mid = lo + (hi - lo) / 2
        let last = hi - 1
        if less(a[mid], a[lo]) { a.swapAt(mid, lo) }
        if less(a[last], a[lo]) { a.swapAt(last, lo) }
        if less(a[last], a[mid]) { a.swapAt(last, mid) }
        // a[lo] <= a[mid] <= a[last]; park the pivot at last - 1.
        a.swapAt(mid, last - 1)
        let pivot = a[last - 1]
        var i = lo, j = last - 1
        while true {
            repeat { i += 1 } while less(a[i], pivot)
            repeat { j -= 1 } while less(pivot, a[j])
            if i >= j { break }
            a.swapAt(i, j)
        }
        a.swapAt(i, last - 1)
        return i
    }

    private static func insertionSort<T>(_ a: UnsafeMutableBufferPointer<T>, _ lo: Int, _ hi: Int,
                                         _ less: (T, T) -> Bool) {
        guard hi - lo > 1 else { return }
        for i in (lo + 1)..<hi {
            let value = a[i]
            var j = i
            while j > lo, less(value, a[j - 1]) {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = value
        }
    }

    private static func heapsort<T>(_ a: UnsafeMutableBufferPointer<T>, _ lo: Int, _ hi: Int,
                                    _ less: (T, T) -> Bool) {
        let n = hi - lo
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while true {
                var child = 2 * root + 1
                if child >= end { return }
                if child + 1 < end, less(a[lo + child], a[lo + child + 1]) { child += 1 }
                if !less(a[lo + root], a[lo + child]) { return }
                a.swapAt(lo + root, lo + child)
                root = child
            }
        }
        var start = n / 2 - 1
        while start >= 0 {
            siftDown(start, n)
            start -= 1
        }
        var end = n - 1
        while end > 0 {
            a.swapAt(lo, lo + end)
            siftDown(0, end)
            end -= 1
        }
    }
}
