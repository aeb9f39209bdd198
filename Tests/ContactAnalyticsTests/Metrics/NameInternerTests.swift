import Testing
@testable import ContactAnalytics

@Suite struct NameInternerTests {
    @Test func idsInOrderOfFirstAppearance() {
        var interner = NameInterner()
        #expect(interner.id(of: nil) == 0)
        #expect(interner.id(of: "") == 0)
        #expect(interner.id(of: "billing") == 1)
        #expect(interner.id(of: "technical") == 2)
        #expect(interner.id(of: "billing") == 1)
        #expect(interner.id(of: "Billing") == 3)
        #expect(interner.names == ["", "billing", "technical", "Billing"])
    }

    /// Thousands of names (the table grows many times): each keeps its id, and every id maps back.
    @Test func manyNames() {
        var interner = NameInterner()
        let names = (0..<5_000).map { "agent \($0) of a rather long team name" }
        for (i, name) in names.enumerated() { #expect(interner.id(of: name) == UInt32(i + 1)) }
        for (i, name) in names.enumerated().reversed() { #expect(interner.id(of: name) == UInt32(i + 1)) }
        #expect(Array(interner.names.dropFirst()) == names)
    }

    /// The same names in other storage (built again from their bytes), short (stored in the `String` itself)
    /// and long, in an order that makes them meet in the memo of recent names: every lookup gives the name's id.
    @Test func theSameNameInOtherStorageHasTheSameID() {
        var interner = NameInterner()
        let short = (0..<300).map { "a\($0)" }
        let long = (0..<300).map { "an agent of the customer care team number \($0)" }
        for (i, name) in short.enumerated() { #expect(interner.id(of: name) == UInt32(i + 1)) }
        for (i, name) in long.enumerated() { #expect(interner.id(of: name) == UInt32(300 + i + 1)) }
        for round in 0..<3 {
            for i in stride(from: 299, through: 0, by: -1) {
                let copyOfShort = String(decoding: Array(short[i].utf8), as: UTF8.self)
                let copyOfLong = String(decoding: Array(long[i].utf8), as: UTF8.self)
                #expect(interner.id(of: round == 1 ? copyOfShort : short[i]) == UInt32(i + 1))
                #expect(interner.id(of: round == 2 ? copyOfLong : long[i]) == UInt32(300 + i + 1))
            }
        }
        #expect(interner.names.count == 601)
        #expect(interner.id(of: "a7") == 8)
        #expect(interner.id(of: "new") == 601)
    }
}
