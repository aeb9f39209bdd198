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
