import Foundation
import Testing

/// An export split over many files (issue 12, item 12): the same figures as the one file, and reports and
/// `validate` that summarise the files (count, size, the first three named, "and N more") instead of listing
/// them all.
@Suite(.serialized) struct ManyFilesTests {
    /// A 3,000-row generated export in one file and split into six of 500 records each (same header).
    struct SplitExport {
        let directory: TemporaryDirectory
        let one: String
        let parts: [String]
        let partBytes: Int

        init() throws {
            directory = try TemporaryDirectory()
            one = directory.path("one.csv")
            let generated = try BinaryRunner.run(["generate", "--rows", "3000", "--seed", "7", "-o", one])
            #expect(generated.status == 0)
            let text = String(decoding: FileManager.default.contents(atPath: one) ?? Data(), as: UTF8.self)
            // Records, not lines: a quoted field can hold a line break (an odd count of quotes so far).
            var records: [String] = [], current = ""
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                current += current.isEmpty ? String(line) : "\n" + line
                if current.filter({ $0 == "\"" }).count % 2 == 0 {
                    records.append(current)
                    current = ""
                }
            }
            if records.last == "" { records.removeLast() }
            let header = records[0], body = Array(records.dropFirst())
            #expect(body.count == 3_000)
            var parts: [String] = [], bytes = 0
            for k in 0..<6 {
                let path = directory.path("part-\(k).csv")
                let content = ([header] + body[(k * 500)..<((k + 1) * 500)]).joined(separator: "\n") + "\n"
                try Data(content.utf8).write(to: URL(fileURLWithPath: path))
                parts.append(path)
                bytes += content.utf8.count
            }
            self.parts = parts
            partBytes = bytes
        }
    }

    static func json(_ files: [String], threads: String) throws -> [String: Any] {
        let result = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", "--threads", threads] + files)
        #expect(result.status == 0)
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    }

    /// Serialized with sorted keys, so two documents compare as text.
    static func canonical(_ value: Any?) throws -> String {
        guard let value else { return "nil" }
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: ["1", "2"])
    func manyFilesGiveTheFiguresOfOneFile(threads: String) throws {
        let export = try SplitExport()
        defer { export.directory.remove() }
        let one = try Self.json([export.one], threads: threads)
        let many = try Self.json(export.parts, threads: threads)
        for section in ["summary", "channels", "causes", "processes", "periods", "queues", "agents", "narrative",
                        "emerging_causes", "channel_switches", "range"] {
            #expect(try Self.canonical(one[section]) == Self.canonical(many[section]), "\(section)")
        }
        let input = try #require(many["input"] as? [String: Any])
        #expect((input["file_count"] as? NSNumber)?.intValue == 6)
        #expect((input["bytes"] as? NSNumber)?.intValue == export.partBytes)
        #expect((input["files"] as? [String]) == export.parts)
        #expect((input["rows_read"] as? NSNumber)?.intValue == 3_000)
    }

    /// `6 files, 430.7 KiB` and the first three names with "and 3 more", on one line of the data section
    /// (run in the export's folder, so the names are short).
    @Test func theReportSummarisesTheFiles() throws {
        let export = try SplitExport()
        defer { export.directory.remove() }
        let names = (0..<6).map { "part-\($0).csv" }
        let result = try BinaryRunner.run(["report", "--no-color", "--timezone", "UTC"] + names, in: export.directory.url)
        #expect(result.status == 0)
        let size = String(format: "%.1f KiB", Double(export.partBytes) / 1024)
        let filesLine = result.stdout.components(separatedBy: "\n").first { $0.hasPrefix("Files") } ?? ""
        #expect(filesLine.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            == "Files 6 files, \(size) part-0.csv, part-1.csv, part-2.csv and 3 more")
        #expect(!result.stdout.contains("part-3.csv"))
        #expect(!result.stdout.contains("part-5.csv"))
    }

    @Test func validateDescribesALayoutOnce() throws {
        let export = try SplitExport()
        defer { export.directory.remove() }
        let result = try BinaryRunner.run(["validate", "--timezone", "UTC"] + export.parts)
        #expect(result.status == 0)
        let size = String(format: "%.1f KiB", Double(export.partBytes) / 1024)
        #expect(result.stdout.hasPrefix("6 files, \(size) of one layout: \(export.parts[0]), \(export.parts[1]), "
            + "\(export.parts[2]) and 3 more\n  csv (delimiter ,), 12 columns\n"))
        #expect(result.stdout.contains("  contact_id   <- \"ticket_id\"  (alias, 3000 filled)\n"))
        #expect(result.stdout.contains("  rows 3000: mapped 3000, rejected 0\n"))
        #expect(result.stdout.components(separatedBy: "ticket_id").count - 1 == 1)
        #expect(!result.stdout.contains(export.parts[4]))
        #expect(result.stdout.contains("rows read 3000 = contacts 3000 + rejected 0 + duplicates dropped 0\n"))
    }

    /// A seventh file with another header is a second layout, described on its own.
    @Test func validateSeparatesLayouts() throws {
        let export = try SplitExport()
        defer { export.directory.remove() }
        let other = export.directory.path("other.csv")
        try Data("id,created_at,subject\n1,2026-03-02 09:00:00,where is my order\n2,2026-03-02 10:00:00,x\n".utf8)
            .write(to: URL(fileURLWithPath: other))
        let result = try BinaryRunner.run(["validate", "--timezone", "UTC"] + export.parts + [other])
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "\n").first?.hasPrefix("7 files, ") == true)
        #expect(result.stdout.components(separatedBy: "\n").first?.hasSuffix(" in 2 layouts") == true)
        #expect(result.stdout.contains("\n\(other): csv (delimiter ,), 3 columns\n"))
        #expect(result.stdout.contains("  rows 2: mapped 2, rejected 0\n"))
        #expect(result.stdout.contains("rows read 3002 = contacts 3002"))
    }
}
