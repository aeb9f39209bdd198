import Testing
@testable import ContactAnalytics

/// The presets of help desks, contact centres and public complaint data on the small exports of
/// `Fixtures/presets` (shaped like each system's real export; the values are invented), read end to end by
/// `ContactIngest.run` in the preset's time zone. Expected epochs were computed with Python's `datetime`.
@Suite struct SystemPresetIngestTests {
    struct Ingested {
        var summary: IngestSummary
        var contacts: [ContactRecord]
        var file: IngestSummary.FileSummary? { summary.files.first }
        /// `field <- column` of every binding the preset made.
        var presetBindings: [CanonicalField: String] {
            Dictionary(uniqueKeysWithValues: (file?.bindings ?? []).filter { $0.source == .preset }.map { ($0.field, $0.column) })
        }
        var channels: [Channel] { contacts.map(\.channel) }
        var statuses: [ContactStatus?] { contacts.map(\.status) }
    }

    static func ingest(_ fixture: String, _ preset: ExportPreset) throws -> Ingested {
        let path = MappingTestSupport.fixturePath("presets", fixture)
        var options = IngestOptions(files: [path], mapping: MappingOptions(preset: preset,
                                                                            timeZone: MappingTestSupport.zone(of: preset)))
        options.displayNames = [path: fixture]
        var contacts: [ContactRecord] = []
        let summary = try ContactIngest.run(options) { contact, _, _ in contacts.append(contact) }
        return Ingested(summary: summary, contacts: contacts)
    }

    @Test func everyNewPresetIsListed() {
        let names = ExportPreset.all.map(\.name)
        for name in ["servicenow", "jira-service-management", "zammad", "glpi", "boston311", "open311", "cfpb",
                     "amazon-connect"] {
            #expect(names.contains(name), "\(name)")
            #expect(ExportPreset.named(name.uppercased())?.name == name)
        }
        #expect(Set(names).count == names.count)
    }

