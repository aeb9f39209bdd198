import Foundation
import Testing

/// A catastrophic regular expression in the taxonomy neither hangs the run nor changes it silently.
@Suite struct RegexBudgetTests {
    @Test func aRunawayPatternIsSwitchedOffWithAWarning() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = #"{ "taxonomy": { "causes": [ { "path": "billing/evil", "process": "Billing", "avoidable": false, "rules": [ { "field": "subject", "regex": "^(a|aa)+$" } ] } ] } }"#
        try Data(config.utf8).write(to: URL(fileURLWithPath: directory.path("evil.json")))
        var csv = "ticket_id,created_at,customer_id,channel,subject\n"
        for i in 1...5 { csv += "T\(i),2026-01-0\(i)T10:00:00Z,C\(i),email,\(String(repeating: "a", count: 4000))b\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: directory.path("evil.csv")))
        let start = Date()
        let result = try BinaryRunner.run(["report", "--config", directory.path("evil.json"), "-f", "json", "-o", "-",
                                           directory.path("evil.csv")])
        #expect(result.status == 0)
        #expect(Date().timeIntervalSince(start) < 60)  // a hang guard (unbounded, the run would not end), not a speed measure
        #expect(result.stderr.contains("contactstat: warning: the taxonomy regular expression /^(a|aa)+$/ ran longer than 20 ms on 3 fields and was switched off"))
        #expect(result.stderr.contains("5 contacts counted; coverage 0.0 %"))
    }
}
