/// Medians and percentiles of many groups at once, in linear time: values are bucketed by group with a
/// counting sort (as order-preserving integer keys), then each group's order statistics are found by
/// counting passes over the key bits (`keys(atRanks:in:histogram:)`; no sort, no reordering).
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
        var scratchA = [UInt32](repeating: 0, count: sizesA[groupCount])
        var scratchB = [UInt32](repeating: 0, count: sizesB[groupCount])
        if groups > 0 {
            var cursorA = sizesA, cursorB = sizesB
            for i in 0..<count {
                let g = groupOf(i)
                guard g >= 0 else { continue }
                if hasFirst {
                    let a = first[i]
                    if !a.isNaN {
                        scratchA[cursorA[g]] = Self.key(a)
                        cursorA[g] += 1
                    }
                }
                if hasSecond {
                    let b = second[i]
                    if !b.isNaN {
                        scratchB[cursorB[g]] = Self.key(b)
                        cursorB[g] += 1
                    }
                }
            }
        }
        return (select(&scratchA, starts: sizesA, groupCount: groupCount, wantP90: false),
                select(&scratchB, starts: sizesB, groupCount: groupCount, wantP90: p90OfSecond))
    }

    /// The median (and p90) of each group of `scratch` (keys, see `key(_:)`), bucketed by group at `starts`.
    private static func select(_ scratch: inout [UInt32], starts: [Int], groupCount: Int, wantP90: Bool) -> [Result] {
        var results = [Result](repeating: Result(), count: groupCount)
        var histogram = [Int](repeating: 0, count: 1 << 11)
        scratch.withUnsafeBufferPointer { all in
            for g in 0..<groupCount {
                let lo = starts[g], hi = starts[g + 1], n = hi - lo
                if n == 0 { continue }
                // 0-based ranks: the middle one or two, and the nearest-rank p90 (`ceil(0.9 n)`-th, 1-based).
                var ranks = n % 2 == 1 ? [n / 2] : [n / 2 - 1, n / 2]
                if wantP90 { ranks.append(max(Int((0.9 * Double(n)).rounded(.up)), 1) - 1) }
                let values = Self.keys(atRanks: ranks, in: UnsafeBufferPointer(rebasing: all[lo..<hi]),
                                       histogram: &histogram).map { Double(Self.value(ofKey: $0)) }
                results[g].median = n % 2 == 1 ? values[0] : (values[0] + values[1]) / 2
                if wantP90 { results[g].p90 = values[values.count - 1] }
            }
        }
        return results
    }

    /// An order-preserving 32-bit key of a value that is not NaN: negative values have their bits flipped,
    /// others get the sign bit set; -0 counts as 0.
    @inline(__always)
    static func key(_ value: Float) -> UInt32 {
        let bits = (value + 0).bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }

    /// The value of a `key(_:)`.
    @inline(__always)
    static func value(ofKey key: UInt32) -> Float {
        Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
    }

    /// The keys a sort of `keys` would put at the 0-based `ranks`, exactly and without moving anything:
    /// three counting passes settle 11, 11 and then 10 bits of each wanted key (a pass per distinct prefix
    /// still wanted), so the cost is a few linear passes whatever the values, ties included.
    static func keys(atRanks ranks: [Int], in keys: UnsafeBufferPointer<UInt32>, histogram: inout [Int]) -> [UInt32] {
        var prefixes = [UInt32](repeating: 0, count: ranks.count)
        var residuals = ranks
        var settledBits: UInt32 = 0
        for width: UInt32 in [11, 11, 10] {
            let shift = 32 - settledBits - width
            let mask = UInt32((1 << width) - 1)
            var done = [Bool](repeating: false, count: ranks.count)
            for t in ranks.indices where !done[t] {
                // One counting pass for every wanted rank that shares this prefix.
                let prefix = prefixes[t]
                for b in 0..<(1 << Int(width)) { histogram[b] = 0 }
                histogram.withUnsafeMutableBufferPointer { counts in
                    if settledBits == 0 {
                        for k in keys { counts[Int((k >> shift) & mask)] += 1 }
                    } else {
                        let high = 32 - settledBits
                        for k in keys where k >> high == prefix { counts[Int((k >> shift) & mask)] += 1 }
                    }
                }
                for u in t..<ranks.count where !done[u] && prefixes[u] == prefix {
                    var remaining = residuals[u]
                    var bucket = 0
                    while remaining >= histogram[bucket] {
                        remaining -= histogram[bucket]
                        bucket += 1
                    }
                    residuals[u] = remaining
                    prefixes[u] = prefix << width | UInt32(bucket)
                    done[u] = true
                }
            }
            settledBits += width
        }
        return prefixes
    }
}
