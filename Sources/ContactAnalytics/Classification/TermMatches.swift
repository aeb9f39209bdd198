/// The terms the tokens of a field match, found while the field is tokenised: a `TokenSink` that walks the
/// `TermAutomaton` with the bytes of each token until the walk falls off the trie (the rest of the token is
/// skipped, see `feed`), so matching costs at most one table step per byte of text and no token is stored.
///
/// Only matches are kept: `terms[k]` was matched by token `tokens[k]` (tokens are numbered from 0 in the order
/// they occur, barriers included), in token order and, within a token, in the order the walk finds them
/// (prefixes from the shortest, then the exact term). Most tokens of free text match nothing and cost nothing
/// beyond their walk. A barrier (`appendBarrier`) is a token that matches nothing, so a phrase cannot span it.
struct TermMatches: TokenSink {
    /// The automaton walked; it also keeps `tables` alive.
    let automaton: TermAutomaton
    /// `automaton`'s tables as pointers, taken once (a copy of the automaton per field used to retain and release
    /// each of its arrays).
    private let tables: TermAutomaton.Tables
    /// The walk before a token's first byte.
    private let start: TermAutomaton.Walk
    /// The matches, in memory this value owns alone before it writes (`MatchColumns`).
    private var columns = MatchColumns()
    /// The terms of ASCII tokens walked before (`feed`), owned alone like `columns`.
    private var cache = TokenTermCache()
    /// The terms matched, in token order (tests and diagnostics; the classifier reads `termBuffer`).
    var terms: [Int32] { Array(columns.termBuffer) }
    /// `tokens[k]` is the position of the token that matched `terms[k]`.
    var tokens: [Int32] { Array(columns.tokenBuffer) }
    /// The number of matches.
    var count: Int { columns.count }
    /// `terms` and `tokens` without a copy: valid until this value is next changed.
    var termBuffer: UnsafeBufferPointer<Int32> { columns.termBuffer }
    var tokenBuffer: UnsafeBufferPointer<Int32> { columns.tokenBuffer }
    /// The number of tokens so far (barriers included).
    private(set) var tokenCount = 0
    private var walk: TermAutomaton.Walk
    private var inToken = false
    private var lastIsBarrier = false
    private var fieldStart = (tokenCount: 0, terms: 0, lastIsBarrier: false)

    init(automaton: TermAutomaton) {
        self.automaton = automaton
        self.tables = automaton.tables
        self.start = automaton.start
        self.walk = automaton.start
    }

    /// The terms token `p` matches, in the order found (tests and diagnostics).
    func terms(ofToken p: Int) -> [Int32] {
        let terms = self.terms, tokens = self.tokens
        return terms.indices.filter { tokens[$0] == Int32(p) }.map { terms[$0] }
    }

    /// Makes `columns` and `cache` this value's own before a write (a shared cache is replaced by an empty
    /// one: what it holds changes no result).
    @inline(__always)
    private mutating func ownColumns() {
        if !isKnownUniquelyReferenced(&columns) { columns = columns.copy() }
        if !isKnownUniquelyReferenced(&cache) { cache = TokenTermCache() }
    }

    mutating func removeAll() {
        ownColumns()
        columns.truncate(to: 0)
        tokenCount = 0
        inToken = false
        lastIsBarrier = false
    }

    /// Appends a barrier unless there is no token yet or the last one is a barrier.
    mutating func appendBarrier() {
        guard tokenCount > 0, !lastIsBarrier else { return }
        tokenCount += 1
        lastIsBarrier = true
    }

    @inline(__always)
    private mutating func found(_ term: Int32) {
        // `beginField` (or `removeAll`) made the columns this value's own.
        columns.append(term: term, token: Int32(truncatingIfNeeded: tokenCount &- 1))
    }

    // MARK: TokenSink

    mutating func beginField() {
        ownColumns()
        fieldStart = (tokenCount, columns.count, lastIsBarrier)
    }

