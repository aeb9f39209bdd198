import Foundation
import Testing
@testable import ContactAnalytics

/// The reader thread's 64-byte-block search for the last record end (`CSVRecordEnds`) against the exact scan
/// and the parser: block edges, quotes that are data, `""` split over blocks, line feeds inside quotes, empty
/// lines, CRLF, a quote after a CR (left to the exact scan), long inputs whose line count spans many blocks.
@Suite("CSV record ends, 64 bytes at a time")
struct CSVRecordEndsTests {
    static func blockwise(_ bytes: [UInt8], delimiter: CSVDelimiter = .comma) -> CSVRecordEnds.Outcome {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return .none }
            return CSVRecordEnds.lastRecordEnd(base, count: all.count, delimiter: delimiter.rawValue)
        }
    }

    /// The exact scan's answer in the same form (`lineBreaks` relative to line 1).
    static func exact(_ bytes: [UInt8], delimiter: CSVDelimiter = .comma) -> CSVRecordEnds.Outcome {
        let parser = CSVRecordParser(delimiter: delimiter, file: "t", crEndsLines: false)
        let boundary = bytes.withUnsafeBufferPointer { all in
            all.baseAddress.flatMap { parser.exactLastRecordEnd($0, count: all.count) }
        }
        guard let boundary else { return .none }
        return .found(offset: boundary.offset, lineBreaks: boundary.line - 1)
    }

    @Test(arguments: [
        ("a,b\n", CSVRecordEnds.Outcome.found(offset: 4, lineBreaks: 1)),
        // Empty lines after the last record belong to the next chunk.
        ("a,b\n\n\n", .found(offset: 4, lineBreaks: 1)),
        ("\n\na,b", .none),
        ("\n\n\n", .none),
        // A line feed in a quoted field does not end the record.
        ("a,\"x\ny\"\nb", .found(offset: 8, lineBreaks: 2)),
        ("a,\"x\ny", .none),
        // A quote inside an unquoted field is data; so is one after a closing quote's text.
        ("ab\"c\nd", .found(offset: 5, lineBreaks: 1)),
        ("\"ab\"c\"\nd", .found(offset: 7, lineBreaks: 1)),
        ("\"ab\"c\"\"\nd\"\ne", .found(offset: 11, lineBreaks: 2)),
        // `""` inside a quoted field is one quote.
        ("a,\"\"\"x\"\n", .found(offset: 8, lineBreaks: 1)),
        ("a,\"x\"\"\ny\"\nz", .found(offset: 10, lineBreaks: 2)),
        ("a,b\r\nc,d\r\n", .found(offset: 10, lineBreaks: 2)),
        ("a,b\r\n\r\n", .found(offset: 5, lineBreaks: 1)),
        // A lone CR is data.
        ("a\rb\r\n\rc", .found(offset: 5, lineBreaks: 1)),
    ])
    func smallCases(_ text: String, expected: CSVRecordEnds.Outcome) {
        let bytes = Array(text.utf8)
        #expect(Self.blockwise(bytes) == expected)
        #expect(Self.exact(bytes) == expected)
    }

    /// A quote after a CR: it opens a field when the CR begins an empty line, not inside an unquoted field.
    /// The blocks leave both to the exact scan, and the parser's `lastRecordEnd` gives its answer.
    @Test func quoteAfterCRIsLeftToTheExactScan() {
        let opening = Array("a\r\n\r\"x\ny\"\n".utf8)
        let data = Array("a,\r\"x\ny\nz".utf8)
        #expect(Self.blockwise(opening) == .undecided)
        #expect(Self.blockwise(data) == .undecided)
        let parser = CSVRecordParser(delimiter: .comma, file: "t", crEndsLines: false)
        let first = opening.withUnsafeBufferPointer { parser.lastRecordEnd(in: $0) }
        #expect(first == CSVRecordParser.RecordBoundary(offset: 10, line: 4, afterCR: false))
        let second = data.withUnsafeBufferPointer { parser.lastRecordEnd(in: $0) }
        #expect(second == CSVRecordParser.RecordBoundary(offset: 8, line: 3, afterCR: false))
    }

    /// Quotes, `""`, quoted line feeds and data quotes moved across the edges of the 64-byte blocks: every
    /// prefix agrees with the exact scan, and the fast path decides every one.
    @Test func blockEdges() {
        for shift in 0..<140 {
            let text = String(repeating: "a", count: shift) + ",\"q\nr\",\"\"\"w\"\"\"\nz\"y\n,\"" + String(repeating: "b", count: 70)
                + "\"\n\"c\"d\"\n"
            let bytes = Array(text.utf8)
            for length in 0...bytes.count {
                let prefix = Array(bytes[0..<length])
                let found = Self.blockwise(prefix)
                #expect(found == Self.exact(prefix), "shift \(shift), prefix \(length)")
                #expect(found != .undecided)
                if found != Self.exact(prefix) { return }
            }
        }
    }

    /// A block with quotes after one or more blocks without any: whether its first quote opens a field
    /// depends on the last byte of the block before (a delimiter or line feed: it opens one; a letter: it is
    /// data; a CR: left to the exact scan), which is read from the input only then. Every prefix agrees with
    /// the exact scan.
    @Test func quoteBlockAfterBlocksWithoutQuotes() {
        for blocks in 1...3 {
            for last in Array(",;a\n\r".utf8) {
                for lineFeedAt in [-1, 10, 62] {
                    var head = [UInt8](repeating: 0x61, count: 64 * blocks)
                    if lineFeedAt >= 0 { head[64 * (blocks - 1) + lineFeedAt] = 0x0A }
                    head[head.count - 1] = last
                    let bytes = head + Array("\"q\nr\",s\nt\"u\n\"v,w\"\n".utf8) + [UInt8](repeating: 0x62, count: 70) + [0x0A]
                    for length in 64 * blocks...bytes.count {
                        let prefix = Array(bytes[0..<length])
                        let found = Self.blockwise(prefix)
                        if last == 0x0D && length > 64 * blocks {
                            #expect(found == .undecided, "after CR, prefix \(length)")
                            continue
                        }
                        #expect(found != .undecided)
                        #expect(found == Self.exact(prefix), "blocks \(blocks), last \(last), LF \(lineFeedAt), prefix \(length)")
                        if found != Self.exact(prefix) { return }
                    }
                }
            }
        }
    }

    /// Random inputs of several blocks over the bytes that matter, with `;` as the delimiter and `,` as data:
    /// every prefix agrees with the exact scan whenever the blocks decide, and they always decide without CRs.
    @Test func randomInputsOfSeveralBlocks() {
        var generator = SeededGenerator(seed: 2026)
        var decided = 0
        for round in 0..<400 {
            let alphabet = Array((round % 2 == 0 ? "ab;\"\n,\n" : "a;\"\r\n").utf8)
            let bytes = (0..<(64 + generator.uniform(200))).map { _ in alphabet[generator.uniform(alphabet.count)] }
            for length in stride(from: 0, through: bytes.count, by: 3) {
                let prefix = Array(bytes[0..<length])
                let found = Self.blockwise(prefix, delimiter: .semicolon)
                if round % 2 == 0 { #expect(found != .undecided) }
                if found == .undecided { continue }
                decided += 1
                #expect(found == Self.exact(prefix, delimiter: .semicolon), "round \(round), prefix \(length)")
                if found != Self.exact(prefix, delimiter: .semicolon) { return }
            }
        }
        #expect(decided > 10_000)
    }

    /// Long inputs: the line feeds of many blocks (the byte lanes are added up every 63 blocks) counted to every
    /// record end the parser finds.
    @Test func longInputsCountEveryLine() throws {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array("abcdefg,,\"\n\n".utf8)
        let bytes = (0..<30_000).map { _ in alphabet[generator.uniform(alphabet.count)] }
        let ends = try CSVChunkTests.recordEnds(bytes, delimiter: .comma, crEndsLines: false)
        #expect(ends.count > 1_000)
        #expect(ends.last.map { $0.offset > 29_000 } == true)
        for end in ends {
            let found = Self.blockwise(Array(bytes[0..<end.offset]))
            #expect(found == .found(offset: end.offset, lineBreaks: end.line - 1), "record ending at \(end.offset)")
        }
    }

    /// Exports as `generate` writes them (generated and realistic text, quoted bodies with line breaks), cut
    /// at many lengths: the blocks and the exact scan agree, and decide at every cut.
    @Test(arguments: SyntheticTextStyle.allCases)
    func generatedExports(_ style: SyntheticTextStyle) throws {
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: 400, seed: 5, text: style)).bytes()
        #expect(bytes.count > 40_000)
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<200 {
            let prefix = Array(bytes[0..<generator.uniform(bytes.count)])
            let found = Self.blockwise(prefix)
            #expect(found != .undecided)
            #expect(found == Self.exact(prefix))
        }
        guard case .found(let offset, let lineBreaks) = Self.blockwise(bytes) else {
            Issue.record("no record end in the whole export")
            return
        }
        #expect(offset == bytes.count)
        #expect(lineBreaks == bytes.filter { $0 == 0x0A }.count)
    }
}
