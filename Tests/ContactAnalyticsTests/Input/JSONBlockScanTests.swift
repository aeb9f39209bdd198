import Testing
@testable import ContactAnalytics

/// `JSONObjectScanner` takes the inside of an object 64 bytes at a time when the reader's buffer holds that
/// many (`scanBlock`), and byte by byte otherwise: read through a source of 7-byte pieces, no block is ever
/// taken. Both must give the same records, lines, columns and errors, wherever strings, escapes, brackets,
/// line breaks and mismatches fall against the blocks.
@Suite("JSON objects scanned 64 bytes at a time")
struct JSONBlockScanTests {
    /// What reading `input` gives: each record's fields and line, then the error that stopped it (if any).
    struct Outcome: Equatable {
        var records: [[String]] = []
        var lines: [Int] = []
        var error: ContactStatError?
    }

    static func read(_ input: [UInt8], chunkSize: Int, limits: ReaderLimits = ReaderLimits()) -> Outcome {
        var outcome = Outcome()
        outcome.error = InputTestSupport.contactStatError {
            var reader = try JSONRecordReader(source: ByteChunkSource(bytes: input, name: "t.jsonl", chunkSize: chunkSize),
                                              limits: limits)
            var record = RawRecord()
            while try reader.next(into: &record) {
                outcome.records.append(record.strings)
                outcome.lines.append(record.line)
            }
        }
        return outcome
    }

    /// A random value: strings with brackets, commas, escaped quotes and backslashes, `\n` escapes and, now
    /// and then, a raw line break (counted as a line by the scanner); numbers; nested objects and arrays.
    static func value(_ generator: inout SeededGenerator, depth: Int, rawLineBreaks: Bool) -> String {
        switch generator.uniform(depth > 3 ? 2 : 5) {
        case 0:
            let pieces = ["a", "bc", "{", "}", "[", "]", "\\\"", "\\\\", "\\n", " ", ",", ":", "ä", "\\u00e4",
                          String(repeating: "x", count: 40)] + (rawLineBreaks ? ["\n", "\r\n"] : [])
            return "\"" + (0..<generator.uniform(12)).map { _ in pieces[generator.uniform(pieces.count)] }.joined() + "\""
        case 1:
            return String(generator.uniform(100_000))
        case 2, 3:
            return object(&generator, depth: depth + 1, rawLineBreaks: rawLineBreaks)
        default:
            return "[" + (0..<generator.uniform(4)).map { _ in
                value(&generator, depth: depth + 1, rawLineBreaks: rawLineBreaks)
            }.joined(separator: ",") + "]"
        }
    }

    /// An object of random members (at least one at the top level, so that every line is a record).
    static func object(_ generator: inout SeededGenerator, depth: Int, rawLineBreaks: Bool) -> String {
        let members = depth == 1 ? 1 + generator.uniform(5) : generator.uniform(6)
        return "{" + (0..<members).map {
            "\"k\($0)\":" + value(&generator, depth: depth, rawLineBreaks: rawLineBreaks)
        }.joined(separator: ",") + "}"
    }

    @Test func randomJSONLinesReadAlikeInBlocksAndBytes() {
        var generator = SeededGenerator(seed: 64)
        var blockRecords = 0
        for round in 0..<300 {
            // Raw line breaks inside strings (counted as lines; the flattener may refuse them) in every fourth round.
            let rawLineBreaks = round % 4 == 3
            var lines = (0..<(1 + generator.uniform(6))).map { _ in
                Self.object(&generator, depth: 1, rawLineBreaks: rawLineBreaks)
            }
            var text = lines.joined(separator: round % 3 == 0 ? "\r\n" : "\n")
            if round % 4 == 1 {
                // A JSON array of the same objects, one a line.
                text = "[\n" + lines.joined(separator: ",\n") + "\n]"
            } else if round % 4 == 2, let close = text.lastIndex(of: "}") {
                // A mismatched bracket somewhere (maybe inside a string, where it is text).
                lines = []
                var bytes = Array(text.utf8)
                let at = generator.uniform(bytes.count)
                if let index = bytes[at...].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }) {
                    bytes[index] = bytes[index] == UInt8(ascii: "}") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                } else {
                    bytes[text.utf8.distance(from: text.utf8.startIndex, to: close)] = UInt8(ascii: "]")
                }
                text = String(decoding: bytes, as: UTF8.self)
            }
            let input = Array(text.utf8)
            let bytewise = Self.read(input, chunkSize: 7)
            let blockwise = Self.read(input, chunkSize: 1 << 16)
            #expect(blockwise == bytewise, "round \(round): \(text)")
            if blockwise != bytewise { return }
            if round % 4 < 2 {
                #expect(bytewise.error == nil, "round \(round): \(text)")
                #expect(bytewise.records.count == lines.count)
            }
            blockRecords += blockwise.records.count
        }
        #expect(blockRecords > 600)
    }

    /// The depth limit and an unclosed object, found inside blocks, are the same errors at the same places.
    @Test func limitsAndUnclosedObjectsInBlocks() {
        let padding = String(repeating: "y", count: 70)
        let deep = Array("{\"a\":\"\(padding)\"}\n{\"p\":\"\(padding)\",\"b\":{\"c\":[{\"d\":1}]}}\n".utf8)
        let limits = ReaderLimits(maxJSONDepth: 3)
        let expected = ContactStatError(.dataFormat, "JSON nesting is deeper than 3 levels", at: "t.jsonl:2:89")
        #expect(Self.read(deep, chunkSize: 7, limits: limits).error == expected)
        #expect(Self.read(deep, chunkSize: 1 << 16, limits: limits) == Self.read(deep, chunkSize: 7, limits: limits))
        #expect(Self.read(deep, chunkSize: 1 << 16, limits: limits).records == [[padding]])
        let unclosed = Array("{\"a\":\"\(padding)\"}\n{\"b\":\"\(padding)}]\", \"c\":[\"\(padding)\"]\n".utf8)
        let open = ContactStatError(.dataFormat, "JSON object opened on line 2 is never closed", at: "t.jsonl:2:1")
        #expect(Self.read(unclosed, chunkSize: 7).error == open)
        #expect(Self.read(unclosed, chunkSize: 1 << 16) == Self.read(unclosed, chunkSize: 7))
    }

    /// One object with its closing brace at every offset of a block, after escaped quotes and brackets in
    /// strings: the same records and lines both ways.
    @Test func closingBraceAtEveryOffset() {
        for shift in 0..<130 {
            let text = "{\"id\":\"\(String(repeating: "z", count: shift))\\\"}\",\"t\":[\"]{\",{\"u\":\"\\\\\"}]}\n{\"id\":\"2\"}\n"
            let input = Array(text.utf8)
            let blockwise = Self.read(input, chunkSize: 1 << 16)
            #expect(blockwise == Self.read(input, chunkSize: 7), "shift \(shift)")
            #expect(blockwise.records.count == 2, "shift \(shift)")
            #expect(blockwise.lines == [1, 2], "shift \(shift)")
            #expect(blockwise.records.first?.first == String(repeating: "z", count: shift) + "\"}", "shift \(shift)")
        }
    }
}
