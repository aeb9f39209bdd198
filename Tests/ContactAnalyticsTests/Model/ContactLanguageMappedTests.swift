import Foundation
import Testing
@testable import ContactAnalytics

/// `ContactLanguage(mapped:)` reads ASCII values by their bytes and short codes with one switch
/// (`shortName(_:)`): it gives what the plain reading gives (trim blanks, lower-case, the leading letters,
/// looked up in `names`) on every word of up to three letters, every name, codes with regions, blanks, odd
/// case and non-ASCII values.
@Suite struct ContactLanguageMappedTests {
    /// The straightforward reading the fast one replaced.
    static func plain(_ value: String) -> ContactLanguage? {
        let folded = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard !folded.isEmpty else { return nil }
        return ContactLanguage.names[String(folded.prefix { $0.isLetter })] ?? .other
    }

    @Test func everyShortWordReadsAsThePlainReading() {
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        var words = letters
        for a in letters { for b in letters { words.append(a + b) } }
        for a in letters { for b in letters { for c in letters { words.append(a + b + c) } } }
        var wrong: [String] = []
        for word in words where ContactLanguage(mapped: word) != Self.plain(word) { wrong.append(word) }
        #expect(wrong.isEmpty)
        #expect(words.count == 26 + 26 * 26 + 26 * 26 * 26)
    }

    @Test func everyNameAndVariantReadsAsThePlainReading() {
        var values: [String] = []
        for name in ContactLanguage.names.keys {
            values += [name, name.uppercased(), name.capitalized, " \(name)\t", "\(name)-FI", "\(name)_se", "\(name)x",
                       String(name.dropLast()), "\(name) (native)", "\(name)1"]
        }
        values += ["", " ", "\t \t", "fr", "FR-fr", "zh-Hant", "portuguesee", "castellanos", "abcdefghijklmnop",
                   "\u{00A0}fi", "fi\u{00A0}", "ñ", "é", "e\u{301}n", "Español", "ESPAÑOL", "Português", "fi\u{301}",
                   "123", "-fi", "fi.", "svenska språket", "\u{3000}en", "日本語", "fiñ"]
        var wrong: [String] = []
        for value in values where ContactLanguage(mapped: value) != Self.plain(value) { wrong.append(value) }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(ContactLanguage(mapped: "english") == .en)
        #expect(ContactLanguage(mapped: "ENGELSKA") == .en)
        #expect(ContactLanguage(mapped: "portuguese") == .pt)
        #expect(ContactLanguage(mapped: "castellano") == .es)
        #expect(ContactLanguage(mapped: "deutsch") == .de)
        #expect(ContactLanguage(mapped: "tyska") == .de)
        #expect(ContactLanguage(mapped: "fr") == .other)
        #expect(ContactLanguage(mapped: "\t") == nil)
    }

    /// `shortName(_:)` answers exactly the ASCII names of up to eight letters, each with its language.
    @Test func shortNamesHoldExactlyTheShortNames() {
        var expected: [UInt64: ContactLanguage] = [:]
        for (name, language) in ContactLanguage.names where name.utf8.count <= 8 && name.utf8.allSatisfy({ $0 < 0x80 }) {
            var word: UInt64 = 0
            for (i, byte) in name.utf8.enumerated() { word |= UInt64(byte) << (8 * UInt64(i)) }
            expected[word] = language
        }
        #expect(expected.count == 28)
        for (word, language) in expected { #expect(ContactLanguage.shortName(word) == language) }
        // Words one letter off each name are not names.
        for word in expected.keys {
            #expect(ContactLanguage.shortName(word ^ 0x01) == expected[word ^ 0x01])
            #expect(ContactLanguage.shortName(word | 0x61 << 56) == expected[word | 0x61 << 56])
        }
    }

    /// The codes as the mapper makes them (from bytes, in NFC) are found by their bits; any other value, the
    /// same letters upper-case or with a blank, a longer code, is not (the bytes decide it), and every one reads
    /// as the plain reading.
    @Test func codesMadeFromBytesAreFoundByTheirBits() {
        func made(_ text: String) -> String {
            Array(text.utf8).withUnsafeBufferPointer { TextNormalization.string(fromUTF8: $0, isKnownValid: true) }
        }
        let codes: [(String, ContactLanguage)] = [("en", .en), ("fi", .fi), ("sv", .sv), ("es", .es), ("pt", .pt),
                                                 ("de", .de)]
        for (code, language) in codes {
            #expect(ContactLanguage.code(bitsOf: made(code)) == language)
            #expect(ContactLanguage(mapped: made(code)) == language)
        }
        for other in ["EN", "En", "en ", " en", "eng", "e", "", "fr", "english", "fi-FI", "sv_SE"] {
            #expect(ContactLanguage.code(bitsOf: made(other)) == nil, "\(other)")
            #expect(ContactLanguage(mapped: made(other)) == Self.plain(other), "\(other)")
        }
    }
}
