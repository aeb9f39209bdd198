/// The median and nearest-rank percentiles of a stream of values, in memory that depends on the spread of the
/// values, never on how many there are: a log-linear histogram that can also take values back out (a dropped
/// duplicate) and merge with another (a cause group from its causes; one worker thread's sums with another's).
///
/// **Buckets.** A value's bucket is its `Float` with all but `m` of the 23 mantissa bits dropped: 2^m buckets
/// for each power of two 2^e, each 2^e / 2^m wide. Slices keep m = 7 (`sliceBits`: from 512 to 1024 a bucket is
/// 4 wide), the whole range m = 10 (`wholeRangeBits`: 0.5 wide there). Values from 2⁻²⁰ up to 2⁴⁴ have buckets
/// of their own (a page of 2^m buckets, 8 bytes each, is made the first time a value lands in its power of
/// two: times of seconds to weeks touch about twenty pages); larger values share the top bucket, and 0,
/// values below 2⁻²⁰ and negative values share one bucket below all others.
///
/// **Quantiles.** Each bucket keeps how many values it holds and the first value it was given, and notes
/// when a different value arrives. The value at a rank is its bucket's value when the bucket only ever held
/// one distinct value, so it is *exact* then (always for whole numbers below 2^(m+1): 256 for slices, 2,048
/// for the whole range; and for any value no other value shares a bucket with); otherwise it is the bucket's
/// midpoint, within half a bucket (1/2^(m+1): 0.4 % for slices, 0.05 % for the whole range) of the exact
/// order statistic. (A mixed bucket stays mixed when values are taken back out; the low and top buckets give
/// 0 and about 2⁴⁴ when mixed.) Counts, merges and removals are exact, so the result does not depend on the
/// order values came in or on how they were split between histograms.
///
/// **Exact values.** A histogram made with `keepsExactValues` also keeps every value added (and every value
/// taken back) in two arrays while at most `exactLimit` values were ever added to it: its quantiles are then the
/// exact order statistics of the values held (as `Float`s: whole seconds up to 2²⁴, 194 days, are exact). Past
/// that limit, it drops the arrays and falls back to its buckets. The limit counts values *added*, so whether a
/// histogram is exact does not depend on how values were split between histograms that are merged; a merge keeps
/// the arrays only when both sides have them and the sum stays within the limit.
///
/// - Median: the middle value; for an even count, the mean of the two middle values.
/// - Percentile p (nearest rank): the `ceil(p * n)`-th smallest value (1-based).
struct QuantileHistogram: Sendable {
    /// The most values a histogram keeping exact values may be given before it falls back to its buckets
    /// (2 x 4 bytes each at most: 512 KiB).
    static let exactLimit = 65_536
    /// Mantissa bits kept by the histograms of slices: 2^7 buckets per power of two (within 0.4 %).
    static let sliceBits = 7
    /// Mantissa bits kept by the histograms of the whole range, the report's headline medians: 2^10 buckets
    /// per power of two (whole seconds below 2,048 exact, otherwise within 0.05 %).
    static let wholeRangeBits = 10

    /// Mantissa bits kept: `2^subBucketBits` buckets per power of two.
    let subBucketBits: Int
    var bucketsPerOctave: Int { 1 << subBucketBits }
    /// The biased `Float` exponent of the lowest octave with buckets of its own (2⁻²⁰).
    static let lowestExponent = 127 - 20
    /// Octaves with buckets of their own: 2⁻²⁰ ..< 2⁴⁴.
    static let octaveCount = 64

    /// 8 bytes: a count and the first value's bits (`mixed` once another value came).
    struct Bucket: Sendable {
        var count: UInt32 = 0
        var first: UInt32 = 0

        /// A NaN pattern: no value recorded has it.
        static let mixed: UInt32 = 0xFFFF_FFFF

        /// Adds (`sign` 1) or takes back (`sign` -1) a value with these bits.
        @inline(__always)
        mutating func record(_ bits: UInt32, sign: Int) {
            if sign > 0 { add(bits) } else { remove() }
        }

