import Testing
@testable import ContactAnalytics

/// Hand-computed expectations for the CSV reader (fields, lines, header, encoding, diagnostics).
@Suite("CSVReader behaviour")
struct CSVReaderTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var header: [String]
        var records: [[String]]
        var lines: [Int]

        var testDescription: String { name }
    }

    static let expectations: [Expectation] = [
        Expectation(name: "CRLF inside quotes", input: Array("a,b\r\n\"line1\r\nline2\",x\r\ny,z\r\n".utf8),
                    header: ["a", "b"], records: [["line1\r\nline2", "x"], ["y", "z"]], lines: [2, 4]),
        Expectation(name: "blank lines are skipped but counted", input: Array("a,b\n\n1,2\n\n\n3,4\n\n".utf8),
                    header: ["a", "b"], records: [["1", "2"], ["3", "4"]], lines: [3, 6]),
        Expectation(name: "stray quotes kept", input: Array("a,b\n5\" screen,x\nab\"c\"d,y\n".utf8),
                    header: ["a", "b"], records: [["5\" screen", "x"], ["ab\"c\"d", "y"]], lines: [2, 3]),
        Expectation(name: "text after a closing quote kept", input: Array("a,b\n\"ab\"cd,x\n\"q\"\"r\"s\"t,u\n".utf8),
                    header: ["a", "b"], records: [["abcd", "x"], ["q\"rs\"t", "u"]], lines: [2, 3]),
        Expectation(name: "byte-order mark and padded names", input: Array("\u{FEFF} id ,\" name \"\n1,x\n".utf8),
                    header: ["id", "name"], records: [["1", "x"]], lines: [2]),
        Expectation(name: "empty and trailing fields", input: Array("a,b,c\n,,\n1,\"\",\n7,8,".utf8),
                    header: ["a", "b", "c"], records: [["", "", ""], ["1", "", ""], ["7", "8", ""]],
                    lines: [2, 3, 4]),
        Expectation(name: "lone CR", input: Array("a;b\r1;\"x\ry\"\r2;3".utf8),
                    header: ["a", "b"], records: [["1", "x\ry"], ["2", "3"]], lines: [2, 4]),
        Expectation(name: "Windows-1252", input: Array("name,price\n".utf8) + [0xE4] + Array("iti,".utf8) + [0x80]
                        + Array("5\n".utf8) + [0x93] + Array("q".utf8) + [0x94, 0x2C, 0x96, 0x0A],
                    header: ["name", "price"], records: [["äiti", "€5"], ["“q”", "–"]], lines: [2, 3]),
    ]

    @Test(arguments: expectations)
    func readsAsExpected(_ expectation: Expectation) throws {
        for chunkSize in [1, 2, 3, 7, 4096] {
            var reader = try CSVReader(source: ByteChunkSource(bytes: expectation.input, chunkSize: chunkSize))
            #expect(reader.header == expectation.header)
            #expect(reader.headerVersion == 1)
            let records = try InputTestSupport.readAll(&reader)
            #expect(records.map(\.strings) == expectation.records, "chunk size \(chunkSize)")
            #expect(records.map(\.line) == expectation.lines, "chunk size \(chunkSize)")
        }
    }

    @Test func windows1252IsReportedOncePerFile() throws {
        let input = Array("name\nok\n".utf8) + [0xE4, 0x0A] + Array("fine\n".utf8) + [0x80, 0x0A]
        var reader = try CSVReader(source: ByteChunkSource(bytes: input, name: "old.csv", chunkSize: 3))
        let records = try InputTestSupport.readAll(&reader)
        #expect(records.map(\.decodedAsWindows1252) == [false, true, false, true])
        #expect(records.map(\.strings) == [["ok"], ["ä"], ["fine"], ["€"]])
        #expect(reader.diagnostics == [
            Diagnostic(.warning, kind: "windows-1252", at: SourceLocation(file: "old.csv", line: 3),
                       message: "text is not valid UTF-8 (first on line 3); decoded as Windows-1252"),
        ])
    }

    @Test func windows1252InTheHeaderIsReported() throws {
        var reader = try CSVReader(source: ByteChunkSource(bytes: [0x6E, 0xE4, 0x0A, 0x31, 0x0A], name: "h.csv"))
        #expect(reader.header == ["nä"])
        #expect(reader.diagnostics.map(\.location) == [SourceLocation(file: "h.csv", line: 1)])
        _ = try InputTestSupport.readAll(&reader)
        #expect(reader.diagnostics.count == 1)
    }

    @Test func nfdTextIsStoredAsGivenAndReadAsNFC() throws {
        var reader = try CSVReader(source: ByteChunkSource(bytes: Array("name\na\u{308}iti\n".utf8)))
        let records = try InputTestSupport.readAll(&reader)
        #expect(records.count == 1)
        #expect(records[0].bytes == [0x61, 0xCC, 0x88, 0x69, 0x74, 0x69])
        #expect(Array(records[0].string(at: 0).unicodeScalars) == Array("\u{E4}iti".unicodeScalars))
    }

    @Test(arguments: [
        ("a,b\n1,2\n", CSVDelimiter.comma),
        ("a;b\n1;2\n", .semicolon),
        ("a\tb\n1\t2\n", .tab),
        ("a|b\n1|2\n", .pipe),
        ("a;b;c,d\n", .semicolon),
        ("a|b,c|d\n", .pipe),
        ("a,b;c,d;e\n", .comma),
        ("single\n", .comma),
        ("\"x;y;z\",b\n", .comma),
        ("\n\n\"a\nb|c\",d\n", .comma),
    ])
    func detectsDelimiter(_ input: String, _ expected: CSVDelimiter) throws {
        #expect(CSVDelimiter.detect(inHeaderLine: Array(input.utf8)) == expected)
        let reader = try CSVReader(source: ByteChunkSource(bytes: Array(input.utf8), chunkSize: 2))
        #expect(reader.delimiter == expected)
    }

    @Test func forcedDelimiterWins() throws {
        var reader = try CSVReader(source: ByteChunkSource(bytes: Array("a,b;c\n1,2;3\n".utf8)),
                                   delimiter: .semicolon)
        #expect(reader.header == ["a,b", "c"])
        #expect(try InputTestSupport.readAll(&reader).map(\.strings) == [["1,2", "3"]])
    }

    @Test(arguments: [(",", CSVDelimiter.comma), ("semicolon", .semicolon), ("\t", .tab), ("TAB", .tab),
                      ("|", .pipe)])
    func parsesDelimiterNames(_ text: String, _ expected: CSVDelimiter) {
        #expect(CSVDelimiter(text) == expected)
    }

    @Test func rejectsUnknownDelimiterNames() {
        #expect(CSVDelimiter(":") == nil)
        #expect(CSVDelimiter("") == nil)
    }

    @Test func longHeaderLineBeyondTheFirstPeekIsDetected() throws {
        // 100 000 bytes of header before the first delimiter candidate decides: more than one 64 KiB peek.
        let name = String(repeating: "x", count: 100_000)
        let input = Array("\(name);b;c,d\n1;2;3\n".utf8)
        var reader = try CSVReader(source: ByteChunkSource(bytes: input, chunkSize: 10_000))
        #expect(reader.delimiter == .semicolon)
        #expect(try InputTestSupport.readAll(&reader).map(\.strings) == [["1", "2", "3"]])
    }

    @Test func parserCanStartMidFile() throws {
        // A slice cut at a record boundary, parsed by its own parser told its first line.
        var parser = CSVRecordParser(delimiter: .comma, file: "big.csv", line: 41)
        var record = RawRecord()
        let slice = Array("7,\"a\nb\"\n8,c\n".utf8)
        var lines: [Int] = []
        var fields: [[String]] = []
        try slice.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                guard case .record(let consumed) = try parser.parse(UnsafeBufferPointer(rebasing: all[start...]),
                                                                     into: &record) else { break }
                start += consumed
                lines.append(record.line)
                fields.append(record.strings)
            }
        }
        #expect(try parser.finish(into: &record) == false)
        #expect(lines == [41, 43])
        #expect(fields == [["7", "a\nb"], ["8", "c"]])
        #expect(parser.line == 44)
    }
}
