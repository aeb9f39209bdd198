import Testing
@testable import ContactAnalytics

@Suite struct CSVReportRendererTests {
    struct Variant: Sendable, CustomTestStringConvertible {
        var options: CSVOutputOptions
        var delimiter: UInt8
        var decimal: String
        var testDescription: String {
            "delimiter \(Character(Unicode.Scalar(delimiter))) decimal '\(decimal)' bom \(options.byteOrderMark)"
        }
    }

    static let variants: [Variant] = [
        Variant(options: CSVOutputOptions(), delimiter: UInt8(ascii: ","), decimal: "."),
        Variant(options: CSVOutputOptions(delimiter: UInt8(ascii: ";")), delimiter: UInt8(ascii: ";"), decimal: "."),
        Variant(options: CSVOutputOptions(delimiter: 0x09), delimiter: 0x09, decimal: "."),
        Variant(options: CSVOutputOptions(delimiter: UInt8(ascii: "|")), delimiter: UInt8(ascii: "|"), decimal: "."),
        Variant(options: CSVOutputOptions(decimalComma: true), delimiter: UInt8(ascii: ";"), decimal: ","),
        Variant(options: CSVOutputOptions(delimiter: UInt8(ascii: ","), decimalComma: true), delimiter: UInt8(ascii: ","), decimal: ","),
        Variant(options: CSVOutputOptions(delimiter: 0x09, decimalComma: true, byteOrderMark: true), delimiter: 0x09, decimal: ","),
        Variant(options: CSVOutputOptions(byteOrderMark: true), delimiter: UInt8(ascii: ","), decimal: "."),
        Variant(options: CSVOutputOptions(preset: .excelCommaDecimal), delimiter: UInt8(ascii: ";"), decimal: ","),
        Variant(options: CSVOutputOptions(preset: .excel), delimiter: UInt8(ascii: ","), decimal: "."),
    ]

    static func renderer(_ options: CSVOutputOptions) -> CSVReportRenderer {
        CSVReportRenderer(options: ReportRenderOptions(csv: options))
    }

    /// Looks a value up in tidy rows.
    static func value(_ rows: [[String]], _ section: String, _ key: String, _ metric: String) -> String? {
        rows.first { $0.count == 5 && $0[0] == section && $0[2] == key && $0[3] == metric }?[4]
    }

