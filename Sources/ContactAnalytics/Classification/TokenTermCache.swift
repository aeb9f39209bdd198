/// The terms that recently seen ASCII tokens matched, by the token's lower-cased bytes, for `TermMatches`.
///
/// Free text is mostly words that came before ("the", "order", "tilauksen", "kiitos"): on a million realistic
/// rows a table of 8,192 tokens answers about nine tokens in ten. A probe is one hash and one load that does not
/// depend on the previous token's, where walking the `TermAutomaton` is a chain of dependent loads (one per
/// byte, the deeper nodes out of the first-level cache) ended by a branch that mispredicts where the walk leaves
/// the trie or the token ends; the processor overlaps the probes of neighbouring tokens.
///
/// Two-way: a token's key picks a set of two entries on one cache line, and it is found in either. Each entry is the
/// token's lower-cased bytes in two words (zero-padded; a token of at most
/// `maxTokenLength` ASCII letters and digits has no zero byte, and an empty entry's first word is 0, which no
/// token's is; a token with Latin-1 letters `C3 c` that a window takes, `TokenWindow.latin1Pairs`, is keyed by
/// every byte `| 0x20` too: `E3` for the lead byte, which no ASCII byte gives, and the letter's lower-case second
/// byte, so one key per lower-case form and no ASCII token's key) and the terms it matched in two more (`pack`: the three term slots and the number of terms, 32
/// bits each, so `MatchColumns.append(cached:token:)` copies them with two stores and no shift or mask). A token
/// is remembered after its walk in the set's first entry, whose token moves to the second; a token found in the
/// second moves to the first (least recently used out). The table only ever gives back what the walk gave for the
/// same bytes, so what it holds or drops changes no result. (In a replay of the tokens of 150,000 realistic rows,
/// direct-mapped, the same 8,192 entries missed 7.4 % of them, two-way 4.6 %, 3.2 % being a token's first
/// occurrence; the first entry answered 90.5 %, the second 5.1 %.)
///
/// The table's first line (`filteredSet`) is no key's set: a token that `TermKeyFilter` rules out is answered there
/// (its key stored, no terms), so such tokens never occupy the table, which holds only tokens that may match.
///
/// Owned like `MatchColumns`: written only by the one `TermMatches` that holds the only reference (checked before
/// each field), so classifier copies on different threads never write the same table.
final class TokenTermCache: @unchecked Sendable {
    // @unchecked: written only through the one `TermMatches` that holds the only reference (see above).
    /// The number of entries (a power of two).
    static let entryCount = 8192
    /// Tokens longer than this are walked every time.
    static let maxTokenLength = 16
    /// Tokens that match more terms than this are walked every time.
    static let maxTerms = 3

    private static let wordsPerEntry = 4
    /// Entries per set: a set is one cache line.
    private static let ways = 2
    private static let setBits = (entryCount / ways).trailingZeroBitCount
    /// Per entry: the key's two words and the two words of its packed terms; a set's two entries are one cache line
    /// (the table starts on a line, so a probe reads one line: `allocate` gave 16-byte alignment, and a table 16
    /// bytes past a line split every other set over two lines).
    private let words: UnsafeMutablePointer<UInt64>
    /// The memory of `words`, allocated aligned to `lineSize`.
    private let memory: UnsafeMutableRawPointer
    private static let lineSize = 64
    /// `keyMasks`: the masks of the key's two words by the token's length, then the first key bytes that start
    /// a term (`termStartsOffset`), then the key filter's mask and words (`keyFilterMaskOffset`).
    private let masks: UnsafeMutablePointer<UInt64>
    /// Where `keyMasks` holds the four words of `TermAutomaton.Tables.termStarts` (one pointer for `TermMatches.
    /// takeHits`, whose loop keeps its values in registers only while its arguments fit in them).
    static let termStartsOffset = 2 * (maxTokenLength + 1)
    /// Where `keyMasks` holds `TermKeyFilter.mask` (of the key's first word), then (`keyFilterOffset`) the
    /// filter's `TermKeyFilter.wordCount` words: all ones and a mask of 0 for a cache made with no filter.
    static let keyFilterMaskOffset = termStartsOffset + 4
    static let keyFilterOffset = keyFilterMaskOffset + 1
    /// The offset of the set that no key hashes to (the table's first; `set(_:_:)` gives the others): a token the
    /// key filter rules out is probed there, after its key was stored in the first entry, whose terms words stay 0
    /// (no terms). So a ruled-out token costs a store and a load the store answers, not a probe of the table,
    /// and its terms are taken by the same code as any hit's, with no branch on the filter (`TermMatches.takeHits`).
    /// (It must stay 0: `TermMatches.takeHits` reaches it by shifting a set's offset right by 32 bits.)
    static let filteredSet = 0

