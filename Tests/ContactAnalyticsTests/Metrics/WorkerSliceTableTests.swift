import Testing
@testable import ContactAnalytics

/// Worker-local slice ids become one id per (partial, local slice), resolved through each partial's merge.
@Suite struct WorkerSliceTableTests {
    typealias Slice = DimensionSliceTable.Slice

    @Test func idsInOrderOfFirstAppearanceResolvedThroughTheMerges() {
        var table = WorkerSliceTable()
        #expect(table.isEmpty)
        #expect(table.id(partial: 0, local: 3) == 1)
        #expect(table.id(partial: 1, local: 3) == 2) // same local id, another partial: another slice
        #expect(table.id(partial: 0, local: 3) == 1)
        #expect(table.id(partial: 0, local: 1) == 3)
        #expect(!table.isEmpty)
        // Partial 0's local slices and what its queue, agent and period ids became in the merged sums.
        table.merged(partial: 0,
                     slices: [Slice(queue: 0, agent: 0, period: 0), Slice(queue: 1, agent: 1, period: 0),
                              Slice(queue: 2, agent: 0, period: 1), Slice(queue: 1, agent: 2, period: 1)],
                     ids: (queues: [0, 5, 6], agents: [0, 7, 8], periods: [3, 4]))
        table.merged(partial: 1,
                     slices: [Slice(queue: 0, agent: 0, period: 0), Slice(queue: 0, agent: 0, period: 0),
                              Slice(queue: 0, agent: 0, period: 0), Slice(queue: 1, agent: 1, period: 0)],
                     ids: (queues: [0, 9], agents: [0, 10], periods: [2]))
        #expect(table.resolved() == [Slice(queue: 0, agent: 0, period: 0),
                                     Slice(queue: 5, agent: 8, period: 4), // partial 0, local 3
                                     Slice(queue: 9, agent: 10, period: 2), // partial 1, local 3
                                     Slice(queue: 5, agent: 7, period: 3)]) // partial 0, local 1
    }

    /// The engine's timeline slices through a merge: an engine fed by two workers' sums reports what an
    /// engine adding the sums itself reports.
    @Test func engineFedByWorkersReportsWhatOneEngineReports() throws {
        let contacts = ContactMetricsEngineTests.contacts()
        var configuration = MetricsConfiguration()
        configuration.window = RepeatContactWindow(days: 7, scope: .any)
        let causes = ContactMetricsEngineTests.causes
        var one = ContactMetricsEngine(configuration: configuration, causes: causes, threads: .callerOnly)
        for (contact, cause) in contacts { one.add(contact, cause: cause) }
        var split = ContactMetricsEngine(configuration: configuration, causes: causes, threads: .callerOnly)
        var parts = [split.emptySums(), split.emptySums()]
        for (i, (contact, cause)) in contacts.enumerated() {
            let facts = split.facts(of: contact, cause: cause)
            let part = i % 2
            let slice = configuration.isInRange(facts.opened)
                ? parts[part].add(facts, queue: contact.queue, agent: contact.agent) : 0
            split.append(facts, partial: (part, slice))
        }
        split.merge(parts[1], partial: 1)
        split.merge(parts[0], partial: 0)
        let input = InputSummary(files: [], rowsRead: 8, rowsRejected: 0, duplicatesDropped: 0, fieldWarnings: 0,
                                 contactsRead: 8)
        #expect(try split.report(input: input) == one.report(input: input))
    }
}
