import Testing
@testable import ContactAnalytics

/// The per-contact marks: atoms true in the contact and terms matched in the field, one bit each, cleared
/// between contacts (atoms) and fields (terms); a mark left from an earlier field or contact must never make a
/// term look already matched or an atom already true.
@Suite struct ClassifierStampsTests {
    typealias S = ClassificationTestSupport

    /// "refund" is matched in the first field only; then 65,534 fields match "order" (more fields than the
    /// two-byte term generations the bits replaced could count); "refund" must still mark the keyword rule's atom
    /// each time it comes again: its bit was cleared after its field (left set, the term would be skipped as seen,
    /// leaving the contact to the "order" rule).
    @Test func termStampsAreClearedWhenTheGenerationWraps() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 2, .keywords(["refund"], field: .subject)),
            RootCauseRule(cause: "b", priority: 1, .keywords(["order"], field: .subject)),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        classifier.memoizes = false
        let refund = S.contact(subject: "refund my order")
        let order = S.contact(subject: "my order")
        let a = try #require(taxonomy.id(of: "a")), b = try #require(taxonomy.id(of: "b"))
        #expect(classifier.classify(refund) == a)
        var others = 0
        for _ in 0..<(Int(UInt16.max) - 1) where classifier.classify(order) != b { others += 1 }
        #expect(others == 0)
        // Generation 65,535 was the last "order" field; this one wraps round to 1, the stamp "refund" got first.
        #expect(classifier.classify(refund) == a)
        #expect(classifier.classify(order) == b)
        #expect(classifier.classify(refund) == a)
    }

    /// The candidate-rule bits: one word per 64 rules, all clear at first, the same size in a fresh copy.
    @Test func ruleBitsHaveAWordPer64RulesAndStartClear() {
        let stamps = ClassifierStamps(atomCount: 3, termCount: 2, ruleCount: 130)
        #expect(stamps.ruleWordCount == 3)
        #expect((0..<3).allSatisfy { stamps.rules[$0] == 0 })
        stamps.rules[2] = 1 << 1
        let fresh = stamps.fresh()
        #expect(fresh.ruleCount == 130 && fresh.ruleWordCount == 3)
        #expect((0..<3).allSatisfy { fresh.rules[$0] == 0 })
        #expect(ClassifierStamps(atomCount: 1, termCount: 1, ruleCount: 64).ruleWordCount == 1)
        #expect(ClassifierStamps(atomCount: 1, termCount: 1).ruleWordCount == 0)
    }

    /// Atom and term bits: one word per 64, all clear at first; `isTrue`/`isMatched` read the bit of their atom
    /// or term only, and `clearAtoms` clears every atom word (the term words are cleared by the classifier).
    @Test func atomAndTermBitsHaveAWordPer64AndClear() {
        let stamps = ClassifierStamps(atomCount: 130, termCount: 3_146, ruleCount: 1)
        #expect(stamps.atomWordCount == 3 && stamps.termWordCount == 50)
        #expect((0..<3).allSatisfy { stamps.atoms[$0] == 0 } && (0..<50).allSatisfy { stamps.terms[$0] == 0 })
        stamps.atoms[2] = 1 << 1
        stamps.terms[49] = 1 << 9
        #expect((0..<130).filter { stamps.isTrue(atom: Int32($0)) } == [129])
        #expect((0..<3_146).filter { stamps.isMatched(term: Int32($0)) } == [3_145])
        stamps.clearAtoms()
        #expect((0..<130).allSatisfy { !stamps.isTrue(atom: Int32($0)) })
        #expect(stamps.isMatched(term: 3_145))
        let fresh = stamps.fresh()
        #expect(!fresh.isMatched(term: 3_145) && fresh.atomWordCount == 3 && fresh.termWordCount == 50)
    }

    /// Atoms are cleared between contacts: the second contact, whose words make no atom true, gets no rule the
    /// first contact's atoms made true (the memo off, so both are classified by the rules).
    @Test func atomBitsDoNotCarryOverToTheNextContact() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 2, .keywords(["refund"], field: .subject)),
            RootCauseRule(cause: "b", priority: 1, .not(.keywords(["order"], field: .subject))),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        classifier.memoizes = false
        let a = try #require(taxonomy.id(of: "a")), b = try #require(taxonomy.id(of: "b"))
        #expect(classifier.classify(S.contact(subject: "refund")) == a)
        #expect(classifier.classify(S.contact(subject: "nothing here")) == b)
        #expect(classifier.classify(S.contact(subject: "my order")) == .unclassified)
        #expect(classifier.classify(S.contact(subject: "refund my order")) == a)
    }
}