    /// An empty cache for the walks of an automaton whose `Tables.termStarts` is `termStarts` and whose
    /// `TermAutomaton.keyFilter` is `keyFilter` (`nil`: every first byte may start a term, every token may match).
    init(termStarts: UnsafePointer<UInt64>? = nil, keyFilter: TermKeyFilter? = nil) {
        // The sets, after `filteredSet`.
        let wordCount = Self.wordsPerEntry * Self.ways + Self.entryCount * Self.wordsPerEntry
        memory = .allocate(byteCount: wordCount * MemoryLayout<UInt64>.stride, alignment: Self.lineSize)
        words = memory.initializeMemory(as: UInt64.self, repeating: 0, count: wordCount)
        masks = .allocate(capacity: Self.keyFilterOffset + TermKeyFilter.wordCount)
        masks[Self.keyFilterMaskOffset] = keyFilter?.mask ?? 0
        for k in 0..<TermKeyFilter.wordCount { masks[Self.keyFilterOffset + k] = keyFilter?.words[k] ?? ~0 }
        for length in 0...Self.maxTokenLength {
            let (first, second) = Self.keyMasks(length: length)
            masks[2 * length] = first
            masks[2 * length + 1] = second
        }
        for k in 0..<4 { masks[Self.termStartsOffset + k] = termStarts?[k] ?? ~0 }
    }

    deinit {
        memory.deallocate()
        masks.deallocate()
    }

    /// The masks that keep the `length` (0 to `maxTokenLength`) bytes of a key out of two words loaded from the
    /// token's first byte on.
    static func keyMasks(length: Int) -> (UInt64, UInt64) {
        let first: UInt64 = length >= 8 ? ~0 : ~(~0 << UInt64(8 * length))
        let second: UInt64 = length <= 8 ? 0 : (length >= 16 ? ~0 : ~(~0 << UInt64(8 * (length - 8))))
        return (first, second)
    }

    /// `keyMasks(length:)` for every length from 0 to `maxTokenLength`, at `2 * length` and `2 * length + 1`:
    /// two loads from one line, for a loop that keys a token per round (`TermMatches.takeHits`) and whose branch
    /// on the length mispredicted; then, at `termStartsOffset`, the four words of the `termStarts` the cache was
    /// made with (all ones for `nil`); then, at `keyFilterMaskOffset`, the key filter's mask and (`keyFilterOffset`)
    /// its words (0 and all ones for no filter: every token passes). Valid while this cache lives.
    var keyMasks: UnsafePointer<UInt64> { UnsafePointer(masks) }

    /// The key of the ASCII letters and digits `base[start..<end]` (1 to `maxTokenLength` bytes, `count` the
    /// bytes readable from `base`): the bytes lower-cased (`| 0x20` turns A-Z into a-z and keeps digits),
    /// first byte lowest, zero-padded to two words.
    @inline(__always)
    static func key(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int) -> (UInt64, UInt64) {
        let length = end &- start
        let lower = ByteWord.repeating(0x20)
        if start &+ 16 <= count {
            let bits = UInt64(truncatingIfNeeded: length &* 8)
            let first = ByteWord.load(base, at: start) | lower
            let second = ByteWord.load(base, at: start &+ 8) | lower
            let firstMask: UInt64 = length >= 8 ? ~0 : ~(~0 &<< bits)
            let secondMask: UInt64 = length <= 8 ? 0 : (length >= 16 ? ~0 : ~(~0 &<< (bits &- 64)))
            return (first & firstMask, second & secondMask)
        }
        // Near the end of the field: byte by byte, so nothing past it is read.
        var first: UInt64 = 0, second: UInt64 = 0
        for j in 0..<length {
            let byte = UInt64(base[start &+ j] | 0x20)
            if j < 8 { first |= byte &<< UInt64(j &* 8) } else { second |= byte &<< UInt64((j &- 8) &* 8) }
        }
        return (first, second)
    }