        /// Adds a value with these bits. Written with masks rather than branches on the bucket's contents (both
        /// fields read, no short-circuit `||`): a bucket is often a cache miss (the slices' histograms are
        /// megabytes), and a branch on what it holds, when mispredicted, throws away the work done after it
        /// while the line arrived.
        @inline(__always)
        mutating func add(_ bits: UInt32) {
            let count = self.count, first = self.first
            // All ones when the bucket keeps `bits` as its one value: it was empty, or held only `bits`. In
            // arithmetic (x - 1 is negative only for x = 0) rather than `x == 0 ? ~0 : 0`, which the compiler
            // turns back into branches in a loop.
            let empty = UInt32(truncatingIfNeeded: (Int64(count) &- 1) &>> 32)
            let same = UInt32(truncatingIfNeeded: (Int64(first ^ bits) &- 1) &>> 32)
            let keeps = empty | same
            // `bits`, or all ones (`mixed`); the count saturates rather than overflows (four billion equal
            // values in one bucket).
            self = Bucket(count: count &+ (count == .max ? 0 : 1), first: bits | ~keeps)
        }

        /// Takes back a value (the bucket's first value stays: a mixed bucket stays mixed).
        @inline(__always)
        mutating func remove() {
            count &-= count > 0 ? 1 : 0
        }

        mutating func merge(_ other: Bucket) {
            guard other.count > 0 else { return }
            if count == 0 {
                first = other.first
            } else if first != other.first {
                first = Self.mixed
            }
            let (sum, overflow) = count.addingReportingOverflow(other.count)
            count = overflow ? .max : sum
        }
    }

    /// Values at or below the lowest octave (0, tiny and negative values).
    private var low = Bucket()
    /// `pageOfOctave[o]`: where octave `o`'s buckets start in `buckets`, or -1 before the first value there.
    private var pageOfOctave = [Int32](repeating: -1, count: octaveCount)
    private var buckets: [Bucket] = []
    /// The number of values held.
    private(set) var count = 0
    /// The values added and the values taken back, in no order, while at most `exactLimit` values were added;
    /// `nil` otherwise (or when the histogram was not made to keep them).
    private var exactAdded: [Float]?
    private var exactRemoved: [Float] = []
    /// Whether quantiles are exact order statistics (the values are kept), not bucket values.
    var isExact: Bool { exactAdded != nil }
    /// Bucket updates noted by `recordDeferred` and not applied yet.
    private var pending = PendingBucketUpdates()

    /// An empty histogram keeping `subBucketBits` mantissa bits (1...16), and the values themselves while
    /// there are at most `exactLimit` of them when `keepsExactValues`.
    init(subBucketBits: Int = QuantileHistogram.sliceBits, keepsExactValues: Bool = false) {
        precondition((1...16).contains(subBucketBits), "a histogram keeps 1 to 16 mantissa bits")
        self.subBucketBits = subBucketBits
        exactAdded = keepsExactValues ? [] : nil
    }

    /// A histogram of `count` values with these buckets: `low`, and `2^subBucketBits` buckets for each octave
    /// listed.
    init(subBucketBits: Int, count: Int, low: Bucket, pages octavePages: [(octave: Int, buckets: ArraySlice<Bucket>)]) {
        self.init(subBucketBits: subBucketBits)
        self.count = count
        self.low = low
        for (octave, page) in octavePages {
            pageOfOctave[octave] = Int32(buckets.count)
            buckets.append(contentsOf: page)
        }
    }

    /// Where the value with these bits goes with `subBucketBits` (1...16) mantissa bits kept: its octave and
    /// bucket, or `nil` for the low bucket.
    @inline(__always)
    static func place(ofBits bits: UInt32, subBucketBits: Int) -> (octave: Int, sub: Int)? {
        let exponent = Int(bits >> 23)
        // Negative values have the sign bit set, so their "exponent" is 256 or more: the low bucket too.
        guard exponent >= lowestExponent, exponent < 256 else { return nil }
        let octave = exponent - lowestExponent
        // Masking shifts: with `subBucketBits` in 1...16 they shift as the plain ones would, without the plain
        // ones' tests for negative and oversized amounts.
        let perOctave = 1 &<< subBucketBits
        guard octave < octaveCount else { return (octaveCount - 1, perOctave - 1) }
        let mask = UInt32(truncatingIfNeeded: perOctave - 1)
        return (octave, Int((bits &>> UInt32(truncatingIfNeeded: 23 - subBucketBits)) & mask))
    }

