import Testing
@testable import ContactAnalytics

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    /// The standard library's strict decoder (no overlongs, surrogates or code points above U+10FFFF) as the
    /// independent answer.
    private static func decodes(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
    }

    @Test(arguments: [
        ([], true),
        (Array("plain ASCII longer than one word".utf8), true),
        (Array("Väinö Järvinen, 日本 😀".utf8), true),
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xC3], false), // truncated after a whole ASCII word
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xC3, 0xA4], true), // ä right after a word
        ([0xC0, 0x80], false), // overlong NUL
        ([0xED, 0xA0, 0x80], false), // surrogate U+D800
        ([0xF4, 0x90, 0x80, 0x80], false), // above U+10FFFF
        ([0x61, 0x62, 0x63, 0xE4, 0x31, 0x32, 0x33, 0x34, 0x35], false), // Windows-1252 ä in the middle of a word
        ([0x80], false), // a lone continuation byte
    ] as [([UInt8], Bool)])
    func handPickedBytes(_ bytes: [UInt8], valid: Bool) {
        #expect(Self.isValid(bytes) == valid)
        #expect(Self.decodes(bytes) == valid)
    }

    /// Every pair of bytes, alone and between ASCII runs (after a whole word and before a tail), so both the
    /// two-byte path and the general one see every lead with every next byte: the standard decoder's verdict.
    @Test func everyBytePairAgreesWithTheStandardDecoder() {
        let before = Array("abcdefgh".utf8), after = Array("xyz".utf8)
        var valid = 0
        for lead in UInt8.min...UInt8.max {
            for next in UInt8.min...UInt8.max {
                for bytes in [[lead, next], before + [lead, next] + after] {
                    let expected = Self.decodes(bytes)
                    if expected { valid += 1 }
                    guard Self.isValid(bytes) == expected else {
                        Issue.record("\(bytes): expected \(expected)")
                        return
                    }
                }
            }
        }
        // ASCII pairs and the two-byte letters (C2...DF with a continuation byte), alone and padded.
        #expect(valid == 2 * (128 * 128 + 30 * 64))
    }

    /// Mostly ASCII text with multi-byte sequences, stray bytes and cut sequences at every offset in a word:
    /// the same verdict as the standard library's decoder.
    @Test func agreesWithTheStandardDecoderOnRandomText() {
        var generator = SeededGenerator(seed: 15)
        let pieces: [[UInt8]] = [Array("abc".utf8), Array("ä".utf8), Array("€".utf8), Array("😀".utf8), [0x80],
                                 [0xC3], [0xE2, 0x82], [0xFF], [0xE4], Array(" order 12345678 ".utf8)]
        var valid = 0
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                // Valid pieces far more often than broken ones, so both verdicts occur.
                let piece = Int.random(in: 0..<100, using: &generator) < 95
                    ? [0, 1, 2, 3, 9].randomElement(using: &generator) ?? 0
                    : Int.random(in: 0..<pieces.count, using: &generator)
                bytes += pieces[piece]
            }
            let expected = Self.decodes(bytes)
            if expected { valid += 1 }
            #expect(Self.isValid(bytes) == expected, "\(bytes)")
        }
        #expect(valid > 200 && valid < 1_800)
    }

    /// Every lead byte (80...FF) with every next byte, at each offset around the 16- and 32-byte steps of the
    /// vector path (0, 1, 14...17, 30...33, 46, 47), inside ASCII and inside text full of two-byte letters (so a
    /// pair can follow a lead carried over a block edge): the standard decoder's verdict.
    @Test func everyBytePairAtTheBlockEdgesAgreesWithTheStandardDecoder() {
        let ascii = [UInt8](repeating: 0x61, count: 64)
        let letters = Array(String(repeating: "äö", count: 16).utf8)
        var valid = 0
        for padding in [ascii, letters] {
            for offset in [0, 1, 14, 15, 16, 17, 30, 31, 32, 33, 46, 47] {
                for lead in UInt8(0x80)...UInt8.max {
                    for next in UInt8.min...UInt8.max {
                        var bytes = padding
                        bytes[offset] = lead
                        bytes[offset + 1] = next
                        let expected = Self.decodes(bytes)
                        if expected { valid += 1 }
                        guard Self.isValid(bytes) == expected else {
                            Issue.record("\(lead) \(next) at \(offset): expected \(expected)")
                            return
                        }
                    }
                }
            }
        }
        // In ASCII: the two-byte letters (30 leads, 64 continuations) at every offset. Among the letters, at an
        // even offset the pair replaces one letter whole (a two-byte letter keeps the text valid), at an odd
        // one it ends a letter and begins the next (a continuation, then a two-byte lead): 30 x 64 again.
        #expect(valid == 2 * 12 * 30 * 64)
    }

    /// Long text (up to 600 bytes) mostly of Finnish and Swedish letters and ASCII, with three- and four-byte
    /// sequences, stray continuations, cut sequences and Windows-1252 bytes now and then, at every length
    /// around the vector steps: the standard decoder's verdict.
    @Test func agreesWithTheStandardDecoderOnLongMixedText() {
        var generator = SeededGenerator(seed: 16)
        let pieces: [[UInt8]] = [Array("Hyvää päivää ".utf8), Array("ö".utf8), Array("Å".utf8), Array("ä".utf8),
                                 Array("the order number is 12345678, ".utf8), Array("–".utf8), Array("€".utf8),
                                 Array("😀".utf8), Array("日本".utf8), [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F],
                                 [0xE4], [0xF6], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        var valid = 0
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            let wanted = generator.uniform(600)
            while bytes.count < wanted {
                let roll = generator.uniform(1_000)
                let piece = roll < 980 ? generator.uniform(9) : 9 + generator.uniform(pieces.count - 9)
                bytes += pieces[piece]
            }
            let expected = Self.decodes(bytes)
            if expected { valid += 1 }
            #expect(Self.isValid(bytes) == expected, "\(bytes)")
        }
        #expect(valid > 800 && valid < 3_200)
    }

    /// The records of a realistic export (Finnish and Swedish text, quoted bodies): each valid, and each with a
    /// byte changed at a random place (a letter's continuation byte dropped to ASCII, an ASCII byte made 0xE4
    /// as Windows-1252 writes ä): the standard decoder's verdict.
    @Test func agreesWithTheStandardDecoderOnARealisticExport() throws {
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: 300, seed: 8, text: .realistic)).bytes()
        var generator = SeededGenerator(seed: 17)
        var start = 0, records = 0, broken = 0
        for end in bytes.indices where bytes[end] == 0x0A {
            let record = Array(bytes[start..<end])
            start = end + 1
            records += 1
            #expect(Self.isValid(record) == Self.decodes(record))
            guard !record.isEmpty else { continue }
            var changed = record
            let place = generator.uniform(record.count)
            changed[place] = changed[place] >= 0x80 ? 0x61 : 0xE4
            let expected = Self.decodes(changed)
            if !expected { broken += 1 }
            #expect(Self.isValid(changed) == expected, "\(changed)")
        }
        #expect(records > 300)
        #expect(broken > 300)
    }
}
