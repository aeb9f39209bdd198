import Foundation
import Testing
@testable import ContactAnalytics

/// `CauseAgreement` on a hand-made table.
///
/// Causes A and B, labels x, y, z. Classified: (A,x)×3, (A,y)×1, (B,y)×2, (B,z)×1; unclassified: x×1, z×1;
/// two contacts without a label (nil and blank). So 9 labelled contacts, 7 classified:
/// coverage 7/9; purity (A: max 3, B: max 2) = 5/7; inverse purity (x: 3, y: max(1, 2) = 2, z: 1) = 6/7;
/// F = 2 · 5/7 · 6/7 / (11/7) = 60/77.
@Suite struct CauseAgreementTests {
    static func table() -> CauseAgreement {
        var agreement = CauseAgreement()
        for _ in 0..<3 { agreement.add(cause: "A", label: "x") }
        agreement.add(cause: "A", label: "y")
        for _ in 0..<2 { agreement.add(cause: "B", label: " y ") }  // trimmed: the same label
        agreement.add(cause: "B", label: "z")
        agreement.add(cause: nil, label: "x")
        agreement.add(cause: nil, label: "z")
        agreement.add(cause: "A", label: nil)
        agreement.add(cause: "A", label: "  ")
        return agreement
    }

    @Test func figuresMatchTheHandComputedOnes() {
        let agreement = Self.table()
        #expect(agreement.contacts == 9)
        #expect(agreement.unlabelled == 2)
        #expect(agreement.classified == 7)
        #expect(agreement.coverage == 7.0 / 9.0)
        #expect(agreement.purity == 5.0 / 7.0)
        #expect(agreement.inversePurity == 6.0 / 7.0)
        #expect(abs((agreement.f ?? 0) - 60.0 / 77.0) < 1e-12)
    }

    @Test func labelsListTheirCausesAndUnclassifiedCount() {
        let labels = Self.table().labels(top: 1)
        #expect(labels.map(\.name) == ["x", "y", "z"])
        #expect(labels.map(\.count) == [4, 3, 2])
        #expect(labels.map(\.unclassified) == [1, 0, 1])
        #expect(labels.map { $0.top.map(\.name) } == [["A"], ["B"], ["B"]])
        #expect(labels.map { $0.top.map(\.count) } == [[3], [2], [1]])
    }

    @Test func causesListTheLabelsTheyMix() {
        let causes = Self.table().causes(top: 3)
        #expect(causes.map(\.name) == ["A", "B"])
        #expect(causes.map(\.count) == [4, 3])
        #expect(causes[0].top == [.init(name: "x", count: 3), .init(name: "y", count: 1)])
        #expect(causes[1].top == [.init(name: "y", count: 2), .init(name: "z", count: 1)])
    }

    /// Text coverage leaves out the contacts with nothing to read: 5 labelled, 2 without text (one of them
    /// classified by another field), 2 of the 3 with text classified: coverage 3/5, text coverage 2/3.
    @Test func textCoverageLeavesOutContactsWithoutText() {
        var agreement = CauseAgreement()
        agreement.add(cause: "A", label: "x")
        agreement.add(cause: "A", label: "x")
        agreement.add(cause: nil, label: "y")
        agreement.add(cause: nil, label: "y", hasText: false)
        agreement.add(cause: "B", label: "z", hasText: false)
        agreement.add(cause: nil, label: nil, hasText: false)  // no label: left out of everything
        #expect(agreement.contacts == 5)
        #expect(agreement.withoutText == 2)
        #expect(agreement.classifiedWithoutText == 1)
        #expect(agreement.contactsWithText == 3)
        #expect(agreement.coverage == 3.0 / 5.0)
        #expect(agreement.textCoverage == 2.0 / 3.0)
        var none = CauseAgreement()
        none.add(cause: nil, label: "x", hasText: false)
        #expect(none.textCoverage == nil)
        #expect(none.coverage == 0)
    }

    @Test func onePerfectCauseGivesOne() {
        var agreement = CauseAgreement()
        agreement.add(cause: "A", label: "x")
        agreement.add(cause: "B", label: "y")
        #expect(agreement.purity == 1)
        #expect(agreement.inversePurity == 1)
        #expect(agreement.f == 1)
    }

    @Test func nothingClassifiedHasNoFigures() {
        var agreement = CauseAgreement()
        #expect(agreement.coverage == nil)
        agreement.add(cause: nil, label: "x")
        #expect(agreement.coverage == 0)
        #expect(agreement.purity == nil)
        #expect(agreement.inversePurity == nil)
        #expect(agreement.f == nil)
        #expect(agreement.causes(top: 3).isEmpty)
    }

    /// The label column is withheld: a `column:` rule naming it and the canonical field bound to it see
    /// nothing. `category` is bound to the column `Topic`; rule 1 reads `column:topic`, rule 2 `category`,
    /// rule 3 the subject. Only C1 (subject "refund") is classified.
    @Test func theLabelColumnIsWithheldFromTheRules() throws {
        let taxonomy = try Taxonomy(causes: [RootCause(path: "a", process: "P", avoidable: false),
                                             RootCause(path: "b", process: "P", avoidable: false)],
                                    rules: [RootCauseRule(cause: "a", .keywords(["billing"], field: .column("topic"))),
                                            RootCauseRule(cause: "a", .keywords(["billing"], field: .category)),
                                            RootCauseRule(cause: "b", .keywords(["refund"], field: .subject))])
        let path = NSTemporaryDirectory() + "agreement-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            opened_at,subject,Topic
            2026-03-02T09:00:00Z,refund,Billing
            2026-03-02T09:01:00Z,hello,Billing

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let ingest = IngestOptions(files: [path], mapping: MappingOptions(explicit: [.category: "Topic"]))
        let result = try CauseAgreementEvaluation.run(ingest, taxonomy: taxonomy, foldDiacritics: false,
                                                      labelColumn: " topic ", threads: 1)
        #expect(result.foundColumn)
        #expect(result.withheldFields == [.category])
        #expect(result.agreement.contacts == 2)
        #expect(result.agreement.classified == 1)
        #expect(result.agreement.causes(top: 1) == [.init(name: "b", count: 1, unclassified: 0,
                                                          top: [.init(name: "Billing", count: 1)])])
        let missing = try CauseAgreementEvaluation.run(ingest, taxonomy: taxonomy, foldDiacritics: false,
                                                       labelColumn: "Queue", threads: 1)
        #expect(!missing.foundColumn)
        #expect(missing.agreement.contacts == 0)
        #expect(missing.agreement.unlabelled == 2)
    }
}