    /// Adds `value` (NaN and infinities are ignored).
    @inline(__always)
    mutating func add(_ value: Float) {
        record(value, sign: 1)
    }

    /// Takes back a value added before (NaN and infinities are ignored).
    @inline(__always)
    mutating func remove(_ value: Float) {
        record(value, sign: -1)
    }

    /// Adds (`sign` 1) or takes back (`sign` -1) one value.
    @inline(__always)
    mutating func record(_ value: Float, sign: Int) {
        // Updates deferred before this one first: each bucket sees its updates in order.
        if pending.count > 0 { applyPending() }
        guard let (place, bits) = placeBucket(value, sign: sign) else { return }
        buckets.withUnsafeMutableBufferPointer { $0[place].record(bits, sign: sign) }
    }

    /// Adds (`sign` 1) or takes back (`sign` -1) one value, as `record`, but leaves the update of its bucket
    /// pending, to be applied in a batch with others (`PendingBucketUpdates`): for histograms whose buckets
    /// are mostly cache misses (`SliceAggregates`' whole-range ones). Reading or merging applies them first
    /// (`applyPending()`, or a copy with them applied).
    @inline(__always)
    mutating func recordDeferred(_ value: Float, sign: Int) {
        guard let (place, bits) = placeBucket(value, sign: sign) else { return }
        pending.note(place, bits: bits, sign: sign, buckets: &buckets)
    }

    /// Counts one value (`sign` 1) or takes it back (-1), except in its bucket: returns where the bucket is in
    /// `buckets` (its page made if needed) and the value's bits; `nil` for no value (NaN, infinities) or a value
    /// of the low bucket, which is updated here.
    @inline(__always)
    private mutating func placeBucket(_ value: Float, sign: Int) -> (place: Int, bits: UInt32)? {
        guard value.isFinite else { return nil }
        count += sign
        let bits = (value + 0).bitPattern
        if exactAdded != nil { keepExact(value + 0, sign: sign) }
        guard let (octave, sub) = Self.place(ofBits: bits, subBucketBits: subBucketBits) else {
            low.record(bits, sign: sign)
            return nil
        }
        var page = Int(pageOfOctave[octave])
        if page < 0 {
            page = buckets.count
            pageOfOctave[octave] = Int32(page)
            buckets.append(contentsOf: repeatElement(Bucket(), count: bucketsPerOctave))
        }
        return (page + sub, bits)
    }

    /// Applies the bucket updates `recordDeferred` left pending.
    mutating func applyPending() {
        pending.apply(to: &buckets)
    }

    /// This histogram with every pending update applied: `self` when none is pending, else a copy.
    private var settled: QuantileHistogram {
        guard pending.count > 0 else { return self }
        var copy = self
        copy.applyPending()
        return copy
    }

    /// Notes an added (`sign` 1) or taken back (`sign` -1) value in the exact arrays, dropping them once more
    /// than `exactLimit` values were added.
    private mutating func keepExact(_ value: Float, sign: Int) {
        guard sign > 0 else {
            exactRemoved.append(value)
            return
        }
        if let added = exactAdded?.count, added >= Self.exactLimit {
            dropExactValues()
        } else {
            exactAdded?.append(value)
        }
    }

    private mutating func dropExactValues() {
        exactAdded = nil
        exactRemoved = []
    }

    /// Adds every value of `other`.
    mutating func merge(_ other: QuantileHistogram) {
        precondition(other.subBucketBits == subBucketBits, "merging histograms of different precision")
        applyPending()
        let other = other.settled
        count += other.count
        if let otherAdded = other.exactAdded, let added = exactAdded?.count, added + otherAdded.count <= Self.exactLimit {
            exactAdded?.append(contentsOf: otherAdded)
            exactRemoved.append(contentsOf: other.exactRemoved)
        } else {
            dropExactValues()
        }
        low.merge(other.low)
        for octave in 0..<Self.octaveCount where other.pageOfOctave[octave] >= 0 {
            Self.mergePage(at: &pageOfOctave[octave], in: &buckets, from: other.buckets, at: Int(other.pageOfOctave[octave]),
                           bucketsPerOctave: bucketsPerOctave)
        }
    }

