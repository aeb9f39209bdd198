extension ExportPreset {
    /// Salesforce Service Cloud case report: `Case Number`, `Date/Time Opened`, `Date/Time Closed`,
    /// `Contact ID`, `Contact Email`, `Case Origin`, `Subject`, `Description`, `Case Reason`, `Status`,
    /// `Case Owner`, `Type`.
    public static let salesforce = ExportPreset(
        name: "salesforce",
        summary: "Salesforce Service Cloud case report",
        mapping: [
            .contactID: ["Case Number"], .openedAt: ["Date/Time Opened"], .closedAt: ["Date/Time Closed"],
            .customer: ["Contact ID"], .email: ["Contact Email"], .phone: ["Contact Phone"], .channel: ["Case Origin"],
            .subject: ["Subject"], .text: ["Description"], .category: ["Case Reason"], .status: ["Status"],
            .agent: ["Case Owner"], .queue: ["Type"],
        ])
}
