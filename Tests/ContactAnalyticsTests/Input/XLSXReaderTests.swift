import Testing
@testable import ContactAnalytics

/// The Excel workbook reader (issue 21 item 1): cell references, number formats, serial dates, the XML
/// scanner, and workbooks saved by Excel and by LibreOffice (`Fixtures/spreadsheets`).
@Suite("xlsx input")
struct XLSXReaderTests {
    static func fixture(_ name: String) -> String {
        InputTestSupport.fixturePath("../spreadsheets/" + name)
    }

    @Test(arguments: [("A1", 0), ("Z9", 25), ("AA10", 26), ("AZ1", 51), ("BA1", 52), ("XFD1048576", 16_383), ("b2", 1)])
    func columnIndexOfACellReference(_ reference: String, _ index: Int) {
        #expect(XLSXReader.columnIndex(reference) == index)
    }

    @Test func referenceWithoutLettersHasNoColumn() {
        #expect(XLSXReader.columnIndex("17") == nil)
    }

    @Test(arguments: [
        (#"yyyy\-mm\-dd\ hh:mm:ss"#, CellNumberFormat.dateTime),  // LibreOffice's ISO date and time
        (#"d\.m\.yyyy"#, .date), ("mmm d", .date), ("dd/mm/yy", .date),
        (#"hh:mm:ss\ AM/PM"#, .time), ("h:mm AM/PM", .time), ("[h]:mm:ss", .time), ("mm:ss", .time),
        ("m/d/yyyy h:mm", .dateTime), (#"[$-40B]d\.m\.yyyy"#, .date),
        ("General", .number), ("#,##0.00", .number), ("0%", .number), ("[Red]0.00", .number),
        (#""m"0"#, .number), ("0.00;[Red]-0.00", .number),
    ])
    func customFormatCodes(_ code: String, _ kind: CellNumberFormat) {
        #expect(CellNumberFormat.custom(code) == kind)
    }

    @Test func builtInFormatIds() {
        #expect(CellNumberFormat.builtIn(0) == .number)
        #expect(CellNumberFormat.builtIn(14) == .date)
        #expect(CellNumberFormat.builtIn(22) == .dateTime)
        #expect(CellNumberFormat.builtIn(21) == .time)
        #expect(CellNumberFormat.builtIn(46) == .time)
        #expect(CellNumberFormat.builtIn(49) == .number)
    }

    @Test(arguments: [
        ("44582.5743055556", CellNumberFormat.dateTime, false, "2022-01-21 13:47:00"),  // as LibreOffice saves
        ("43831", .date, false, "2020-01-01"),
        ("43831.5", .date, false, "2020-01-01 12:00:00"),
        ("1", .date, false, "1900-01-01"),
        ("59", .date, false, "1900-02-28"),
        ("61", .date, false, "1900-03-01"),
        ("0", .date, true, "1904-01-01"),
        ("42365.25", .dateTime, true, "2019-12-28 06:00:00"),  // 1,462 days after the 1900 system's
        ("0.38400462962962961", .time, false, "09:12:58"),  // as Excel saves 09:12:58
        ("1.6550925925925926E-3", .time, false, "00:02:23"),  // a duration of 143 s
        ("0.5", .dateTime, false, "12:00:00"),
    ])
    func serialDates(_ serial: String, _ format: CellNumberFormat, _ date1904: Bool, _ expected: String) {
        #expect(SpreadsheetSerialDate.text(serial, format: format, date1904: date1904) == expected)
    }

    @Test func notADateSerial() {
        #expect(SpreadsheetSerialDate.text("-1", format: .date, date1904: false) == nil)
        #expect(SpreadsheetSerialDate.text("abc", format: .date, date1904: false) == nil)
        #expect(SpreadsheetSerialDate.text("3000000", format: .date, date1904: false) == nil)
    }

    @Test(arguments: [1, 2, 7, 4096])
    func xmlScannerEventsAtAnyChunkSize(_ chunkSize: Int) throws {
        let xml = #"<?xml version="1.0"?><!-- a > comment --><x:row r="2" a='1>2'><c t="s"><v>A &amp; B &lt;&#228;&#x20AC;&unknown;</v></c>"#
            + #"<c/><![CDATA[<raw> & text]]></x:row>"#
        var scanner = XMLScanner(source: ByteChunkSource(bytes: Array(xml.utf8), name: "part", chunkSize: chunkSize))
        var events: [XMLScanner.Event] = []
        while let event = try scanner.next() { events.append(event) }
        #expect(events == [
            .start(name: "row", attributes: ["r": "2", "a": "1>2"], selfClosing: false),
            .start(name: "c", attributes: ["t": "s"], selfClosing: false),
            .start(name: "v", attributes: [:], selfClosing: false),
            .text("A & B <ä€&unknown;"),
            .end(name: "v"), .end(name: "c"),
            .start(name: "c", attributes: [:], selfClosing: true),
            .text("<raw> & text"),
            .end(name: "row"),
        ])
    }

    @Test(arguments: [("<a b=\"1", "ends inside a tag"), ("<a b=1>", "has an unquoted attribute value in <a>"),
                      ("<![CDATA[x", "ends inside CDATA"), ("<!-- x", "ends inside markup")])
    func malformedXMLIsRefused(_ xml: String, _ what: String) {
        var scanner = XMLScanner(source: ByteChunkSource(bytes: Array(xml.utf8), name: "part"))
        let error = InputTestSupport.contactStatError { while try scanner.next() != nil {} }
        #expect(error == ContactStatError(.dataFormat, "is not well-formed XML: it " + what, at: "part"))
    }

    @Test func excelWorkbookReadsAsExcelShowsIt() throws {
        var reader = try XLSXReader(path: Self.fixture("call-centre-trends-excel.xlsx"), displayName: "w.xlsx")
        #expect(reader.sheetName == "Sheet1")
        #expect(reader.header == ["Call Id", "Agent", "Date", "Time", "Topic", "Answered (Y/N)", "Resolved",
                                  "Speed of answer in seconds", "AvgTalkDuration", "Satisfaction rating"])
        let records = try InputTestSupport.readAll(&reader)
        #expect(records.count == 300)
        #expect(records.first?.line == 2)
        #expect(records.last?.line == 301)
        // Times of day and durations saved by Excel as fractions of a day with format 21 (h:mm:ss).
        #expect(records.first?.strings == ["ID0001", "agent-0fd9", "2021-01-01", "09:12:58", "Contract related", "Y",
                                           "Y", "109", "00:02:23", "3"])
    }

    @Test func libreOfficeWorkbookWithDateTimes() throws {
        var reader = try XLSXReader(path: Self.fixture("boston311-2022-01-libreoffice.xlsx"))
        let records = try InputTestSupport.readAll(&reader)
        #expect(reader.header.prefix(3) == ["case_enquiry_id", "open_dt", "target_dt"])
        #expect(records.count == 100)
        #expect(records.first?.strings.prefix(3) == ["101004143000", "2022-01-21 13:47:00", "2022-02-04 13:47:30"])
    }

    @Test func aSheetTheWorkbookLacks() {
        let error = InputTestSupport.contactStatError {
            _ = try XLSXReader(path: Self.fixture("call-centre-trends-excel.xlsx"), displayName: "w.xlsx", sheet: "Calls")
        }
        #expect(error == ContactStatError(.usage, "has no sheet 'Calls'; its sheets: 'Sheet1'", at: "w.xlsx"))
    }
}
