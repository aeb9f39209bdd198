import Testing
@testable import ContactAnalytics

/// The built-in aliases on the headers of real exports: which column each field gets without a preset.
@Suite struct CanonicalFieldAliasTests {
    /// `field <- column` of every alias binding of `header`.
    static func bound(_ header: [String]) throws -> [CanonicalField: String] {
        let mapper = try MappingTestSupport.mapper(header)
        return mapper.bindings.filter { $0.value.source == .alias }.mapValues(\.column)
    }

    @Test func cfpbComplaintDatabase() throws {
        let header = ["Date received", "Product", "Sub-product", "Issue", "Sub-issue", "Consumer complaint narrative",
                      "Company public response", "Company", "State", "ZIP code", "Tags", "Consumer consent provided?",
                      "Submitted via", "Date sent to company", "Company response to consumer", "Timely response?",
                      "Consumer disputed?", "Complaint ID"]
        let bound = try Self.bound(header)
        #expect(bound[.contactID] == "Complaint ID")
        #expect(bound[.openedAt] == "Date received")
        #expect(bound[.channel] == "Submitted via")
        #expect(bound[.category] == "Issue")
        #expect(bound[.text] == "Consumer complaint narrative")
        #expect(bound[.tags] == "Tags")
        // `State` is a US state: no status alias takes it.
        #expect(bound[.status] == nil)
    }

    @Test func telecomComplaintsWithReceivedVia() throws {
        let header = ["Ticket #", "Customer Complaint", "Date", "Date_month_year", "Time", "Received Via", "City",
                      "State", "Zip code", "Status", "Filing on Behalf of Someone"]
        let bound = try Self.bound(header)
        #expect(bound[.contactID] == "Ticket #")
        #expect(bound[.openedAt] == "Date")
        #expect(bound[.openedTime] == "Time")
        #expect(bound[.channel] == "Received Via")
        #expect(bound[.subject] == "Customer Complaint")
        #expect(bound[.status] == "Status")
    }

    @Test func supportTicketsWithTicketChannelAndSatisfactionRating() throws {
        let header = ["Ticket ID", "Customer Name", "Customer Email", "Created at", "Ticket Type", "Ticket Subject",
                      "Ticket Description", "Ticket Status", "Ticket Priority", "Ticket Channel",
                      "Customer Satisfaction Rating"]
        let bound = try Self.bound(header)
        #expect(bound[.contactID] == "Ticket ID")
        #expect(bound[.customer] == "Customer Name")
        #expect(bound[.email] == "Customer Email")
        #expect(bound[.channel] == "Ticket Channel")
        #expect(bound[.subject] == "Ticket Subject")
        #expect(bound[.text] == "Ticket Description")
        #expect(bound[.status] == "Ticket Status")
        #expect(bound[.category] == "Ticket Type")
        #expect(bound[.csat] == "Customer Satisfaction Rating")
    }

    @Test func boston311() throws {
        let header = ["CASE_ENQUIRY_ID", "OPEN_DT", "TARGET_DT", "CLOSED_DT", "OnTime_Status", "CASE_STATUS",
                      "CLOSURE_REASON", "CASE_TITLE", "SUBJECT", "REASON", "TYPE", "QUEUE", "Source"]
        let bound = try Self.bound(header)
        #expect(bound[.contactID] == "CASE_ENQUIRY_ID")
        #expect(bound[.openedAt] == "OPEN_DT")
        #expect(bound[.closedAt] == "CLOSED_DT")
        #expect(bound[.status] == "CASE_STATUS")
        // SUBJECT is a department: the case title is the subject.
        #expect(bound[.subject] == "CASE_TITLE")
        #expect(bound[.channel] == "Source")
        #expect(bound[.queue] == "QUEUE")
    }

