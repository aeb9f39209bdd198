/// Tells the language of a contact's text from the function words it uses (`StopWords.byLanguage`: one list
/// per language, the words no other list has) and a few letters only one of the languages writes (`å` Swedish,
/// `ß` German, `ñ` `¿` `¡` Spanish, `ã` `õ` Portuguese).
///
/// Each distinct marking word counts one point for its language, each distinctive letter one. The language
/// with the most points wins when it has at least `minimumPoints` and more than any other; anything less is
/// `unknown`: a short or mixed text is not guessed. Only the first `scannedCharacters` characters are read.
struct LanguageDetector: Sendable {
    static let minimumPoints = 2
    static let scannedCharacters = 600

    private let wordLanguage: [String: Int]
    private let languages: [ContactLanguage]
    /// `StopWords.markingEndings` and `markingInfixes` as UTF-8 bytes, by index into `languages`.
    private let markingEndings: [(Int, [[UInt8]])]
    private let markingInfixes: [(Int, [[UInt8]])]

    init() {
        var map: [String: Int] = [:]
        var languages: [ContactLanguage] = []
        for (index, entry) in StopWords.byLanguage.enumerated() {
            languages.append(entry.language)
            for word in entry.words { map[word] = index }
        }
        wordLanguage = map
        self.languages = languages
        markingEndings = StopWords.markingEndings.compactMap { entry in
            languages.firstIndex(of: entry.language).map { ($0, entry.endings.map { Array($0.utf8) }) }
        }
        markingInfixes = StopWords.markingInfixes.compactMap { entry in
            languages.firstIndex(of: entry.language).map { ($0, entry.infixes.map { Array($0.utf8) }) }
        }
    }

    /// The shared detector (its tables are built once).
    static let shared = LanguageDetector()

    /// The language of `texts` taken together (subject, body), or `unknown`.
    func detect(_ texts: String?...) -> ContactLanguage {
        var points = [Int](repeating: 0, count: languages.count)
        var seen = Set<String>()
        var remaining = Self.scannedCharacters
        var word = ""
        func finish() {
            if !word.isEmpty, seen.insert(word).inserted {
                if let index = wordLanguage[word] {
                    points[index] += 1
                } else if word.count > 3, let index = shapeLanguage(word) {
                    points[index] += 1
                }
            }
            word = ""
        }
        var letters = Set<Character>()
        for text in texts {
            guard let text else { continue }
            for character in text {
                if remaining == 0 { break }
                remaining -= 1
                if let ascii = character.asciiValue {
                    // ASCII first: no lower-cased string per character.
                    if (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x61 && ascii <= 0x7A) {
                        word.unicodeScalars.append(Unicode.Scalar(ascii | 0x20))
                    } else if ascii != UInt8(ascii: "'") {
                        finish()
                    }
                    continue
                }
                if character.isLetter {
                    let lower = character.lowercased()
                    word += lower
                    if let first = lower.first, Self.letterLanguage[first] != nil { letters.insert(first) }
                } else if character == "'" || character == "’" {
                    continue
                } else {
                    finish()
                    if let language = Self.letterLanguage[character] { letters.insert(character); _ = language }
                }
            }
            finish()
        }
        for letter in letters {
            if let language = Self.letterLanguage[letter], let index = languages.firstIndex(of: language) {
                points[index] += 1
            }
        }
        guard let best = points.indices.max(by: { points[$0] < points[$1] }),
              points[best] >= Self.minimumPoints,
              points.enumerated().allSatisfy({ $0.offset == best || $0.element < points[best] }) else {
            return .unknown
        }
        return languages[best]
    }

    /// The language a word's ending or letter pairs mark (`StopWords.markingEndings`, `markingInfixes`):
    /// one language only, else none. Compared as UTF-8 bytes (the words are built from NFC-composed letters
    /// where the input is NFC; this runs for every word of every contact, so no string search per ending).
    private func shapeLanguage(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { bytes -> Int? in
            var found: Int?
            for (index, endings) in markingEndings where endings.contains(where: { Self.hasSuffix(bytes, $0) }) {
                if found != nil, found != index { return nil }
                found = index
            }
            for (index, infixes) in markingInfixes where infixes.contains(where: { Self.contains(bytes, $0) }) {
                if found != nil, found != index { return nil }
                found = index
            }
            return found
        }
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard suffix.count <= bytes.count else { return false }
        let start = bytes.count - suffix.count
        for k in 0..<suffix.count where bytes[start + k] != suffix[k] { return false }
        return true
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: [UInt8]) -> Bool {
        guard part.count <= bytes.count else { return false }
        outer: for start in 0...(bytes.count - part.count) {
            for k in 0..<part.count where bytes[start + k] != part[k] { continue outer }
            return true
        }
        return false
    }

    private static let letterLanguage: [Character: ContactLanguage] = [
        "å": .sv, "ß": .de, "ñ": .es, "¿": .es, "¡": .es, "ã": .pt, "õ": .pt,
    ]
}
