/// The terms the tokens of a field match, found while the field is tokenised: a `TokenSink` that walks the
/// `TermAutomaton` with every byte the tokenizer produces, so matching costs one table step per byte of text
/// and no token is stored.
///
/// Only matches are kept: `terms[k]` was matched by token `tokens[k]` (tokens are numbered from 0 in the order
/// they occur, barriers included), in token order and, within a token, in the order the walk finds them
/// (prefixes from the shortest, then the exact term). Most tokens of free text match nothing and cost nothing
/// beyond their walk. A barrier (`appendBarrier`) is a token that matches nothing, so a phrase cannot span it.
struct TermMatches: TokenSink {
    let automaton: TermAutomaton
    /// The terms matched, in token order.
    private(set) var terms: [Int32] = []
    /// `tokens[k]` is the position of the token that matched `terms[k]`.
    private(set) var tokens: [Int32] = []
    /// The number of tokens so far (barriers included).
    private(set) var tokenCount = 0
    private var walk: TermAutomaton.Walk
    private var inToken = false
    private var lastIsBarrier = false
    private var fieldStart = (tokenCount: 0, terms: 0, lastIsBarrier: false)

    init(automaton: TermAutomaton) {
        self.automaton = automaton
        self.walk = automaton.start
    }

    /// The terms token `p` matches, in the order found (tests and diagnostics).
    func terms(ofToken p: Int) -> [Int32] {
        terms.indices.filter { tokens[$0] == Int32(p) }.map { terms[$0] }
    }

    mutating func removeAll() {
        terms.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
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
        terms.append(term)
        tokens.append(Int32(truncatingIfNeeded: tokenCount &- 1))
    }

    // MARK: TokenSink

    mutating func beginField() {
        fieldStart = (tokenCount, terms.count, lastIsBarrier)
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        if !inToken {
            inToken = true
            lastIsBarrier = false
            tokenCount &+= 1
            walk = automaton.start
        }
        guard !walk.isDead else { return }
        walk = automaton.step(walk, byte)
        if walk.link & 1 != 0, !walk.isDead { found(automaton.prefixTerm(walk)) }
    }

    @inline(__always)
    mutating func endToken() {
        inToken = false
        if walk.link & 2 != 0, !walk.isDead { found(automaton.exactTerm(walk)) }
    }

    mutating func rollBack() {
        tokenCount = fieldStart.tokenCount
        terms.removeSubrange(fieldStart.terms...)
        tokens.removeSubrange(fieldStart.terms...)
        lastIsBarrier = fieldStart.lastIsBarrier
        inToken = false
    }
}
