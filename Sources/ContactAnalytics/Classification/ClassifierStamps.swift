/// The per-contact marks of a `RootCauseClassifier`: the atoms found true in the contact, one bit an atom; the
/// terms matched in the field being matched, one bit a term. Plain memory, read and written through pointers in
/// the classifier's innermost loops. Bits, not per-entry generation stamps: the 3,000-odd terms of the built-in
/// packs take 50 words (7 cache lines, not the 100 lines of two-byte stamps) and the 271 atoms 5 words, so the
/// marks a field's matches read and write stay in the L1 cache however far apart the terms are numbered.
///
/// A classifier value owns its stamps the way an array owns its buffer: before a contact's first write it
/// makes sure no other copy shares them (`RootCauseClassifier.evaluateRules`, `isKnownUniquelyReferenced`) and
/// takes fresh ones if another does, so copies given to different threads never write the same memory.
final class ClassifierStamps: @unchecked Sendable {
    // @unchecked: written only by the one classifier value that holds the only reference (checked before each
    // contact's first write, as above); copies that share the object only read `atomCount` and `termCount`.
    /// The atom bits and then the candidate rule bits, in one piece of memory (`atoms`, `rules`), so that one
    /// index reaches either (`CompiledRuleProgram.wordMarks`).
    let marks: UnsafeMutablePointer<UInt64>
    /// The atoms found true in the contact: atom `a` is bit `a % 64` of word `a / 64` (`atomWordCount` words, the
    /// start of `marks`). Cleared at the start of each contact (`clearAtoms`).
    let atoms: UnsafeMutablePointer<UInt64>
    /// The terms matched in the field being matched: term `t` is bit `t % 64` of word `t / 64` (`termWordCount`
    /// words). All clear between fields: `RootCauseClassifier.matchSequences` clears the words it set (those of
    /// the field's matched terms) before it returns.
    let terms: UnsafeMutablePointer<UInt64>
    /// The contact's candidate rules, one bit a rule by rank (`ruleWordCount` words, in `marks` after the atom
    /// words): set at the start of each
    /// contact to the rules no atom gates, then by each atom marked true; walked lowest first, they are the rules
    /// to evaluate in precedence order, each once, with no sort.
    let rules: UnsafeMutablePointer<UInt64>
    /// `anchorHeads[t]`: while `RootCauseClassifier.matchSequences` looks at a field's phrases, the first of the
    /// field's matches of term `t` that anchor phrases (its place in the list of those matches); -1 for every term
    /// between fields (each head set is cleared when its term is looked at).
    let anchorHeads: UnsafeMutablePointer<Int32>
    let atomCount: Int
    let termCount: Int
    let ruleCount: Int
    /// The words of `atoms`, `terms` and `rules`.
    var atomWordCount: Int { (atomCount + 63) / 64 }
    var termWordCount: Int { (termCount + 63) / 64 }
    var ruleWordCount: Int { (ruleCount + 63) / 64 }

    /// Marks for `atomCount` atoms and `termCount` terms, all clear, and the candidate bits of `ruleCount` rules.
    init(atomCount: Int, termCount: Int, ruleCount: Int = 0) {
        self.atomCount = atomCount
        self.termCount = termCount
        self.ruleCount = ruleCount
        let atomWords = (atomCount + 63) / 64, ruleWords = (ruleCount + 63) / 64
        marks = .allocate(capacity: max(atomWords + ruleWords, 1))
        marks.initialize(repeating: 0, count: max(atomWords + ruleWords, 1))
        atoms = marks
        rules = marks + atomWords
        let termWords = max((termCount + 63) / 64, 1)
        terms = .allocate(capacity: termWords)
        terms.initialize(repeating: 0, count: termWords)
        anchorHeads = .allocate(capacity: max(termCount, 1))
        anchorHeads.initialize(repeating: -1, count: max(termCount, 1))
    }

    deinit {
        marks.deallocate()
        terms.deallocate()
        anchorHeads.deallocate()
    }

    /// Marks of the same sizes, all clear: right for any copy.
    func fresh() -> ClassifierStamps {
        ClassifierStamps(atomCount: atomCount, termCount: termCount, ruleCount: ruleCount)
    }

    /// Clears every atom's bit (at the start of each contact).
    @inline(__always)
    func clearAtoms() { atoms.update(repeating: 0, count: atomWordCount) }

    /// Whether atom `atom` was found true in the contact.
    @inline(__always)
    func isTrue(atom: Int32) -> Bool {
        let a = Int(atom)
        return atoms[a &>> 6] & (1 &<< UInt64(a & 63)) != 0
    }

    /// Whether term `term` was matched in the field being matched.
    @inline(__always)
    func isMatched(term: Int32) -> Bool {
        let t = Int(term)
        return terms[t &>> 6] & (1 &<< UInt64(t & 63)) != 0
    }
}
