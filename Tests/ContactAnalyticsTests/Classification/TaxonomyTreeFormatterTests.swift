import Foundation
import Testing
@testable import ContactAnalytics

@Suite struct TaxonomyTreeFormatterTests {
    @Test func smallTaxonomyLayout() throws {
        let taxonomy = try Taxonomy(causes: [
            RootCause(path: "delivery/late", process: "Logistics", avoidable: true, avoidableReason: "Promise broken."),
            RootCause(path: "praise", name: "Kiitos", process: "CX", avoidable: false),
            RootCause(path: "delivery/where-is-it", name: "Where is it", process: "Logistics", avoidable: true,
                      avoidableReason: "Tracking."),
        ], rules: [RootCauseRule(cause: "praise", .keywords(["kiitos"]))],
           groupNames: ["delivery": "Deliveries"], origin: "test")
        let expected = """
        Taxonomy: test — 3 causes in 2 groups, 2 avoidable, 1 rules

        delivery — Deliveries
        ├─ late         Late         Logistics  avoidable  Promise broken.
        └─ where-is-it  Where is it  Logistics  avoidable  Tracking.

        praise
        └─ praise       Kiitos       CX         value

        """
        #expect(TaxonomyTreeFormatter().format(taxonomy) == expected)
    }

    /// Golden file; re-record with `CONTACTSTAT_RECORD_GOLDEN=1 swift test --filter TaxonomyTreeFormatterTests`.
    @Test func builtInMatchesTheGoldenFile() throws {
        let url = ClassificationTestSupport.fixtures.appendingPathComponent("causes-built-in.golden.txt")
        let actual = TaxonomyTreeFormatter().format(.builtIn)
        if ProcessInfo.processInfo.environment["CONTACTSTAT_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.path); run again without CONTACTSTAT_RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected)
    }
}
