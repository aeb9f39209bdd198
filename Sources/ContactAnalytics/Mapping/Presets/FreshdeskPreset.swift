extension ExportPreset {
    /// Freshdesk tickets, as the CSV export names them (`Ticket ID`, `Created time`, `Resolved time`,
    /// `Contact ID`, `Email`, `Source`, `Subject`, `Description`, `Type`, `Tags`, `Status`, `Agent`, `Group`,
    /// `Customer satisfaction`, `Agent interactions`) and as the API v2 gives them (`id`, `created_at`,
    /// `stats.resolved_at` with `include=stats`, `requester_id`, `source` and `status` as numeric codes,
    /// `subject`, `description_text`, `type`, `tags`, `responder_id`, `group_id`). The API's plain-text
    /// `description_text` comes before `Description`, which would match the API's HTML `description`.
    ///
    /// Source codes: 1 Email, 2 Portal, 3 Phone, 7 Chat, 9 Feedback Widget, 10 Outbound Email. Status codes:
    /// 2 Open, 3 Pending, 4 Resolved, 5 Closed (6 and 7, the usual "waiting on customer / third party"
    /// custom statuses, are pending). Priority codes (API): 1 Low, 2 Medium, 3 High, 4 Urgent (the reverse of
    /// P1-P4). First reply: the CSV's `First response time (in hrs)` (hours) or the API's
    /// `stats.first_responded_at` (a timestamp).
    public static let freshdesk = ExportPreset(
        name: "freshdesk",
        summary: "Freshdesk tickets (CSV export or API v2 JSON)",
        mapping: [
            .contactID: ["Ticket ID", "id"], .openedAt: ["Created time", "created_at"],
            .closedAt: ["Resolved time", "stats.resolved_at"], .customer: ["Contact ID", "requester_id"],
            .email: ["Email", "requester.email"], .channel: ["Source", "source"], .subject: ["Subject", "subject"],
            .text: ["description_text", "Description"], .category: ["Type", "type"],
            .tags: ["Tags", "tags"], .status: ["Status", "status"], .agent: ["Agent", "responder_id"],
            .queue: ["Group", "group_id"], .csat: ["Customer satisfaction"], .agentReplies: ["Agent interactions"],
            .firstReplyAt: ["stats.first_responded_at"], .firstReplyTime: ["First response time (in hrs)"],
            .priority: ["Priority", "priority"],
        ],
        channelValues: [
            "1": .email, "2": .web, "3": .phone, "7": .chat, "9": .web, "10": .email,
            "Feedback Widget": .web, "Outbound Email": .email,
        ],
        statusValues: ["2": .open, "3": .pending, "4": .resolved, "5": .closed, "6": .pending, "7": .pending],
        priorityValues: ["1": .low, "2": .normal, "3": .high, "4": .urgent])
}
