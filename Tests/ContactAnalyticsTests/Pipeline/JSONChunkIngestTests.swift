import Foundation
import Testing
@testable import ContactAnalytics

/// JSON input flattened by the worker threads in chunks: for JSON Lines, a JSON array and an envelope, cut
/// into chunks of every size, with keys that first appear in a late chunk (and two at once in one record),
/// rejects, a repeated id, text decoded as Windows-1252, escapes and brackets inside strings, CRLF and blank
/// lines, the figures, diagnostics, fill counts, header and rejects file of 2 and 4 threads equal one
/// thread's; and an error in the input is the one, at the place, one thread reports.
@Suite struct JSONChunkIngestTests {
    enum Form: String, CaseIterable, Sendable { case lines, array, envelope }

    /// 400 records; `queue` first appears at record 360, `agent` and `via.team` together at record 200.
    static func input(_ form: Form, extra: [String] = []) -> [UInt8] {
        let subjects = [#"Where is {my} order\n[please]"#, #"Refund \"now\"\\"#, "Password reset fails", "Invoice ,] unclear"]
        var objects: [String] = []
        for i in 0..<400 {
            var fields = [#""ticket_id":"T\#(i % 383)""#,
                          #""created_at":"\#(i == 150 ? "not a date" : "2026-03-\(String(format: "%02d", 1 + i % 28))T10:\(String(format: "%02d", i % 60)):00Z")""#,
                          #""customer_id":"C\#(i % 41)""#, #""channel":"\#(i % 3 == 0 ? "phone" : "email")""#,
                          #""subject":"\#(subjects[i % 4])""#]
            if i == 200 || i > 300 { fields.append(#""agent":"a\#(i % 7)","via":{"team":"t\#(i % 2)"}"#) }
            if i >= 360 { fields.append(#""queue":"q\#(i % 5)""#) }
            objects.append("{" + fields.joined(separator: ",") + "}")
        }
        objects += extra
        var text: String
        switch form {
        case .lines:
            text = ""
            for (i, object) in objects.enumerated() { text += object + (i % 3 == 0 ? "\r\n" : i % 7 == 0 ? "\n\n" : "\n") }
        case .array:
            text = "[\n" + objects.joined(separator: ",\r\n") + "\n]\n"
        case .envelope:
            text = "{\"count\":\(objects.count),\"tickets\":[" + objects.joined(separator: ",\n") + "],\"next\":null}\n"
        }
        var bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        // A subject with a byte that is not UTF-8 (Windows-1252 'ä'), in record 250.
        if let at = bytes.indices.first(where: { bytes[$0...].starts(with: Array("Password reset fails".utf8)) && $0 > bytes.count / 2 }) {
            bytes.insert(0xE4, at: at)
        }
        return bytes
    }

    struct Run {
        var result: ContactAnalysis.Result
        var rejects: String
    }

    /// The input written to a file of its own (the report names the file: every run of a test reads the same).
    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jsonchunks-\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        return url
    }

    static func run(_ url: URL, threads: Int, chunkBytes: Int, limits: ReaderLimits = ReaderLimits()) throws -> Run {
        let rejects = url.path + ".\(threads).rejects.csv"
        defer { try? FileManager.default.removeItem(atPath: rejects) }
        var ingest = IngestOptions(files: [url.path], rejectsPath: rejects, dateOrderSample: 10)
        ingest.chunkBytes = chunkBytes
        ingest.reader.limits = limits
        ingest.displayNames = [url.path: "input.json"]
        let result = try ContactAnalysis.run(AnalysisOptions(ingest: ingest, threads: threads), keepCauses: true)
        return Run(result: result, rejects: try String(contentsOfFile: rejects, encoding: .utf8))
    }

    // Chunks of one object each and of a few objects each; one chunk for the whole file is the one-thread case.
    @Test(arguments: Form.allCases, [1, 700])
    func chunksOnWorkersGiveTheFiguresOfOneThread(form: Form, chunkBytes: Int) throws {
        let url = try Self.file(Self.input(form))
        defer { try? FileManager.default.removeItem(at: url) }
        let one = try Self.run(url, threads: 1, chunkBytes: chunkBytes)
        #expect(one.result.report.input.rowsRead == 400)
        #expect(one.result.report.input.rowsRejected == 1)
        #expect(one.result.report.input.duplicatesDropped == 17) // T0…T16 come again as records 383…399
        #expect(one.result.report.queues.count == 5)
        #expect(one.result.ingest.files.first?.header.suffix(3) == ["agent", "via.team", "queue"])
        #expect(one.result.ingest.diagnostics.formattedLines().contains { $0.contains("Windows-1252") })
        #expect(one.rejects.contains("not a date"))
        for threads in [2, 4] {
            let many = try Self.run(url, threads: threads, chunkBytes: chunkBytes)
            #expect(many.result.report == one.result.report)
            #expect(many.result.causes == one.result.causes)
            #expect(many.result.ingest.diagnostics.formattedLines() == one.result.ingest.diagnostics.formattedLines())
            #expect(many.result.ingest.files.map(\.filledCounts) == one.result.ingest.files.map(\.filledCounts))
            #expect(many.result.ingest.files.map(\.header) == one.result.ingest.files.map(\.header))
            #expect(many.result.ingest.files.map(\.bindings) == one.result.ingest.files.map(\.bindings))
            #expect(many.result.ingest.files.map { $0.envelope?.1 } == one.result.ingest.files.map { $0.envelope?.1 })
            #expect(many.rejects == one.rejects)
        }
    }

    /// The error of one thread, with its place, whatever the threads and chunks.
    static func error(_ url: URL, threads: Int, chunkBytes: Int, limits: ReaderLimits = ReaderLimits()) -> String? {
        do {
            _ = try run(url, threads: threads, chunkBytes: chunkBytes, limits: limits)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [1, 4096])
    func errorsAreThoseOfOneThread(chunkBytes: Int) throws {
        let malformed = Self.input(.lines, extra: [#"{"ticket_id":"X","subject":tru}"#, #"{"ticket_id":"Y"}"#])
        let cases: [(bytes: [UInt8], limits: ReaderLimits, expected: String)] = [
            // The 401st object, on line 439 (400 objects, 38 blank lines: i % 7 == 0 but not i % 3 == 0); `tru}`
            // starts at byte 28.
            (malformed, ReaderLimits(), "input.json:439:28"),
            (Self.input(.array), ReaderLimits(maxFields: 7), "records have more than 7 distinct keys"),
            (Self.input(.lines, extra: ["{\"a\":" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}"]),
             ReaderLimits(), "JSON nesting is deeper than 64 levels"),
            (Self.input(.lines, extra: ["{\"a\":\"" + String(repeating: "x", count: 300) + "\"}"]),
             ReaderLimits(maxRecordBytes: 250), "is larger than the limit of 250 bytes"),
            (Self.input(.lines) + Array("{\"a\":1".utf8), ReaderLimits(), "is never closed"),
        ]
        for (bytes, limits, expected) in cases {
            let url = try Self.file(bytes)
            defer { try? FileManager.default.removeItem(at: url) }
            let one = Self.error(url, threads: 1, chunkBytes: chunkBytes, limits: limits)
            #expect(one?.contains(expected) == true, "\(one ?? "no error")")
            for threads in [2, 4] {
                #expect(Self.error(url, threads: threads, chunkBytes: chunkBytes, limits: limits) == one)
            }
        }
    }
}
