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
}
