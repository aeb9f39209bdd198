import Testing
@testable import ContactAnalytics

/// Keyword and phrase texts split into words the same way whichever path splits them.
@Suite struct TermPatternTests {
    /// The byte split of ASCII texts gives exactly the `Character` split's words, and other texts keep it.
    @Test(arguments: [
        "refund", "  where is  my\torder\n", "tilau*", "", "   ", "a\t\tb\n\nc ", "e-mail* please",
        "päivitys ei toimi", "var är min beställning", "line\r\nbreak", "space \u{301}mark", "x*y", "*",
        "\u{1F600} emoji words", "ei mene läpi", "tilauksen ääni", "ä b", "a \u{200D}b", "\u{600} x", "é\tx",
        "x\u{301} y", "kiitos \u{1F44D}\u{1F3FD} paljon", "ö", "  ä  ",
    ])
    func wordsMatchTheCharacterSplit(_ text: String) {
        let expected = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        #expect(TermPattern.words(of: text).map(String.init) == expected)
    }

    /// Texts whose separators all have ASCII neighbours (and no CR) are split by their bytes, non-ASCII words
    /// included; a separator next to a non-ASCII scalar (which a grapheme rule might join to it) or a CR sends
    /// the text to the `Character` split.
    @Test(arguments: [
        ("päivitys ei toimi", true), ("var är min beställning", false), ("kortti hylättiin taas", true), ("ä", true), ("refund", true),
        ("space \u{301}mark", false), ("tilauksen ääni", false), ("ä b", false), ("a\r\nb", false),
        ("a \u{200D}b", false), ("\u{600} x", false),
    ])
    func byteSplitOnlyWhereSeparatorsHaveASCIINeighbours(_ text: String, byBytes: Bool) {
        #expect(TermPattern.splitsByBytes(text.utf8) == byBytes)
    }

    /// A rule's specificity counts a phrase's words as the `Character` split on spaces and tabs does (at least
    /// one), whether the text is ASCII (counted by its bytes) or not.
    @Test(arguments: [
        "refund", "where is my order", "  two\t\twords  ", "", "   ", "ei mene läpi", "space \u{301}mark",
        "a\r\nb c", "\u{1F600} \u{1F600}", "line\nbreak kept",
    ])
    func wordCountMatchesTheCharacterSplit(_ text: String) {
        let expected = max(1, text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count)
        #expect(RuleCondition.wordCount(text) == expected)
    }

    /// A `*` inside a word is refused; one at its end makes its last token a prefix.
    @Test func starsAreCheckedByByte() throws {
        let tokenizer = WordTokenizer(foldDiacritics: false)
        switch TermPattern.parse("x*y", tokenizer: tokenizer) {
        case .success: Issue.record("'x*y' was accepted")
        case .failure(let error): #expect(error.message.contains("only at the end of a word"))
        }
        let pattern = try TermPattern.parse("late deliver*", tokenizer: tokenizer).get()
        #expect(pattern.terms.map { String(decoding: $0.bytes, as: UTF8.self) } == ["late", "deliver"])
        #expect(pattern.terms.map(\.isPrefix) == [false, true])
    }
}
