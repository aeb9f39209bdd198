extension ExportPreset {
    /// Zammad tickets, as the ticket CSV export or the REST API writes them: `number`, `created_at`,
    /// `close_at`, `customer` or `customer_id`, `create_article_type` (how the ticket came in), `title`,
    /// `state` or `state_id`, `owner`, `group`.
    ///
    /// - Channels: `twitter status` and `facebook feed post/comment` are social, `twitter direct-message`
    ///   and `telegram personal-message` messaging, `fax` a letter, `note` (a ticket an agent opened with an
    ///   internal note) internal.
    /// - States: `state_id` 1 new, 2 open, 3 pending reminder, 4 closed, 5 merged, 6 removed, 7 pending
    ///   close; merged and removed tickets are closed.
    public static let zammad = ExportPreset(
        name: "zammad",
        summary: "Zammad tickets (CSV export or REST API)",
        mapping: [
            .contactID: ["number"], .openedAt: ["created_at"], .closedAt: ["close_at"],
            .customer: ["customer", "customer_id"], .channel: ["create_article_type"], .subject: ["title"],
            .status: ["state", "state_id"], .agent: ["owner", "owner_id"], .queue: ["group", "group_id"],
        ],
        channelValues: [
            "twitter status": .social, "twitter direct-message": .messaging, "facebook feed post": .social,
            "facebook feed comment": .social, "telegram personal-message": .messaging, "fax": .letter,
            "note": .internal,
        ],
        statusValues: [
            "1": .open, "2": .open, "3": .pending, "4": .closed, "5": .closed, "6": .closed, "7": .pending,
            "pending reminder": .pending, "pending close": .pending, "merged": .closed, "removed": .closed,
        ])
}
