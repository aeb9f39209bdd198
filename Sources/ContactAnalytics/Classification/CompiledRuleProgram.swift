import Foundation

/// A taxonomy's rules compiled for one export header: every keyword and prefix in one `TermAutomaton`, exact
/// values in hash tables, each rule's condition as a flat node array, and for each test ("atom") the rules it
/// can make true. Immutable and shared by every copy of a `RootCauseClassifier`.
final class CompiledRuleProgram: Sendable {
    /// Canonical slots; raw columns follow from `firstColumnSlot`.
    enum CanonicalSlot: Int, CaseIterable {
        case subject = 0, text, category, tags, channel, queue, status, language
    }

    static let firstColumnSlot = CanonicalSlot.allCases.count
    /// Regular expressions see at most this many bytes of a field.
    static let regexByteLimit = 4096

    enum Node: Sendable {
        case atom(Int32)
        case regex(Int32)
        case all(Int32, Int32)
        case any(Int32, Int32)
        case not(Int32)
    }

    /// A keyword or phrase of an atom in one slot: `sequenceTerms[start..<start+length]` must occur in sequence.
    /// A phrase is filed under the term most likely to be rare (see `anchor(of:)`).
    struct SequenceEntry: Sendable {
        var atom: Int32
        var slot: Int32
        var start: Int32
        var length: Int32
    }

    /// A phrase as `RootCauseClassifier.matchSequences` looks at it: `SequenceEntry`'s atom, terms and anchor,
    /// the start of the atom's record in `atomRecords` (what marking it true reads), and two of its terms other
    /// than the anchor, `termA` and `termB` (the first two; a two-word phrase's one other term and its anchor):
    /// the phrase is followed only where both are among the field's matched terms (their bits in
    /// `ClassifierStamps.terms`, exact), and a phrase of up to three words needs no other look at its terms
    /// before its tokens are compared. 24 bytes: a phrase has at most 65,535 words (`maxSequenceLength`, checked
    /// when the rules are compiled).
    struct PhraseEntry: Equatable, Sendable {
        var atom: Int32
        var atomRecord: Int32
        var start: Int32
        var length: UInt16
        var anchor: UInt16
        var termA: Int32
        var termB: Int32
    }

    /// A phrase's `termA` (low 32 bits) and `termB` (high 32 bits) in one word (`phraseGates`).
    static func gate(_ phrase: PhraseEntry) -> UInt64 {
        UInt64(UInt32(bitPattern: phrase.termA)) | UInt64(UInt32(bitPattern: phrase.termB)) << 32
    }

    /// The terms of `phrase` other than its anchor, in order (`sequenceTerms`: the program's).
    static func otherTerms(of phrase: PhraseEntry, in sequenceTerms: [Int32]) -> [Int32] {
        let start = Int(phrase.start), anchor = start + Int(phrase.anchor)
        return (start..<(start + Int(phrase.length))).filter { $0 != anchor }.map { sequenceTerms[$0] }
    }

    /// The most terms a keyword or phrase may have (`PhraseEntry.length`).
    static let maxSequenceLength = Int(UInt16.max)

    /// What one term holds in one row (`termEntries[termRows[slot] + term]`), in 16 bytes: the first pass of
    /// `RootCauseClassifier.matchSequences` reads it for every match, and for a term with single-word atoms or
    /// phrases the rest of the field's work starts from it with no other per-term table (no flags, ranges and
    /// anchors in three tables, three cache lines).
    ///
    /// `words` and `phrases` are packed ranges (`packRange`): the count in the low byte, the start above it. A
    /// count of 0 is no atoms (no phrases); the word atoms are the term's marks, pairs
    /// `wordMarks[2 * p]`, `wordMarks[2 * p + 1]` for `p` in `start..<start+count` (see `wordMarks`), the phrases
    /// `phraseEntries[start..<start+count]`. A count of `wideCount` says the range did not fit (255 or more
    /// entries, or a start of 2^24 or more): the start is then an index into `wideRanges`.
    struct TermEntry: Equatable, Sendable {
        /// Two terms every phrase the term anchors in the row needs besides it (the first two of the first
        /// phrase's other terms that all the others have too; the term itself where there are fewer, 0 where it
        /// anchors none): where one of them was not matched in the field (its bit in `ClassifierStamps.terms`),
        /// none of the phrases can occur, and `matchSequences` passes over the anchor without reading its entries.
        var requiredA: Int32
        var requiredB: Int32
        var words: UInt32
        var phrases: UInt32

