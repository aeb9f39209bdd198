import Foundation
import Testing

@testable import ContactAnalytics

/// `generate --text realistic`: the same contacts as repeating text, mostly distinct subjects, and a body on
/// about a third of the rows.
@Suite("SyntheticExport realistic text")
struct RealisticTextTests {
    private static let rows = 20_000

    private static func records(_ text: SyntheticTextStyle, rows: Int = rows, seed: UInt64 = 7) throws -> [[String]] {
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: rows, seed: seed, text: text)).bytes()
        return CSVTestRecords.parse(bytes)
    }

    @Test func headerAddsDescriptionAfterSubject() throws {
        let header = try Self.records(.realistic, rows: 0)
        #expect(header == [[
            "ticket_id", "created_at", "closed_at", "customer_id", "channel", "subject", "description", "status",
            "handle_time", "csat", "agent", "queue", "language",
        ]])
        #expect(SyntheticExport.columns(for: .repeating) == SyntheticExport.columns)
    }

    /// Only the text differs: every other column equals the repeating export's, row by row.
    @Test func contactsAreTheRepeatingOnes() throws {
        let plain = try Self.records(.repeating)
        let realistic = try Self.records(.realistic)
        #expect(plain.count == Self.rows + 1)
        #expect(realistic.count == plain.count)
        for (a, b) in zip(plain.dropFirst(), realistic.dropFirst()) {
            #expect(b.count == 13)
            var withoutText = b
            withoutText.remove(at: 6)  // description
            withoutText[5] = a[5]  // subject
            #expect(withoutText == a)
        }
    }

    @Test func subjectsAreMostlyDistinctAndBodiesOnAThird() throws {
        let data = try Self.records(.realistic).dropFirst()
        let distinct = Set(data.map { $0[5] }).count
        // Counted by hand on this seed: about 88 % distinct (85 % on a million rows, where more collide).
        #expect(Double(distinct) / Double(data.count) > 0.82)
        let bodies = data.map { $0[6] }.filter { !$0.isEmpty }
        let share = Double(bodies.count) / Double(data.count)
        #expect(share > 0.30 && share < 0.42)
        let lengths = bodies.map(\.utf8.count)
        #expect(lengths.min() ?? 0 >= 150)
        #expect(lengths.max() ?? .max <= 2_100)
        #expect(lengths.contains { $0 > 1_200 })
        // Finnish and Swedish appear, and bodies span lines (so the CSV quotes them).
        #expect(bodies.contains { $0.contains("Ystävällisin terveisin") || $0.contains("Terveisin") })
        #expect(bodies.contains { $0.contains("Jag ") || $0.contains("Hej") })
        #expect(bodies.allSatisfy { $0.contains("\n") })
    }

    @Test func sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
        let config = SyntheticExportConfiguration(rows: 500, seed: 3, text: .realistic)
        let a = try SyntheticExport(config).bytes()
        var chunked: [UInt8] = []
        try SyntheticExport(config).write(chunkSize: 1000) { chunked.append(contentsOf: $0) }
        #expect(a == chunked)
        var other = config
        other.seed = 4
        #expect(try SyntheticExport(other).bytes() != a)
    }
}
