import Foundation
import Testing
@testable import ContactAnalytics

/// Invariants of the whole pipeline on a generated export of a few thousand rows: no row is lost, and no
/// figure depends on the order of the rows, on how they are split into files, on the read chunk size, or on
/// how a reporting range is cut into windows.
@Suite("Reliability: pipeline invariants")
struct InvariantTests {
    static let rowCount = 3000
    static let seed: UInt64 = 20_260_105

    @Test("rows read = contacts + rejected + duplicates + excluded, with hand-counted bad rows")
    func rowAccounting() throws {
        let workspace = try ReliabilityWorkspace("accounting")
        defer { workspace.remove() }
        let (header, rows) = try ReliabilityWorkspace.generatedRows(rows: Self.rowCount, seed: Self.seed)
        let opened = try #require(header.firstIndex(of: "created_at"))
        var mixed = rows
        var unreadable = rows[10], empty = rows[20]
        unreadable[opened] = "not a date"
        empty[opened] = ""
        let short = Array(rows[30].prefix(3))
        // 4 rejected rows, and 5 repeated ticket ids (whole rows again, the later copy is kept).
        mixed.insert(contentsOf: [unreadable, empty, short, short], at: 1500)
        mixed.append(contentsOf: [rows[0], rows[1], rows[2], rows[2999], rows[2999]])
        let path = try workspace.write("mixed.csv", ReliabilityWorkspace.csv(header: header, rows: mixed))

        let input = try ReliabilityWorkspace.analyse([path]).report.input
        #expect(input.rowsRead == Self.rowCount + 4 + 5)
        #expect(input.rowsRejected == 4)
        #expect(input.duplicatesDropped == 5)
        #expect(input.rowsExcluded == 0)
        // rows[10] and rows[20] were rejected as bad copies; their good originals are still there.
        #expect(input.contactsRead == Self.rowCount)
        #expect(input.rowsRead == input.contactsRead + input.rowsRejected + input.duplicatesDropped + input.rowsExcluded)
    }

    @Test("shuffling the data rows changes no figure", arguments: [UInt64(1), 2, 3])
    func shuffledOrder(shuffleSeed: UInt64) throws {
        let workspace = try ReliabilityWorkspace("shuffle")
        defer { workspace.remove() }
        let (header, rows) = try ReliabilityWorkspace.generatedRows(rows: Self.rowCount, seed: Self.seed)
        var generator = SeededGenerator(seed: shuffleSeed)
        let shuffled = rows.shuffled(using: &generator)
        #expect(shuffled != rows)
        let ordered = try workspace.write("ordered.csv", ReliabilityWorkspace.csv(header: header, rows: rows))
        let mixed = try workspace.write("shuffled.csv", ReliabilityWorkspace.csv(header: header, rows: shuffled))
        let expected = try ReliabilityWorkspace.analyse([ordered]).report
        let actual = try ReliabilityWorkspace.analyse([mixed]).report
        #expect(expected.summary.contacts == Self.rowCount)
        #expect(ReliabilityWorkspace.withoutFileNames(actual) == ReliabilityWorkspace.withoutFileNames(expected))
    }

    @Test("splitting the rows into several files (in any file order) changes no figure", arguments: [2, 3, 7])
    func splitIntoFiles(parts: Int) throws {
        let workspace = try ReliabilityWorkspace("split")
        defer { workspace.remove() }
        let (header, rows) = try ReliabilityWorkspace.generatedRows(rows: Self.rowCount, seed: Self.seed)
        let whole = try workspace.write("whole.csv", ReliabilityWorkspace.csv(header: header, rows: rows))
        // Round-robin, so every file spans the whole period; then read the files last to first.
        var paths: [String] = []
        for part in 0..<parts {
            let slice = stride(from: part, to: rows.count, by: parts).map { rows[$0] }
            paths.append(try workspace.write("part\(part).csv", ReliabilityWorkspace.csv(header: header, rows: slice)))
        }
        let expected = try ReliabilityWorkspace.analyse([whole]).report
        let actual = try ReliabilityWorkspace.analyse(paths.reversed()).report
        #expect(actual.input.files.count == parts)
        #expect(ReliabilityWorkspace.withoutFileNames(actual) == ReliabilityWorkspace.withoutFileNames(expected))
    }

