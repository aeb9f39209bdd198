import Testing
@testable import ContactAnalytics

/// Every reason `ContactMapper` rejects a record, with the exact outcome.
@Suite struct ContactMapperRejectionTests {
    /// `Ticket ID` -> contact_id, `Created at` -> opened_at, `Subject` -> subject (all by alias).
    static let header = ["Ticket ID", "Created at", "Subject"]

    static let forty = String(repeating: "x", count: 40)
    static let fortyFive = String(repeating: "y", count: 45)

    @Test(arguments: [
        // (fields, expected outcome)
        (["1", "", "s"], ContactMapper.Outcome.rejected(reason: "opened_at is empty", column: "Created at")),
        (["1", "not a date", "s"],
         .rejected(reason: "opened_at 'not a date' is not a readable timestamp", column: "Created at")),
        (["1", "2024-02-30", "s"],
         .rejected(reason: "opened_at '2024-02-30' is not a readable timestamp", column: "Created at")),
        // Exactly 40 characters are quoted whole; 45 are cut to 39 and an ellipsis.
        (["1", forty, "s"], .rejected(reason: "opened_at '\(forty)' is not a readable timestamp", column: "Created at")),
        (["1", fortyFive, "s"],
         .rejected(reason: "opened_at '\(String(repeating: "y", count: 39))…' is not a readable timestamp",
                   column: "Created at")),
        // The field count is checked before anything else.
        (["1", "2024-01-01"], .rejected(reason: "has 2 fields; the header has 3", column: nil)),
        (["2024-01-01"], .rejected(reason: "has 1 field; the header has 3", column: nil)),
        (["1", "2024-01-01", "s", "extra"], .rejected(reason: "has 4 fields; the header has 3", column: nil)),
        ([], .rejected(reason: "has 0 fields; the header has 3", column: nil)),
    ])
    func rejects(fields: [String], expected: ContactMapper.Outcome) throws {
        var mapper = try MappingTestSupport.mapper(Self.header)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, fields, line: 7)
        #expect(outcome == expected)
        // Rejections are the caller's to report: the mapper adds no diagnostic of its own.
        #expect(diagnostics.isEmpty)
        #expect(mapper.filledCounts.isEmpty)
    }

    @Test func readableRecordIsAContact() throws {
        var mapper = try MappingTestSupport.mapper(Self.header)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, ["1", "2024-01-01 12:00", "Refund"], line: 7)
        // 2024-01-01T12:00:00Z = 1 704 110 400.
        #expect(outcome == .contact(ContactRecord(contactID: "1", openedAt: 1_704_110_400, subject: "Refund",
                                                  location: ContactAnalytics.SourceLocation(file: "test.csv", line: 7))))
        #expect(diagnostics.isEmpty)
    }

    @Test func fieldCountIsNotCheckedForJSON() throws {
        var mapper = try MappingTestSupport.mapper(Self.header, checksFieldCount: false)
        // A JSON object without the later keys: the missing fields are simply empty.
        let (outcome, _) = MappingTestSupport.map(&mapper, ["1", "2024-01-01"], line: 3)
        #expect(outcome == .contact(ContactRecord(contactID: "1", openedAt: 1_704_067_200,
                                                  location: ContactAnalytics.SourceLocation(file: "test.csv", line: 3))))
        let (short, _) = MappingTestSupport.map(&mapper, ["1"], line: 4)
        #expect(short == .rejected(reason: "opened_at is empty", column: "Created at"))
    }

    @Test func fieldCountWinsOverOutboundExclusion() throws {
        var mapper = try MappingTestSupport.mapper(["inbound", "created_at", "text"])
        let (outcome, _) = MappingTestSupport.map(&mapper, ["false", "2024-01-01"])
        #expect(outcome == .rejected(reason: "has 2 fields; the header has 3", column: nil))
    }

    @Test func withoutAnOpenedAtColumnEveryRecordIsRejectedAsEmpty() throws {
        var mapper = try ContactMapper(header: ["Subject"], options: MappingOptions(), file: "x.json",
                                       checksFieldCount: false, requiresOpenedAt: false)
        let (outcome, _) = MappingTestSupport.map(&mapper, ["Refund"])
        #expect(outcome == .rejected(reason: "opened_at is empty", column: nil))
    }
}
