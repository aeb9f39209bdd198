import Foundation
import Testing
@testable import ContactAnalytics

/// Hostile input: each case ends with a clear error or a bounded, correct result, never a crash or a hang.
/// The files are generated at test time and kept small by lowering the limits; the full-size cases (a 1 GB
/// field, a million columns) are run by hand against the release binary (see README, "Limits and hostile
/// input").
@Suite("Reliability: hostile input")
struct HostileInputTests {
    /// Every record of the file at `path` read with `options`, or the error that stopped reading.
    static func readAll(_ path: String, options: ReaderOptions = ReaderOptions()) -> Result<[[String]], ContactStatError> {
        do {
            var reader = try InputOpener.open(path: path, options: options)
            var record = RawRecord()
            var rows: [[String]] = []
            while try reader.next(into: &record) { rows.append(record.strings) }
            // After reading: a JSON reader's header grows as keys appear.
            return .success([reader.header] + rows)
        } catch let error as ContactStatError {
            return .failure(error)
        } catch {
            return .failure(ContactStatError(.io, "unexpected error type: \(error)"))
        }
    }

    static func error(_ result: Result<[[String]], ContactStatError>) -> ContactStatError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    @Test("a field larger than maxRecordBytes is a clear error, at the right line, whatever the chunk size",
          arguments: [4096, ByteChunkSource.defaultChunkSize])
    func oversizeCSVField(chunkSize: Int) throws {
        let workspace = try ReliabilityWorkspace("big-field")
        defer { workspace.remove() }
        var bytes = Array("id,subject\n1,short\n2,\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 2 * 1024 * 1024)
        bytes += Array("\"\n3,after\n".utf8)
        let path = try workspace.write("big.csv", bytes)
        let limits = ReaderLimits(maxRecordBytes: 1024 * 1024)
        let error = try #require(Self.error(Self.readAll(path, options: ReaderOptions(chunkSize: chunkSize, limits: limits))))
        #expect(error.kind == .dataFormat)
        #expect(error.message == "record is larger than the limit of 1048576 bytes")
        #expect(error.location?.hasPrefix(path + ":3") == true)
    }

    @Test("an unquoted field larger than maxRecordBytes (no line break at all) is a clear error")
    func oversizeUnquotedLine() throws {
        let workspace = try ReliabilityWorkspace("long-line")
        defer { workspace.remove() }
        let bytes = Array("id,subject\n1,".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 2 * 1024 * 1024)
        let path = try workspace.write("line.csv", bytes)
        let error = try #require(Self.error(Self.readAll(path, options: ReaderOptions(limits: ReaderLimits(maxRecordBytes: 1 << 20)))))
        #expect(error.message == "record is larger than the limit of 1048576 bytes")
    }

    @Test("a JSON string larger than maxRecordBytes is a clear error")
    func oversizeJSONString() throws {
        let workspace = try ReliabilityWorkspace("big-json")
        defer { workspace.remove() }
        let bytes = Array(#"[{"id":1},{"id":2,"subject":""#.utf8) + [UInt8](repeating: UInt8(ascii: "z"), count: 2 << 20)
            + Array(#""}]"#.utf8)
        let path = try workspace.write("big.json", bytes)
        let error = try #require(Self.error(Self.readAll(path, options: ReaderOptions(limits: ReaderLimits(maxRecordBytes: 1 << 20)))))
        #expect(error.kind == .dataFormat)
        #expect(error.message == "JSON object is larger than the limit of 1048576 bytes")
    }

    @Test("a header wider than maxFields is a clear error", arguments: [10_001, 200_000])
    func tooManyColumns(columns: Int) throws {
        let workspace = try ReliabilityWorkspace("columns")
        defer { workspace.remove() }
        let header = (0..<columns).map { "c\($0)" }.joined(separator: ",")
        let path = try workspace.write("wide.csv", Array((header + "\n1\n").utf8))
        let error = try #require(Self.error(Self.readAll(path)))
        #expect(error.kind == .dataFormat)
        #expect(error.message == "record has more than 10000 fields")
        #expect(error.location?.hasPrefix(path + ":1") == true)
    }

    @Test("exactly maxFields columns are read")
    func columnsAtTheLimit() throws {
        let workspace = try ReliabilityWorkspace("columns-limit")
        defer { workspace.remove() }
        let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<10_000).map { String($0) }.joined(separator: ",")
        let path = try workspace.write("wide.csv", Array((header + "\n" + row + "\n").utf8))
        let rows = try Self.readAll(path).get()
        #expect(rows.count == 2)
        #expect(rows[0].count == 10_000 && rows[1].count == 10_000)
        #expect(rows[1].last == "9999")
    }

    @Test("JSON records with more distinct keys than maxFields are a clear error")
    func tooManyJSONKeys() throws {
        let workspace = try ReliabilityWorkspace("json-keys")
        defer { workspace.remove() }
        let object = "{" + (0..<10_001).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let path = try workspace.write("keys.jsonl", Array((object + "\n").utf8))
        let error = try #require(Self.error(Self.readAll(path)))
        #expect(error.kind == .dataFormat)
        #expect(error.message == "records have more than 10000 distinct keys")
    }

    @Test("deeply nested JSON is a clear error, not a stack overflow", arguments: [65, 1_000, 200_000])
    func deeplyNestedJSON(depth: Int) throws {
        let workspace = try ReliabilityWorkspace("nested")
        defer { workspace.remove() }
        var text = "[{\"id\":1,\"x\":"
        text += String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}]"
        let path = try workspace.write("nested.json", Array(text.utf8))
        let error = try #require(Self.error(Self.readAll(path)))
        #expect(error.kind == .dataFormat)
        #expect(error.message.contains("nest"))
    }

