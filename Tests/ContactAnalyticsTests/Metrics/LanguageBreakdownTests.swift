import Foundation
import Testing
@testable import ContactAnalytics

/// The language breakdown on a hand-computed fixture: mapped languages win over the text, the rest detected.
@Suite struct LanguageBreakdownTests {
    static let day: Int64 = 86_400
    static let t0: Int64 = 1_767_571_200

    @Test func headlineFiguresPerLanguageAreHandComputed() throws {
        let causes = [CauseDescriptor(path: "delivery/where-is-my-order", name: "Where is my order",
                                      process: "Logistics", avoidable: true)]
        func c(_ id: String, _ customer: String, _ days: Int64, language: String? = nil, text: String,
               csat: CSATResponse? = nil, cost: Double, cause: Int32 = 0) -> (ContactRecord, Int32) {
            (ContactRecord(contactID: id, openedAt: Self.t0 + days * Self.day, customer: customer, channel: .email,
                           text: text, csat: csat, cost: cost, language: language), cause)
        }
        let contacts = [
            // Finnish: F1 mapped ("fi-FI", English text: the column wins), F2 detected; F2 repeats F1 (2 days).
            c("F1", "A", 0, language: "fi-FI", text: "Where is my order? It has not arrived", csat: .score(5), cost: 4),
            c("F2", "A", 2, text: "Missä minun tilaukseni on? Se ei ole vieläkään tullut", csat: .score(2), cost: 6),
            // English: E1 detected, unclassified (not avoidable).
            c("E1", "B", 1, text: "Thank you for the help, it was very good", csat: .score(4), cost: 10, cause: -1),
            // Unknown: too short to tell.
            c("U1", "C", 1, text: "Order 123", cost: 2),
            // The data end, 30 days on (mapped French: other).
            c("X1", "D", 30, language: "fr", text: "Où est ma commande", cost: 1),
        ]
        var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: causes)
        for (contact, cause) in contacts { engine.add(contact, cause: cause) }
        let report = try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 5, rowsRejected: 0,
                                                           duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 5))
        #expect(report.languages.map(\.key) == ["en", "fi", "other", "unknown"])
        let rows = Dictionary(uniqueKeysWithValues: report.languages.map { ($0.key, $0.metrics) })
        let fi = try #require(rows["fi"])
        #expect(fi.contacts == 2)
        #expect(fi.share == Ratio(2, of: 5))
        // F1 is evaluable (30 days before the end) and not resolved (F2 within 7 days); F2 is resolved.
        #expect(fi.fcr == Ratio(1, of: 2))
        #expect(fi.repeats == 1)
        // CSAT: 5 satisfied, 2 not.
        #expect(fi.csat.rate == Ratio(1, of: 2))
        #expect(abs(fi.costTotal - 10) < 1e-9)
        #expect(fi.avoidableRate == Ratio(2, of: 2))
        let en = try #require(rows["en"])
        #expect(en.contacts == 1 && en.avoidableRate == Ratio(0, of: 1) && en.csat.rate == Ratio(1, of: 1))
        #expect(rows["unknown"]?.contacts == 1)
        #expect(rows["other"]?.contacts == 1)
        // Every format: JSON languages, the CSV section, the human table.
        #expect(JSONReportRenderer().render(report).contains(#""language": "fi""#))
        #expect(CSVReportRenderer().render(report).contains("languages,language,fi,contacts,2"))
        #expect(MarkdownReportRenderer().render(report).contains("| fi | 2 | 40.0 % | 50.0 % | 50.0 % | 10.00 | 5.00 | 100.0 % |"))
    }
}
