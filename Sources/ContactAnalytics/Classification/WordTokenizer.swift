import Foundation

/// Splits UTF-8 text into lower-case tokens for rule matching, and normalises whole values for exact
/// comparison, in one pass over the bytes.
///
/// - A token is a maximal run of Unicode letters, digits and combining marks; anything else separates tokens.
/// - ASCII takes a fast path (a byte comparison and `| 0x20`); other scalars use `ScalarTable`.
/// - Text in NFD (a letter followed by a combining mark) is recomposed to NFC first, so `a` + U+0308 and `ä`
///   give the same token. Only text that contains a combining mark pays for that.
/// - With `foldDiacritics`, letters lose their diacritics (`ä` -> `a`) and combining marks are dropped.
struct WordTokenizer: Sendable {
    let foldDiacritics: Bool
    /// Whether the input is valid UTF-8 that may not be in NFC (a subject or body the mapper left in the export
    /// row, `MappingOptions.textStaysInRow`, where the mapper's string would have been made NFC): the first
    /// scalar of U+0300 or above (a lead byte of 0xCC or above, the bytes `TextNormalization.Form.other` looks
    /// for) sends the field through NFC and the scan starts again, as a combining mark always does. Below
    /// U+0300 every scalar is its own NFC. Otherwise only a combining mark does (text the mapper made NFC, or
    /// a raw column read as it is).
    let normalizesFromU0300: Bool
    private let table = ScalarTable.shared

    init(foldDiacritics: Bool, normalizesFromU0300: Bool = false) {
        self.foldDiacritics = foldDiacritics
        self.normalizesFromU0300 = normalizesFromU0300
    }

    /// `ScalarTable.latin1Lower`: the lower-case second bytes of the Latin-1 letters (`TermMatches.feed`).
    var latin1Lower: [UInt8] { table.latin1Lower }

    /// `ScalarTable.latin1PairTails` when diacritics are not folded (the Latin-1 letters a token window may take
    /// as they are, `TokenWindow.latin1Pairs`); 0 when they are.
    var latin1PairTails: UInt64 { foldDiacritics ? 0 : table.latin1PairTails }

    // MARK: Tokens

    /// Appends the tokens of `input` to `list`.
    func appendTokens(of input: UnsafeBufferPointer<UInt8>, to list: inout TokenList) {
        scan(input, into: &list)
    }

    /// Appends the tokens of `text` to `list`.
    func appendTokens(of text: String, to list: inout TokenList) {
        var text = text
        text.withUTF8 { scan($0, into: &list) }
    }

    /// The tokens of `text` as strings.
    func tokens(of text: String) -> [String] {
        var list = TokenList()
        appendTokens(of: text, to: &list)
        return list.strings
    }

