import Foundation
import Testing
@testable import ContactAnalytics

/// The CSV parser's UTF-8 check in its copy loops (`UTF8BlockCheck`), which spares a record whose bytes it
/// confirmed the second pass (`UTF8Validation.isValid`): valid and invalid sequences of every length at every
/// offset from the 16-byte blocks, right before delimiters, quotes and line ends, cut by the slices, inside
/// quotes and after a closing quote (`"\u{C3}"\u{A4}` joins a lead and its continuation in the record while
/// the input holds a quote between them); every record must read as the reference reader's (bytes, lines, and
/// which fields are decoded as Windows-1252).
@Suite("CSV records checked as UTF-8 on the way")
struct CSVRecordUTF8PassTests {
    /// Bytes that are not ASCII: valid two-, three- and four-byte sequences, and malformed ones (a lone lead, a
    /// lone continuation, a lead before ASCII, overlong, a surrogate, above U+10FFFF, a cut sequence, a
    /// continuation too many, a Windows-1252 letter). No byte Windows-1252 leaves undefined (81, 8D, 8F, 90,
    /// 9D), which the reference reader's decoder refuses.
    static let pieces: [[UInt8]] = [
        Array("ä".utf8), Array("Äiti".utf8), Array("päivää".utf8), Array("€".utf8), Array("😀".utf8),
        [0xC3], [0xE4], [0x80], [0xBF], [0xC3, 0x41], [0xC0, 0x80], [0xC1, 0xBF], [0xE2, 0x82],
        [0xED, 0xA0, 0x80], [0xF4, 0xA0, 0x80, 0x80], [0xC3, 0xA4, 0xA4], [0xDF, 0xBF], [0xC2, 0xA0],
    ]

