import Foundation

/// A lookup from free-text labels to values, insensitive to case, diacritics, spaces and punctuation.
///
/// **Folding.** A label is folded to a key: letters lower-cased and stripped of diacritics (`Sähköposti` ->
/// `sahkoposti`), digits kept, and everything else that is white space or punctuation removed (`E-mail`,
/// `e mail` and `EMAIL` are all `email`). Symbols such as emoji are kept (skin-tone modifiers and variation
/// selectors dropped). ASCII labels take a byte fast path with no Foundation call.
///
/// **Matching.** First the whole folded label (`exact`). Failing that, the keyword fallback reads the label's
/// words from left to right and looks up each pair of adjacent words joined (`live chat` in
/// `Inbound live chat`) and then each word alone, among the aliases registered as keywords. A *strong*
/// keyword anywhere beats a *weak* one (`Online chat` is chat: `chat` is strong, `online` weak); among equals
/// the leftmost wins. Words of one character and all-digit words never match as keywords.
struct AliasTable<Value: Sendable>: Sendable {
    /// How an alias may be used.
    enum Use: Sendable {
        /// Only as the whole label.
        case exactOnly
        /// Also as a word inside a longer label, winning over weak keywords.
        case strongKeyword
        /// Also as a word inside a longer label, when no strong keyword occurs.
        case weakKeyword
    }

    /// Where a match came from.
    enum Match: Sendable {
        case exact, keyword
    }

    private var exact: [String: Value] = [:]
    private var strong: [String: Value] = [:]
    private var weak: [String: Value] = [:]

    init() {}

    /// Adds `aliases` for `value` (later additions replace earlier ones with the same key).
    mutating func add(_ value: Value, _ use: Use, _ aliases: [String]) {
        for alias in aliases {
            let key = AliasTable.foldedKey(alias)
            guard !key.isEmpty else { continue }
            exact[key] = value
            switch use {
            case .exactOnly:
                strong[key] = nil
                weak[key] = nil
            case .strongKeyword:
                strong[key] = value
                weak[key] = nil
            case .weakKeyword:
                weak[key] = value
                strong[key] = nil
            }
        }
    }

    /// The value of the whole label, if it is an alias.
    func exactMatch(key: String) -> Value? { exact[key] }

    /// The value a keyword inside `text` gives, following the rules above.
    func keywordMatch(_ text: String) -> Value? {
        let words = AliasTable.foldedWords(text)
        var weakHit: Value?
        for index in words.indices {
            if index + 1 < words.count {
                let pair = words[index] + words[index + 1]
                if let value = strong[pair] { return value }
                if weakHit == nil, let value = weak[pair] { weakHit = value }
            }
            let word = words[index]
            guard word.utf8.count > 1, !word.utf8.allSatisfy(ByteCursor.isDigit) else { continue }
            if let value = strong[word] { return value }
            if weakHit == nil, let value = weak[word] { weakHit = value }
        }
        return weakHit
    }

    /// Looks `text` up: the exact match, else the keyword fallback; `nil` when neither finds it.
    func lookup(_ text: String) -> (value: Value, match: Match)? {
        let key = AliasTable.foldedKey(text)
        if let value = exact[key] { return (value, .exact) }
        if let value = keywordMatch(text) { return (value, .keyword) }
        return nil
    }

    // MARK: Folding

    /// The folded key of UTF-8 bytes (see the type's documentation).
    static func foldedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for byte in bytes where byte >= 0x80 {
            return foldedKey(String(decoding: bytes, as: UTF8.self))
        }
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            for byte in bytes {
                if ByteCursor.isDigit(byte) {
                    output[count] = byte
                    count += 1
                } else if ByteCursor.isLetter(byte) {
                    output[count] = byte | 0x20
                    count += 1
                }
            }
            return count
        }
    }

    /// The folded key of `text`.
    static func foldedKey(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = text
            return text.withUTF8 { foldedKey($0) }
        }
        return foldedWords(text).joined()
    }

    /// The folded words of `text`: runs of kept characters between dropped ones.
    static func foldedWords(_ text: String) -> [String] {
        let folded = text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch keeping(scalar) {
            case .keep: current.append(scalar)
            case .ignore: continue
            case .split:
                if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    private enum Keeping { case keep, ignore, split }

    private static func keeping(_ scalar: Unicode.Scalar) -> Keeping {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return ByteCursor.isDigit(byte) || ByteCursor.isLetter(byte) ? .keep : .split
        }
        switch scalar.value {
        case 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0x200D: return .ignore  // selectors, skin tones, ZWJ
        default: break
        }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .split
        case .nonspacingMark, .enclosingMark, .spacingMark:
            return .ignore
        default:
            return .keep
        }
    }
}