    @Test func serviceNowIncidentEventLog() throws {
        let header = ["number", "incident_state", "active", "reassignment_count", "caller_id", "opened_by",
                      "opened_at", "sys_updated_at", "contact_type", "location", "category", "subcategory",
                      "priority", "assignment_group", "assigned_to", "resolved_at", "closed_at"]
        let bound = try Self.bound(header)
        #expect(bound[.contactID] == "number")
        #expect(bound[.openedAt] == "opened_at")
        #expect(bound[.closedAt] == "closed_at")
        // caller_id is a person: the customer, not a phone number.
        #expect(bound[.customer] == "caller_id")
        #expect(bound[.phone] == nil)
        #expect(bound[.channel] == "contact_type")
        #expect(bound[.status] == "incident_state")
        #expect(bound[.queue] == "assignment_group")
        #expect(bound[.agent] == "assigned_to")
        #expect(bound[.category] == "category")
    }

    @Test func nameIsATitle() throws {
        let bound = try Self.bound(["ID", "NAME", "OPEN_DT"])
        #expect(bound[.subject] == "NAME")
        #expect(bound[.contactID] == "ID")
    }

    @Test(arguments: [
        // (header, field, column): one system's name each.
        (["Issue key", "Created", "Summary", "Reporter"], CanonicalField.contactID, "Issue key"),
        (["Issue key", "Created", "Summary", "Reporter"], .customer, "Reporter"),
        (["service_request_id", "requested_datetime", "service_name", "agency_responsible"], .openedAt, "requested_datetime"),
        (["service_request_id", "requested_datetime", "service_name", "agency_responsible"], .queue, "agency_responsible"),
        (["Contact id", "Initiation timestamp", "Disconnect timestamp", "Agent interaction duration"], .closedAt, "Disconnect timestamp"),
        (["Contact id", "Initiation timestamp", "Disconnect timestamp", "Agent interaction duration"], .handleTime, "Agent interaction duration"),
        (["number", "created_at", "close_at", "create_article_type"], .closedAt, "close_at"),
        (["number", "created_at", "close_at", "create_article_type"], .channel, "create_article_type"),
        (["ID", "Título", "Data de abertura", "Data de solução", "Origem da requisição", "Requerente", "Técnico", "Grupo técnico"], .openedAt, "Data de abertura"),
        (["ID", "Título", "Data de abertura", "Data de solução", "Origem da requisição", "Requerente", "Técnico", "Grupo técnico"], .channel, "Origem da requisição"),
        (["ID", "Título", "Data de abertura", "Data de solução", "Origem da requisição", "Requerente", "Técnico", "Grupo técnico"], .queue, "Grupo técnico"),
        (["Ticket ID", "Contact ID", "Created time", "Resolved time", "Agent interactions"], .contactID, "Ticket ID"),
        (["Ticket ID", "Contact ID", "Created time", "Resolved time", "Agent interactions"], .closedAt, "Resolved time"),
        (["Ticket ID", "Contact ID", "Created time", "Resolved time", "Agent interactions"], .agentReplies, "Agent interactions"),
        (["Ticket ID", "Create date", "Close date", "Ticket name", "Ticket owner"], .openedAt, "Create date"),
        (["Ticket ID", "Create date", "Close date", "Ticket name", "Ticket owner"], .agent, "Ticket owner"),
        (["Date/Time Opened", "Date/Time Closed", "Case Number", "Case Owner"], .closedAt, "Date/Time Closed"),
        // Contact centres: Five9's disposition, Genesys' wrap-up code, Aircall's raw_digits, Talkdesk's ring groups.
        (["CALL ID", "TIMESTAMP", "DISPOSITION", "SKILL"], .category, "DISPOSITION"),
        (["Conversation ID", "Conversation Start", "Wrap-up", "Queue"], .category, "Wrap-up"),
        (["id", "started_at", "ended_at", "raw_digits", "duration"], .phone, "raw_digits"),
        (["Call ID", "Start Time", "Ring Groups", "Talk Time"], .queue, "Ring Groups"),
        // NYC 311's agency is the owning queue.
        (["unique_key", "created_date", "agency", "complaint_type"], .queue, "agency"),
    ])
    func systemColumnNames(_ header: [String], _ field: CanonicalField, _ column: String) throws {
        #expect(try Self.bound(header)[field] == column)
    }

    @Test func usStateIsNotAStatus() throws {
        let bound = try Self.bound(["unique_key", "created_date", "State", "City"])
        #expect(bound[.status] == nil)
    }
}
