/// The median and nearest-rank percentiles of a stream of values, in memory that depends on the spread of the
/// values, never on how many there are: a log-linear histogram that can also take values back out (a dropped
/// duplicate) and merge with another (a cause group from its causes).
///
/// **Buckets.** A value's bucket is its `Float` with the low 15 of the 23 mantissa bits dropped: 256 buckets
/// for each power of two, each at most 1/256 of its values wide. Values from 2⁻²⁰ up to 2⁴⁴ have buckets of
/// their own (a page of 256 buckets is made the first time a value lands in its power of two: handle times
/// of seconds to hours touch about a dozen pages); larger values share the top bucket, and 0, values below
/// 2⁻²⁰ and negative values share one bucket below all others.
///
/// **Quantiles.** Each bucket keeps how many values it holds and their sum. The value at a rank is the mean
/// of the values in the bucket holding that rank. So it is *exact* whenever that bucket holds one distinct
/// value (always for whole numbers below 512, e.g. handle times under 8.5 minutes in whole seconds), and
/// otherwise within the bucket's width of the exact order statistic: less than 0.4 % of it.
///
/// - Median: the middle value; for an even count, the mean of the two middle values.
/// - Percentile p (nearest rank): the `ceil(p * n)`-th smallest value (1-based).
struct QuantileHistogram: Sendable {
    /// Mantissa bits kept: 2^8 buckets per power of two.
    static let subBucketBits = 8
    static let bucketsPerOctave = 1 << subBucketBits
    /// The biased `Float` exponent of the lowest octave with buckets of its own (2⁻²⁰).
    static let lowestExponent = 127 - 20
    /// Octaves with buckets of their own: 2⁻²⁰ ..< 2⁴⁴.
    static let octaveCount = 64

    struct Bucket: Sendable {
        var count = 0
        var sum = 0.0
    }

    /// Values at or below the lowest octave (0, tiny and negative values).
    private var low = Bucket()
    /// `pageOfOctave[o]`: where octave `o`'s buckets start in `buckets`, or -1 before the first value there.
    private var pageOfOctave = [Int32](repeating: -1, count: octaveCount)
    private var buckets: [Bucket] = []
    /// The number of values held.
    private(set) var count = 0

    init() {}

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
        guard value.isFinite else { return }
        count += sign
        let bits = value.bitPattern
        let exponent = Int(bits >> 23)
        // Negative values have the sign bit set, so their "exponent" is 256 or more: the low bucket too.
        guard exponent >= Self.lowestExponent, exponent < 256 else {
            low.count += sign
            low.sum = low.count == 0 ? 0 : low.sum + Double(sign) * Double(value)
            return
        }
        var octave = exponent - Self.lowestExponent
        var sub = Int((bits >> UInt32(23 - Self.subBucketBits)) & UInt32(Self.bucketsPerOctave - 1))
        if octave >= Self.octaveCount {
            octave = Self.octaveCount - 1
            sub = Self.bucketsPerOctave - 1
        }
        var page = Int(pageOfOctave[octave])
        if page < 0 {
            page = buckets.count
            pageOfOctave[octave] = Int32(page)
            buckets.append(contentsOf: repeatElement(Bucket(), count: Self.bucketsPerOctave))
        }
        buckets.withUnsafeMutableBufferPointer { b in
            b[page + sub].count += sign
            // Within one octave every value is a multiple of the same power of two, so these sums are exact
            // (below 2^29 values a bucket) and a bucket emptied again holds exactly 0.
            b[page + sub].sum += Double(sign) * Double(value)
        }
    }

    /// Adds every value of `other`.
    mutating func merge(_ other: QuantileHistogram) {
        count += other.count
        low.count += other.low.count
        low.sum += other.low.sum
        for octave in 0..<Self.octaveCount where other.pageOfOctave[octave] >= 0 {
            let from = Int(other.pageOfOctave[octave])
            var page = Int(pageOfOctave[octave])
            if page < 0 {
                page = buckets.count
                pageOfOctave[octave] = Int32(page)
                buckets.append(contentsOf: other.buckets[from..<(from + Self.bucketsPerOctave)])
                continue
            }
            for sub in 0..<Self.bucketsPerOctave {
                buckets[page + sub].count += other.buckets[from + sub].count
                buckets[page + sub].sum += other.buckets[from + sub].sum
            }
        }
    }

    /// The values at the 0-based `ranks` (ascending), each the mean of its bucket.
    func values(atRanks ranks: [Int]) -> [Double] {
        var results: [Double] = []
        results.reserveCapacity(ranks.count)
        var next = 0
        var below = 0
        func take(_ bucket: Bucket) {
            guard bucket.count > 0 else { return }
            while next < ranks.count, ranks[next] < below + bucket.count {
                results.append(bucket.sum / Double(bucket.count))
                next += 1
            }
            below += bucket.count
        }
        take(low)
        for octave in 0..<Self.octaveCount where pageOfOctave[octave] >= 0 && next < ranks.count {
            let page = Int(pageOfOctave[octave])
            for sub in 0..<Self.bucketsPerOctave where next < ranks.count { take(buckets[page + sub]) }
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
