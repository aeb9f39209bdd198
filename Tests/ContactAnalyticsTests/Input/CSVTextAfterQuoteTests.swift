import Foundation
import Testing
@testable import ContactAnalytics

/// Text after the closing quote of a quoted field (`"ab"c`, `"He said "hi" to me"`): the value is kept as
/// before, and each place is noted at its closing quote's line and byte column (`RawRecord.textAfterClosingQuote`),
/// reported as a field warning `FILE:LINE:COLUMN: warning: ...` (grouped and capped like the others), counted the
/// same on one thread and through chunks cut anywhere.
@Suite("Text after a closing quote")
struct CSVTextAfterQuoteTests {
    /// One input and what the parser must make of it, all hand-written: each record's fields and line, and
    /// the places (line, column of the closing quote, field) of text after a closing quote in it.
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var crEndsLines = false
        var records: [(fields: [String], line: Int, places: [[Int]])]
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "letters after the quote", text: "\"ab\"c,d\n",
              records: [(["abc", "d"], 1, [[1, 4, 0]])]),
        // The quote before `hi` closes the field; the rest is an unquoted field's, whose quotes are data.
        Shape(name: "an unescaped quote pair", text: "\"He said \"hi\" to me\",x\n",
              records: [(["He said hi\" to me\"", "x"], 1, [[1, 10, 0]])]),
        // A quote in the text after the closing one is data: it opens nothing, the next line is a record.
        Shape(name: "a quote after the text, then more lines", text: "\"a\"b\"\nnext,line\n3,\"z\"\n",
              records: [(["ab\""], 1, [[1, 3, 0]]), (["next", "line"], 2, []), (["3", "z"], 3, [])]),
        Shape(name: "spaces after the quote", text: "\"a\" ,b\n",
              records: [(["a ", "b"], 1, [[1, 3, 0]])]),
        Shape(name: "two spaces, last field", text: "x,\"a\"  \n",
              records: [(["x", "a  "], 1, [[1, 5, 1]])]),
        // A CRLF after the closing quote is the record's line end, not text.
        Shape(name: "CRLF after the quote", text: "\"a\"\r\n\"b\"\r\n",
              records: [(["a"], 1, []), (["b"], 2, [])]),
        // Where a lone CR is data, a CR not followed by LF is text after the quote.
        Shape(name: "a lone CR then text", text: "x,\"a\"\ry\n",
              records: [(["x", "a\ry"], 1, [[1, 5, 1]])]),
        Shape(name: "a lone CR before the CRLF", text: "\"w\"\r\r\n",
              records: [(["w\r"], 1, [[1, 3, 0]])]),
        Shape(name: "a lone CR at the end of the input", text: "\"a\"\r",
              records: [(["a\r"], 1, [[1, 3, 0]])]),
        Shape(name: "a CR-only file: CR ends the line", text: "\"a\"\r\"b\"c\r", crEndsLines: true,
              records: [(["a"], 1, []), (["bc"], 2, [[2, 3, 0]])]),
        // Line and column are the closing quote's, not the record's start.
        Shape(name: "after a quoted line break", text: "1,\"line one\nline \"two\" end\"\n",
              records: [(["1", "line one\nline two\" end\""], 1, [[2, 6, 1]])]),
        Shape(name: "after an escaped quote", text: "\"a\"\"b\"c\n",
              records: [(["a\"bc"], 1, [[1, 6, 0]])]),
        Shape(name: "after an empty quoted field", text: "\"\"x,y\n",
              records: [(["x", "y"], 1, [[1, 2, 0]])]),
        Shape(name: "several in one record", text: "\"a\"x,\"b\"y,\"c\"\n",
              records: [(["ax", "by", "c"], 1, [[1, 3, 0], [1, 8, 1]])]),
        // A quote never closed on its line takes the lines up to the next quote; text after that quote is
        // noted on the line it is on.
        Shape(name: "a quote left open swallows a line", text: "1,\"open,a\n2,\"x\"y,b\n3,c\n",
              records: [(["1", "open,a\n2,x\"y", "b"], 1, [[2, 3, 1]]), (["3", "c"], 3, [])]),
        Shape(name: "no text after any quote", text: "\"a\",\"b\"\"c\",\"\"\n\"d\"",
              records: [(["a", "b\"c", ""], 1, []), (["d"], 2, [])]),
    ]

    /// `bytes` parsed by one parser fed slices of `size` bytes: each record's fields, line and places.
    static func parse(_ bytes: [UInt8], sliceSize size: Int, crEndsLines: Bool) throws -> [([String], Int, [[Int]])] {
        var parser = CSVRecordParser(delimiter: .comma, file: "t.csv", crEndsLines: crEndsLines)
        var record = RawRecord()
        var records: [([String], Int, [[Int]])] = []
        func keep(_ record: RawRecord) {
            records.append((record.strings, record.line, record.textAfterClosingQuote.map { [$0.line, $0.column, $0.field] }))
        }
        var position = 0
        try bytes.withUnsafeBufferPointer { all in
            while position < all.count {
                let end = min(all.count, position + size)
                while position < end {
                    switch try parser.parse(UnsafeBufferPointer(rebasing: all[position..<end]), into: &record) {
                    case .record(let consumed):
                        position += consumed
                        keep(record)
                    case .needsInput:
                        position = end
                    }
                }
            }
        }
        if try parser.finish(into: &record) { keep(record) }
        return records
    }

    @Test(arguments: shapes)
    func eachShapeKeepsItsValueAndNotesTheQuote(_ shape: Shape) throws {
        let bytes = Array(shape.text.utf8)
        for size in 1...(bytes.count + 1) {
            let records = try Self.parse(bytes, sliceSize: size, crEndsLines: shape.crEndsLines)
            #expect(records.map(\.0) == shape.records.map(\.fields), "slices of \(size)")
            #expect(records.map(\.1) == shape.records.map(\.line), "slices of \(size)")
            #expect(records.map(\.2) == shape.records.map(\.places), "slices of \(size)")
            if records.map(\.2) != shape.records.map(\.places) { return }
        }
    }

    /// The shapes as the records of one file (a header first) read by `CSVReader`: in one piece, and cut into
    /// chunks at every record boundary (source read a byte at a time, chunks of one byte and more, the first
    /// record read by the reader itself or not): the same places; and the boundary scan agrees with the parser
    /// on every record end.
    @Test func chunksNoteTheSamePlacesAsOnePiece() throws {
        for crEndsLines in [false, true] {
            let lineEnd = crEndsLines ? "\r" : "\n"
            var text = "h1,h2" + lineEnd
            var line = 2
            var expected: [[Int]] = []
            // The shapes of this line-end style but the one that ends the input in a lone CR (data here), each
            // ended by a line break.
            for shape in Self.shapes where shape.crEndsLines == crEndsLines && (crEndsLines || !shape.text.hasSuffix("\r")) {
                let piece = Array(shape.text.utf8) + (shape.text.hasSuffix("\n") || shape.text.hasSuffix("\r") ? [] : Array(lineEnd.utf8))
                text += String(decoding: piece, as: UTF8.self)
                for record in shape.records {
                    expected += record.places.map { [$0[0] + line - 1, $0[1], $0[2]] }
                }
                line += piece.filter { $0 == 0x0A || (crEndsLines && $0 == 0x0D) }.count
            }
            let bytes = Array(text.utf8)
            var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "t.csv", chunkSize: 1 << 16))
            let onePiece = try InputTestSupport.readAll(&reader).flatMap(\.textAfterClosingQuote)
            #expect(onePiece.map { [$0.line, $0.column, $0.field] } == expected)
            for target in [1, 2, 3, 5, 8, 13, 64, 1 << 20] {
                for direct in [0, 1] {
                    let (records, _, _) = try CSVChunkTests.recordsThroughChunks(bytes, sourceChunk: 1, target: target,
                                                                                  direct: direct)
                    #expect(records.flatMap(\.textAfterClosingQuote) == onePiece, "target \(target), direct \(direct)")
                }
            }
            let ends = try CSVChunkTests.recordEnds(bytes, delimiter: .comma, crEndsLines: crEndsLines)
            let fresh = CSVRecordParser(delimiter: .comma, file: "t.csv", crEndsLines: crEndsLines)
            for length in 0...bytes.count {
                let found = bytes.withUnsafeBufferPointer { fresh.lastRecordEnd(in: UnsafeBufferPointer(rebasing: $0[0..<length])) }
                let last = ends.last { $0.offset <= length }
                #expect(found?.offset == last?.offset, "prefix \(length)")
                #expect(found?.line == last?.line, "prefix \(length)")
            }
        }
    }

    /// Random inputs over the bytes that matter (letters, a space, the delimiter, quotes, CR, LF), in both
    /// line-end styles: the parser in slices of every size notes the reference reader's places (an independent
    /// loop), and so do chunks cut anywhere.
    @Test func randomInputNotesTheReferencePlaces() throws {
        var generator = SeededGenerator(seed: 2026_12_05_38)
        let alphabet = Array("ab ,\"\"\r\n".utf8)
        var noted = 0
        for round in 0..<1_500 {
            let body = (0..<generator.uniform(30)).map { _ in alphabet[generator.uniform(alphabet.count)] }
            // A header whose line end sets the style: CR alone (a CR-only file) or LF.
            let bytes = Array("h,i".utf8) + (round % 2 == 0 ? [0x0D] : [0x0A]) + body
            let expected: [CSVReferenceReader.Record]
            do {
                expected = try CSVReferenceReader.records(bytes, delimiter: UInt8(ascii: ","))
            } catch is CSVReferenceReader.UnclosedQuote {
                continue
            }
            noted += expected.reduce(0) { $0 + $1.textAfterQuote.count }
            var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "t.csv", chunkSize: 1))
            let records = try InputTestSupport.readAll(&reader).map(InputTestSupport.referenceRecord)
            #expect(records == Array(expected.dropFirst()), "\(Array(bytes))")
            for target in [1, 4] {
                let (chunked, _, _) = try CSVChunkTests.recordsThroughChunks(bytes, sourceChunk: 1, target: target, direct: 0)
                #expect(chunked.map(InputTestSupport.referenceRecord) == Array(expected.dropFirst()),
                        "target \(target): \(Array(bytes))")
            }
        }
        // Many places were noted (the alphabet makes text after quotes common).
        #expect(noted > 300)
    }

    /// A record with a field decoded as Windows-1252 (its fields are made again) keeps its places; columns
    /// count the input's bytes (the second quote is byte 9: `"a"b`, the byte E4, `,"c`).
    @Test func aRecordDecodedAsWindows1252KeepsItsPlaces() throws {
        let bytes = Array("\"a\"b".utf8) + [0xE4] + Array(",\"c\"d\n".utf8)
        for size in 1...(bytes.count + 1) {
            let records = try Self.parse(bytes, sliceSize: size, crEndsLines: false)
            #expect(records.map(\.0) == [["abä", "cd"]], "slices of \(size)")
            #expect(records.map(\.2) == [[[1, 3, 0], [1, 9, 1]]], "slices of \(size)")
        }
    }

    /// The header row's places are warnings of the reader (named by the header's own column); a record read
    /// into a record that held places (a reused buffer) holds only its own.
    @Test func headerAndReusedRecords() throws {
        let bytes = Array("\"id\"x,\"subj\"ect\n\"a\"b,c\nd,e\n".utf8)
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "h.csv"))
        #expect(reader.header == ["idx", "subject"])
        #expect(reader.headerDiagnostics.map { $0.formatted } == [
            "h.csv:1:4: warning: text after the closing quote of a quoted field (an unescaped quote inside it?); "
                + "kept as is [column \"idx\"]",
            "h.csv:1:12: warning: text after the closing quote of a quoted field (an unescaped quote inside it?); "
                + "kept as is [column \"subject\"]",
        ])
        var record = RawRecord()
        #expect(try reader.next(into: &record))
        #expect(record.textAfterClosingQuote == [TextAfterClosingQuote(line: 2, column: 3, field: 0)])
        #expect(try reader.next(into: &record))
        #expect(record.strings == ["d", "e"])
        #expect(record.textAfterClosingQuote.isEmpty)
        // Headerless input: the first line is data, its places are its record's.
        var headerless = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "h.csv"),
                                       headerless: HeaderlessColumns(layouts: [["a", "b"]], origin: .option))
        #expect(headerless.headerDiagnostics.isEmpty)
        #expect(try headerless.next(into: &record))
        #expect(record.textAfterClosingQuote.map(\.column) == [4, 12])
        record.removeAll()
        #expect(record.textAfterClosingQuote.isEmpty)
    }

    /// A file of `rows` contacts whose subjects have text after a closing quote on every `every`-th row.
    static func exportFile(rows: Int, every: Int) throws -> (URL, [String]) {
        var text = "id,opened_at,subject,channel\n"
        var places: [String] = []
        for i in 0..<rows {
            let prefix = "T\(i),2026-03-\(String(format: "%02d", 1 + i % 28)) 10:00:00,"
            if i % every == 0 {
                text += prefix + "\"Order \"\(i)\" late\",phone\n"
                // The quote before the number: after the prefix, the opening quote and `Order `.
                places.append("\(i + 2):\(prefix.utf8.count + 8)")
            } else {
                text += prefix + "\"Order late\",chat\n"
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("after-quote-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return (url, places)
    }

    /// Every occurrence is counted as a field warning; five are printed with their place and the rest summed;
    /// one thread and two threads with chunks of every size give the same count and lines.
    @Test(arguments: [1, 7, 64, 4096])
    func everyOccurrenceIsCountedOnAnyThreads(chunkBytes: Int) throws {
        let (url, places) = try Self.exportFile(rows: 200, every: 16)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(places.count == 13)
        func run(_ threads: Int) throws -> ContactAnalysis.Result {
            var ingest = IngestOptions(files: [url.path], dateOrderSample: 10)
            ingest.chunkBytes = chunkBytes
            return try ContactAnalysis.run(AnalysisOptions(ingest: ingest, threads: threads))
        }
        let one = try run(1), two = try run(2)
        for result in [one, two] {
            #expect(result.ingest.textAfterQuote == 13)
            #expect(result.ingest.fieldWarnings == 13)
            #expect(result.report.input.fieldWarnings == 13)
            #expect(result.report.input.rowsRead == 200)
            #expect(result.report.input.rowsRejected == 0)
        }
        let message = "warning: text after the closing quote of a quoted field (an unescaped quote inside it?); kept as is"
        let expected = places.prefix(5).map { "\(url.path):\($0): \(message) [column \"subject\"]" }
            + ["\(url.path): warning: ... and 8 more text-after-quote in column \"subject\" not shown"]
        #expect(one.ingest.diagnostics.formattedLines() == expected)
        #expect(two.ingest.diagnostics.formattedLines() == expected)
    }

    /// `validate` names the count beside the field warnings (and not at all when there is none).
    @Test func validateCountsThem() throws {
        let (url, _) = try Self.exportFile(rows: 40, every: 8)
        defer { try? FileManager.default.removeItem(at: url) }
        var settings = try RunSettings(RequestedSettings(files: [url.path]), configuration: ContactStatConfiguration())
        settings.threads = 2
        let outcome = try ValidateAction(settings: settings).perform()
        #expect(outcome.output.contains("field warnings 5 (unreadable values left empty, closed before opened 0, "
                                        + "text after a closing quote kept 5)\n"))
        #expect(outcome.diagnostics.count(kind: CSVReader.textAfterQuoteKind) == 5)
        #expect(outcome.status == 0)
    }
}
