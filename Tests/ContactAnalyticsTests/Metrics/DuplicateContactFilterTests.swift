import Testing
@testable import ContactAnalytics

/// Duplicate contact ids: all but the last occurrence of each are dropped, checked against a plain reference.
@Suite struct DuplicateContactFilterTests {
    /// The reference: an occurrence is dropped when the same id comes again later.
    static func reference(_ ids: [String?]) -> [Bool] {
        var seen = Set<String>()
        var flags = [Bool](repeating: false, count: ids.count)
        for i in ids.indices.reversed() {
            guard let id = ids[i] else { continue }
            if !seen.insert(id).inserted { flags[i] = true }
        }
        return flags
    }

    @Test(arguments: [0, 1, 2, 10, 1_000, 100_000])
    func dropsAllButTheLast(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count) + 3)
        // About one id in five occurs more than once; some contacts have no id.
        let ids: [String?] = (0..<count).map { _ in
            let r = generator.next() % 100
            if r < 5 { return nil }
            return r < 25 ? "T\(generator.next() % UInt64(max(count / 20, 1)))" : "U\(generator.next())"
        }
        var filter = DuplicateContactFilter()
        for (i, id) in ids.enumerated() { if let id { filter.add(id: id, index: i) } }
        let expected = Self.reference(ids)
        let result = filter.settle(count: count)
        #expect(result.flags == expected)
        #expect(result.total == expected.count(where: { $0 }))
    }

    @Test func handEvaluated() {
        var filter = DuplicateContactFilter()
        for (i, id) in ["a", "b", "a", "c", "a", "b"].enumerated() { filter.add(id: id, index: i) }
        // A contact with no id at 6; 7 contacts in all.
        let result = filter.dropped(count: 7)
        #expect(result.flags == [true, true, true, false, false, false, false])
        #expect(result.total == 3)
    }

    /// The candidates' table: a held hash is `first` once, then `seenBefore`; a hash not held is `notHeld` (and
    /// stays so); repeats in the list are held once; hashes whose top halves collide probe past each other.
    @Test func candidateTableMarks() {
        let colliding: [UInt64] = [0x0000_0005_0000_0001, 0x0000_0005_0000_0002, 0x0000_0005_0000_0003]
        var table = DuplicateContactFilter.CandidateTable(holding: colliding + [colliding[1], 0xFFFF_FFFF_FFFF_FFFF])
        #expect(table.markSeen(0x0000_0005_0000_0004) == .notHeld)
        #expect(table.markSeen(colliding[1]) == .first)
        #expect(table.markSeen(colliding[1]) == .seenBefore)
        #expect(table.markSeen(colliding[2]) == .first)
        #expect(table.markSeen(colliding[0]) == .first)
        #expect(table.markSeen(colliding[0]) == .seenBefore)
        #expect(table.markSeen(0xFFFF_FFFF_FFFF_FFFF) == .first)
        #expect(table.markSeen(0x0000_0005_0000_0004) == .notHeld)
        #expect(table.markSeen(0x1234) == .notHeld)
    }

    /// The table grows as hashes come: an id repeated many times is held once (the table does not grow with
    /// the rows), and every hash inserted before and after a growth is still found, once as `first`.
    @Test func candidateTableHoldsEachHashOnceAndGrows() {
        var table = DuplicateContactFilter.CandidateTable()
        for _ in 0..<10_000 { table.insert(0xABCD_0000_0000_0001) }
        #expect(table.count == 1)
        var generator = SeededGenerator(seed: 11)
        let hashes = (0..<5_000).map { _ in generator.next() | 1 }
        for hash in hashes { table.insert(hash) }
        for hash in hashes.prefix(100) { table.insert(hash) }
        #expect(table.count == 5_001)
        var held = 0
        table.forEachHash { _ in held += 1 }
        #expect(held == 5_001)
        #expect(hashes.allSatisfy { table.markSeen($0) == .first })
        #expect(hashes.allSatisfy { table.markSeen($0) == .seenBefore })
        #expect(table.markSeen(0xABCD_0000_0000_0001) == .first)
        #expect(table.markSeen(2) == .notHeld)
    }
}