    @Test("JSON nested up to maxJSONDepth is read and flattened")
    func nestedJSONAtTheLimit() throws {
        let workspace = try ReliabilityWorkspace("nested-ok")
        defer { workspace.remove() }
        // The record's own object is depth 1; 63 more objects make 64.
        let text = "[" + String(repeating: "{\"a\":", count: 64) + "1" + String(repeating: "}", count: 64) + "]"
        let path = try workspace.write("nested.json", Array(text.utf8))
        let rows = try Self.readAll(path).get()
        #expect(rows.count == 2)
        #expect(rows[0] == [Array(repeating: "a", count: 64).joined(separator: ".")])
        #expect(rows[1] == ["1"])
    }

    @Test("a deeply nested configuration is a clear error", arguments: [65, 100_000])
    func deeplyNestedConfiguration(depth: Int) {
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: ContactStatError.self) { try ConfigurationParser.parse(text, file: "deep.json") }
    }

    @Test("a file of nothing but quotes: an even count is one header field, an odd count an unclosed quote")
    func allQuotes() throws {
        let workspace = try ReliabilityWorkspace("quotes")
        defer { workspace.remove() }
        let even = try workspace.write("even.csv", [UInt8](repeating: UInt8(ascii: "\""), count: 200_000))
        let rows = try Self.readAll(even).get()
        // The opening and closing quotes enclose 99 999 doubled quotes.
        #expect(rows == [[String(repeating: "\"", count: 99_999)]])
        let odd = try workspace.write("odd.csv", [UInt8](repeating: UInt8(ascii: "\""), count: 200_001))
        let error = try #require(Self.error(Self.readAll(odd)))
        #expect(error.message == "quoted field opened on line 1 is never closed")
        // The whole pipeline says what is missing instead of crashing.
        #expect(throws: ContactStatError.self) { try ReliabilityWorkspace.analyse([even]) }
    }

    @Test("NUL bytes at the start: a binary file")
    func nulAtStart() throws {
        let workspace = try ReliabilityWorkspace("nul")
        defer { workspace.remove() }
        let path = try workspace.write("nul.csv", Array("id,subject\n1,a".utf8) + [0, 0, 0] + Array("b\n".utf8))
        let error = try #require(Self.error(Self.readAll(path)))
        #expect(error.message == "looks like a binary file (it contains NUL bytes)")
    }

    @Test("a NUL byte deep in the file stays inside its field; nothing is lost")
    func nulDeepInTheFile() throws {
        let workspace = try ReliabilityWorkspace("nul-deep")
        defer { workspace.remove() }
        let (header, rows) = try ReliabilityWorkspace.generatedRows(rows: 1000, seed: 7)
        var bytes = ReliabilityWorkspace.csv(header: header, rows: rows)
        let subject = try #require(header.firstIndex(of: "subject"))
        // Past the first 64 KiB, which are probed for NUL bytes to recognise binary files.
        #expect(bytes.count > InputFormat.binaryProbeBytes)
        var hostile = rows[999]
        hostile[0] = "T99999999"
        hostile[subject] = "before\u{0}after"
        bytes += ReliabilityWorkspace.csv(header: [], rows: [hostile]).dropFirst()
        let path = try workspace.write("nul-deep.csv", bytes)
        let read = try Self.readAll(path).get()
        #expect(read.count == 1002)
        #expect(read.last?[subject] == "before\u{0}after")
        let input = try ReliabilityWorkspace.analyse([path]).report.input
        #expect(input.rowsRead == 1001)
        #expect(input.contactsRead + input.rowsRejected == 1001)
    }

    @Test("invalid UTF-8 in the middle of a field: the record is read as Windows-1252, whatever the chunk size",
          arguments: [1, 3, 4096])
    func invalidUTF8MidField(chunkSize: Int) throws {
        let workspace = try ReliabilityWorkspace("utf8")
        defer { workspace.remove() }
        // 0xE4 alone is not UTF-8 (a lead byte without continuation); in Windows-1252 it is "ä".
        // 0xF0 0x9F followed by ASCII is a truncated 4-byte sequence.
        let bytes = Array("id,subject\n1,p".utf8) + [0xE4, 0xE4] + Array("sy\n2,ok \u{00E4}\n3,x".utf8) + [0xF0, 0x9F]
            + Array("y\n".utf8)
        let path = try workspace.write("mixed.csv", bytes)
        let rows = try Self.readAll(path, options: ReaderOptions(chunkSize: chunkSize)).get()
        #expect(rows == [["id", "subject"], ["1", "pääsy"], ["2", "ok ä"], ["3", "xðŸy"]])
    }

    @Test("a catastrophic regular expression in the taxonomy stays bounded")
    func catastrophicRegex() throws {
        let workspace = try ReliabilityWorkspace("regex")
        defer { workspace.remove() }
        let configuration = #"""
        { "taxonomy": { "causes": [ { "path": "billing/evil", "process": "Billing", "avoidable": false,
          "rules": [ { "field": "subject", "regex": "^(a|aa)+$" } ] } ] } }
        """#
        let node = try ConfigurationParser.parse(configuration, file: "evil.json")
        let taxonomy = try ContactStatConfiguration(node: node, file: "evil.json").taxonomy
        // ICU backtracks ^(a|aa)+$ exponentially: about 1.6^n steps for n letters a before a b. 32 letters
        // take about 0.15 s a contact here; the 4 KiB cap on the text would allow 1.6^4096 steps.
        func timedRun(subject: String) throws -> (contacts: Int, elapsed: Duration) {
            let rows = (0..<3).map { ["T\($0)", "2026-01-0\($0 + 1)T10:00:00Z", "C\($0)", "email", subject] }
            let path = try workspace.write("evil.csv", ReliabilityWorkspace.csv(
                header: ["ticket_id", "created_at", "customer_id", "channel", "subject"], rows: rows))
            let clock = ContinuousClock()
            let start = clock.now
            let report = try ContactAnalysis.run(AnalysisOptions(ingest: IngestOptions(files: [path]), taxonomy: taxonomy))
            return (report.report.summary.contacts, clock.now - start)
        }
        let baseline = try timedRun(subject: "aaaa")
        // 4,000 letters would take longer than the universe's age; the regex budget abandons each match after
        // RegexBudget.nanosecondsPerField and switches the pattern off after RegexBudget.disableAfter fields.
        let evil = try timedRun(subject: String(repeating: "a", count: 4000) + "b")
        #expect(baseline.contacts == 3 && evil.contacts == 3)
        // A hang guard, not a speed measure: unbounded, the run would not end; bounded, it takes three budgets
        // of 20 ms plus the run, so 30 s holds on a machine as loaded as CI can be.
        #expect(evil.elapsed < .seconds(30))
    }
}
