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

    /// Tricky CSV (quoted line breaks, CRLF and LF line ends, a lone CR as data in unquoted and quoted fields
    /// of this CRLF file, blank lines, Windows-1252 text, rejected rows, a duplicate id) cut into chunks of
    /// every size: the figures, diagnostics, fill counts and rejects file of
    /// two threads equal one thread's.
    @Test(arguments: [1, 7, 64, 300, 4096])
    func chunkCutsDoNotChangeAnyFigure(chunkBytes: Int) throws {
        var bytes = Array("id,created,customer,channel,subject,status\r\n".utf8)
        for i in 0..<120 {
            let subject: String
            switch i % 6 {
            case 0: subject = "\"Where is\nmy order, please\""
            case 1: subject = "\"Refund \"\"now\"\"\r\nthanks\""
            case 2: subject = "Password reset fails"
            case 3: subject = i % 2 == 0 ? "Invoice\runclear" : "\"Invoice\r\runclear\""
            case 4: subject = ""
            default: subject = "\"\""
            }
            let ending = i % 5 == 0 ? "\n" : (i % 3 == 0 ? "\n\n" : "\r\n")
            let created = i == 50 ? "not a date" : "2026-03-\(String(format: "%02d", 1 + i % 28))T10:\(String(format: "%02d", i % 60)):00Z"
            bytes += Array("T\(i % 97),\(created),C\(i % 13),\(i % 2 == 0 ? "phone" : "chat"),\(subject),open\(ending)".utf8)
            if i == 77 { bytes += Array("T1,2026-03-02T10:00:00Z,C1,email,".utf8) + [0xE4, 0x80] + Array(",open\r\n".utf8) }
            if i == 90 { bytes += Array("too,few\n".utf8) }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        func run(_ threads: Int) throws -> (ContactReport, IngestSummary, String) {
            let rejects = url.path + ".\(threads).rejects.csv"
            defer { try? FileManager.default.removeItem(atPath: rejects) }
            var ingest = IngestOptions(files: [url.path], rejectsPath: rejects, dateOrderSample: 10)
            ingest.chunkBytes = chunkBytes
            let result = try ContactAnalysis.run(AnalysisOptions(ingest: ingest, threads: threads))
            return (result.report, result.ingest, try String(contentsOfFile: rejects, encoding: .utf8))
        }
        let (one, oneIngest, oneRejects) = try run(1)
        let (two, twoIngest, twoRejects) = try run(2)
        #expect(one.input.rowsRead == 122)
        #expect(one.input.rowsRejected == 2)
        #expect(one.input.duplicatesDropped > 0)
        #expect(oneIngest.diagnostics.formattedLines().contains { $0.contains("windows-1252") || $0.contains("Windows-1252") })
        #expect(two == one)
        #expect(twoIngest.diagnostics.formattedLines() == oneIngest.diagnostics.formattedLines())
        #expect(twoIngest.files.map(\.filledCounts) == oneIngest.files.map(\.filledCounts))
        #expect(twoRejects == oneRejects)
    }

    @Test func keepCausesInInputOrderWithThreads() throws {
        let url = try Self.exportFile(rows: 3000, seed: 12)
        defer { try? FileManager.default.removeItem(at: url) }
        let one = try ContactAnalysis.run(AnalysisOptions(ingest: IngestOptions(files: [url.path]), threads: 1), keepCauses: true)
        let two = try ContactAnalysis.run(AnalysisOptions(ingest: IngestOptions(files: [url.path]), threads: 2), keepCauses: true)
        #expect(one.causes.count == 3000)
        #expect(two.causes == one.causes)
        #expect(two.repeatFlags == one.repeatFlags)
        // classify's audit trail: the same outcomes and costs, in input order, whatever the thread count.
        #expect(one.audit.count == 3000 && one.costs.count == 3000)
        #expect(two.audit == one.audit)
        #expect(two.costs == one.costs)
        #expect(one.audit.contains { $0.repeatOf != nil } && one.audit.contains { $0.switchFrom != nil })
    }

    /// JSON input mapped on worker threads: keys first seen mid-file (the columns grow, twice, between and
    /// inside batches), a rejected record and a repeated id give the figures, causes, diagnostics, fill counts
    /// and rejects of one thread.
    @Test(arguments: [3])
    func jsonOnWorkersGivesTheFiguresOfOneThread(threads: Int) throws {
        var lines: [String] = []
        let subjects = ["Where is my order", "Refund please", "Password reset fails", "Invoice unclear"]
        for i in 0..<10_000 {
            var fields = ["\"ticket_id\":\"T\(i)\"",
                          "\"created_at\":\"\(i == 7000 ? "not a date" : "2026-03-\(String(format: "%02d", 1 + i % 28))T10:00:00Z")\"",
                          "\"customer_id\":\"C\(i % 701)\"", "\"channel\":\"\(i % 3 == 0 ? "phone" : "email")\"",
                          "\"subject\":\"\(subjects[i % 4])\""]
            if i >= 5000 { fields.append("\"queue\":\"q\(i % 5)\"") }
            if i >= 9000 { fields.append("\"agent\":\"a\(i % 7)\"") }
            lines.append("{" + fields.joined(separator: ",") + "}")
        }
        lines.append("{\"ticket_id\":\"T3\",\"created_at\":\"2026-03-30T10:00:00Z\",\"customer_id\":\"C1\",\"channel\":\"chat\"}")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString).json")
        try Data(("[" + lines.joined(separator: ",\n") + "]").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        func run(_ threads: Int) throws -> (ContactAnalysis.Result, String) {
            let rejects = url.path + ".\(threads).rejects.csv"
            defer { try? FileManager.default.removeItem(atPath: rejects) }
            let ingest = IngestOptions(files: [url.path], rejectsPath: rejects)
            let result = try ContactAnalysis.run(AnalysisOptions(ingest: ingest, threads: threads), keepCauses: true)
            return (result, try String(contentsOfFile: rejects, encoding: .utf8))
        }
        let (one, oneRejects) = try run(1)
        let (many, manyRejects) = try run(threads)
        #expect(one.report.input.rowsRead == 10_001)
        #expect(one.report.input.rowsRejected == 1)
        #expect(one.report.input.duplicatesDropped == 1)
        #expect(one.report.queues.count == 5)
        #expect(one.report.agents.count == 7)
        #expect(many.report == one.report)
        #expect(many.causes == one.causes)
        #expect(many.ingest.diagnostics.formattedLines() == one.ingest.diagnostics.formattedLines())
        #expect(many.ingest.files.map(\.filledCounts) == one.ingest.files.map(\.filledCounts))
        #expect(many.ingest.files.map(\.header) == one.ingest.files.map(\.header))
        #expect(manyRejects == oneRejects)
        #expect(oneRejects.contains("not a date"))
    }
}
