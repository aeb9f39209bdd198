import Foundation
import Testing

/// `contactstat suggest` on `Fixtures/e2e/unclassified.csv`: 9 contacts; "Where is my order?", "Parking
/// garage loyalty" and "Gift card balance" are classified by the built-in taxonomy; the other 6 are not:
/// U1 Loyalty points balance, U2 Loyalty points not shown, U3 Loyalty points expired yesterday,
/// U4 Loyalty card missing, U7 Loyalty loyalty loyalty points, U8 Parcel locker full.
/// Counts are contacts: "loyalty" 5 (U1 U2 U3 U4 U7, U7 once), "points" 4 (U1 U2 U3 U7),
/// "loyalty points" 4 (U1 U2 U3 U7: "loyalty points" follows "loyalty loyalty" there).
@Suite struct SuggestCommandTests {
    static let file = "Fixtures/e2e/unclassified.csv"

    @Test func mostFrequentTermComesFirstWithItsCount() throws {
        let result = try BinaryRunner.run(["suggest", Self.file])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "6 of 9 contacts unclassified (coverage 33.3 %)")
        #expect(lines[1] == "")
        #expect(lines[2].hasPrefix("count  term "))
        #expect(lines[3] == "    5  loyalty            Loyalty points balance")
        // Ties are sorted by text.
        #expect(lines[4] == "    4  loyalty points     Loyalty points balance")
        #expect(lines[5] == "    4  points             Loyalty points balance")
        #expect(!result.stdout.contains("where"))  // classified contacts are not counted
    }

    @Test func topLimitsTheList() throws {
        let result = try BinaryRunner.run(["suggest", "--top", "1", Self.file])
        #expect(result.status == 0)
        #expect(result.stdout == """
            6 of 9 contacts unclassified (coverage 33.3 %)

            count  term     example
                5  loyalty  Loyalty points balance

            To classify them, paste into the configuration's "taxonomy": { "causes": [ ... ] } (then rename the path and name, and set the process and avoidable flag):
            { "path": "suggested/loyalty", "name": "Loyalty", "process": "To be assigned", "avoidable": false, "reason": "Suggested by contactstat suggest: set the process and flag.", "rules": [ { "keywords": "loyalty" } ] },

            """)
        let bad = try BinaryRunner.run(["suggest", "--top", "0", Self.file])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("contactstat: error: --top expects a positive whole number\n"))
    }

    @Test func aCauseFromTheConfigurationRemovesItsTerms() throws {
        let result = try BinaryRunner.run(["suggest", "--config", "Fixtures/e2e/loyalty-taxonomy.json", Self.file])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("1 of 9 contacts unclassified (coverage 88.9 %)\n"))
        #expect(!result.stdout.contains("loyalty"))
        #expect(result.stdout.contains("    1  parcel locker  Parcel locker full\n"))
    }

    /// The snippets `suggest` prints, pasted into a configuration's `taxonomy.causes`.
    static func pastedConfiguration(top: Int, in directory: TemporaryDirectory) throws -> (String, [String]) {
        let result = try BinaryRunner.run(["suggest", "--top", String(top), Self.file])
        #expect(result.status == 0)
        let snippets = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("{ \"path\": ") }
        #expect(snippets.count == top)
        let path = directory.path("contactstat.json")
        try Data(("{ \"taxonomy\": { \"causes\": [\n" + snippets.joined(separator: "\n") + "\n] } }\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        return (path, snippets)
    }

    /// The causes `classify` gives each row, by ticket id.
    static func causes(_ arguments: [String]) throws -> [String: String] {
        let result = try BinaryRunner.run(["classify"] + arguments + [Self.file])
        #expect(result.status == 0, "\(result.stderr)")
        var causes: [String: String] = [:]
        for line in result.stdout.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            causes[fields[0]] = fields[5]
        }
        return causes
    }

    /// Round trip through the binary: the one suggested rule, pasted as printed, passes `check` and gives its
    /// cause to exactly the five unclassified contacts that say "loyalty" (U6 keeps its built-in cause).
    @Test func aPastedSuggestionClassifiesTheContactsWithItsTerm() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (config, _) = try Self.pastedConfiguration(top: 1, in: directory)
        let check = try BinaryRunner.run(["check", "--config", config, "--min-fcr", "0", Self.file])
        #expect(check.status == 0, "\(check.stderr)")
        let before = try Self.causes([])
        let after = try Self.causes(["--config", config])
        #expect(Set(after.filter { $0.value == "suggested/loyalty" }.keys) == ["U1", "U2", "U3", "U4", "U7"])
        for id in ["U5", "U6", "U8", "U9"] { #expect(after[id] == before[id]) }
        #expect(before["U8"] == "unclassified")
    }

    /// Eight snippets at once: accepted together; a phrase, more specific, wins over its words; every contact
    /// whose text holds a suggested term gets a suggested cause (U8's words are not among the eight).
    @Test func everyPastedSuggestionIsAcceptedAndClassifies() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (config, snippets) = try Self.pastedConfiguration(top: 8, in: directory)
        #expect(snippets[1].contains(#""path": "suggested/loyalty-points""#))
        #expect(snippets[1].contains(#""rules": [ { "phrase": "loyalty points" } ]"#))
        let check = try BinaryRunner.run(["check", "--config", config, "--min-fcr", "0", Self.file])
        #expect(check.status == 0, "\(check.stderr)")
        let after = try Self.causes(["--config", config])
        for id in ["U1", "U2", "U3", "U7"] { #expect(after[id] == "suggested/loyalty-points") }
        #expect(after["U4"]?.hasPrefix("suggested/") == true)
        #expect(after["U8"] == "unclassified")
        #expect(after["U5"] == "delivery/where-is-my-order")
    }
}
