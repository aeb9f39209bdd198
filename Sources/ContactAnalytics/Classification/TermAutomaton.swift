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

    // Frozen trie as a double array: the child of a node by byte class `c` is cell `base + c` if that cell's
    // check byte is `c`. Every node with children has a base of its own, so a cell whose check byte is `c` can
    // only be reached from the node it belongs to; nodes without children share a base whose cells are all
    // empty. Bytes that occur in no term share class 0, which no node has a child by. Children of different
    // nodes interleave, so the table holds about one cell per node, and a cell is 4 bytes (the child's link in
    // the top 24 bits, the check byte below): the 11,000 nodes of the built-in packs take about 50 KB, against
    // 2 MB for a dense row of every class per node, and the shallow nodes that almost every token visits stay
    // in the core's first-level cache. A step is one table load whatever the number of terms.
    /// The tables (`byteClass`: class per byte; `asciiClasses`: per ASCII byte, for a walk fed straight from the
    /// text, the class of the byte's lower-case form if it is a letter or digit (a token byte), else `separator`;
    /// the cells; per cell the prefix term and the exact term the node ends, -1 for none, read only where `link`
    /// says so), in memory of their own so that a copy of the automaton retains one object.
    private var storage = TermTableStorage(
        byteClass: [UInt8](repeating: 0, count: 256),
        asciiClasses: TermAutomaton.asciiClasses(byteClass: [UInt8](repeating: 0, count: 256)),
        stepClasses: TermAutomaton.stepClasses(byteClass: [UInt8](repeating: 0, count: 256)),
        keyClasses: TermAutomaton.keyClasses(byteClass: [UInt8](repeating: 0, count: 256)),
        termStarts: [0, 0, 0, 0],
        keyFilter: TermKeyFilter(cells: [TermAutomaton.emptyCell], keyClasses: [UInt8](repeating: 0, count: 256)),
        cells: [TermAutomaton.emptyCell], prefixTerms: [-1], exactTerms: [-1])
    private(set) var nodeCount = 1

    /// A cell no step reaches: its check byte is no class (classes stop below `separator`).
    private static let emptyCell = UInt32(separator)
    /// Bases are 22 bits (the link is a cell's top 24 bits).
    static let maximumCells = 1 << 22

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
    /// Throws `ContactStatError(.configuration)` when the table would pass `maximumCells` (millions of distinct
    /// keyword beginnings).
    mutating func freeze() throws {
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for term in terms {
            for byte in term.bytes where classes[Int(byte)] == 0 {
                // A class is a check byte, and `separator` is none. (Tokens hold at most the 36 ASCII letters and
                // digits and the 128 non-ASCII byte values, so only terms made of other bytes get this far.)
                guard count < Int(Self.separator) else {
                    throw ContactStatError(.configuration, "the rules' keywords use more than \(count - 1) "
                                           + "distinct bytes")
                }
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
        // Placement, breadth first: cell[node] for every trie node, bases chosen first-fit among the bases no
        // other node has.
        var check = [UInt8(0)]            // the cells taken so far; the root's cell 0 is nobody's child.
        var base = [Int](repeating: -1, count: children.count)
        var cellOf = [Int](repeating: -1, count: children.count)
        var baseTaken: [Bool] = []
        cellOf[0] = 0
        // A node's base is the first one where its children's cells are free (`CellsInUse`).
        var cellsInUse = CellsInUse()
        func isBaseTaken(_ b: Int, _ baseTaken: [Bool]) -> Bool { b < baseTaken.count && baseTaken[b] }
        var queue = [0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let kids = children[node]
            guard let lowest = kids.first?.0 else { continue }
            var cell = cellsInUse.firstFree(from: 1 + lowest)
            while isBaseTaken(cell - lowest, baseTaken)
                    || !kids.dropFirst().allSatisfy({ cellsInUse.isFree(cell - lowest + $0.0) }) {
                cell = cellsInUse.firstFree(from: cell + 1)
            }
            let b = cell - lowest
            base[node] = b
            if b >= baseTaken.count { baseTaken.append(contentsOf: repeatElement(false, count: b + 1 - baseTaken.count)) }
            baseTaken[b] = true
            let need = b + count
            if check.count < need { check.append(contentsOf: repeatElement(0, count: need - check.count)) }
            for (c, child) in kids {
                cellsInUse.take(b + c)
                check[b + c] = UInt8(c)
                cellOf[child] = b + c
                queue.append(child)
            }
        }
        // Nodes without children: a base past every cell taken, with `count` empty cells.
        let leafBase = max(check.count, (base.max() ?? 0) + count, 1)
        let size = leafBase + count
        guard size <= Self.maximumCells else {
            throw ContactStatError(.configuration, "the rules' keywords have too many distinct word beginnings "
                                   + "(\(children.count)) for one table; split the taxonomy")
        }
        var cells = [UInt32](repeating: Self.emptyCell, count: size)
        var prefixTerms = [Int32](repeating: -1, count: size)
        var exactTerms = [Int32](repeating: -1, count: size)
        for node in children.indices {
            let cell = cellOf[node]
            let flags = (prefix[node] >= 0 ? 1 : 0) | (exact[node] >= 0 ? 2 : 0)
            let link = UInt32((base[node] >= 0 ? base[node] : leafBase) << 2 | flags)
            cells[cell] = link << 8 | (node == 0 ? Self.emptyCell : UInt32(check[cell]))
            prefixTerms[cell] = prefix[node]
            exactTerms[cell] = exact[node]
        }
        let keyClasses = Self.keyClasses(byteClass: classes)
        storage = TermTableStorage(byteClass: classes, asciiClasses: Self.asciiClasses(byteClass: classes),
                                   stepClasses: Self.stepClasses(byteClass: classes), keyClasses: keyClasses,
                                   termStarts: Self.termStarts(keyClasses: keyClasses, cells: cells),
                                   keyFilter: TermKeyFilter(cells: cells, keyClasses: keyClasses),
                                   cells: cells, prefixTerms: prefixTerms, exactTerms: exactTerms)
        nodeCount = children.count
    }

    /// `asciiClasses`' value for a byte that is not an ASCII letter or digit. (No class reaches it: term bytes
    /// are at most the 36 ASCII letters and digits and the 128 non-ASCII byte values.)
    static let separator: UInt8 = 0xFF

    private static func asciiClasses(byteClass: [UInt8]) -> [UInt8] {
        (0..<128).map { b -> UInt8 in
            let byte = UInt8(b)
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byteClass[b]
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byteClass[Int(byte | 0x20)]
            default: return separator
            }
        }
    }

    /// `stepClasses`' table: per byte, the class of an ASCII letter's or digit's lower-case form (as
    /// `asciiClasses`), and class 0 for every other byte (separators and non-ASCII bytes). No node has a child by
    /// class 0 (and no cell's check byte is 0), so a walk fed straight from the text leaves its step loop at a
    /// token's end, at a non-ASCII byte and at a letter no term has by one test of the class.
    private static func stepClasses(byteClass: [UInt8]) -> [UInt8] {
        let ascii = asciiClasses(byteClass: byteClass)
        return (0..<256).map { b in b < 128 && ascii[b] != separator ? ascii[b] : 0 }
    }

    /// `keyClasses`' table: per byte of a token that `TermMatches` takes from a window (`TokenWindow`), the class
    /// of the byte the walk takes for it: an ASCII letter's or digit's as `stepClasses`; the lead byte `C3` of a
    /// Latin-1 letter its own; a second byte `c` (0x80...0xBF) that of `c | 0x20`, its lower-case form for the
    /// letters a window takes (`ScalarTable.latin1PairTails`). Class 0 for every other byte.
    private static func keyClasses(byteClass: [UInt8]) -> [UInt8] {
        let step = stepClasses(byteClass: byteClass)
        return (0..<256).map { b in
            switch b {
            case 0..<0x80: return step[b]
            case 0x80..<0xC0: return byteClass[b | 0x20]
            case 0xC3: return byteClass[b]
            default: return 0
            }
        }
    }

    /// `termStarts`' table: bit `k` (of 256, in four words) set when some term starts with the byte that a token
    /// whose `TokenTermCache` key starts with byte `k` walks first: an ASCII letter or digit (`k` its lower-case
    /// form), or `E3`, the key byte of a Latin-1 letter's lead byte `C3`. A token whose first key byte's bit is
    /// clear matches no term (a term it matches starts with its first byte), so `TermMatches.takeHits` takes it
    /// without a walk: most numbers (order, customer and phone numbers) when no term starts with their digit.
    private static func termStarts(keyClasses: [UInt8], cells: [UInt32]) -> [UInt64] {
        let rootBase = Int(cells[0] >> 10)
        var bits: [UInt64] = [0, 0, 0, 0]
        for k in 0..<256 {
            // The first bytes a key can have: lower-case ASCII letters and digits (the 0x20 bit set), and E3.
            let c = Int(keyClasses[k < 0x80 && k & 0x20 != 0 ? k : (k == 0xE3 ? 0xC3 : 0)])
            guard c != 0, rootBase + c < cells.count, cells[rootBase + c] & 0xFF == UInt32(c) else { continue }
            bits[k >> 6] |= 1 << UInt64(k & 63)
        }
        return bits
    }

    /// The tables of a walk as pointers, for a loop that steps once per byte of text (`TermMatches`): valid while
    /// the automaton they came from (or a copy of it) lives.
    struct Tables: @unchecked Sendable {
        // @unchecked: the pointers point into a `TermTableStorage`, which is never written after it is made.
        /// `TermAutomaton.asciiClasses`: 128 entries.
        let asciiClasses: UnsafePointer<UInt8>
        /// `TermAutomaton.stepClasses`: 256 entries.
        let stepClasses: UnsafePointer<UInt8>
        /// `TermAutomaton.keyClasses`: 256 entries.
        let keyClasses: UnsafePointer<UInt8>
        /// `TermAutomaton.termStarts`: 4 words.
        let termStarts: UnsafePointer<UInt64>
        let cells: UnsafePointer<UInt32>
        let prefixTerms: UnsafePointer<Int32>
        let exactTerms: UnsafePointer<Int32>
    }

    /// The key prefixes some term can follow (`TermKeyFilter`).
    var keyFilter: TermKeyFilter { storage.keyFilter }

    /// The tables as pointers, valid while this automaton (or a copy of it) lives.
    @inline(__always)
    var tables: Tables { storage.tables }

    /// The walk before a token's first byte (the root; it ends no term).
    @inline(__always)
    var start: Walk { Walk(node: 0, link: Int32(bitPattern: storage.cells[0] >> 8)) }

    /// The prefix term the walk's node ends, or -1.
    @inline(__always)
    func prefixTerm(_ walk: Walk) -> Int32 {
        walk.link & 1 == 0 ? -1 : storage.prefixTerms[Int(walk.node)]
    }

    /// The exact term the walk's node ends, or -1.
    @inline(__always)
    func exactTerm(_ walk: Walk) -> Int32 {
        walk.link & 2 == 0 ? -1 : storage.exactTerms[Int(walk.node)]
    }

    /// The walk after `byte` from `walk` (not dead): dead when no term continues that way.
    @inline(__always)
    func step(_ walk: Walk, _ byte: UInt8) -> Walk {
        let c = storage.byteClass[Int(byte)]
        let t = Int(walk.link >> 2) &+ Int(c)
        let cell = storage.cells[t]
        return UInt8(truncatingIfNeeded: cell) == c
            ? Walk(node: Int32(truncatingIfNeeded: t), link: Int32(bitPattern: cell >> 8)) : .dead
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

extension TermAutomaton {
    /// The cells taken while `freeze` places the trie. Free cells are found through `nextFree` (each taken cell
    /// points further on, paths shortened as they are followed), so placing a node skips the taken cells
    /// instead of trying them one by one; the cells past the end are free. A value type with mutating methods,
    /// not functions nested in `freeze` capturing its variables (each such access was a runtime exclusivity
    /// check: 438,000 of them per compile).
    fileprivate struct CellsInUse {
        private var nextFree: [Int] = [1]

        func isFree(_ cell: Int) -> Bool { cell >= nextFree.count || nextFree[cell] == cell }

        mutating func firstFree(from cell: Int) -> Int {
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

        mutating func take(_ cell: Int) {
            if cell >= nextFree.count { nextFree.append(contentsOf: nextFree.count...cell) }
            nextFree[cell] = cell + 1
        }
    }
}
