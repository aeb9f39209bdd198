import Foundation
import Testing

/// Excel workbooks read directly, end to end (issue 21 item 1): a workbook saved by Excel gives the report of
/// the CSV LibreOffice makes of it, and real exports saved as `.xlsx` by LibreOffice give their CSV's report.
@Suite("xlsx input, through the binary")
struct SpreadsheetInputTests {
    @Test(arguments: [
        ("spreadsheets/call-centre-trends-excel.xlsx", "spreadsheets/call-centre-trends-excel.libreoffice.csv", 300),
        ("spreadsheets/boston311-2022-01-libreoffice.xlsx", "real/boston311-2022-01.csv", 89),  // Fixtures/real/expected.json
        ("spreadsheets/call-centre-trends-2021-libreoffice.xlsx", "real/call-centre-trends-2021.csv", 500),
    ])
    func workbookGivesTheReportOfItsCSV(_ workbook: String, _ csv: String, _ contacts: Int) throws {
        let fromCSV = try CompressedInputTests.reportWithoutFileNames([BinaryRunner.fixture(csv)])
        let fromWorkbook = try CompressedInputTests.reportWithoutFileNames([BinaryRunner.fixture(workbook)])
        #expect(NSDictionary(dictionary: fromWorkbook) == NSDictionary(dictionary: fromCSV))
        #expect((fromWorkbook["input"] as? [String: Any])?["contacts_read"] as? Int == contacts)
    }

    @Test func validateNamesTheSheet() throws {
        let output = try BinaryRunner.run(["validate", BinaryRunner.fixture("spreadsheets/call-centre-trends-excel.xlsx")])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("call-centre-trends-excel.xlsx: xlsx, sheet 'Sheet1', 10 columns"), "\(output.stdout)")
        #expect(output.stdout.contains("rows 300: mapped 300"), "\(output.stdout)")
    }

    @Test func sheetOption() throws {
        let path = BinaryRunner.fixture("spreadsheets/call-centre-trends-excel.xlsx")
        let chosen = try BinaryRunner.run(["validate", "--sheet", "sheet1", path])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let missing = try BinaryRunner.run(["report", "--sheet", "Calls", path])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("call-centre-trends-excel.xlsx: has no sheet 'Calls'; its sheets: 'Sheet1'"),
                "\(missing.stderr)")
    }

    @Test func damagedOrForeignZipIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: BinaryRunner.fixture("spreadsheets/call-centre-trends-excel.xlsx")))
        let cut = directory.path("cut.xlsx")
        try data.prefix(20_000).write(to: URL(fileURLWithPath: cut))
        let output = try BinaryRunner.run(["report", cut])
        #expect(output.status == 65)
        #expect(output.stderr.contains("cut.xlsx: is not a complete zip archive (no central directory; cut short?)"),
                "\(output.stderr)")
        // A damaged sheet: one byte of the compressed sheet changed.
        var damaged = data
        let sheetOffset = try #require(data.range(of: Data("xl/worksheets/sheet1.xml".utf8))).upperBound + 200
        damaged[sheetOffset] ^= 0x55
        let damagedPath = directory.path("damaged.xlsx")
        try damaged.write(to: URL(fileURLWithPath: damagedPath))
        let refused = try BinaryRunner.run(["report", damagedPath])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("damaged.xlsx (xl/worksheets/sheet1.xml)"), "\(refused.stderr)")
    }
}
