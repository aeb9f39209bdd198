import Foundation
import Testing
@testable import ContactAnalytics

/// Cutting CSV input into chunks at record boundaries (`CSVReader.nextChunk`) and parsing the chunks apart
/// (`CSVChunk.forEachRecord`) must give exactly the records, lines and decodings of reading in one go, for
/// every tricky input, wherever the cuts fall.
@Suite("CSV chunks cut at record boundaries")
struct CSVChunkTests {
    /// The records after the header: the first `direct` read with `next(into:)`, the rest through chunks of
    /// about `target` bytes.
    static func recordsThroughChunks(_ bytes: [UInt8], sourceChunk: Int, target: Int, direct: Int,
                                     limits: ReaderLimits = ReaderLimits())
    throws -> (records: [RawRecord], chunks: Int, windows1252: Bool) {
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "t.csv", chunkSize: sourceChunk),
                                   limits: limits)
        var records: [RawRecord] = []
        var record = RawRecord()
        while records.count < direct, try reader.next(into: &record) { records.append(record) }
        var chunks = 0
        var windows1252 = !reader.diagnostics.isEmpty
        while let piece = try reader.nextChunk(targetBytes: target) {
            switch piece {
            case .chunk(let chunk):
                chunks += 1
                try chunk.forEachRecord(&record) {
                    records.append($0)
                    if $0.decodedAsWindows1252 { windows1252 = true }
                }
            case .record(let long):
                records.append(long)
                if long.decodedAsWindows1252 { windows1252 = true }
            }
        }
        // Nothing is left for the reader itself.
        #expect(try !reader.next(into: &record))
        return (records, chunks, windows1252)
    }

    @Test(arguments: CSVCase.all)
    func chunksGiveTheReferenceRecords(_ testCase: CSVCase) throws {
        let expected = try CSVReferenceReader.records(testCase.bytes, delimiter: testCase.delimiter.rawValue)
        let expectedRecords = Array(expected.dropFirst())
        for sourceChunk in [1, 3, 7, 64, 4096] {
            for target in [1, 2, 5, 13, 1 << 20] {
                for direct in [0, 1] {
                    let (records, _, windows1252) = try Self.recordsThroughChunks(
                        testCase.bytes, sourceChunk: sourceChunk, target: target, direct: direct)
                    let actual = records.map {
                        InputTestSupport.referenceRecord($0)
                    }
                    #expect(actual == expectedRecords, "source chunk \(sourceChunk), target \(target), direct \(direct)")
                    #expect(windows1252 == expected.contains { $0.decodedAsWindows1252 })
                    if actual != expectedRecords { return }
                }
            }
        }
    }

    /// A generated export cut into many chunks: every record, in order.
    @Test func manyChunks() throws {
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: 3000, seed: 4)).bytes()
        let (records, chunks, _) = try Self.recordsThroughChunks(bytes, sourceChunk: 4096, target: 8192, direct: 100)
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "t.csv"))
        let direct = try InputTestSupport.readAll(&reader)
        #expect(records.count == 3000)
        #expect(chunks > 30)
        #expect(records.map(\.line) == direct.map(\.line))
        #expect(records.map(InputTestSupport.fieldBytes) == direct.map(InputTestSupport.fieldBytes))
    }

    /// Tweets holding a lone CR (unquoted and quoted) in an LF file, cut into many chunks: the CR stays in its
    /// field, no record splits, lines count LFs only; the same through `next(into:)`.
    @Test func loneCRInAnLFFileThroughChunks() throws {
        var text = "tweet_id,author_id,inbound,created_at,text\n"
        for i in 0..<200 {
            let body = i % 2 == 0 ? "@sprintcare and how do you propose we do that\rthanks" : "\"so slow,\rfix it\""
            text += "\(i),\(1000 + i),True,Tue Oct 31 22:10:47 +0000 2017,\(body)\n"
        }
        let bytes = Array(text.utf8)
        let (records, chunks, _) = try Self.recordsThroughChunks(bytes, sourceChunk: 64, target: 128, direct: 3)
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "t.csv", chunkSize: 7))
        let direct = try InputTestSupport.readAll(&reader)
        #expect(chunks > 10)
        #expect(records.count == 200)
        #expect(direct.count == 200)
        #expect(records.map(\.line) == Array(2...201))
        #expect(direct.map(\.line) == Array(2...201))
        #expect(records.allSatisfy { $0.count == 5 })
        #expect(records[0].strings[4] == "@sprintcare and how do you propose we do that\rthanks")
        #expect(records[1].strings[4] == "so slow,\rfix it")
        #expect(records.map(InputTestSupport.fieldBytes) == direct.map(InputTestSupport.fieldBytes))
    }

    /// Where the parser ends each record of `bytes` read in one slice: offset after it, line there, and
    /// whether its last byte was a CR.
    static func recordEnds(_ bytes: [UInt8], delimiter: CSVDelimiter, crEndsLines: Bool = true) throws
    -> [(offset: Int, line: Int, afterCR: Bool)] {
        var parser = CSVRecordParser(delimiter: delimiter, file: "t", crEndsLines: crEndsLines)
        var record = RawRecord()
        var ends: [(offset: Int, line: Int, afterCR: Bool)] = []
        var position = 0
        try bytes.withUnsafeBufferPointer { all in
            while position < all.count {
                switch try parser.parse(UnsafeBufferPointer(rebasing: all[position...]), into: &record) {
                case .record(let consumed):
                    position += consumed
                    ends.append((position, parser.line, all[position - 1] == UInt8(ascii: "\r")))
                case .needsInput:
                    position = all.count
                }
            }
        }
        return ends
    }

    /// The boundary scan agrees with the parser on every record end of every case.
    @Test(arguments: CSVCase.all)
    func lastRecordEndMatchesTheParser(_ testCase: CSVCase) throws {
        let ends = try Self.recordEnds(testCase.bytes, delimiter: testCase.delimiter)
        let fresh = CSVRecordParser(delimiter: testCase.delimiter, file: "t")
        for end in ends {
            let boundary = testCase.bytes.withUnsafeBufferPointer { all in
                fresh.lastRecordEnd(in: UnsafeBufferPointer(rebasing: all[0..<end.offset]))
            }
            #expect(boundary?.offset == end.offset)
            #expect(boundary?.line == end.line)
        }
    }

    /// Random inputs over the bytes that matter (letters, delimiter, quote, CR, LF): for every prefix, the
    /// boundary scan finds the last record end the parser finds in the whole input, with its line.
    @Test func lastRecordEndMatchesTheParserOnRandomInput() throws {
        var generator = SeededGenerator(seed: 99)
        let alphabet = Array("a,\"\r\n".utf8)
        for round in 0..<4_000 {
            // Both line-end styles: CR ends lines (a CR-only file) or is data (an LF or CRLF file).
            let crEndsLines = round % 2 == 0
            let bytes = (0..<generator.uniform(40)).map { _ in alphabet[generator.uniform(alphabet.count)] }
            let ends = try Self.recordEnds(bytes, delimiter: .comma, crEndsLines: crEndsLines)
            let fresh = CSVRecordParser(delimiter: .comma, file: "t", crEndsLines: crEndsLines)
            for length in 0...bytes.count {
                let expected = ends.last { $0.offset <= length }
                let found = bytes.withUnsafeBufferPointer { fresh.lastRecordEnd(in: UnsafeBufferPointer(rebasing: $0[0..<length])) }
                #expect(found?.offset == expected?.offset, "\(bytes), prefix \(length)")
                #expect(found?.line == expected?.line, "\(bytes), prefix \(length)")
                #expect(found?.afterCR == expected?.afterCR, "\(bytes), prefix \(length)")
                if found?.offset != expected?.offset { return }
            }
        }
    }

    /// Long inputs, so that the boundary scan's line count runs many words and more than one 255-word run:
    /// line breaks of every kind (LF, CR, CRLF, split across words), in and out of quoted fields; every record
    /// end the parser finds, with its line, in both line-end styles.
    @Test func lastRecordEndCountsLinesOfLongInputs() throws {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abcdefg,,\"\r\n\n".utf8)
        for round in 0..<6 {
            let crEndsLines = round % 2 == 0
            let bytes = (0..<(2_000 + 1_500 * round)).map { _ in alphabet[generator.uniform(alphabet.count)] }
            let ends = try Self.recordEnds(bytes, delimiter: .comma, crEndsLines: crEndsLines)
            #expect(ends.count > 100)
            let fresh = CSVRecordParser(delimiter: .comma, file: "t", crEndsLines: crEndsLines)
            for end in ends {
                let found = bytes.withUnsafeBufferPointer {
                    fresh.lastRecordEnd(in: UnsafeBufferPointer(rebasing: $0[0..<end.offset]))
                }
                #expect(found?.offset == end.offset)
                #expect(found?.line == end.line, "round \(round), record ending at \(end.offset)")
                #expect(found?.afterCR == end.afterCR)
            }
        }
    }

    @Test func errorsInChunksNameTheWholeInput() throws {
        // An unclosed quote in the last chunk: located on line 4, column 3, as reading in one go says.
        let open = Array("a,b\n1,2\n3,4\n5,\"x\n6,7\n".utf8)
        let error = InputTestSupport.contactStatError {
            _ = try Self.recordsThroughChunks(open, sourceChunk: 4, target: 3, direct: 0)
        }
        #expect(error == ContactStatError(.dataFormat, "quoted field opened on line 4 is never closed", at: "t.csv:4:3"))
        // A record over the limit, in a middle chunk.
        let limits = ReaderLimits(maxRecordBytes: 10)
        let long = Array("a,b\n1,2\n\(String(repeating: "x", count: 12)),3\n4,5\n".utf8)
        let tooLarge = InputTestSupport.contactStatError {
            _ = try Self.recordsThroughChunks(long, sourceChunk: 4, target: 2, direct: 0, limits: limits)
        }
        #expect(tooLarge == ContactStatError(.dataFormat, "record is larger than the limit of 10 bytes", at: "t.csv:3"))
        // No record end within the limit plus a chunk: the reader parses that record itself, and refuses it.
        let huge = Array("a,b\n1,2\n\"".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 100)
        let refused = InputTestSupport.contactStatError {
            _ = try Self.recordsThroughChunks(huge, sourceChunk: 4, target: 2, direct: 0, limits: limits)
        }
        #expect(refused == ContactStatError(.dataFormat, "record is larger than the limit of 10 bytes", at: "t.csv:3"))
    }

    /// A record longer than the limit in raw bytes but within it once unquoted (`""` is one byte): the
    /// reader parses it itself, between chunks, and nothing is lost or reordered.
    @Test func longQuotedRecordBetweenChunks() throws {
        let quoted = "\"" + String(repeating: "\"\"", count: 15) + "\""
        let bytes = Array("a,b\n1,2\n3,\(quoted)\n4,5\n6,7\n".utf8)
        let limits = ReaderLimits(maxRecordBytes: 20)
        let (records, _, _) = try Self.recordsThroughChunks(bytes, sourceChunk: 3, target: 2, direct: 0, limits: limits)
        #expect(records.map(\.line) == [2, 3, 4, 5])
        #expect(records.map { $0.string(at: 0) } == ["1", "3", "4", "6"])
        #expect(records[1].string(at: 1) == String(repeating: "\"", count: 15))
    }
}
