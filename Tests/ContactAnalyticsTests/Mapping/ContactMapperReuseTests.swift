import Testing
@testable import ContactAnalytics

/// The mapper reuses one record (`map(_:into:diagnostics:)`) and leaves a text field that is the same
/// interned string as the last row's in place: every record mapped so, after any sequence of rows (values
/// repeated, changed, blank, missing, non-ASCII; rows rejected or excluded in between), equals the record
/// mapped into a fresh one, with the same verdicts and diagnostics.
@Suite struct ContactMapperReuseTests {
    static let header = ["ticket_id", "created_at", "customer_id", "channel", "subject", "body", "category", "tags",
                         "status", "agent", "queue", "language", "priority"]

    static let rows: [[String]] = [
        ["T1", "2026-01-05T00:02:58Z", "C1", "phone", "Where is my order", "", "delivery", "a,b", "solved", "agent1", "q1", "en", "high"],
        ["T2", "2026-01-05T00:03:58Z", "C2", "phone", "Where is my order", "", "delivery", "", "solved", "agent1", "q1", "en", ""],
        ["T3", "2026-01-05T00:04:58Z", "", "email", "Lasku", "Hei", "", "", "open", "Åsa Öberg", "q1", "fi", "P9"],
        ["T4", "2026-01-05T00:05:58Z", "C4", "", "", "", " ", "", "", "Åsa Öberg", "", " ", "low"],
        ["T5", "2026-01-05T00:06:58Z", "C5", "internal", "x", "", "c", "", "", "agent2", "q2", "sv", ""],
        ["T6", "", "C6", "phone", "y", "", "c", "", "", "agent2", "q2", "sv", ""],
        ["T7", "2026-01-05T00:07:58Z", "C7", "chat", "cafe\u{301}", "e\u{301}", "cat\u{E9}gorie", "", "", " agent2 ", "q2", "sv", ""],
        ["T8", "2026-01-05T00:08:58Z", "C8", "chat", "caf\u{E9}", "", "cate\u{301}gorie", "", "", "agent2", "q2", "sv-SE", ""],
        ["T9", "2026-01-05T00:09:58Z", "C9", "Chat", "", "", "", "", "", "", "", "", ""],
        ["", "2026-01-05T00:10:58Z", "", "phone", "Where is my order", "", "delivery", "", "pending", "agent1", "q1", "en", "high"],
        ["T11", "2026-01-05T00:11:58Z", "C1", "phone", "Where is my order", "", "delivery", "", "weird", "agent1", "q1", "en", "high"],
    ]

    @Test func aReusedRecordMapsAsAFreshOne() throws {
        var reused = try MappingTestSupport.mapper(Self.header)
        var fresh = try MappingTestSupport.mapper(Self.header)
        var record = ContactRecord(openedAt: 0)
        var contacts = 0
        // Twice over, so that every value is met again once the memos hold it.
        for (n, fields) in (Self.rows + Self.rows).enumerated() {
            let raw = RawRecord(fields: fields, line: n + 2)
            var reusedLog = DiagnosticLog()
            let verdict = reused.map(raw, into: &record, diagnostics: &reusedLog)
            let (outcome, freshLog) = MappingTestSupport.map(&fresh, fields, line: n + 2)
            #expect(MappingTestSupport.all(reusedLog) == MappingTestSupport.all(freshLog), "row \(n)")
            switch (verdict, outcome) {
            case (.contact, .contact(let expected)):
                contacts += 1
                #expect(record == expected, "row \(n)")
                // Byte for byte, not only equal as Swift strings (canonical equivalence).
                for (got, want) in [(record.subject, expected.subject), (record.text, expected.text),
                                    (record.category, expected.category), (record.agent, expected.agent),
                                    (record.rawChannel, expected.rawChannel), (record.language, expected.language)] {
                    #expect(got.map { Array($0.utf8) } == want.map { Array($0.utf8) }, "row \(n)")
                }
            case (.rejected(let a, let b), .rejected(let c, let d)):
                #expect(a == c && b == d, "row \(n)")
            case (.excluded(let a), .excluded(let b)), (.excludedInternal(let a), .excludedInternal(let b)):
                #expect(a == b, "row \(n)")
            default:
                Issue.record("row \(n): \(verdict) vs \(outcome)")
            }
        }
        #expect(contacts == 18)
        #expect(reused.filledCounts == fresh.filledCounts)
        // Hand-written expectations for two rows of the second pass, mapped last into the reused record.
        var log = DiagnosticLog()
        _ = reused.map(RawRecord(fields: Self.rows[3], line: 99), into: &record, diagnostics: &log)
        #expect(record.agent == "Åsa Öberg" && record.queue == nil && record.language == nil && record.category == nil)
        #expect(record.rawChannel == nil && record.subject == nil && record.contactID == "T4" && record.customer == "C4")
        _ = reused.map(RawRecord(fields: Self.rows[6], line: 100), into: &record, diagnostics: &log)
        #expect(record.agent == "agent2" && record.rawChannel == "chat" && record.channel == .chat)
        #expect(record.subject.map { Array($0.utf8) } == Array("caf\u{E9}".utf8))
        #expect(record.location == SourceLocation(file: MappingTestSupport.file, line: 100))
    }
}
