extension ExportPreset {
    /// HubSpot tickets, as the CSV export names them (`Ticket ID`, `Create date`, `Close date`, `Source`,
    /// `Ticket name`, `Ticket description`, `Category`, `Ticket status`, `Ticket owner`) and as the CRM API
    /// gives them (`{"results": [{"id": ..., "properties": {...}}]}`: `properties.createdate`,
    /// `properties.closed_date`, `properties.source_type` EMAIL / CHAT / FORM / PHONE,
    /// `properties.subject`, `properties.content`, `properties.hs_ticket_category`,
    /// `properties.hs_pipeline_stage`, `properties.hubspot_owner_id`).
    ///
    /// Pipeline stages of the default support pipeline: 1 New, 2 Waiting on contact (pending), 3 Waiting
    /// on us (open), 4 Closed.
    public static let hubspot = ExportPreset(
        name: "hubspot",
        summary: "HubSpot tickets (CSV export or CRM API JSON)",
        mapping: [
            .contactID: ["Ticket ID", "id", "properties.hs_object_id"],
            .openedAt: ["Create date", "properties.createdate", "createdAt"],
            .closedAt: ["Close date", "properties.closed_date"], .channel: ["Source", "properties.source_type"],
            .subject: ["Ticket name", "properties.subject"], .text: ["Ticket description", "properties.content"],
            .category: ["Category", "properties.hs_ticket_category"],
            .status: ["Ticket status", "properties.hs_pipeline_stage"],
            .agent: ["Ticket owner", "properties.hubspot_owner_id"],
        ],
        statusValues: [
            "1": .open, "2": .pending, "3": .open, "4": .closed, "Waiting on contact": .pending,
            "Waiting on us": .open,
        ])
}
