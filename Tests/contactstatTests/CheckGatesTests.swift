import Foundation
import Testing

/// `check`'s gates per slice, change gates, GitHub annotations and JUnit XML, through the binary.
///
/// `week.csv` by hand (window 7 d, see `ReportCommandTests`): FCR by channel: phone 3/5 = 60.0 % (T04, T07,
/// T11 resolved; T01, T19 not; T14 has no customer, T20 is too late), e-mail 4/7 = 57.1 % (T05, T13, T18, T23;
/// not T02, T06, T17), chat 3/5 = 60.0 % (T03, T09, T16; not T08, T12), web 2/2 (T10, T15). Billing causes:
/// duplicate-charge T05, T06, T07 all avoidable (100 %), invoice-question T04 not (0 %).
///
/// `change-gates.csv`: e-mail contacts without customers, so avoidable means an avoidable cause: 2026-W10 4 of
/// 20, 2026-W11 12 of 20, and one avoidable contact on Monday 2026-03-16 (W12, partial: never compared). W10
/// -> W11: +40 pp, z = 2.58, p = 0.0098 (`CheckGateTests`).
@Suite struct CheckGatesTests {
    /// The week's slices are small (3 to 7 contacts): checked from one contact up.
    static let week = ["check", "--timezone", "UTC", "-q", "--min-slice-contacts", "1", "Fixtures/e2e/week.csv"]
    static let change = ["check", "-q", "Fixtures/e2e/change-gates.csv"]
    static let weekFigures = "figures: 23 contacts, FCR 63.2 %, avoidable rate 69.6 %, CSAT 46.7 %, cost per contact EUR 5.44"
    static let changeLine = "change: Avoidable-contact rate 2026-W10 -> 2026-W11: 20.0 % -> 60.0 % (+40.0 pp; 4/20 -> 12/20; "
        + "z = 2.58, p = 0.010)"
    static let changeFigures = "figures: 41 contacts, FCR –, avoidable rate 41.5 %, CSAT –, cost per contact EUR 7.20"

