#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ContactAnalytics
import Foundation
import Testing

/// `report --format xlsx` through the binary (issue 21 item 4): the workbook of the bundled sample, read back by
/// contactstat's own reader, holds the JSON report's figures; binary output is refused on a terminal.
@Suite("xlsx report, through the binary")
struct XLSXReportTests {
    static let sample = BinaryRunner.fixture("sample/contacts.csv")

    /// Every sheet of the workbook at `path`: `sheet -> (header, rows)`, cells as `XLSXReader` reads them.
    static func readWorkbook(_ path: String, sheets: [String]) throws -> [String: (header: [String], rows: [[String]])] {
        var result: [String: (header: [String], rows: [[String]])] = [:]
        for sheet in sheets {
            var reader = try XLSXReader(path: path, sheet: sheet)
            var record = RawRecord()
            var rows: [[String]] = []
            while try reader.next(into: &record) { rows.append(record.strings) }
            result[sheet] = (reader.header, rows)
        }
        return result
    }

    static let sheetNames = ["summary", "channels", "causes", "processes", "periods", "channel_switches",
                             "cause_groups", "queues", "agents", "emerging_causes"]

    /// `[h]:mm:ss` -> seconds.
    static func seconds(_ shown: String) -> Double? {
        let parts = shown.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Double(parts[0] * 3600 + parts[1] * 60 + parts[2])
    }

    @Test func sampleWorkbookHoldsTheJSONFigures() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("sample.xlsx")
        let written = try BinaryRunner.run(["report", "-f", "xlsx", "-o", path, Self.sample])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        let json = try BinaryRunner.run(["report", "-f", "json", Self.sample])
        let report = try ReportJSON(json.stdoutBytes)
        let workbook = try Self.readWorkbook(path, sheets: Self.sheetNames)

        // Every slice sheet: a row per JSON row, every catalog metric equal (durations to the second).
        var compared = 0
        for (sheet, key) in [("channels", "channel"), ("causes", "cause"), ("processes", "process"),
                             ("periods", "period"), ("cause_groups", "cause_group"), ("queues", "queue"), ("agents", "agent")] {
            let table = try #require(workbook[sheet])
            let rows = report.objects(sheet)
            #expect(table.rows.count == rows.count, "\(sheet)")
            for (cells, object) in zip(table.rows, rows) {
                let row = Dictionary(zip(table.header, cells), uniquingKeysWith: { first, _ in first })
                #expect(row[key] == object[key] as? String, "\(sheet) \(key)")
                for metric in MetricCatalog.sliceMetrics {
                    let jsonKey = sheet == "causes" && metric.key == "avoidable" ? "avoidable_contacts" : metric.key
                    let cell = try #require(row[metric.key], "\(sheet) \(metric.key)")
                    guard let expected = object[jsonKey] as? NSNumber else {
                        #expect(object[jsonKey] is NSNull && cell.isEmpty, "\(sheet) \(metric.key): \(cell)")
                        continue
                    }
                    if metric.kind == .duration {
                        let shown = try #require(Self.seconds(cell), "\(sheet) \(metric.key): \(cell)")
                        #expect(abs(shown - expected.doubleValue) <= 0.5, "\(sheet) \(metric.key): \(cell) vs \(expected)")
                    } else {
                        #expect(Double(cell) == expected.doubleValue, "\(sheet) \(metric.key): \(cell) vs \(expected)")
                    }
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)

        // The summary: counts, rates as fractions, money, as JSON has them.
        let summary = try #require(workbook["summary"])
        let figures = Dictionary(summary.rows.map { ($0[0] + "." + $0[1], $0[2]) }, uniquingKeysWith: { first, _ in first })
        let expected: [(String, String)] = [
            ("summary.contacts", "summary.contacts"), ("summary.customers_identified", "summary.customers_identified"),
            ("summary.fcr", "summary.fcr.rate"), ("summary.fcr_evaluable", "summary.fcr.evaluable"),
            ("summary.repeat_rate", "summary.repeat.rate"), ("summary.avoidable_cost", "summary.avoidable.cost"),
            ("summary.csat", "summary.csat.rate"), ("summary.csat_mean", "summary.csat.mean"),
            ("summary.cost_total", "summary.cost.total"), ("summary.cost_per_contact", "summary.cost.per_contact"),
            ("summary.coverage", "summary.classification.coverage"), ("summary.top_customer_share", "summary.top_customer_share"),
            ("input.rows_read", "input.rows_read"), ("definitions.repeat_window_days", "definitions.repeat_window_days"),
        ]
        for (sheetKey, jsonPath) in expected {
            let value = try #require(report.double(jsonPath), "\(jsonPath)")
            #expect(figures[sheetKey].flatMap(Double.init) == value, "\(sheetKey): \(figures[sheetKey] ?? "-") vs \(value)")
        }
        // Instants are dates (the sample's zone is UTC): `2026-01-05T05:10:14Z` shows 2026-01-05 05:10:14.
        #expect(report.string("range.from") == "2026-01-05T05:10:14Z")
        #expect(figures["range.from"] == "2026-01-05 05:10:14")
        #expect(figures["definitions.currency"] == "EUR")
        // Channel switches and emerging causes as in JSON.
        let switches = try #require(workbook["channel_switches"])
        #expect(switches.rows.map { $0[3] } == report.objects("channel_switches").map { "\(($0["count"] as? Int) ?? -1)" })
    }

    @Test func standardOutputThatIsNotATerminalGetsTheSameWorkbook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try BinaryRunner.run(["report", "-f", "xlsx", "-o", directory.path("a.xlsx"), Self.sample])
        let piped = try BinaryRunner.run(["report", "-f", "xlsx", Self.sample])
        #expect(file.status == 0 && piped.status == 0, "\(piped.stderr)")
        let bytes = try #require(directory.contents("a.xlsx"))
        #expect(piped.stdoutBytes == bytes)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    /// On a terminal (a pseudo-terminal here) the workbook is refused before any reading, with a usage error.
    @Test func terminalIsRefused() throws {
        // posix_openpt and friends are not in Swift's Glibc module: looked up in the C library by name.
        let library = dlopen(nil, RTLD_NOW)
        func function<F>(_ name: String, as type: F.Type) throws -> F {
            unsafeBitCast(try #require(dlsym(library, name), "\(name)"), to: type)
        }
        typealias Call = @convention(c) (Int32) -> Int32
        let openTerminal = try function("posix_openpt", as: Call.self)
        let grant = try function("grantpt", as: Call.self)
        let unlock = try function("unlockpt", as: Call.self)
        let terminalName = try function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        let master = openTerminal(O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        try #require(grant(master) == 0 && unlock(master) == 0)
        let name = try #require(terminalName(master).map { String(cString: $0) })
        let terminal = try #require(FileHandle(forWritingAtPath: name))
        #expect(isatty(terminal.fileDescriptor) == 1)
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["report", "-f", "xlsx", Self.sample]
        process.standardOutput = terminal
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        try terminal.close()
        // Drain the terminal, so a (wrong) workbook written to it cannot block the process.
        let drained = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(master, &buffer, buffer.count) > 0 {}
        }
        drained.start()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(message.contains("--format xlsx writes a binary file, not for a terminal: give -o report.xlsx, "
                                 + "or redirect standard output to a file"), "\(message)")
    }

    @Test func outputDirectoryIsForCSVOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try BinaryRunner.run(["report", "-f", "xlsx", "--output-dir", directory.path("out"), Self.sample])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--output-dir goes with --format csv"), "\(output.stderr)")
    }
}
