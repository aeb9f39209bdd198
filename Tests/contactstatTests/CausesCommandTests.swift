import Foundation
import Testing

/// `contactstat causes`: the taxonomy in force as a tree. (The full built-in tree is golden-tested in the
/// library's tests; these check the command and the configuration path.)
@Suite struct CausesCommandTests {
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func printsTheBuiltInTree() throws {
        let result = try BinaryRunner.run(["causes"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = Self.lines(result.stdout)
        #expect(lines.first == "Taxonomy: built-in — 50 causes in 12 groups, 23 avoidable, 64 rules")
        #expect(lines.contains("delivery — Order status and delivery"))
        #expect(lines.contains { $0.hasPrefix("├─ where-is-my-order ") && $0.contains(" Logistics ") && $0.contains(" avoidable ") })
        #expect(lines.contains { $0.hasPrefix("└─ change-delivery ") && $0.contains(" Logistics ") && $0.contains(" value ") })
        #expect(lines.contains { $0.hasPrefix("├─ duplicate-charge ") && $0.contains(" Billing ") })
        // Within a group, the last cause closes the branch.
        let deliveryGroup = try #require(lines.firstIndex(of: "delivery — Order status and delivery"))
        #expect(lines[deliveryGroup + 5].hasPrefix("└─ change-delivery "))
        #expect(lines[deliveryGroup + 6] == "")
        #expect(!lines.contains { $0.contains("loyalty") })
    }

    @Test func aConfigurationThatAddsACauseShowsIt() throws {
        let config = "Fixtures/e2e/loyalty-taxonomy.json"
        let result = try BinaryRunner.run(["causes", "--config", config])
        #expect(result.status == 0)
        let lines = Self.lines(result.stdout)
        #expect(lines.first == "Taxonomy: built-in + \(config) — 51 causes in 13 groups, 23 avoidable, 65 rules")
        let group = try #require(lines.firstIndex(of: "loyalty — Loyalty programme"))
        let cause = lines[group + 1]
        #expect(cause.hasPrefix("└─ points "))
        #expect(cause.contains(" Loyalty points "))
        #expect(cause.contains(" value "))
        #expect(cause.hasSuffix(" Members ask about their points balance."))
        // The built-in causes are still there.
        #expect(lines.contains("delivery — Order status and delivery"))
    }

    @Test func aBrokenConfigurationIsReportedWithItsLocation() throws {
        let result = try BinaryRunner.run(["causes", "--config", "Fixtures/e2e/week.csv"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("contactstat: error: Fixtures/e2e/week.csv:1:10: unexpected word 'ticket_id'"),
                "\(result.stderr)")
    }
}