    /// Feeds the tokens of `input` to `sink` in one pass over the bytes: each token's lower-cased (folded)
    /// bytes through `appendByte`, then `endToken`. No string or buffer is made per token. Only a field that
    /// contains a combining mark (NFD text, not folded) is converted to NFC and scanned again.
    @inline(__always)
    func scan<Sink: TokenSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        sink.beginField()
        if !sink.feed(input, tokenizer: self, recomposed: false) {
            sink.rollBack()
            var nfc = String(decoding: input, as: UTF8.self).precomposedStringWithCanonicalMapping
            nfc.withUTF8 { _ = sink.feed($0, tokenizer: self, recomposed: true) }
        }
    }

    /// Feeds the tokens of `input` to `sink` byte by byte (`TokenSink.feed`'s default). Returns `false` (having
    /// fed part of the field) when the field needs recomposing first.
    @inline(__always)
    func feed<Sink: TokenSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink,
                               recomposed: Bool) -> Bool {
        var inToken = false
        var i = 0
        let n = input.count
        guard let base = input.baseAddress else { return true }
        while i < n {
            let b = base[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    sink.appendByte(b)
                    inToken = true
                } else if b >= 0x41 && b <= 0x5A {
                    sink.appendByte(b | 0x20)
                    inToken = true
                } else if inToken {
                    sink.endToken()
                    inToken = false
                }
                i += 1
                continue
            }
            guard let next = feedScalar(input, at: i, into: &sink, inToken: &inToken, recomposed: recomposed) else {
                return false
            }
            i = next
        }
        if inToken { sink.endToken() }
        return true
    }

    /// Feeds the non-ASCII scalar that starts at `i` to `sink` (its lower-cased, folded bytes if it belongs in a
    /// token; the end of the current token if it separates) and returns the offset after it; `nil` when it is
    /// a combining mark in a field not yet recomposed, or any scalar from U+0300 on with `normalizesFromU0300`
    /// (the caller starts again in NFC).
    @inline(__always)
    func feedScalar<Sink: TokenSink>(_ input: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink,
                                     inToken: inout Bool, recomposed: Bool) -> Int? {
        if normalizesFromU0300, !recomposed, input[i] >= 0xCC { return nil }
        let (scalar, length) = Self.decode(input, at: i)
        switch table.kind(scalar) {
        case .token:
            table.forEachMapped(scalar, fold: foldDiacritics) { sink.appendByte($0) }
            inToken = true
        case .mark:
            if foldDiacritics { break }
            // Decomposed text: recompose the whole field and start again.
            if !recomposed { return nil }
            table.forEachMapped(scalar, fold: false) { sink.appendByte($0) }
            inToken = true
        case .other, .space:
            if inToken {
                sink.endToken()
                inToken = false
            }
        }
        return i + length
    }

    /// The offset of the first byte at or after `start` that is not an ASCII letter or digit (or `count`),
    /// eight bytes at a time.
    @inline(__always)
    static func endOfASCIIWord(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        while i &+ 8 <= count {
            let v = ByteWord.load(base, at: i)
            // A byte stops the word unless it is an ASCII letter or digit (its own top bit clear).
            let stop = ~(asciiAlphanumerics(v) & ~v) & ByteWord.highBits
            if stop != 0 { return i &+ ByteWord.firstMarked(stop) }
            i &+= 8
        }
        while i < count, isASCIIAlphanumeric(base[i]) { i &+= 1 }
        return i
    }

    /// The offset of the first byte at or after `start` that is an ASCII letter or digit or not ASCII (or
    /// `count`): the end of a run of ASCII separators (white space, punctuation), eight bytes at a time.
    @inline(__always)
    static func endOfASCIISeparators(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        while i &+ 8 <= count {
            let v = ByteWord.load(base, at: i)
            // A letter or digit stops the run, and so does a byte with its own top bit set (not ASCII).
            let stop = (asciiAlphanumerics(v) | v) & ByteWord.highBits
            if stop != 0 { return i &+ ByteWord.firstMarked(stop) }
            i &+= 8
        }
        while i < count, base[i] < 0x80, !isASCIIAlphanumeric(base[i]) { i &+= 1 }
        return i
    }

    /// Per byte of `v`, the top bit set when the byte's low seven bits are an ASCII letter or digit (the byte's
    /// own top bit is not looked at). With the top bit clear no addition carries into the next byte:
    /// x + (0x80 - lo) has the top bit set when x >= lo, x + (0x7F - hi) when x > hi.
    @inline(__always)
    static func asciiAlphanumerics(_ v: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = v & ~ByteWord.highBits
        let y = x | (0x20 &* ones)  // upper-case letters as lower-case
        let digit = (x &+ 0x50 &* ones) & ~(x &+ 0x46 &* ones)
        let letter = (y &+ 0x1F &* ones) & ~(y &+ 0x05 &* ones)
        return digit | letter
    }

    /// Whether `b` is an ASCII letter or digit.
    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    // MARK: Whole values

    /// Whether `input` has more than `limit` ASCII bytes that are not white space. Normalising keeps each of
    /// them as one byte, so such a value normalises to more than `limit` bytes: a cheaper "no" than
    /// `appendNormalizedValue`, which lower-cases and appends every byte up to the limit.
    /// Eight bytes at a time: a long body is answered after `limit` bytes or so, with no branch per byte.
    static func certainlyNormalizesBeyond(_ limit: Int, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard input.count > limit, let base = input.baseAddress else { return false }
        let count = input.count
        var kept = 0
        var i = 0
        while i &+ 8 <= count {
            kept &+= keptASCIIBytes(in: ByteWord.load(base, at: i))
            if kept > limit { return true }
            i &+= 8
        }
        while i < count {
            let b = base[i]
            if b < 0x80 && !InputFormat.isWhitespace(b) {
                kept &+= 1
                if kept > limit { return true }
            }
            i &+= 1
        }
        return false
    }

    /// The number of bytes of `word` that are ASCII and not white space (space, tab, LF, VT, FF, CR).
    @inline(__always)
    static func keptASCIIBytes(in word: UInt64) -> Int {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Per byte with its top bit cleared, so no addition carries into the next byte.
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let space = ByteWord.exactZeroBytes(low ^ ByteWord.repeating(0x20))
        // 0x09...0x0D: at least 0x09 (adding 0x77 sets the top bit) and below 0x0E (adding 0x72 does not).
        let control = (low &+ ByteWord.repeating(0x77)) & ~(low &+ ByteWord.repeating(0x72)) & highBits
        let kept = ~word & highBits & ~space & ~control
        // One bit a byte: the eight add up in the top byte of the product.
        return Int(truncatingIfNeeded: ((kept &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    /// Appends `input` normalised for exact comparison: lower-cased (folded if asked), NFC, leading and
    /// trailing white space removed and inner runs of white space as one space. Punctuation is kept.
    ///
    /// Stops and returns `false` as soon as the normalised value would be longer than `limit` bytes (a value
    /// longer than every value a rule names cannot equal one, so a long body costs `limit` bytes, not its
    /// length); `out` then holds a partial value.
    @discardableResult
    func appendNormalizedValue(of input: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
                               limit: Int = .max) -> Bool {
        appendNormalizedValue(of: input, to: &out, limit: limit, recomposed: false)
    }

    /// `appendNormalizedValue` for a `String`, returning the bytes.
    func normalizedValue(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { _ = appendNormalizedValue(of: $0, to: &out, limit: .max, recomposed: false) }
        return out
    }

    private func appendNormalizedValue(of input: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
                                       limit: Int, recomposed: Bool) -> Bool {
        let start = out.count
        let end = limit == .max ? .max : start + limit
        var pendingSpace = false
        var i = 0
        let n = input.count
        while i < n {
            if out.count > end { return false }
            let b = input[i]
            if b < 0x80 {
                if InputFormat.isWhitespace(b) {
                    pendingSpace = out.count > start
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                }
                i += 1
                continue
            }
            if normalizesFromU0300, !recomposed, b >= 0xCC {
                out.removeSubrange(start...)
                var nfc = String(decoding: input, as: UTF8.self).precomposedStringWithCanonicalMapping
                return nfc.withUTF8 { appendNormalizedValue(of: $0, to: &out, limit: limit, recomposed: true) }
            }
            let (scalar, length) = Self.decode(input, at: i)
            let kind = table.kind(scalar)
            if kind == .space {
                pendingSpace = out.count > start
                i += length
                continue
            }
            if kind == .mark {
                if foldDiacritics { i += length; continue }
                if !recomposed {
                    out.removeSubrange(start...)
                    var nfc = String(decoding: input, as: UTF8.self).precomposedStringWithCanonicalMapping
                    return nfc.withUTF8 { appendNormalizedValue(of: $0, to: &out, limit: limit, recomposed: true) }
                }
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if kind == .other {
                out.append(contentsOf: input[i..<(i + length)])
            } else {
                table.appendMapped(scalar, fold: foldDiacritics, to: &out)
            }
            i += length
        }
        return out.count <= end
    }

    // MARK: UTF-8

    /// Decodes the scalar starting at `i` (a non-ASCII lead byte). Invalid sequences give U+FFFD and consume
    /// one byte.
    @inline(__always)
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(input[i])
        let n = input.count
        @inline(__always) func continuation(_ k: Int) -> UInt32? {
            guard k < n else { return nil }
            let c = input[k]
            return c & 0xC0 == 0x80 ? UInt32(c & 0x3F) : nil
        }
        if b0 & 0xE0 == 0xC0, b0 >= 0xC2, let c1 = continuation(i + 1) {
            return (((b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 & 0xF0 == 0xE0, let c1 = continuation(i + 1), let c2 = continuation(i + 2) {
            let v = ((b0 & 0x0F) << 12) | (c1 << 6) | c2
            if v >= 0x800, !(0xD800...0xDFFF).contains(v) { return (v, 3) }
        }
        if b0 & 0xF8 == 0xF0, let c1 = continuation(i + 1), let c2 = continuation(i + 2),
           let c3 = continuation(i + 3) {
            let v = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if v >= 0x10000, v <= 0x10FFFF { return (v, 4) }
        }
        return (0xFFFD, 1)
    }
}
