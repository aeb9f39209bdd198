/// Bucket updates of a histogram not applied yet, so that a batch of them is applied at once
/// (`BreakdownHistograms.record`, `QuantileHistogram.recordDeferred`).
///
/// A worker thread's histogram buckets are mostly cache misses: the slices' pages are megabytes, and the input
/// streaming through the caches evicts them between two visits. Applied one by one, each update waits for its
/// line with little else in flight (the contact's other work is hundreds of instructions, more than the
/// processor looks ahead). Here updates are noted (the bucket's place and the value's bits) and applied
/// `capacity` at a time in two passes: the first only reads each bucket, independent loads that put dozens of
/// misses in flight at once; the second updates them from the cache. They are applied in the order they were
/// noted, so every bucket ends as if each update had been applied at once.
struct PendingBucketUpdates: Sendable {
    typealias Bucket = QuantileHistogram.Bucket

    /// An update: the bucket's place in the histogram's buckets, and the value's bits.
    private struct Update: Sendable {
        var place: UInt32 = 0
        var bits: UInt32 = 0
    }

    /// The most updates held before they are applied (32 contacts' six slices in `BreakdownHistograms`).
    static let capacity = 192
    /// Room for `capacity` updates, made when the first is noted (most histograms never defer an update).
    private var updates: [Update] = []
    /// The first `count` of `updates` are pending, all with the sign `sign`.
    private(set) var count = 0
    private var sign = 1
    /// What the first pass read (kept, so the reads are not optimised away).
    private var touched: UInt32 = 0

    /// Notes the update of the bucket at `place` with a value's `bits` and `sign` (1 or -1). The pending updates
    /// are applied to `buckets` first when there is no room, or when they have the other sign.
    @inline(__always)
    mutating func note(_ place: Int, bits: UInt32, sign: Int, buckets: inout [Bucket]) {
        if count + 1 > updates.count || sign != self.sign { makeRoom(sign: sign, buckets: &buckets) }
        let n = count
        updates.withUnsafeMutableBufferPointer { $0[n] = Update(place: UInt32(truncatingIfNeeded: place), bits: bits) }
        count = n + 1
    }

    /// The same for six buckets (a value's six slices), in order.
    @inline(__always)
    mutating func note(_ places: (Int, Int, Int, Int, Int, Int), bits: UInt32, sign: Int, buckets: inout [Bucket]) {
        if count + 6 > updates.count || sign != self.sign { makeRoom(sign: sign, buckets: &buckets) }
        let n = count
        updates.withUnsafeMutableBufferPointer { u in
            u[n] = Update(place: UInt32(truncatingIfNeeded: places.0), bits: bits)
            u[n + 1] = Update(place: UInt32(truncatingIfNeeded: places.1), bits: bits)
            u[n + 2] = Update(place: UInt32(truncatingIfNeeded: places.2), bits: bits)
            u[n + 3] = Update(place: UInt32(truncatingIfNeeded: places.3), bits: bits)
            u[n + 4] = Update(place: UInt32(truncatingIfNeeded: places.4), bits: bits)
            u[n + 5] = Update(place: UInt32(truncatingIfNeeded: places.5), bits: bits)
        }
        count = n + 6
    }

    /// Applies the pending updates, and makes room for `capacity` of `sign`.
    @inline(never)
    private mutating func makeRoom(sign: Int, buckets: inout [Bucket]) {
        apply(to: &buckets)
        if updates.isEmpty { updates = [Update](repeating: Update(), count: Self.capacity) }
        self.sign = sign
    }

    /// Applies the pending updates to `buckets` (the buckets they were noted for), in the order they were noted.
    mutating func apply(to buckets: inout [Bucket]) {
        let n = count
        guard n > 0 else { return }
        count = 0
        let sign = self.sign
        touched = updates.withUnsafeBufferPointer { u in
            buckets.withUnsafeMutableBufferPointer { b -> UInt32 in
                precondition(n <= u.count, "PendingBucketUpdates: more updates than room")
                // Reads only, none waiting for another: the misses overlap.
                var touched: UInt32 = 0
                for k in 0..<n {
                    let place = Int(u[k].place)
                    precondition(place < b.count, "PendingBucketUpdates: no such bucket")
                    touched &+= b[place].count
                }
                // The updates, from the cache.
                if sign > 0 {
                    for k in 0..<n { b[Int(u[k].place)].add(u[k].bits) }
                } else {
                    for k in 0..<n { b[Int(u[k].place)].remove() }
                }
                return touched
            }
        }
    }
}
