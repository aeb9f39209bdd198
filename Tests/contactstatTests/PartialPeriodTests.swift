import Foundation
import Testing

/// Periods the data covers only in part (`Fixtures/e2e/partial-months.csv`, `--period month`, UTC):
///
/// ```
/// P01 01-20  P02 01-28                                  2026-01: 2 contacts, covered from the 20th: partial
/// P03 02-01 00:00:00  P04 02-10  P05 02-20  P06 02-28 23:59:59   2026-02: 4, whole
/// P07 03-02  P08 03-15 (login)  P09 03-31 (login)        2026-03: 3, whole
/// P10 04-01  P11 04-05                                  2026-04: 2, covered to the 5th: partial
/// ```
/// Covered days 2026-01-20 to 2026-04-05. The only change is March against February: 3 / 4 - 1 = -25 %.
/// Emerging causes compare the last two whole months: account/login-problem 1 (P04) -> 2 (P08, P09). April
/// is not compared: its invoice-question (1, none in March) would otherwise be "new".
@Suite struct PartialPeriodTests {
    static let file = "Fixtures/e2e/partial-months.csv"
    static let base = ["report", "--timezone", "UTC", "--no-color", "--period", "month"]

    static func json(_ extra: [String] = []) throws -> ReportJSON {
        let result = try BinaryRunner.run(Self.base + ["-f", "json"] + extra + [Self.file])
        #expect(result.status == 0)
        return try ReportJSON(result.stdoutBytes)
    }

    @Test func firstAndLastMonthArePartialAndNotCompared() throws {
        let json = try Self.json()
        let periods = json.objects("periods")
        #expect(periods.map { $0["period"] as? String } == ["2026-01", "2026-02", "2026-03", "2026-04"])
        #expect(periods.map { $0["partial"] as? Bool } == [true, false, false, true])
        #expect(periods.map { ($0["contacts"] as? NSNumber)?.intValue } == [2, 4, 3, 2])
        #expect(periods.map { $0["change"] is NSNull } == [true, true, false, true])
        let march = try #require(periods[2]["change"] as? [String: Any])
        #expect(march["previous_period"] as? String == "2026-02")
        #expect((march["contacts_growth"] as? NSNumber)?.doubleValue == -0.25)
        #expect(json.string("definitions.covered_from") == "2026-01-20")
        #expect(json.string("definitions.covered_to") == "2026-04-05")
        let emerging = json.objects("emerging_causes")
        #expect(emerging.count == 1)
        #expect(emerging.first?["cause"] as? String == "account/login-problem")
        #expect(emerging.first?["period"] as? String == "2026-03")
        #expect(emerging.first?["previous_period"] as? String == "2026-02")
    }

    /// A reporting range of whole months makes every period whole; one starting on the 10th makes February
    /// partial (and so nothing is compared: March follows a partial month, April is partial).
    @Test func theReportingRangeBoundsTheCoveredDays() throws {
        let whole = try Self.json(["--since", "2026-02-01", "--until", "2026-03-31"])
        #expect(whole.objects("periods").map { $0["partial"] as? Bool } == [false, false])
        #expect(whole.string("definitions.covered_from") == "2026-02-01")
        #expect(whole.string("definitions.covered_to") == "2026-03-31")
        let late = try Self.json(["--since", "2026-02-10"])
        #expect(late.objects("periods").map { $0["partial"] as? Bool } == [true, false, true])
        #expect(late.objects("periods").allSatisfy { $0["change"] is NSNull })
        #expect(late.objects("emerging_causes").isEmpty)
    }

    static let note = "* Partial months 2026-01 and 2026-04 (the data covers 2026-01-20 to 2026-04-05): not a whole "
        + "month, so no change is computed against or from them."

    @Test func textMarksThemAndSaysWhy() throws {
        let result = try BinaryRunner.run(Self.base + [Self.file])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("2026-01 *") })
        #expect(lines.contains { $0.hasPrefix("2026-04 *") })
        #expect(!lines.contains { $0.hasPrefix("2026-02 *") })
        // The footnote wraps at 100 columns; joined, it is the note (once under each period table).
        let flattened = result.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(flattened.components(separatedBy: Self.note).count - 1 == 2)
        #expect(result.stdout.contains("Covered days"))
    }

    @Test(arguments: ["markdown", "html"])
    func markupFormatsCarryTheNote(format: String) throws {
        let result = try BinaryRunner.run(Self.base + ["-f", format, Self.file])
        #expect(result.status == 0)
        #expect(result.stdout.contains(format == "html" ? "<th scope=\"row\">2026-04 *</th>" : "| 2026-04 \\* |"))
        #expect(result.stdout.contains(format == "html" ? Self.note : "\\* Partial months"))
    }

    @Test func csvHasAPartialColumnAndTheCoveredDays() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "csv", Self.file])
        #expect(result.status == 0)
        for line in ["periods,period,2026-01,partial,true", "periods,period,2026-02,partial,false",
                     "periods,period,2026-04,partial,true", "definitions,,,covered_from,2026-01-20",
                     "definitions,,,covered_to,2026-04-05"] {
            #expect(result.stdout.contains(line + "\r\n"))
        }
        // No change from or against a partial month: only March has one.
        #expect(result.stdout.contains("periods,period,2026-02,change_contacts,\r\n"))
        #expect(result.stdout.contains("periods,period,2026-03,change_contacts,-1\r\n"))
        #expect(result.stdout.contains("periods,period,2026-04,change_contacts,\r\n"))
    }
}
