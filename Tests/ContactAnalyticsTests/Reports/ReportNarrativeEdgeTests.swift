import Testing
@testable import ContactAnalytics

/// The narrative on edge data: every sentence must be true of the data it describes (issue 12, item 10).
@Suite struct ReportNarrativeEdgeTests {
    typealias F = ReportFixture

    /// 1,000 contacts, 700 classified; `avoidable` and the rows are set by each test.
    static func report(identified: Int = 1_000, fcr: (Int, Int) = (600, 800), csat: (Int, Int) = (0, 0),
                       classified: Int = 700, mapped: Set<String>? = nil) -> ContactReport {
        var report = F.empty
        report.summary = F.metrics(1_000, identified: identified, fcr: fcr, csat: csat, cost: 5_000,
                                   classified: classified, totalContacts: 1_000, totalCost: 5_000)
        report.input.mappedFields = mapped
        return report
    }

    static func unclassifiedCause(avoidable: Int, cost: Double) -> BreakdownRow {
        F.cause("unclassified", "", nil, avoidable: nil,
                F.metrics(300, repeats: avoidable, repeatOnly: avoidable, avoidableCost: cost, cost: 1_500, classified: 0))
    }

    static func process(_ key: String, avoidable: Int, cost: Double) -> BreakdownRow {
        BreakdownRow(key: key, metrics: F.metrics(400, byCause: avoidable, avoidableCost: cost, cost: 2_000))
    }

    // MARK: Sentence 1: the unclassified bucket is not a process

