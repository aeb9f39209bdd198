import Testing
@testable import ContactAnalytics

/// `FilledFieldTally`: per-field counts of records tallied by the set of fields each filled, against a plain
/// count per field; sets that share a slot (more distinct sets than slots) fold out and still count.
@Suite struct FilledFieldTallyTests {
    /// A hand-counted case: three records filling fields 0 and 2, one filling 1 and 63.
    @Test func countsEachFieldOfEachRecord() {
        var tally = FilledFieldTally()
        for _ in 0..<3 { tally.add(0b101) }
        tally.add(1 << 1 | 1 << 63)
        #expect((0..<4).map { tally.count(at: $0) } == [3, 1, 3, 0])
        #expect(tally.count(at: 63) == 1)
        tally.removeAll()
        #expect((0..<64).allSatisfy { tally.count(at: $0) == 0 })
    }

    /// Random records over few sets (as exports fill) and over hundreds (every slot taken and retaken): every
    /// field's count is the number of records whose set holds it, before and after more records come.
    @Test func matchesAPlainCountWhateverTheSlots() {
        var g = SeededGenerator(seed: 39)
        for distinct in [1, 5, 40, 400] {
            let sets: [UInt64] = (0..<distinct).map { _ in
                var set: UInt64 = 0
                for _ in 0..<(1 + g.uniform(12)) { set |= 1 << UInt64(g.uniform(64)) }
                return set
            }
            var tally = FilledFieldTally()
            var expected = [Int](repeating: 0, count: 64)
            for round in 0..<3 {
                for _ in 0..<(500 * (round + 1)) {
                    let set = sets[g.uniform(sets.count)]
                    tally.add(set)
                    for position in 0..<64 where (set >> UInt64(position)) & 1 == 1 { expected[position] += 1 }
                }
                #expect((0..<64).map { tally.count(at: $0) } == expected, "\(distinct) sets, round \(round)")
            }
        }
    }
}
