/// What `WordTokenizer.scan` feeds the tokens of a field to, byte by byte, so that a consumer (a `TokenList`
/// that stores them, a `TermMatches` that walks the rule automaton) needs no string or buffer per word.
protocol TokenSink {
    /// A field starts: remember the state to return to on `rollBack()`.
    mutating func beginField()
    /// The next lower-cased (and folded, if asked) byte of the current token; the first byte after
    /// `endToken()` (or `beginField()`) starts a new token.
    mutating func appendByte(_ byte: UInt8)
    /// The current token ended (called only after at least one `appendByte`).
    mutating func endToken()
    /// Forget everything since `beginField()`: the field is scanned again in NFC.
    mutating func rollBack()
    /// Feeds the tokens of `input` (a field, or its NFC form when `recomposed`) through `appendByte` and
    /// `endToken` as `tokenizer` splits them; returns `false`, having fed part of the field, when the field needs
    /// recomposing first. The default is `WordTokenizer.feed`; a sink may walk the bytes its own faster way,
    /// with the same result.
    mutating func feed(_ input: UnsafeBufferPointer<UInt8>, tokenizer: WordTokenizer, recomposed: Bool) -> Bool
}

extension TokenSink {
    @inline(__always)
    mutating func feed(_ input: UnsafeBufferPointer<UInt8>, tokenizer: WordTokenizer, recomposed: Bool) -> Bool {
        tokenizer.feed(input, into: &self, recomposed: recomposed)
    }
}
