import Foundation
import Testing
@testable import ContactAnalytics

/// `report --format xlsx` (issue 21 item 4): the sheets' typed cells as a golden, and the workbook read back by
/// contactstat's own reader.
@Suite("xlsx report")
struct XLSXReportRendererTests {
    /// The sheets as text, one line a row, cells tab-separated and tagged with their type: `int:314` an
    /// integer, `pct:0.734` a percentage (shown 73.4%), `EUR:567.91` money, `dur:535.8642` a duration in
    /// seconds, `dec:3.807` a decimal, `date:2026-02-02 00:00:00` a date and time, `"text"` text.
    static func dump(_ sheets: [WorkbookSheet]) -> String {
        var text = ""
        for sheet in sheets {
            text += "== \(sheet.name)\n" + sheet.header.joined(separator: "\t") + "\n"
            for row in sheet.rows {
                text += row.map { cell in
                    switch cell {
                    case .text(let value): "\"\(value)\""
                    case .integer(let value): "int:\(value)"
                    case .decimal(let value): "dec:\(value)"
                    case .percent(let value): "pct:\(value)"
                    case .money(let value, let currency): "\(currency):\(value)"
                    case .duration(let value): "dur:\(value)"
                    case .dateTime(let year, let month, let day, let hour, let minute, let second):
                        String(format: "date:%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
                    case .empty: ""
                    }
                }.joined(separator: "\t") + "\n"
            }
        }
        return text
    }

    @Test(arguments: ["report", "empty"])
    func sheetsMatchGolden(fixture: String) {
        let report = fixture == "empty" ? ReportFixture.empty : ReportFixture.report
        GoldenFile.assertGolden(Self.dump(XLSXReportRenderer().sheets(report)), named: "\(fixture).xlsx.txt")
    }

    @Test func formatWritesTheWorkbook() {
        let bytes = ReportFormat.xlsx.render(ReportFixture.report, options: ReportRenderOptions())
        #expect(bytes == WorkbookWriter.workbook(XLSXReportRenderer().sheets(ReportFixture.report)))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(ReportFormat.xlsx.isBinary && ReportFormat.xlsx.fileExtension == "xlsx")
        #expect(ReportFormat.allCases.filter(\.isBinary) == [.xlsx])
        #expect(ReportFormat.xlsx.renderer(options: ReportRenderOptions()) == nil)
    }

    /// Read back by `XLSXReader`: every sheet, its header and its cells as a spreadsheet shows them (numbers as
    /// saved, a date in the report's zone, Helsinki: UTC+2 in February, a duration as `[h]:mm:ss`).
    @Test func workbookReadsBack() throws {
        let bytes = ReportFormat.xlsx.render(ReportFixture.report, options: ReportRenderOptions())
        let sheets = XLSXReportRenderer().sheets(ReportFixture.report)
        for sheet in sheets where !sheet.rows.isEmpty {
            let (header, rows) = try WorkbookWriterTests.readBack(bytes, sheet: sheet.name)
            #expect(header == sheet.header, "\(sheet.name)")
            #expect(rows.count == sheet.rows.count, "\(sheet.name)")
        }
        let summary = try WorkbookWriterTests.readBack(bytes, sheet: "summary").rows
        let byMetric = Dictionary(summary.map { ($0[0] + "." + $0[1], $0[2]) }, uniquingKeysWith: { first, _ in first })
        let csv = try RFC4180TestReader.read(CSVReportRenderer().renderBytes(ReportFixture.report), delimiter: UInt8(ascii: ",")).rows
        let csvSummary = Dictionary(csv.map { ($0[0] + "." + $0[3], $0[4]) }, uniquingKeysWith: { first, _ in first })
        for key in ["summary.contacts", "summary.fcr", "summary.cost_total", "summary.avoidable_cost",
                    "summary.csat_mean", "input.rows_read"] {
            let value = try #require(byMetric[key], "\(key)")
            #expect(Double(value) == Double(csvSummary[key] ?? "x"), "\(key): \(value) vs CSV \(csvSummary[key] ?? "-")")
        }
        // The handle time's mean in seconds, shown as [h]:mm:ss to the second.
        let mean = try #require(Double(csvSummary["summary.handle_time_mean_seconds"] ?? ""))
        let shown = try #require(byMetric["summary.handle_time_mean_seconds"]).split(separator: ":").compactMap { Int($0) }
        #expect(shown.count == 3 && abs(Double(shown[0] * 3600 + shown[1] * 60 + shown[2]) - mean) <= 0.5)
        let periods = try WorkbookWriterTests.readBack(bytes, sheet: "periods")
        let start = try #require(periods.header.firstIndex(of: "start"))
        #expect(periods.rows.first?[start] == "2026-02-02 00:00:00")
        #expect(csv.contains { $0[0] == "periods" && $0[3] == "start" && $0[4] == "2026-02-02T00:00:00+02:00" })
    }
}
