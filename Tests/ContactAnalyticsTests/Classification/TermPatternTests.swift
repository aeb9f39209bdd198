import Testing
@testable import ContactAnalytics

/// Keyword and phrase texts split into words the same way whichever path splits them.
@Suite struct TermPatternTests {
    /// The byte split of ASCII texts gives exactly the `Character` split's words, and other texts keep it.
    @Test(arguments: [
        "refund", "  where is  my\torder\n", "tilau*", "", "   ", "a\t\tb\n\nc ", "e-mail* please",
        "päivitys ei toimi", "var är min beställning", "line\r\nbreak", "space \u{301}mark", "x*y", "*",
        "\u{1F600} emoji words",
    ])
    func wordsMatchTheCharacterSplit(_ text: String) {
        let expected = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        #expect(TermPattern.words(of: text).map(String.init) == expected)
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
