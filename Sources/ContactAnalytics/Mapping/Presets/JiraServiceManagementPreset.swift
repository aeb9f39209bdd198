extension ExportPreset {
    /// Jira Service Management requests: the issue navigator's CSV (`Issue key`, `Created`, `Resolved`,
    /// `Reporter`, `Summary`, `Description`, `Status`, `Assignee`, `Request Type` or `Issue Type`) or the
    /// REST API's issues (`key`, `fields.created`, `fields.resolutiondate`, `fields.reporter.accountId`,
    /// `fields.summary`, `fields.description`, `fields.status.name`, `fields.assignee.displayName`,
    /// `fields.issuetype.name`). The CSV writes dates like `12/Mar/24 3:04 PM`.
    ///
    /// Service-desk statuses: `Waiting for support` and `Work in progress` are open, `Waiting for customer`
    /// and `Waiting for approval` pending, `Declined` closed.
    public static let jiraServiceManagement = ExportPreset(
        name: "jira-service-management",
        summary: "Jira Service Management requests (issue CSV or REST API)",
        mapping: [
            .contactID: ["Issue key", "key"], .openedAt: ["Created", "fields.created"],
            .closedAt: ["Resolved", "fields.resolutiondate"],
            .customer: ["Reporter", "fields.reporter.accountId", "fields.reporter.emailAddress"],
            .subject: ["Summary", "fields.summary"], .text: ["Description", "fields.description"],
            .status: ["Status", "fields.status.name"], .agent: ["Assignee", "fields.assignee.displayName"],
            .category: ["Request Type", "Custom field (Request Type)", "Issue Type", "fields.issuetype.name"],
        ],
        statusValues: [
            "waiting for support": .open, "work in progress": .open, "to do": .open,
            "waiting for customer": .pending, "waiting for approval": .pending, "declined": .closed,
        ])
}
