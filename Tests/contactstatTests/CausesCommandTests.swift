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
        #expect(lines.first == "Taxonomy: built-in — 112 causes in 18 groups, 52 avoidable, 197 rules")
        #expect(lines[1] == "Packs: general, retail, travel, telecom, banking, public-service, it-service, energy, insurance, "
                + "saas "
                + "(all; choose with the configuration's taxonomy.packs; a report's definitions list the packs that "
                + "matched)")
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
        #expect(lines.first == "Taxonomy: built-in + \(config) — 113 causes in 19 groups, 52 avoidable, 198 rules")
        let group = try #require(lines.firstIndex(of: "loyalty — Loyalty programme"))
        let cause = lines[group + 1]
        #expect(cause.hasPrefix("└─ points "))
        #expect(cause.contains(" Loyalty points "))
        #expect(cause.contains(" value "))
        #expect(cause.hasSuffix(" Members ask about their points balance."))
        // The built-in causes are still there.
        #expect(lines.contains("delivery — Order status and delivery"))
    }

    /// `packs` keeps the general causes and the named packs only, and `causes` says which are out.
    @Test func packsChosenInTheConfigurationAreShown() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = directory.path("packs.json")
        try #"{ "taxonomy": { "packs": ["telecom", "banking"] } }"#.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["causes", "--config", config])
        #expect(result.status == 0)
        let lines = Self.lines(result.stdout)
        #expect(lines[1] == "Packs: general, telecom, banking; not in force: retail, travel, public-service, it-service, "
                + "energy, insurance, saas")
        #expect(lines.contains("telecom — Telecom and internet service"))
        #expect(!lines.contains("delivery — Order status and delivery"))
        #expect(!lines.contains { $0.hasPrefix("public-service") })
        try #"{ "taxonomy": { "packs": ["telcom"] } }"#.write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try BinaryRunner.run(["causes", "--config", config])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("taxonomy.packs[0]: unknown pack 'telcom'; did you mean 'telecom'?"))
    }

    /// Every pack is in force, and the report's definitions say which packs' causes were given: a telecom
    /// export matches the telecom pack, and no travel cause appears where no travel word does.
    @Test func aReportNamesThePacksThatMatched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let export = directory.path("telecom.csv")
        try """
            id,opened,subject
            1,2024-05-01T10:00:00Z,Slow internet speed every evening
            2,2024-05-01T11:00:00Z,Data cap overage charges
            3,2024-05-02T09:00:00Z,Billed for services not ordered
            4,2024-05-02T10:00:00Z,Technician never showed up for the install appointment
            5,2024-05-03T10:00:00Z,Duplicate charge on my invoice
            6,2024-05-03T11:00:00Z,Hello
            """.write(toFile: export, atomically: true, encoding: .utf8)
        let arguments = ["--map", "contact_id=id", "--map", "opened_at=opened", export]
        let json = try BinaryRunner.run(["report", "-f", "json"] + arguments)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        let definitions = try #require(object["definitions"] as? [String: Any])
        let matched = try #require(definitions["taxonomy_packs_matched"] as? [String: Int])
        #expect(matched == ["telecom": 4, "general": 1])
        #expect(matched["travel"] == nil)
        let text = try BinaryRunner.run(["report"] + arguments)
        #expect(text.stdout.contains("Packs matched    general 1, telecom 4"), "\(text.stdout)")
        let csv = try BinaryRunner.run(["report", "-f", "csv"] + arguments)
        #expect(csv.stdout.contains("definitions,,,taxonomy_packs_matched,general:1 telecom:4"), "\(csv.stdout)")
    }

    @Test func aBrokenConfigurationIsReportedWithItsLocation() throws {
        let result = try BinaryRunner.run(["causes", "--config", "Fixtures/e2e/week.csv"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("contactstat: error: Fixtures/e2e/week.csv:1:10: unexpected word 'ticket_id'"),
                "\(result.stderr)")
    }
}
