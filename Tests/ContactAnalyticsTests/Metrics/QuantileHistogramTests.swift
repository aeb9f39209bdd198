import Testing
@testable import ContactAnalytics

/// Medians and nearest-rank p90s from the log-linear histogram against a sort: exact where the bucket holds
/// one distinct value, within half a bucket (1/256 of the value) otherwise.
@Suite struct QuantileHistogramTests {
    /// Median and p90 (nearest rank) of `values` by sorting.
    static func reference(_ values: [Float]) -> (median: Double?, p90: Double?) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return (nil, nil) }
        let n = sorted.count
        let median = n % 2 == 1 ? Double(sorted[n / 2]) : (Double(sorted[n / 2 - 1]) + Double(sorted[n / 2])) / 2
        let rank = Int((0.9 * Double(n)).rounded(.up))
        return (median, Double(sorted[max(rank, 1) - 1]))
    }

    static func histogram(_ values: [Float]) -> QuantileHistogram {
        var h = QuantileHistogram()
        for v in values { h.add(v) }
        return h
    }

    @Test func handEvaluated() {
        // 1, 2, 3, 10 -> median 2.5, p90 rank ceil(3.6) = 4 -> 10. NaN and infinity are not values.
        let h = Self.histogram([3, 1, .nan, 10, 2, .infinity])
        #expect(h.count == 4)
        #expect(h.median == 2.5)
        #expect(h.percentile(0.9) == 10)
        #expect(h.percentile(0.5) == 2)
        #expect(Self.histogram([7]).median == 7)
        #expect(Self.histogram([7]).percentile(0.9) == 7)
        #expect(QuantileHistogram().median == nil)
        #expect(QuantileHistogram().percentile(0.9) == nil)
    }

    /// Whole numbers below 2,048 each have a bucket of their own in a whole-range histogram: exact.
    @Test func wholeNumbersBelow2048AreExactForTheWholeRange() {
        var generator = SeededGenerator(seed: 11)
        let values = (0..<20_000).map { _ in Float(generator.uniform(2_048)) }
        var h = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits)
        for v in values { h.add(v) }
        let expected = Self.reference(values)
        #expect(h.median == expected.median)
        #expect(h.percentile(0.9) == expected.p90)
        // 1307 and 1308 have buckets of their own here, not in a slice's histogram ([1304, 1312)).
        var whole = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits)
        for v: Float in [1307, 1308, 1308] { whole.add(v) }
        #expect(whole.median == 1308)
        #expect(Self.histogram([1307, 1307, 1308]).median == 1308)
    }

    /// Whole numbers below 256 each have a bucket of their own: exact, whatever the mix.
    @Test(arguments: [1, 2, 3, 10, 999, 20_000])
    func wholeNumbersBelow256AreExact(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        let values = (0..<count).map { _ in Float(generator.uniform(256)) }
        let h = Self.histogram(values)
        let expected = Self.reference(values)
        #expect(h.median == expected.median)
        #expect(h.percentile(0.9) == expected.p90)
    }

    /// Any spread of positive values: within half a bucket of the exact order statistic (1/256 of it for slices,
    /// 1/2048 for the whole range).
    @Test(arguments: [1, 2, 5, 100, 5_000], [QuantileHistogram.sliceBits, QuantileHistogram.wholeRangeBits])
    func withinTheBucketWidth(count: Int, bits: Int) {
        var generator = SeededGenerator(seed: 99 + UInt64(count))
        let bound = Double(1 << (bits + 1))
        for round in 0..<40 {
            let values: [Float] = (0..<count).map { _ in
                switch generator.uniform(3) {
                case 0: return Float(generator.uniform(3_000_000))
                case 1: return Float(generator.unitDouble() * 1e4)
                default: return Float(generator.unitDouble()) * 1e-3
                }
            }
            var h = QuantileHistogram(subBucketBits: bits)
            for v in values { h.add(v) }
            let expected = Self.reference(values)
            if let m = expected.median, let found = h.median {
                #expect(abs(found - m) <= m / bound + 1e-9, "round \(round): \(found) vs \(m)")
            } else {
                Issue.record("no median")
            }
            if let p = expected.p90, let found = h.percentile(0.9) {
                #expect(abs(found - p) <= p / bound + 1e-9, "round \(round): \(found) vs \(p)")
            }
        }
    }

    /// Zero, negative, tiny and huge values land in the low and top buckets without a crash, and are counted.
    @Test func extremes() {
        let h = Self.histogram([0, -0.0, -5, 1e-30, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e20, 3600])
        #expect(h.count == 8)
        // Ranks 3 and 4 (0-based) fall in the low bucket (0, -0, -5, 1e-30, tiny), which counts as 0 when mixed.
        #expect(h.median == 0)
        #expect(Self.histogram([0, -0.0, 0]).median == 0)
        #expect(Self.histogram([-5, -5]).median == -5)
        // The top bucket holds 1e20 and the greatest finite Float: its midpoint, just below 2^44.
        let top = h.percentile(1) ?? 0
        #expect(top > 0x1p43 && top < 0x1p44)
        #expect(h.percentile(0.75) == 3600)
    }

    /// A bucket that only ever held one value gives that value, however wide the bucket; two values in one
    /// bucket give its midpoint.
    @Test func oneValueInABucketIsExact() {
        #expect(Self.histogram([86_401, 86_401, 90_000]).median == 86_401)
        // 600 and 601 share the bucket [600, 604) (width 4 from 512 to 1024): its midpoint.
        #expect(Self.histogram([600, 601, 601]).median == 602)
        #expect(Self.histogram([600, 600, 601]).percentile(0.5) == 602)
        #expect(Self.histogram([600, 600, 605]).percentile(0.5) == 600)
    }

    /// Taking values back out leaves the counts of the rest: exactly the histogram of the rest where no bucket
    /// mixed values (whole numbers below 256), and within half a bucket otherwise.
    @Test func removeTakesValuesBackOut() {
        var generator = SeededGenerator(seed: 5)
        for range in [256, 86_400] {
            let kept = (0..<500).map { _ in Float(generator.uniform(range)) }
            let dropped = (0..<200).map { _ in Float(generator.uniform(range)) }
            var h = QuantileHistogram()
            for v in (kept + dropped).shuffled(using: &generator) { h.add(v) }
            for v in dropped { h.remove(v) }
            let reference = Self.reference(kept)
            #expect(h.count == kept.count)
            if range == 256 {
                #expect(h.median == reference.median)
                #expect(h.percentile(0.9) == reference.p90)
            } else if let m = reference.median, let found = h.median {
                #expect(abs(found - m) <= m / 256)
            }
        }
    }

    /// A merge is the histogram of both inputs.
    @Test func mergeIsTheHistogramOfBoth() {
        var generator = SeededGenerator(seed: 8)
        let a = (0..<300).map { _ in Float(generator.uniform(100_000)) }
        let b = (0..<301).map { _ in Float(generator.uniform(1_000)) }
        var merged = Self.histogram(a)
        merged.merge(Self.histogram(b))
        let whole = Self.histogram(a + b)
        #expect(merged.count == 601)
        #expect(merged.median == whole.median)
        #expect(merged.percentile(0.9) == whole.percentile(0.9))
        var empty = QuantileHistogram()
        empty.merge(Self.histogram(a))
        #expect(empty.values(atRanks: Array(0..<300)) == Self.histogram(a).values(atRanks: Array(0..<300)))
        #expect(merged.values(atRanks: Array(0..<601)) == whole.values(atRanks: Array(0..<601)))
    }

    /// `recordDeferred` leaves bucket updates pending (applied in batches, in order): with more values than a
    /// batch holds, some taken back (the sign changes mid-batch), some in the low bucket, and direct `record`s
    /// in between, the histogram reads as one given every value directly, before and after `applyPending()`,
    /// and merges as one too.
    @Test func deferredUpdatesReadAsDirectOnes() {
        var generator = SeededGenerator(seed: 5)
        var deferred = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits, keepsExactValues: true)
        var direct = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits, keepsExactValues: true)
        var inexact = QuantileHistogram(), inexactDirect = QuantileHistogram()
        var added: [Float] = []
        for i in 0..<(PendingBucketUpdates.capacity * 3 + 5) {
            // Every ninth a value added before is taken back.
            let sign = i % 9 == 4 ? -1 : 1
            var value = i % 13 == 0 ? 0 : Float(generator.uniform(i % 2 == 0 ? 300 : 100_000))
            if sign < 0 { value = added.remove(at: generator.uniform(added.count)) } else { added.append(value) }
            if i % 50 == 7 {
                deferred.record(value, sign: sign)
                inexact.record(value, sign: sign)
            } else {
                deferred.recordDeferred(value, sign: sign)
                inexact.recordDeferred(value, sign: sign)
            }
            direct.record(value, sign: sign)
            inexactDirect.record(value, sign: sign)
        }
        let ranks = Array(0..<direct.count)
        #expect(direct.count > PendingBucketUpdates.capacity * 2)
        #expect(deferred.count == direct.count)
        #expect(deferred.values(atRanks: ranks) == direct.values(atRanks: ranks))
        #expect(inexact.values(atRanks: ranks) == inexactDirect.values(atRanks: ranks))
        // The slice precision's buckets are shared above 256: the pending order matters for `mixed`.
        #expect(inexact.median == inexactDirect.median)
        var merged = QuantileHistogram()
        merged.merge(inexact)
        #expect(merged.values(atRanks: ranks) == inexactDirect.values(atRanks: ranks))
        inexact.applyPending()
        deferred.applyPending()
        #expect(inexact.values(atRanks: ranks) == inexactDirect.values(atRanks: ranks))
        #expect(deferred.values(atRanks: ranks) == direct.values(atRanks: ranks))
    }

    /// Memory follows the spread of the values, not their number: a page of 128 buckets per power of two.
    @Test func memoryDependsOnSpreadNotCount() {
        var generator = SeededGenerator(seed: 3)
        var h = QuantileHistogram()
        for _ in 0..<200_000 { h.add(Float(60 + generator.uniform(3_600 - 60))) }
        // 60 ..< 3600 spans 2^5 ... 2^11: seven pages.
        #expect(h.pageBytes == 7 * 1024)
    }
}