        /// Whether the term has single-word atoms (phrases) in the row: 1 or 0, with no branch.
        @inline(__always) var wordFlag: Int { Int(((words & 0xFF) &+ 0xFF) &>> 8) }
        @inline(__always) var phraseFlag: Int { Int(((phrases & 0xFF) &+ 0xFF) &>> 8) }
    }

    /// A range of `wordMarks` pairs or `phraseEntries` too long or too far out for a `TermEntry`'s packed range.
    struct WideRange: Equatable, Sendable {
        var start: Int32
        var end: Int32
    }

    /// The count of a packed range whose start indexes `wideRanges`.
    static let wideCount: UInt32 = 0xFF
    /// The starts a packed range holds in place: below 2^24.
    static let packedStartLimit = 1 << 24

    /// `start..<start+count` packed for a `TermEntry` (count in the low byte, start above), or, where the count is
    /// `wideCount` or more or the start does not fit in 24 bits, appended to `wide` and packed as its index with
    /// the count `wideCount`. Throws a configuration error where even that index does not fit (16 million ranges).
    static func packRange(start: Int, count: Int, wide: inout [WideRange]) throws -> UInt32 {
        if count < Int(wideCount) && start < packedStartLimit { return UInt32(start) << 8 | UInt32(count) }
        guard wide.count < packedStartLimit, start + count <= Int(Int32.max) else {
            throw ContactStatError(.configuration, "the rules have too many keywords and phrases to compile")
        }
        wide.append(WideRange(start: Int32(start), end: Int32(start + count)))
        return UInt32(wide.count - 1) << 8 | wideCount
    }

    /// The range a packed range stands for (`packRange`), reading `wide` (`wideRanges`) only for a wide one.
    @inline(__always)
    static func unpackRange(_ packed: UInt32, wide: UnsafeBufferPointer<WideRange>) -> (start: Int, end: Int) {
        let count = packed & 0xFF, start = Int(packed &>> 8)
        if count == wideCount {
            let range = wide[start]
            return (Int(range.start), Int(range.end))
        }
        return (start, start &+ Int(count))
    }


