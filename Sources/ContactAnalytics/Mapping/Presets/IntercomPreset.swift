extension ExportPreset {
    /// Intercom conversation export: `Conversation ID`, `Created at`, `Last closed at`, `User ID`,
    /// `User email`, `Channel`, `Conversation title`, `Conversation tags`, `State`, `Conversation rating`
    /// (1-5), `Teammate assigned`, `Team assigned`, `Replies count`.
    public static let intercom = ExportPreset(
        name: "intercom",
        summary: "Intercom conversation export",
        mapping: [
            .contactID: ["Conversation ID"], .openedAt: ["Created at"], .closedAt: ["Last closed at"],
            .customer: ["User ID"], .email: ["User email"], .channel: ["Channel"], .subject: ["Conversation title"],
            .text: ["First message"], .tags: ["Conversation tags"], .status: ["State"], .csat: ["Conversation rating"],
            .agent: ["Teammate assigned"], .queue: ["Team assigned"], .agentReplies: ["Replies count"],
        ],
        constants: [.channel: "chat"])
}
