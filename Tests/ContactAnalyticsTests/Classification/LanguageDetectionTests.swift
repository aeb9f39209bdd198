import Foundation
import Testing
@testable import ContactAnalytics

/// Language detection on the hand-written sets (`Fixtures/labelled/handwritten-<lang>.csv`): the share told
/// right per language (at least 60 %; measured 2026-12-03: en 34/36, fi 28/34, sv 24/33, es 25/30, pt 19/30,
/// de 27/30), at most one wrong language per set (none measured), and `unknown` when a text does not say.
@Suite struct LanguageDetectionTests {
    @Test(arguments: ["en", "fi", "sv", "es", "pt", "de"])
    func mostOfEachHandwrittenSetIsToldRight(language: String) throws {
        let url = ClassificationTestSupport.packageRoot
            .appendingPathComponent("Fixtures/labelled/handwritten-\(language).csv")
        let rows = try FixtureCSV.rows(url)
        let expected = try #require(ContactLanguage(rawValue: language))
        var right = 0, unknown = 0
        var wrong: [String] = []
        for row in rows {
            let text = try #require(row["text"])
            switch LanguageDetector.shared.detect(text) {
            case expected: right += 1
            case .unknown: unknown += 1
            case let other: wrong.append("\(text) -> \(other.rawValue)")
            }
        }
        print("language \(language): \(right) of \(rows.count) right, \(unknown) unknown, \(wrong.count) wrong")
        #expect(Double(right) / Double(rows.count) >= 0.6, "\(language): \(right) of \(rows.count)")
        #expect(wrong.count <= 1, "\(language): \(wrong.joined(separator: "; "))")
    }

    @Test func shortOrMixedTextsAreUnknown() {
        let detector = LanguageDetector.shared
        #expect(detector.detect("Invoice 12345") == .unknown)
        #expect(detector.detect("") == .unknown)
        #expect(detector.detect(nil) == .unknown)
        #expect(detector.detect("ok") == .unknown)
        // One English and one Finnish marker: a tie.
        #expect(detector.detect("the lasku ja") == .unknown)
        #expect(detector.detect("Where is my order? It has not arrived") == .en)
        #expect(detector.detect("Hej, var är mitt paket?") == .sv)
        #expect(detector.detect("Subject", "Hei, missä minun tilaus on?") == .fi)
    }

