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
    private var cache: TokenTermCache
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
        self.cache = TokenTermCache(termStarts: automaton.tables.termStarts, keyFilter: automaton.keyFilter)
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
        if !isKnownUniquelyReferenced(&cache) { cache = TokenTermCache(termStarts: tables.termStarts, keyFilter: automaton.keyFilter) }
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
    /// token:)`). The others are walked once (`walkAndRemember`) and remembered. Such tokens that an ASCII separator
    /// or the field's end ends (most of them) are found and keyed from bit masks of 64 bytes at a time
    /// (`feedShortTokens`), and so are the tokens with Latin-1 letters (`päivää`, `hälsningar`: `TokenWindow.
    /// latin1Pairs`) among them, unless diacritics are folded.
    @inline(__always)
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
        // Latin-1 letters (ä, Ö, å, é) are taken as their lower-case bytes, undecoded, unless folding diacritics.
        let latin1 = tokenizer.foldDiacritics ? nil : tokenizer.latin1Lower
        let latin1Tails = tokenizer.latin1PairTails
        while i < n {
            let b = base[i]
            if b >= 0x80 {
                if b == 0xC3, i &+ 1 < n, let latin1 {
                    let c = base[i &+ 1]
                    let lower = latin1[Int(c & 0x3F)]
                    if c & 0xC0 == 0x80, lower != 0 {
                        // As `WordTokenizer.feedScalar` takes a letter: its lower-case bytes.
                        appendByte(0xC3)
                        appendByte(lower)
                        inToken = true
                        i &+= 2
                        continue
                    }
                }
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
                // Most tokens are at most sixteen bytes and an ASCII separator ends them: taken 64 bytes at a time
                // (`feedShortTokens`); the loop goes on where it stopped.
                let stopped = feedShortTokens(base, from: i, count: n, tables: tables, latin1Tails: latin1Tails)
                // A token start not taken that is a Latin-1 letter (a window takes those inside its tokens) is the
                // byte path's, as the token it starts.
                guard stopped.atToken, base[stopped.offset] < 0x80 else {
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

    /// Takes the tokens from the token start `start` (an ASCII letter or digit, no token open) on, 64 bytes at a
    /// time (`TokenWindow`): in each window, every token of at most `TokenTermCache.maxTokenLength` bytes of ASCII
    /// letters and digits and the Latin-1 letters `latin1Tails` takes (`TokenWindow.latin1Pairs`; 0 when folding
    /// diacritics) that an ASCII separator or the field's end ends is looked up in `cache` by its bytes
    /// (`walkAndRemember` on a miss). Returns the offset it stopped at and whether that is a token start it did not
    /// take (`start` itself if it took none; otherwise a token start, which may be a Latin-1 letter, a separator,
    /// a non-ASCII byte or the field's end, where the caller's loop goes on).
    ///
    /// Windows need `windowReach` bytes readable from their start (`feedTokenWindows`); the last bytes of a field
    /// are copied into zero-padded scratch for them (a zero byte separates tokens, as the field's end does), so
    /// short fields (subjects) are taken the same way.
    @inline(__always)
    private mutating func feedShortTokens(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int,
                                          tables: TermAutomaton.Tables,
                                          latin1Tails: UInt64) -> (offset: Int, atToken: Bool) {
        if start &+ Self.windowReach <= n {
            return feedTokenWindows(base, from: start, count: n, tables: tables, latin1Tails: latin1Tails)
        }
        let rest = n &- start
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.windowReach) { scratch in
            guard let padded = scratch.baseAddress else { return (start, true) }
            Self.copyPadded(base + start, count: rest, into: padded)
            let stopped = feedTokenWindows(UnsafePointer(padded), from: 0, count: Self.windowReach, tables: tables,
                                           latin1Tails: latin1Tails)
            // Past the field's end there are only separators: the field's end.
            return (start &+ min(stopped.offset, rest), stopped.atToken)
        }
    }

    /// The bytes readable from a window's start that `feedTokenWindows` needs: the window, and the second key word
    /// of a token that ends in it.
    static let windowReach = TokenWindow.width &+ 16

    /// Copies the `count` bytes (1 to `windowReach - 1`) at `source` to the start of the `windowReach` bytes of
    /// `scratch` and zeroes the others, reading nothing past `source[count - 1]`: the whole scratch zeroed in word
    /// stores, then, for 16 bytes or more, five 16-byte pieces at 0, 16, 32, 48 and 64, each moved back to end at
    /// `count` at the latest (the same bytes copied again rather than a branch on the length per piece, which
    /// mispredicts); 8, 4 or single bytes for fewer than 16. `initialize(from:count:)` and
    /// `initialize(repeating:count:)` called `memcpy` and `memset` for each field end (every subject), each
    /// dearer than the copy.
    @inline(__always)
    static func copyPadded(_ source: UnsafePointer<UInt8>, count: Int, into scratch: UnsafeMutablePointer<UInt8>) {
        let to = UnsafeMutableRawPointer(scratch), from = UnsafeRawPointer(source)
        for k in 0..<(TokenWindow.width / 8 &+ 2) { to.storeBytes(of: 0 as UInt64, toByteOffset: 8 &* k, as: UInt64.self) }
        @inline(__always) func copy16(_ at: Int) {
            let low = from.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            let high = from.loadUnaligned(fromByteOffset: at &+ 8, as: UInt64.self)
            to.storeBytes(of: low, toByteOffset: at, as: UInt64.self)
            to.storeBytes(of: high, toByteOffset: at &+ 8, as: UInt64.self)
        }
        if count >= 16 {
            let last = count &- 16
            copy16(0)
            copy16(min(16, last))
            copy16(min(32, last))
            copy16(min(48, last))
            copy16(last)
        } else if count >= 8 {
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self), toByteOffset: count &- 8,
                          as: UInt64.self)
        } else if count >= 4 {
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self), toByteOffset: count &- 4,
                          as: UInt32.self)
        } else if count > 0 {
            scratch[0] = source[0]
            scratch[count &- 1] = source[count &- 1]
            scratch[count >> 1] = source[count >> 1]
        }
    }

    /// `feedShortTokens` while `windowReach` bytes are readable from the window's start: the window's masks
    /// (`TokenWindow`) give every token's start and end (the k-th start of a window pairs with its k-th end), so a
    /// token costs two bit scans, its key (two loads, masked by its length) and its cache probe (`takeHits`, which
    /// returns here on a miss, walked by `walkAndRemember`). A window takes its tokens up to the first non-ASCII
    /// byte that is not part of a Latin-1 letter it takes (returning its offset: the caller's), or up to a token that runs on into one or is longer than
    /// `TokenTermCache.maxTokenLength` (returned as a token start not taken: the caller walks it) or ends past the
    /// window (which starts the next window; one of 64 bytes or more is the caller's). The first window starts at
    /// `start`, a token start, so a call takes at least one token or returns `start` as a token start not taken;
    /// every later window starts at a token start or after an ASCII separator (the previous window's last byte),
    /// so its first token byte starts a token.
    ///
    /// Each window makes room for its matches once (`MatchColumns.reserve`): a token of `L` bytes and the byte
    /// after it add at most `L + 1` matches (a prefix term per byte and the exact term, on a walk), and a hit writes
    /// `TokenTermCache.maxTerms` slots, so room for `width + maxTerms` matches covers every token of the window.
    @inline(__always)
    private mutating func feedTokenWindows(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int,
                                           tables: TermAutomaton.Tables,
                                           latin1Tails: UInt64) -> (offset: Int, atToken: Bool) {
        let table = cache.table, keyMasks = cache.keyMasks
        // A token is taken at `start`, here or by the caller: the last token is no barrier from here on.
        lastIsBarrier = false
        var w = start
        while w &+ Self.windowReach <= n {
            let window = TokenWindow(base, at: w)
            var tokenBytes = window.tokenBytes, nonASCII = window.nonASCII
            if nonASCII != 0 && latin1Tails != 0 {
                let pairs = TokenWindow.latin1Pairs(base, at: w, nonASCII: nonASCII, tails: latin1Tails)
                tokenBytes |= pairs
                nonASCII &= ~pairs
            }
            let limit = nonASCII.trailingZeroBitCount
            columns.reserve(TokenWindow.width &+ TokenTermCache.maxTerms)
            var cursor = WindowCursor(starts: tokenBytes & ~(tokenBytes &<< 1), ends: ~tokenBytes & (tokenBytes &<< 1),
                                      count: columns.count, tokens: tokenCount)
            var stop = WindowStop.miss
            while true {
                stop = Self.takeHits(base + w, limit: limit, table: table, keyMasks: keyMasks, terms: columns.terms,
                                     tokens: columns.tokens, cursor: &cursor)
                guard stop == .miss else { break }
                columns.commit(count: cursor.count)
                tokenCount = cursor.tokens
                let s = w &+ cursor.starts.trailingZeroBitCount, e = w &+ cursor.ends.trailingZeroBitCount
                walkAndRemember(base, from: s, to: e, tables: tables, key: (cursor.first, cursor.second))
                cursor.count = columns.count
                cursor.starts &= cursor.starts &- 1
                cursor.ends &= cursor.ends &- 1
            }
            columns.commit(count: cursor.count)
            tokenCount = cursor.tokens
            let s = cursor.starts.trailingZeroBitCount
            switch stop {
            case .windowDone:
                // Every token before the first non-ASCII byte taken: the rest up to it are separators.
                if limit < TokenWindow.width { return (w &+ limit, false) }
                w &+= TokenWindow.width
            case .separators: return (w &+ limit, false)
            case .pastWindow:
                // The token runs past the window: the next window starts at it.
                if s == 0 { return (w, true) }
                w &+= s
            case .callersToken, .miss: return (w &+ s, true)
            }
        }
        return (w, false)
    }

    /// Where `takeHits` stopped.
    enum WindowStop {
        /// At a token not in the cache (the lowest bit of `starts` and `ends`; its key in the cursor).
        case miss
        /// Every token of the window taken.
        case windowDone
        /// Only separators before the window's first non-ASCII byte (of those not taken as Latin-1 letters).
        case separators
        /// At a token that ends past the window (the lowest bit of `starts`).
        case pastWindow
        /// At a token a non-ASCII byte may continue, or longer than `TokenTermCache.maxTokenLength` (the lowest bit
        /// of `starts`).
        case callersToken
    }

    /// A window's tokens not yet taken (`starts`, `ends`: bit `k` for the byte at `k` past the window's start),
    /// the matches' count and the token count, for `takeHits`; on a miss, the missed token's key.
    struct WindowCursor {
        var starts: UInt64
        var ends: UInt64
        var count: Int
        var tokens: Int
        var first: UInt64 = 0
        var second: UInt64 = 0
    }

    /// Takes the tokens of the window at `text` (`cursor`: their starts and ends; `limit`: the window's first
    /// non-ASCII byte not taken as part of a Latin-1 letter, or 64) while the cache (`table`, `keyMasks`) has them,
    /// writing their terms at `cursor.count` of the columns whose memory is `terms` and `tokens` (room made by the
    /// caller) and counting them in `cursor.tokens`; a token whose first byte starts no term is taken with no terms.
    /// A function of its own with everything in arguments, so the loop keeps its values in registers (inlined in
    /// `feed`, they were spilled); it returns to its caller at a miss (the token counted, its key in `cursor`, its
    /// bits left in `starts` and `ends`) and where the window's tokens stop.
    ///
    /// The key's masks are loaded by the token's length (`TokenTermCache.keyMasks`: a branch on the length
    /// mispredicts, and computing them took a dozen instructions), and every way the window's tokens stop is one
    /// test per token. A token that `TermKeyFilter` rules out (its first `prefixBytes` key bytes, four for the
    /// built-in packs, begin no term: about half of free text's words) is probed in `TokenTermCache.filteredSet`, where its key was just stored with no
    /// terms, instead of its set of the table: a load the store answers instead of one from the second-level cache,
    /// chosen by a shift (a select on the filter's bit became a branch, which mispredicted: on a million realistic
    /// rows that version took more CPU than none, this one about 2.5 % less). Ruled-out tokens are never remembered,
    /// so the table holds only tokens that may match.
    @inline(never)
    static func takeHits(_ text: UnsafePointer<UInt8>, limit: Int, table: UnsafeMutablePointer<UInt64>,
                         keyMasks: UnsafePointer<UInt64>, terms: UnsafeMutablePointer<Int32>,
                         tokens: UnsafeMutablePointer<Int32>, cursor: inout WindowCursor) -> WindowStop {
        let lower = ByteWord.repeating(0x20)
        var starts = cursor.starts, ends = cursor.ends
        var count = cursor.count, tokenCount = cursor.tokens
        var stop = WindowStop.windowDone
        while true {
            let s = starts.trailingZeroBitCount, e = ends.trailingZeroBitCount
            let length = e &- s
            // One test for every way the window's tokens stop: no token left (`starts` and `ends` 0: 64, 64), a
            // token after the window's first non-ASCII byte (its end is later still, or 64), one that runs past
            // the window (`ends` 0: 64) or into a non-ASCII byte (`e == limit`), one too long for the cache.
            // Otherwise 1 <= length <= `maxTokenLength`.
            if e >= limit || length > TokenTermCache.maxTokenLength {
                if starts == 0 {
                    stop = .windowDone
                } else if s >= limit {
                    stop = .separators
                } else if ends == 0 {
                    stop = .pastWindow
                } else {
                    stop = .callersToken
                }
                break
            }
            let masks = keyMasks + (length &<< 1)
            let first = (ByteWord.load(text, at: s) | lower) & masks[0]
            let second = (ByteWord.load(text, at: s &+ 8) | lower) & masks[1]
            let token = UInt32(truncatingIfNeeded: tokenCount)
            tokenCount &+= 1
            // The key filter's bit for the token (1: it may match), and the set probed: the token's own, or
            // `filteredSet` (offset 0) by a shift of 32 bits (offsets are below 2^32), where the key was just stored.
            let h = TermKeyFilter.bit(of: first & keyMasks[TokenTermCache.keyFilterMaskOffset])
            let pass = (keyMasks[TokenTermCache.keyFilterOffset &+ (h &>> 6)] &>> UInt64(h & 63)) & 1
            table[TokenTermCache.filteredSet] = first
            table[TokenTermCache.filteredSet &+ 1] = second
            let own = UInt64(truncatingIfNeeded: TokenTermCache.set(first, second))
            let at = Int(truncatingIfNeeded: own &>> ((pass ^ 1) &<< 5))
            guard let cached = TokenTermCache.terms(in: table, at: at, first, second) else {
                // No term starts with the token's first byte (`TermAutomaton.termStarts`, kept after the key masks):
                // it matches nothing, taken here without a walk and not remembered (mostly numbers, each seen once).
                let k = Int(truncatingIfNeeded: first & 0xFF)
                if (keyMasks[TokenTermCache.termStartsOffset &+ k &>> 6] &>> UInt64(k & 63)) & 1 == 0 {
                    starts &= starts &- 1
                    ends &= ends &- 1
                    continue
                }
                cursor.first = first
                cursor.second = second
                stop = .miss
                break
            }
            count &+= MatchColumns.write(cached: cached, tokenPair: UInt64(token) &* 0x1_0000_0001, terms: terms,
                                         tokens: tokens, at: count)
            starts &= starts &- 1
            ends &= ends &- 1
        }
        cursor.starts = starts
        cursor.ends = ends
        cursor.count = count
        cursor.tokens = tokenCount
        return stop
    }

    /// Walks the token `base[start..<end]` (ASCII letters and digits, and Latin-1 letters a window took, see
    /// `TermAutomaton.keyClasses`; `tokenCount` already counts it),
    /// appends the terms it matches, and remembers them in `cache` under `key` (`TokenTermCache.key`).
    private mutating func walkAndRemember(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int,
                                          tables: TermAutomaton.Tables, key: (UInt64, UInt64)) {
        let before = columns.count
        var cell = tables.cells[0]
        var node = 0
        var alive = true
        for j in start..<end {
            // As in `feed`'s step loop; a letter no term has is class 0, which no cell's check byte is.
            let c = UInt32(tables.keyClasses[Int(base[j])])
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
