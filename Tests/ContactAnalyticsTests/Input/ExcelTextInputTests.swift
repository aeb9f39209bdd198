import Testing
@testable import ContactAnalytics

/// Excel's CSV habits (issue 21 item 5): a first line `sep=;`, and "Unicode text" (UTF-16 with a byte-order
/// mark, tab-separated).
@Suite("Excel's separator line and UTF-16 text")
struct ExcelTextInputTests {
    static func records(_ bytes: [UInt8], chunkSize: Int = ByteChunkSource.defaultChunkSize) throws
    -> (header: [String], rows: [[String]], lines: [Int]) {
        var reader = try InputOpener.open(source: ByteChunkSource(bytes: bytes, name: "x.csv", chunkSize: chunkSize))
        let records = try InputTestSupport.readAll(&reader)
        return (reader.header, records.map(\.strings), records.map(\.line))
    }

    static func utf16(_ text: String, littleEndian: Bool = true) -> [UInt8] {
        var bytes = littleEndian ? UTF16Transcoder.littleEndianMark : UTF16Transcoder.bigEndianMark
        for unit in text.utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        return bytes
    }

    // MARK: sep=

    @Test(arguments: ["sep=;\n", "sep=;\r\n", "SEP=;\r\n", "\u{FEFF}sep=;\n"])
    func separatorLineNamesTheDelimiterAndIsNotTheHeader(_ first: String) throws {
        let text = first + "id;subject,with comma\n1;a,b\n2;c\n"
        let (header, rows, lines) = try Self.records(Array(text.utf8))
        #expect(header == ["id", "subject,with comma"])
        #expect(rows == [["1", "a,b"], ["2", "c"]])
        // Line numbers stay physical: the separator line is line 1, the header line 2.
        #expect(lines == [3, 4])
    }

    @Test func separatorLineWithTabAndPipe() throws {
        #expect(try Self.records(Array("sep=\t\na\tb\n1\t2\n".utf8)).rows == [["1", "2"]])
        #expect(try Self.records(Array("sep=|\na|b\n1|2\n".utf8)).rows == [["1", "2"]])
    }

    @Test func aFirstLineThatOnlyStartsLikeOneIsTheHeader() throws {
        let (header, rows, _) = try Self.records(Array("sep=;x,y\n1,2\n".utf8))
        #expect(header == ["sep=;x", "y"])
        #expect(rows == [["1", "2"]])
    }

    @Test func separatorLineNamingAnUnreadDelimiterIsRefused() {
        let error = InputTestSupport.contactStatError { _ = try Self.records(Array("sep=:\na:b\n".utf8)) }
        #expect(error == ContactStatError(.dataFormat, "the first line 'sep=:' names a delimiter contactstat does not "
                                          + "read; use , ; tab or |", at: "x.csv:1"))
    }

    // MARK: UTF-16

    @Test(arguments: [true, false], [1, 3, ByteChunkSource.defaultChunkSize])
    func utf16IsReadAsItsText(littleEndian: Bool, chunkSize: Int) throws {
        // ASCII, two-byte (ä, ö, å), three-byte (€) and four-byte (an emoji: a surrogate pair) characters.
        let text = "id\tsubject\r\n1\tLasku on väärä, 12 €\r\n2\tPaket försenat 📦 igen\r\n"
        let (header, rows, lines) = try Self.records(Self.utf16(text, littleEndian: littleEndian), chunkSize: chunkSize)
        #expect(header == ["id", "subject"])
        #expect(rows == [["1", "Lasku on väärä, 12 €"], ["2", "Paket försenat 📦 igen"]])
        #expect(lines == [2, 3])
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x41, 0x00, 0x42], "is UTF-16 but ends in half a UTF-16 code unit at byte 4"),
        ([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8], "is UTF-16 but ends inside a UTF-16 surrogate pair at byte 4"),
        ([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x41, 0x00], "is UTF-16 but has a lone UTF-16 high surrogate at byte 4"),
        ([0xFE, 0xFF, 0x00, 0x41, 0xDC, 0x00], "is UTF-16 but has a lone UTF-16 low surrogate at byte 4"),
    ] as [([UInt8], String)])
    func brokenUTF16IsRefusedWithItsOffset(_ bytes: [UInt8], _ message: String) {
        let error = InputTestSupport.contactStatError { _ = try Self.records(bytes) }
        #expect(error == ContactStatError(.dataFormat, message, at: "x.csv"))
    }

    @Test func excelUnicodeTextOfARealExportReadsAsItsCSV() throws {
        var plain = try InputOpener.open(path: InputTestSupport.fixturePath("../real/comcast-fcc-complaints.csv"))
        var unicode = try InputOpener.open(path: InputTestSupport.fixturePath("../excel/comcast-fcc-complaints-unicode-text.txt"))
        var separated = try InputOpener.open(path: InputTestSupport.fixturePath("../excel/comcast-fcc-complaints-sep-line.csv"))
        let expected = try InputTestSupport.readAll(&plain).map(\.strings)
        #expect(expected.count == 500)
        #expect(try InputTestSupport.readAll(&unicode).map(\.strings) == expected)
        #expect(try InputTestSupport.readAll(&separated).map(\.strings) == expected)
        #expect(unicode.header == plain.header)
        #expect(separated.header == plain.header)
    }
}
