/// Which beginnings of a `TokenTermCache` key some term can follow: a bit per hashed key prefix, so that most
/// tokens that match no term are known to match none from a table in the core's first-level cache, without the
/// probe of the token cache (whose 256 KB sit in the second level) or a walk (`TermMatches.takeHits`).
///
/// A token's key (`TokenTermCache.key`) is its lower-cased bytes, zero-padded. Its first `prefixBytes` bytes
/// (zero-padded too, for a shorter token) are hashed to one of `bitCount` bits. The bit is set for every prefix
/// a token that matches some term can have: the first `prefixBytes` key bytes of a path of the trie that long
/// (a term, or the start of one, continues it), a shorter term (exact: followed by zeros; a prefix term: followed
/// by any key bytes), so a clear bit proves the token matches nothing. A set bit proves nothing (other prefixes
/// hash to it too): the token is looked up as before.
///
/// `prefixBytes` is the largest of 1 to 4 whose set of prefixes stays within `maximumPrefixes`: a prefix term
/// shorter than `prefixBytes` stands for every continuation of it (`continuations`), so a taxonomy with a
/// one- or two-letter prefix term (`tv*`) gets a shorter prefix, never a wrong answer. The built-in packs get 4.
/// (Of the 312,849 tokens of at most 16 bytes in the real exports and labelled texts of `Fixtures/`, 97,701 match a
/// term, and the filter rules out 164,845: 53 % of all, 77 % of those that match none.)
struct TermKeyFilter: Sendable, Equatable {
    /// The bits (`bitCount`), bit `h & 63` of word `h >> 6` for hash `h`.
    let words: [UInt64]
    /// The number of key bytes hashed, 1 to 4 (a trie with no terms gets 4 and no bit: every token is ruled out).
    /// 0 would mean every bit set (every token let through), were no length to fit; a trie's 1-byte prefixes always
    /// do (a node at depth 1 per key byte at most).
    let prefixBytes: Int

    /// The number of bits: 16,384 (2 KB, 32 cache lines), of which the built-in packs' prefixes set about one in
    /// seven. (65,536 bits, fewer false passes, measured no faster: more first-level misses on the table.)
    static let bitCount = 1 << 14
    static let wordCount = bitCount / 64
    /// The largest number of prefixes a filter is made of (`prefixBytes` is lowered until they fit): at most, they
    /// would set about 40 % of the bits (the built-in packs' set 14 %).
    static let maximumPrefixes = 8192

    /// The key bytes a token can have, at any position: ASCII digits and lower-case letters, `E3` (a Latin-1
    /// letter's lead byte `C3`, keyed `| 0x20`) and `A0`-`BF` (its second byte, keyed `| 0x20`). Zero ends a key.
    static let keyBytes: [UInt8] = Array(0x30...0x39) + Array(0x61...0x7A) + [0xE3] + Array(0xA0...0xBF)

    /// The mask that keeps a key's first word's first `prefixBytes` bytes (a key's first mask for that length).
    var mask: UInt64 { TokenTermCache.keyMasks(length: prefixBytes).0 }

