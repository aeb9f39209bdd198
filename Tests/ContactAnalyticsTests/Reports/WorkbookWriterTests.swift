import Foundation
import Testing
@testable import ContactAnalytics

/// The `.xlsx` writer (issue 21 item 4), read back by contactstat's own workbook reader.
@Suite("xlsx writer")
struct WorkbookWriterTests {
    static let sheets = [
        WorkbookSheet(name: "Summary", header: ["metric", "value"], rows: [
            [.text("contacts"), .integer(1234)],
            [.text("avoidable share"), .percent(0.125)],
            [.text("cost"), .money(844.8, currency: "EUR")],
            [.text("median handle time"), .duration(143)],
            [.text("first contact"), .dateTime(year: 2021, month: 1, day: 1, hour: 9, minute: 12, second: 58)],
            [.text("=1+1 stays text"), .decimal(2.5)],
            [.text("a <tag> & \"quote\""), .empty],
        ]),
        WorkbookSheet(name: "Causes: top/all", header: ["cause"], rows: [[.text("billing/unclear-invoice")]]),
        WorkbookSheet(name: "causes: TOP/ALL", header: ["x"], rows: []),
    ]

    static func readBack(_ bytes: [UInt8], sheet: String? = nil) throws -> (header: [String], rows: [[String]]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cs-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("w.xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var reader = try XLSXReader(path: path, sheet: sheet)
        return (reader.header, try InputTestSupport.readAll(&reader).map(\.strings))
    }

    @Test func cellsReadBackAsTheirValues() throws {
        let (header, rows) = try Self.readBack(WorkbookWriter.workbook(Self.sheets))
        #expect(header == ["metric", "value"])
        #expect(rows == [
            ["contacts", "1234"],
            ["avoidable share", "0.125"],
            ["cost", "844.8"],
            // 143 s as a day fraction with [h]:mm:ss
            ["median handle time", "00:02:23"],
            ["first contact", "2021-01-01 09:12:58"],
            ["=1+1 stays text", "2.5"],
            ["a <tag> & \"quote\"", ""],
        ])
    }

    @Test func sheetNamesAreMadeValidAndUnique() throws {
        #expect(WorkbookWriter.uniqueNames(["Causes: top/all", "causes: TOP/ALL", String(repeating: "x", count: 40)])
                == ["Causes- top-all", "causes- TOP-ALL (2)", String(repeating: "x", count: 31)])
        let (header, rows) = try Self.readBack(WorkbookWriter.workbook(Self.sheets), sheet: "Causes- top-all")
        #expect(header == ["cause"])
        #expect(rows == [["billing/unclear-invoice"]])
    }

    @Test func sameSheetsSameBytes() {
        #expect(WorkbookWriter.workbook(Self.sheets) == WorkbookWriter.workbook(Self.sheets))
    }

    @Test(arguments: [(0, 1, "A1"), (25, 2, "Z2"), (26, 3, "AA3"), (701, 1, "ZZ1"), (702, 1, "AAA1")])
    func cellReferences(_ column: Int, _ row: Int, _ reference: String) {
        #expect(WorkbookWriter.reference(column, row) == reference)
    }

    @Test func noFormulaAndNoControlCharacters() throws {
        let bytes = WorkbookWriter.workbook([WorkbookSheet(name: "S", header: ["a"], rows: [[.text("=HYPERLINK(\"x\")\u{1}")]])])
        // The members are stored, so the sheet's XML is in the bytes as written.
        let text = String(decoding: bytes, as: UTF8.self)
        let start = try #require(text.range(of: "<sheetData>"))
        let end = try #require(text.range(of: "</sheetData>"))
        let data = text[start.upperBound..<end.lowerBound]
        #expect(data.contains("=HYPERLINK"))
        #expect(!data.contains("<f>"))
        #expect(!data.contains("\u{1}"))
        #expect(try Self.readBack(bytes).rows == [["=HYPERLINK(\"x\")\u{FFFD}"]])
    }
}
