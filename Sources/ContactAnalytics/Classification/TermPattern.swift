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
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            var body = Substring(word)
            var isPrefix = false
            if body.hasSuffix("*") {
                body = body.dropLast()
                isPrefix = true
            }
            if body.contains("*") {
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

    struct PatternError: Error, Sendable {
        var message: String
    }
}
