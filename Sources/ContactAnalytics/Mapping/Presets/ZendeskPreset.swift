extension ExportPreset {
    /// Zendesk Support ticket export (CSV or JSON): `Id`, `Created at`, `Solved at`, `Requester id`,
    /// `Requester email`, `Via`, `Subject`, `Ticket type`, `Tags`, `Status`, `Satisfaction Score`
    /// (Good / Bad / Offered / Unoffered), `Assignee`, `Group`, `Agent replies`.
    public static let zendesk = ExportPreset(
        name: "zendesk",
        summary: "Zendesk Support ticket export",
        mapping: [
            .contactID: ["Id"], .openedAt: ["Created at"], .closedAt: ["Solved at"], .customer: ["Requester id"],
            .email: ["Requester email"], .channel: ["Via"], .subject: ["Subject"], .text: ["Description"],
            .category: ["Ticket type"], .tags: ["Tags"], .status: ["Status"], .csat: ["Satisfaction Score"],
            .agent: ["Assignee"], .queue: ["Group"], .agentReplies: ["Agent replies"], .language: ["Requester language"],
        ])
}