    @Test func everyMatchingSliceIsAGateOfItsOwn() throws {
        let result = try BinaryRunner.run(Self.week + ["--min-fcr", "channel=*:60%",
                                                       "--max-avoidable-rate", "cause=billing/*:40%"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            breach: channel email: FCR 57.1 % is below the minimum 60.0 %
            breach: cause billing/duplicate-charge: Avoidable-contact rate 100.0 % is above the maximum 40.0 %
            \(Self.weekFigures)
            check failed: 2 thresholds breached

            """)
    }

    @Test func slicedAndOverallThresholdsTogether() throws {
        // Overall FCR 63.2 % passes 60 %; e-mail alone at 55 % passes; the cost of chat (EUR 3.38) passes EUR 5.
        let result = try BinaryRunner.run(Self.week + ["--min-fcr", "60%", "--min-fcr", "channel=e*:55%",
                                                       "--max-cost-per-contact", "channel=chat:5"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(Self.weekFigures)\ncheck passed\n")
    }

    /// By default a slice needs 30 contacts: the week's billing causes (3 and 1 contacts) are listed, not checked,
    /// so the 100 % of three contacts does not fail the build; with `--min-slice-contacts 3` the larger one is checked.
    @Test func slicesUnderTheMinimumAreListedNotChecked() throws {
        let plain = ["check", "--timezone", "UTC", "-q", "Fixtures/e2e/week.csv", "--max-avoidable-rate", "cause=billing/*:40%"]
        let byDefault = try BinaryRunner.run(plain)
        #expect(byDefault.status == 0)
        #expect(byDefault.stdout == """
            note: cause billing/*: 2 causes under 30 contacts, the maximum Avoidable-contact rate not checked on them: \
            billing/duplicate-charge (3), billing/invoice-question (1).
            \(Self.weekFigures)
            check passed

            """)
        let three = try BinaryRunner.run(plain + ["--min-slice-contacts", "3"])
        #expect(three.status == 1)
        #expect(three.stdout == """
            breach: cause billing/duplicate-charge: Avoidable-contact rate 100.0 % is above the maximum 40.0 %
            note: cause billing/*: 1 cause under 3 contacts, the maximum Avoidable-contact rate not checked on it: \
            billing/invoice-question (1).
            \(Self.weekFigures)
            check failed: 1 threshold breached

            """)
        // In JUnit the small slice is a skipped test case.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try BinaryRunner.run(plain + ["--junit", directory.path("gates.xml")])
        let xml = String(decoding: directory.contents("gates.xml") ?? Data(), as: UTF8.self)
        #expect(xml.contains("cause billing/invoice-question: 1 contacts, under the minimum slice of 30; not checked."), "\(xml)")
        #expect(xml.contains("cause billing/duplicate-charge: 3 contacts, under the minimum slice of 30; not checked."))
    }

    @Test(arguments: ["0", "x", "2.5"])
    func badMinimumSliceIsAUsageError(value: String) throws {
        let result = try BinaryRunner.run(Self.week + ["--max-avoidable-rate", "cause=*:40%", "--min-slice-contacts", value])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--min-slice-contacts '\(value)' is not a whole number of contacts, 1 or more"), "\(result.stderr)")
    }

    @Test func aPatternMatchingNothingIsANote() throws {
        let result = try BinaryRunner.run(Self.week + ["--max-avoidable-rate", "queue=vip*:10%"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("note: queue vip*: no queue matches the pattern; the maximum Avoidable-contact rate "
                                        + "was not checked.\n"))
    }

    @Test func aSignificantChangePastTheLimitBreaches() throws {
        let result = try BinaryRunner.run(Self.change + ["--max-change", "avoidable-rate=+5pp"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            breach: Avoidable-contact rate 2026-W10 -> 2026-W11: 20.0 % -> 60.0 % (+40.0 pp; 4/20 -> 12/20; z = 2.58, \
            p = 0.010) moved past +5.0 pp, significant at 0.05
            \(Self.changeLine)
            \(Self.changeFigures)
            check failed: 1 threshold breached

            """)
    }

    /// p = 0.0098: significant at 0.05 and 0.01, not at 0.005. A change within the limit or in the other
    /// direction never fires.
    @Test(arguments: [
        (["--max-change", "avoidable-rate=+5pp", "--significance", "0.01"], Int32(1)),
        (["--max-change", "avoidable-rate=+5pp", "--significance", "0.005"], Int32(0)),
        (["--max-change", "avoidable-rate=+45pp"], Int32(0)),
        (["--max-change", "avoidable-rate=-5pp"], Int32(0)),
    ])
    func significanceAndDirection(options: [String], status: Int32) throws {
        let result = try BinaryRunner.run(Self.change + options)
        #expect(result.status == status, "\(result.stdout)")
        #expect(result.stdout.contains(Self.changeLine + "\n"))
    }

    /// From 2026-03-09 the range holds one full week (W11) and the partial W12: nothing is compared.
    @Test func partialPeriodsAreNeverCompared() throws {
        let result = try BinaryRunner.run(Self.change + ["--since", "2026-03-09", "--max-change", "avoidable-rate=+5pp"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            note: Avoidable-contact rate change was not checked: 1 full period in the range, two are needed (partial, \
            never compared: 2026-W12).
            figures: 21 contacts, FCR –, avoidable rate 61.9 %, CSAT –, cost per contact EUR 7.20
            check passed

            """)
    }

    @Test(arguments: [
        (["--max-avoidable-rate", "cause=billing/[:40%"],
         "the pattern 'billing/[' has a [ without its ] (patterns use * ? [abc] [a-z] [!abc])"),
        (["--max-avoidable-rate", "agent=*:40%"],
         "--max-avoidable-rate 'agent=*:40%': 'agent' is not a dimension (channel, cause, process, queue)"),
        (["--max-avoidable-rate", "cause=billing"],
         "--max-avoidable-rate 'cause=billing' is not LIMIT or DIMENSION=PATTERN:LIMIT (dimensions: channel, cause, process, queue)"),
        (["--max-avoidable-rate", "cause=billing/*:40"], "--max-avoidable-rate '40' is not a rate such as 0.7 or 70%"),
        (["--max-cost-per-contact", "channel=*:cheap"], "--max-cost-per-contact 'cheap' is not an amount"),
        (["--min-fcr", "70%", "--min-fcr", "60%"], "--min-fcr is given twice for the whole report"),
        (["--max-change", "avoidable-rate=5pp"],
         "--max-change 'avoidable-rate=5pp' is not MEASURE=+Npp or MEASURE=-Npp (measures: fcr, avoidable-rate, repeat-rate, csat)"),
        (["--max-change", "fcr=-5pp", "--significance", "1.5"],
         "--significance '1.5' is not a level between 0 and 1 such as 0.05"),
        (["--significance", "0.05"],
         "give at least one threshold: --min-fcr, --max-avoidable-rate, --min-csat, --max-cost-per-contact, --min-sla-met or --max-change"),
    ])
    func badGatesAreUsageErrors(options: [String], message: String) throws {
        let result = try BinaryRunner.run(Self.week + options)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "contactstat: error: \(message)\nsee 'contactstat check --help'\n")
    }

    static let sliced = ["--min-fcr", "channel=*:60%", "--max-avoidable-rate", "cause=billing/*:40%",
                         "--min-csat", "queue=vip*:50%"]

    /// Breaches as `::error`, unchecked gates as `::notice`, after the verdict; with the flag or in GitHub Actions.
    @Test(arguments: [(["--github-annotations"], [String: String]()), ([], ["GITHUB_ACTIONS": "true"])])
    func githubAnnotations(flag: [String], environment: [String: String]) throws {
        let result = try BinaryRunner.run(Self.week + Self.sliced + flag, environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("""
            check failed: 2 thresholds breached
            ::error title=contactstat check::channel email: FCR 57.1 %25 is below the minimum 60.0 %25
            ::error title=contactstat check::cause billing/duplicate-charge: Avoidable-contact rate 100.0 %25 is above the maximum 40.0 %25
            ::notice title=contactstat check::queue vip*: no queue matches the pattern; the minimum CSAT was not checked.

            """), "\(result.stdout)")
        let plain = try BinaryRunner.run(Self.week + Self.sliced, environment: ["GITHUB_ACTIONS": "false"])
        #expect(!plain.stdout.contains("::"))
    }

    /// Every gate a test case: the four channels, the two billing causes, the queue pattern that matched
    /// nothing (skipped), and a change gate on the week's full periods W06..W08 (W09 is partial).
    @Test func junitGolden() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try BinaryRunner.run(Self.week + Self.sliced + ["--max-change", "avoidable-rate=+5pp",
                                                                     "--junit", directory.path("gates.xml")])
        #expect(result.status == 1)
        GoldenFile.check(directory.contents("gates.xml") ?? Data(), against: "check/junit.xml")
    }
}