    /// The case: Unassigned holds 569 of 1,000 avoidable contacts, all unclassified repeats. Real
    /// processes: Logistics 300 + Billing 131 = 431; half of 431 is 215.5, reached by Logistics alone.
    /// 300 / 1,000 = 30.0 %; 569 / 1,000 = 56.9 %.
    @Test func unassignedIsNotRankedAsAProcess() {
        var report = Self.report()
        report.summary.avoidable = 1_000
        report.summary.avoidableCost = 6_000
        report.processes = [Self.process("Unassigned", avoidable: 569, cost: 3_000),
                            Self.process("Logistics", avoidable: 300, cost: 2_000),
                            Self.process("Billing", avoidable: 131, cost: 1_000)]
        report.causes = [Self.unclassifiedCause(avoidable: 569, cost: 3_000)]
        #expect(ReportNarrative(report: report).sentences[0]
            == "Logistics generates 30.0 % of avoidable contacts (300 of 1,000), costing EUR 2,000.00; "
                + "569 (56.9 %) are repeats among unclassified contacts, which have no process.")
    }

    /// A taxonomy process that happens to be called "Unassigned" keeps its own classified contacts:
    /// 200 in the row - 150 unclassified = 50, costing 900 - 600 = 300.
    @Test func aRealProcessNamedUnassignedKeepsItsClassifiedContacts() {
        var report = Self.report()
        report.summary.avoidable = 250
        report.processes = [Self.process("Unassigned", avoidable: 200, cost: 900),
                            Self.process("Billing", avoidable: 50, cost: 100)]
        report.causes = [Self.unclassifiedCause(avoidable: 150, cost: 600)]
        // Real: Unassigned 50 (cost 300), Billing 50 (cost 100): tie on count, Unassigned first by cost; 50 of
        // 100 is half. 50 / 250 = 20.0 %; 150 / 250 = 60.0 %.
        #expect(ReportNarrative(report: report).sentences[0]
            == "Unassigned generates 20.0 % of avoidable contacts (50 of 250), costing EUR 300.00; "
                + "150 (60.0 %) are repeats among unclassified contacts, which have no process.")
    }

    /// Every avoidable contact is an unclassified repeat: no process is named.
    @Test func allAvoidableContactsUnclassified() {
        var report = Self.report()
        report.summary.avoidable = 80
        report.summary.avoidableRate = Ratio(80, of: 1_000)
        report.summary.avoidableCost = 400
        report.processes = [Self.process("Unassigned", avoidable: 80, cost: 400), Self.process("Billing", avoidable: 0, cost: 0)]
        report.causes = [Self.unclassifiedCause(avoidable: 80, cost: 400)]
        #expect(ReportNarrative(report: report).sentences[0]
            == "All 80 avoidable contacts (8.0 % of 1,000) are repeats among unclassified contacts, costing "
                + "EUR 400.00; no process can be named for them until they are given a cause.")
    }

    /// Nothing classified and no repeat: the sentence says no cause was given, not "none was avoidable".
    @Test func nothingClassifiedAndNoRepeat() {
        var report = Self.report(classified: 0)
        report.summary.avoidable = 0
        let sentences = ReportNarrative(report: report).sentences
        #expect(sentences[0] == "No avoidable load can be named: none of the 1,000 contacts was given a cause, and none is a repeat.")
        #expect(sentences[1] == "No contact was given a cause, so no avoidable cause can be named.")
    }

    @Test func nothingClassifiedAndNoIdentityMapped() {
        var report = Self.report(identified: 0, fcr: (0, 0), classified: 0, mapped: ["opened_at", "subject"])
        report.summary.avoidable = 0
        #expect(ReportNarrative(report: report).sentences[0]
            == "No avoidable load can be named: none of the 1,000 contacts was given a cause, and repeats cannot be "
                + "found because no customer identity is mapped (name the column with --map customer=COLUMN, "
                + "or --map email=COLUMN or --map phone=COLUMN).")
    }

    // MARK: Sentence 2

    /// The only repeats are unclassified: "the most repeated cause is unclassified" would name no cause.
    @Test func onlyUnclassifiedRepeatsAreNotNamedAsACause() {
        var report = Self.report()
        report.summary.repeats = 12
        report.causes = [F.cause("billing/x", "X", "Billing", avoidable: false, F.metrics(700, cost: 3_500)),
                         Self.unclassifiedCause(avoidable: 12, cost: 60)]
        #expect(ReportNarrative(report: report).sentences[1]
            == "No cause of these contacts is flagged avoidable; the only repeats (12) are among unclassified contacts.")
    }

    @Test func noFlaggedCauseAndNoIdentity() {
        var report = Self.report(identified: 0, fcr: (0, 0), mapped: ["opened_at", "customer"])
        report.causes = [F.cause("billing/x", "X", "Billing", avoidable: false, F.metrics(700, identified: 0, cost: 3_500))]
        #expect(ReportNarrative(report: report).sentences[1]
            == "No cause of these contacts is flagged avoidable, and repeats cannot be found because no contact has a "
                + "customer identity (the customer, e-mail and phone columns are empty).")
    }

    // MARK: Sentence 3: why FCR and CSAT have no value

    @Test func fcrWithoutAMappedIdentitySaysHowToMapOne() {
        let report = Self.report(identified: 0, fcr: (0, 0), mapped: ["opened_at", "channel", "subject"])
        #expect(ReportNarrative(report: report).sentences[2]
            == "FCR has no value because no customer identity is mapped (name the column with --map customer=COLUMN, "
                + "or --map email=COLUMN or --map phone=COLUMN), CSAT has no value (the export has no satisfaction "
                + "column; name one with --map csat=COLUMN) and a contact costs EUR 5.00 on average.")
    }

    @Test func fcrWithAnEmptyIdentityColumn() {
        let report = Self.report(identified: 0, fcr: (0, 0), mapped: ["opened_at", "email", "csat"])
        #expect(ReportNarrative(report: report).sentences[2]
            == "FCR has no value because no contact has a customer identity (the customer, e-mail and phone columns "
                + "are empty), CSAT has no value (no responses) and a contact costs EUR 5.00 on average.")
    }

    /// Identified contacts, all newer than the data end minus the 7-day window.
    @Test func fcrWhenNoContactIsOldEnough() {
        let report = Self.report(identified: 900, fcr: (0, 0), csat: (30, 40), mapped: ["customer", "csat"])
        #expect(ReportNarrative(report: report).sentences[2].hasPrefix(
            "FCR has no value yet (no contact with a customer opened at least 7 days before the last contact read, "
                + "so none is old enough to evaluate), CSAT is 75.0 % (95 % CI "))
    }
}
