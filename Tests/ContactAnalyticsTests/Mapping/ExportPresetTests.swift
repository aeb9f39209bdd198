import Foundation
import Testing
@testable import ContactAnalytics

/// Every built-in preset on a hand-made record: each column of the preset is bound with source `.preset`, and
/// the record maps to the contact computed by hand.
@Suite struct ExportPresetTests {
    struct PresetCase: Sendable, CustomTestStringConvertible {
        var preset: ExportPreset
        /// A plausible value for each of the preset's columns.
        var values: [String: String]
        var expected: ContactRecord
        var testDescription: String { preset.name }
    }

    static let location = ContactAnalytics.SourceLocation(file: "test.csv", line: 2)

    static let cases: [PresetCase] = [
        PresetCase(preset: .zendesk, values: [
            "Id": "101", "Created at": "2024-03-05T10:15:00Z", "Solved at": "2024-03-05T11:15:00Z",
            "Requester id": " 3740 ", "Requester email": "Ann@Example.com", "Via": "Email", "Subject": "Refund",
            "Description": "Please refund my order", "Ticket type": "question", "Tags": "vip billing_issue",
            "Status": "Solved", "Satisfaction Score": "Good", "Assignee": "Bob", "Group": "Billing",
            "Agent replies": "2", "Requester language": "fi",
        ], expected: ContactRecord(
            // 2024-03-05T10:15:00Z = 1 709 633 700; solved an hour later.
            contactID: "101", openedAt: 1_709_633_700, closedAt: 1_709_637_300, customer: "3740", channel: .email,
            rawChannel: "Email", subject: "Refund", text: "Please refund my order", category: "question",
            tags: ["vip", "billing_issue"], status: .resolved, csat: .verdict(true), agent: "Bob", queue: "Billing",
            language: "fi", agentReplies: 2, location: location)),
        PresetCase(preset: .freshdesk, values: [
            "Ticket ID": "7", "Created time": "2024-03-05 10:15:00", "Resolved time": "2024-03-06 10:15:00",
            "Contact ID": "", "Email": "Ann@Example.COM", "Source": "Phone", "Subject": "Login",
            "Description": "Cannot log in", "Type": "Incident", "Tags": "login,urgent", "Status": "Closed",
            "Agent": "Eve", "Group": "Tier 1", "Customer satisfaction": "Extremely satisfied",
            "Agent interactions": "3",
        ], expected: ContactRecord(
            // No contact id: the e-mail, lower-cased, is the identity. Resolved a day later (+86 400).
            contactID: "7", openedAt: 1_709_633_700, closedAt: 1_709_720_100, customer: "ann@example.com",
            channel: .phone, rawChannel: "Phone", subject: "Login", text: "Cannot log in", category: "Incident",
            tags: ["login", "urgent"], status: .closed, csat: .verdict(true), agent: "Eve", queue: "Tier 1",
            agentReplies: 3, location: location)),
        PresetCase(preset: .intercom, values: [
            "Conversation ID": "215", "Created at": "2024-03-05T10:15:00+02:00",
            "Last closed at": "2024-03-05T11:15:00+02:00", "User ID": "u-42", "User email": "u42@example.com",
            "Channel": "Email", "Conversation title": "Invoice", "First message": "Where is my invoice?",
            "Conversation tags": "billing; invoice", "State": "closed", "Conversation rating": "4",
            "Teammate assigned": "Kim", "Team assigned": "Finance", "Replies count": "1",
        ], expected: ContactRecord(
            // 10:15+02:00 is 08:15Z = 1 709 626 500; closed 09:15Z = 1 709 630 100.
            contactID: "215", openedAt: 1_709_626_500, closedAt: 1_709_630_100, customer: "u-42", channel: .email,
            rawChannel: "Email", subject: "Invoice", text: "Where is my invoice?", tags: ["billing", "invoice"],
            status: .closed, csat: .score(4), agent: "Kim", queue: "Finance", agentReplies: 1, location: location)),
        PresetCase(preset: .salesforce, values: [
            "Case Number": "00001026", "Date/Time Opened": "3/5/2024 10:15 AM", "Date/Time Closed": "3/5/2024 1:45 PM",
            "Contact ID": "", "Contact Email": "", "Contact Phone": "(212) 555-1234", "Case Origin": "Phone",
            "Subject": "Broken part", "Description": "The hinge broke", "Case Reason": "Equipment Design",
            "Status": "New", "Case Owner": "Dana", "Type": "Problem",
        ], expected: ContactRecord(
            // US format, month-first with AM/PM: 2024-03-05 10:15Z = 1 709 633 700, 13:45Z = 1 709 646 300.
            // No id, no e-mail: the phone digits are the identity.
            contactID: "00001026", openedAt: 1_709_633_700, closedAt: 1_709_646_300, customer: "2125551234",
            channel: .phone, rawChannel: "Phone", subject: "Broken part", text: "The hinge broke",
            category: "Equipment Design", status: .open, agent: "Dana", queue: "Problem", location: location)),
        PresetCase(preset: .nyc311, values: [
            "unique_key": "61276295", "created_date": "2024-05-27T02:08:51.000",
            "closed_date": "2024-05-27T03:08:51.000", "open_data_channel_type": "PHONE",
            "complaint_type": "Street Condition", "descriptor": "Pothole",
            "resolution_description": "The Department of Transportation repaired the pothole.", "agency": "DOT",
            "status": "Closed",
        ], expected: ContactRecord(
            // New York local time (EDT, UTC-4): 02:08:51 is 06:08:51Z = 1 716 790 131; closed an hour later.
            contactID: "61276295", openedAt: 1_716_790_131, closedAt: 1_716_793_731, channel: .phone,
            rawChannel: "PHONE", subject: "Pothole", text: "The Department of Transportation repaired the pothole.",
            category: "Street Condition", status: .closed, queue: "DOT", location: location)),
        PresetCase(preset: .callCentre, values: [
            "call id": "ID0001", "date": "01-01-2021", "time": "09:12:58", "agent": "Diane",
            "topic": "Contract related", "resolved": "Y", "avgtalkduration": "0:02:23", "satisfaction rating": "3",
        ], expected: ContactRecord(
            // 2021-01-01T09:12:58Z = 1 609 492 378; talk time 2 min 23 s = 143 s; every row is a phone call.
            contactID: "ID0001", openedAt: 1_609_492_378, channel: .phone, category: "Contract related",
            handleTimeSeconds: 143, csat: .score(3), agent: "Diane", firstContactResolved: true, location: location)),
        PresetCase(preset: .twitter, values: [
            "tweet_id": "119237", "author_id": "105834", "inbound": "True",
            "created_at": "Wed Oct 11 06:55:44 +0000 2017", "text": "@AppleSupport my phone keeps restarting",
        ], expected: ContactRecord(
            // 2017-10-11T06:55:44Z = 1 507 704 944; every tweet is social.
            contactID: "119237", openedAt: 1_507_704_944, customer: "105834", channel: .social,
            text: "@AppleSupport my phone keeps restarting", location: location)),
        PresetCase(preset: .asteriskCDR, values: [
            "linkedid": "1706369600.6", "start": "2024-01-27 15:33:20", "src": "cust-a88d", "billsec": "27",
        ], expected: ContactRecord(
            // 2024-01-27T15:33:20Z = 1 706 369 600; billsec is talk time in seconds; every call is phone.
            contactID: "1706369600.6", openedAt: 1_706_369_600, customer: "cust-a88d", channel: .phone,
            handleTimeSeconds: 27, location: location)),
        PresetCase(preset: .freeswitchCDR, values: [
            "uuid": "d80e22e0-4c15-11ea-97a0-9dd79410affb", "start_stamp": "2020/2/10 22:41",
            "caller_id_number": "1002", "billsec": "9",
        ], expected: ContactRecord(
            // 2020-02-10T22:41:00Z = 1 581 374 460 (no zero padding, no seconds).
            contactID: "d80e22e0-4c15-11ea-97a0-9dd79410affb", openedAt: 1_581_374_460, customer: "1002",
            channel: .phone, handleTimeSeconds: 9, location: location)),
    ]

