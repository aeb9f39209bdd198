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

    /// A keyword or phrase of an atom in one slot: `terms[start..<start+length]` must occur in sequence.
    /// A phrase is filed under its `anchor`, the index of the term most likely to be rare (see `anchor(of:)`).
    struct SequenceEntry: Sendable {
        var atom: Int32
        var slot: Int32
        var start: Int32
        var length: Int32
        var anchor: Int32 = 0
    }

    /// A phrase as `RootCauseClassifier.matchSequences` looks at it: `SequenceEntry`'s atom, terms and anchor,
    /// and `termMask`, the `termBit` of each of its terms, so a phrase with a term the field did not match is
    /// mostly passed over by one test against the field's mask of matched terms, before any term's stamp is read.
    struct PhraseEntry: Equatable, Sendable {
        var termMask: UInt64
        var atom: Int32
        var start: Int32
        var length: Int32
        var anchor: Int32
    }

    /// The bit of `term` in a mask of terms (`PhraseEntry.termMask`, the mask of a field's matched terms): one
    /// of 64, by a multiplicative hash, so that terms numbered close together spread over the bits.
    @inline(__always)
    static func termBit(_ term: Int32) -> UInt64 {
        1 &<< UInt64((UInt32(bitPattern: term) &* 0x9E37_79B1) &>> 26)
    }

    /// `termFlags` bits: the term has single-word atoms in the row, and it anchors a phrase there.
    static let hasWordAtoms: UInt8 = 1
    static let anchorsPhrases: UInt8 = 2

    struct CompiledRegex: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and documented as safe to use from several threads.
        var expression: NSRegularExpression
        var slots: [Int]
    }

    let automaton: TermAutomaton
    /// Per slot, the offset of the slot's row in the per-term tables (`wordRanges`, `phraseAnchors`, `termFlags`:
    /// entry `termRows[slot] + term`). Slots whose keywords and phrases are the same (every `anyText` rule is in
    /// subject, text, category and tags alike; the slots no keyword reads are all empty) share one row, so the
    /// lines a subject's matches brought in serve the body's, and the tables are a row or two, not one per slot.
    /// (Where two rows differ, a term whose atoms or phrases are the same in both still has them in memory once:
    /// both rows' ranges point to the same `wordAtoms` and `phraseEntries`.)
    let termRows: [Int]
    /// The single-word atoms of one term in one row (`wordRanges[termRows[slot] + term]`): the atoms that one
    /// token matching the term makes true in the slot (single-word keywords and prefixes) are
    /// `wordAtoms[start..<end]` (a token only ever looks at its own field's).
    struct WordRange: Sendable {
        var start: Int32
        var end: Int32
    }

    /// The phrases (two or more terms) of one row filed under one term (`phraseAnchors[termRows[slot] + term]`):
    /// `phraseEntries[start..<end]`. A phrase is anchored at its longest term, not its first: free text is full of
    /// the words phrases start with ("not", "no", "the", "my"), and a phrase is only looked at where its
    /// rarest-looking word occurs. `requiredTerms` is the AND of those phrases' `termMask`s, the bits every one of
    /// them needs: where one of them is not in the field's mask of matched terms, no phrase of the anchor can
    /// occur, and `matchSequences` passes over the anchor with one test, without reading its entries (the mask
    /// and the range sit together: one load).
    struct PhraseAnchor: Sendable {
        var requiredTerms: UInt64
        var start: Int32
        var end: Int32
    }

    let wordRanges: [WordRange]
    let phraseAnchors: [PhraseAnchor]
    /// Per row and term (`termFlags[termRows[slot] + term]`), whether `wordRanges` lists word atoms
    /// (`hasWordAtoms`) and `phraseAnchors` phrases (`anchorsPhrases`): one byte a term, so the first pass of
    /// `matchSequences` reads a few kilobytes for every match and the word ranges only for terms with atoms
    /// (about four matches in ten on realistic text: most matched terms are the "i", "the" and "my" of phrases).
    let termFlags: [UInt8]
    let wordAtoms: [Int32]
    let phraseEntries: [PhraseEntry]
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
    /// Rules (by rank) atom `a` can make true: `triggeredRules[triggerStarts[a]..<triggerStarts[a + 1]]`;
    /// rules that no atom gates are in `ungatedRuleBits`.
    let triggerStarts: [Int32]
    let triggeredRules: [Int32]
    /// The rules no atom gates, as bits by rank, one word per 64 rules (`ClassifierStamps.rules` starts each contact so).
    let ungatedRuleBits: [UInt64]
    let atomCount: Int
    let unresolvedColumns: [String]

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
        var automaton = builder.automaton
        try automaton.freeze()
        let termCount = automaton.terms.count
        let slots = Self.firstColumnSlot + builder.columnIndexes.count
        let sequenceTerms = builder.sequenceTerms
        var words = [[Int32]](repeating: [], count: termCount * slots)
        var phrases = [[PhraseEntry]](repeating: [], count: termCount * slots)
        for var entry in builder.sequences {
            if entry.length == 1 {
                let key = Int(entry.slot) * termCount + Int(sequenceTerms[Int(entry.start)])
                if !words[key].contains(entry.atom) { words[key].append(entry.atom) }
            } else {
                let terms = sequenceTerms[Int(entry.start)..<Int(entry.start + entry.length)]
                entry.anchor = Int32(Self.anchor(of: terms.map { automaton.terms[Int($0)] }))
                let key = Int(entry.slot) * termCount + Int(sequenceTerms[Int(entry.start + entry.anchor)])
                phrases[key].append(PhraseEntry(termMask: terms.reduce(0) { $0 | Self.termBit($1) },
                                                atom: entry.atom, start: entry.start, length: entry.length,
                                                anchor: entry.anchor))
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
        var wordRanges: [WordRange] = [], wordAtoms: [Int32] = []
        var phraseAnchors: [PhraseAnchor] = [], phraseEntries: [PhraseEntry] = []
        var termFlags: [UInt8] = []
        for (row, slot) in rowSlots.enumerated() {
            for term in 0..<termCount {
                let own = words[slot * termCount + term], anchored = phrases[slot * termCount + term]
                if let earlier = (0..<row).first(where: { words[rowSlots[$0] * termCount + term] == own }) {
                    wordRanges.append(wordRanges[earlier * termCount + term])
                } else {
                    let start = Int32(wordAtoms.count)
                    wordRanges.append(WordRange(start: start, end: start + Int32(own.count)))
                    wordAtoms.append(contentsOf: own)
                }
                if let earlier = (0..<row).first(where: { phrases[rowSlots[$0] * termCount + term] == anchored }) {
                    phraseAnchors.append(phraseAnchors[earlier * termCount + term])
                } else {
                    var required: UInt64 = anchored.isEmpty ? 0 : ~0
                    for entry in anchored { required &= entry.termMask }
                    phraseAnchors.append(PhraseAnchor(requiredTerms: required, start: Int32(phraseEntries.count),
                                                      end: Int32(phraseEntries.count + anchored.count)))
                    phraseEntries.append(contentsOf: anchored)
                }
                termFlags.append((own.isEmpty ? 0 : Self.hasWordAtoms) | (anchored.isEmpty ? 0 : Self.anchorsPhrases))
            }
        }
        self.wordRanges = wordRanges
        self.wordAtoms = wordAtoms
        self.phraseAnchors = phraseAnchors
        self.phraseEntries = phraseEntries
        self.termFlags = termFlags
        (self.triggerStarts, self.triggeredRules) = Self.flatten(triggers)
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

    /// Lists back to back, with the offset where each starts (and a last offset: the total).
    private static func flatten<Element>(_ lists: [[Element]]) -> ([Int32], [Element]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var flat: [Element] = []
        for list in lists {
            flat.append(contentsOf: list)
            starts.append(Int32(flat.count))
        }
        return (starts, flat)
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
