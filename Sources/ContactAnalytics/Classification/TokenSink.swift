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
}
