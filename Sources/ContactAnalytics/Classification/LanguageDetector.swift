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

    init() {
        var map: [String: Int] = [:]
        var languages: [ContactLanguage] = []
        for (index, entry) in StopWords.byLanguage.enumerated() {
            languages.append(entry.language)
            for word in entry.words { map[word] = index }
        }
        wordLanguage = map
        self.languages = languages
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
    /// one language only, else none.
    private func shapeLanguage(_ word: String) -> Int? {
        var found: ContactLanguage?
        for (language, endings) in StopWords.markingEndings where endings.contains(where: { word.hasSuffix($0) }) {
            if found != nil, found != language { return nil }
            found = language
        }
        for (language, infixes) in StopWords.markingInfixes where infixes.contains(where: { word.contains($0) }) {
            if found != nil, found != language { return nil }
            found = language
        }
        return found.flatMap { languages.firstIndex(of: $0) }
    }

    private static let letterLanguage: [Character: ContactLanguage] = [
        "å": .sv, "ß": .de, "ñ": .es, "¿": .es, "¡": .es, "ã": .pt, "õ": .pt,
    ]
}