    @Test func serviceNow() throws {
        let r = try Self.ingest("servicenow-incidents.csv", .serviceNow)
        // 6 incidents; INC0010005 came from monitoring (contact_type event): internal, excluded.
        #expect(r.summary.rowsRead == 6)
        #expect(r.summary.contacts == 5)
        #expect(r.summary.excluded == 1)
        #expect(r.summary.internalContacts == 1)
        #expect(r.summary.rejected == 0)
        #expect(r.summary.fieldWarnings == 0)
        #expect(r.presetBindings == [.contactID: "number", .openedAt: "opened_at", .closedAt: "resolved_at",
                                     .customer: "caller_id", .channel: "contact_type", .status: "incident_state",
                                     .subject: "short_description", .text: "description", .category: "category",
                                     .queue: "assignment_group", .agent: "assigned_to"])
        #expect(r.contacts.map(\.contactID) == ["INC0010001", "INC0010002", "INC0010003", "INC0010004", "INC0010006"])
        // Phone, Email, self-service (not internal), Walk-in, Chat.
        #expect(r.channels == [.phone, .email, .selfService, .inPerson, .chat])
        // State codes 6, 2, 7, 3, 8.
        #expect(r.statuses == [.resolved, .open, .closed, .pending, .closed])
        let first = try #require(r.contacts.first)
        // 2024-03-04 09:12:00 UTC; resolved 11:12 (resolved_at wins over closed_at).
        #expect(first.openedAt == 1_709_543_520)
        #expect(first.closedAt == 1_709_550_720)
        #expect(first.subject == "Cannot connect to VPN")
        #expect(first.queue == "Service Desk")
        #expect(first.agent == "Beth Anglin")
        // caller_id is the customer: Caller 2403 opened the first and the fourth.
        #expect(first.customer != nil)
        #expect(first.customer == r.contacts[3].customer)
        #expect(first.customer != r.contacts[1].customer)
    }

    @Test func serviceNowStateWordsOfTheEventLog() throws {
        var mapper = try MappingTestSupport.mapper(["number", "opened_at", "incident_state", "contact_type"],
                                                   MappingOptions(preset: .serviceNow))
        for (state, expected) in [("Active", ContactStatus.open), ("Awaiting User Info", .pending),
                                  ("Resolved", .resolved), ("Closed", .closed), ("New", .open)] {
            let outcome = MappingTestSupport.map(&mapper, ["INC1", "29/2/2016 01:16", state, "Self service"]).outcome
            let contact = try #require(MappingTestSupport.contact(outcome))
            #expect(contact.status == expected, "\(state)")
            #expect(contact.channel == .selfService)
        }
    }

    @Test(arguments: ["jira-service-management-requests.csv", "jira-service-management-api.jsonl"])
    func jiraServiceManagement(_ fixture: String) throws {
        let r = try Self.ingest(fixture, .jiraServiceManagement)
        #expect(r.summary.rejected == 0)
        #expect(r.summary.fieldWarnings == 0)
        if fixture.hasSuffix(".csv") {
            #expect(r.summary.contacts == 3)
            #expect(r.presetBindings == [.contactID: "Issue key", .openedAt: "Created", .closedAt: "Resolved",
                                         .customer: "Reporter", .subject: "Summary", .text: "Description",
                                         .status: "Status", .agent: "Assignee",
                                         .category: "Custom field (Request Type)"])
            // 12/Mar/24 3:04 PM, 13/Mar/24 9:15 AM, 14/Mar/24 11:30 PM (UTC).
            #expect(r.contacts.map(\.openedAt) == [1_710_255_840, 1_710_321_300, 1_710_459_000])
            #expect(r.contacts.map(\.closedAt) == [nil, 1_710_407_700, nil])
            #expect(r.statuses == [.open, .resolved, .pending])
            #expect(r.contacts.map(\.category) == ["Get IT help", "Request new software", "Report a system problem"])
            #expect(r.contacts[0].customer == r.contacts[2].customer)
        } else {
            #expect(r.summary.contacts == 2)
            #expect(r.presetBindings == [.contactID: "key", .openedAt: "fields.created",
                                         .closedAt: "fields.resolutiondate", .customer: "fields.reporter.accountId",
                                         .subject: "fields.summary", .text: "fields.description",
                                         .status: "fields.status.name", .agent: "fields.assignee.displayName",
                                         .category: "fields.issuetype.name"])
            #expect(r.contacts.map(\.openedAt) == [1_710_255_840, 1_710_403_200])
            #expect(r.contacts.map(\.closedAt) == [1_710_342_240, nil])
            // Closed; Waiting for approval (pending).
            #expect(r.statuses == [.closed, .pending])
            #expect(r.contacts.map(\.agent) == ["Ana Silva", nil])
        }
    }

    @Test func zammad() throws {
        let r = try Self.ingest("zammad-tickets.csv", .zammad)
        // 31004 was opened by an agent with a note: internal.
        #expect(r.summary.rowsRead == 5)
        #expect(r.summary.contacts == 4)
        #expect(r.summary.internalContacts == 1)
        #expect(r.summary.excluded == 1)
        #expect(r.summary.fieldWarnings == 0)
        #expect(r.presetBindings == [.contactID: "number", .openedAt: "created_at", .closedAt: "close_at",
                                     .customer: "customer", .channel: "create_article_type", .subject: "title",
                                     .status: "state", .agent: "owner", .queue: "group"])
        #expect(r.contacts.map(\.contactID) == ["31001", "31002", "31003", "31005"])
        #expect(r.channels == [.email, .phone, .social, .letter])
        #expect(r.statuses == [.closed, .open, .pending, .closed])
        #expect(r.contacts[0].openedAt == 1_706_774_400)
        #expect(r.contacts[0].closedAt == 1_706_788_800)
    }

    @Test func zammadStateIDsAndArticleTypesOfTheAPI() throws {
        var mapper = try MappingTestSupport.mapper(["number", "created_at", "state_id", "create_article_type"],
                                                   MappingOptions(preset: .zammad))
        let expected: [(String, ContactStatus)] = [("1", .open), ("2", .open), ("3", .pending), ("4", .closed),
                                                   ("5", .closed), ("6", .closed), ("7", .pending)]
        for (code, status) in expected {
            let outcome = MappingTestSupport.map(&mapper, ["1", "2024-02-01T08:00:00Z", code, "twitter direct-message"]).outcome
            let contact = try #require(MappingTestSupport.contact(outcome))
            #expect(contact.status == status, "state_id \(code)")
            #expect(contact.channel == .messaging)
        }
    }

    @Test func glpiAPIRequestTypeCodes() throws {
        var mapper = try MappingTestSupport.mapper(["id", "name", "date", "solvedate", "closedate", "status",
                                                    "requesttypes_id", "content"], MappingOptions(preset: .glpi))
        #expect(mapper.bindings[.closedAt]?.column == "solvedate")
        #expect(mapper.bindings[.openedAt]?.column == "date")
        let expected: [(String, Channel)] = [("1", .web), ("2", .email), ("3", .phone), ("4", .inPerson),
                                             ("5", .letter), ("6", .other)]
        for (code, channel) in expected {
            let fields = ["1", "Nobreak", "2022-07-25 08:10:40", "2022-07-25 09:38:04", "2022-07-28 09:00:49", "6",
                          code, "text"]
            let contact = try #require(MappingTestSupport.contact(MappingTestSupport.map(&mapper, fields).outcome))
            #expect(contact.channel == channel, "requesttypes_id \(code)")
            #expect(contact.status == .closed)
            // Solved 1 h 27 min 24 s after opening (the solution, not the closing, ends the wait).
            #expect(contact.closedAt.map { $0 - contact.openedAt } == 5_244)
        }
    }

    @Test func glpiPortugueseWindows1252() throws {
        let r = try Self.ingest("glpi-tickets-pt.csv", .glpi)
        #expect(r.summary.rowsRead == 5)
        #expect(r.summary.contacts == 5)
        #expect(r.summary.rejected == 0)
        #expect(r.summary.fieldWarnings == 0)
        #expect(r.file?.delimiter == ";")
        #expect(r.presetBindings == [.contactID: "ID", .subject: "Título", .openedAt: "Data de abertura",
                                     .closedAt: "Data de solução", .status: "Status",
                                     .channel: "Origem da requisição", .category: "Categoria",
                                     .customer: "Requerente", .agent: "Técnico", .queue: "Grupo técnico"])
        // Helpdesk, E-Mail, Telefone, Escrito (a letter), Direto (in person).
        #expect(r.channels == [.web, .email, .phone, .letter, .inPerson])
        #expect(r.statuses == [.resolved, .closed, .open, .pending, .open])
        // 01-04-2024 08:10 is 1 April (dashed dates are day-first), solved 10:10.
        #expect(r.contacts[0].openedAt == 1_711_959_000)
        #expect(r.contacts[0].closedAt == 1_711_966_200)
        #expect(r.contacts[0].subject == "Impressora não imprime")
        #expect(r.contacts[3].subject == "Ofício 12/2024 da prefeitura")
    }

    @Test func amazonConnect() throws {
        let r = try Self.ingest("amazon-connect-contacts.csv", .amazonConnect)
        // INBOUND voice, API chat, INBOUND email are contacts; OUTBOUND and TRANSFER are excluded (outbound),
        // the TASK is internal.
        #expect(r.summary.rowsRead == 6)
        #expect(r.summary.contacts == 3)
        #expect(r.summary.excluded == 3)
        #expect(r.summary.internalContacts == 1)
        #expect(r.summary.fieldWarnings == 0)
        #expect(r.presetBindings[.inbound] == "Initiation method")
        #expect(r.presetBindings[.phone] == "Customer phone number")
        #expect(r.presetBindings[.handleTime] == "Agent interaction duration")
        #expect(r.channels == [.phone, .chat, .email])
        #expect(r.contacts.map(\.handleTimeSeconds) == [390, 600, nil])
        #expect(r.contacts[0].openedAt == 1_714_986_000)
        #expect(r.contacts[0].closedAt == 1_714_986_450)
        #expect(r.contacts[0].customer != nil)
        #expect(r.contacts.map(\.queue) == ["Billing", "Support", "Support"])
    }

    @Test func cfpb() throws {
        let r = try Self.ingest("cfpb-complaints.csv", .cfpb)
        #expect(r.summary.contacts == 5)
        #expect(r.summary.fieldWarnings == 0)
        #expect(r.presetBindings == [.contactID: "Complaint ID", .openedAt: "Date received",
                                     .channel: "Submitted via", .category: "Issue", .subject: "Sub-issue",
                                     .queue: "Product", .text: "Consumer complaint narrative",
                                     .status: "Company response to consumer", .tags: "Tags"])
        // Web, Phone, Postal mail and Fax (letters, not e-mail), Referral (channel unknown).
        #expect(r.channels == [.web, .phone, .letter, .letter, .other])
        #expect(r.contacts.map(\.rawChannel) == ["Web", "Phone", "Postal mail", "Fax", "Referral"])
        #expect(r.statuses == [.closed, .open, .closed, .open, .closed])
        // 03/14/2024 and 03/25/2024: the data says month-first (the preset leaves the order to it).
        #expect(r.contacts.first?.openedAt == 1_710_374_400)
        #expect(r.contacts.last?.openedAt == 1_711_324_800)
        #expect(r.file?.dateOrder?.order == .monthFirst)
        #expect(r.file?.dateOrder?.how == "a month-first value with a second part above 12")
        #expect(r.contacts.allSatisfy { $0.customer == nil })
    }

    @Test func open311() throws {
        let r = try Self.ingest("open311-requests.json", .open311)
        #expect(r.summary.contacts == 3)
        #expect(r.summary.fieldWarnings == 0)
        #expect(r.presetBindings == [.contactID: "service_request_id", .openedAt: "requested_datetime",
                                     .status: "status", .category: "service_name", .text: "description",
                                     .queue: "agency_responsible"])
        // 2024-04-14T06:37:38-08:00.
        #expect(r.contacts[0].openedAt == 1_713_105_458)
        #expect(r.statuses == [.closed, .open, .open])
        // No closing time: updated_datetime is not bound.
        #expect(r.contacts.allSatisfy { $0.closedAt == nil })
        #expect(r.contacts.map(\.category) == ["Sidewalk and Curb Issues", "Abandoned Vehicle", "Sidewalk and Curb Issues"])
    }

    @Test func boston311() throws {
        let r = try Self.ingest("boston311-cases.csv", .boston311)
        // Constituent Call, Citizens Connect App, Self Service are the public's; Employee Generated, City
        // Worker App and Maximo Integration are the city's own: internal.
        #expect(r.summary.rowsRead == 6)
        #expect(r.summary.contacts == 3)
        #expect(r.summary.excluded == 3)
        #expect(r.summary.internalContacts == 3)
        #expect(r.summary.fieldWarnings == 0)
        // The header's ` CLOSED_DT` (with a leading space, as some years write it) is found.
        #expect(r.presetBindings == [.contactID: "CASE_ENQUIRY_ID", .openedAt: "OPEN_DT", .closedAt: "CLOSED_DT",
                                     .status: "CASE_STATUS", .subject: "CASE_TITLE", .category: "REASON",
                                     .queue: "SUBJECT", .channel: "Source"])
        #expect(r.channels == [.phone, .selfService, .selfService])
        // 2019-01-01 00:13:00 in Boston (EST, UTC-5); closed 06:13.
        #expect(r.contacts[0].openedAt == 1_546_319_580)
        #expect(r.contacts[0].closedAt == 1_546_341_180)
        #expect(r.contacts[0].queue == "Public Works Department")
        #expect(r.contacts[0].category == "Highway Maintenance")
    }

    @Test func callCentreIsMonthFirst() throws {
        #expect(ExportPreset.callCentre.dayMonthOrder == .monthFirst)
        var mapper = try MappingTestSupport.mapper(["call id", "date", "time"], MappingOptions(preset: .callCentre))
        // 1/2/2021 is 2 January; 01-06-2021 is 6 January (the file's dashed dates are month-first too).
        let jan2 = try #require(MappingTestSupport.contact(MappingTestSupport.map(&mapper, ["ID1", "1/2/2021", "09:00:00"]).outcome))
        #expect(jan2.openedAt == 1_609_578_000)
        let jan6 = try #require(MappingTestSupport.contact(MappingTestSupport.map(&mapper, ["ID2", "01-06-2021", "09:00:00"]).outcome))
        #expect(jan6.openedAt == 1_609_923_600)
    }
}