    @Test func mappedValuesAreRead() {
        #expect(ContactLanguage(mapped: "fi-FI") == .fi)
        #expect(ContactLanguage(mapped: "sv_SE") == .sv)
        #expect(ContactLanguage(mapped: "Suomi") == .fi)
        #expect(ContactLanguage(mapped: "Español") == .es)
        #expect(ContactLanguage(mapped: "pt-BR") == .pt)
        #expect(ContactLanguage(mapped: "deu") == .de)
        #expect(ContactLanguage(mapped: "English") == .en)
        #expect(ContactLanguage(mapped: "fr") == .other)
        #expect(ContactLanguage(mapped: " ") == nil)
        // Read as ASCII bytes where it can be, as Unicode text otherwise: the same answers either way.
        #expect(ContactLanguage(mapped: "") == nil)
        #expect(ContactLanguage(mapped: " \t ") == nil)
        #expect(ContactLanguage(mapped: "\tFI ") == .fi)
        #expect(ContactLanguage(mapped: "ENGLISH") == .en)
        #expect(ContactLanguage(mapped: "\u{3000}sv") == .sv)  // an ideographic space, trimmed
        #expect(ContactLanguage(mapped: "fi\u{00A0}") == .fi)  // a no-break space after the code
        #expect(ContactLanguage(mapped: "portugue\u{0302}s") == .pt)  // ê as e + a combining accent
        #expect(ContactLanguage(mapped: "\u{00A0}") == nil)
        #expect(ContactLanguage(mapped: "1fi") == .other)
        #expect(ContactLanguage(mapped: "\n") == .other)  // a line break is not trimmed: a value, not a language
        #expect(ContactLanguage(mapped: "castellano") == .es)
        #expect(ContactLanguage(mapped: "abcdefghijklmnopq") == .other)  // longer than the ASCII reading keeps
        #expect(ContactLanguage(mapped: "sv.") == .sv)
        // ASCII values are compared as packed letters: names of eight letters and of more than eight (both
        // words), and values that only begin or nearly make a name.
        #expect(ContactLanguage(mapped: "ENGLANTI") == .en)
        #expect(ContactLanguage(mapped: "Portuguese") == .pt)
        #expect(ContactLanguage(mapped: "portugues") == .pt)
        #expect(ContactLanguage(mapped: "tyska") == .de)
        #expect(ContactLanguage(mapped: "ger") == .de)
        #expect(ContactLanguage(mapped: "engl") == .other)
        #expect(ContactLanguage(mapped: "e") == .other)
        #expect(ContactLanguage(mapped: "portuguesa") == .other)
        #expect(ContactLanguage(mapped: "enfi") == .other)
        #expect(ContactLanguage(mapped: "abcdefghijklmno") == .other)  // 15 letters
        for language in ContactLanguage.allCases { #expect(ContactLanguage(slot: language.slot) == language) }
    }

    /// Reading bytes (`detectBytes`) gives what reading characters gives, on random texts of marking words,
    /// shaped words (endings, letter pairs), other words, non-ASCII letters and punctuation, CR LF, curly
    /// apostrophes, and past the 600 characters read; texts with combining marks, emoji or letters whose
    /// lower-case form is two scalars (`İ`) are read by characters.
    @Test func readingBytesAgreesWithReadingCharacters() {
        let detector = LanguageDetector.shared
        var generator = SeededGenerator(seed: 15)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let marking = StopWords.byLanguage.flatMap { $0.words.sorted() }
        let shaped = ["tilauksessa", "kaupasta", "informação", "situación", "bestellung", "paketen", "filho",
                      "schnell", "täällä", "NOTIFICAÇÕES", "Möglichkeit", "BESTÄLLNINGARNA", "yyteri", "muutos"]
        let letters = ["Å", "ß", "ñ", "Ñ", "¿", "¡", "ã", "Õ", "é", "Ä", "ø", "Σ", "ж", "Ж", "ǅ", "µ", "ª"]
        let separators = [" ", "  ", ", ", ".", "!", "'", "’", "\r\n", "\n", "\r", "\t", "-", "1", "€", "—", "«", "»"]
        let slowOnes = ["e\u{0301}", "😀", "👍🏽", "İ", "\u{0308}", "ﬁ", "ᾈ", "Ω"]
        var readAsBytes = 0
        for round in 0..<1_500 {
            var text = ""
            let words = round % 10 == 0 ? 200 : Int(generator.next() % 40)
            for _ in 0..<words {
                switch generator.next() % 6 {
                case 0, 1: text += pick(marking)
                case 2: text += pick(shaped)
                case 3: text += pick(letters) + pick(marking)
                case 4: text += pick(marking).uppercased()
                default: text += "x" + pick(letters) + "yz"
                }
                text += pick(separators)
            }
            if round % 5 == 0 { text += pick(slowOnes) + pick(marking) }
            let split = text.index(text.startIndex, offsetBy: Int(generator.next() % UInt64(text.count + 1)))
            let texts: [String?] = round % 3 == 0 ? [text] : [String(text[..<split]), nil, String(text[split...])]
            let expected = detector.detectByCharacters(texts)
            if let bytes = detector.detectBytes(texts) {
                readAsBytes += 1
                #expect(bytes == expected, "\(texts)")
            }
            if texts.count == 1 {
                #expect(detector.detect(texts[0]) == expected, "\(texts)")
            } else {
                #expect(detector.detect(texts[0], texts[1], texts[2]) == expected, "\(texts)")
            }
        }
        #expect(readAsBytes > 1_000)
    }

    /// Where reading bytes hands the text to reading characters, and where it need not.
    @Test func readingBytesStepsAsideWhereCharactersJoin() {
        let detector = LanguageDetector.shared
        #expect(detector.detectBytes(["Where is my order? It has not arrived"]) == .en)
        #expect(detector.detectBytes(["Hej, var är mitt paket?"]) == .sv)
        #expect(detector.detectBytes(["¿Dónde está mi pedido?"]) == .es)
        // A combining mark, an emoji, a letter whose lower case is two scalars: read by characters.
        #expect(detector.detectBytes(["Missä on tilaukseni? Tilaus ei ole tullut e\u{0301}"]) == nil)
        #expect(detector.detect("Missä on tilaukseni? Tilaus ei ole tullut e\u{0301}") == .fi)
        #expect(detector.detectBytes(["Where is my order 😀"]) == nil)
        #expect(detector.detectBytes(["İstanbul is where my order is"]) == nil)
        // After the 600 characters read, only the next character is looked at: a combining mark there would
        // join the 600th character.
        let long = String(repeating: "the ", count: 150)
        let endingInX = String(repeating: "the ", count: 149) + "thex"
        #expect(detector.detectBytes([endingInX + "\u{0301} is and"]) == nil)
        #expect(detector.detectBytes([endingInX + " \u{0301} is and"]) == .unknown)
        #expect(detector.detectBytes([long + "😀"]) == nil)
        #expect(detector.detectBytes([long + " 😀"]) == .unknown)  // one English word only: one point
        #expect(detector.detectBytes([long + " 😀"]) == detector.detectByCharacters([long + " 😀"]))
        // CR LF is one character: 120 lines of "the" are 480 characters (600 bytes), so "and is" is read.
        let lines = String(repeating: "the\r\n", count: 120)
        #expect(detector.detectBytes([lines + "and is"]) == .en)
        #expect(detector.detectByCharacters([lines + "and is"]) == .en)
        #expect(detector.detectBytes([lines + lines + "and is"]) == .unknown)
        // A word longer than 254 bytes is read by characters.
        let word = String(repeating: "a", count: 300)
        #expect(detector.detectBytes(["the " + word + " is and"]) == nil)
        #expect(detector.detect("the " + word + " is and") == .en)
        // A marking word counts once, however often it comes, in either text.
        #expect(detector.detectBytes(["the the the", "THE"]) == .unknown)
        #expect(detector.detectBytes(["the is", "THE"]) == .en)
    }

    /// The marking words of each language are its own: no word marks two languages.
    @Test func markingWordsAreDisjoint() {
        var seen: [String: ContactLanguage] = [:]
        for (language, words) in StopWords.byLanguage {
            #expect(words.count >= 40, "\(language.rawValue): \(words.count)")
            for word in words {
                #expect(seen[word] == nil, "\(word): \(language.rawValue) and \(seen[word]?.rawValue ?? "")")
                seen[word] = language
            }
        }
    }
}