    @Test("reading with any chunk size changes nothing", arguments: [1, 7, 4096, ByteChunkSource.defaultChunkSize])
    func chunkSize(_ size: Int) throws {
        let workspace = try ReliabilityWorkspace("chunks")
        defer { workspace.remove() }
        // Fewer rows at chunk size 1, which reads one byte per system call.
        let rowCount = size == 1 ? 600 : Self.rowCount
        let (header, rows) = try ReliabilityWorkspace.generatedRows(rows: rowCount, seed: Self.seed)
        let path = try workspace.write("export.csv", ReliabilityWorkspace.csv(header: header, rows: rows))
        let expected = try ReliabilityWorkspace.analyse([path]).report
        let actual = try ReliabilityWorkspace.analyse([path], reader: ReaderOptions(chunkSize: size)).report
        #expect(actual.summary.contacts == rowCount)
        #expect(actual == expected)
    }

    @Test("the same rows as JSON Lines or a JSON array give the CSV figures, with any chunk size",
          arguments: [(true, 7), (true, ByteChunkSource.defaultChunkSize), (false, 13), (false, 4096)])
    func jsonMatchesCSV(lines: Bool, chunkSize: Int) throws {
        let workspace = try ReliabilityWorkspace("json")
        defer { workspace.remove() }
        let rowCount = 1500
        let (header, rows) = try ReliabilityWorkspace.generatedRows(rows: rowCount, seed: Self.seed)
        let csv = try workspace.write("export.csv", ReliabilityWorkspace.csv(header: header, rows: rows))
        var json: [UInt8] = lines ? [] : Array("[".utf8)
        for (index, row) in rows.enumerated() {
            // Empty CSV cells are absent keys in JSON; the values stay strings.
            var object: [String: String] = [:]
            for (column, value) in zip(header, row) where !value.isEmpty { object[column] = value }
            if !lines && index > 0 { json += Array(",\n".utf8) }
            json += try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            if lines { json.append(0x0A) }
        }
        if !lines { json += Array("]\n".utf8) }
        let path = try workspace.write(lines ? "export.jsonl" : "export.json", json)
        let expected = try ReliabilityWorkspace.analyse([csv]).report
        let actual = try ReliabilityWorkspace.analyse([path], reader: ReaderOptions(chunkSize: chunkSize)).report
        #expect(actual.summary.contacts == rowCount)
        #expect(ReliabilityWorkspace.withoutFileNames(actual) == ReliabilityWorkspace.withoutFileNames(expected))
    }

    @Test("--since/--until windows that partition the range add up to the whole")
    func windowsAddUp() throws {
        let workspace = try ReliabilityWorkspace("windows")
        defer { workspace.remove() }
        let (header, rows) = try ReliabilityWorkspace.generatedRows(rows: Self.rowCount, seed: Self.seed)
        let path = try workspace.write("export.csv", ReliabilityWorkspace.csv(header: header, rows: rows))
        let whole = try ReliabilityWorkspace.analyse([path]).report
        let from = try #require(whole.rangeFrom), to = try #require(whole.rangeTo)
        // Unbounded first and last windows, cuts at uneven points (one exactly on the first contact).
        let cuts: [EpochSeconds?] = [nil, from, from + (to - from) / 3 + 17, from + (to - from) * 5 / 7, nil]
        var contacts = 0, repeats = 0, evaluable = 0, resolved = 0, avoidable = 0, identified = 0
        var csatResponses = 0, csatSatisfied = 0, classified = 0
        var cost = 0.0
        for window in 0..<(cuts.count - 1) {
            let metrics = MetricsConfiguration(since: cuts[window], until: cuts[window + 1])
            let part = try ReliabilityWorkspace.analyse([path], metrics: metrics).report.summary
            contacts += part.contacts
            repeats += part.repeats
            evaluable += part.fcr.denominator
            resolved += part.fcr.numerator
            avoidable += part.avoidable
            identified += part.identified
            csatResponses += part.csat.responses
            csatSatisfied += part.csat.satisfied
            classified += part.coverage.numerator
            cost += part.costTotal
        }
        let total = whole.summary
        #expect(contacts == Self.rowCount)
        #expect(contacts == total.contacts)
        #expect(repeats == total.repeats)
        #expect(evaluable == total.fcr.denominator)
        #expect(resolved == total.fcr.numerator)
        #expect(avoidable == total.avoidable)
        #expect(identified == total.identified)
        #expect(csatResponses == total.csat.responses)
        #expect(csatSatisfied == total.csat.satisfied)
        #expect(classified == total.coverage.numerator)
        #expect(abs(cost - total.costTotal) <= 1e-6 * max(1, total.costTotal))
    }
}
