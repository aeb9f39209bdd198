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
        // One list for every word's tokens, read back as bytes (no `String` per token).
        var tokens = TokenList()
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
            tokens.removeAll()
            tokenizer.appendTokens(of: String(body), to: &tokens)
            if tokens.count == 0 {
                if isPrefix, body.isEmpty {
                    return .failure(PatternError(message: "'\(text)': a lone '*' would match every word"))
                }
                continue
            }
            for i in 0..<tokens.count {
                terms.append(.init(bytes: Array(tokens.bytes[tokens.range(i)]),
                                   isPrefix: isPrefix && i == tokens.count - 1))
            }
        }
        if terms.isEmpty {
            return .failure(PatternError(message: "'\(text)' contains no letters or digits to match"))
        }
        return .success(TermPattern(terms: terms))
    }

    /// The words of `text`: split on spaces, tabs and line feeds, each of which is a `Character` of its own (so
    /// a space with a combining mark on it, or a CR LF pair, is no separator). Split by its bytes where every
    /// separator byte has ASCII bytes (or the text's ends) on both sides and there is no CR: no grapheme rule joins
    /// an ASCII character to its neighbour, so each separator byte is then a `Character` and the byte split gives
    /// the words the `Character` split gives, at a tenth of the cost ("ei mene läpi", most Finnish and Swedish
    /// keywords). Otherwise by `Character`.
    static func words(of text: String) -> [Substring] {
        let utf8 = text.utf8
        guard splitsByBytes(utf8) else {
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

    /// Whether `words(of:)` may split `utf8` by its bytes: no CR, and no separator byte next to a non-ASCII byte.
    static func splitsByBytes(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var afterSeparator = false
        for byte in utf8 {
            if byte == 0x0D { return false }
            let isSeparator = byte == 0x20 || byte == 0x09 || byte == 0x0A
            if byte >= 0x80 && afterSeparator { return false }
            if isSeparator && previous >= 0x80 { return false }
            afterSeparator = isSeparator
            previous = byte
        }
        return true
    }

    struct PatternError: Error, Sendable {
        var message: String
    }
}