    /// The set a key lives in (the offset of its first entry's first word, past `filteredSet`): the top bits of one
    /// product (`first + 2 * second` is one address computation; the second word is 0 for the tokens under eight
    /// bytes that most are).
    @inline(__always)
    static func set(_ first: UInt64, _ second: UInt64) -> Int {
        let hash = (first &+ second &<< 1) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: hash &>> UInt64(64 - setBits)) &* (wordsPerEntry &* ways) &+ wordsPerEntry &* ways
    }

    /// The table's memory, for a loop that probes it once per token (`terms(in:at:_:_:)`) without reaching it
    /// through the cache object each time, and stores each token's key in `filteredSet` first: valid while this
    /// cache lives.
    var table: UnsafeMutablePointer<UInt64> { words }

    /// The packed terms (`pack`) remembered for the token of key `(first, second)`: a pointer to the entry's two
    /// term words, valid until the next `remember`; `nil` for a token not in the table.
    @inline(__always)
    func terms(_ first: UInt64, _ second: UInt64) -> UnsafePointer<UInt64>? {
        Self.terms(in: words, first, second)
    }

    /// `terms(_:_:)` in the table `table` (a cache's `table`). A key found in the set's second entry changes
    /// places with the first, so the first holds the set's most recently used key: nine probes in ten are
    /// answered there, by one branch that rarely mispredicts. (Picking either entry without a branch did not
    /// survive the compiler: which entry holds a key became a branch that mispredicted half the time.)
    @inline(__always)
    static func terms(in table: UnsafeMutablePointer<UInt64>, _ first: UInt64,
                      _ second: UInt64) -> UnsafePointer<UInt64>? {
        terms(in: table, at: set(first, second), first, second)
    }

    /// `terms(in:_:_:)` in the set at offset `at` of `table`.
    @inline(__always)
    static func terms(in table: UnsafeMutablePointer<UInt64>, at: Int, _ first: UInt64,
                      _ second: UInt64) -> UnsafePointer<UInt64>? {
        let e = table + at
        if e[0] == first && e[1] == second { return UnsafePointer(e + 2) }
        guard e[4] == first && e[5] == second else { return nil }
        place(first, second, packed: (e[6], e[7]), inSet: e)
        return UnsafePointer(e + 2)
    }

    /// Remembers the packed terms (`pack`) of the token of key `(first, second)`, which the cache does not hold, in
    /// the first entry of its set; the token there moves to the second, in place of whatever that held.
    @inline(__always)
    func remember(_ first: UInt64, _ second: UInt64, packed: (UInt64, UInt64)) {
        Self.place(first, second, packed: packed, inSet: words + Self.set(first, second))
    }

    /// Writes the key `(first, second)` and its packed terms into the first entry of the set at `e`, after moving
    /// that entry to the second (whose key is then the key's own, or one dropped).
    @inline(__always)
    private static func place(_ first: UInt64, _ second: UInt64, packed: (UInt64, UInt64),
                              inSet e: UnsafeMutablePointer<UInt64>) {
        e[4] = e[0]
        e[5] = e[1]
        e[6] = e[2]
        e[7] = e[3]
        e[0] = first
        e[1] = second
        e[2] = packed.0
        e[3] = packed.1
    }

    /// `terms` packed into two words as an entry holds them: in memory order (`word(_:_:)`) the three term slots
    /// and the number of terms, 32 bits each (the slots past the number are 0); `nil` when there are more than
    /// `maxTerms`.
    static func pack(_ terms: UnsafeBufferPointer<Int32>) -> (UInt64, UInt64)? {
        guard terms.count <= maxTerms else { return nil }
        var slots: (UInt32, UInt32, UInt32) = (0, 0, 0)
        if terms.count > 0 { slots.0 = UInt32(bitPattern: terms[0]) }
        if terms.count > 1 { slots.1 = UInt32(bitPattern: terms[1]) }
        if terms.count > 2 { slots.2 = UInt32(bitPattern: terms[2]) }
        return (Self.word(slots.0, slots.1), Self.word(slots.2, UInt32(terms.count)))
    }

    /// Two 32-bit slots as one word whose memory holds `a`, then `b` (`MatchColumns.append(cached:token:)` stores
    /// the word as it is), whatever the byte order.
    @inline(__always)
    static func word(_ a: UInt32, _ b: UInt32) -> UInt64 { unsafeBitCast((a, b), to: UInt64.self) }

    /// The two 32-bit slots of a word made by `word(_:_:)`.
    @inline(__always)
    static func slots(of word: UInt64) -> (UInt32, UInt32) { unsafeBitCast(word, to: (UInt32, UInt32).self) }

    /// The `j`th term (0 to `maxTerms - 1`) of packed terms (0 past their count).
    static func term(_ j: Int, of packed: (UInt64, UInt64)) -> Int32 {
        let pair = slots(of: j < 2 ? packed.0 : packed.1)
        return Int32(bitPattern: j == 1 ? pair.1 : pair.0)
    }

    /// The number of packed terms.
    static func count(of packed: (UInt64, UInt64)) -> Int { Int(slots(of: packed.1).1) }
}
