import Foundation

/// The language a contact was written in: mapped from an export column (`language`) or detected from its text
/// (`LanguageDetector`). `unknown` when the text does not say clearly; `other` for a mapped language that is
/// none of the six the reports name.
public enum ContactLanguage: String, Sendable, CaseIterable {
    case en, fi, sv, es, pt, de, other, unknown

    /// A small fixed id for the metrics' slices (0 = unknown).
    var slot: Int {
        switch self {
        case .unknown: 0
        case .en: 1
        case .fi: 2
        case .sv: 3
        case .es: 4
        case .pt: 5
        case .de: 6
        case .other: 7
        }
    }

    /// The language of `slot` (`slot` of a language).
    init(slot: Int) {
        self = ContactLanguage.bySlot[max(0, min(slot, ContactLanguage.bySlot.count - 1))]
    }

    private static let bySlot: [ContactLanguage] = [.unknown, .en, .fi, .sv, .es, .pt, .de, .other]

    /// How many slots there are.
    static let slotCount = 8

    /// Reads a mapped value: an ISO 639-1 or 639-2 code, with or without a region (`fi`, `fi-FI`, `sv_SE`,
    /// `fin`, `swe`), or the language's name in English or in itself (`Finnish`, `suomi`, `svenska`,
    /// `Español`); any other non-empty value is `other`, an empty one `nil`.
    init?(mapped value: String) {
        // Called for every contact of an export with a language column: the common ASCII value is read from its
        // bytes (a Foundation trim and a Unicode letter test per character cost a quarter of a whole report) and
        // looked up as two words, with no String made and none hashed.
        // The bytes are read in place (no copy of the string, so no retain); a code of up to eight letters (every
        // code and most names) is one switch on a word.
        // First the value's own bits: the mapper hands out one string per distinct value, and a lower-case
        // two-letter code is a small string whose bits are its bytes, so most values are answered here.
        if let language = ContactLanguage.code(bitsOf: value) {
            self = language
            return
        }
        let reading = value.utf8.withContiguousStorageIfAvailable { ContactLanguage.asciiCode(of: $0) }
            ?? Array(value.utf8).withUnsafeBufferPointer { ContactLanguage.asciiCode(of: $0) }
        switch reading {
        case .empty:
            return nil
        case .code(let letters):
            if letters.high == 0 {
                self = ContactLanguage.shortName(letters.low) ?? .other
            } else {
                self = ContactLanguage.asciiNames.first { $0.letters == letters }?.language ?? .other
            }
        case .needsUnicode:
            let folded = value.trimmingCharacters(in: .whitespaces).lowercased()
            guard !folded.isEmpty else { return nil }
            self = ContactLanguage.names[String(folded.prefix { $0.isLetter })] ?? .other
        }
    }

    /// The language of `value` when it is bit for bit one of the six lower-case two-letter codes (`en`, `fi`,
    /// ...; `StringStorageWords`: equal bits are equal strings); `nil` for anything else, which the bytes decide.
    ///
    /// The bits are compared with constants, not with a table made from the codes' strings: a table in a `static
    /// let` costs a `swift_once` call and a loop per contact. A two-byte ASCII small string on a 64-bit
    /// little-endian platform has its bytes in the first word and `0xE0 | 2` (immortal, ASCII, small; two bytes)
    /// in the top byte of the second. Where strings are laid out otherwise no value matches and the bytes decide,
    /// with the same result (`ContactLanguageMappedTests` checks that the codes match here).
    @inline(__always)
    static func code(bitsOf value: String) -> ContactLanguage? {
        guard let bits = StringStorageWords.of(value), bits.1 == 0xE200_0000_0000_0000 else { return nil }
        switch bits.0 {
        case 0x6E65: return .en  // "en": 0x65 "e" in the low byte
        case 0x6966: return .fi
        case 0x7673: return .sv
        case 0x7365: return .es
        case 0x7470: return .pt
        case 0x6564: return .de
        default: return nil
        }
    }

