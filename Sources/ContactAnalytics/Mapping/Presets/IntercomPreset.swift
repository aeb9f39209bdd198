extension ExportPreset {
    /// Intercom conversations, as the CSV export names them (`Conversation ID`, `Created at`, `Last closed at`,
    /// `User ID`, `User email`, `Channel`, `Conversation title`, `Conversation tags`, `State`,
    /// `Conversation rating` 1-5, `Teammate assigned`, `Team assigned`, `Replies count`) and as the
    /// Conversations API gives them (`id`, `created_at` in Unix seconds, `statistics.last_close_at`,
    /// `contacts.contacts.id` (older versions: `contacts.id`), `source.type`, `source.delivered_as`, `title`,
    /// `source.body`, `tags.tags.name`, `state`, `conversation_rating.rating`, `admin_assignee_id`,
    /// `team_assignee_id`).
    ///
    /// `source.delivered_as` tells who started the conversation: `customer_initiated` is a customer's
    /// contact; `admin_initiated`, `automated`, `campaigns_initiated` and `operator_initiated` are the
    /// organisation's own messages (excluded, counted). Without a channel column every conversation is chat.
    /// The API's `conversation_rating.rating` is listed before the CSV's `Conversation rating`: column names
    /// match ignoring case and punctuation, and an unrated conversation's `"conversation_rating": null`
    /// would otherwise be taken for the CSV column.
    public static let intercom = ExportPreset(
        name: "intercom",
        summary: "Intercom conversations (CSV export or Conversations API JSON)",
        mapping: [
            .contactID: ["Conversation ID", "id"], .openedAt: ["Created at", "created_at"],
            .closedAt: ["Last closed at", "statistics.last_close_at", "statistics.last_closed_at"],
            .customer: ["User ID", "contacts.contacts.id", "contacts.id", "source.author.id"],
            .email: ["User email", "source.author.email"], .channel: ["Channel", "source.type"],
            .subject: ["Conversation title", "title", "source.subject"], .text: ["First message", "source.body"],
            .tags: ["Conversation tags", "tags.tags.name"], .status: ["State", "state"],
            .csat: ["conversation_rating.rating", "Conversation rating"],
            .agent: ["Teammate assigned", "admin_assignee_id"], .queue: ["Team assigned", "team_assignee_id"],
            .agentReplies: ["Replies count"], .inbound: ["source.delivered_as"],
        ],
        constants: [.channel: "chat"],
        channelValues: [
            "conversation": .chat, "push": .other, "phone_call": .phone, "whatsapp": .messaging,
            "instagram": .social, "facebook": .social, "twitter": .social, "sms": .sms, "email": .email,
        ],
        inboundValues: [
            "customer_initiated": true, "admin_initiated": false, "automated": false,
            "campaigns_initiated": false, "operator_initiated": false,
        ])
}
