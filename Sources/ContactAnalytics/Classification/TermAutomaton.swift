/// A byte trie over every keyword and word prefix of every rule: one walk per token finds all the terms the
/// token matches, whatever the number of rules.
///
/// A term is a token (`order`, matched when the token equals it) or a prefix (`tilau*`, matched when the token
/// starts with it, including the token `tilau` itself). The walk stops at the first byte with no edge, so a
/// token costs at most its length in steps. The root has a dense 256-entry table; other nodes keep their
/// edges sorted by byte.
struct TermAutomaton: Sendable {
    /// A term: lower-cased UTF-8 bytes and whether it is a prefix.
    struct Term: Hashable, Sendable {
        var bytes: [UInt8]
        var isPrefix: Bool
    }

    private(set) var terms: [Term] = []
    private var termIndex: [Term: Int32] = [:]

    // Frozen trie.
    private var rootTable = [Int32](repeating: -1, count: 256)
    private var edgeStart: [Int32] = []
    private var edgeCount: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var exactTerm: [Int32] = []
    private var prefixTerm: [Int32] = []

    init() {}

    /// The id of `term`, adding it if new. Call `freeze()` after the last insertion.
    mutating func id(of term: Term) -> Int32 {
        if let id = termIndex[term] { return id }
        let id = Int32(terms.count)
        terms.append(term)
        termIndex[term] = id
        return id
    }

    /// Builds the trie from the terms added so far.
    mutating func freeze() {
        var children: [[UInt8: Int32]] = [[:]]
        var exact: [Int32] = [-1], prefix: [Int32] = [-1]
        for (id, term) in terms.enumerated() {
            var node = 0
            for byte in term.bytes {
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    exact.append(-1)
                    prefix.append(-1)
                    children[node][byte] = next
                    node = Int(next)
                }
            }
            if term.isPrefix { prefix[node] = Int32(id) } else { exact[node] = Int32(id) }
        }
        edgeStart = []
        edgeCount = []
        edgeBytes = []
        edgeTargets = []
        for node in children {
            edgeStart.append(Int32(edgeBytes.count))
            edgeCount.append(Int32(node.count))
            for (byte, target) in node.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        rootTable = [Int32](repeating: -1, count: 256)
        for (byte, target) in children[0] { rootTable[Int(byte)] = target }
        exactTerm = exact
        prefixTerm = prefix
    }

    @inline(__always)
    private func child(of node: Int, _ byte: UInt8) -> Int {
        if node == 0 { return Int(rootTable[Int(byte)]) }
        let start = Int(edgeStart[node]), count = Int(edgeCount[node])
        var lo = start, hi = start + count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let b = edgeBytes[mid]
            if b == byte { return Int(edgeTargets[mid]) }
            if b < byte { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// Appends to `found` the id of every term the token `bytes[range]` matches.
    @inline(__always)
    func match(_ bytes: [UInt8], _ range: Range<Int>, into found: inout [Int32]) {
        guard !range.isEmpty, !exactTerm.isEmpty else { return }
        var node = 0
        for i in range {
            node = child(of: node, bytes[i])
            if node < 0 { return }
            let p = prefixTerm[node]
            if p >= 0 { found.append(p) }
        }
        let e = exactTerm[node]
        if e >= 0 { found.append(e) }
    }
}
