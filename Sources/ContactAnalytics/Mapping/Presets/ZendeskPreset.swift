extension ExportPreset {
    /// Zendesk Support tickets, as the CSV export names them (`Id`, `Created at`, `Solved at`, `Requester id`,
    /// `Requester email`, `Via`, `Subject`, `Ticket type`, `Tags`, `Status`, `Satisfaction Score` Good / Bad /
    /// Offered / Unoffered, `Assignee`, `Group`, `Agent replies`) and as the Tickets API gives them
    /// (`id`, `created_at`, `requester_id`, `via.channel`, `subject`, `description`, `type`, `tags`, `status`,
    /// `satisfaction_rating.score` good / bad / offered / unoffered, `assignee_id`, `group_id`; with
    /// the incremental export's `include=metric_sets`, `metric_set.solved_at` and `metric_set.replies`).
    /// First reply: the CSV's `First reply time in minutes` or the API's
    /// `metric_set.reply_time_in_minutes.calendar` (calendar minutes, not business); `Priority` / `priority`
    /// (urgent, high, normal, low); `Reopens` / `metric_set.reopens`.
    public static let zendesk = ExportPreset(
        name: "zendesk",
        summary: "Zendesk Support tickets (CSV export or Tickets API JSON)",
        mapping: [
            .contactID: ["Id", "id"], .openedAt: ["Created at", "created_at"],
            .closedAt: ["Solved at", "metric_set.solved_at", "solved_at"],
            .customer: ["Requester id", "requester_id"], .email: ["Requester email", "requester.email"],
            .channel: ["Via", "via.channel"], .subject: ["Subject", "subject"], .text: ["Description", "description"],
            .category: ["Ticket type", "type"], .tags: ["Tags", "tags"], .status: ["Status", "status"],
            .csat: ["Satisfaction Score", "satisfaction_rating.score"], .agent: ["Assignee", "assignee_id"],
            .queue: ["Group", "group_id"], .agentReplies: ["Agent replies", "metric_set.replies"],
            .language: ["Requester language"],
            .firstReplyTime: ["First reply time in minutes", "metric_set.reply_time_in_minutes.calendar"],
            .priority: ["Priority", "priority"], .reopens: ["Reopens", "metric_set.reopens"],
        ],
        channelValues: [
            // The API's via.channel words and the CSV export's Via texts that the built-in words miss.
            "voice": .phone, "Phone call (incoming)": .phone, "Phone call (outgoing)": .phone, "web": .web,
            "Web Form": .web, "web_widget": .web, "Web Widget": .web, "native_messaging": .messaging,
            "mobile_sdk": .messaging, "api": .other, "Web service": .other, "any_channel": .other,
            "closed_ticket": .other, "Closed ticket": .other, "sample_ticket": .other,
        ])
}
