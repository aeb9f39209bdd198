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

    /// Where a walk is: the node (a cell of the table) and that cell's `link`. The link is the node's base (its
    /// children sit at `base + class`) shifted left by two, with bit 0 set when the node ends a prefix term and
    /// bit 1 when it ends an exact term. A walk that fell off the trie has `node == -1`.
    struct Walk: Sendable {
        var node: Int32
        var link: Int32

        static let dead = Walk(node: -1, link: 0)
        var isDead: Bool { node < 0 }
    }

    /// A cell of the double array: the node whose child it is (`check`) and the child's own `link`.
    private struct Cell: Sendable {
        var check: Int32
        var link: Int32
    }

    // Frozen trie as a double array: the child of node `n` by byte class `c` is cell `base(n) + c` if that cell's
    // `check` is `n`. Bytes that occur in no term share class 0, which no node has a child by. Children of
    // different nodes interleave, so the table holds about one cell per node (11,000 nodes of the built-in packs
    // in about 100 KB, against 2 MB for a dense row of every class per node): the cells a walk touches stay in
    // the cache, and a step is one table load whatever the number of terms.
    private var byteClass = [UInt8](repeating: 0, count: 256)
    private var cells: [Cell] = [Cell(check: Int32.min, link: 0)]
    /// Per cell: the prefix term and the exact term the node ends (-1: none); read only where `link` says so.
    private var prefixTerms: [Int32] = [-1]
    private var exactTerms: [Int32] = [-1]
    private(set) var nodeCount = 1

    init() {}

    /// The id of `term`, adding it if new. Call `freeze()` after the last insertion.
    mutating func id(of term: Term) -> Int32 {
        if let id = termIndex[term] { return id }
        let id = Int32(terms.count)
        terms.append(term)
        termIndex[term] = id
        return id
    }

    /// Builds the trie from the terms added so far. Nodes are placed breadth first, each at the first base where
    /// its children's cells are free, so the shallow nodes that almost every token visits share a few cache lines.
    mutating func freeze() {
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for term in terms {
            for byte in term.bytes where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(count)
                count += 1
            }
        }
        // The trie in insertion order first: per node, its children as (class, node) in class order.
        var children: [[(Int, Int)]] = [[]]
        var exact: [Int32] = [-1], prefix: [Int32] = [-1]
        for (id, term) in terms.enumerated() where !term.bytes.isEmpty {
            var node = 0
            for byte in term.bytes {
                let c = Int(classes[Int(byte)])
                if let child = children[node].first(where: { $0.0 == c }) {
                    node = child.1
                } else {
                    let next = children.count
                    children.append([])
                    exact.append(-1)
                    prefix.append(-1)
                    children[node].append((c, next))
                    node = next
                }
            }
            if term.isPrefix { prefix[node] = Int32(id) } else { exact[node] = Int32(id) }
        }
        for i in children.indices { children[i].sort { $0.0 < $1.0 } }
        // Placement, breadth first: cell[node] for every trie node, bases chosen first-fit.
        var check: [Int32] = [-1]          // -1: free; the root's cell 0 is taken (it is nobody's child).
        var base = [Int](repeating: 0, count: children.count)
        var cellOf = [Int](repeating: -1, count: children.count)
        cellOf[0] = 0
        check[0] = Int32.min
        // A node's base is the first one where its children's cells are free. Free cells are found through
        // `nextFree` (each taken cell points further on, paths shortened as they are followed), so placing a node
        // skips the taken cells instead of trying them one by one; the cells past the end are free.
        var nextFree: [Int] = [1]
        func free(_ cell: Int) -> Bool { cell >= nextFree.count || nextFree[cell] == cell }
        func firstFree(from cell: Int) -> Int {
            var root = cell
            while root < nextFree.count, nextFree[root] != root { root = nextFree[root] }
            var walk = cell
            while walk < nextFree.count, nextFree[walk] != walk {
                let next = nextFree[walk]
                nextFree[walk] = root
                walk = next
            }
            return root
        }
        func take(_ cell: Int) {
            if cell >= nextFree.count { nextFree.append(contentsOf: nextFree.count...cell) }
            nextFree[cell] = cell + 1
        }
        var queue = [0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let kids = children[node]
            guard let lowest = kids.first?.0 else { continue }
            var cell = firstFree(from: 1 + lowest)
            while !kids.dropFirst().allSatisfy({ free(cell - lowest + $0.0) }) {
                cell = firstFree(from: cell + 1)
            }
            let b = cell - lowest
            base[node] = b
            let need = b + count
            if check.count < need { check.append(contentsOf: repeatElement(-1, count: need - check.count)) }
            for (c, child) in kids {
                take(b + c)
                check[b + c] = Int32(cellOf[node])
                cellOf[child] = b + c
                queue.append(child)
            }
        }
        let size = max(check.count, (base.max() ?? 0) + count, 1)
        var cells = [Cell](repeating: Cell(check: Int32.min, link: 0), count: size)
        var prefixTerms = [Int32](repeating: -1, count: size)
        var exactTerms = [Int32](repeating: -1, count: size)
        for node in children.indices {
            let cell = cellOf[node]
            let flags = (prefix[node] >= 0 ? 1 : 0) | (exact[node] >= 0 ? 2 : 0)
            cells[cell].link = Int32(base[node] << 2 | flags)
            prefixTerms[cell] = prefix[node]
            exactTerms[cell] = exact[node]
        }
        for (cell, parent) in check.enumerated() where parent >= 0 { cells[cell].check = parent }
        byteClass = classes
        self.cells = cells
        self.prefixTerms = prefixTerms
        self.exactTerms = exactTerms
        nodeCount = children.count
    }

    /// The walk before a token's first byte (the root; it ends no term).
    @inline(__always)
    var start: Walk { Walk(node: 0, link: cells[0].link) }

    /// The prefix term the walk's node ends, or -1.
    @inline(__always)
    func prefixTerm(_ walk: Walk) -> Int32 {
        walk.link & 1 == 0 ? -1 : prefixTerms[Int(walk.node)]
    }

    /// The exact term the walk's node ends, or -1.
    @inline(__always)
    func exactTerm(_ walk: Walk) -> Int32 {
        walk.link & 2 == 0 ? -1 : exactTerms[Int(walk.node)]
    }

    /// The walk after `byte` from `walk` (not dead): dead when no term continues that way.
    @inline(__always)
    func step(_ walk: Walk, _ byte: UInt8) -> Walk {
        let t = Int(walk.link >> 2) &+ Int(byteClass[Int(byte)])
        let cell = cells[t]
        return cell.check == walk.node ? Walk(node: Int32(truncatingIfNeeded: t), link: cell.link) : .dead
    }

    /// Appends to `found` the id of every term the token `bytes[range]` matches (tests; the classifier walks
    /// the automaton as it tokenises, see `TermMatches`).
    func match(_ bytes: [UInt8], _ range: Range<Int>, into found: inout [Int32]) {
        guard !range.isEmpty else { return }
        var node = start
        for i in range {
            node = step(node, bytes[i])
            if node.isDead { return }
            let p = prefixTerm(node)
            if p >= 0 { found.append(p) }
        }
        let e = exactTerm(node)
        if e >= 0 { found.append(e) }
    }
}
