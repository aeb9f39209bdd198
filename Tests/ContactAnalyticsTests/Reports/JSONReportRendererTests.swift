import Foundation
import Testing
@testable import ContactAnalytics

@Suite struct JSONReportRendererTests {
    static func parse(_ report: ContactReport) throws -> [String: Any] {
        let text = JSONReportRenderer().render(report)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    /// Values at a dotted path; `[]` steps into every element of an array (which must not be empty).
    static func values(_ root: Any, _ path: String) -> [Any]? {
        var current: [Any] = [root]
        for step in path.split(separator: ".") {
            var next: [Any] = []
            let isArray = step.hasSuffix("[]")
            let key = String(isArray ? step.dropLast(2) : step)
            for value in current {
                guard let object = value as? [String: Any], let child = object[key] else { return nil }
                if isArray {
                    guard let array = child as? [Any], !array.isEmpty else { return nil }
                    next += array
                } else {
                    next.append(child)
                }
            }
            current = next
        }
        return current
    }

    static let contractPaths: [String] = {
        var paths = ["schema", "input.files", "input.rows_read", "input.rows_rejected", "input.duplicates_dropped",
                     "input.field_warnings", "range.from", "range.to", "definitions.repeat_window_days",
                     "definitions.repeat_scope", "definitions.csat_scale", "definitions.csat_threshold",
                     "definitions.currency", "definitions.timezone", "summary.contacts", "summary.customers_identified"]
        let summary: [String: [String]] = [
            "fcr": ["rate", "evaluable", "resolved"], "repeat": ["rate", "count"],
            "avoidable": ["rate", "count", "by_cause", "repeat_only", "cost"],
            "csat": ["responses", "response_rate", "satisfied", "rate", "mean", "ci_low", "ci_high"],
            "cost": ["total", "per_contact"], "handle_time": ["mean_seconds", "median_seconds"],
            "resolution_time": ["median_seconds", "p90_seconds"], "classification": ["coverage", "unclassified"],
        ]
        for (group, keys) in summary.sorted(by: { $0.key < $1.key }) { paths += keys.map { "summary.\(group).\($0)" } }
        let rows: [String: [String]] = [
            "channels": ["channel", "contacts", "share", "fcr", "repeat_rate", "avoidable_rate", "csat", "cost_total",
                         "cost_per_contact"],
            "causes": ["cause", "process", "avoidable", "contacts", "share", "repeats", "fcr", "csat", "cost_total",
                       "cost_share", "avoidable_cost"],
            "processes": ["process", "contacts", "share", "avoidable", "repeats", "fcr", "csat", "cost_total", "cost_share",
                          "avoidable_cost"],
            "periods": ["period", "contacts", "fcr", "avoidable_rate", "csat", "cost_per_contact", "channels"],
            "channel_switches": ["from", "to", "count"],
        ]
        for (array, keys) in rows.sorted(by: { $0.key < $1.key }) { paths += keys.map { "\(array)[].\($0)" } }
        return paths
    }()

    @Test func everyContractKeyPathExists() throws {
        let root = try Self.parse(ReportFixture.report)
        for path in Self.contractPaths {
            #expect(Self.values(root, path) != nil, "missing \(path)")
        }
        #expect(root["schema"] as? String == "contactstat.report/1")
    }

    @Test func emptyReportKeepsTheObjectKeysWithNulls() throws {
        let root = try Self.parse(ReportFixture.empty)
        for path in Self.contractPaths where !path.contains("[]") {
            #expect(Self.values(root, path) != nil, "missing \(path)")
        }
        for path in ["range.from", "summary.fcr.rate", "summary.repeat.rate", "summary.avoidable.rate", "summary.csat.rate",
                     "summary.csat.ci_low", "summary.csat.mean", "summary.cost.per_contact", "summary.classification.coverage",
                     "summary.handle_time.mean_seconds"] {
            #expect(Self.values(root, path)?.first is NSNull, "\(path) should be null")
        }
        for array in ["channels", "causes", "processes", "periods", "channel_switches"] {
            #expect((root[array] as? [Any])?.isEmpty == true)
        }
    }

    @Test func valuesFollowTheNumberRules() throws {
        let root = try Self.parse(ReportFixture.report)
        func number(_ path: String) -> Double? { (Self.values(root, path)?.first as? NSNumber)?.doubleValue }
        #expect(number("summary.fcr.rate") == 0.7244)           // 652 / 900, four decimals
        #expect(number("summary.fcr.evaluable") == 900)
        #expect(number("summary.avoidable.rate") == 0.571)      // 708 / 1240 = 0.57097
        #expect(number("summary.cost.total") == 10_295.5)
        #expect(number("summary.cost.per_contact") == 8.3)
        #expect(number("summary.classification.unclassified") == 280)
        let causes = try #require(root["causes"] as? [[String: Any]])
        #expect(causes.map { $0["cause"] as? String } == ReportFixture.report.causes.map(\.key))
        #expect(causes[6]["fcr"] is NSNull)                     // no evaluable contact
        #expect(causes[6]["csat"] is NSNull)
        #expect(causes[0]["avoidable"] as? Bool == true)
        #expect(causes[2]["avoidable"] is NSNull)               // unclassified
        #expect(causes[0]["avoidable_contacts"] as? Int == 310)
        let costs = causes.compactMap { ($0["cost_total"] as? NSNumber)?.doubleValue }
        #expect(costs == costs.sorted(by: >))
        let periods = try #require(root["periods"] as? [[String: Any]])
        #expect(periods.map { $0["period"] as? String } == ["2026-W06", "2026-W07", "2026-W08", "2026-W09"])
        #expect(periods[3]["fcr"] is NSNull)
        #expect((periods[0]["channels"] as? [String: Any])?["phone"] as? Int == 120)
        #expect(periods[0]["change"] is NSNull)
        let change = try #require(periods[2]["change"] as? [String: Any])
        #expect((change["fcr"] as? NSNumber)?.doubleValue == -0.0719)
        #expect((root["narrative"] as? [String])?.count == 3)
        #expect((root["queues"] as? [[String: Any]])?.last?["queue"] as? String == ReportFixture.formulaQueue)
        #expect((root["emerging_causes"] as? [[String: Any]])?.first?["growth"] is NSNull)
    }

    @Test func textIsMoneyAndKeyOrderStable() {
        let text = JSONReportRenderer().render(ReportFixture.report)
        #expect(text == JSONReportRenderer().render(ReportFixture.report))
        #expect(text.contains("\"total\": 10295.50"))
        #expect(text.contains("\"cost\": 6446.70"))
        #expect(text.hasPrefix("{\n  \"schema\": \"contactstat.report/1\",\n  \"input\": {"))
        let keys = ["\"schema\"", "\"input\"", "\"range\"", "\"definitions\"", "\"summary\"", "\"channels\"", "\"causes\"",
                    "\"processes\"", "\"periods\"", "\"channel_switches\""]
        let positions = keys.compactMap { text.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(!text.lowercased().contains("nan"))
    }

    @Test(arguments: ["quote \" and backslash \\", "line\nbreak\ttab\r", "\u{01}\u{1F}", "line\u{2028}separator",
                      "emoji 😀 and ä", "</script><script>alert(1)</script>", "="])
    func stringsRoundTrip(name: String) throws {
        var report = ReportFixture.report
        report.causes[0].key = name
        report.input.files = [name]
        let text = JSONReportRenderer().render(report)
        let root = try Self.parse(report)
        #expect((root["causes"] as? [[String: Any]])?.first?["cause"] as? String == name)
        #expect((root["input"] as? [String: Any])?["files"] as? [String] == [name])
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
