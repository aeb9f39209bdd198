import Testing
@testable import ContactAnalytics

/// Medians and nearest-rank p90s from the log-linear histogram against a sort: exact where the bucket holds
/// one distinct value, within the bucket width (1/256 of the value) otherwise.
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

    /// Whole numbers below 512 each have a bucket of their own: exact, whatever the mix.
    @Test(arguments: [1, 2, 3, 10, 999, 20_000])
    func wholeNumbersBelow512AreExact(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        let values = (0..<count).map { _ in Float(generator.uniform(512)) }
        let h = Self.histogram(values)
        let expected = Self.reference(values)
        #expect(h.median == expected.median)
        #expect(h.percentile(0.9) == expected.p90)
    }

    /// Any spread of positive values: within 1/256 of the exact order statistic (the bucket's width), and
    /// exact when the value at the rank is alone in its bucket.
    @Test(arguments: [1, 2, 5, 100, 5_000])
    func withinTheBucketWidth(count: Int) {
        var generator = SeededGenerator(seed: 99 + UInt64(count))
        for round in 0..<40 {
            let values: [Float] = (0..<count).map { _ in
                switch generator.uniform(3) {
                case 0: return Float(generator.uniform(3_000_000))
                case 1: return Float(generator.unitDouble() * 1e4)
                default: return Float(generator.unitDouble()) * 1e-3
                }
            }
            let h = Self.histogram(values)
            let expected = Self.reference(values)
            if let m = expected.median, let found = h.median {
                #expect(abs(found - m) <= m / 256 + 1e-9, "round \(round): \(found) vs \(m)")
            } else {
                Issue.record("no median")
            }
            if let p = expected.p90, let found = h.percentile(0.9) {
                #expect(abs(found - p) <= p / 256 + 1e-9, "round \(round): \(found) vs \(p)")
            }
        }
    }

    /// Zero, negative, tiny and huge values land in the low and top buckets without a crash, and are counted.
    @Test func extremes() {
        let h = Self.histogram([0, -0.0, -5, 1e-30, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e20, 3600])
        #expect(h.count == 8)
        // Ranks 3 and 4 (0-based) fall in the low bucket (0, -0, -5, 1e-30, tiny): its mean.
        let low = (0 + 0 - 5 + 1e-30 + Double(Float.leastNonzeroMagnitude)) / 5
        #expect(h.median == low)
        // The top bucket holds 1e20 and the greatest finite Float: their mean.
        #expect(h.percentile(1) == (1e20 + Double(Float.greatestFiniteMagnitude)) / 2)
    }

    /// Taking values back out leaves exactly the histogram of the rest (a dropped duplicate).
    @Test func removeUndoesAdd() {
        var generator = SeededGenerator(seed: 5)
        let kept = (0..<500).map { _ in Float(generator.unitDouble() * 86_400) }
        let dropped = (0..<200).map { _ in Float(generator.unitDouble() * 86_400) }
        var h = QuantileHistogram()
        for v in (kept + dropped).shuffled(using: &generator) { h.add(v) }
        for v in dropped { h.remove(v) }
        let reference = Self.histogram(kept)
        #expect(h.count == reference.count)
        #expect(h.median == reference.median)
        #expect(h.percentile(0.9) == reference.percentile(0.9))
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

    /// Memory follows the spread of the values, not their number: a page of 256 buckets per power of two.
    @Test func memoryDependsOnSpreadNotCount() {
        var generator = SeededGenerator(seed: 3)
        var h = QuantileHistogram()
        for _ in 0..<200_000 { h.add(Float(60 + generator.uniform(3_600 - 60))) }
        // 60 ..< 3600 spans 2^5 ... 2^11: seven pages.
        #expect(h.pageBytes == 7 * 256 * MemoryLayout<QuantileHistogram.Bucket>.stride)
    }
}
