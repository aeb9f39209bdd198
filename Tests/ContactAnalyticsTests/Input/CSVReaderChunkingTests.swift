import Testing
@testable import ContactAnalytics

/// One tricky CSV input, with the delimiter the reader must detect and the number of records after the header
/// (both hand-counted).
struct CSVCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var delimiter: CSVDelimiter
    var records: Int

    init(_ name: String, _ text: String, _ delimiter: CSVDelimiter = .comma, records: Int) {
        self.init(name, Array(text.utf8), delimiter, records: records)
    }

    init(_ name: String, _ bytes: [UInt8], _ delimiter: CSVDelimiter = .comma, records: Int) {
        self.name = name
        self.bytes = bytes
        self.delimiter = delimiter
        self.records = records
    }

    var testDescription: String { name }

    static let all: [CSVCase] = [
        CSVCase("plain", "a,b,c\n1,2,3\n4,5,6\n", records: 2),
        CSVCase("quoted delimiter", "name,note\n\"Smith, J\",\"x,y,z\"\n", records: 1),
        CSVCase("doubled quotes", "a,b\n\"he said \"\"hi\"\"\",2\n\"\"\"\"\"\",\"\"\"x\"\n", records: 2),
        CSVCase("CRLF inside quotes", "a,b\r\n\"line1\r\nline2\",x\r\ny,z\r\n", records: 2),
        CSVCase("LF inside quotes", "a,b\n\"l1\nl2\nl3\",x\ny,z\n", records: 2),
        CSVCase("lone CR inside quotes and as terminator", "a,b\r\"l1\rl2\",x\ry,z", records: 2),
        CSVCase("empty fields", "a,b,c\n,,\n1,,3\n", records: 2),
        CSVCase("empty last field", "a,b\n1,\n2,\n", records: 2),
        CSVCase("trailing delimiter without final newline", "a,b\n1,", records: 1),
        CSVCase("no final newline", "a,b\n1,2", records: 1),
        CSVCase("byte-order mark", "\u{FEFF}id,name\n1,x\n", records: 1),
        CSVCase("semicolon with decimal commas", "a;b;c\n1;2,5;3\n", .semicolon, records: 1),
        CSVCase("tab", "a\tb\tc\n1\t2\t3\n", .tab, records: 1),
        CSVCase("pipe", "a|b\n1|2\n\"x|y\"|3\n", .pipe, records: 2),
        CSVCase("blank lines", "a,b\n\n1,2\n\n\n3,4\n\n", records: 2),
        CSVCase("blank CRLF lines", "a,b\r\n\r\n1,2\r\n\r\n3,4\r\n", records: 2),
        CSVCase("blank lines before the header", "\n\r\na,b\n1,2\n", records: 1),
        CSVCase("stray quote in unquoted field", "a,b\n5\" screen,x\nab\"c\"d,y\n", records: 2),
        CSVCase("text after closing quote", "a,b\n\"ab\"cd,x\n\"q\"\"r\"s\"t,u\n", records: 2),
        CSVCase("quoted empty fields", "a,b\n\"\",\"\"\n", records: 1),
        // Text after a closing quote in every shape (kept; each noted at its quote's line and column): letters,
        // an unescaped quote pair, a quote after the text, a space, a lone CR then text, a quoted line break
        // before the closing quote, a lone CR at the end of the input.
        CSVCase("text after closing quote, every shape",
                "a,b\n\"ab\"c,d\n\"He said \"hi\" to me\",x\n\"a\"b\"\nnext,line\n\"a\" ,b\nx,\"a\"\ry\n\"l1\nl2\"z,y\n\"a\"\r",
                records: 8),
        // A CRLF after the closing quote is the line end; a CR before another CR, or at the end, is text.
        CSVCase("text after closing quote, CRLF file", "a,b\r\n\"x\"\r\n\"y\"\r,z\r\n\"p\"q\r\n\"w\"\r\r\n\"v\"\r",
                records: 5),
        CSVCase("text after closing quote, CR-only file", "a,b\r\"x\"\r\"y\"z,w\r\"m\rn\"o\r\"u\"\r\n\"t\" x\r",
                records: 5),
        CSVCase("UTF-8 text", "name,city\nÄiti,Helsinki\n日本,東京\n😀,\"x😀\"\n", records: 3),
        CSVCase("NFD text", "name,x\na\u{308}iti,1\n", records: 1),
        CSVCase("Windows-1252 bytes", Array("name,price\n".utf8) + [0xE4] + Array("iti,".utf8) + [0x80]
                    + Array("5\n".utf8), records: 1),
        CSVCase("Windows-1252 next to UTF-8", Array("a,b\n\"".utf8) + [0xC4, 0x0A, 0x96] + Array("\",Ä\n".utf8),
                records: 1),
        CSVCase("many quotes", "a,b\n\"x\"\"\"\"y\",\"\"\"\"\n", records: 1),
        CSVCase("CR line endings", "a,b\r1,2\r3,4\r", records: 2),
        CSVCase("mixed line endings in a CRLF file: a lone CR is data", "a,b\r\n1,2\n3,4\r5,6", records: 2),
        CSVCase("lone CR in unquoted and quoted fields of an LF file",
                "id,text\n1,first half\rsecond half\n2,\"quoted\rhalf\"\n3,\rleading\n4,trailing\r\n", records: 4),
        CSVCase("lone CR in a CRLF file, next to the line end", "id,text\r\n1,a\rb\r\n2,\"c\r\"\r\n3,d\r\r\n", records: 3),
        CSVCase("CR-only file keeps CR as the line end", "id,text\r1,a\r2,\"b\rc\"\r", records: 2),
        CSVCase("field counts differ from header", "a,b,c\n1,2\n1,2,3,4\n", records: 2),
        CSVCase("header with spaces", " id , name \n1,x\n", records: 1),
        CSVCase("delimiter tie goes to comma", "a;b,c\n1;2,3\n", records: 1),
        CSVCase("quoted commas do not count", "\"a,b,c\";d;e\n1;2;3\n", .semicolon, records: 1),
        CSVCase("multi-line quoted header", "\"a\nb\",c\n1,2\n", records: 1),
        CSVCase("single column", "name\nx\ny\n", records: 2),
        CSVCase("whitespace-only line is a record", "a,b\n  \n1,2\n", records: 2),
        CSVCase("header only", "a,b,c\n", records: 0),
        CSVCase("quoted last field then CRLF", "a\n\"x\"\r\n", records: 1),
        CSVCase("quoted last field at end of input", "a\n\"x\"", records: 1),
        CSVCase("only delimiters", "a,b,c\n,,\n", records: 1),
        // Quoted fields longer than a word (the parser reads them eight bytes at a time): quotes, line breaks,
        // UTF-8 and Windows-1252 bytes at every offset within a word.
        CSVCase("long quoted fields", Array(("id,body,x\n1,\"Hello,\n\nmy order 12345678 \"\"late\"\" again.\r\nRegards,"
                                             + "\nVäinö Järvinen\",y\n2,\"abcdefg\"\"hijklmno\npqrstuv\rwxyz0123456789\"\"\",z\n"
                                             + "3,\"").utf8) + [0xE4] + Array("12345678".utf8) + [0x96]
                    + Array("abcdefghijklmnop\"\"qrstuvw\",end\n4,\"0123456\"\n".utf8), records: 4),
        // Unquoted fields longer than a word (read eight bytes at a time up to the delimiter): UTF-8 and
        // Windows-1252 bytes just before a delimiter, just after one (the next field's), and at other offsets;
        // CRLF, LF and CR-only line ends.
        CSVCase("long unquoted fields", Array("id,body,x\r\n1,Hello my order 12345678 is late again,y\r\n2,".utf8)
                    + Array("abcdefghijklmnop".utf8) + [0xE4] + Array(",".utf8) + [0x96] + Array("qrstuvw,z\r\n3,".utf8)
                    + Array("Väinö Järvinen sanoo hei,abcdefg\r\n4,0123456,".utf8) + [0xE4] + Array("\r\n".utf8)
                    + Array("5,1234567".utf8) + [0xE4] + Array(",abcdefghijklmnopqrstuvwxyz0123\n".utf8), records: 5),
        CSVCase("long unquoted fields, CR-only", "id,body\r1,abcdefghijklmnopq\r2,Väinö Järvinen sanoo hei\r3,x\r",
                records: 3),
    ]
}

