import Testing
@testable import ContactAnalytics

/// `ContactRecord.reset(openedAt:location:)`, which the mapper uses instead of assigning a fresh record, gives
/// exactly the fresh record, whatever the record held before.
@Suite struct ContactRecordResetTests {
    @Test func resetGivesTheFreshRecord() {
        var record = ContactRecord(
            contactID: "T1", openedAt: 100, closedAt: 200, customer: "C1", channel: .email, rawChannel: "mail",
            subject: "Where is my order", text: "It has not arrived", category: "delivery", tags: ["a", "b"],
            status: .resolved, handleTimeSeconds: 30, csat: .score(4), cost: 2.5, agent: "agent1", queue: "q",
            language: "fi", firstContactResolved: true, agentReplies: 2, answered: true, waitSeconds: 12,
            firstReplySeconds: 60, priority: .high, rawPriority: "P1", reopens: 1,
            location: SourceLocation(file: "a.csv", line: 7))
        let location = SourceLocation(file: "b.csv", line: 9)
        let fresh = ContactRecord(openedAt: 300, location: location)
        // Every stored field was set above (none equals its default), so a field that `reset` forgot shows.
        for (child, freshChild) in zip(Mirror(reflecting: record).children, Mirror(reflecting: fresh).children) {
            #expect(String(describing: child.value) != String(describing: freshChild.value), "\(child.label ?? "?")")
        }
        record.reset(openedAt: 300, location: location)
        #expect(record == fresh)
        // A new stored field must be set in the record above and emptied by `reset`.
        #expect(Mirror(reflecting: record).children.count == 26)
    }
}
