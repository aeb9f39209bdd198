import Foundation

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
    /// `StopWords.markingEndings` and `markingInfixes` as UTF-8 bytes, with their languages' indexes.
    private let shapeMarks: ShapeMarks
    /// The marking words by their NFC bytes, for `detectBytes`.
    private let wordTable: ByteWordTable
    /// Per non-ASCII scalar of `ScalarFacts.covered`: what `detectBytes` does with it.
    private let scalarFacts: ScalarFacts
    /// The distinctive letters in a fixed order (a bit each in `detectBytes`), with their language's index.
    private let distinctiveLetters: [(Character, Int)]

    init() {
        var map: [String: Int] = [:]
        var languages: [ContactLanguage] = []
        for (index, entry) in StopWords.byLanguage.enumerated() {
            languages.append(entry.language)
            for word in entry.words { map[word] = index }
        }
        wordLanguage = map
        self.languages = languages
        var marks = ShapeMarks()
        for (language, endings) in StopWords.markingEndings {
            guard let index = languages.firstIndex(of: language) else { continue }
            for ending in endings.map({ Array($0.utf8) }) {
                if let last = ending.last { marks.endings[Int(last)].append((ending, index)) }
            }
        }
        for (language, infixes) in StopWords.markingInfixes {
            guard let index = languages.firstIndex(of: language) else { continue }
            for infix in infixes.map({ Array($0.utf8) }) {
                if let first = infix.first { marks.infixes[Int(first)].append((infix, index)) }
            }
        }
        shapeMarks = marks
        wordTable = ByteWordTable(map)
        let letters = Self.letterLanguage.sorted { $0.key < $1.key }.compactMap { letter, language in
            languages.firstIndex(of: language).map { (letter, $0) }
        }
        distinctiveLetters = letters
        scalarFacts = ScalarFacts(distinctive: letters.map(\.0))
    }

    /// The shared detector (its tables are built once).
    static let shared = LanguageDetector()

    /// The language of `texts` taken together (subject, body), or `unknown`.
    ///
    /// Reads the UTF-8 bytes (`detectBytes`) when every character it reads is an ASCII byte, CR LF or a
    /// non-ASCII scalar that is a character of its own (Latin, Greek, Cyrillic letters, most punctuation);
    /// text with a combining mark, an emoji or another cluster of scalars is read by characters
    /// (`detectByCharacters`). Both give the same language (tests compare them).
    func detect(_ texts: String?...) -> ContactLanguage {
        detectBytes(texts) ?? detectByCharacters(texts)
    }

    /// The decision from the points: the language with the most, at least `minimumPoints` and more than any
    /// other, else `unknown`.
    private func decide(_ points: [Int]) -> ContactLanguage {
        guard let best = points.indices.max(by: { points[$0] < points[$1] }),
              points[best] >= Self.minimumPoints,
              points.enumerated().allSatisfy({ $0.offset == best || $0.element < points[best] }) else {
            return .unknown
        }
        return languages[best]
    }

    /// `detect` character by character: each distinct word's marking language (`wordLanguage`, else its shape
    /// for words of more than three letters) and each distinctive letter count one point.
    func detectByCharacters(_ texts: [String?]) -> ContactLanguage {
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
        return decide(points)
    }

    /// `detect` on the UTF-8 bytes, or `nil` when a character it would read is not a single scalar of
    /// `ScalarFacts` (then only `detectByCharacters` can say where the characters end). Words are lower-cased
    /// into a byte buffer; only the words that mark a language are remembered (to count each once), since the
    /// others add nothing however often they repeat.
    func detectBytes(_ texts: [String?]) -> ContactLanguage? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.wordCapacity + Self.seenCapacity) { buffer in
            guard let word = buffer.baseAddress else { return nil }
            var reading = ByteReading(word: word, seen: word + Self.wordCapacity, languages: languages.count)
            for text in texts {
                guard var text else { continue }
                guard text.withUTF8({ reading.read($0, detector: self) }) else { return nil }
                reading.finish(detector: self)
            }
            if reading.overflow { return nil }
            var points = reading.points
            for (bit, letter) in distinctiveLetters.enumerated() where reading.letterBits & (1 << bit) != 0 {
                points[letter.1] += 1
            }
            return decide(points)
        }
    }

    /// The state of `detectBytes`: the word being read, the marking words seen, the points.
    private struct ByteReading {
        let word: UnsafeMutablePointer<UInt8>
        /// The marking words counted so far, each after its length.
        let seen: UnsafeMutablePointer<UInt8>
        var seenLength = 0
        var overflow = false
        var points: [Int]
        var letterBits: UInt32 = 0
        var remaining = LanguageDetector.scannedCharacters
        /// Bytes of the word so far, and its characters (each appended scalar is one).
        var length = 0
        var characters = 0

        init(word: UnsafeMutablePointer<UInt8>, seen: UnsafeMutablePointer<UInt8>, languages: Int) {
            self.word = word
            self.seen = seen
            points = [Int](repeating: 0, count: languages)
        }

        /// The word ends: one point for its language if it marks one and was not counted yet.
        mutating func finish(detector: LanguageDetector) {
            defer {
                length = 0
                characters = 0
            }
            guard length > 0 else { return }
            let bytes = UnsafeBufferPointer(start: word, count: length)
            guard let index = detector.wordTable.language(of: bytes)
                    ?? (characters > 3 ? detector.shapeLanguage(bytes) : nil) else { return }
            var k = 0
            while k < seenLength {
                let count = Int(seen[k])
                if count == length, memcmp(seen + k + 1, word, length) == 0 { return }
                k += 1 + count
            }
            points[index] += 1
            guard seenLength + 1 + length <= LanguageDetector.seenCapacity else {
                overflow = true
                return
            }
            seen[seenLength] = UInt8(length)
            (seen + seenLength + 1).update(from: word, count: length)
            seenLength += 1 + length
        }

        /// Reads one text; `false` when it holds a character only `detectByCharacters` can read.
        mutating func read(_ input: UnsafeBufferPointer<UInt8>, detector: LanguageDetector) -> Bool {
            guard let base = input.baseAddress else { return true }
            let n = input.count
            var i = 0
            while i < n {
                if remaining == 0 {
                    // The character after the last one read must not join it (a combining mark would).
                    return base[i] < 0x80 || detector.scalarFacts.fact(input, at: i) != nil
                }
                remaining -= 1
                let b = base[i]
                if b < 0x80 {
                    i += 1
                    if b == 0x0D, i < n, base[i] == 0x0A { i += 1 }  // CR LF is one character
                    if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                        guard length < 255 else { return false }
                        word[length] = b | 0x20
                        length += 1
                        characters += 1
                    } else if b != UInt8(ascii: "'") {
                        finish(detector: detector)
                    }
                    continue
                }
                guard let fact = detector.scalarFacts.fact(input, at: i) else { return false }
                i += fact.length
                switch fact.kind {
                case .letter:
                    guard length + fact.lowerCount < 255 else { return false }
                    var lower = fact.lower
                    for _ in 0..<fact.lowerCount {
                        word[length] = UInt8(truncatingIfNeeded: lower)
                        lower >>= 8
                        length += 1
                    }
                    characters += 1
                    letterBits |= fact.letterBit
                case .apostrophe:
                    continue
                case .other:
                    finish(detector: detector)
                    letterBits |= fact.letterBit
                }
            }
            return true
        }
    }

    /// Bytes for the word being read (at most 254: a longer one goes to `detectByCharacters`) and for the
    /// marking words seen, each after its length (at most 300 words of 1,800 bytes in 600 characters; past
    /// that, too, `detectByCharacters`).
    private static let wordCapacity = 256
    private static let seenCapacity = 2560

    /// The language a word's ending or letter pairs mark (`StopWords.markingEndings`, `markingInfixes`):
    /// one language only, else none.
    private func shapeLanguage(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { shapeLanguage($0) }
    }

    /// The language a word's ending or letter pairs mark, as UTF-8 bytes (the words are built from
    /// NFC-composed letters where the input is NFC; this runs for every word of more than three letters, so the
    /// endings are looked up by the word's last byte and the letter pairs by each byte, not searched one by one).
    /// A word that shows two languages' marks marks none.
    private func shapeLanguage(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let last = bytes.last else { return nil }
        var languages: UInt32 = 0
        for (ending, language) in shapeMarks.endings[Int(last)] where Self.hasSuffix(bytes, ending) {
            languages |= 1 << UInt32(language)
        }
        for start in bytes.indices {
            for (infix, language) in shapeMarks.infixes[Int(bytes[start])]
            where languages & (1 << UInt32(language)) == 0 && Self.contains(bytes, infix, at: start) {
                languages |= 1 << UInt32(language)
            }
        }
        return languages.nonzeroBitCount == 1 ? languages.trailingZeroBitCount : nil
    }

    /// `markingEndings` by last byte and `markingInfixes` by first byte, each with its language's index.
    struct ShapeMarks: Sendable {
        var endings = [[([UInt8], Int)]](repeating: [], count: 256)
        var infixes = [[([UInt8], Int)]](repeating: [], count: 256)
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard suffix.count <= bytes.count else { return false }
        let start = bytes.count - suffix.count
        for k in 0..<suffix.count where bytes[start + k] != suffix[k] { return false }
        return true
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: [UInt8], at start: Int) -> Bool {
        guard start + part.count <= bytes.count else { return false }
        for k in 0..<part.count where bytes[start + k] != part[k] { return false }
        return true
    }

    private static let letterLanguage: [Character: ContactLanguage] = [
        "å": .sv, "ß": .de, "ñ": .es, "¿": .es, "¡": .es, "ã": .pt, "õ": .pt,
    ]
}
