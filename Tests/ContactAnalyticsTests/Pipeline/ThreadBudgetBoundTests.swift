import Foundation
import Testing
@testable import ContactAnalytics

/// `--threads N` bounds every stage: the run's `ThreadBudget` never has more than N threads running at once
/// (ingest workers, the replay, the timeline's sort and walk together), and the figures do not depend on N.
@Suite struct ThreadBudgetBoundTests {
    /// A whole analysis with duplicate ids (so the input is read twice and the timeline sorts meanwhile).
    @Test func anAnalysisStaysWithinItsThreads() throws {
        let url = try ParallelAnalysisTests.exportFile(rows: 1500, seed: 21, extra: """
        T00000007,2026-03-30T10:00:00Z,,C0000001,phone,Where is my order,open,,,,,en
        T00000009,2026-03-31T10:00:00Z,,C0000002,email,Refund please,open,,,,,en

        """)
        defer { try? FileManager.default.removeItem(at: url) }
        var ingest = IngestOptions(files: [url.path])
        ingest.dateOrderSample = 100
        ingest.chunkBytes = 16_384
        var reports: [ContactReport] = []
        for threads in [1, 2, 4] {
            let budget = ThreadBudget(threads: threads)
            let result = try ContactAnalysis.run(AnalysisOptions(ingest: ingest, threads: threads), keepCauses: true,
                                                 threads: budget)
            #expect(result.report.input.duplicatesDropped == 2)
            #expect(budget.peak <= threads, "threads \(threads)")
            #expect(budget.peak >= 1) // the timeline sorted on a thread of the budget
            reports.append(result.report)
        }
        #expect(reports[1] == reports[0])
        #expect(reports[2] == reports[0])
    }

    /// An engine with a timeline large enough to sort and walk in two halves: one thread of the budget at a
    /// time with a budget of one, the same report with three.
    @Test func theMetricsStageUsesOnlyItsBudget() throws {
        let count = ContactTimeline.parallelThreshold + 2000
        var contacts: [(ContactRecord, Int32)] = []
        contacts.reserveCapacity(count)
        for i in 0..<count {
            let id = i % 1000 == 999 ? "dup\(i / 5000)" : "c\(i)" // ids dup0... repeat: duplicates to replay
            contacts.append((ContactRecord(contactID: id, openedAt: 1_767_571_200 + Int64(i * 37), customer: "k\(i % 4099)",
                                           channel: i % 3 == 0 ? .phone : .email, cost: Double(i % 5)), Int32(i % 2)))
        }
        let causes = ContactMetricsEngineTests.causes
        let input = InputSummary(files: [], rowsRead: count, rowsRejected: 0, duplicatesDropped: 0, fieldWarnings: 0,
                                 contactsRead: count)
        func report(threads: Int) throws -> (ContactReport, Int) {
            let budget = ThreadBudget(threads: threads)
            var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: causes, threads: budget)
            for (contact, cause) in contacts { engine.add(contact, cause: cause) }
            try engine.settle(replaying: contacts)
            return (try engine.report(input: input), budget.peak)
        }
        let (one, onePeak) = try report(threads: 1)
        let (three, threePeak) = try report(threads: 3)
        #expect(one.input.duplicatesDropped > 0)
        #expect(onePeak == 1)
        #expect(threePeak <= 3)
        #expect(threePeak >= 2) // the sort's halves on two threads
        #expect(three == one)
    }
}
