import Foundation
import Testing
@testable import ContactAnalytics

/// The CSV parser's pass over a record's unquoted fields a word at a time (the fields copied with their
/// delimiters as `RawRecord`'s separators, each word's delimiters noted by a bit mask), its whole-record UTF-8
/// check and its hand-over to `RawRecord`: random files with quoted fields, `""`, line breaks in quotes, CRLF,
/// lone CRs, stray quotes, empty fields and lines, non-ASCII and invalid UTF-8, fields long and short, in every
/// delimiter and line-end style, read in slices of random lengths (fields and records split anywhere, across
/// words) and through chunks, must give the reference reader's records, lines and decodings; the limits must
/// throw what the field-by-field parser threw.
@Suite("CSV records a word at a time")
struct CSVRecordWordPassTests {
    /// A random field's text (unquoted or quoted) for a file whose records end with `lineEnd`.
    static func randomField(_ g: inout SeededGenerator, delimiter: UInt8, lineEnd: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "\"")
        let letters = Array("abcdefghXYZ 0123456789-:._".utf8)
        func run(_ length: Int) -> [UInt8] { (0..<length).map { _ in letters[g.uniform(letters.count)] } }
        // Short fields mostly (as in exports), some over several words.
        let length = g.chance(perMille: 150) ? g.uniform(40) : g.uniform(14)
        switch g.uniform(10) {
        case 0:
            return []
        case 1, 2:
            // Quoted, with what only quotes allow.
            var content: [UInt8] = []
            for _ in 0..<(1 + g.uniform(4)) {
                content += run(g.uniform(12))
                switch g.uniform(7) {
                case 0: content += [quote, quote]
                case 1: content.append(delimiter)
                case 2: content += lineEnd
                case 3: content += [0x0D, 0x0A]
                case 4: content.append(0x0A)
                case 5: content += Array("päivä".utf8)
                default: break
                }
            }
            var field = [quote] + content + [quote]
            // Text after the closing quote now and then (kept as is).
            if g.chance(perMille: 80) { field += run(1 + g.uniform(3)) }
            return field
        case 3:
            // Non-ASCII: valid UTF-8 or a Windows-1252 byte.
            var field = run(g.uniform(10))
            field += g.chance(perMille: 500) ? Array("Äiti ö".utf8) : [0xE4]
            return field + run(g.uniform(10))
        case 4:
            // A stray quote or a lone CR inside an unquoted field (data, in an LF or CRLF file).
            var field = run(1 + g.uniform(10))
            let stray: UInt8 = lineEnd == [0x0D] || g.chance(perMille: 500) ? quote : 0x0D
            field.insert(stray, at: 1 + g.uniform(field.count))
            return field
        default:
            return run(length)
        }
    }

    /// A random file: a header of two columns (so a reader finds the delimiter and the line-end style), then
    /// records of random field counts, empty lines now and then, the last line end left out now and then.
    static func randomFile(_ g: inout SeededGenerator, delimiter: UInt8, lineEnd: [UInt8], records: Int) -> [UInt8] {
        var bytes: [UInt8] = Array("h1".utf8) + [delimiter] + Array("h2".utf8) + lineEnd
        for record in 0..<records {
            let fields = 1 + g.uniform(14)
            for field in 0..<fields {
                if field > 0 { bytes.append(delimiter) }
                bytes += randomField(&g, delimiter: delimiter, lineEnd: lineEnd)
            }
            if record + 1 < records || g.chance(perMille: 700) { bytes += lineEnd }
            if g.chance(perMille: 50) { bytes += lineEnd }
        }
        return bytes
    }

    /// Every record of `bytes`, parsed by one parser fed slices of random lengths up to `maxSlice`.
    static func parseInSlices(_ bytes: [UInt8], delimiter: CSVDelimiter, limits: ReaderLimits = ReaderLimits(),
                              maxSlice: Int, _ g: inout SeededGenerator) throws -> [CSVReferenceReader.Record] {
        let firstEnd = bytes.firstIndex { $0 == 0x0D || $0 == 0x0A }
        let crEndsLines = firstEnd.map { bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A) } ?? false
        var parser = CSVRecordParser(delimiter: delimiter, limits: limits, file: "t.csv", crEndsLines: crEndsLines)
        var records: [CSVReferenceReader.Record] = []
        var record = RawRecord()
        func keep(_ record: RawRecord) {
            records.append(InputTestSupport.referenceRecord(record))
        }
        var position = 0
        try bytes.withUnsafeBufferPointer { all in
            while position < all.count {
                let sliceEnd = min(all.count, position + 1 + g.uniform(maxSlice))
                while position < sliceEnd {
                    switch try parser.parse(UnsafeBufferPointer(rebasing: all[position..<sliceEnd]), into: &record) {
                    case .record(let consumed):
                        position += consumed
                        keep(record)
                    case .needsInput:
                        position = sliceEnd
                    }
                }
            }
        }
        if try parser.finish(into: &record) { keep(record) }
        return records
    }

    /// Random files in every delimiter and line-end style: the parser in random slices (down to one byte) and
    /// the chunked reader give the reference reader's records.
    @Test func randomFilesReadAsTheReference() throws {
        var g = SeededGenerator(seed: 2026_12_05)
        let lineEnds: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        var unclosedQuotes = 0, decoded = 0
        for round in 0..<240 {
            let delimiter = CSVDelimiter.allCases[round % CSVDelimiter.allCases.count]
            let lineEnd = lineEnds[(round / 4) % 3]
            let bytes = Self.randomFile(&g, delimiter: delimiter.rawValue, lineEnd: lineEnd, records: 1 + g.uniform(12))
            let expected: [CSVReferenceReader.Record]
            do {
                expected = try CSVReferenceReader.records(bytes, delimiter: delimiter.rawValue)
            } catch let unclosed as CSVReferenceReader.UnclosedQuote {
                // A lone CR (data in an LF or CRLF file) can leave a quote that opens a field unclosed.
                let error = ContactStatError(.dataFormat, "quoted field opened on line \(unclosed.line) is never closed",
                                             at: "t.csv:\(unclosed.line):\(unclosed.column)")
                for maxSlice in [1, 7, bytes.count + 1] {
                    let thrown = InputTestSupport.contactStatError {
                        _ = try Self.parseInSlices(bytes, delimiter: delimiter, maxSlice: maxSlice, &g)
                    }
                    #expect(thrown == error, "round \(round), slices up to \(maxSlice): \(Array(bytes))")
                }
                unclosedQuotes += 1
                continue
            }
            for maxSlice in [1, 7, 23, 200, bytes.count + 1] {
                let actual = try Self.parseInSlices(bytes, delimiter: delimiter, maxSlice: maxSlice, &g)
                #expect(actual == expected, "round \(round), slices up to \(maxSlice): \(Array(bytes))")
                if actual != expected { return }
            }
            if expected.contains(where: \.decodedAsWindows1252) { decoded += 1 }
            for (sourceChunk, target) in [(5, 9), (64, 1 << 20)] {
                let (records, _, _) = try CSVChunkTests.recordsThroughChunks(bytes, sourceChunk: sourceChunk,
                                                                              target: target, direct: 0,
                                                                              limits: ReaderLimits())
                let actual = records.map {
                    InputTestSupport.referenceRecord($0)
                }
                #expect(actual == Array(expected.dropFirst()), "round \(round), chunks: \(Array(bytes))")
            }
        }
        // Most files were read whole, and many held a field decoded as Windows-1252.
        #expect(unclosedQuotes < 40 && decoded > 60)
    }

    /// Long quoted bodies (up to 400 bytes: many 16-byte blocks) with line feeds, CRLFs, lone CRs, `""` and
    /// Finnish letters at random places, in LF and CRLF files, the line feeds counted while the body is copied:
    /// records and lines as the reference reader's in slices down to one byte, and a quote left open after the
    /// bodies reported at the reference's line and column.
    @Test func longQuotedBodiesCountTheirLines() throws {
        var g = SeededGenerator(seed: 2026_12_06)
        let pieces: [[UInt8]] = [Array("Hei, ".utf8), Array("tilaus 12345678 ".utf8), [0x0A], [0x0D, 0x0A], [0x0D],
                                 [0x22, 0x22], Array("päivää ".utf8), Array("a,b;c\t".utf8)]
        var unclosed = 0
        for round in 0..<120 {
            let lineEnd: [UInt8] = round % 2 == 0 ? [0x0A] : [0x0D, 0x0A]
            var bytes = Array("id,body,n".utf8) + lineEnd
            for record in 0..<(1 + g.uniform(6)) {
                var body: [UInt8] = []
                let length = g.uniform(400)
                while body.count < length { body += pieces[g.uniform(pieces.count)] }
                bytes += Array("r\(record),".utf8) + [0x22] + body + [0x22] + Array(",\(g.uniform(100))".utf8) + lineEnd
            }
            if round % 3 == 0 {
                // A quote opened after a body's last line feed, on its line: its column counts from that line feed.
                var body: [UInt8] = Array("x".utf8)
                let length = 20 + g.uniform(200)
                while body.count < length { body += pieces[g.uniform(pieces.count)] }
                bytes += Array("last,".utf8) + [0x22] + body + [0x0A, 0x61, 0x22] + Array(",b,".utf8) + [0x22]
                    + Array("open ".utf8) + [0x0A] + Array("body".utf8)
            }
            do {
                let expected = try CSVReferenceReader.records(bytes, delimiter: 0x2C)
                for maxSlice in [1, 7, 23, 200, bytes.count + 1] {
                    let actual = try Self.parseInSlices(bytes, delimiter: .comma, maxSlice: maxSlice, &g)
                    #expect(actual == expected, "round \(round), slices up to \(maxSlice): \(Array(bytes))")
                    if actual != expected { return }
                }
            } catch let open as CSVReferenceReader.UnclosedQuote {
                let error = ContactStatError(.dataFormat, "quoted field opened on line \(open.line) is never closed",
                                             at: "t.csv:\(open.line):\(open.column)")
                for maxSlice in [1, 7, 200, bytes.count + 1] {
                    let thrown = InputTestSupport.contactStatError {
                        _ = try Self.parseInSlices(bytes, delimiter: .comma, maxSlice: maxSlice, &g)
                    }
                    #expect(thrown == error, "round \(round), slices up to \(maxSlice): \(Array(bytes))")
                }
                unclosed += 1
            }
        }
        #expect(unclosed == 40)
    }

    /// The error the field-by-field parser threw for `records` (ASCII, unquoted): at the first field end,
    /// in order, where the record's bytes so far pass `maxRecordBytes` (checked first) or the field is one
    /// more than `maxFields`.
    static func expectedLimitError(_ records: [CSVReferenceReader.Record], _ limits: ReaderLimits) -> ContactStatError? {
        for record in records {
            var total = 0
            for (index, field) in record.fields.enumerated() {
                total += field.count
                if total > limits.maxRecordBytes {
                    return ContactStatError(.dataFormat, "record is larger than the limit of \(limits.maxRecordBytes) bytes",
                                            at: "t.csv:\(record.line)")
                }
                if index >= limits.maxFields {
                    return ContactStatError(.dataFormat, "record has more than \(limits.maxFields) fields",
                                            at: "t.csv:\(record.line)")
                }
            }
        }
        return nil
    }

    /// Small limits on random records of many short fields: the same error (which limit, which line) whatever
    /// the slices, and none when no record passes them.
    @Test func limitsThrowAsBefore() throws {
        var g = SeededGenerator(seed: 15)
        let letters = Array("abcdefgh".utf8)
        var thrown = 0
        for round in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + g.uniform(6)) {
                let fields = 1 + g.uniform(20)
                for field in 0..<fields {
                    if field > 0 { bytes.append(UInt8(ascii: ",")) }
                    bytes += (0..<(field == 0 ? 1 + g.uniform(5) : g.uniform(6))).map { _ in letters[g.uniform(letters.count)] }
                }
                bytes.append(0x0A)
            }
            let limits = ReaderLimits(maxRecordBytes: 10 + g.uniform(50), maxFields: 2 + g.uniform(18))
            let records = try CSVReferenceReader.records(bytes, delimiter: UInt8(ascii: ","))
            let expected = Self.expectedLimitError(records, limits)
            for maxSlice in [1, 5, 16, bytes.count + 1] {
                let error = InputTestSupport.contactStatError {
                    _ = try Self.parseInSlices(bytes, delimiter: .comma, limits: limits, maxSlice: maxSlice, &g)
                }
                #expect(error == expected, "round \(round), slices up to \(maxSlice), \(limits): \(String(decoding: bytes, as: UTF8.self))")
                if error != expected { return }
            }
            if expected != nil { thrown += 1 }
        }
        // Both outcomes were tried, each often.
        #expect(thrown > 100 && thrown < 380)
    }

    /// A record's fields sit one separator byte apart in `RawRecord` (the delimiter, copied from the input), and
    /// a record with an invalid UTF-8 field keeps the layout once decoded.
    @Test func recordLayoutKeepsTheDelimiters() throws {
        let bytes = Array("a;bc;;\"d;\"\"e\"\n".utf8) + [0xE4] + Array(";Ä;x\n".utf8)
        var reader = try CSVReader(source: ByteChunkSource(bytes: Array("h1;h2;h3;h4\n".utf8) + bytes, name: "t.csv"))
        let records = try InputTestSupport.readAll(&reader)
        #expect(records.count == 2)
        #expect(records[0].bytes == Array("a;bc;;d;\"e".utf8))
        #expect(records[0].fieldEnds == [1, 4, 5, 10])
        #expect(records[0].fieldByteCount == 7)
        #expect(records[0].strings == ["a", "bc", "", "d;\"e"])
        #expect(records[1].strings == ["ä", "Ä", "x"])
        #expect(records[1].decodedAsWindows1252 && records[1].holdsValidUTF8)
        #expect(records[1].bytes == Array("ä;Ä;x".utf8))
    }
}
