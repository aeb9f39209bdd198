import Foundation
import Testing
@testable import ContactAnalytics

/// Workbooks found by fuzzing the xlsx reader (`Scripts/fuzz.sh xlsx`), or made after what it found: each is a
/// clear error or a bounded result, never a crash, a hang or a runaway allocation.
@Suite("Reliability: workbooks from fuzzing")
struct WorkbookFuzzFindingTests {
    /// A one-sheet workbook (stored members, as `WorkbookWriter` writes them) whose sheet's rows are `rows`.
    static func workbook(rows: String) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", Array(#"<workbook xmlns:r="r"><sheets><sheet name="Calls" r:id="rId1"/></sheets></workbook>"#.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8))
        zip.add("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8))
        return zip.finished()
    }

    static let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Opened</t></is></c><c r="B1" t="inlineStr"><is><t>Subject</t></is></c></row>"#

    /// A cell reference of more letters than an `Int` holds in base 26 trapped on overflow (20 letters:
    /// 26^20 > 2^63); one beyond XFD but within an `Int` (`ZZZZZ`, column 12,356,630) filled a row of 12 million
    /// empty fields (58 s, 544 MB). Both are now refused: a sheet ends at XFD.
    @Test(arguments: [String(repeating: "A", count: 20), String(repeating: "Z", count: 40), "ZZZZZ", "XFE"])
    func cellBeyondColumnXFDIsRefused(_ letters: String) throws {
        let workspace = try ReliabilityWorkspace("xlsx-columns")
        defer { workspace.remove() }
        let path = try workspace.write("wide.xlsx", Self.workbook(rows: Self.header
            + #"<row r="2"><c r="A2"><v>1</v></c><c r="\#(letters)2"><v>2</v></c></row>"#))
        let error = HostileInputTests.error(HostileInputTests.readAll(path))
        #expect(error == ContactStatError(.dataFormat, "Calls!\(letters)2: the cell lies beyond column XFD, the last column of a sheet",
                                          at: path))
    }

    @Test func columnIndexSaturatesInsteadOfOverflowing() {
        #expect(XLSXReader.columnIndex("XFD1") == 16_383)
        #expect(XLSXReader.columnIndex("XFE1") == 16_384)
        #expect(XLSXReader.columnIndex(String(repeating: "Z", count: 100)) == XLSXReader.sheetColumns)
        #expect(XLSXReader.columnIndex("1") == nil)
    }

    /// Within XFD a row is bounded by `maxFields`, as a CSV record is: the last column allowed is read, one more
    /// is refused, and so is a row of too many cells without references.
    @Test func rowWiderThanMaxFieldsIsRefused() throws {
        let workspace = try ReliabilityWorkspace("xlsx-fields")
        defer { workspace.remove() }
        let options = ReaderOptions(limits: ReaderLimits(maxFields: 30))
        let fits = try workspace.write("fits.xlsx", Self.workbook(rows: Self.header + #"<row r="2"><c r="AD2"><v>7</v></c></row>"#))
        guard case .success(let rows) = HostileInputTests.readAll(fits, options: options) else {
            Issue.record("column AD (the 30th) is within 30 fields")
            return
        }
        #expect(rows.last?.count == 30 && rows.last?.last == "7")
        let wide = try workspace.write("wide.xlsx", Self.workbook(rows: Self.header + #"<row r="2"><c r="AE2"><v>7</v></c></row>"#))
        #expect(HostileInputTests.error(HostileInputTests.readAll(wide, options: options))
                == ContactStatError(.dataFormat, "Calls!AE2: the row has more than 30 columns", at: wide))
        let unreferenced = try workspace.write("many.xlsx", Self.workbook(
            rows: Self.header + "<row>" + String(repeating: "<c><v>1</v></c>", count: 31) + "</row>"))
        #expect(HostileInputTests.error(HostileInputTests.readAll(unreferenced, options: options))
                == ContactStatError(.dataFormat, "Calls!row 2: the row has more than 30 columns", at: unreferenced))
    }
}
