/// The matches of the field being scanned as two parallel columns, term and token, in memory of their own:
/// `TermMatches` appends a match per matched term of every token of free text (1.9 million on 100,000
/// realistic contacts), and two array appends a match cost two uniqueness checks and two capacity checks.
///
/// `TermMatches` keeps value semantics over it the way an array does over its buffer: it makes sure it holds
/// the only reference before the first write of each field (`isKnownUniquelyReferenced`), and copies otherwise.
final class MatchColumns: @unchecked Sendable {
    // @unchecked: written only through the one `TermMatches` that holds the only reference (checked before each
    // field's first write); copies sharing it only read.
    private(set) var terms: UnsafeMutablePointer<Int32>
    private(set) var tokens: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    /// The matches the columns have room for.
    private(set) var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        terms = .allocate(capacity: self.capacity)
        tokens = .allocate(capacity: self.capacity)
    }

    deinit {
        terms.deallocate()
        tokens.deallocate()
    }

    /// A copy holding the same matches.
    func copy() -> MatchColumns {
        let other = MatchColumns(capacity: capacity)
        other.terms.initialize(from: terms, count: count)
        other.tokens.initialize(from: tokens, count: count)
        other.count = count
        return other
    }

    @inline(__always)
    func append(term: Int32, token: Int32) {
        if count == capacity { grow() }
        terms[count] = term
        tokens[count] = token
        count &+= 1
    }

    /// Appends the terms of one token as `TokenTermCache` holds them (`cached`: its two term words, see
    /// `TokenTermCache.pack`; 0 to `TokenTermCache.maxTerms` terms), all with token `token`, without a branch on
    /// their number (`append(reservedCached:token:)`), after making room for them.
    @inline(__always)
    func append(cached: UnsafePointer<UInt64>, token: Int32) {
        reserve(TokenTermCache.maxTerms)
        append(reservedCached: cached, token: token)
    }

    /// Makes room for at least `extra` more matches past `count`, so that the appends that stay within it need
    /// no check of their own (`append(reservedCached:token:)`).
    @inline(__always)
    func reserve(_ extra: Int) {
        while count &+ extra > capacity { grow() }
    }

    /// `append(cached:token:)` without a capacity check: the caller made room for `TokenTermCache.maxTerms` more
    /// matches (`reserve`).
    @inline(__always)
    func append(reservedCached cached: UnsafePointer<UInt64>, token: Int32) {
        count &+= Self.write(cached: cached, token: token, terms: terms, tokens: tokens, at: count)
    }

    /// Writes the terms of one token as `TokenTermCache` holds them (`cached`) at match `at` of the columns whose
    /// memory is `terms` and `tokens` (this object's, taken after a `reserve` that left room for
    /// `TokenTermCache.maxTerms` matches past `at`), and returns their number: the three slots of each column are
    /// written with two stores (eight bytes, then four) whatever the number. A caller that appends a run of tokens
    /// keeps the pointers and the count in locals and sets the count once (`commit(count:)`).
    @inline(__always)
    static func write(cached: UnsafePointer<UInt64>, token: Int32, terms: UnsafeMutablePointer<Int32>,
                      tokens: UnsafeMutablePointer<Int32>, at: Int) -> Int {
        let tokenBits = UInt32(bitPattern: token)
        return write(cached: cached, tokenPair: TokenTermCache.word(tokenBits, tokenBits), terms: terms,
                     tokens: tokens, at: at)
    }

    /// `write(cached:token:terms:tokens:at:)` with the token given as a word that holds it twice
    /// (`TokenTermCache.word(token, token)`, which for a 32-bit value is also `token * 0x1_0000_0001`).
    @inline(__always)
    static func write(cached: UnsafePointer<UInt64>, tokenPair: UInt64, terms: UnsafeMutablePointer<Int32>,
                      tokens: UnsafeMutablePointer<Int32>, at: Int) -> Int {
        let termWords = cached[0], (third, number) = TokenTermCache.slots(of: cached[1])
        let termSlots = UnsafeMutableRawPointer(terms + at), tokenSlots = UnsafeMutableRawPointer(tokens + at)
        termSlots.storeBytes(of: termWords, as: UInt64.self)
        termSlots.storeBytes(of: third, toByteOffset: 8, as: UInt32.self)
        tokenSlots.storeBytes(of: tokenPair, as: UInt64.self)
        tokenSlots.storeBytes(of: UInt32(truncatingIfNeeded: tokenPair), toByteOffset: 8, as: UInt32.self)
        return Int(truncatingIfNeeded: number)
    }

    /// Sets the number of matches to `count`: after `write`s within the room the last `reserve` made (at most
    /// `capacity`).
    @inline(__always)
    func commit(count: Int) {
        self.count = count
    }

    /// Keeps the first `count` matches.
    func truncate(to count: Int) {
        self.count = min(self.count, max(count, 0))
    }

    private func grow() {
        let larger = capacity * 2
        let newTerms = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        let newTokens = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        newTerms.moveInitialize(from: terms, count: count)
        newTokens.moveInitialize(from: tokens, count: count)
        terms.deallocate()
        tokens.deallocate()
        terms = newTerms
        tokens = newTokens
        capacity = larger
    }

    /// The terms matched so far, valid until the next append.
    var termBuffer: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: terms, count: count) }
    /// The token of each match, valid until the next append.
    var tokenBuffer: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: tokens, count: count) }
}
