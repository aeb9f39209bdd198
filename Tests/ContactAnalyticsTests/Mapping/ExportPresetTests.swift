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
        PresetCase(preset: .serviceNow, values: [
            "number": "INC0010001", "opened_at": "2024-03-04 09:12:00", "resolved_at": "2024-03-04 11:12:00",
            "caller_id": "Caller 2403", "contact_type": "Phone", "incident_state": "6",
            "short_description": "Cannot connect to VPN", "description": "Times out", "category": "Network",
            "assignment_group": "Service Desk", "assigned_to": "Beth Anglin",
        ], expected: ContactRecord(
            // 2024-03-04 09:12Z = 1 709 543 520, resolved two hours later; state code 6 is Resolved.
            contactID: "INC0010001", openedAt: 1_709_543_520, closedAt: 1_709_550_720, customer: "Caller 2403",
            channel: .phone, rawChannel: "Phone", subject: "Cannot connect to VPN", text: "Times out",
            category: "Network", status: .resolved, agent: "Beth Anglin", queue: "Service Desk", location: location)),
        PresetCase(preset: .jiraServiceManagement, values: [
            "Issue key": "ITSM-101", "Created": "12/Mar/24 3:04 PM", "Resolved": "13/Mar/24 9:30 AM",
            "Reporter": "qm:111", "Summary": "Laptop will not boot", "Description": "Black screen",
            "Status": "Waiting for customer", "Assignee": "Ana Silva", "Request Type": "Get IT help",
        ], expected: ContactRecord(
            // Jira's dates: 2024-03-12 15:04Z = 1 710 255 840; 2024-03-13 09:30Z = 1 710 322 200.
            contactID: "ITSM-101", openedAt: 1_710_255_840, closedAt: 1_710_322_200, customer: "qm:111",
            subject: "Laptop will not boot", text: "Black screen", category: "Get IT help", status: .pending,
            agent: "Ana Silva", location: location)),
        PresetCase(preset: .zammad, values: [
            "number": "31001", "created_at": "2024-02-01T08:00:00Z", "close_at": "2024-02-01T12:00:00Z",
            "customer": "Nicole Braun", "create_article_type": "twitter status", "title": "Order missing",
            "state": "pending reminder", "owner": "Anna Agent", "group": "Sales",
        ], expected: ContactRecord(
            contactID: "31001", openedAt: 1_706_774_400, closedAt: 1_706_788_800, customer: "Nicole Braun",
            channel: .social, rawChannel: "twitter status", subject: "Order missing", status: .pending,
            agent: "Anna Agent", queue: "Sales", location: location)),
        PresetCase(preset: .glpi, values: [
            "ID": "1024", "Título": "Ofício 12/2024", "Data de abertura": "03-04-2024 10:00",
            "Data de solução": "04-04-2024 10:00", "Status": "Solucionado", "Origem da requisição": "Escrito",
            "Categoria": "Administrativo", "Requerente": "carlos.lima", "Técnico": "tecnico1",
            "Grupo técnico": "Protocolo", "Descrição": "Resposta ao ofício",
        ], expected: ContactRecord(
            // Dashed dates are day-first: 3 April 2024 10:00Z = 1 712 138 400, solved a day later.
            contactID: "1024", openedAt: 1_712_138_400, closedAt: 1_712_224_800, customer: "carlos.lima",
            channel: .letter, rawChannel: "Escrito", subject: "Ofício 12/2024", text: "Resposta ao ofício",
            category: "Administrativo", status: .resolved, agent: "tecnico1", queue: "Protocolo", location: location)),
        PresetCase(preset: .amazonConnect, values: [
            "Contact id": "c-1", "Initiation timestamp": "2024-05-06T09:00:00Z",
            "Disconnect timestamp": "2024-05-06T09:07:30Z", "Channel": "VOICE", "Initiation method": "INBOUND",
            "Queue": "Billing", "Agent": "jdoe", "Customer phone number": "", "Agent interaction duration": "390",
        ], expected: ContactRecord(
            contactID: "c-1", openedAt: 1_714_986_000, closedAt: 1_714_986_450, channel: .phone, rawChannel: "VOICE",
            handleTimeSeconds: 390, agent: "jdoe", queue: "Billing", location: location)),
        PresetCase(preset: .cfpb, values: [
            "Complaint ID": "8523003", "Date received": "03/18/2024", "Submitted via": "Postal mail",
            "Issue": "Managing an account", "Sub-issue": "Deposits and withdrawals",
            "Product": "Checking or savings account", "Consumer complaint narrative": "XXXX closed my account",
            "Company response to consumer": "Closed with monetary relief", "Tags": "Servicemember",
        ], expected: ContactRecord(
            // Month-first: 2024-03-18 = 1 710 720 000. Postal mail is a letter, not e-mail.
            contactID: "8523003", openedAt: 1_710_720_000, channel: .letter, rawChannel: "Postal mail",
            subject: "Deposits and withdrawals", text: "XXXX closed my account", category: "Managing an account",
            tags: ["Servicemember"], status: .closed, queue: "Checking or savings account", location: location)),
        PresetCase(preset: .open311, values: [
            "service_request_id": "638344", "requested_datetime": "2024-04-14T06:37:38-08:00", "status": "closed",
            "service_name": "Sidewalk and Curb Issues", "description": "Large crack",
            "agency_responsible": "Department of Public Works",
        ], expected: ContactRecord(
            contactID: "638344", openedAt: 1_713_105_458, text: "Large crack", category: "Sidewalk and Curb Issues",
            status: .closed, queue: "Department of Public Works", location: location)),
        PresetCase(preset: .boston311, values: [
            "CASE_ENQUIRY_ID": "101002738901", "OPEN_DT": "2019-01-01 00:13:00", "CLOSED_DT": "2019-01-01 06:13:00",
            "CASE_STATUS": "Closed", "CASE_TITLE": "Request for Pothole Repair", "REASON": "Highway Maintenance",
            "SUBJECT": "Public Works Department", "Source": "Constituent Call",
        ], expected: ContactRecord(
            // Boston local time (EST, UTC-5): 2019-01-01 05:13Z = 1 546 319 580, closed six hours later.
            contactID: "101002738901", openedAt: 1_546_319_580, closedAt: 1_546_341_180, channel: .phone,
            rawChannel: "Constituent Call", subject: "Request for Pothole Repair", category: "Highway Maintenance",
            status: .closed, queue: "Public Works Department", location: location)),
        PresetCase(preset: .hubspot, values: [
            "Ticket ID": "5101", "Create date": "2024-03-05 10:15", "Close date": "2024-03-05 11:15", "Source": "Form",
            "Ticket name": "Login", "Ticket description": "Cannot log in", "Category": "Product issue",
            "Ticket status": "Waiting on contact", "Ticket owner": "Eve",
        ], expected: ContactRecord(
            // The CSV export's names; a form is the web channel, "Waiting on contact" pending.
            contactID: "5101", openedAt: 1_709_633_700, closedAt: 1_709_637_300, channel: .web, rawChannel: "Form",
            subject: "Login", text: "Cannot log in", category: "Product issue", status: .pending, agent: "Eve",
            location: location)),
        PresetCase(preset: .chatwoot, values: [
            "id": "42", "created_at": "1709633700", "meta.sender.id": "300", "meta.sender.email": "",
            "meta.sender.phone_number": "", "meta.channel": "Channel::WebWidget",
            "messages.content": "Where is my order?, Thanks", "labels": "delivery, vip", "status": "snoozed",
            "meta.assignee.name": "Kim", "meta.team.name": "Sales",
        ], expected: ContactRecord(
            // API names as the JSON reader flattens them; 1 709 633 700 Unix seconds = 2024-03-05T10:15:00Z.
            contactID: "42", openedAt: 1_709_633_700, customer: "300", channel: .chat, rawChannel: "Channel::WebWidget",
            text: "Where is my order?, Thanks", tags: ["delivery", "vip"], status: .pending, agent: "Kim",
            queue: "Sales", location: location)),
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
        #expect(ExportPreset.all.map(\.name) == ["generic", "zendesk", "freshdesk", "intercom", "chatwoot", "hubspot",
                                                 "salesforce", "servicenow", "jira-service-management", "zammad", "glpi",
                                                 "nyc311", "boston311", "open311", "cfpb", "call-centre", "amazon-connect",
                                                 "twitter", "asterisk-cdr", "freeswitch-cdr"])
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
        let full = try #require(asterisk.layout(for: Self.blank(21)))
        #expect(full[9] == "start" && full[11] == "end" && full[13] == "billsec" && full[14] == "disposition")
        #expect(Array(full[16...]) == ["uniqueid", "userfield", "peeraccount", "linkedid", "sequence"])
        #expect(asterisk.layout(for: Self.blank(17))?.last == "uniqueid")
        // Two layouts of 19 columns (cdr_csv's and cdr_custom's); a first line with no telling values reads cdr_csv.
        #expect(asterisk.layouts.map(\.count) == [16, 17, 18, 19, 20, 21, 19])
        #expect(Array(try #require(asterisk.layout(for: Self.blank(19)))[16...]) == ["peeraccount", "linkedid", "sequence"])
        #expect(asterisk.layout(for: Self.blank(15)) == nil)
        #expect(asterisk.origin == .preset("asterisk-cdr"))
        // FreeSWITCH mod_cdr_csv: the module's 13-column template and the shipped 15-column one.
        let freeswitch = try #require(ExportPreset.freeswitchCDR.headerlessColumns)
        #expect(freeswitch.layouts.map(\.count) == [13, 15])
        #expect(freeswitch.layout(for: Self.blank(15))?[4] == "start_stamp")
        #expect(freeswitch.layout(for: Self.blank(15))?[10] == "uuid")
    }

    /// A first line of `count` empty fields: it tells no layout from another.
    static func blank(_ count: Int) -> [String] { Array(repeating: "", count: count) }

    /// A first line as `cdr_custom`'s sample Master.csv mapping writes it (invented values).
    static let cdrCustomLine = [
        "\"Ann\" <201>", "201", "300", "from-internal", "PJSIP/201-00000001", "PJSIP/300-00000002", "Dial",
        "PJSIP/300,30", "2024-03-04 09:00:05", "2024-03-04 09:00:12", "2024-03-04 09:02:12", "127", "120", "ANSWERED",
        "DOCUMENTATION", "", "1709542805.1", "", "1",
    ]
    /// A first line as `cdr_csv` writes it with `newcdrcolumns` and neither `loguniqueid` nor `loguserfield`.
    static let cdrCSVLine = [
        "", "201", "300", "from-internal", "\"Ann\" <201>", "PJSIP/201-00000001", "PJSIP/300-00000002", "Dial",
        "PJSIP/300,30", "2024-03-04 09:00:05", "2024-03-04 09:00:12", "2024-03-04 09:02:12", "127", "120", "ANSWERED",
        "DOCUMENTATION", "", "1709542805.1", "1",
    ]

    @Test func asteriskTellsItsTwo19ColumnLayoutsByTheFirstLine() throws {
        let asterisk = try #require(ExportPreset.asteriskCDR.headerlessColumns)
        // cdr_custom: clid first, start the 9th column, uniqueid the 17th; no linkedid.
        let custom = try #require(asterisk.layout(for: Self.cdrCustomLine))
        #expect(custom.first == "clid" && custom[8] == "start" && custom[12] == "billsec" && custom[16] == "uniqueid")
        #expect(!custom.contains("linkedid"))
        // Read as cdr_custom, 6 values fit (start, answer, end, duration, billsec, clid); as cdr_csv, only 3.
        // An unanswered call (answer empty) still reads cdr_custom: 5 against 2.
        var unanswered = Self.cdrCustomLine
        unanswered[9] = ""
        #expect(asterisk.layout(for: unanswered) == custom)
        // cdr_csv's 19 columns: accountcode first, clid the 5th, then peeraccount, linkedid, sequence.
        let csv = try #require(asterisk.layout(for: Self.cdrCSVLine))
        #expect(csv.first == "accountcode" && csv[4] == "clid" && csv[9] == "start" && csv[17] == "linkedid")
        // The contact id: uniqueid for cdr_custom (no linkedid), linkedid for cdr_csv.
        let customMapper = try MappingTestSupport.mapper(custom, MappingOptions(preset: .asteriskCDR))
        #expect(customMapper.bindings[.contactID]?.column == "uniqueid")
        #expect(customMapper.bindings[.openedAt]?.column == "start")
        #expect(customMapper.bindings[.handleTime]?.column == "billsec")
        let csvMapper = try MappingTestSupport.mapper(csv, MappingOptions(preset: .asteriskCDR))
        #expect(csvMapper.bindings[.contactID]?.column == "linkedid")
        // A layout alone for its count is used whatever the values.
        #expect(asterisk.layout(for: Array(Self.cdrCSVLine.prefix(16)))?.first == "accountcode")
    }

    @Test func asteriskWithoutLinkedidIsOneContactPerLeg() throws {
        // The 18-column layout has no linkedid: uniqueid, the preset's second choice, is the id.
        let layout = try #require(ExportPreset.asteriskCDR.headerlessColumns?.layout(for: Self.blank(18)))
        let mapper = try MappingTestSupport.mapper(layout, MappingOptions(preset: .asteriskCDR))
        #expect(mapper.bindings[.contactID]?.column == "uniqueid")
        #expect(mapper.bindings[.closedAt] == nil, "a leg's end is not a resolution")
        #expect(mapper.bindings[.channel]?.source == .constant, "the column named channel holds SIP/..., not a channel")
    }

    @Test(arguments: cases)
    func presetBindsItsColumnsAndMapsARecord(_ testCase: PresetCase) throws {
        let preset = testCase.preset
        // Header: for each field, the first of the preset's candidate columns that the case gives (a CSV
        // export's names; a preset's API-only fields, such as Intercom's source.delivered_as, are then
        // missing), in field order, with an unrelated column in the middle.
        let given = Set(testCase.values.keys)
        let columns = preset.mapping.compactMapValues { $0.first(where: given.contains) }
        var header = CanonicalField.allCases.compactMap { columns[$0] }
        header.insert("Unrelated column", at: header.count / 2)
        #expect(given == Set(columns.values), "every value of the case feeds a field")
        let options = MappingOptions(preset: preset, timeZone: MappingTestSupport.zone(of: preset))
        var mapper = try MappingTestSupport.mapper(header, options)

        for (field, column) in columns {
            #expect(mapper.bindings[field] == ColumnBinding(field: field, column: column,
                                                            index: header.firstIndex(of: column), source: .preset))
        }
        for (field, value) in preset.constants where columns[field] == nil {
            #expect(mapper.bindings[field] == ColumnBinding(field: field, column: value, index: nil, source: .constant))
        }
        #expect(!mapper.bindings.values.contains { $0.column == "Unrelated column" })
        #expect(Set(mapper.missingColumns.map(\.field)) == Set(preset.mapping.keys).subtracting(columns.keys))

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
