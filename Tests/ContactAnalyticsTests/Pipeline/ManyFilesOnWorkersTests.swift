import Foundation
import Testing
@testable import ContactAnalytics

/// Many small files on several threads: one set of workers serves every file while the calling thread opens
/// the next ones, so the results of a file come back while later files are already read. Whatever the thread
/// count, the figures are those of the same rows in one file, and each file's counts, diagnostics (in order,
/// with their file and line), fill counts, rejects and causes are those of one thread.
@Suite struct ManyFilesOnWorkersTests {
    /// A generated export's header and records (split by records: a quoted field can hold a line break).
    static func generated(rows: Int, seed: UInt64) throws -> (header: String, records: [String]) {
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: rows, seed: seed)).bytes()
        var records: [String] = [], current = ""
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            current += current.isEmpty ? String(line) : "\n" + line
            if current.filter({ $0 == "\"" }).count % 2 == 0 {
                records.append(current)
                current = ""
            }
        }
        if records.last == "" { records.removeLast() }
        #expect(records.count == rows + 1)
        return (records[0], Array(records.dropFirst()))
    }

    static func run(_ files: [String], threads: Int, rejects: String, sample: Int = 1000, chunkBytes: Int = 512 * 1024)
        throws -> (ContactAnalysis.Result, String) {
        var ingest = IngestOptions(files: files, rejectsPath: rejects, dateOrderSample: sample)
        ingest.chunkBytes = chunkBytes
        let result = try ContactAnalysis.run(AnalysisOptions(ingest: ingest, threads: threads), keepCauses: true)
        return (result, try String(contentsOfFile: rejects, encoding: .utf8))
    }

    /// 24 files of 150 records (one with rejected records and a Windows-1252 byte, one with no record, one
    /// with a header of its own, a JSON Lines file among them) give one thread's figures, per-file summaries,
    /// diagnostics, rejects and causes on 2 and 3 threads; the CSV files alone give the figures of one file.
    /// With the default chunk size every file goes to a worker whole; with chunks of 4 KiB each is opened on
    /// the calling thread (100 records settle the date order) and cut into chunks while the files before it
    /// are processed.
    @Test(arguments: [2, 3], [512 * 1024, 4096])
    func manyFilesGiveOneThreadsResults(threads: Int, chunkBytes: Int) throws {
        let folder = try TestFolder(prefix: "many-files")
        let (header, records) = try Self.generated(rows: 3600, seed: 21)
        var files: [String] = []
        var csvRecords: [String] = []
        for part in 0..<24 {
            var body = Array(records[(part * 150)..<((part + 1) * 150)])
            if part == 5 {
                body[40] = "T5000040,not a date,,C0000001,phone,Where is my order,open,,,,,en"
                body[120] = "too,few"
            }
            if part == 9 { body = [] }
            if part != 5 { csvRecords += body }
            var bytes = Array((([header] + body).joined(separator: "\n") + "\n").utf8)
            if part == 5 { bytes += Array("T5000999,2026-03-02T10:00:00Z,,C0000002,email,Caf".utf8) + [0xE9] + Array(",open,,,,,en\n".utf8) }
            files.append(try folder.write("part-\(String(format: "%02d", part)).csv", bytes))
        }
        // A file with a column of its own (queue) and one of JSON Lines, after the others.
        let extra = (["id,created,customer,channel,subject,queue"] + (0..<150).map {
            "X\($0),2026-03-\(String(format: "%02d", 1 + $0 % 28))T09:00:00Z,C\($0 % 17),chat,Refund please,q\($0 % 3)"
        }).joined(separator: "\n") + "\n"
        files.insert(try folder.write("other.csv", Array(extra.utf8)), at: 12)
        let jsonLines = (0..<150).map {
            "{\"ticket_id\":\"J\($0)\",\"created_at\":\"2026-03-\(String(format: "%02d", 1 + $0 % 28))T11:00:00Z\",\"customer_id\":\"C\($0 % 11)\",\"channel\":\"email\",\"subject\":\"Invoice unclear\"}"
        }.joined(separator: "\n") + "\n"
        files.insert(try folder.write("lines.jsonl", Array(jsonLines.utf8)), at: 18)

        let sample = chunkBytes < 10_000 ? 100 : 1000
        let (one, oneRejects) = try Self.run(files, threads: 1, rejects: folder.url.appendingPathComponent("1.rejects.csv").path,
                                             sample: sample)
        let (many, manyRejects) = try Self.run(files, threads: threads,
                                               rejects: folder.url.appendingPathComponent("n.rejects.csv").path,
                                               sample: sample, chunkBytes: chunkBytes)
        #expect(one.report.input.rowsRead == 23 * 150 + 1 + 150 + 150)
        #expect(one.report.input.rowsRejected == 2)
        #expect(many.report == one.report)
        #expect(many.causes == one.causes)
        #expect(many.audit == one.audit)
        #expect(manyRejects == oneRejects)
        let lines = one.ingest.diagnostics.formattedLines()
        #expect(many.ingest.diagnostics.formattedLines() == lines)
        // Diagnostics keep their file and line (the header is line 1).
        #expect(lines.contains { $0.hasPrefix("\(files[5]):42: error: record rejected") })
        #expect(lines.contains { $0.hasPrefix("\(files[5]):122: error: record rejected") })
        #expect(lines.contains { $0.hasPrefix("\(files[5]):152:") && $0.lowercased().contains("windows-1252") })
        #expect(many.ingest.files.map(\.name) == files.map { IngestOptions(files: files).displayName(of: $0) })
        for (a, b) in zip(many.ingest.files, one.ingest.files) {
            #expect(a.name == b.name)
            #expect(a.format == b.format)
            #expect(a.header == b.header)
            #expect(a.rowsRead == b.rowsRead && a.contacts == b.contacts && a.rejected == b.rejected)
            #expect(a.filledCounts == b.filledCounts)
            #expect(a.bindings.map(\.column) == b.bindings.map(\.column))
        }
        #expect(one.ingest.files[9].rowsRead == 0)
        #expect(one.ingest.files[18].format == "json")

        // The files of the generated export alone (but the one with bad records): the figures of the same rows
        // in one file.
        let csvFiles = files.filter { $0.hasSuffix(".csv") && !$0.hasSuffix("other.csv") && $0 != files[5] }
        let single = try folder.write("one.csv", Array((([header] + csvRecords).joined(separator: "\n") + "\n").utf8))
        var split = try Self.run(csvFiles, threads: threads, rejects: folder.url.appendingPathComponent("s.rejects.csv").path,
                                 chunkBytes: chunkBytes).0
        let whole = try Self.run([single], threads: threads, rejects: folder.url.appendingPathComponent("w.rejects.csv").path).0
        #expect(split.report.input.files.count == 23)
        #expect(split.report.summary.contacts > 3000)
        #expect(split.causes == whole.causes)
        #expect(split.report.input.rowsRead == whole.report.input.rowsRead)
        split.report.input = whole.report.input
        #expect(split.report == whole.report)
    }

    /// The first error in input order ends the run, as on one thread: a record cut by an unclosed quote in a
    /// worker's chunk of one file comes before the next file's refused header, read meanwhile on the calling
    /// thread (with chunks of 1 KiB; with the default size, both files are read whole by workers and the
    /// errors come back in input order).
    @Test(arguments: [512 * 1024, 1024])
    func theFirstErrorInInputOrderEndsTheRun(chunkBytes: Int) throws {
        let folder = try TestFolder(prefix: "many-files")
        let (header, records) = try Self.generated(rows: 400, seed: 22)
        let good = try folder.write("a.csv", Array((([header] + records[0..<200]).joined(separator: "\n") + "\n").utf8))
        let broken = try folder.write("b.csv", Array((([header] + records[200..<400]).joined(separator: "\n")
                                                        + "\nT9,2026-03-02T10:00:00Z,,C1,phone,\"never closed\n").utf8))
        let refused = try folder.write("c.csv", Array("2026-03-01,42,phone\n2026-03-02,43,chat\n".utf8))
        func error(_ threads: Int) -> String {
            do {
                _ = try Self.run([good, broken, refused], threads: threads,
                                 rejects: folder.url.appendingPathComponent("\(threads).rejects.csv").path, sample: 20,
                                 chunkBytes: chunkBytes)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let first = error(1)
        #expect(first.contains("b.csv"))
        for _ in 0..<5 { #expect(error(2) == first) }
    }
}
