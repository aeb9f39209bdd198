import Testing
@testable import ContactAnalytics

/// Every way reading can fail: message, kind and location.
@Suite("Input errors")
struct InputErrorTests {
    struct Failure: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var limits = ReaderLimits()
        var message: String
        var location: String

        init(_ name: String, _ input: String, limits: ReaderLimits = ReaderLimits(), _ message: String,
             at location: String) {
            self.init(name, Array(input.utf8), limits: limits, message, at: location)
        }

        init(_ name: String, _ input: [UInt8], limits: ReaderLimits = ReaderLimits(), _ message: String,
             at location: String) {
            self.name = name
            self.input = input
            self.limits = limits
            self.message = message
            self.location = location
        }

        var testDescription: String { name }
    }

    /// Reads all of `input` through `InputOpener` (format detected) and returns the error.
    static func failure(_ input: [UInt8], name: String, chunkSize: Int, limits: ReaderLimits) -> ContactStatError? {
        InputTestSupport.contactStatError {
            let source = ByteChunkSource(bytes: input, name: name, chunkSize: chunkSize)
            var reader = try InputOpener.open(source: source, options: ReaderOptions(limits: limits))
            var record = RawRecord()
            while try reader.next(into: &record) {}
        }
    }

    static let csvFailures: [Failure] = [
        Failure("unclosed quote", "a,b\n1,\"abc\nxyz\n", "quoted field opened on line 2 is never closed",
                at: "t:2:3"),
        Failure("unclosed quote in the header", "\"abc,d\n1,2\n", "quoted field opened on line 1 is never closed",
                at: "t:1:1"),
        Failure("unclosed quote after CRLF and blank lines", "a\r\n\r\nb,\"x\r\n",
                "quoted field opened on line 3 is never closed", at: "t:3:3"),
        Failure("unclosed quote after a byte-order mark", [0xEF, 0xBB, 0xBF] + Array("\"x".utf8),
                "quoted field opened on line 1 is never closed", at: "t:1:1"),
        Failure("unclosed quote after closed multi-line quotes", "a,b\n\"1\n2\",\"3\r\n4\"\n5,\"6\"\"\n",
                "quoted field opened on line 5 is never closed", at: "t:5:3"),
        Failure("binary", [0x61, 0x2C, 0x62, 0x0A, 0x00, 0x01], "looks like a binary file (it contains NUL bytes)",
                at: "t"),
        Failure("empty", [], "is empty", at: "t"),
        Failure("only a byte-order mark", [0xEF, 0xBB, 0xBF], "is empty", at: "t"),
        Failure("only whitespace", " \n\r\n\t \n", "is empty", at: "t"),
        Failure("UTF-16 cut in half a code unit", [0xFF, 0xFE, 0x61, 0x00, 0x62],
                "is UTF-16 but ends in half a UTF-16 code unit at byte 4", at: "t"),
        Failure("gzip cut short", [0x1F, 0x8B, 0x08, 0x00], "cannot decompress (gzip): unexpected end of compressed data at compressed byte 4",
                at: "t"),
        Failure("too many fields", "a,b\n1,2\n1,2,3,4\n", limits: ReaderLimits(maxFields: 3),
                "record has more than 3 fields", at: "t:3"),
        Failure("too many fields in the header", "a,b,c,d\n", limits: ReaderLimits(maxFields: 3),
                "record has more than 3 fields", at: "t:1"),
        Failure("oversized record", "a,b\n1234,5678\n\n1234,56789\n", limits: ReaderLimits(maxRecordBytes: 8),
                "record is larger than the limit of 8 bytes", at: "t:4"),
        Failure("oversized quoted record", "a\n\"123\n456\n789\"\n", limits: ReaderLimits(maxRecordBytes: 10),
                "record is larger than the limit of 10 bytes", at: "t:2"),
        Failure("oversized after Windows-1252 decoding", Array("a\n".utf8) + [0x80, 0x80, 0x80],
                limits: ReaderLimits(maxRecordBytes: 8), "record is larger than the limit of 8 bytes", at: "t:2"),
    ]

    static let jsonFailures: [Failure] = [
        Failure("trailing comma in an object", "[{\"a\": 1,}]", "expected a string key in the object",
                at: "t:1:10"),
        Failure("missing colon", "[{\"a\" 1}]", "expected ':' after the key", at: "t:1:7"),
        Failure("missing comma between elements", "[{\"a\":1} {\"b\":2}]",
                "expected ',' or ']' after element 1 of the JSON array", at: "t:1:10"),
        Failure("bad literal on a later line", "[\n  {\"a\": 1},\n  {\"b\": tru}\n]", "expected a value",
                at: "t:3:9"),
        Failure("bad value inside a multi-line object", "[\n{\n  \"a\": 1,\r\n  \"b\": @\n}]", "expected a value",
                at: "t:4:8"),
        Failure("array of numbers", "[1, 2]", "element 1 of the JSON array is not an object", at: "t:1:2"),
        Failure("a later element is not an object", "[{\"a\":1},\n \"x\"]",
                "element 2 of the JSON array is not an object", at: "t:2:2"),
        Failure("trailing comma in the array", "[{\"a\":1},]", "expected an object after ',' in the JSON array",
                at: "t:1:10"),
        Failure("JSON Lines line that is not an object", "{\"a\":1}\n[1]\n",
                "expected a JSON object (JSON Lines holds one object per line)", at: "t:2:1"),
        Failure("unterminated array", "[{\"a\":1}\n", "JSON array opened on line 1 is never closed", at: "t:1:1"),
        Failure("unterminated object", "[\n {\"a\":", "JSON object opened on line 2 is never closed", at: "t:2:2"),
        Failure("unterminated string", "{\"a\":\"xyz", "JSON object opened on line 1 is never closed", at: "t:1:1"),
        Failure("text after the array", "[{\"a\":1}] x", "unexpected text after the end of the JSON array",
                at: "t:1:11"),
        Failure("mismatched bracket", "{\"a\":[1}", "expected ',' or ']' in the array", at: "t:1:8"),
        Failure("invalid escape", "{\"a\":\"\\x\"}", "invalid escape in a string", at: "t:1:7"),
        Failure("bad \\u escape", "{\"a\":\"\\u12G4\"}", "invalid \\u escape (expected 4 hex digits)", at: "t:1:11"),
        Failure("raw control character in a string", "{\"a\":\"x\ny\"}",
                "control character in a string (escape it)", at: "t:1:8"),
        Failure("leading zero", "{\"a\":01}", "invalid number", at: "t:1:6"),
        Failure("lone minus", "{\"a\":-}", "invalid number", at: "t:1:6"),
        Failure("fraction without digits", "{\"a\":1.}", "invalid number (digits expected after '.')", at: "t:1:8"),
        Failure("too many keys", "{\"a\":1}\n{\"b\":1,\"c\":2}", limits: ReaderLimits(maxFields: 2),
                "records have more than 2 distinct keys", at: "t:2:1"),
        Failure("oversized object", "[{\"a\":1},{\"a\":\"0123456789\"}]", limits: ReaderLimits(maxRecordBytes: 12),
                "JSON object is larger than the limit of 12 bytes", at: "t:1:10"),
        Failure("nesting too deep", String(repeating: "{\"k\":", count: 64) + "{}" + String(repeating: "}", count: 64),
                "JSON nesting is deeper than 64 levels", at: "t:1:321"),
        Failure("arrays count toward the depth", "{\"a\":[[[1]]]}", limits: ReaderLimits(maxJSONDepth: 3),
                "JSON nesting is deeper than 3 levels", at: "t:1:8"),
    ]

    @Test(arguments: csvFailures + jsonFailures)
    func failsWithMessageAndLocation(_ failure: Failure) {
        for chunkSize in [1, 2, 3, 5, 8, 64, 65_536] {
            let error = Self.failure(failure.input, name: "t", chunkSize: chunkSize, limits: failure.limits)
            #expect(error == ContactStatError(.dataFormat, failure.message, at: failure.location),
                    "chunk size \(chunkSize)")
            #expect(error?.exitCode == 65)
        }
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
        let input = String(repeating: "{\"k\":", count: 63) + "{\"v\":1}" + String(repeating: "}", count: 63)
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: Array(input.utf8), chunkSize: 7))
        let records = try InputTestSupport.readAll(&reader)
        #expect(records.map(\.strings) == [["1"]])
        #expect(reader.header == [Array(repeating: "k", count: 63).joined(separator: ".") + ".v"])
    }

    @Test func oversizedFieldStopsEarly() {
        // 4 MiB in one unquoted field, limit 1 KiB: the error comes long before the field ends.
        var input = Array("a\n".utf8)
        input += Array(repeating: UInt8(ascii: "x"), count: 4 << 20)
        let error = Self.failure(input, name: "big.csv", chunkSize: 4096,
                                 limits: ReaderLimits(maxRecordBytes: 1024))
        #expect(error == ContactStatError(.dataFormat, "record is larger than the limit of 1024 bytes",
                                          at: "big.csv:2"))
    }

    @Test func unclosedQuoteFarFromTheEndNamesWhereItOpened() {
        var text = "id,text\n1,ok\n2,\"never closed\n"
        for n in 0..<2000 { text += "\(n),filler\n" }
        let error = Self.failure(Array(text.utf8), name: "x.csv", chunkSize: 100, limits: ReaderLimits())
        #expect(error?.message == "quoted field opened on line 3 is never closed")
        #expect(error?.location == "x.csv:3:3")
    }

    @Test func binaryAndEmptyChecksApplyToEachReader() {
        let binary: [UInt8] = [0x7B, 0x00]
        let csv = InputTestSupport.contactStatError { _ = try CSVReader(source: ByteChunkSource(bytes: binary)) }
        let json = InputTestSupport.contactStatError {
            _ = try JSONRecordReader(source: ByteChunkSource(bytes: binary))
        }
        #expect(csv?.message == "looks like a binary file (it contains NUL bytes)")
        #expect(json?.message == "looks like a binary file (it contains NUL bytes)")
        let empty = InputTestSupport.contactStatError {
            _ = try JSONRecordReader(source: ByteChunkSource(bytes: Array(" \n".utf8), name: "e.json"))
        }
        #expect(empty == ContactStatError(.dataFormat, "is empty", at: "e.json"))
    }

    @Test func whitespaceBeyondTheProbeStillCountsAsEmpty() {
        let input = [UInt8](repeating: UInt8(ascii: " "), count: InputFormat.binaryProbeBytes + 10)
        let error = Self.failure(input, name: "w", chunkSize: 65_536, limits: ReaderLimits())
        #expect(error == ContactStatError(.dataFormat, "is empty", at: "w"))
    }

    @Test func missingFile() {
        let error = InputTestSupport.contactStatError {
            _ = try InputOpener.open(path: "/nonexistent-contactstat-dir/contacts.csv")
        }
        #expect(error == ContactStatError(.dataFormat, "cannot open: No such file or directory",
                                          at: "/nonexistent-contactstat-dir/contacts.csv"))
        #expect(error?.exitCode == 65)
        let named = InputTestSupport.contactStatError {
            _ = try InputOpener.open(path: "/nonexistent-contactstat-dir/x.csv", displayName: "x.csv")
        }
        #expect(named?.location == "x.csv")
    }

    @Test func directoryIsRefused() {
        let directory = InputTestSupport.fixturePath("")
        let error = InputTestSupport.contactStatError { _ = try InputOpener.open(path: directory) }
        #expect(error == ContactStatError(.dataFormat, "cannot open: Is a directory", at: directory))
    }
}