    @inline(__always)
    private mutating func startToken() {
        inToken = true
        lastIsBarrier = false
        tokenCount &+= 1
        walk = start
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        if !inToken { startToken() }
        guard !walk.isDead else { return }
        walk = automaton.step(walk, byte)
        if walk.link & 1 != 0, !walk.isDead { found(automaton.prefixTerm(walk)) }
    }

    @inline(__always)
    mutating func endToken() {
        inToken = false
        if walk.link & 2 != 0, !walk.isDead { found(automaton.exactTerm(walk)) }
    }

    /// The tokenizer's split, walked straight from the text: an ASCII letter or digit steps the automaton by
    /// its class with no call per byte. The step loop follows the cells themselves (a child's cell holds its
    /// base, so the next step's cell is one shift and one add away from the last one's load) and tests each
    /// next byte once: `TermAutomaton.Tables.stepClasses` gives class 0, which no node has a child by, to every
    /// byte that does not continue a token (separators, non-ASCII bytes) and to the letters no term has. Once the
    /// walk falls off the trie the rest of the token's ASCII letters and digits is skipped eight bytes at a time
    /// (`WordTokenizer.endOfASCIIWord`), and so are runs of ASCII separators between tokens
    /// (`WordTokenizer.endOfASCIISeparators`). Non-ASCII scalars go through `WordTokenizer.feedScalar` and
    /// `appendByte` as in the default. Same tokens, same terms.
    ///
    /// A token that is a run of at most `TokenTermCache.maxTokenLength` ASCII letters and digits (no non-ASCII
    /// letter before or after it) is first looked up in `cache` by its bytes, found eight at a time: most such
    /// tokens came before, and their terms are appended from there without a walk (`MatchColumns.append(cached:
    /// token:)`). The others are walked once (`walkAndRemember`) and remembered. Tokens shorter than sixteen bytes
    /// that an ASCII separator ends (most of them) are found, keyed and skipped past, separators included, from
    /// the words loaded at their starts (`feedShortTokens`).
    mutating func feed(_ input: UnsafeBufferPointer<UInt8>, tokenizer: WordTokenizer, recomposed: Bool) -> Bool {
        feed(input, tables: tables, tokenizer: tokenizer, recomposed: recomposed)
    }

