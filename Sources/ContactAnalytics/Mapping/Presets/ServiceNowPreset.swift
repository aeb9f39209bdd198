extension ExportPreset {
    /// ServiceNow incidents: a list export or the incident event log (`number`, `opened_at`, `resolved_at`,
    /// `closed_at`, `caller_id`, `contact_type`, `incident_state` or `state`, `short_description`,
    /// `description`, `category`, `assignment_group`, `assigned_to`). The Table API gives the same names
    /// (with display values, or `{display_value, value}` pairs read as the display value).
    ///
    /// - `closed_at` is `resolved_at` when the export has it (the customer's wait ends at resolution), else
    ///   `closed_at`.
    /// - `caller_id` is the customer (a person, not a phone number).
    /// - States: the codes 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled, and the event
    ///   log's words (`Active`, `Awaiting User Info`, ...).
    /// - `contact_type`: `self-service` and `virtual_agent` are self-service; `walk-in` and `Direct opening`
    ///   (the event log's desk visits) are in person;
    ///   `event`, `alert`, `monitoring` and `integration` (incidents opened by monitoring or other systems)
    ///   are internal, excluded from customer demand.
    public static let serviceNow = ExportPreset(
        name: "servicenow",
        summary: "ServiceNow incident export or event log (list export or Table API)",
        mapping: [
            .contactID: ["number"], .openedAt: ["opened_at", "sys_created_on"], .closedAt: ["resolved_at", "closed_at"],
            .customer: ["caller_id", "caller_id.name", "caller_id.value"], .channel: ["contact_type"],
            .status: ["incident_state", "state"], .subject: ["short_description"], .text: ["description"],
            .category: ["category"], .queue: ["assignment_group", "assignment_group.name"],
            .agent: ["assigned_to", "assigned_to.name"],
        ],
        channelValues: [
            "self-service": .selfService, "virtual_agent": .selfService, "virtual agent": .selfService,
            "walk-in": .inPerson, "direct opening": .inPerson, "event": .internal, "alert": .internal, "monitoring": .internal,
            "integration": .internal,
        ],
        statusValues: [
            "1": .open, "2": .open, "3": .pending, "6": .resolved, "7": .closed, "8": .closed,
            "active": .open, "awaiting user info": .pending, "awaiting problem": .pending,
            "awaiting vendor": .pending, "awaiting evidence": .pending, "on hold": .pending,
        ])
}
