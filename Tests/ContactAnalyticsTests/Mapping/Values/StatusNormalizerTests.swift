import Testing
@testable import ContactAnalytics

@Suite struct StatusNormalizerTests {
    static let normalizer = StatusNormalizer()

    @Test(arguments: StatusNormalizer.builtInAliases.flatMap { row in row.aliases.map { (row.status, $0) } })
    func everyAliasMapsToItsStatus(status: ContactStatus, alias: String) {
        #expect(Self.normalizer.status(for: alias) == status)
        #expect(Self.normalizer.status(for: alias.uppercased()) == status)
    }

    @Test(arguments: [
        // NYC 311, Buenos Aires 147, Zendesk, Freshdesk.
        ("Closed", ContactStatus.closed), ("In Progress", .open), ("Open", .open), ("Assigned", .open),
        ("Abierto", .open), ("Cerrado", .closed), ("solved", .resolved), ("hold", .pending),
        ("Waiting on Customer", .pending), ("ON_HOLD", .pending), ("Käsittelyssä", .open),
        ("Suljettu", .closed), ("Ratkaistu", .resolved), ("Odottaa", .pending), ("Stängd", .closed),
        ("Löst", .resolved), ("En proceso", .open), ("Done", .closed),
        // Keyword fallback.
        ("Closed - duplicate", .closed), ("Pending (3rd party)", .pending), ("Resolved by agent", .resolved),
        ("Ticket reopened", .open), ("Waiting for parts", .pending),
    ])
    func mapsRealAndVariantValues(text: String, expected: ContactStatus) {
        #expect(Self.normalizer.status(for: text) == expected)
    }

    @Test(arguments: ["", "  ", "-", "Brand new idea", "Archive 2023?", "42"])
    func unrecognizedIsNil(text: String) {
        #expect(Self.normalizer.status(for: text) == nil)
    }

    @Test func configuredAliasesWinOverBuiltIns() {
        let normalizer = StatusNormalizer(aliases: ["Done": .resolved, "Kuitattu": .closed])
        #expect(normalizer.status(for: "done") == .resolved)
        #expect(normalizer.status(for: "KUITATTU") == .closed)
    }

    @Test func bytesOverloadAgrees() {
        let bytes = Array("Käsittelyssä".utf8)
        #expect(bytes.withUnsafeBufferPointer { Self.normalizer.status($0) } == .open)
    }
}
