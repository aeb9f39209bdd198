import Foundation
import Testing
@testable import ContactAnalytics

/// Mapping and classifying on several threads must give exactly the report of one thread: results are
/// merged in input order, so even duplicate drops (keep the last) and ties in time come out the same.
@Suite struct ParallelAnalysisTests {
    static func exportFile(rows: Int, seed: UInt64, extra: String = "") throws -> URL {
        var bytes = try SyntheticExport(SyntheticExportConfiguration(rows: rows, seed: seed)).bytes()
        bytes += Array(extra.utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(seed)-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    @Test(arguments: [2, 3, 5])
    func threadsDoNotChangeAnyFigure(threads: Int) throws {
        // Bad rows and a duplicate id at the end exercise rejects and keep-the-last across batches.
        let url = try Self.exportFile(rows: 6000, seed: 11, extra: """
        T99999999,not a date,,C0000001,phone,Where is my order,open,,,,,en
        T00000005,2026-03-30T10:00:00Z,,C0000001,phone,Where is my order,open,,,,,en
        T1,2026-03-30T11:00:00Z,too,few

        """)
        defer { try? FileManager.default.removeItem(at: url) }
        func report(_ threads: Int) throws -> (ContactReport, IngestSummary) {
            var ingest = IngestOptions(files: [url.path])
            ingest.dateOrderSample = 100
            let result = try ContactAnalysis.run(AnalysisOptions(ingest: ingest, threads: threads))
            return (result.report, result.ingest)
        }
        let (one, oneIngest) = try report(1)
        let (many, manyIngest) = try report(threads)
        #expect(one.summary.contacts == 6000) // 6000 + 1 new row - 1 dropped duplicate (the earlier T00000005)
        #expect(one.input.rowsRejected == 2)
        #expect(one.input.duplicatesDropped == 1)
        #expect(many == one)
        #expect(manyIngest.diagnostics.formattedLines() == oneIngest.diagnostics.formattedLines())
        #expect(manyIngest.files.map(\.filledCounts) == oneIngest.files.map(\.filledCounts))
    }

    @Test func keepCausesInInputOrderWithThreads() throws {
        let url = try Self.exportFile(rows: 3000, seed: 12)
        defer { try? FileManager.default.removeItem(at: url) }
        let one = try ContactAnalysis.run(AnalysisOptions(ingest: IngestOptions(files: [url.path]), threads: 1), keepCauses: true)
        let two = try ContactAnalysis.run(AnalysisOptions(ingest: IngestOptions(files: [url.path]), threads: 2), keepCauses: true)
        #expect(one.causes.count == 3000)
        #expect(two.causes == one.causes)
        #expect(two.repeatFlags == one.repeatFlags)
    }
}
