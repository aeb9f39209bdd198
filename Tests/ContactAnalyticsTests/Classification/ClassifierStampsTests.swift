import Testing
@testable import ContactAnalytics

/// The per-term stamps count fields with matches in a two-byte generation that wraps round after 65,535
/// fields; a stamp left from before the wrap must never make a term look already matched in a later field.
@Suite struct ClassifierStampsTests {
    typealias S = ClassificationTestSupport

    /// "refund" is matched in the first field only (generation 1); then 65,534 fields match "order"; the next
    /// field with a match is generation 1 again. Its "refund" must still mark the keyword rule's atom: the
    /// stamps were cleared at the wrap (kept, the stamp would equal the field's generation and the term would
    /// be skipped as seen, leaving the contact to the "order" rule).
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
}