    @Test(arguments: variants)
    func tidyTableReadsBack(variant: Variant) throws {
        let bytes = Self.renderer(variant.options).renderBytes(ReportFixture.report)
        let (rows, bom) = try RFC4180TestReader.read(bytes, delimiter: variant.delimiter)
        #expect(bom == variant.options.byteOrderMark)
        #expect(rows.first == ["section", "dimension", "key", "metric", "value"])
        for row in rows { #expect(row.count == 5, "row \(row)") }
        let sections = Set(rows.dropFirst().map { $0[0] })
        #expect(sections == ["input", "range", "definitions", "summary", "channels", "causes", "processes", "periods",
                             "channel_switches", "cause_groups", "queues", "agents", "emerging_causes", "arrivals"])
        let d = variant.decimal
        #expect(Self.value(rows, "summary", "", "fcr") == "0\(d)7244")             // 652 / 900
        #expect(Self.value(rows, "summary", "", "contacts") == "1240")
        #expect(Self.value(rows, "summary", "", "cost_total") == "10295\(d)50")
        #expect(Self.value(rows, "summary", "", "avoidable_cost") == "6446\(d)70")
        #expect(Self.value(rows, "input", "", "rows_rejected") == "9")
        #expect(Self.value(rows, "range", "", "from") == "2026-02-02T09:12:00+02:00")
        #expect(Self.value(rows, "causes", "delivery/where-is-my-order", "process") == "Logistics")
        #expect(Self.value(rows, "causes", "billing/invoice|vat", "name") == "Invoice copy | VAT")
        #expect(Self.value(rows, "causes", ReportFixture.scriptCause, "cost_total") == "402\(d)00")
        // Empty denominators are empty cells.
        #expect(Self.value(rows, "causes", ReportFixture.scriptCause, "fcr") == "")
        #expect(Self.value(rows, "channels", "social", "csat") == "")
        #expect(Self.value(rows, "periods", "2026-W09", "fcr") == "")
        // Negative numbers stay numbers (no formula guard on them).
        #expect(Self.value(rows, "periods", "2026-W08", "change_fcr") == "-0\(d)0719")
        #expect(Self.value(rows, "periods", "2026-W09", "contacts_chat") == "85")
        #expect(Self.value(rows, "channel_switches", "phone->email", "count") == "14")
        #expect(Self.value(rows, "emerging_causes", ReportFixture.scriptCause, "growth") == "")
        // The formula guard keeps the queue name as text.
        #expect(Self.value(rows, "queues", "'=HYPERLINK(\"x\")", "contacts") == "40")
        #expect(!rows.contains { $0.contains { $0.hasPrefix("=") } })
        #expect(Self.value(rows, "definitions", "", "cost_model.chat.default_handle_minutes") == "7\(d)5")
        // Text is never localised: the cause name keeps its characters; dates keep their dots-free form.
        #expect(Self.value(rows, "definitions", "", "data_end") == "2026-03-01T19:40:00Z")
    }

    @Test(arguments: variants)
    func sectionFilesReadBack(variant: Variant) throws {
        let files = Self.renderer(variant.options).renderFiles(ReportFixture.report)
        #expect(files.map(\.fileName) == ["summary.csv", "channels.csv", "causes.csv", "processes.csv", "periods.csv",
                                          "channel_switches.csv", "cause_groups.csv", "queues.csv", "agents.csv",
                                          "emerging_causes.csv", "priorities.csv", "arrivals.csv", "savings.csv",
                                          "languages.csv", "fcr_definitions.csv", "staffing.csv", "phone_hours.csv"])
        var tables: [String: [[String]]] = [:]
        for file in files {
            let (rows, bom) = try RFC4180TestReader.read(file.bytes, delimiter: variant.delimiter)
            #expect(bom == variant.options.byteOrderMark, "\(file.fileName)")
            let width = rows.first?.count ?? 0
            for row in rows { #expect(row.count == width, "\(file.fileName): \(row)") }
            tables[file.fileName] = rows
        }
        let report = ReportFixture.report
        #expect(tables["channels.csv"]?.count == report.channels.count + 1)
        #expect(tables["causes.csv"]?.count == report.causes.count + 1)
        #expect(tables["processes.csv"]?.count == report.processes.count + 1)
        #expect(tables["periods.csv"]?.count == report.periods.count + 1)
        #expect(tables["channel_switches.csv"]?.count == report.channelSwitches.count + 1)
        #expect(tables["agents.csv"]?.count == report.agents.count + 1)
        let d = variant.decimal
        let summary = try #require(tables["summary.csv"])
        #expect(summary.first == ["section", "metric", "value"])
        #expect(summary.contains(["summary", "fcr", "0\(d)7244"]))
        #expect(summary.contains(["summary", "top_customer_share", "0\(d)05"]))
        let causes = try #require(tables["causes.csv"])
        let header = try #require(causes.first)
        #expect(Array(header.prefix(5)) == ["cause", "name", "process", "avoidable_cause", "contacts"])
        let fcrColumn = try #require(header.firstIndex(of: "fcr"))
        #expect(causes[1][0] == "delivery/where-is-my-order")
        #expect(causes[1][fcrColumn] == "0\(d)6957")                              // 160 / 230
        #expect(causes.last?[fcrColumn] == "")
        #expect(causes.last?[0] == ReportFixture.scriptCause)
        let periods = try #require(tables["periods.csv"])
        #expect(periods.first?.contains("contacts_social") == true)
        let queues = try #require(tables["queues.csv"])
        #expect(queues.last?.first == "'=HYPERLINK(\"x\")")
        let processes = try #require(tables["processes.csv"])
        #expect(processes.map { $0[0] } == ["process", "Logistics", "Billing", "Accounts"])
    }

    @Test func emptyReportHasEmptyCellsNotZeros() throws {
        let bytes = Self.renderer(CSVOutputOptions()).renderBytes(ReportFixture.empty)
        let (rows, _) = try RFC4180TestReader.read(bytes, delimiter: UInt8(ascii: ","))
        #expect(Self.value(rows, "summary", "", "fcr") == "")
        #expect(Self.value(rows, "summary", "", "cost_per_contact") == "")
        #expect(Self.value(rows, "summary", "", "contacts") == "0")
        #expect(Self.value(rows, "range", "", "from") == "")
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        #expect(!text.contains("nan"))
        #expect(!text.contains("inf"))
        let files = Self.renderer(CSVOutputOptions()).renderFiles(ReportFixture.empty)
        for file in files where file.fileName != "summary.csv" {
            let (fileRows, _) = try RFC4180TestReader.read(file.bytes, delimiter: UInt8(ascii: ","))
            #expect(fileRows.count == 1, "\(file.fileName) has only its header")
        }
    }

    @Test func inputTextIsGuardedButNeverLocalised() throws {
        var report = ReportFixture.empty
        report.input.files = ["=cmd|' /C calc'!A0", "+1.5 report.csv", "-2", "@SUM(A1)", "weird.name,1.5.csv"]
        let options = CSVOutputOptions(decimalComma: true)
        let (rows, _) = try RFC4180TestReader.read(Self.renderer(options).renderBytes(report), delimiter: UInt8(ascii: ";"))
        let files = rows.filter { $0[0] == "input" && $0[3] == "file" }.map { $0[4] }
        // "-2" is a plain number, which a spreadsheet shows as itself: not guarded.
        #expect(files == ["'=cmd|' /C calc'!A0", "'+1.5 report.csv", "-2", "'@SUM(A1)", "weird.name,1.5.csv"])
    }

    @Test(arguments: [("tab", UInt8(0x09)), ("\\t", 0x09), (";", UInt8(ascii: ";")), ("semicolon", UInt8(ascii: ";")),
                      ("|", UInt8(ascii: "|")), ("comma", UInt8(ascii: ","))])
    func parsesDelimiters(text: String, expected: UInt8) {
        #expect(CSVOutputOptions.parseDelimiter(text) == expected)
    }

    @Test(arguments: ["\"", "", ";;", "é", "\n"])
    func refusesDelimiters(text: String) {
        #expect(CSVOutputOptions.parseDelimiter(text) == nil)
    }

    @Test func decimalCommaDefaultsToSemicolon() {
        #expect(CSVOutputOptions(decimalComma: true).effectiveDelimiter == UInt8(ascii: ";"))
        #expect(CSVOutputOptions().effectiveDelimiter == UInt8(ascii: ","))
        #expect(CSVOutputOptions(delimiter: UInt8(ascii: ","), decimalComma: true).effectiveDelimiter == UInt8(ascii: ","))
        #expect(CSVOutputOptions(preset: .excelCommaDecimal)
            == CSVOutputOptions(delimiter: UInt8(ascii: ";"), decimalComma: true, byteOrderMark: true))
        #expect(SpreadsheetPreset(rawValue: "excel-comma-decimal") == .excelCommaDecimal)
    }
}