    /// The bit of a masked key prefix: the top 14 bits of its 32-bit product with a large odd constant.
    @inline(__always)
    static func bit(of prefix: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt32(truncatingIfNeeded: prefix) &* 0x9E37_79B1) &>> 18)
    }

    /// Whether a token whose key's first word is `first` may match a term (`false`: it matches none).
    func mayMatch(first: UInt64) -> Bool {
        let h = Self.bit(of: first & mask)
        return (words[h >> 6] >> UInt64(h & 63)) & 1 != 0
    }

    /// The filter of a frozen trie: its `cells` (`TermAutomaton`'s double array, the root at 0) and `keyClasses`
    /// (the class a key byte's walk takes, by the text byte it is keyed from: see `keyClass(_:)`).
    init(cells: [UInt32], keyClasses: [UInt8]) {
        var chosen = 0
        for length in stride(from: 4, through: 1, by: -1)
        where Self.prefixCount(cells: cells, keyClasses: keyClasses, length: length) <= Self.maximumPrefixes {
            chosen = length
            break
        }
        var words = [UInt64](repeating: chosen > 0 ? 0 : ~0, count: Self.wordCount)
        if chosen > 0 {
            Self.visit(cells: cells, keyClasses: keyClasses, length: chosen) { prefix in
                let h = Self.bit(of: prefix)
                words[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        self.words = words
        self.prefixBytes = chosen
    }

    /// The class the walk takes for key byte `byte` (0: no term has it): an ASCII digit's or lower-case letter's
    /// own; `E3` that of the lead byte `C3`; `A0`-`BF` their own (the letters' lower-case second bytes).
    static func keyClass(_ byte: UInt8, keyClasses: [UInt8]) -> Int {
        Int(keyClasses[byte == 0xE3 ? 0xC3 : Int(byte)])
    }

    /// The number of key sequences of `length` bytes a prefix term leaves open: each byte any of `keyBytes`, or
    /// zero from some byte on.
    static func continuations(_ length: Int) -> Int {
        length == 0 ? 1 : 1 + keyBytes.count * continuations(length - 1)
    }

    /// How many prefixes of `length` bytes `visit` would give (prefix terms shorter than `length` counted with
    /// all their continuations).
    static func prefixCount(cells: [UInt32], keyClasses: [UInt8], length: Int) -> Int {
        var count = 0
        walk(cells: cells, keyClasses: keyClasses, length: length) { _, depth, isOpen in
            count += isOpen ? continuations(length - depth) : 1
            return count <= maximumPrefixes
        }
        return count
    }

    /// Calls `body` with every key prefix of `length` bytes (a `UInt64`, first byte lowest, zero-padded) that a
    /// token matching some term can have.
    static func visit(cells: [UInt32], keyClasses: [UInt8], length: Int, _ body: (UInt64) -> Void) {
        walk(cells: cells, keyClasses: keyClasses, length: length) { prefix, depth, isOpen in
            if isOpen { expand(prefix, from: depth, to: length, body) } else { body(prefix) }
            return true
        }
    }

    /// Calls `body` with `prefix` (of `depth` bytes) followed by every continuation up to `length` bytes.
    private static func expand(_ prefix: UInt64, from depth: Int, to length: Int, _ body: (UInt64) -> Void) {
        body(prefix)
        guard depth < length else { return }
        for byte in keyBytes { expand(prefix | UInt64(byte) << UInt64(8 * depth), from: depth + 1, to: length, body) }
    }

    /// Walks the trie from the root, depth first, to `length` bytes, calling `found(prefix, depth, isOpen)` for a
    /// node at depth `length` (isOpen false), a node shorter than that ending an exact term (false: a token that
    /// long) and one ending a prefix term (true: any continuation), and stopping when `found` returns false.
    private static func walk(cells: [UInt32], keyClasses: [UInt8], length: Int,
                             _ found: (UInt64, Int, Bool) -> Bool) {
        let classes = keyBytes.map { (byte: $0, class: keyClass($0, keyClasses: keyClasses)) }.filter { $0.class != 0 }
        // (cell, prefix, depth), the root first; the root ends no term.
        var stack: [(Int, UInt64, Int)] = [(0, 0, 0)]
        while let (cell, prefix, depth) = stack.popLast() {
            let flags = (cells[cell] >> 8) & 3
            if depth > 0 {
                if depth == length {
                    if !found(prefix, depth, false) { return }
                    continue
                }
                if flags & 1 != 0 {
                    // A prefix term: any continuation matches it (and covers the exact term and the children).
                    if !found(prefix, depth, true) { return }
                    continue
                }
                if flags & 2 != 0, !found(prefix, depth, false) { return }
            }
            let base = Int(cells[cell] >> 10)
            for (byte, c) in classes {
                let child = base + c
                guard child < cells.count, cells[child] & 0xFF == UInt32(c) else { continue }
                stack.append((child, prefix | UInt64(byte) << UInt64(8 * depth), depth + 1))
            }
        }
    }
}
