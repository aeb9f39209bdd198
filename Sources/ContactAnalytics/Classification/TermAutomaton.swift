/// A byte trie over every keyword and word prefix of every rule: one walk per token finds all the terms the
/// token matches, whatever the number of rules. The walk is fed byte by byte while the text is tokenised
/// (`TermMatches`), so no token is ever stored.
///
/// A term is a token (`order`, matched when the token equals it) or a prefix (`tilau*`, matched when the token
/// starts with it, including the token `tilau` itself). The walk stops at the first byte with no edge, so a
/// token costs at most its length in steps.
struct TermAutomaton: Sendable {
    /// A term: lower-cased UTF-8 bytes and whether it is a prefix.
    struct Term: Hashable, Sendable {
        var bytes: [UInt8]
        var isPrefix: Bool
    }

    private(set) var terms: [Term] = []
    private var termIndex: [Term: Int32] = [:]

    // Frozen trie: a dense transition table over byte classes (bytes that occur in no term share class 0,
    // which has no edge), so a step is two loads whatever the number of terms.
    private var byteClass = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    private var transitions: [Int32] = [-1]
    /// Per node: the prefix term and the exact term ending there (-1: none), side by side.
    private var nodeTerms: [Int32] = [-1, -1]

    init() {}

    /// The id of `term`, adding it if new. Call `freeze()` after the last insertion.
    mutating func id(of term: Term) -> Int32 {
        if let id = termIndex[term] { return id }
        let id = Int32(terms.count)
        terms.append(term)
        termIndex[term] = id
        return id
    }

    /// The number of trie nodes (the root is node 0).
    var nodeCount: Int { nodeTerms.count / 2 }

    /// Builds the trie from the terms added so far. Nodes are numbered breadth first, so the shallow nodes
    /// that almost every token visits share a few cache lines.
    mutating func freeze() {
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for term in terms {
            for byte in term.bytes where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(count)
                count += 1
            }
        }
        // The trie in insertion order first.
        var children: [[Int32]] = [[Int32](repeating: -1, count: count)]
        var exact: [Int32] = [-1], prefix: [Int32] = [-1]
        for (id, term) in terms.enumerated() {
            var node = 0
            for byte in term.bytes {
                let c = Int(classes[Int(byte)])
                if children[node][c] >= 0 {
                    node = Int(children[node][c])
                } else {
                    let next = children.count
                    children.append([Int32](repeating: -1, count: count))
                    exact.append(-1)
                    prefix.append(-1)
                    children[node][c] = Int32(next)
                    node = next
                }
            }
            if term.isPrefix { prefix[node] = Int32(id) } else { exact[node] = Int32(id) }
        }
        // Breadth-first numbering.
        var order = [0]
        var number = [Int32](repeating: -1, count: children.count)
        number[0] = 0
        var head = 0
        while head < order.count {
            for child in children[order[head]] where child >= 0 {
                number[Int(child)] = Int32(order.count)
                order.append(Int(child))
            }
            head += 1
        }
        var table = [Int32](repeating: -1, count: order.count * count)
        var nodeTerms = [Int32](repeating: -1, count: order.count * 2)
        for (newNode, oldNode) in order.enumerated() {
            for (c, child) in children[oldNode].enumerated() where child >= 0 {
                table[newNode * count + c] = number[Int(child)]
            }
            nodeTerms[newNode * 2] = prefix[oldNode]
            nodeTerms[newNode * 2 + 1] = exact[oldNode]
        }
        byteClass = classes
        classCount = count
        transitions = table
        self.nodeTerms = nodeTerms
    }

    /// The prefix term ending at `node`, or -1.
    @inline(__always)
    func prefixTerm(_ node: Int32) -> Int32 { nodeTerms[Int(node) &* 2] }

    /// The exact term ending at `node`, or -1.
    @inline(__always)
    func exactTerm(_ node: Int32) -> Int32 { nodeTerms[Int(node) &* 2 &+ 1] }

    /// The node reached from `node` by `byte`, or -1 when no term continues that way.
    @inline(__always)
    func step(_ node: Int32, _ byte: UInt8) -> Int32 {
        transitions[Int(node) &* classCount &+ Int(byteClass[Int(byte)])]
    }

    /// Appends to `found` the id of every term the token `bytes[range]` matches (tests; the classifier walks
    /// the automaton as it tokenises, see `TermMatches`).
    func match(_ bytes: [UInt8], _ range: Range<Int>, into found: inout [Int32]) {
        guard !range.isEmpty else { return }
        var node: Int32 = 0
        for i in range {
            node = step(node, bytes[i])
            if node < 0 { return }
            let p = prefixTerm(node)
            if p >= 0 { found.append(p) }
        }
        let e = exactTerm(node)
        if e >= 0 { found.append(e) }
    }
}
