import Testing
@testable import ContactAnalytics

/// `OrderStatistics.values(atRanks:of:)` against a sort: by hand, on random lists full of repeated values, on
/// sorted, reversed and constant lists, and with the partition limit at 0 and 1 (the sort fallback).
@Suite struct OrderStatisticsTests {
    static func select(_ ranks: [Int], _ values: [Float], partitionLimit: Int? = nil) -> [Float] {
        var copy = values
        let found = OrderStatistics.values(atRanks: ranks, of: &copy, partitionLimit: partitionLimit)
        // Reordered, not changed: the same values.
        #expect(copy.sorted() == values.sorted())
        return found
    }

    @Test func handEvaluated() {
        // Sorted: -2, 0, 1, 3, 3, 7, 10.
        let values: [Float] = [3, 10, -2, 7, 0, 3, 1]
        #expect(Self.select([0], values) == [-2])
        #expect(Self.select([3], values) == [3])
        #expect(Self.select([2, 3, 4], values) == [1, 3, 3])
        #expect(Self.select([6], values) == [10])
        #expect(Self.select([5, 5], values) == [7, 7])
        #expect(Self.select([0, 6], values) == [-2, 10])
        #expect(Self.select([0], [42]) == [42])
        #expect(Self.select([], values) == [])
    }

    /// Every pair of ranks (a median's two middle values, a p90) on lists of many sizes and few distinct values,
    /// with and without the sort fallback.
    @Test(arguments: [nil, 0, 1, 3] as [Int?])
    func matchesASortOnRandomLists(partitionLimit: Int?) {
        var generator = SeededGenerator(seed: 15)
        for size in [1, 2, 3, 5, 8, 25, 26, 100, 1_001, 4_096] {
            for distinct in [1, 3, 50, 100_000] {
                let values = (0..<size).map { _ in Float(generator.next() % UInt64(distinct)) / 4 }
                let sorted = values.sorted()
                let ranks = [size / 2 - (size % 2 == 0 && size > 1 ? 1 : 0), size / 2,
                             min(Int((0.9 * Double(size)).rounded(.up)), size) - 1, size - 1]
                #expect(Self.select(ranks, values, partitionLimit: partitionLimit) == ranks.map { sorted[$0] },
                        "\(size) values, \(distinct) distinct")
                let r = Int(generator.next() % UInt64(size))
                #expect(Self.select([r], values, partitionLimit: partitionLimit) == [sorted[r]])
            }
        }
    }

    @Test func orderedAndConstantLists() {
        let ascending = (0..<1_000).map { Float($0) }
        #expect(Self.select([0, 499, 500, 899, 999], ascending) == [0, 499, 500, 899, 999])
        #expect(Self.select([0, 499, 500, 899, 999], ascending.reversed()) == [0, 499, 500, 899, 999])
        // Median-of-three killer shape: a sawtooth; and one value repeated.
        let saw = (0..<2_000).map { Float($0 % 2 == 0 ? $0 : 2_000 - $0) }
        #expect(Self.select([999, 1_000, 1_799], saw) == [999, 1_000, 1_799].map { saw.sorted()[$0] })
        #expect(Self.select([0, 500, 999], Array(repeating: 7.5, count: 1_000)) == [7.5, 7.5, 7.5])
    }

    /// The exact quantiles of a histogram keeping its values come out as the sort gives them, for odd and even
    /// counts with many repeated values, and with values taken back out (the sorted path).
    @Test func exactHistogramQuantilesMatchTheSort() {
        var generator = SeededGenerator(seed: 7)
        for count in [1, 2, 9, 10, 5_000, 5_001] {
            var h = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits, keepsExactValues: true)
            var values: [Float] = []
            for _ in 0..<count {
                let v = Float(generator.next() % 3_000) + (generator.next() % 2 == 0 ? 0.5 : 0)
                values.append(v)
                h.add(v)
            }
            #expect(h.isExact)
            let reference = QuantileHistogramTests.reference(values)
            #expect(h.median == reference.median, "\(count)")
            #expect(h.percentile(0.9) == reference.p90, "\(count)")
            let sorted = values.sorted()
            #expect(h.percentile(0.25) == Double(sorted[max(Int((0.25 * Double(count)).rounded(.up)), 1) - 1]))
            // Taking the first value back out: the sorted path, the same figures as a sort of the rest.
            h.remove(values[0])
            let rest = Array(values.dropFirst())
            let restReference = QuantileHistogramTests.reference(rest)
            #expect(h.median == restReference.median, "\(count) less one")
            #expect(h.percentile(0.9) == restReference.p90, "\(count) less one")
        }
    }
}