    @Test func everyPresetIsCovered() {
        #expect(ExportPreset.all.map(\.name) == ["generic", "zendesk", "freshdesk", "intercom", "salesforce", "nyc311",
                                                 "call-centre", "twitter",
                                                 "asterisk-cdr", "freeswitch-cdr"])
        // Every preset but `generic` (which has no columns) has a case below.
        #expect(Set(Self.cases.map(\.preset.name)) == Set(ExportPreset.all.map(\.name)).subtracting(["generic"]))
        #expect(ExportPreset.named("CALL-CENTRE")?.name == "call-centre")
        #expect(ExportPreset.named("nope") == nil)
    }

    @Test func callDetailRecordPresetsKnowTheirHeaderlessLayouts() throws {
        // Presets of exports with a header have none.
        #expect(ExportPreset.all.filter { $0.headerlessColumns != nil }.map(\.name) == ["asterisk-cdr", "freeswitch-cdr"])
        // Asterisk cdr_csv: 16 base columns; + uniqueid (17), + userfield (18); peeraccount, linkedid, sequence
        // (newcdrcolumns) after them (19-21).
        let asterisk = try #require(ExportPreset.asteriskCDR.headerlessColumns)
        #expect(asterisk.layouts.map(\.count) == [16, 17, 18, 19, 20, 21])
        let full = try #require(asterisk.layout(fieldCount: 21))
        #expect(full[9] == "start" && full[11] == "end" && full[13] == "billsec" && full[14] == "disposition")
        #expect(Array(full[16...]) == ["uniqueid", "userfield", "peeraccount", "linkedid", "sequence"])
        #expect(asterisk.layout(fieldCount: 17)?.last == "uniqueid")
        #expect(Array(try #require(asterisk.layout(fieldCount: 19))[16...]) == ["peeraccount", "linkedid", "sequence"])
        #expect(asterisk.layout(fieldCount: 15) == nil)
        #expect(asterisk.origin == .preset("asterisk-cdr"))
        // FreeSWITCH mod_cdr_csv: the module's 13-column template and the shipped 15-column one.
        let freeswitch = try #require(ExportPreset.freeswitchCDR.headerlessColumns)
        #expect(freeswitch.layouts.map(\.count) == [13, 15])
        #expect(freeswitch.layout(fieldCount: 15)?[4] == "start_stamp")
        #expect(freeswitch.layout(fieldCount: 15)?[10] == "uuid")
    }

    @Test func asteriskWithoutLinkedidIsOneContactPerLeg() throws {
        // The 18-column layout has no linkedid: uniqueid, the preset's second choice, is the id.
        let layout = try #require(ExportPreset.asteriskCDR.headerlessColumns?.layout(fieldCount: 18))
        let mapper = try MappingTestSupport.mapper(layout, MappingOptions(preset: .asteriskCDR))
        #expect(mapper.bindings[.contactID]?.column == "uniqueid")
        #expect(mapper.bindings[.closedAt] == nil, "a leg's end is not a resolution")
        #expect(mapper.bindings[.channel]?.source == .constant, "the column named channel holds SIP/..., not a channel")
    }

    @Test(arguments: cases)
    func presetBindsItsColumnsAndMapsARecord(_ testCase: PresetCase) throws {
        let preset = testCase.preset
        // Header: the preset's columns in field order, with an unrelated column in the middle.
        var header = CanonicalField.allCases.compactMap { preset.mapping[$0]?.first }
        header.insert("Unrelated column", at: header.count / 2)
        #expect(Set(testCase.values.keys) == Set(preset.mapping.values.compactMap(\.first)),
                "the case gives every column a value")
        let options = MappingOptions(preset: preset, timeZone: MappingTestSupport.zone(of: preset))
        var mapper = try MappingTestSupport.mapper(header, options)

        for (field, columns) in preset.mapping {
            let column = try #require(columns.first)
            #expect(mapper.bindings[field] == ColumnBinding(field: field, column: column,
                                                            index: header.firstIndex(of: column), source: .preset))
        }
        for (field, value) in preset.constants where preset.mapping[field] == nil {
            #expect(mapper.bindings[field] == ColumnBinding(field: field, column: value, index: nil, source: .constant))
        }
        #expect(!mapper.bindings.values.contains { $0.column == "Unrelated column" })
        #expect(mapper.missingColumns.isEmpty)

        let fields = header.map { testCase.values[$0] ?? "unrelated" }
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, fields, line: 2)
        #expect(outcome == .contact(testCase.expected))
        #expect(diagnostics.isEmpty)
    }

    @Test func genericPresetFindsColumnsByAlias() throws {
        let mapper = try MappingTestSupport.mapper(["Created at", "Unrelated column", "Kanava"],
                                                   MappingOptions(preset: .generic))
        #expect(mapper.bindings.mapValues(\.source) == [.openedAt: .alias, .channel: .alias])
    }

    @Test func presetColumnsAreFoundIgnoringCaseAndPunctuation() throws {
        var mapper = try MappingTestSupport.mapper(["TWEET ID", "Created-At", "Inbound"], MappingOptions(preset: .twitter))
        #expect(mapper.bindings[.openedAt] == ColumnBinding(field: .openedAt, column: "Created-At", index: 1,
                                                           source: .preset))
        let (outcome, _) = MappingTestSupport.map(&mapper, ["1", "Wed Oct 11 06:55:44 +0000 2017", "False"])
        #expect(outcome == .excluded(reason: "outbound message (the organisation's own, not a customer contact)"))
    }

    @Test func constantChannelOnlyWhenTheExportHasNoChannelColumn() throws {
        // Intercom names a `Channel` column and falls back to chat without one.
        var without = try MappingTestSupport.mapper(["Created at"], MappingOptions(preset: .intercom))
        #expect(without.bindings[.channel] == ColumnBinding(field: .channel, column: "chat", index: nil, source: .constant))
        let (outcome, _) = MappingTestSupport.map(&without, ["2024-01-01"])
        #expect(MappingTestSupport.contact(outcome)?.channel == .chat)
        #expect(MappingTestSupport.contact(outcome)?.rawChannel == nil)
        // The call-centre constant gives way to an explicit channel column.
        var explicit = try MappingTestSupport.mapper(["date", "Medium"],
                                                     MappingOptions(explicit: [.channel: "Medium"], preset: .callCentre))
        let (chat, _) = MappingTestSupport.map(&explicit, ["2024-01-01", "Chat"])
        #expect(MappingTestSupport.contact(chat)?.channel == .chat)
        // An empty channel cell falls back to the constant.
        let (empty, _) = MappingTestSupport.map(&explicit, ["2024-01-01", ""])
        #expect(MappingTestSupport.contact(empty)?.channel == .phone)
    }

    @Test func nyc311OnItsOwnReadsNewYorkTime() throws {
        // With no zone given, `MappingOptions` takes the preset's (New York for nyc311), in the library too.
        var mapper = try MappingTestSupport.mapper(["created_date"], MappingOptions(preset: .nyc311))
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2024-05-27T02:08:51.000"])
        #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_716_790_131)
    }
}
