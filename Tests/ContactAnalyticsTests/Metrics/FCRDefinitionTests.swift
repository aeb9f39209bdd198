import Foundation
import Testing
@testable import ContactAnalytics

/// FCR side by side on a hand-computed fixture (the arithmetic is in the comments).
@Suite struct FCRDefinitionTests {
    static let hour: Int64 = 3_600
    static let t0: Int64 = 1_767_571_200

    static let causes = [
        CauseDescriptor(path: "delivery/where-is-my-order", name: "Where is my order", process: "Logistics", avoidable: true),
        CauseDescriptor(path: "billing/wrong-invoice", name: "Wrong invoice", process: "Billing", avoidable: true),
    ]

    /// A: cause 0 at 0 h, cause 1 at 30 h, cause 0 at 100 h; B: cause 0 at 0 h and 20 h; C: cause 0 at 0 h;
    /// D: cause 1 at 960 h (the data end). Flags: B1 not resolved, C1 resolved. Replies: A1 3, A2 0, C1 1.
    static func report(window: RepeatContactWindow = .standard, flags: Bool = true) throws -> ContactReport {
        func c(_ id: String, _ customer: String, _ hours: Int64, _ cause: Int32, flag: Bool? = nil,
               replies: Int? = nil) -> (ContactRecord, Int32) {
            (ContactRecord(contactID: id, openedAt: t0 + hours * hour, customer: customer, channel: .email,
                           firstContactResolved: flags ? flag : nil, agentReplies: flags ? replies : nil), cause)
        }
        let contacts = [
            c("A1", "A", 0, 0, replies: 3), c("A2", "A", 30, 1, replies: 0), c("A3", "A", 100, 0),
            c("B1", "B", 0, 0, flag: false), c("B2", "B", 20, 0),
            c("C1", "C", 0, 0, flag: true, replies: 1),
            c("D1", "D", 960, 1),
        ]
        var configuration = MetricsConfiguration()
        configuration.window = window
        var engine = ContactMetricsEngine(configuration: configuration, causes: causes)
        for (contact, cause) in contacts { engine.add(contact, cause: cause) }
        return try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 7, rowsRejected: 0,
                                                     duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 7))
    }

    static func table(_ report: ContactReport) -> [String: Ratio?] {
        Dictionary(uniqueKeysWithValues: report.fcrDefinitions.map { ($0.key, $0.fcr) })
    }

    @Test func everyWindowAndScopeIsHandComputed() throws {
        let report = try Self.report()
        // Evaluable under every window: the six contacts before 100 h (D1 at the data end never is).
        // Same cause: gaps A1->A3 100 h, B1->B2 20 h; resolved when the gap exceeds the window.
        //   24 h: all but B1 = 5; 72 h: 5; 7 d: A1 and B1 not = 4; 30 d: 4.
        // Any cause: gaps A1->A2 30 h, A2->A3 70 h, B1->B2 20 h.
        //   24 h: all but B1 = 5; 72 h, 7 d, 30 d: A1, A2, B1 not = 3.
        let t = Self.table(report)
        #expect(t["window_24h_cause"] == Ratio(5, of: 6))
        #expect(t["window_72h_cause"] == Ratio(5, of: 6))
        #expect(t["window_7d_cause"] == Ratio(4, of: 6))
        #expect(t["window_30d_cause"] == Ratio(4, of: 6))
        #expect(t["window_24h_any"] == Ratio(5, of: 6))
        #expect(t["window_72h_any"] == Ratio(3, of: 6))
        #expect(t["window_7d_any"] == Ratio(3, of: 6))
        #expect(t["window_30d_any"] == Ratio(3, of: 6))
        // The flag: B1 no, C1 yes; one touch: A1 (3) no, A2 (0) and C1 (1) yes.
        #expect(t["export_flag"] == Ratio(1, of: 2))
        #expect(t["one_touch"] == Ratio(2, of: 3))
        #expect(report.fcrDefinitions.map(\.key) == [
            "window_24h_cause", "window_24h_any", "window_72h_cause", "window_72h_any", "window_7d_cause",
            "window_7d_any", "window_30d_cause", "window_30d_any", "export_flag", "one_touch"])
        // The headline keeps the configured definition (7 days, same cause).
        let headline = report.fcrDefinitions.filter(\.isHeadline)
        #expect(headline.map(\.key) == ["window_7d_cause"])
        #expect(report.summary.fcr == Ratio(4, of: 6))
    }

    @Test func anotherConfiguredWindowIsAddedAndMarked() throws {
        let report = try Self.report(window: RepeatContactWindow(seconds: 48 * Self.hour, scope: .any))
        let t = Self.table(report)
        // 48 h, any cause: A1 (30 h) and B1 (20 h) not resolved: 4 of 6; the compared ones do not change.
        #expect(t["window_48h_any"] == Ratio(4, of: 6))
        #expect(t["window_72h_any"] == Ratio(3, of: 6))
        #expect(t["window_7d_cause"] == Ratio(4, of: 6))
        #expect(report.fcrDefinitions.filter(\.isHeadline).map(\.key) == ["window_48h_any"])
        #expect(report.summary.fcr == Ratio(4, of: 6))
        #expect(report.fcrDefinitions.count == 12)
    }

    @Test func unmappedFieldsAreNotMeasuredAndSaySo() throws {
        let report = try Self.report(flags: false)
        let flag = try #require(report.fcrDefinitions.first { $0.key == "export_flag" })
        let touch = try #require(report.fcrDefinitions.first { $0.key == "one_touch" })
        #expect(flag.fcr == nil && touch.fcr == nil)
        #expect(flag.note == "not measured: no fcr_flag column mapped")
        #expect(touch.note == "not measured: no agent_replies column mapped")
        #expect(touch.label == "one touch: at most one agent reply (agent_replies)")
    }

    @Test func everyFormatCarriesTheTable() throws {
        let report = try Self.report()
        let json = JSONReportRenderer().render(report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(root["fcr_definitions"] as? [[String: Any]])
        let row = try #require(rows.first { $0["definition"] as? String == "window_72h_any" })
        #expect(row["label"] as? String == "repeat window 72h, any cause")
        #expect((row["window_hours"] as? NSNumber)?.intValue == 72)
        #expect(row["scope"] as? String == "any")
        #expect((row["fcr"] as? NSNumber)?.doubleValue == 0.5)
        #expect((row["resolved"] as? NSNumber)?.intValue == 3 && (row["judged"] as? NSNumber)?.intValue == 6)
        #expect(row["headline"] as? Bool == false)
        #expect(rows.first { $0["definition"] as? String == "one_touch" }?["fcr"] as? NSNumber == 0.6667)
        let csv = CSVReportRenderer().render(report)
        #expect(csv.contains("fcr_definitions,definition,window_7d_cause,fcr,0.6667"))
        #expect(csv.contains("fcr_definitions,definition,window_7d_cause,headline,true"))
        let text = TextReportRenderer().render(report)
        #expect(text.contains("FCR by definition"))
        #expect(text.contains("repeat window 7d, same cause"))
        let markdown = MarkdownReportRenderer().render(report)
        #expect(markdown.contains("| repeat window 30d, any cause | 50.0 % | 3 | 6 |"))
    }
}
