import Testing
@testable import ContactAnalytics

/// Grouped medians and nearest-rank p90s against a sort of each group.
@Suite struct OrderStatisticsTests {
    /// Median and p90 (nearest rank) of `values` by sorting.
    static func reference(_ values: [Float]) -> OrderStatistics.Result {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return OrderStatistics.Result() }
        let n = sorted.count
        let median = n % 2 == 1 ? Double(sorted[n / 2]) : (Double(sorted[n / 2 - 1]) + Double(sorted[n / 2])) / 2
        let rank = Int((0.9 * Double(n)).rounded(.up))
        return OrderStatistics.Result(median: median, p90: Double(sorted[max(rank, 1) - 1]))
    }

    @Test(arguments: [0, 1, 2, 17, 1_000, 30_000])
    func pairMatchesSortedGroups(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count) + 1)
        let keys = (0..<count).map { _ in UInt8(generator.uniform(6)) }
        let included = (0..<count).map { _ in generator.uniform(10) > 0 }
        // Few distinct values (many ties) in one column, many in the other; some NaN in both.
        let first = (0..<count).map { _ in generator.uniform(8) == 0 ? Float.nan : Float(generator.uniform(20)) }
        let second = (0..<count).map { _ in generator.uniform(5) == 0 ? Float.nan : Float(generator.unitDouble() * 1e4) }
        // Keys 0...5 fold into groups 0, 1, 2 (key 5 is left out).
        let remap = [0, 0, 1, 1, 2, -1]
        let result = OrderStatistics.groupedPair(keys: keys, remap: remap, included: included, groupCount: 3,
                                                 first: first, second: second, p90OfSecond: true)
        for g in 0..<3 {
            let members = (0..<count).filter { included[$0] && remap[Int(keys[$0])] == g }
            let a = Self.reference(members.map { first[$0] }.filter { !$0.isNaN })
            let b = Self.reference(members.map { second[$0] }.filter { !$0.isNaN })
            #expect(result.first[g].median == a.median, "group \(g)")
            #expect(result.first[g].p90 == nil)
            #expect(result.second[g].median == b.median, "group \(g)")
            #expect(result.second[g].p90 == b.p90, "group \(g)")
        }
    }

    /// The counting selection against a sort, on values of every kind: negative and positive, zeros of
    /// both signs, ties, huge and tiny magnitudes, infinities, all equal.
    @Test func keysAtRanksMatchASort() {
        var generator = SeededGenerator(seed: 17)
        var histogram = [Int](repeating: 0, count: 1 << 11)
        let specials: [Float] = [0, -0.0, 1, -1, .infinity, -.infinity, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 1e-30, 3600, 3600.5]
        for round in 0..<300 {
            let n = 1 + generator.uniform(round < 100 ? 12 : 3000)
            let values: [Float] = (0..<n).map { _ in
                switch generator.uniform(4) {
                case 0: return specials[generator.uniform(specials.count)]
                case 1: return Float(generator.uniform(50))
                case 2: return Float(generator.unitDouble() * 2e6 - 1e6)
                default: return Float(generator.unitDouble()) * (generator.uniform(2) == 0 ? 1e-20 : 1e20)
                }
            }
            let sorted = values.sorted()
            let ranks = (0..<min(n, 6)).map { _ in generator.uniform(n) } + [0, n - 1]
            let keys = values.map(OrderStatistics.key)
            let found = keys.withUnsafeBufferPointer {
                OrderStatistics.keys(atRanks: ranks, in: $0, histogram: &histogram)
            }.map(OrderStatistics.value(ofKey:))
            #expect(found == ranks.map { sorted[$0] == 0 ? 0 : sorted[$0] }, "round \(round)")
        }
        let same = [Float](repeating: 7.25, count: 1000).map(OrderStatistics.key)
        let middle = same.withUnsafeBufferPointer { OrderStatistics.keys(atRanks: [499, 500, 899], in: $0, histogram: &histogram) }
        #expect(middle.map(OrderStatistics.value(ofKey:)) == [7.25, 7.25, 7.25])
    }

    @Test func handEvaluated() {
        // Group 0: 1, 2, 3, 10 -> median 2.5, p90 rank ceil(3.6) = 4 -> 10. Group 1: 7 -> 7, 7.
        let result = OrderStatistics.grouped(count: 6, groupCount: 2, values: [3, 7, 1, .nan, 10, 2],
                                             groupOf: { [0, 1, 0, 1, 0, 0][$0] }, wantP90: true)
        #expect(result[0].median == 2.5)
        #expect(result[0].p90 == 10)
        #expect(result[1].median == 7)
        #expect(result[1].p90 == 7)
    }
}
