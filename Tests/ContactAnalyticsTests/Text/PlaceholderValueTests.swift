import Testing
@testable import ContactAnalytics

/// `PlaceholderValue`: what exports write for "nothing here".
@Suite struct PlaceholderValueTests {
    @Test(arguments: [nil, "", "   ", "\t\n", "N/A", " n/a ", "NA", "n.a.", "None", "NULL", "nil", "NaN",
                      "undefined", "Unknown", "Not applicable", "-", "--", "?", "…", "\u{00A0}—\u{00A0}"])
    func placeholdersHoldNothing(_ value: String?) {
        #expect(PlaceholderValue.isEmptyOrPlaceholder(value))
    }

    /// Values that say something, however short: a word that merely starts like a placeholder, a number, a
    /// non-ASCII letter, a Finnish or Swedish "no" (an answer, not a placeholder).
    @Test(arguments: ["No Access", "Nail", "nano", "N/A2", "0", "Ö", "ei", "ingen", "Noise", "Não", "?!a"])
    func valuesThatSaySomethingAreKept(_ value: String) {
        #expect(!PlaceholderValue.isEmptyOrPlaceholder(value))
    }

    /// Ids are told from placeholders by their first byte when it is a letter or digit no placeholder word
    /// starts with: every word starts with `n` or `u` (a word added that does not breaks that shortcut), and over
    /// random values of letters, digits and punctuation the answer is the rule's: no letter or digit, or a word.
    @Test func theFirstByteShortcutGivesTheRulesAnswer() {
        #expect(PlaceholderValue.words.allSatisfy { $0.hasPrefix("n") || $0.hasPrefix("u") })
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("nNuUaAlLdDfiIeEoO0179/.-?_ #".utf8)
        var wrong = 0
        var placeholders = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 1...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let candidates = [bytes, Array("null".utf8), Array("Unknown".utf8), Array("C0684345".utf8), Array("T1".utf8)]
            for value in candidates {
                let text = String(decoding: value, as: UTF8.self)
                let expected = !value.contains { ByteCursor.isDigit($0) || ByteCursor.isLetter($0) }
                    || PlaceholderValue.words.contains(text.lowercased())
                let answer = value.withUnsafeBufferPointer { PlaceholderValue.isPlaceholder($0) }
                if answer != expected { wrong += 1 }
                if answer { placeholders += 1 }
            }
        }
        #expect(wrong == 0)
        #expect(placeholders >= 40_000)
    }
}
