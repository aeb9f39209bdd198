import Foundation
import Testing
@testable import ContactAnalytics

@Suite("Text normalization")
struct TextNormalizationTests {
    private static func surelyNFC(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { TextNormalization.isSurelyNFC($0) }
    }

    /// The fast check answers "no byte of 0xCC or above" for every byte value at every offset of a word, and
    /// in the tail after the last whole word.
    @Test func findsEveryHighByteAtEveryOffset() {
        for length in [1, 7, 8, 9, 16, 23] {
            for offset in 0..<length {
                for byte in UInt8(0x80)...UInt8(0xFF) {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[offset] = byte
                    #expect(Self.surelyNFC(bytes) == (byte < 0xCC), "byte \(byte) at \(offset) of \(length)")
                }
            }
        }
        #expect(Self.surelyNFC([]))
        #expect(Self.surelyNFC(Array("Väinö Järvinen, Åsa Ström; 0x7F \u{7F} ÿ".utf8)))
        #expect(!Self.surelyNFC(Array("a\u{308}iti on täällä".utf8))) // combining diaeresis: 0xCC 0x88
        #expect(!Self.surelyNFC(Array("Ticket 12345678 日本".utf8)))
    }

    /// Strings come out in NFC whichever path they take: decomposed text is composed, the rest is kept as is.
    @Test func stringsComeOutComposed() {
        let decomposed = Array("Tilaus ei ole tullut pe\u{301}rille, a\u{308}iti kysyy".utf8)
        let text = decomposed.withUnsafeBufferPointer { TextNormalization.string(fromUTF8: $0) }
        #expect(Array(text.utf8) == Array("Tilaus ei ole tullut pérille, äiti kysyy".utf8))
        let latin = Array("Väinö Järvinen kysyy tilauksesta 12345678".utf8)
        #expect(Array(latin.withUnsafeBufferPointer { TextNormalization.string(fromUTF8: $0) }.utf8) == latin)
    }

    /// What `string(fromUTF8:)` gave before it skipped the standard library's check: `String(decoding:as:)`
    /// (invalid sequences replaced by U+FFFD), composed when some byte is 0xCC or above.
    private static func reference(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        return Array((bytes.allSatisfy { $0 < 0xCC } ? text : text.precomposedStringWithCanonicalMapping).utf8)
    }

    private static func made(_ bytes: [UInt8], isKnownValid: Bool = false) -> [UInt8] {
        bytes.withUnsafeBufferPointer { Array(TextNormalization.string(fromUTF8: $0, isKnownValid: isKnownValid).utf8) }
    }

    /// Every two-byte sequence, alone and after 7 and 8 ASCII bytes (the word loop and the tail), comes out
    /// as before: valid text as it is, invalid bytes repaired (U+FFFD) as `String(decoding:as:)` repairs them.
    @Test func everyTwoByteSequenceComesOutAsBefore() {
        var wrong: [[UInt8]] = []
        for prefix in [[UInt8](), Array("abcdefg".utf8), Array("abcdefgh".utf8)] {
            for first in UInt8(0)...UInt8(0xFF) {
                for second in stride(from: 0, through: 0xFF, by: first < 0xCC ? 1 : 7).map({ UInt8($0) }) {
                    let bytes = prefix + [first, second]
                    if Self.made(bytes) != Self.reference(bytes) { wrong.append(bytes) }
                }
            }
        }
        #expect(wrong.isEmpty, "first differences: \(wrong.prefix(5))")
    }

    /// Invalid UTF-8 of every kind (overlong forms, surrogates, beyond U+10FFFF, truncated and stray bytes),
    /// in short and long fields, is repaired exactly as before; so is the same text made valid.
    @Test func invalidSequencesAreRepairedAsBefore() {
        let invalid: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFE], [0xFF], [0xC3], [0xC3, 0x41],
        ]
        for sequence in invalid {
            for (before, after) in [("", ""), ("V", "in"), ("Tilaus ei ole tullut perille ", " kiitos, äiti")] {
                let bytes = Array(before.utf8) + sequence + Array(after.utf8)
                #expect(Self.made(bytes) == Self.reference(bytes), "\(bytes)")
                #expect(Self.made(bytes).count > bytes.count - sequence.count, "\(bytes) lost its replacement")
            }
        }
        // A Windows-1252 byte in Finnish text: one U+FFFD where the byte was.
        #expect(Self.made(Array("p".utf8) + [0xE4] + Array("iv\u{E4}".utf8)) == Array("p\u{FFFD}iv\u{E4}".utf8))
    }

    /// Valid text comes out byte for byte (checked or known valid), ASCII and not, short (held inline) and
    /// long; empty bytes give an empty string; the result compares and hashes as a literal does.
    @Test func validTextComesOutAsItIs() {
        let texts = ["", "a", "fi", "agent23", "T00000001", "exactly 15 byte", "sixteen bytes!!!",
                     "Käyttäjätunnukseni on estetty enkä pääse palveluun - tilausnumero 48542130",
                     "Var är min beställning? Åsa Ström", "Ticket 12345678 日本 🙂", "naïve café ÿ", "\u{7F}\u{80}"]
        for text in texts {
            let bytes = Array(text.utf8)
            for known in [false, true] {
                let made = bytes.withUnsafeBufferPointer { TextNormalization.string(fromUTF8: $0, isKnownValid: known) }
                #expect(made == text)
                #expect(made.hashValue == text.hashValue)
                #expect(made.count == text.count)
                #expect(Array(made.utf8) == bytes)
            }
        }
        #expect(TextNormalization.string(fromUTF8: UnsafeBufferPointer(start: nil, count: 0)) == "")
    }

    /// The one scan tells ASCII, text below U+0300 and other text apart at every length and offset (sixteen
    /// bytes at a time, then words, the last word read overlapping the one before it).
    @Test func formFindsTheHighestByteAtEveryOffset() {
        for length in 1...50 {
            for offset in 0..<length {
                for byte: UInt8 in [0x41, 0x7F, 0x80, 0xC3, 0xCB, 0xCC, 0xE2, 0xFF] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[offset] = byte
                    let form = bytes.withUnsafeBufferPointer { TextNormalization.form(of: $0) }
                    let expected: TextNormalization.Form = byte < 0x80 ? .ascii : byte < 0xCC ? .belowCombiningMarks : .other
                    #expect(form == expected, "byte \(byte) at \(offset) of \(length)")
                }
            }
        }
    }
}
