/// The timeline's entries moved in place into `2^bits` buckets by `bits` bits of their customer hash (an American
/// flag sort pass: one count, then each entry swapped straight to its bucket): every entry of bucket `b` has a
/// smaller key than every entry of bucket `b + 1`, so sorting each bucket on its own sorts the whole.
///
/// `ContactTimeline.sort(for:)` splits a large timeline this way by the top byte, then each large bucket again
/// by as many of the next bits as leave about four entries a bucket (`ContactTimeline.secondSplitBits`), so what
/// the comparison sort (`InPlaceSort`) orders are mostly one customer's few entries, not millions: far fewer
/// comparisons (each a branch a processor cannot predict when the customers are random), on entries already in
/// cache. No scratch buffer as large as the entries: the moves are swaps.
struct CustomerBuckets: Sendable {
    /// `bounds[b] ..< bounds[b + 1]` holds bucket `b` (`2^bits + 1` bounds).
    let bounds: [Int]

    /// How many places ahead of the one it fills the partition prefetches in a bucket: eight entries of 32
    /// bytes, four cache lines.
    static let prefetchAhead = 8

    /// Moves the entries of `buffer` into 256 buckets by the byte `(customer >> shift) & 0xFF`.
    init(partitioning buffer: UnsafeMutableBufferPointer<ContactTimeline.Entry>, shift: UInt64) {
        self.init(partitioning: buffer, shift: shift, bits: 8)
    }

    /// Moves the entries of `buffer` into `2^bits` buckets (`bits` from 1 to 16) by the key
    /// `(customer >> shift) & (2^bits - 1)`.
    init(partitioning buffer: UnsafeMutableBufferPointer<ContactTimeline.Entry>, shift: UInt64, bits: Int) {
        precondition(bits >= 1 && bits <= 16, "a partition by 1 to 16 bits")
        let count = 1 << bits
        let mask = UInt64(count - 1)
        var bounds = [Int](repeating: 0, count: count + 1)
        bounds.withUnsafeMutableBufferPointer { bounds in
            for entry in buffer { bounds[Int(truncatingIfNeeded: (entry.customer >> shift) & mask) &+ 1] &+= 1 }
            for b in 0..<count { bounds[b + 1] &+= bounds[b] }
            // `next[b]`: the first place of bucket b not yet holding one of its own entries.
            var next = [Int](bounds[0..<count])
            guard let base = buffer.baseAddress else { return }
            let last = buffer.count - 1
            next.withUnsafeMutableBufferPointer { next in
                for b in 0..<count {
                    let end = bounds[b + 1]
                    while next[b] < end {
                        var entry = buffer[next[b]]
                        var target = Int(truncatingIfNeeded: (entry.customer >> shift) & mask)
                        // Carry the entry to its bucket, take the one there, until one belongs to bucket b.
                        while target != b {
                            let place = next[target]
                            swap(&entry, &buffer[place])
                            next[target] = place &+ 1
                            // Each entry carried waits for the load of the one it displaces, a cache miss when
                            // the timeline is larger than the caches: one chain of misses. Each bucket's places
                            // are taken in order, so the line `prefetchAhead` places on in this bucket is asked
                            // for now, and is in the cache when the chain comes back to the bucket.
                            CacheLine.prefetchForWriting(base + min(place &+ Self.prefetchAhead, last))
                            target = Int(truncatingIfNeeded: (entry.customer >> shift) & mask)
                        }
                        buffer[next[b]] = entry
                        next[b] &+= 1
                    }
                }
            }
        }
        self.bounds = bounds
    }

    /// The number of buckets.
    var count: Int { bounds.count - 1 }

    /// Bucket `b` of `buffer` (the buffer partitioned).
    func bucket(_ b: Int, of buffer: UnsafeMutableBufferPointer<ContactTimeline.Entry>)
        -> UnsafeMutableBufferPointer<ContactTimeline.Entry> {
        UnsafeMutableBufferPointer(rebasing: buffer[bounds[b]..<bounds[b + 1]])
    }
}
