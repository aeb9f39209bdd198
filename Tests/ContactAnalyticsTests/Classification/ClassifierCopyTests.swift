import Testing
@testable import ContactAnalytics

/// Copies of a classifier are independent: each thread gets a copy, and a copy's marks (which atoms are true
/// for the contact at hand, which terms its field matched) must never show through in another copy.
@Suite struct ClassifierCopyTests {
    typealias S = ClassificationTestSupport

    /// Two copies made mid-run classify different contacts in turn (same contact count, so the same
    /// generation numbers): each gives exactly the causes a fresh classifier gives.
    @Test func copiesKeepTheirOwnMarks() throws {
        var original = try RootCauseClassifier(taxonomy: .builtIn, header: S.generatedHeader)
        original.memoizes = false
        var reference = original
        let rows = Array(GeneratedSample.rows.prefix(400))
        func contact(_ row: [String]) -> ContactRecord { S.contact(generated: row) }
        // Some contacts before the copy, so the shared marks hold this copy's generations.
        for row in rows.prefix(10) { _ = original.classify(contact(row), raw: RawRecord(fields: row)) }
        var copy = original
        let first = rows[10..<205], second = Array(rows[205...]).reversed()
        var differing = 0
        for (a, b) in zip(first, second) {
            let byCopy = copy.classify(contact(a), raw: RawRecord(fields: a))
            let byOriginal = original.classify(contact(b), raw: RawRecord(fields: b))
            #expect(byCopy == reference.classify(contact(a), raw: RawRecord(fields: a)), "\(a)")
            #expect(byOriginal == reference.classify(contact(b), raw: RawRecord(fields: b)), "\(b)")
            if byCopy != byOriginal { differing += 1 }
        }
        // The two sequences really are different contacts with different causes.
        #expect(differing > 50)
    }

    /// A phrase needs its words in order in one field; copies matching different fields do not lend each
    /// other matched terms.
    @Test func phraseTermsStayInTheirCopy() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 1, .phrase(["order late"], field: .subject)),
        ])
        var first = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        first.memoizes = false
        var second = first
        #expect(first.classify(S.contact(subject: "my order is here")) == .unclassified)
        #expect(second.classify(S.contact(subject: "running late")) == .unclassified)
        #expect(first.classify(S.contact(subject: "order late again")).isClassified)
        #expect(second.classify(S.contact(subject: "late order")) == .unclassified)
    }
}