@Suite("CSVReader against a reference reader, every chunk size 1...64")
struct CSVReaderChunkingTests {
    @Test(arguments: CSVCase.all)
    func matchesReference(_ testCase: CSVCase) throws {
        let expected = try CSVReferenceReader.records(testCase.bytes, delimiter: testCase.delimiter.rawValue)
        #expect(expected.count == testCase.records + 1, "the reference disagrees with the hand count")
        let expectedHeader = expected.first?.fields.map(CSVReferenceReader.columnName) ?? []
        let expectedRecords = Array(expected.dropFirst())
        for chunkSize in 1...64 {
            let source = ByteChunkSource(bytes: testCase.bytes, name: "t.csv", chunkSize: chunkSize)
            var reader = try CSVReader(source: source)
            #expect(reader.delimiter == testCase.delimiter, "chunk size \(chunkSize)")
            #expect(reader.header == expectedHeader, "chunk size \(chunkSize)")
            #expect(reader.headerLine == expected.first?.line, "chunk size \(chunkSize)")
            // Text after a closing quote in the header: a warning each, at the reference's line and column.
            let headerPlaces = expected.first?.textAfterQuote ?? []
            #expect(reader.headerDiagnostics.map { [$0.location.line, $0.byteColumn] } == headerPlaces.map { [$0.line, $0.column] },
                    "chunk size \(chunkSize)")
            let records = try InputTestSupport.readAll(&reader)
            let actual = records.map {
                InputTestSupport.referenceRecord($0)
            }
            #expect(actual == expectedRecords, "chunk size \(chunkSize)")
            let sawWindows1252 = expected.contains { $0.decodedAsWindows1252 }
            #expect(reader.diagnostics.count == (sawWindows1252 ? 1 : 0), "chunk size \(chunkSize)")
            if actual != expectedRecords { break }
        }
    }
}