    struct CompiledRegex: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and documented as safe to use from several threads.
        var expression: NSRegularExpression
        var slots: [Int]
    }

    let automaton: TermAutomaton
    /// Per slot, the offset of the slot's row in `termEntries` (entry `termRows[slot] + term`). Slots whose
    /// keywords and phrases are the same (every `anyText` rule is in subject, text, category and tags alike; the
    /// slots no keyword reads are all empty) share one row, so the lines a subject's matches brought in serve the
    /// body's, and the table is a row or two, not one per slot.
    /// (Where two rows differ, a term whose atoms or phrases are the same in both still has them in memory once:
    /// both rows' entries point to the same `wordMarks` and `phraseEntries`.)
    let termRows: [Int]
    /// Per row and term (`termEntries[termRows[slot] + term]`): the atoms that one token matching the term makes
    /// true in the slot (single-word keywords and prefixes; a token only ever looks at its own field's), the
    /// phrases (two or more terms) filed under the term, and the bits those phrases all need (see `TermEntry`).
    /// A phrase is anchored at its longest term, not its first: free text is full of the words phrases start with
    /// ("not", "no", "the", "my"), and a phrase is only looked at where its rarest-looking word occurs.
    let termEntries: [TermEntry]
    /// The ranges of `termEntries` that did not fit in place (`TermEntry`; none for the built-in taxonomy).
    let wideRanges: [WideRange]
    /// What one token matching a term makes true in a row, as pairs of words: the index of a word of the
    /// classifier's marks (`ClassifierStamps.marks`: the atom bits, then from `atomWordCount` on the candidate
    /// rule bits) and the bits to set in it. A term's pairs set the bits of all its single-word atoms and of every
    /// rule those atoms can make true, each word once: no atom is looked up, no stamp tested, no trigger list
    /// followed (setting a bit that is already set changes nothing, so an atom already true costs no test either).
    let wordMarks: [UInt64]
    /// The words of atom bits before the rule bits in `ClassifierStamps.marks`.
    let atomWordCount: Int
    let phraseEntries: [PhraseEntry]
    /// Per phrase entry, its `termA` and `termB` in one word (`gate(_:)`): what `RootCauseClassifier.matchSequences`
    /// tests for every phrase of a matched anchor, eight to a cache line where the 24-byte entries are two or
    /// three; the entry itself is read only for the phrases that pass.
    let phraseGates: [UInt64]
    /// Per atom a record: the atom, the number of rules it can make true, and their ranks (the candidate bits
    /// that marking the atom true sets), back to back; `atomRecordStarts[a]` is where atom `a`'s starts. The word
    /// atoms and phrases name an atom by its record, so marking one reads one place (the record), not an atom
    /// list, then a start and then the rules, each elsewhere.
    let atomRecords: [Int32]
    let atomRecordStarts: [Int32]
    /// The keywords and phrases as compiled, one per atom and slot (the source of `termEntries`; tests check the
    /// packed tables against it).
    let sequences: [SequenceEntry]
    /// The number of distinct terms in the automaton.
    let termCount: Int
    /// The term ids of all sequences, back to back.
    let sequenceTerms: [Int32]
    /// Per slot: normalised whole value -> atoms it makes true.
    let wholeValueAtoms: [[[UInt8]: [Int32]]]
    /// Per raw-column slot: normalised `,;|`-separated part -> atoms (tags_contain on a column).
    let splitValueAtoms: [[[UInt8]: [Int32]]]
    /// Per slot: the longest key of `wholeValueAtoms` (a longer value cannot be one of them).
    let wholeValueLimits: [Int]
    /// Slots that need tokens, and slots that need whole values (ascending).
    let tokenSlots: [Int]
    let valueSlots: [Int]
    /// Every slot a rule reads (tokens, whole values or a regular expression), ascending: the classification
    /// of a contact depends on these fields and nothing else.
    let readSlots: [Int]
    /// For raw-column slot `firstColumnSlot + k`, the header index of the column.
    let columnIndexes: [Int]
    let regexes: [CompiledRegex]
    let nodes: [Node]
    let children: [Int32]
    /// Rules in precedence order: root node and cause.
    let ruleRoots: [Int32]
    let ruleCauses: [CauseID]
    /// The rules no atom gates, as bits by rank, one word per 64 rules (`ClassifierStamps.rules` starts each contact
    /// so); the rules an atom can make true are in its record (`atomRecords`).
    let ungatedRuleBits: [UInt64]
    let atomCount: Int
    let unresolvedColumns: [String]
    /// The tables `RootCauseClassifier` reads for every contact, as pointers into memory of the program's own:
    /// read through an array held by the program, each table was retained and released per contact (or per
    /// field), and reached through a `withUnsafeBufferPointer` closure per pass.
    let tables: Tables
    /// The memory `tables` points into, freed with the program.
    // nonisolated(unsafe): a raw pointer is not `Sendable`; the memory is only read after `init`, and freed in
    // `deinit`, when no other reference to the program is left.
    nonisolated(unsafe) private let tableMemory: UnsafeMutableRawPointer

    /// Copies of the program's per-contact tables as pointers, valid while the program lives (the classifier
    /// holds both). Never written after the program is made.
    struct Tables: @unchecked Sendable {
        // @unchecked: the memory is written only while the program is made, then only read.
        let termRows: UnsafePointer<Int>
        /// Starts on a cache line (so do `wordMarks` and `phraseEntries`): a 16-byte entry never spans two.
        let termEntries: UnsafePointer<TermEntry>
        let wideRanges: UnsafeBufferPointer<WideRange>
        let wordMarks: UnsafePointer<UInt64>
        let phraseEntries: UnsafePointer<PhraseEntry>
        /// Starts on a cache line, like `phraseEntries`.
        let phraseGates: UnsafePointer<UInt64>
        let sequenceTerms: UnsafeBufferPointer<Int32>
        let atomRecords: UnsafeBufferPointer<Int32>
        let atomRecordStarts: UnsafePointer<Int32>
        let tokenSlots: UnsafeBufferPointer<Int>
        let valueSlots: UnsafeBufferPointer<Int>
        let wholeValueLimits: UnsafePointer<Int>
        let ungatedRuleBits: UnsafeBufferPointer<UInt64>
        let ruleRoots: UnsafePointer<Int32>
        let ruleCauses: UnsafePointer<CauseID>
        let nodes: UnsafePointer<Node>
        let children: UnsafePointer<Int32>
    }

    /// Where `init` lays the tables out in one piece of memory (`tableMemory`), back to back in the order added:
    /// the small ones a contact reads first (rows, slots, limits, ungated rules) lie together in a few lines, and
    /// the large ones (`alignment` 64) start on a line. (With one allocation each, every small table took a line
    /// of its own: more D1 misses in cachegrind.)
    private struct TableLayout {
        private(set) var byteCount = 0
        private var copies: [(UnsafeMutableRawPointer) -> Void] = []

        /// Makes room for `values` (at least one element's, so an empty table has an address too) and returns
        /// its offset.
        mutating func add<T>(_ values: [T], alignment: Int = 8) -> Int {
            let align = max(alignment, MemoryLayout<T>.alignment)
            let offset = (byteCount + align - 1) / align * align
            let room = max(values.count, 1)
            byteCount = offset + room * MemoryLayout<T>.stride
            copies.append { base in
                let typed = (base + offset).bindMemory(to: T.self, capacity: room)
                values.withUnsafeBufferPointer { source in
                    if let start = source.baseAddress { typed.initialize(from: start, count: source.count) }
                }
            }
            return offset
        }

        /// Memory aligned to a cache line holding every table added (freed by the caller).
        func place() -> UnsafeMutableRawPointer {
            let base = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
            for copy in copies { copy(base) }
            return base
        }
    }

    deinit {
        // Every table holds plain values (no references): nothing to deinitialize.
        tableMemory.deallocate()
    }

    init(taxonomy: Taxonomy, header: [String], foldDiacritics: Bool) throws {
        let tokenizer = WordTokenizer(foldDiacritics: foldDiacritics)
        var builder = Builder(header: header, tokenizer: tokenizer)
        // Precedence: priority, specificity, depth, declaration order.
        let ranked = RootCauseRule.precedenceOrder(taxonomy.rules)
        var roots: [Int32] = [], causes: [CauseID] = [], gates: [[Int32]?] = []
        for rule in ranked {
            guard let cause = taxonomy.id(of: rule.cause) else {
                throw ContactStatError(.configuration, "rule \(rule.label) names the unknown cause '\(rule.cause)'")
            }
            if let missing = builder.unresolvedColumn(in: rule.condition) {
                builder.noteUnresolved(missing)
                continue
            }
            let (root, gate) = try builder.compile(rule.condition, label: rule.label)
            roots.append(root)
            causes.append(cause)
            gates.append(gate)
        }
        var triggers = [[Int32]](repeating: [], count: builder.atomCount)
        var ungated: [Int32] = []
        for (rank, gate) in gates.enumerated() {
            if let gate {
                for atom in Set(gate) { triggers[Int(atom)].append(Int32(rank)) }
            } else {
                ungated.append(Int32(rank))
            }
        }
        var atomRecords: [Int32] = [], atomRecordStarts: [Int32] = []
        for (atom, rules) in triggers.enumerated() {
            atomRecordStarts.append(Int32(atomRecords.count))
            atomRecords.append(Int32(atom))
            atomRecords.append(Int32(rules.count))
            atomRecords.append(contentsOf: rules)
        }
        guard atomRecords.count < Self.packedStartLimit else {
            throw ContactStatError(.configuration, "the rules have too many conditions to compile")
        }
        var automaton = builder.automaton
        try automaton.freeze()
        let termCount = automaton.terms.count
        let slots = Self.firstColumnSlot + builder.columnIndexes.count
        let sequenceTerms = builder.sequenceTerms
        var words = [[Int32]](repeating: [], count: termCount * slots)
        var phrases = [[PhraseEntry]](repeating: [], count: termCount * slots)
        for entry in builder.sequences {
            if entry.length == 1 {
                let key = Int(entry.slot) * termCount + Int(sequenceTerms[Int(entry.start)])
                if !words[key].contains(entry.atom) { words[key].append(entry.atom) }
            } else {
                let terms = sequenceTerms[Int(entry.start)..<Int(entry.start + entry.length)]
                let anchor = Self.anchor(of: terms.map { automaton.terms[Int($0)] })
                let key = Int(entry.slot) * termCount + Int(sequenceTerms[Int(entry.start) + anchor])
                let others = terms.indices.filter { $0 != terms.startIndex + anchor }.map { terms[$0] }
                let anchorTerm = terms[terms.startIndex + anchor]
                phrases[key].append(PhraseEntry(atom: entry.atom, atomRecord: atomRecordStarts[Int(entry.atom)],
                                                start: entry.start, length: UInt16(entry.length),
                                                anchor: UInt16(anchor), termA: others.first ?? anchorTerm,
                                                termB: others.count > 1 ? others[1] : anchorTerm))
            }
        }
        self.automaton = automaton
        // One row per distinct slot: a slot whose words and phrases equal an earlier slot's takes that row.
        var rowSlots: [Int] = []
        var termRows: [Int] = []
        for slot in 0..<slots {
            let own = (slot * termCount)..<((slot + 1) * termCount)
            let same = rowSlots.firstIndex { other in
                let theirs = (other * termCount)..<((other + 1) * termCount)
                return words[theirs].elementsEqual(words[own]) && phrases[theirs].elementsEqual(phrases[own])
            }
            if let same {
                termRows.append(same * termCount)
            } else {
                termRows.append(rowSlots.count * termCount)
                rowSlots.append(slot)
            }
        }
        self.termRows = termRows
        // Per row and term, the range of its atoms and of its phrases; a term whose atoms (phrases) in this row are
        // the same as in an earlier row points to that row's (the subject's and the body's differ in a few terms
        // only), so a term's atoms and phrases are in memory once whichever field matched it.
        let atomWordCount = (builder.atomCount + 63) / 64
        var termEntries: [TermEntry] = [], wideRanges: [WideRange] = [], wordMarks: [UInt64] = []
        var phraseEntries: [PhraseEntry] = []
        for (row, slot) in rowSlots.enumerated() {
            for term in 0..<termCount {
                let own = words[slot * termCount + term], anchored = phrases[slot * termCount + term]
                var entry = TermEntry(requiredA: 0, requiredB: 0, words: 0, phrases: 0)
                if let earlier = (0..<row).first(where: { words[rowSlots[$0] * termCount + term] == own }) {
                    entry.words = termEntries[earlier * termCount + term].words
                } else if !own.isEmpty {
                    let pairs = Self.marks(of: own, triggers: triggers, atomWordCount: atomWordCount)
                    entry.words = try Self.packRange(start: wordMarks.count / 2, count: pairs.count / 2,
                                                     wide: &wideRanges)
                    wordMarks.append(contentsOf: pairs)
                }
                if let earlier = (0..<row).first(where: { phrases[rowSlots[$0] * termCount + term] == anchored }) {
                    let shared = termEntries[earlier * termCount + term]
                    (entry.requiredA, entry.requiredB) = (shared.requiredA, shared.requiredB)
                    entry.phrases = shared.phrases
                } else if let first = anchored.first {
                    // The first two other terms of the first phrase that every phrase has.
                    var required: [Int32] = []
                    for other in Self.otherTerms(of: first, in: sequenceTerms) where required.count < 2
                        && !required.contains(other)
                        && anchored.allSatisfy({ Self.has(other, besidesAnchorOf: $0, in: sequenceTerms) }) {
                        required.append(other)
                    }
                    entry.requiredA = required.first ?? Int32(term)
                    entry.requiredB = required.count > 1 ? required[1] : Int32(term)
                    entry.phrases = try Self.packRange(start: phraseEntries.count, count: anchored.count,
                                                       wide: &wideRanges)
                    phraseEntries.append(contentsOf: anchored)
                }
                termEntries.append(entry)
            }
        }
        self.termEntries = termEntries
        self.wideRanges = wideRanges
        self.wordMarks = wordMarks
        self.atomWordCount = atomWordCount
        self.phraseEntries = phraseEntries
        let phraseGates = phraseEntries.map(Self.gate)
        self.phraseGates = phraseGates
        self.atomRecords = atomRecords
        self.atomRecordStarts = atomRecordStarts
        self.sequences = builder.sequences
        self.termCount = termCount
        self.sequenceTerms = sequenceTerms
        self.wholeValueAtoms = builder.wholeValueAtoms
        self.splitValueAtoms = builder.splitValueAtoms
        self.wholeValueLimits = builder.wholeValueAtoms.map { $0.keys.map(\.count).max() ?? 0 }
        self.tokenSlots = builder.tokenSlots.sorted()
        self.valueSlots = builder.valueSlots.sorted()
        self.readSlots = builder.tokenSlots.union(builder.valueSlots).union(builder.regexes.flatMap(\.slots)).sorted()
        self.columnIndexes = builder.columnIndexes
        self.regexes = builder.regexes
        self.nodes = builder.nodes
        self.children = builder.children
        self.ruleRoots = roots
        self.ruleCauses = causes
        var ungatedBits = [UInt64](repeating: 0, count: (roots.count + 63) / 64)
        for rank in ungated { ungatedBits[Int(rank) / 64] |= 1 << UInt64(Int(rank) % 64) }
        self.ungatedRuleBits = ungatedBits
        self.atomCount = builder.atomCount
        self.unresolvedColumns = builder.unresolved
        var layout = TableLayout()
        let offsets = (termRows: layout.add(termRows), tokenSlots: layout.add(self.tokenSlots),
                       valueSlots: layout.add(self.valueSlots), wholeValueLimits: layout.add(self.wholeValueLimits),
                       ungatedRuleBits: layout.add(ungatedBits), ruleRoots: layout.add(roots),
                       ruleCauses: layout.add(causes), nodes: layout.add(self.nodes),
                       children: layout.add(self.children), atomRecordStarts: layout.add(atomRecordStarts),
                       atomRecords: layout.add(atomRecords), sequenceTerms: layout.add(sequenceTerms),
                       wideRanges: layout.add(wideRanges), termEntries: layout.add(termEntries, alignment: 64),
                       wordMarks: layout.add(wordMarks, alignment: 64),
                       phraseEntries: layout.add(phraseEntries, alignment: 64),
                       phraseGates: layout.add(phraseGates, alignment: 64))
        let base = layout.place()
        func at<T>(_ offset: Int, _ type: T.Type) -> UnsafePointer<T> {
            UnsafePointer((base + offset).assumingMemoryBound(to: T.self))
        }
        func at<T>(_ offset: Int, _ values: [T]) -> UnsafeBufferPointer<T> {
            UnsafeBufferPointer(start: at(offset, T.self), count: values.count)
        }
        let tables = Tables(termRows: at(offsets.termRows, Int.self),
                            termEntries: at(offsets.termEntries, TermEntry.self),
                            wideRanges: at(offsets.wideRanges, wideRanges),
                            wordMarks: at(offsets.wordMarks, UInt64.self),
                            phraseEntries: at(offsets.phraseEntries, PhraseEntry.self),
                            phraseGates: at(offsets.phraseGates, UInt64.self),
                            sequenceTerms: at(offsets.sequenceTerms, sequenceTerms),
                            atomRecords: at(offsets.atomRecords, atomRecords),
                            atomRecordStarts: at(offsets.atomRecordStarts, Int32.self),
                            tokenSlots: at(offsets.tokenSlots, self.tokenSlots),
                            valueSlots: at(offsets.valueSlots, self.valueSlots),
                            wholeValueLimits: at(offsets.wholeValueLimits, Int.self),
                            ungatedRuleBits: at(offsets.ungatedRuleBits, ungatedBits),
                            ruleRoots: at(offsets.ruleRoots, Int32.self), ruleCauses: at(offsets.ruleCauses, CauseID.self),
                            nodes: at(offsets.nodes, Node.self), children: at(offsets.children, Int32.self))
        self.tables = tables
        self.tableMemory = base
    }

    var slotCount: Int { Self.firstColumnSlot + columnIndexes.count }

    /// The index of the term a phrase is filed under: the longest (a prefix term counts two bytes less, as it
    /// matches more words), the last of equals. Long words are rarer than short ones ("arrived" against "not").
    static func anchor(of terms: [TermAutomaton.Term]) -> Int {
        var best = 0, bestWeight = Int.min
        for (j, term) in terms.enumerated() {
            let weight = term.bytes.count - (term.isPrefix ? 2 : 0)
            if weight >= bestWeight { (best, bestWeight) = (j, weight) }
        }
        return best
    }

    /// The `wordMarks` pairs that set the bits of `atoms` and of the rules they can make true (`triggers`, by
    /// atom): index, bits; one pair per word touched, atom words first, each in ascending order.
    private static func marks(of atoms: [Int32], triggers: [[Int32]], atomWordCount: Int) -> [UInt64] {
        // A few words a term: a list searched in place, not a hash table per term.
        var words: [(index: Int, bits: UInt64)] = []
        func set(_ bit: Int, from first: Int) {
            let index = first + bit / 64, mask: UInt64 = 1 << UInt64(bit % 64)
            if let k = words.firstIndex(where: { $0.index == index }) {
                words[k].bits |= mask
            } else {
                words.append((index, mask))
            }
        }
        for atom in atoms {
            set(Int(atom), from: 0)
            for rank in triggers[Int(atom)] { set(Int(rank), from: atomWordCount) }
        }
        words.sort { $0.index < $1.index }
        var pairs: [UInt64] = []
        pairs.reserveCapacity(2 * words.count)
        for word in words { pairs += [UInt64(word.index), word.bits] }
        return pairs
    }

    /// Whether `term` is one of `phrase`'s terms other than its anchor.
    private static func has(_ term: Int32, besidesAnchorOf phrase: PhraseEntry, in sequenceTerms: [Int32]) -> Bool {
        let start = Int(phrase.start), anchor = start + Int(phrase.anchor)
        return (start..<(start + Int(phrase.length))).contains { $0 != anchor && sequenceTerms[$0] == term }
    }

    /// The `wordMarks` pairs of `termEntries[index]`'s word atoms: the words of `ClassifierStamps.marks` they set
    /// and the bits (tests, diagnostics).
    func wordMarkPairs(at index: Int) -> [(word: Int, bits: UInt64)] {
        let (start, end) = wideRanges.withUnsafeBufferPointer { Self.unpackRange(termEntries[index].words, wide: $0) }
        return (start..<end).map { (Int(wordMarks[2 * $0]), wordMarks[2 * $0 + 1]) }
    }

    /// The atoms the word atoms of `termEntries[index]` make true (decoded from its marks; tests, diagnostics).
    func wordAtomList(at index: Int) -> [Int32] {
        wordMarkPairs(at: index).filter { $0.word < atomWordCount }.flatMap { pair in
            (0..<64).filter { pair.bits & (1 << UInt64($0)) != 0 }.map { Int32(pair.word * 64 + $0) }
        }
    }

    /// The phrases filed under `termEntries[index]`'s term (tests, diagnostics).
    func phraseList(at index: Int) -> ArraySlice<PhraseEntry> {
        let (start, end) = wideRanges.withUnsafeBufferPointer { Self.unpackRange(termEntries[index].phrases, wide: $0) }
        return phraseEntries[start..<end]
    }

    /// The ranks of the rules atom `atom` can make true (its record in `atomRecords`).
    func triggeredRules(of atom: Int) -> ArraySlice<Int32> {
        let start = Int(atomRecordStarts[atom])
        return atomRecords[(start + 2)..<(start + 2 + Int(atomRecords[start + 1]))]
    }

    /// Compiles conditions into nodes and atoms.
    private struct Builder {
        let header: [String]
        let tokenizer: WordTokenizer
        var automaton = TermAutomaton()
        var sequences: [SequenceEntry] = []
        var sequenceTerms: [Int32] = []
        var wholeValueAtoms: [[[UInt8]: [Int32]]] = Array(repeating: [:], count: firstColumnSlot)
        var splitValueAtoms: [[[UInt8]: [Int32]]] = Array(repeating: [:], count: firstColumnSlot)
        var tokenSlots: Set<Int> = []
        var valueSlots: Set<Int> = []
        var columnIndexes: [Int] = []
        var regexes: [CompiledRegex] = []
        var nodes: [Node] = []
        var children: [Int32] = []
        var atomCount = 0
        var unresolved: [String] = []
        private var regexCache: [String: Int32] = [:]

        init(header: [String], tokenizer: WordTokenizer) {
            self.header = header
            self.tokenizer = tokenizer
        }

        func headerIndex(_ name: String) -> Int? {
            let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
            return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
        }

        func unresolvedColumn(in condition: RuleCondition) -> String? {
            for field in condition.fields {
                if case .column(let name) = field, headerIndex(name) == nil { return name }
            }
            return nil
        }

        mutating func noteUnresolved(_ name: String) {
            if !unresolved.contains(name) { unresolved.append(name) }
        }

        mutating func slots(_ field: RuleField) -> [Int] {
            switch field {
            case .subject: return [CanonicalSlot.subject.rawValue]
            case .text: return [CanonicalSlot.text.rawValue]
            case .category: return [CanonicalSlot.category.rawValue]
            case .tags: return [CanonicalSlot.tags.rawValue]
            case .channel: return [CanonicalSlot.channel.rawValue]
            case .queue: return [CanonicalSlot.queue.rawValue]
            case .status: return [CanonicalSlot.status.rawValue]
            case .language: return [CanonicalSlot.language.rawValue]
            case .anyText:
                return [CanonicalSlot.subject, .text, .category, .tags].map(\.rawValue)
            case .column(let name):
                guard let index = headerIndex(name) else { return [] }
                if let k = columnIndexes.firstIndex(of: index) { return [firstColumnSlot + k] }
                columnIndexes.append(index)
                wholeValueAtoms.append([:])
                splitValueAtoms.append([:])
                return [firstColumnSlot + columnIndexes.count - 1]
            }
        }

        mutating func newAtom() -> Int32 {
            atomCount += 1
            return Int32(atomCount - 1)
        }

        mutating func add(_ node: Node) -> Int32 {
            nodes.append(node)
            return Int32(nodes.count - 1)
        }

        /// Returns the node and the gate: atoms of which at least one must be true for the node to be true
        /// (`nil`: no such set, the rule is always a candidate).
        mutating func compile(_ condition: RuleCondition, label: String) throws -> (Int32, [Int32]?) {
            switch condition {
            case .keywords(let texts, let field), .phrase(let texts, let field):
                let atom = newAtom()
                let slots = slots(field)
                for text in texts {
                    let pattern: TermPattern
                    switch TermPattern.parse(text, tokenizer: tokenizer) {
                    case .success(let p): pattern = p
                    case .failure(let e): throw ContactStatError(.configuration, "rule \(label): \(e.message)")
                    }
                    guard pattern.terms.count <= maxSequenceLength else {
                        throw ContactStatError(.configuration, "rule \(label): '\(text.prefix(40))...' has more "
                                                   + "than \(maxSequenceLength) words")
                    }
                    let start = Int32(sequenceTerms.count)
                    for term in pattern.terms { sequenceTerms.append(automaton.id(of: term)) }
                    for slot in slots {
                        tokenSlots.insert(slot)
                        sequences.append(SequenceEntry(atom: atom, slot: Int32(slot), start: start,
                                                       length: Int32(pattern.terms.count)))
                    }
                }
                return (add(.atom(atom)), [atom])
            case .oneOf(let values, let field), .tagsContain(let values, let field):
                let atom = newAtom()
                let split: Bool
                if case .tagsContain = condition, case .column = field { split = true } else { split = false }
                for slot in slots(field) {
                    valueSlots.insert(slot)
                    for value in values {
                        let key = tokenizer.normalizedValue(value)
                        if split {
                            splitValueAtoms[slot][key, default: []].append(atom)
                        } else {
                            wholeValueAtoms[slot][key, default: []].append(atom)
                        }
                    }
                }
                return (add(.atom(atom)), [atom])
            case .regex(let pattern, let field):
                let slots = slots(field)
                let index: Int32
                if let cached = regexCache["\(field)\u{0}\(pattern)"] {
                    index = cached
                } else {
                    let expression: NSRegularExpression
                    do {
                        expression = try NSRegularExpression(pattern: TextNormalization.nfc(pattern),
                                                             options: [.caseInsensitive])
                    } catch {
                        throw ContactStatError(.configuration,
                                               "rule \(label): invalid regular expression '\(pattern)'")
                    }
                    regexes.append(CompiledRegex(expression: expression, slots: slots))
                    index = Int32(regexes.count - 1)
                    regexCache["\(field)\u{0}\(pattern)"] = index
                }
                return (add(.regex(index)), nil)
            case .all(let parts), .any(let parts):
                var compiled: [Int32] = []
                var gates: [[Int32]?] = []
                for part in parts {
                    let (node, gate) = try compile(part, label: label)
                    compiled.append(node)
                    gates.append(gate)
                }
                let start = Int32(children.count)
                children.append(contentsOf: compiled)
                if case .all = condition {
                    let gate = gates.compactMap { $0 }.min { $0.count < $1.count }
                    return (add(.all(start, Int32(compiled.count))), gate)
                }
                let gate: [Int32]? = gates.contains { $0 == nil } ? nil : gates.flatMap { $0 ?? [] }
                return (add(.any(start, Int32(compiled.count))), gates.isEmpty ? [] : gate)
            case .not(let part):
                let (node, _) = try compile(part, label: label)
                return (add(.not(node)), nil)
            }
        }
    }
}
