/// A keyword or phrase of a rule, parsed into the token terms it must match in sequence.
///
/// The text is split on white space into words; a word ending in `*` is a prefix. Each word is tokenized like
/// the contact's text, so `e-mail` becomes the two tokens `e` `mail` (a phrase) and `Tilaus` becomes `tilaus`.
/// A `*` applies to the last token of its word.
struct TermPattern: Sendable, Hashable {
    var terms: [TermAutomaton.Term]

    /// Parses `text`, or returns a message saying what is wrong with it.
    static func parse(_ text: String, tokenizer: WordTokenizer) -> Result<TermPattern, PatternError> {
        var terms: [TermAutomaton.Term] = []
        for word in words(of: text) {
            var body = Substring(word)
            var isPrefix = false
            if body.hasSuffix("*") {
                body = body.dropLast()
                isPrefix = true
            }
            // A byte search, as Foundation's `contains("*")` was (which cost some 4,500 instructions a call:
            // a quarter of compiling the built-in taxonomy).
            if body.utf8.contains(UInt8(ascii: "*")) {
                return .failure(PatternError(message: "'\(text)': '*' is allowed only at the end of a word"))
            }
            let tokens = tokenizer.tokens(of: String(body))
            if tokens.isEmpty {
                if isPrefix, body.isEmpty {
                    return .failure(PatternError(message: "'\(text)': a lone '*' would match every word"))
                }
                continue
            }
            for (i, token) in tokens.enumerated() {
                terms.append(.init(bytes: Array(token.utf8), isPrefix: isPrefix && i == tokens.count - 1))
            }
        }
        if terms.isEmpty {
            return .failure(PatternError(message: "'\(text)' contains no letters or digits to match"))
        }
        return .success(TermPattern(terms: terms))
    }

    /// The words of `text`: split on spaces, tabs and line feeds. An ASCII text is split by its bytes; any other
    /// by `Character` (so a space with a combining mark on it, or a CR LF pair, is no separator), as before.
    /// The byte split gives the same words for ASCII without a CR, at a tenth of the cost.
    static func words(of text: String) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        }
        var words: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                if start != index { words.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != index { words.append(text[start..<index]) }
        return words
    }

    struct PatternError: Error, Sendable {
        var message: String
    }
}