    /// Adds the `bucketsPerOctave` buckets of `source` from `start` to the page `page` of `buckets` (made, as a
    /// copy, when `page` is -1): merging one octave of one histogram into another.
    static func mergePage(at page: inout Int32, in buckets: inout [Bucket], from source: [Bucket], at start: Int,
                          bucketsPerOctave: Int) {
        guard page >= 0 else {
            page = Int32(buckets.count)
            buckets.append(contentsOf: source[start..<(start + bucketsPerOctave)])
            return
        }
        let first = Int(page)
        for sub in 0..<bucketsPerOctave { buckets[first + sub].merge(source[start + sub]) }
    }

    /// The value a bucket stands for: its one value, or its midpoint when it held several.
    private func value(of bucket: Bucket, octave: Int?, sub: Int) -> Double {
        if bucket.first != Bucket.mixed { return Double(Float(bitPattern: bucket.first)) }
        guard let octave else { return 0 }
        let octaveStart = Float(bitPattern: UInt32(octave + Self.lowestExponent) << 23)
        let width = Double(octaveStart) / Double(bucketsPerOctave)
        let lower = Double(octaveStart) + Double(sub) * width
        return lower + width / 2
    }

    /// The values held, ascending, when kept: the values added less those taken back.
    private var exactValues: [Float]? {
        guard let held = exactAdded?.sorted() else { return nil }
        guard !exactRemoved.isEmpty else { return held }
        let removed = exactRemoved.sorted()
        var kept: [Float] = []
        kept.reserveCapacity(held.count)
        var r = 0
        for value in held {
            while r < removed.count, removed[r] < value { r += 1 }
            if r < removed.count, removed[r] == value {
                r += 1
            } else {
                kept.append(value)
            }
        }
        return kept
    }

    /// The values at the 0-based `ranks` (ascending).
    func values(atRanks ranks: [Int]) -> [Double] {
        guard pending.count == 0 else { return settled.values(atRanks: ranks) }
        if exactRemoved.isEmpty, var held = exactAdded, held.count == count {
            // Nothing taken back: the values held are those added, selected at the ranks without a sort.
            return OrderStatistics.values(atRanks: ranks, of: &held).map { Double($0) }
        }
        if let exact = exactValues, exact.count == count {
            return ranks.map { Double(exact[$0]) }
        }
        var results: [Double] = []
        results.reserveCapacity(ranks.count)
        var next = 0
        var below = 0
        func take(_ bucket: Bucket, octave: Int?, sub: Int) {
            guard bucket.count > 0 else { return }
            let count = Int(bucket.count)
            while next < ranks.count, ranks[next] < below + count {
                results.append(value(of: bucket, octave: octave, sub: sub))
                next += 1
            }
            below += count
        }
        take(low, octave: nil, sub: 0)
        for octave in 0..<Self.octaveCount where pageOfOctave[octave] >= 0 && next < ranks.count {
            let page = Int(pageOfOctave[octave])
            for sub in 0..<bucketsPerOctave where next < ranks.count {
                take(buckets[page + sub], octave: octave, sub: sub)
            }
        }
        return results
    }

    /// The median, or `nil` with no values.
    var median: Double? {
        guard count > 0 else { return nil }
        if count % 2 == 1 { return values(atRanks: [count / 2])[0] }
        let middle = values(atRanks: [count / 2 - 1, count / 2])
        return (middle[0] + middle[1]) / 2
    }

    /// The nearest-rank percentile `p` (0 < p <= 1): the `ceil(p * n)`-th smallest value; `nil` with no values.
    func percentile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = min(max(Int((p * Double(count)).rounded(.up)), 1), count) - 1
        return values(atRanks: [rank])[0]
    }

    /// The bytes of bucket pages held (for the README's memory figures and tests).
    var pageBytes: Int { buckets.count * MemoryLayout<Bucket>.stride }
}
