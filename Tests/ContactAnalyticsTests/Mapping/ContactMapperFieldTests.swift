import Foundation
import Testing
@testable import ContactAnalytics

/// How `ContactMapper` reads the values of a record: outbound exclusion, field warnings, identity, text.
@Suite struct ContactMapperFieldTests {
    static func location(_ line: Int) -> ContactAnalytics.SourceLocation { ContactAnalytics.SourceLocation(file: "test.csv", line: line) }

    // MARK: Outbound exclusion

    /// `tweet_id` -> contact_id, `inbound`, `created_at` -> opened_at, `text` (all by alias).
    static let tweetHeader = ["tweet_id", "inbound", "created_at", "text"]

    @Test(arguments: ["False", "false", "N", "no", "0", " FALSE "])
    func outboundIsExcluded(value: String) throws {
        var mapper = try MappingTestSupport.mapper(Self.tweetHeader)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, ["9", value, "2024-01-01", "hello"])
        #expect(outcome == .excluded(reason: "outbound message (the organisation's own, not a customer contact)"))
        #expect(diagnostics.isEmpty)
        #expect(mapper.filledCounts.isEmpty)
    }

    @Test func outboundIsExcludedBeforeOpenedAtIsRead() throws {
        var mapper = try MappingTestSupport.mapper(Self.tweetHeader)
        let (outcome, _) = MappingTestSupport.map(&mapper, ["9", "False", "garbage", "hello"])
        #expect(outcome == .excluded(reason: "outbound message (the organisation's own, not a customer contact)"))
    }

    @Test(arguments: ["True", "yes", "1", ""])
    func inboundOrEmptyIsAContact(value: String) throws {
        var mapper = try MappingTestSupport.mapper(Self.tweetHeader)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, ["9", value, "2024-01-01", "hello"], line: 4)
        #expect(outcome == .contact(ContactRecord(contactID: "9", openedAt: 1_704_067_200, text: "hello",
                                                  location: Self.location(4))))
        #expect(diagnostics.isEmpty)
        #expect(mapper.filledCounts[.inbound] == (value.isEmpty ? nil : 1))
    }

    @Test func unreadableInboundIsAContactWithAWarning() throws {
        var mapper = try MappingTestSupport.mapper(Self.tweetHeader)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, ["9", "maybe", "2024-01-01", "hello"], line: 5)
        #expect(outcome == .contact(ContactRecord(contactID: "9", openedAt: 1_704_067_200, text: "hello",
                                                  location: Self.location(5))))
        #expect(MappingTestSupport.all(diagnostics) == [
            Diagnostic(.warning, kind: "unreadable-inbound", at: Self.location(5), column: "inbound",
                       message: "inbound 'maybe' is not yes or no; read as inbound"),
        ])
        #expect(mapper.filledCounts[.inbound] == nil)
    }

    // MARK: Field warnings

    /// One column per warned field, named as an export would (each found by alias).
    static let warnedHeader = ["Created at", "Closed at", "Handle time", "CSAT", "Cost", "Status", "FCR",
                               "Agent replies"]
    /// A record whose every value is readable.
    static let goodValues = ["2024-01-01 10:00", "2024-01-01 11:00", "90", "4", "12,50", "Solved", "yes", "2"]
    /// The contact of `goodValues`: closed an hour later (1 704 103 200 + 3 600).
    static func goodContact(line: Int) -> ContactRecord {
        ContactRecord(openedAt: 1_704_103_200, closedAt: 1_704_106_800, status: .resolved, handleTimeSeconds: 90,
                      csat: .score(4), cost: 12.5, firstContactResolved: true, agentReplies: 2,
                      location: location(line))
    }

    struct WarningCase: Sendable, CustomTestStringConvertible {
        var column: Int
        var value: String
        var field: CanonicalField
        var message: String
        /// Empties the field the bad value was meant for.
        var clear: @Sendable (inout ContactRecord) -> Void
        var testDescription: String { "\(field.rawValue) = '\(value)'" }
    }

    static let warningCases: [WarningCase] = [
        WarningCase(column: 1, value: "yesterday", field: .closedAt,
                    message: "closed_at 'yesterday' is not a readable timestamp; left empty") { $0.closedAt = nil },
        WarningCase(column: 2, value: "ages", field: .handleTime,
                    message: "handle_time 'ages' is not a duration; left empty") { $0.handleTimeSeconds = nil },
        WarningCase(column: 2, value: "-5", field: .handleTime,
                    message: "handle_time '-5' is not a duration; left empty") { $0.handleTimeSeconds = nil },
        // 7 is off the default 1-5 scale.
        WarningCase(column: 3, value: "7", field: .csat,
                    message: "csat '7' is not a satisfaction answer on the scale 1-5 (satisfied at 4); left empty") {
            $0.csat = nil
        },
        WarningCase(column: 3, value: "0", field: .csat,
                    message: "csat '0' is not a satisfaction answer on the scale 1-5 (satisfied at 4); left empty") {
            $0.csat = nil
        },
        WarningCase(column: 4, value: "lots", field: .cost, message: "cost 'lots' is not an amount; left empty") {
            $0.cost = nil
        },
        WarningCase(column: 4, value: "-3.00", field: .cost, message: "cost '-3.00' is not an amount; left empty") {
            $0.cost = nil
        },
        WarningCase(column: 5, value: "banana", field: .status,
                    message: "status 'banana' is not a known status (open, pending, resolved, closed); left empty") {
            $0.status = nil
        },
        WarningCase(column: 6, value: "maybe", field: .firstContactResolved,
                    message: "fcr_flag 'maybe' is not yes or no; left empty") { $0.firstContactResolved = nil },
        WarningCase(column: 7, value: "-1", field: .agentReplies,
                    message: "agent_replies '-1' is not a whole number; left empty") { $0.agentReplies = nil },
        WarningCase(column: 7, value: "two", field: .agentReplies,
                    message: "agent_replies 'two' is not a whole number; left empty") { $0.agentReplies = nil },
        WarningCase(column: 7, value: "1.5", field: .agentReplies,
                    message: "agent_replies '1.5' is not a whole number; left empty") { $0.agentReplies = nil },
    ]

    @Test(arguments: warningCases)
    func unreadableValueIsLeftEmptyWithAWarning(_ testCase: WarningCase) throws {
        var mapper = try MappingTestSupport.mapper(Self.warnedHeader)
        var fields = Self.goodValues
        fields[testCase.column] = testCase.value
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, fields, line: 12)
        var expected = Self.goodContact(line: 12)
        testCase.clear(&expected)
        #expect(outcome == .contact(expected))
        #expect(MappingTestSupport.all(diagnostics) == [
            Diagnostic(.warning, kind: "unreadable-\(testCase.field.rawValue)", at: Self.location(12),
                       column: Self.warnedHeader[testCase.column], message: MessageText(testCase.message)),
        ])
        // The field is not counted as filled; the seven others are.
        #expect(mapper.filledCounts[testCase.field] == nil)
        #expect(mapper.filledCounts.count == 7)
    }

    @Test func readableValuesGiveNoWarning() throws {
        var mapper = try MappingTestSupport.mapper(Self.warnedHeader)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, Self.goodValues, line: 3)
        #expect(outcome == .contact(Self.goodContact(line: 3)))
        #expect(diagnostics.isEmpty)
        #expect(mapper.filledCounts == [.openedAt: 1, .closedAt: 1, .handleTime: 1, .csat: 1, .cost: 1, .status: 1,
                                        .firstContactResolved: 1, .agentReplies: 1])
    }

    @Test(arguments: ["", "   ", "offered", "Unoffered", "n/a"])
    func csatWithoutAResponseIsEmptyWithoutAWarning(value: String) throws {
        var mapper = try MappingTestSupport.mapper(Self.warnedHeader)
        var fields = Self.goodValues
        fields[3] = value
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, fields, line: 3)
        var expected = Self.goodContact(line: 3)
        expected.csat = nil
        #expect(outcome == .contact(expected))
        #expect(diagnostics.isEmpty)
    }

    @Test func warningsOfManyRecordsAreGroupedPerColumn() throws {
        var mapper = try MappingTestSupport.mapper(Self.warnedHeader)
        var diagnostics = DiagnosticLog(examplesPerGroup: 2)
        for line in 2...11 {
            var fields = Self.goodValues
            fields[3] = "9"
            fields[4] = line.isMultiple(of: 2) ? "free" : "1"
            _ = mapper.map(RawRecord(fields: fields, line: line), diagnostics: &diagnostics)
        }
        #expect(diagnostics.groups.map(\.key.kind) == ["unreadable-csat", "unreadable-cost"])
        #expect(diagnostics.groups.map(\.count) == [10, 5])
        #expect(diagnostics.groups[1].examples.map(\.location.line) == [2, 4])
        #expect(mapper.filledCounts[.cost] == 5)
    }

    // MARK: Identity

    static let identityHeader = ["Created at", "Customer ID", "Email", "Phone"]

    @Test(arguments: [
        // (customer id, e-mail, phone, key, field counted)
        ("C-1", "Ann@Example.COM", "+358 40 123 4567", "C-1", CanonicalField.customer),
        ("  C-1\t", "", "", "C-1", .customer),
        ("AbC", "", "", "AbC", .customer),
        ("", "Ann@Example.COM", "+358 40 123 4567", "ann@example.com", .email),
        ("   ", " Ann <ANN@example.com> ", "", "ann@example.com", .email),
        ("", "", "+358 40 123 4567", "+358401234567", .phone),
        ("", "", "(212) 555-1234", "2125551234", .phone),
        // An unusable e-mail falls through to the phone.
        ("", "not an e-mail", "040-123 4567", "0401234567", .phone),
    ])
    func identityPrecedence(customer: String, email: String, phone: String, key: String,
                            counted: CanonicalField) throws {
        var mapper = try MappingTestSupport.mapper(Self.identityHeader)
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2024-01-01", customer, email, phone])
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.customer == key)
        #expect(mapper.filledCounts == [.openedAt: 1, counted: 1])
    }

    @Test func noUsableIdentityIsAnonymous() throws {
        var mapper = try MappingTestSupport.mapper(Self.identityHeader)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, ["2024-01-01", " ", "nobody", "12"])
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.customer == nil)
        #expect(diagnostics.isEmpty)
        #expect(mapper.filledCounts == [.openedAt: 1])
    }

    @Test func countryCodeMakesNationalPhoneNumbersInternational() throws {
        var mapper = try MappingTestSupport.mapper(Self.identityHeader, MappingOptions(countryCode: 358))
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2024-01-01", "", "", "040 123 4567"])
        #expect(MappingTestSupport.contact(outcome)?.customer == "+358401234567")
    }

    @Test func identityKeysComeOutInNFC() throws {
        // Text fields are NFC; identity keys are not: the same customer id or address written in NFD and NFC
        // would be two customers.
        var mapper = try MappingTestSupport.mapper(Self.identityHeader)
        let (byID, _) = MappingTestSupport.map(&mapper, ["2024-01-01", "Ja\u{308}rvi", "", ""])
        let (byEmail, _) = MappingTestSupport.map(&mapper, ["2024-01-01", "", "ja\u{308}rvi@example.fi", ""])
        #expect(MappingTestSupport.contact(byID)?.customer.map { Array($0.utf8) } == Array("J\u{E4}rvi".utf8))
        #expect(MappingTestSupport.contact(byEmail)?.customer.map { Array($0.utf8) }
                == Array("j\u{E4}rvi@example.fi".utf8))
    }

    // MARK: Text

    static let textHeader = ["Created at", "Ticket ID", "Subject", "Description", "Category", "Agent", "Queue",
                             "Language", "Tags"]

    @Test func textFieldsAreTrimmedAndBlankIsNil() throws {
        var mapper = try MappingTestSupport.mapper(Self.textHeader)
        let (outcome, _) = MappingTestSupport.map(&mapper, [
            "2024-01-01", " T-7 ", "  Where is my order?  ", "\tIt has not come.\r\n", " Delivery", "Bob ",
            " orders ", "fi ", "   ",
        ])
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.contactID == "T-7")
        #expect(contact.subject == "Where is my order?")
        #expect(contact.text == "It has not come.")
        #expect(contact.category == "Delivery")
        #expect(contact.agent == "Bob")
        #expect(contact.queue == "orders")
        #expect(contact.language == "fi")
        #expect(contact.tags == [])
        #expect(mapper.filledCounts[.tags] == nil)

        let (blank, _) = MappingTestSupport.map(&mapper, ["2024-01-01", "", " ", "\t", "", "", "", "", ""])
        let empty = try #require(MappingTestSupport.contact(blank))
        #expect([empty.contactID, empty.subject, empty.text, empty.category, empty.agent, empty.queue,
                 empty.language] == [nil, nil, nil, nil, nil, nil, nil])
        #expect(mapper.filledCounts[.subject] == 1)
    }

    @Test(arguments: [
        ("vip, billing", ["vip", "billing"]),
        ("vip;billing ; refund", ["vip", "billing", "refund"]),
        ("vip billing_issue", ["vip", "billing_issue"]),
        ("vip\tbilling", ["vip", "billing"]),
        // With a comma or semicolon present, spaces belong to the tag.
        ("late delivery, refund", ["late delivery", "refund"]),
        ("a,,b; ;", ["a", "b"]),
        ("single", ["single"]),
        ("  spaced   out  ", ["spaced", "out"]),
    ])
    func tagsAreSplitOnCommasAndSemicolonsElseSpaces(value: String, tags: [String]) throws {
        var mapper = try MappingTestSupport.mapper(Self.textHeader)
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2024-01-01", "", "", "", "", "", "", "", value])
        #expect(MappingTestSupport.contact(outcome)?.tags == tags)
        #expect(ContactMapper.splitTags(value) == tags)
    }

    @Test func textComesOutInNFC() throws {
        var mapper = try MappingTestSupport.mapper(Self.textHeader)
        // "a" + COMBINING DIAERESIS (NFD) in several fields; NFC is the single code point U+00E4.
        let decomposed = "Ka\u{308}ytta\u{308}ja\u{308}"
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2024-01-01", "", decomposed, "a\u{308}", "", decomposed,
                                                           "", "", "a\u{308}, o\u{308}"])
        let contact = try #require(MappingTestSupport.contact(outcome))
        let subject = try #require(contact.subject), text = try #require(contact.text)
        let agent = try #require(contact.agent)
        #expect(Array(subject.utf8) == Array("Käyttäjä".utf8))
        #expect(Array(subject.utf8) == [0x4B, 0xC3, 0xA4, 0x79, 0x74, 0x74, 0xC3, 0xA4, 0x6A, 0xC3, 0xA4])
        #expect(Array(text.utf8) == [0xC3, 0xA4])
        #expect(Array(agent.utf8) == Array("Käyttäjä".utf8))
        #expect(contact.tags.map { Array($0.utf8) } == [[0xC3, 0xA4], [0xC3, 0xB6]])
    }

    // MARK: Handle-time unit

    @Test(arguments: [
        // (column, value, seconds)
        ("Handle time", "5", 5.0),
        ("Handle time (min)", "5", 300),
        ("AHT minutes", "2,5", 150),
        ("handle_time_ms", "1500", 1.5),
        ("Handle time (milliseconds)", "250", 0.25),
        // A clock or a unit in the value does not depend on the column's unit.
        ("Handle time (min)", "1:30", 90),
        ("Handle time (min)", "45 s", 45),
    ])
    func handleTimeUnitComesFromTheColumnName(column: String, value: String, seconds: Double) throws {
        var mapper = try MappingTestSupport.mapper(["Created at", column],
                                                   MappingOptions(explicit: [.handleTime: column]))
        #expect(mapper.bindings[.handleTime]?.source == .explicit)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, ["2024-01-01", value])
        #expect(MappingTestSupport.contact(outcome)?.handleTimeSeconds == seconds)
        #expect(diagnostics.isEmpty)
    }

    // MARK: Fill counts

    /// Every field counted once per record that fills it, the last record's included, whether the counts are
    /// read, taken (and start again from zero) or the mapper is copied for another thread.
    @Test func fillCountsIncludeTheLastRecord() throws {
        #expect(CanonicalField.allCases.count <= 64)  // one bit per field for the last record
        var mapper = try MappingTestSupport.mapper(["opened_at", "agent", "subject", "csat"])
        _ = MappingTestSupport.map(&mapper, ["2024-01-01", "ann", "A", "5"])
        _ = MappingTestSupport.map(&mapper, ["2024-01-02", "", "B", ""])
        #expect(mapper.filledCounts == [.openedAt: 2, .agent: 1, .subject: 2, .csat: 1])
        _ = MappingTestSupport.map(&mapper, ["2024-01-03", "bob", "", ""])
        #expect(mapper.filledCounts == [.openedAt: 3, .agent: 2, .subject: 2, .csat: 1])
        let copy = mapper.copyForThread()
        #expect(copy.filledCounts == [.openedAt: 3, .agent: 2, .subject: 2, .csat: 1])
        #expect(mapper.takeFilledCounts() == [.openedAt: 3, .agent: 2, .subject: 2, .csat: 1])
        #expect(mapper.filledCounts.isEmpty)
        _ = MappingTestSupport.map(&mapper, ["2024-01-04", "", "C", ""])
        #expect(mapper.takeFilledCounts() == [.openedAt: 1, .subject: 1])
        _ = MappingTestSupport.map(&mapper, ["not a date", "ann", "D", "4"])  // rejected: nothing counted
        #expect(mapper.filledCounts.isEmpty)
    }
    // MARK: Copies for the next file

    /// A thread's copy of the next file's mapper keeps the text memos of the mapper it used before (another file,
    /// here with its columns in another order): a subject or agent mapped again is the very string made for the
    /// earlier file (the same storage, which the classification memo keys by), with the same value; a plain copy
    /// makes the strings again. Values of more than 15 bytes, so each string has storage of its own.
    @Test func copyForTheNextFileKeepsTheStringsOfTextValues() throws {
        let subject = "Where is my parcel? Ordered two weeks ago"
        let agent = "agent.with.a.long.name"
        var first = try MappingTestSupport.mapper(["opened_at", "agent", "subject"]).copyForThread()
        let earlier = try #require(MappingTestSupport.contact(
            MappingTestSupport.map(&first, ["2024-01-01", agent, subject]).outcome))
        let nextFile = try MappingTestSupport.mapper(["subject", "opened_at", "agent"])
        var kept = nextFile.copyForThread(keepingTextMemosOf: first)
        var fresh = nextFile.copyForThread()
        let again = try #require(MappingTestSupport.contact(
            MappingTestSupport.map(&kept, [subject, "2024-01-02", agent]).outcome))
        let anew = try #require(MappingTestSupport.contact(
            MappingTestSupport.map(&fresh, [subject, "2024-01-02", agent]).outcome))
        for contact in [again, anew] {
            #expect(contact.subject == subject)
            #expect(contact.agent == agent)
        }
        #expect(ContactRecord.isSameStorage(try #require(earlier.subject), try #require(again.subject)))
        #expect(ContactRecord.isSameStorage(try #require(earlier.agent), try #require(again.agent)))
        #expect(!ContactRecord.isSameStorage(try #require(earlier.subject), try #require(anew.subject)))
        #expect(!ContactRecord.isSameStorage(try #require(earlier.agent), try #require(anew.agent)))
    }
}