    @inline(__always)
    private mutating func feed(_ input: UnsafeBufferPointer<UInt8>, tables: TermAutomaton.Tables,
                               tokenizer: WordTokenizer, recomposed: Bool) -> Bool {
        guard let base = input.baseAddress else { return true }
        let n = input.count
        let cells = tables.cells, stepClasses = tables.stepClasses
        var i = 0
        var inToken = false
        while i < n {
            let b = base[i]
            if b >= 0x80 {
                guard let next = tokenizer.feedScalar(input, at: i, into: &self, inToken: &inToken,
                                                      recomposed: recomposed) else { return false }
                i = next
                continue
            }
            var first = tables.asciiClasses[Int(b)]
            if first == TermAutomaton.separator {
                if inToken {
                    endToken()
                    inToken = false
                }
                i = WordTokenizer.endOfASCIISeparators(base, from: i &+ 1, count: n)
                continue
            }
            if !inToken {
                // A token starts at byte `i`. A run of ASCII letters and digits that a separator or the field's end
                // ends is looked up whole; one that a non-ASCII byte continues is walked byte by byte below.
                // Most tokens are shorter than sixteen bytes and an ASCII separator ends them: taken in a run,
                // from the words loaded at their starts (`feedShortTokens`); the loop goes on where it stopped.
                let stopped = feedShortTokens(base, from: i, count: n, tables: tables)
                guard stopped.atToken else {
                    i = stopped.offset
                    continue
                }
                if stopped.offset != i {
                    // A later token start: the class of its first byte.
                    i = stopped.offset
                    first = tables.asciiClasses[Int(base[i])]
                }
                let end = WordTokenizer.endOfASCIIWord(base, from: i &+ 1, count: n)
                if end &- i <= TokenTermCache.maxTokenLength && (end == n || base[end] < 0x80) {
                    lastIsBarrier = false
                    tokenCount &+= 1
                    let (first, second) = TokenTermCache.key(base, from: i, to: end, count: n)
                    if let cached = cache.terms(first, second) {
                        columns.append(cached: cached, token: Int32(truncatingIfNeeded: tokenCount &- 1))
                    } else {
                        walkAndRemember(base, from: i, to: end, tables: tables, key: (first, second))
                    }
                    i = end
                    continue
                }
                inToken = true
                startToken()
            }
            if walk.isDead {
                i = WordTokenizer.endOfASCIIWord(base, from: i &+ 1, count: n)
                continue
            }
            // Byte `i` is a letter or digit of class `first`. `cell` is the live node's cell (its link in the top
            // 24 bits: base << 2 | flags), `node` its index. Every `base + c` is inside the table (`freeze` sizes
            // it so), and a step by class 0 always fails (no cell's check byte is 0).
            var node = Int(walk.node)
            var cell = UInt32(bitPattern: walk.link) &<< 8
            var c = UInt32(first)
            var fellOff = false
            while true {
                let t = Int(cell &>> 10) &+ Int(c)
                let next = cells[t]
                if next & 0xFF != c {
                    fellOff = true
                    break
                }
                node = t
                cell = next
                if cell & 0x100 != 0 { found(tables.prefixTerms[t]) }
                i &+= 1
                if i == n { break }
                c = UInt32(stepClasses[Int(base[i])])
                if c == 0 { break }
            }
            if fellOff {
                // No term continues with byte `i`: the rest of the token's ASCII run cannot match.
                walk = .dead
                i = WordTokenizer.endOfASCIIWord(base, from: i &+ 1, count: n)
            } else {
                // The field ended, or byte `i` is a separator, a non-ASCII byte or a letter of no term: the next
                // round ends the token, takes the scalar, or falls off the trie.
                walk = TermAutomaton.Walk(node: Int32(truncatingIfNeeded: node),
                                          link: Int32(truncatingIfNeeded: cell &>> 8))
            }
        }
        if inToken { endToken() }
        return true
    }

