import Foundation
import Testing

/// The narrative through the binary on edge data: exports without a customer identity, a CSAT column or any
/// classifiable subject (issue 12, item 10).
@Suite struct NarrativeEdgeTests {
    static let base = ["report", "--timezone", "UTC", "--no-color", "-f", "json"]
    static let identityHint = "no customer identity is mapped (name the column with --map customer=COLUMN, "
        + "or --map email=COLUMN or --map phone=COLUMN)"

    static func narrative(_ file: String) throws -> [String] {
        let result = try BinaryRunner.run(Self.base + [file])
        #expect(result.status == 0)
        return try ReportJSON(result.stdoutBytes).value("narrative") as? [String] ?? []
    }

    /// `closed-before-opened.csv`: no customer, no CSAT column. Avoidable: A1, A2 (where-is-my-order,
    /// Logistics), A5 (login-problem, Digital services) = 3; Logistics 2 of 3 reaches half alone; 2 e-mails at
    /// EUR 7.20. Cost: 2 e-mails 14.40 + 2 calls 12.80 + 1 chat 6.50 = 33.70 / 5 = 6.74.
    @Test func withoutIdentityOrCSATColumnTheSentencesSaySoAndHowToMapThem() throws {
        #expect(try Self.narrative("Fixtures/e2e/closed-before-opened.csv") == [
            "Logistics generates 66.7 % of avoidable contacts (2 of 3), costing EUR 14.40.",
            "The largest single avoidable cause is delivery/where-is-my-order (Logistics): 2 contacts costing EUR 14.40.",
            "FCR has no value because \(Self.identityHint), CSAT has no value (the export has no satisfaction "
                + "column; name one with --map csat=COLUMN) and a contact costs EUR 6.74 on average.",
        ])
    }

    /// Two contacts whose subjects no rule matches, no channel (`other`, EUR 5.60 each), no identity.
    @Test func allUnclassifiedNamesNoCauseAndNoProcess() throws {
        #expect(try Self.narrative("Fixtures/e2e/unclassified-no-identity.csv") == [
            "No avoidable load can be named: none of the 2 contacts was given a cause, and repeats cannot be found "
                + "because \(Self.identityHint).",
            "No contact was given a cause, so no avoidable cause can be named.",
            "FCR has no value because \(Self.identityHint), CSAT has no value (the export has no satisfaction "
                + "column; name one with --map csat=COLUMN) and a contact costs EUR 5.60 on average.",
        ])
    }
}
