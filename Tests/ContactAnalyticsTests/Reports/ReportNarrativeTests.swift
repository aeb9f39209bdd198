import Testing
@testable import ContactAnalytics

@Suite struct ReportNarrativeTests {
    @Test func fixtureSentencesAreComputedFromTheFigures() {
        let sentences = ReportNarrative(report: ReportFixture.report).sentences
        #expect(sentences == [
            // Processes: Logistics 334, Billing 192, Accounts 142 = 668 (the 40 unclassified repeats have no
            // process); Logistics alone reaches half of 668. 334 / 708 = 47.2 %; 40 / 708 = 5.6 %.
            "Logistics generates 47.2 % of avoidable contacts (334 of 708), costing EUR 3,166.30; 40 (5.6 %) are "
                + "repeats among unclassified contacts, which have no process.",
            // 62 repeats of 280 identified contacts.
            "The largest single avoidable cause is delivery/where-is-my-order (Logistics): 310 contacts costing "
                + "EUR 2,945.50, with a repeat rate of 22.1 %.",
            "FCR is 72.4 % (652 of 900 evaluable contacts), CSAT is 76.1 % (95 % CI 71.1 %–80.5 %, 310 responses) "
                + "and a contact costs EUR 8.30 on average.",
        ])
    }

    @Test func emptyReportSaysThereWereNoContacts() {
        #expect(ReportNarrative(report: ReportFixture.empty).sentences == [
            "No contacts were counted in the reporting range, so no process generates avoidable load.",
            "There is no avoidable cause to name.",
            "Without contacts there is no FCR, CSAT or cost per contact.",
        ])
    }

    @Test func oneDominantProcessIsNamedAlone() {
        var report = ReportFixture.report
        report.processes[0].metrics.avoidable = 600
        report.processes[0].metrics.avoidableCost = 4_000
        #expect(ReportNarrative(report: report).sentences[0]
            == "Logistics generates 84.7 % of avoidable contacts (600 of 708), costing EUR 4,000.00; 40 (5.6 %) are "
                + "repeats among unclassified contacts, which have no process.")
    }

    @Test func atMostThreeProcessesAreNamed() {
        var report = ReportFixture.report
        report.summary.avoidable = 800
        report.causes = []
        report.processes = ["H", "G", "F", "E", "D", "C", "B", "A"].map { key in
            BreakdownRow(key: key, metrics: MetricSet(contacts: 200, avoidable: 100, avoidableCost: 10))
        }
        // Ties on avoidable count and cost are broken by name; half of 800 would take four processes.
        #expect(ReportNarrative(report: report).sentences[0]
            == "A, B and C generate 37.5 % of avoidable contacts (300 of 800), costing EUR 30.00.")
    }

    @Test func withoutFlaggedCausesTheMostRepeatedCauseIsNamed() {
        var report = ReportFixture.report
        for index in report.causes.indices where report.causes[index].avoidableCause == true {
            report.causes[index].avoidableCause = false
        }
        #expect(ReportNarrative(report: report).sentences[1]
            == "No cause of these contacts is flagged avoidable; the most repeated cause is delivery/where-is-my-order with 62 repeats "
                + "among 310 contacts.")
        for index in report.causes.indices { report.causes[index].metrics.repeats = 0 }
        report.summary.repeats = 0
        #expect(ReportNarrative(report: report).sentences[1] == "No cause of these contacts is flagged avoidable and no contact is a repeat.")
    }

    @Test func missingRatesAreSaidInWords() {
        var report = ReportFixture.report
        report.summary.fcr = Ratio(0, of: 0)
        report.summary.csat = CSATSummary(responses: 0, responseRate: Ratio(0, of: 1_240), satisfied: 0,
                                          rate: Ratio(0, of: 0), mean: nil, confidenceLow: nil, confidenceHigh: nil)
        report.causes[0].metrics.repeatRate = Ratio(0, of: 0)
        let sentences = ReportNarrative(report: report).sentences
        #expect(sentences[2] == "FCR has no value yet (no contact with a customer opened at least 7 days before the "
            + "last contact read, so none is old enough to evaluate), CSAT has no value "
            + "(no responses) and a contact costs EUR 8.30 on average.")
        #expect(sentences[1] == "The largest single avoidable cause is delivery/where-is-my-order (Logistics): "
            + "310 contacts costing EUR 2,945.50.")
        for sentence in sentences { #expect(!sentence.lowercased().contains("nan")) }
    }

    @Test func noAvoidableContacts() {
        var report = ReportFixture.report
        report.summary.avoidable = 0
        #expect(ReportNarrative(report: report).sentences[0]
            == "None of the 1,240 contacts was avoidable: no contact has a cause flagged avoidable and none is a repeat.")
    }

    @Test func avoidableLoadWithoutProcessBreakdown() {
        var report = ReportFixture.report
        report.processes = []
        #expect(ReportNarrative(report: report).sentences[0]
            == "708 of 1,240 contacts (57.1 %) were avoidable, costing EUR 6,446.70; no process breakdown is available.")
    }
}
