/// The terms each token of a field matches, found while the field is tokenised: a `TokenSink` that walks the
/// `TermAutomaton` with every byte the tokenizer produces, so matching costs one table step per byte of text
/// and no token is stored.
///
/// Token `p`'s terms are `terms[termRange(p)]`, in the order the walk finds them (prefixes from the shortest,
/// then the exact term). A barrier (`appendBarrier`) is a token that matches nothing, so a phrase cannot
/// span it.
struct TermMatches: TokenSink {
    let automaton: TermAutomaton
    /// Where each token's terms start in `terms`.
    private(set) var starts: [Int] = []
    private(set) var terms: [Int32] = []
    private var node: Int32 = 0
    private var inToken = false
    private var lastIsBarrier = false
    private var fieldStart = (starts: 0, terms: 0, lastIsBarrier: false)

    init(automaton: TermAutomaton) {
        self.automaton = automaton
    }

    /// The number of tokens (barriers included).
    var tokenCount: Int { starts.count }

    /// The indexes in `terms` of the terms token `p` matches.
    @inline(__always)
    func termRange(_ p: Int) -> Range<Int> {
        starts[p]..<(p + 1 < starts.count ? starts[p + 1] : terms.count)
    }

    mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        inToken = false
        lastIsBarrier = false
    }

    /// Appends a barrier unless there is no token yet or the last one is a barrier.
    mutating func appendBarrier() {
        guard !starts.isEmpty, !lastIsBarrier else { return }
        starts.append(terms.count)
        lastIsBarrier = true
    }

    // MARK: TokenSink

    mutating func beginField() {
        fieldStart = (starts.count, terms.count, lastIsBarrier)
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        if !inToken {
            inToken = true
            lastIsBarrier = false
            starts.append(terms.count)
            node = 0
        }
        guard node >= 0 else { return }
        node = automaton.step(node, byte)
        if node >= 0 {
            let prefix = automaton.prefixTerm(node)
            if prefix >= 0 { terms.append(prefix) }
        }
    }

    @inline(__always)
    mutating func endToken() {
        inToken = false
        guard node >= 0 else { return }
        let exact = automaton.exactTerm(node)
        if exact >= 0 { terms.append(exact) }
    }

    mutating func rollBack() {
        starts.removeSubrange(fieldStart.starts...)
        terms.removeSubrange(fieldStart.terms...)
        lastIsBarrier = fieldStart.lastIsBarrier
        inToken = false
    }
}
