import Testing
@testable import ContactAnalytics

/// Slice ids in order of first appearance, whatever the table's size, and whether a slice was touched first.
@Suite struct DimensionSliceTableTests {
    /// Ids are 1, 2, ... in order of first appearance, the same slice always gets its id back, across the table's
    /// growth (it doubles at a quarter full: 64 slots hold 16 slices), and `touch` (a prefetch ahead of the lookup,
    /// of slices seen or not, in any slot) changes none of it.
    @Test func idsInOrderOfFirstAppearanceAcrossGrowth() {
        var table = DimensionSliceTable()
        var touchedTable = DimensionSliceTable()
        table.touch(queue: 9, agent: 9, period: 9) // empty table
        var ids: [UInt32] = []
        for round in 0..<2 {
            for i in 0..<100 {
                let (q, a, p) = (UInt32(i % 7), UInt32(i), UInt32(i / 10))
                let id = table.id(queue: q, agent: a, period: p, priority: UInt32(i % 5), language: 1)
                touchedTable.touch(queue: q, agent: a, period: p, priority: UInt32(i % 5), language: 1)
                touchedTable.touch(queue: 99, agent: 99, period: 99) // never asked for
                let touchedID = touchedTable.id(queue: q, agent: a, period: p, priority: UInt32(i % 5), language: 1)
                #expect(touchedID == id)
                if round == 0 { ids.append(id) } else { #expect(id == ids[i]) }
            }
        }
        #expect(ids == (1...100).map { UInt32($0) })
        #expect(table.slices.count == 101)
        #expect(table.slices[42] == DimensionSliceTable.Slice(queue: 41 % 7, agent: 41, period: 4, priority: 1, language: 1))
    }
}
