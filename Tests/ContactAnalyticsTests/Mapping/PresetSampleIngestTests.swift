import Testing
@testable import ContactAnalytics

/// The presets without a public sample, on the hand-written exports of `Fixtures/presets`, read end to end by
/// `ContactIngest.run`.
@Suite struct PresetSampleIngestTests {
    static func ingest(_ fixture: String, _ preset: ExportPreset) throws -> (IngestSummary, [ContactRecord]) {
        let path = MappingTestSupport.fixturePath("presets", fixture)
        var options = IngestOptions(files: [path], mapping: MappingOptions(preset: preset))
        options.displayNames = [path: fixture]
        var contacts: [ContactRecord] = []
        let summary = try ContactIngest.run(options) { contact, _, _ in contacts.append(contact) }
        return (summary, contacts)
    }

    @Test func zendeskTickets() throws {
        let (summary, contacts) = try Self.ingest("zendesk-tickets.csv", .zendesk)
        // 5 rows: 101, 102, 104 are contacts; 103 has no Created at, 105 has 4 fields of 19.
        #expect(summary.rowsRead == 5)
        #expect(summary.contacts == 3)
        #expect(summary.rejected == 2)
        #expect(summary.excluded == 0)
        #expect(summary.fieldWarnings == 1)
        #expect(summary.diagnostics.formattedLines() == [
            "zendesk-tickets.csv:4: error: record rejected: opened_at is empty [column \"Created at\"]",
            "zendesk-tickets.csv:5: warning: agent_replies 'many' is not a whole number; left empty "
                + "[column \"Agent replies\"]",
            // A rejection without a column is a group of its own, after the groups seen before it.
            "zendesk-tickets.csv:6: error: record rejected: has 4 fields; the header has 19",
        ])
        let location = { (line: Int) in ContactAnalytics.SourceLocation(file: "zendesk-tickets.csv", line: line) }
        #expect(contacts == [
            // 2024-03-05 10:15:00 UTC = 1 709 633 700; solved at 11:15 (+3 600).
            ContactRecord(contactID: "101", openedAt: 1_709_633_700, closedAt: 1_709_637_300, customer: "3740",
                          channel: .email, rawChannel: "Email", subject: "Refund", text: "Please refund, thanks",
                          category: "question", tags: ["vip", "billing_issue"], status: .resolved, csat: .verdict(true),
                          agent: "Bob", queue: "Billing", language: "fi", agentReplies: 2,
                          firstReplySeconds: 1_800, priority: .normal, rawPriority: "normal", reopens: 1,
                          location: location(2)),
            // 12:00 = 1 709 633 700 + 6 300; no requester id: the e-mail, lower-cased. "Offered" is no answer.
            ContactRecord(contactID: "102", openedAt: 1_709_640_000, customer: "ben@example.com", channel: .web,
                          rawChannel: "Web Widget", subject: "Where is my order?", category: "incident", status: .open,
                          queue: "Support", language: "en", agentReplies: 0, priority: .high, rawPriority: "high",
                          reopens: 0, location: location(3)),
            // 2024-03-06 08:30 = 1 709 633 700 + 80 100; closed 30 min later.
            ContactRecord(contactID: "104", openedAt: 1_709_713_800, closedAt: 1_709_715_600, customer: "3740",
                          channel: .chat, rawChannel: "Chat", subject: "Refund again", category: "question",
                          tags: ["refund"], status: .closed, agent: "Eve", queue: "Billing", language: "fi",
                          firstReplySeconds: 300, priority: .normal, rawPriority: "normal", reopens: 0,
                          location: location(5)),
        ])
        let file = try #require(summary.files.first)
        #expect(file.missingColumns.isEmpty)
        #expect(file.bindings.count == ExportPreset.zendesk.mapping.count)
        #expect(file.filledCounts[.customer] == 2)
        #expect(file.filledCounts[.email] == 1)
        #expect(file.filledCounts[.csat] == 1)
    }

    @Test func intercomConversationsAsJSONLines() throws {
        let (summary, contacts) = try Self.ingest("intercom-conversations.jsonl", .intercom)
        #expect(summary.rowsRead == 3)
        #expect(summary.contacts == 2)
        #expect(summary.rejected == 1)
        #expect(summary.diagnostics.formattedLines() == [
            "intercom-conversations.jsonl:3: error: record rejected: opened_at 'yesterday' is not a readable "
                + "timestamp [column \"Created at\"]",
        ])
        try #require(contacts.count == 2)
        // 10:15+02:00 = 08:15Z = 1 709 626 500; a JSON number rating 4 reads as the score 4.
        #expect(contacts[0].openedAt == 1_709_626_500)
        #expect(contacts[0].closedAt == 1_709_630_100)
        #expect(contacts[0].customer == "u-42")
        #expect(contacts[0].channel == .email)
        #expect(contacts[0].csat == .score(4))
        #expect(contacts[0].agentReplies == 1)
        #expect(contacts[0].tags == ["billing", "invoice"])
        // Only some keys: the e-mail is the identity, the channel the preset's constant, a null rating no answer.
        // 2024-03-05T12:00:00Z = 1 709 640 000.
        #expect(contacts[1] == ContactRecord(contactID: "216", openedAt: 1_709_640_000, customer: "zoe@example.com",
                                             channel: .chat, status: .open,
                                             location: ContactAnalytics.SourceLocation(
                                                 file: "intercom-conversations.jsonl", line: 2)))
    }
}
