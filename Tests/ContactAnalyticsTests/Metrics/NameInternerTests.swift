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
}