    /// Takes the tokens from the token start `start` (an ASCII letter or digit, no token open) on while each is
    /// shorter than sixteen bytes, ends at an ASCII separator and has sixteen bytes readable from its start: the
    /// word loaded at a token's start (and the next one, for a token of eight bytes or more) gives its end, its
    /// cache key (`TokenTermCache.key`: the bytes below the end) and, past the separators that end it, the next
    /// token's start, as far as the same word reaches (further on, `WordTokenizer.endOfASCIISeparators`). Each
    /// token is looked up in `cache` (`walkAndRemember` on a miss). Returns the offset it stopped at and whether
    /// that is a token start it did not take (`start` itself if it took none; otherwise a non-ASCII byte or the
    /// field's end).
    ///
    /// A run makes room for its matches once (`MatchColumns.reserve`) and appends the hits unchecked
    /// (`MatchColumns.append(reservedCached:token:)`): a token of `L` bytes and the separator after it add at
    /// most `L + 1` matches (a prefix term per byte and the exact term, on a walk) and a hit writes
    /// `TokenTermCache.maxTerms` slots, so room for `end - start + maxTerms` matches covers every token the run
    /// starts before `end`. A run takes no token that starts `maxRunBytes` or more past `start` (it returns at that
    /// token's start), so a long body reserves a few kilobytes, not its length.
    @inline(__always)
    private mutating func feedShortTokens(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int,
                                          tables: TermAutomaton.Tables) -> (offset: Int, atToken: Bool) {
        let high = ByteWord.highBits, lower = ByteWord.repeating(0x20)
        var i = start
        let end = min(n, start &+ Self.maxRunBytes)
        columns.reserve(end &- start &+ TokenTermCache.maxTerms)
        let table = cache.table
        // A token is taken at `start`, here or by the caller (which takes the token it returns at when it took
        // none): the last token is no barrier from here on, written once, not per token.
        lastIsBarrier = false
        while i &+ 8 <= end {
            let v = ByteWord.load(base, at: i)
            // Per byte, the top bit set for an ASCII letter or digit; `stop` the lowest byte that is not one.
            let letters = WordTokenizer.asciiAlphanumerics(v) & ~v & high
            let stops = ~letters & high
            var stop = stops & (0 &- stops)
            var first = v | lower, second: UInt64 = 0
            // The word holding the token's end, its letters, and its offset.
            var word = v, wordLetters = letters, at = i
            if stop == 0 {
                guard i &+ 16 <= n else { break }
                let v2 = ByteWord.load(base, at: i &+ 8)
                let letters2 = WordTokenizer.asciiAlphanumerics(v2) & ~v2 & high
                let stops2 = ~letters2 & high
                stop = stops2 & (0 &- stops2)
                guard stop != 0 else { break }
                second = (v2 | lower) & ((stop &>> 7) &- 1)
                (word, wordLetters, at) = (v2, letters2, i &+ 8)
            } else {
                first &= (stop &>> 7) &- 1
            }
            // A non-ASCII byte may continue the token: walked by the caller.
            guard word & stop == 0 else { break }
            tokenCount &+= 1
            if let cached = TokenTermCache.terms(in: table, first, second) {
                columns.append(reservedCached: cached, token: Int32(truncatingIfNeeded: tokenCount &- 1))
            } else {
                walkAndRemember(base, from: i, to: at &+ ByteWord.firstMarked(stop), tables: tables,
                                key: (first, second))
            }
            // After the separator that ends the token: the next letter, digit or non-ASCII byte in the same word.
            let after = (wordLetters | word & high) & ~((stop &<< 1) &- 1)
            if after != 0 {
                i = at &+ ByteWord.firstMarked(after)
                // Another token starts, or a non-ASCII byte (the caller's).
                if wordLetters & after & (0 &- after) == 0 { return (i, false) }
            } else {
                i = WordTokenizer.endOfASCIISeparators(base, from: at &+ 8, count: n)
                if i == n || base[i] >= 0x80 { return (i, false) }
            }
        }
        return (i, true)
    }

    /// The bytes past its start that a run of `feedShortTokens` starts tokens in (and makes room for the
    /// matches of, once).
    static let maxRunBytes = 1024

    /// Walks the token `base[start..<end]` (ASCII letters and digits only; `tokenCount` already counts it),
    /// appends the terms it matches, and remembers them in `cache` under `key` (`TokenTermCache.key`).
    private mutating func walkAndRemember(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int,
                                          tables: TermAutomaton.Tables, key: (UInt64, UInt64)) {
        let before = columns.count
        var cell = tables.cells[0]
        var node = 0
        var alive = true
        for j in start..<end {
            // As in `feed`'s step loop; a letter no term has is class 0, which no cell's check byte is.
            let c = UInt32(tables.stepClasses[Int(base[j])])
            let t = Int(cell &>> 10) &+ Int(c)
            let next = tables.cells[t]
            if next & 0xFF != c {
                alive = false
                break
            }
            node = t
            cell = next
            if cell & 0x100 != 0 { found(tables.prefixTerms[t]) }
        }
        if alive, cell & 0x200 != 0 { found(tables.exactTerms[node]) }
        let found = UnsafeBufferPointer(rebasing: columns.termBuffer[before...])
        if let packed = TokenTermCache.pack(found) { cache.remember(key.0, key.1, packed: packed) }
    }

    mutating func rollBack() {
        tokenCount = fieldStart.tokenCount
        ownColumns()
        columns.truncate(to: fieldStart.terms)
        lastIsBarrier = fieldStart.lastIsBarrier
        inToken = false
    }
}
