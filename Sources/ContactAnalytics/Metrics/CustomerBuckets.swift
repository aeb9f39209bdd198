/// The timeline's entries moved in place into 256 buckets by one byte of their customer hash (an American flag
/// sort pass: one count, then each entry swapped straight to its bucket): every entry of bucket `b` has a
/// smaller byte than every entry of bucket `b + 1`, so sorting each bucket on its own sorts the whole.
///
/// `ContactTimeline.sort(for:)` splits a large timeline this way by the top byte, then each bucket again by the
/// next byte, so what the comparison sort (`InPlaceSort`) orders are runs of a few dozen entries, not millions:
/// far fewer comparisons, each on entries already in cache. No scratch buffer: the moves are swaps.
struct CustomerBuckets: Sendable {
    /// `bounds[b] ..< bounds[b + 1]` holds bucket `b` (257 bounds).
    let bounds: [Int]

    /// Moves the entries of `buffer` into buckets by the byte `(customer >> shift) & 0xFF`.
    init(partitioning buffer: UnsafeMutableBufferPointer<ContactTimeline.Entry>, shift: UInt64) {
        var bounds = [Int](repeating: 0, count: 257)
        bounds.withUnsafeMutableBufferPointer { bounds in
            for entry in buffer { bounds[Int(truncatingIfNeeded: (entry.customer >> shift) & 0xFF) + 1] += 1 }
            for b in 0..<256 { bounds[b + 1] += bounds[b] }
            // `next[b]`: the first place of bucket b not yet holding one of its own entries.
            var next = [Int](bounds[0..<256])
            next.withUnsafeMutableBufferPointer { next in
                for b in 0..<256 {
                    let end = bounds[b + 1]
                    while next[b] < end {
                        var entry = buffer[next[b]]
                        var target = Int(truncatingIfNeeded: (entry.customer >> shift) & 0xFF)
                        // Carry the entry to its bucket, take the one there, until one belongs to bucket b.
                        while target != b {
                            swap(&entry, &buffer[next[target]])
                            next[target] += 1
                            target = Int(truncatingIfNeeded: (entry.customer >> shift) & 0xFF)
                        }
                        buffer[next[b]] = entry
                        next[b] += 1
                    }
                }
            }
        }
        self.bounds = bounds
    }

    /// Bucket `b` of `buffer` (the buffer partitioned).
    func bucket(_ b: Int, of buffer: UnsafeMutableBufferPointer<ContactTimeline.Entry>)
        -> UnsafeMutableBufferPointer<ContactTimeline.Entry> {
        UnsafeMutableBufferPointer(rebasing: buffer[bounds[b]..<bounds[b + 1]])
    }
}