    /// A random field: ASCII of random length (so what follows lands at every offset from a block), pieces
    /// from `pieces` (valid two-byte letters most often), unquoted or quoted, the pieces now and then right at
    /// the field's end, a lead closing a quoted field and its continuation after the quote.
    static func randomField(_ g: inout SeededGenerator, delimiter: UInt8, lineEnd: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "\"")
        let letters = Array("abcdefghXYZ 0123456789-:._".utf8)
        func run(_ length: Int) -> [UInt8] { (0..<length).map { _ in letters[g.uniform(letters.count)] } }
        func piece() -> [UInt8] { g.chance(perMille: 600) ? pieces[g.uniform(3)] : pieces[g.uniform(pieces.count)] }
        var content: [UInt8] = []
        for _ in 0..<(g.uniform(4)) {
            content += run(g.uniform(g.chance(perMille: 200) ? 70 : 20))
            content += piece()
        }
        if g.chance(perMille: 500) { content += run(g.uniform(20)) }
        switch g.uniform(8) {
        case 0, 1, 2:
            // Quoted, with line breaks, `""` (after a piece now and then) and delimiters inside.
            var quoted: [UInt8] = [quote]
            for byte in content {
                quoted.append(byte)
                switch g.uniform(40) {
                case 0: quoted += [quote, quote]
                case 1: quoted += lineEnd
                case 2: quoted.append(delimiter)
                default: break
                }
            }
            quoted.append(quote)
            // A piece after the closing quote now and then (text after the quote, kept).
            if g.chance(perMille: 150) { quoted += piece() + run(g.uniform(3)) }
            return quoted
        case 3:
            // A lead closing a quoted field and its continuation after the quote: `"…\u{C3}"\u{A4}…`.
            return [quote] + run(g.uniform(30)) + [0xC3, quote, 0xA4] + run(g.uniform(5))
        default:
            // Unquoted (a quote inside is data), ending on a piece now and then.
            return content.filter { $0 != quote }
        }
    }

    /// A file of `records` random records after a two-column header, in the line-end style `lineEnd`.
    static func randomFile(_ g: inout SeededGenerator, delimiter: UInt8, lineEnd: [UInt8], records: Int) -> [UInt8] {
        var bytes: [UInt8] = Array("h1".utf8) + [delimiter] + Array("h2".utf8) + lineEnd
        for record in 0..<records {
            for field in 0..<(1 + g.uniform(6)) {
                if field > 0 { bytes.append(delimiter) }
                bytes += randomField(&g, delimiter: delimiter, lineEnd: lineEnd)
            }
            if record + 1 < records || g.chance(perMille: 700) { bytes += lineEnd }
        }
        return bytes
    }

    /// Random files in every line-end style and several delimiters: in slices down to one byte and through
    /// chunks, the records, lines and Windows-1252 decodings are the reference reader's.
    @Test func recordsReadAsTheReference() throws {
        var g = SeededGenerator(seed: 2026_12_06)
        let lineEnds: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        var decoded = 0, valid = 0
        for round in 0..<300 {
            let delimiter = CSVDelimiter.allCases[round % CSVDelimiter.allCases.count]
            let lineEnd = lineEnds[(round / 4) % 3]
            let bytes = Self.randomFile(&g, delimiter: delimiter.rawValue, lineEnd: lineEnd, records: 1 + g.uniform(10))
            let expected = try CSVReferenceReader.records(bytes, delimiter: delimiter.rawValue)
            for maxSlice in [1, 7, 23, 64, bytes.count + 1] {
                let actual = try CSVRecordWordPassTests.parseInSlices(bytes, delimiter: delimiter, maxSlice: maxSlice, &g)
                #expect(actual == expected, "round \(round), slices up to \(maxSlice): \(Array(bytes))")
                if actual != expected { return }
            }
            for (sourceChunk, target) in [(5, 9), (64, 1 << 20)] {
                let (records, _, _) = try CSVChunkTests.recordsThroughChunks(bytes, sourceChunk: sourceChunk,
                                                                              target: target, direct: 0)
                #expect(records.map { InputTestSupport.referenceRecord($0) } == Array(expected.dropFirst()),
                        "round \(round), chunks: \(Array(bytes))")
            }
            for record in expected.dropFirst() {
                if record.decodedAsWindows1252 {
                    decoded += 1
                } else if record.fields.contains(where: { $0.contains { $0 >= 0x80 } }) {
                    valid += 1
                }
            }
        }
        // Both kinds were many: records with valid text that is not ASCII, and records decoded.
        #expect(decoded > 100 && valid > 100)
    }

    /// A lead and its continuation joined across a closing quote read as one letter (the input's bytes are not
    /// well-formed there, the record's are); a lead cut by a quote, a delimiter or the line end is decoded as
    /// Windows-1252; valid letters at the end of a 16-byte block, a whole block of them, and a field of them
    /// longer than a block are valid.
    @Test func joinsCutsAndBlockEdges() throws {
        let letters = String(repeating: "ä", count: 12)
        let input = Array("id,text\n1,\"abc".utf8) + [0xC3, 0x22, 0xA4] + Array("x\n".utf8)
            + Array("2,\"abcdefghijklmn".utf8) + [0xC3, 0x22] + Array(",z\n".utf8)
            + Array("3,abcdefghijklm".utf8) + [0xC3] + Array(",z\n".utf8)
            + Array("4,abcdefghijklmnopqrstu".utf8) + [0xC3] + Array("\n".utf8)
            + Array("5,abcdefghijkl\u{E4},\"\(letters)\",\(letters)\n".utf8)
        for chunkSize in [1, 3, 4096] {
            var reader = try CSVReader(source: ByteChunkSource(bytes: input, chunkSize: chunkSize))
            let records = try InputTestSupport.readAll(&reader)
            #expect(records.map(\.decodedAsWindows1252) == [false, true, true, true, false])
            #expect(records.map { $0.string(at: 1) }
                    == ["abcäx", "abcdefghijklmnÃ", "abcdefghijklmÃ", "abcdefghijklmnopqrstuÃ", "abcdefghijklä"])
            #expect(records.last?.string(at: 2) == letters)
            #expect(records.last?.string(at: 3) == letters)
            #expect(records.allSatisfy { $0.holdsValidUTF8 })
        }
    }

    /// `UTF8BlockCheck` against the standard decoder: runs of whole blocks and a stopped one of text with
    /// letters of every length, a byte or two replaced now and then by one from an alphabet of ASCII,
    /// continuations, leads of every length and bytes no UTF-8 holds; whenever the check confirms the bytes
    /// passed, they are valid UTF-8; and text of ASCII and two-byte letters laid out at random is always
    /// confirmed.
    @Test func blockCheckConfirmsOnlyValidText() {
        var g = SeededGenerator(seed: 15)
        let alphabet: [UInt8] = [0x41, 0x20, 0x0A, 0x80, 0xA4, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xF0,
                                 0xF4, 0xF5, 0xFF]
        var confirmedMixed = 0
        for round in 0..<20_000 {
            let twoByteOnly = round % 2 == 0
            var bytes: [UInt8] = []
            if twoByteOnly {
                // ASCII and whole two-byte letters, at least 16 * blocks + 16 bytes, cut after a whole letter.
                let blocks = 1 + g.uniform(3)
                while bytes.count < blocks * 16 + 16 {
                    bytes += g.chance(perMille: 400) ? Array("ä".utf8) : (g.chance(perMille: 100) ? [0xC2, 0xA0] : [0x61])
                }
            } else {
                let letters: [[UInt8]] = [[0x61], [0x20], Array("ä".utf8), Array("ß".utf8), Array("€".utf8), Array("😀".utf8)]
                while bytes.count < 16 * (2 + g.uniform(3)) {
                    let pick = g.uniform(100)
                    bytes += letters[pick < 40 ? 0 : pick < 60 ? 1 : pick < 80 ? 2 : pick < 96 ? 3 : pick < 98 ? 4 : 5]
                }
                for _ in 0..<g.uniform(3) { bytes[g.uniform(bytes.count)] = alphabet[g.uniform(alphabet.count)] }
            }
            let wholeBlocks = bytes.count / 16 - 1
            var check = UTF8BlockCheck()
            for block in 0..<wholeBlocks {
                let vector = Self.block(bytes, at: block * 16)
                check.pass(vector, high: ByteBlock.bits(vector))
            }
            // The last block stopped after `taken` bytes (a letter's end when only whole letters are wanted).
            var taken = g.uniform(17)
            if twoByteOnly {
                while taken > 0, bytes[wholeBlocks * 16 + taken - 1] >= 0xC0 { taken -= 1 }
                // A letter begun in the block before ends in this one.
                if taken == 0, bytes[wholeBlocks * 16 - 1] >= 0xC0 { taken = 1 }
            }
            let last = Self.block(bytes, at: wholeBlocks * 16)
            check.pass(last, high: ByteBlock.bits(last), taken: (1 << UInt64(taken)) - 1)
            let passed = Array(bytes[0..<(wholeBlocks * 16 + taken)])
            if twoByteOnly {
                #expect(check.confirmed, "\(passed)")
            } else if check.confirmed {
                confirmedMixed += 1
                #expect(String(validating: passed, as: UTF8.self) != nil, "\(passed)")
            }
        }
        // A lead carried out of the loop is not confirmed.
        var carried = UTF8BlockCheck()
        let block = Self.block(Array(String(repeating: "a", count: 15).utf8) + [0xC3], at: 0)
        carried.pass(block, high: ByteBlock.bits(block))
        #expect(carried.confirmed)
        carried.end()
        #expect(!carried.confirmed)
        #expect(confirmedMixed > 0)
    }

    /// The 16 bytes of `bytes` at `offset`, as the loops load them.
    private static func block(_ bytes: [UInt8], at offset: Int) -> SIMD16<UInt8> {
        var vector = SIMD16<UInt8>()
        for lane in 0..<16 { vector[lane] = bytes[offset + lane] }
        return vector
    }
}
