/// The per-contact marks of a `RootCauseClassifier`: per atom, the generation (contact) in which it was last
/// found true; per term, the generation (field) in which it was last matched. Plain memory, read and written
/// through pointers in the classifier's innermost loops, where the two arrays they used to be cost a bounds
/// check per read and a uniqueness check per write.
///
/// A classifier value owns its stamps the way an array owns its buffer: before a contact's first write it
/// makes sure no other copy shares them (`RootCauseClassifier.evaluateRules`, `isKnownUniquelyReferenced`) and
/// takes fresh ones if another does, so copies given to different threads never write the same memory.
final class ClassifierStamps: @unchecked Sendable {
    // @unchecked: written only by the one classifier value that holds the only reference (checked before each
    // contact's first write, as above); copies that share the object only read `atomCount` and `termCount`.
    /// `atoms[a]`: the generation in which atom `a` was last found true.
    let atoms: UnsafeMutablePointer<UInt32>
    /// `terms[t]`: the term generation in which term `t` was last matched. Two bytes a term, so the stamps of
    /// the 3,000-odd terms of the built-in packs take half the cache lines (the term generation counts the fields
    /// matched and wraps round every 65,535 of them, when `clearTerms` costs a few kilobytes of writes).
    let terms: UnsafeMutablePointer<UInt16>
    /// The contact's candidate rules, one bit a rule by rank (`ruleWordCount` words): set at the start of each
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
    /// The words of `rules`.
    var ruleWordCount: Int { (ruleCount + 63) / 64 }

    /// Stamps for `atomCount` atoms and `termCount` terms, all 0 (no generation is 0), and the candidate bits of
    /// `ruleCount` rules.
    init(atomCount: Int, termCount: Int, ruleCount: Int = 0) {
        self.atomCount = atomCount
        self.termCount = termCount
        self.ruleCount = ruleCount
        atoms = .allocate(capacity: max(atomCount, 1))
        atoms.initialize(repeating: 0, count: max(atomCount, 1))
        terms = .allocate(capacity: max(termCount, 1))
        terms.initialize(repeating: 0, count: max(termCount, 1))
        anchorHeads = .allocate(capacity: max(termCount, 1))
        anchorHeads.initialize(repeating: -1, count: max(termCount, 1))
        let ruleWords = max((ruleCount + 63) / 64, 1)
        rules = .allocate(capacity: ruleWords)
        rules.initialize(repeating: 0, count: ruleWords)
    }

    deinit {
        atoms.deallocate()
        terms.deallocate()
        anchorHeads.deallocate()
        rules.deallocate()
    }

    /// Stamps of the same sizes, all 0: right for any copy, whose generations are never 0.
    func fresh() -> ClassifierStamps {
        ClassifierStamps(atomCount: atomCount, termCount: termCount, ruleCount: ruleCount)
    }

    /// Sets every atom stamp to 0 (when the contact generation wraps round).
    func clearAtoms() { atoms.update(repeating: 0, count: max(atomCount, 1)) }

    /// Sets every term stamp to 0 (when the term generation wraps round).
    func clearTerms() { terms.update(repeating: 0, count: max(termCount, 1)) }
}
