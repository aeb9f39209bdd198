import Testing
@testable import ContactAnalytics

/// A whole-range histogram that keeps exact values (`keepsExactValues`): medians and p90 are the exact order
/// statistics up to `QuantileHistogram.exactLimit` values added, whatever the split into merged partials and
/// the values taken back; past the limit it gives the bucket figures, within 1/2,048 of the exact ones.
@Suite struct ExactQuantileTests {
    static func exact(_ values: [Float]) -> QuantileHistogram {
        var h = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits, keepsExactValues: true)
        for v in values { h.add(v) }
        return h
    }

    static func bucketsOnly(_ values: [Float]) -> QuantileHistogram {
        var h = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits)
        for v in values { h.add(v) }
        return h
    }

    /// Seconds between a day and a week, with fractions: values that share buckets.
    static func times(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(86_400 + generator.unitDouble() * 518_400) }
    }

    @Test func evenAndOddCountsAreExactByHand() {
        // 190118 and 190170 share a bucket ([190080, 190208), 128 wide): the buckets alone give its midpoint.
        let even: [Float] = [190_170, 3, 190_118, 100_000.5]
        // Sorted 3, 100000.5, 190118, 190170: median (100000.5 + 190118) / 2; p90 rank ceil(3.6) = 4.
        #expect(Self.exact(even).isExact)
        #expect(Self.exact(even).median == 145_059.25)
        #expect(Self.exact(even).percentile(0.9) == 190_170)
        #expect(Self.bucketsOnly(even).percentile(0.9) == 190_144)
        // One more: the middle value, 190118 (the buckets alone: 190144).
        let odd = even + [200_000]
        #expect(Self.exact(odd).median == 190_118)
        #expect(Self.bucketsOnly(odd).median == 190_144)
        #expect(Self.exact(odd).percentile(0.9) == 200_000)
        #expect(Self.exact([]).median == nil)
        #expect(Self.exact([.nan, .infinity]).percentile(0.9) == nil)
    }

    @Test(arguments: [1, 2, 1_001, 10_000, QuantileHistogram.exactLimit])
    func exactUpToTheLimit(count: Int) {
        let values = Self.times(count, seed: UInt64(count))
        let h = Self.exact(values)
        let reference = QuantileHistogramTests.reference(values)
        #expect(h.isExact)
        #expect(h.median == reference.median)
        #expect(h.percentile(0.9) == reference.p90)
    }

    /// Partials merged in any split give the exact figures; so does a merge into an empty histogram.
    @Test(arguments: [1, 7, 500, 2_999])
    func mergedPartialsStayExact(cut: Int) {
        let values = Self.times(3_000, seed: 5)
        var merged = Self.exact(Array(values[..<cut]))
        merged.merge(Self.exact(Array(values[cut...])))
        var fromEmpty = Self.exact([])
        fromEmpty.merge(merged)
        let reference = QuantileHistogramTests.reference(values)
        for h in [merged, fromEmpty] {
            #expect(h.isExact)
            #expect(h.median == reference.median)
            #expect(h.percentile(0.9) == reference.p90)
        }
    }

    /// Values taken back are gone from the exact figures, also when taken back in another partial than the one
    /// they were added to, and one copy at a time for repeated values.
    @Test func removedValuesAreTakenOut() {
        let values = Self.times(2_000, seed: 9) + [150_000, 150_000, 150_000]
        let dropped = Array(values[100..<700]) + [150_000, 150_000]
        var h = Self.exact(values)
        for v in dropped { h.remove(v) }
        let reference = QuantileHistogramTests.reference(Array(values[..<100]) + Array(values[700..<2_000]) + [150_000])
        #expect(h.count == 1_401)
        #expect(h.isExact)
        #expect(h.median == reference.median)
        #expect(h.percentile(0.9) == reference.p90)

        var adder = Self.exact(values)
        var remover = Self.exact([])
        for v in dropped { remover.remove(v) }
        adder.merge(remover)
        #expect(adder.median == reference.median)
        #expect(adder.percentile(0.9) == reference.p90)
    }

    /// One value past the limit, in one histogram or across merged partials: the bucket figures, the same as a
    /// histogram that never kept values, within 1/2,048 of the exact ones.
    @Test func pastTheLimitFallsBackToTheBuckets() {
        let values = Self.times(QuantileHistogram.exactLimit + 1, seed: 3)
        let single = Self.exact(values)
        var merged = Self.exact(Array(values[..<40_000]))
        merged.merge(Self.exact(Array(values[40_000...])))
        let buckets = Self.bucketsOnly(values)
        let reference = QuantileHistogramTests.reference(values)
        for h in [single, merged] {
            #expect(!h.isExact)
            #expect(h.median == buckets.median)
            #expect(h.percentile(0.9) == buckets.percentile(0.9))
            let median = h.median ?? .nan, p90 = h.percentile(0.9) ?? .nan
            #expect(abs(median - (reference.median ?? 0)) <= (reference.median ?? 0) / 2_048)
            #expect(abs(p90 - (reference.p90 ?? 0)) <= (reference.p90 ?? 0) / 2_048)
        }
        // Taking values back does not make it exact again: the limit counts values added.
        var h = single
        h.remove(values[0])
        h.remove(values[1])
        #expect(!h.isExact)
    }

    /// Slices keep buckets only: a histogram made without `keepsExactValues` never is exact.
    @Test func slicesKeepBucketsOnly() {
        #expect(!Self.bucketsOnly([1, 2, 3]).isExact)
        var h = Self.exact([1, 2, 3])
        h.merge(Self.bucketsOnly([4]))
        #expect(!h.isExact)
    }
}