    /// What reading `value` as ASCII gives.
    private enum ASCIIReading: Equatable {
        /// Only spaces and tabs (or nothing).
        case empty
        /// The leading letters, lower-cased, after spaces and tabs; they end at an ASCII non-letter or at the end.
        case code(PackedLetters)
        /// A non-ASCII byte among the leading blanks or right after the letters (a Unicode space, `ñ`, a
        /// combining accent): only the Unicode reading can tell.
        case needsUnicode
    }

    /// Up to 15 lower-case ASCII letters, the first in the low byte of `low`, the ninth in the low byte of
    /// `high`; unused bytes are zero, so two codes are equal exactly when their words are.
    private struct PackedLetters: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init() {}

        /// `letters`, which must be at most 15 lower-case ASCII letters.
        init(_ letters: some Sequence<UInt8>) {
            for (i, byte) in letters.enumerated() { append(byte, at: i) }
        }

        @inline(__always)
        mutating func append(_ byte: UInt8, at index: Int) {
            if index < 8 {
                low |= UInt64(byte) << (8 * UInt64(index))
            } else {
                high |= UInt64(byte) << (8 * UInt64(index - 8))
            }
        }
    }

    @inline(__always)
    private static func asciiCode(of bytes: UnsafeBufferPointer<UInt8>) -> ASCIIReading {
        var letters = PackedLetters()
        var count = 0
        var leading = true
        for byte in bytes {
            if byte >= 0x80 { return .needsUnicode }
            if leading && (byte == 0x20 || byte == 0x09) { continue }
            leading = false
            let lower = byte | 0x20
            guard lower >= 0x61 && lower <= 0x7A else { break }
            if count == 15 { return .needsUnicode }
            letters.append(lower, at: count)
            count += 1
        }
        if leading { return .empty }
        return .code(letters)
    }

    /// The language of an ASCII key of `names` of at most eight letters, packed as `PackedLetters.low` (the
    /// first letter in the low byte); `nil` for any other word. A search of `shortNames`, the codes first.
    @inline(__always)
    static func shortName(_ word: UInt64) -> ContactLanguage? {
        for entry in shortNames where entry.word == word { return entry.language }
        return nil
    }

    /// The ASCII keys of `names` of at most eight letters as one word each (`PackedLetters.low`), the shortest
    /// (the codes, the common values) first: made from `names`, which stays the one list of names.
    private static let shortNames: [(word: UInt64, language: ContactLanguage)] = asciiNames
        .filter { $0.letters.high == 0 }
        .map { ($0.letters.low, $0.language) }

    static let names: [String: ContactLanguage] = [
        "en": .en, "eng": .en, "english": .en, "englanti": .en, "engelska": .en,
        "fi": .fi, "fin": .fi, "finnish": .fi, "suomi": .fi, "finska": .fi,
        "sv": .sv, "swe": .sv, "swedish": .sv, "svenska": .sv, "ruotsi": .sv,
        "es": .es, "spa": .es, "spanish": .es, "español": .es, "espanol": .es, "castellano": .es,
        "pt": .pt, "por": .pt, "portuguese": .pt, "português": .pt, "portugues": .pt,
        "de": .de, "deu": .de, "ger": .de, "german": .de, "deutsch": .de, "saksa": .de, "tyska": .de,
    ]

    /// The ASCII keys of `names` as packed letters, the shortest (the codes, the common values) first (read for
    /// the keys longer than eight letters; `shortName(_:)` answers the others, from `shortNames`).
    private static let asciiNames: [(letters: PackedLetters, language: ContactLanguage)] = names
        .filter { key, _ in key.utf8.allSatisfy { $0 < 0x80 } }
        .sorted { ($0.key.utf8.count, $0.key) < ($1.key.utf8.count, $1.key) }
        .map { (PackedLetters($0.key.utf8), $0.value) }
}
