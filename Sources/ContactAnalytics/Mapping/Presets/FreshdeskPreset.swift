extension ExportPreset {
    /// Freshdesk ticket export: `Ticket ID`, `Created time`, `Resolved time`, `Contact ID`, `Email`, `Source`,
    /// `Subject`, `Description`, `Type`, `Tags`, `Status`, `Agent`, `Group`, `Customer satisfaction`,
    /// `Agent interactions`.
    public static let freshdesk = ExportPreset(
        name: "freshdesk",
        summary: "Freshdesk ticket export",
        mapping: [
            .contactID: ["Ticket ID"], .openedAt: ["Created time"], .closedAt: ["Resolved time"], .customer: ["Contact ID"],
            .email: ["Email"], .channel: ["Source"], .subject: ["Subject"], .text: ["Description"], .category: ["Type"],
            .tags: ["Tags"], .status: ["Status"], .agent: ["Agent"], .queue: ["Group"], .csat: ["Customer satisfaction"],
            .agentReplies: ["Agent interactions"],
        ])
}
