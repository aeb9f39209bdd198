import Foundation
import Testing

/// `contactstat check` as a CI gate on `Fixtures/e2e/week.csv` (figures hand-computed in
/// `ReportCommandTests`: FCR 12/19 = 63.2 %, avoidable 16/23 = 69.6 %, CSAT 7/15 = 46.7 %, cost per contact
/// EUR 125.05/23 = 5.44).
@Suite struct CheckCommandTests {
    static let base = ["check", "--timezone", "UTC", "Fixtures/e2e/week.csv"]

    /// The measured figures every check prints, so a CI log shows them.
    static let figures = "figures: 23 contacts, FCR 63.2 %, avoidable rate 69.6 %, CSAT 46.7 %, cost per contact EUR 5.44"

    @Test(arguments: [
        (["--min-fcr", "0.7"], "breach: FCR 63.2 % is below the minimum 70.0 %"),
        (["--min-fcr", "70%"], "breach: FCR 63.2 % is below the minimum 70.0 %"),
        (["--max-avoidable-rate", "60%"], "breach: Avoidable-contact rate 69.6 % is above the maximum 60.0 %"),
        (["--min-csat", "0.5"], "breach: CSAT 46.7 % is below the minimum 50.0 %"),
        (["--max-cost-per-contact", "5"], "breach: Cost per contact EUR 5.44 is above the maximum EUR 5.00"),
    ])
    func eachBreachedThresholdIsNamedAndExits1(thresholds: [String], line: String) throws {
        let result = try BinaryRunner.run(Self.base + thresholds)
        #expect(result.status == 1)
        #expect(result.stdout == line + "\n\(Self.figures)\ncheck failed: 1 threshold breached\n")
    }

    @Test func allBreachesAreNamedTogether() throws {
        let result = try BinaryRunner.run(Self.base + ["--min-fcr", "0.7", "--max-avoidable-rate", "0.6",
                                                       "--min-csat", "50%", "--max-cost-per-contact", "5.00"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            breach: FCR 63.2 % is below the minimum 70.0 %
            breach: Avoidable-contact rate 69.6 % is above the maximum 60.0 %
            breach: CSAT 46.7 % is below the minimum 50.0 %
            breach: Cost per contact EUR 5.44 is above the maximum EUR 5.00
            \(Self.figures)
            check failed: 4 thresholds breached

            """)
    }

    @Test func passesWhenEveryThresholdHolds() throws {
        let result = try BinaryRunner.run(Self.base + ["--min-fcr", "0.6", "--max-avoidable-rate", "70%",
                                                       "--min-csat", "0.45", "--max-cost-per-contact", "5.5"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(Self.figures)\ncheck passed\n")
        #expect(result.stderr == "contactstat: 23 rows read, 23 contacts counted; coverage 91.3 % (21 of 23 classified)\n")
    }

    /// Up to 2026-02-03: T01 (CSAT 2), T11 (5), T05 (none) -> CSAT exactly 1/2. A value equal to the minimum
    /// passes; just above it breaches.
    @Test(arguments: [("0.5", Int32(0)), ("50%", 0), ("0.51", 1)])
    func aValueAtTheThresholdPasses(minimum: String, status: Int32) throws {
        let result = try BinaryRunner.run(Self.base + ["--until", "2026-02-03", "--min-csat", minimum])
        #expect(result.status == status)
    }

    /// A figure rounded to the threshold is shown with more decimals, so the breach is visible.
    @Test func aNearMissShowsEnoughDecimals() throws {
        let result = try BinaryRunner.run(Self.base + ["--min-fcr", "0.6316"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("breach: FCR 63.16 % is below the minimum 63.16 %\n"))
    }

    @Test(arguments: [
        (["--min-fcr", "1.5"], "--min-fcr '1.5' is not a rate such as 0.7 or 70%"),
        (["--min-fcr", "abc"], "--min-fcr 'abc' is not a rate such as 0.7 or 70%"),
        (["--min-fcr", "70"], "--min-fcr '70' is not a rate such as 0.7 or 70%"),
        (["--min-fcr", "0,7"], "--min-fcr '0,7' is not a rate such as 0.7 or 70%"),
        (["--min-csat", "101%"], "--min-csat '101%' is not a rate such as 0.7 or 70%"),
        (["--max-avoidable-rate", "0.5x"], "--max-avoidable-rate '0.5x' is not a rate such as 0.7 or 70%"),
        (["--max-cost-per-contact", "abc"], "--max-cost-per-contact 'abc' is not an amount"),
    ])
    func malformedThresholdIsAUsageError(thresholds: [String], message: String) throws {
        let result = try BinaryRunner.run(Self.base + thresholds)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "contactstat: error: \(message)\nsee 'contactstat check --help'\n")
    }

    @Test func strictFailsTheGateOnRejectedRowsEvenWhenThresholdsHold() throws {
        let lenient = try BinaryRunner.run(["check", "--min-fcr", "0", "Fixtures/e2e/rejects.csv"])
        #expect(lenient.status == 0)
        let strict = try BinaryRunner.run(["check", "--strict", "--min-fcr", "0", "Fixtures/e2e/rejects.csv"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("contactstat: error: 2 records rejected (--strict)\n"))
    }
}
