import Testing
@testable import ContactAnalytics

@Suite struct ThresholdCheckTests {
    /// A summary with FCR 0.682 (682/1000), avoidable rate 0.25, CSAT 0.8 (80/100), cost per contact 8.30.
    static func report(fcr: Ratio = Ratio(682, of: 1_000), csat: Ratio = Ratio(80, of: 100),
                       costPerContact: Double? = 8.30, contacts: Int = 1_000) -> ContactReport {
        var report = ReportFixture.empty
        report.summary = MetricSet(contacts: contacts, fcr: fcr, avoidable: 250,
                                   avoidableRate: Ratio(contacts == 0 ? 0 : 250, of: contacts),
                                   csat: CSATSummary(responses: csat.denominator, responseRate: Ratio(csat.denominator, of: contacts),
                                                     satisfied: csat.numerator, rate: csat, mean: nil,
                                                     confidenceLow: nil, confidenceHigh: nil),
                                   costPerContact: costPerContact)
        return report
    }

    @Test(arguments: [
        // (check, expected messages)
        (ThresholdCheck(minFCR: 0.70), ["FCR 68.2 % is below the minimum 70.0 %"]),
        (ThresholdCheck(minFCR: 0.60), []),
        (ThresholdCheck(minFCR: 0.682), []),   // exactly at the limit passes
        (ThresholdCheck(maxAvoidableRate: 0.2), ["Avoidable-contact rate 25.0 % is above the maximum 20.0 %"]),
        (ThresholdCheck(maxAvoidableRate: 0.3), []),
        (ThresholdCheck(maxAvoidableRate: 0.25), []),
        (ThresholdCheck(minCSAT: 0.85), ["CSAT 80.0 % is below the minimum 85.0 %"]),
        (ThresholdCheck(minCSAT: 0.75), []),
        (ThresholdCheck(minCSAT: 0.8), []),
        (ThresholdCheck(maxCostPerContact: 7.5), ["Cost per contact EUR 8.30 is above the maximum EUR 7.50"]),
        (ThresholdCheck(maxCostPerContact: 10), []),
        (ThresholdCheck(maxCostPerContact: 8.3), []),
        (ThresholdCheck(minFCR: 0.6825), ["FCR 68.20 % is below the minimum 68.25 %"]),   // one decimal would hide it
        (ThresholdCheck(minFCR: 0.7, maxAvoidableRate: 0.2, minCSAT: 0.9, maxCostPerContact: 5), [
            "FCR 68.2 % is below the minimum 70.0 %", "Avoidable-contact rate 25.0 % is above the maximum 20.0 %",
            "CSAT 80.0 % is below the minimum 90.0 %", "Cost per contact EUR 8.30 is above the maximum EUR 5.00",
        ]),
        (ThresholdCheck(maxCostPerContact: 8.295), ["Cost per contact EUR 8.300 is above the maximum EUR 8.295"]),
        (ThresholdCheck(), []),
    ])
    func evaluatesThresholds(check: ThresholdCheck, expected: [String]) {
        let result = check.evaluate(Self.report())
        #expect(result.breaches.map(\.message) == expected)
        #expect(result.passed == expected.isEmpty)
        #expect(result.notes.isEmpty)
    }

    @Test func breachCarriesValueAndLimit() throws {
        let breach = try #require(ThresholdCheck(minFCR: 0.7).evaluate(Self.report()).breaches.first)
        #expect(breach.metric == .fcr)
        #expect(breach.value == 0.682)
        #expect(breach.limit == 0.7)
    }

    @Test func aMissingValueIsANoteNotABreach() {
        let report = Self.report(fcr: Ratio(0, of: 0), csat: Ratio(0, of: 0))
        let result = ThresholdCheck(minFCR: 0.7, minCSAT: 0.8).evaluate(report)
        #expect(result.passed)
        #expect(result.notes == [
            "FCR has no value (no evaluable contacts); the minimum 70.0 % was not checked.",
            "CSAT has no value (no CSAT responses); the minimum 80.0 % was not checked.",
        ])
    }

    @Test func anEmptyReportBreachesNothing() {
        let result = ThresholdCheck(minFCR: 0.7, maxAvoidableRate: 0.2, minCSAT: 0.8, maxCostPerContact: 5)
            .evaluate(ReportFixture.empty)
        #expect(result.passed)
        #expect(result.notes.count == 4)
        #expect(result.notes.last == "Cost per contact has no value (no contacts); the maximum EUR 5.00 was not checked.")
    }

    @Test(arguments: [
        ("0.7", 0.7), ("70%", 0.7), ("70 %", 0.7), (" 0.05 ", 0.05), ("100%", 1.0), ("0", 0.0),
    ])
    func parsesRates(text: String, expected: Double) {
        #expect(ThresholdCheck.parseRate(text) == expected)
    }

    @Test(arguments: ["70", "1.5", "-0.1", "abc", "", "%", "120%", "0x1", "1e-1"])
    func refusesAmbiguousOrInvalidRates(text: String) {
        #expect(ThresholdCheck.parseRate(text) == nil)
    }
}
