/// Sorts large arrays whose first key is a well-spread 64-bit hash (identity hashes), much faster than a
/// comparison sort: an in-place MSD radix pass (American flag sort) on the hash's top 16 bits puts every
/// element in its bucket with no extra buffer, then each small bucket (a few dozen elements at five million)
/// is sorted with the full comparison. The result is the order `areInIncreasingOrder` defines, provided it
/// orders first by `hash` ascending.
enum HashBucketSort {
    static func sort<Element>(_ elements: inout [Element], hash: (Element) -> UInt64,
                              by areInIncreasingOrder: (Element, Element) -> Bool) {
        let n = elements.count
        guard n > 4096 else {
            elements.sort(by: areInIncreasingOrder)
            return
        }
        let bucketCount = 1 << 16
        @inline(__always) func bucket(_ e: Element) -> Int { Int(truncatingIfNeeded: hash(e) >> 48) }
        var counts = [Int](repeating: 0, count: bucketCount)
        for e in elements { counts[bucket(e)] += 1 }
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for b in 0..<bucketCount { starts[b + 1] = starts[b] + counts[b] }
        var next = Array(starts[0..<bucketCount])
        elements.withUnsafeMutableBufferPointer { buffer in
            // Cycle each misplaced element to its bucket's next free slot.
            for b in 0..<bucketCount {
                let end = starts[b + 1]
                while next[b] < end {
                    var element = buffer[next[b]]
                    var target = bucket(element)
                    while target != b {
                        swap(&element, &buffer[next[target]])
                        next[target] += 1
                        target = bucket(element)
                    }
                    buffer[next[b]] = element
                    next[b] += 1
                }
            }
            for b in 0..<bucketCount where starts[b + 1] - starts[b] > 1 {
                let slice = UnsafeMutableBufferPointer(rebasing: buffer[starts[b]..<starts[b + 1]])
                insertionOrMergeSort(slice, by: areInIncreasingOrder)
            }
        }
    }

    /// Insertion sort for the tiny buckets, the standard sort for the rare large one.
    private static func insertionOrMergeSort<Element>(_ slice: UnsafeMutableBufferPointer<Element>,
                                                      by areInIncreasingOrder: (Element, Element) -> Bool) {
        if slice.count > 64 {
            var slice = slice
            slice.sort(by: areInIncreasingOrder)
            return
        }
        for i in 1..<slice.count {
            let value = slice[i]
            var j = i - 1
            while j >= 0, areInIncreasingOrder(value, slice[j]) {
                slice[j + 1] = slice[j]
                j -= 1
            }
            slice[j + 1] = value
        }
    }
}
