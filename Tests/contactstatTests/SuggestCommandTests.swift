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
}
