import Testing
@testable import ContactAnalytics

/// The gaps' sentences (JSON and CSV keep one each) and the one line the human formats condense them into.
@Suite struct ServiceLevelGapsTests {
    /// An export with only opened_at and channel, no SLA targets: every service-level figure is missing.
    @Test func everyGapIsNamedOnceInOneLine() throws {
        let summary = MetricSet(contacts: 10)
        let gaps = ServiceLevelGaps.gaps(summary: summary, mappedFields: ["opened_at", "channel"],
                                         targets: ServiceTargets())
        #expect(gaps.count == 5)
        #expect(gaps.map(\.line) == ServiceLevelGaps.lines(summary: summary, mappedFields: ["opened_at", "channel"],
                                                           targets: ServiceTargets()))
        #expect(ServiceLevelGaps.condensed(gaps) == "first-reply times, first-reply SLA, resolution SLA, abandon "
            + "rate, service level, speed of answer, reopen rate; to measure them: map first_reply_at or "
            + "first_reply_time, set sla.resolution, map answered, map wait_time, map reopens")
    }

    @Test func noGapsNoLine() {
        #expect(ServiceLevelGaps.condensed([]) == nil)
        var definitions = ReportDefinitions(
            window: RepeatContactWindow.standard, csatScaleLow: 1, csatScaleHigh: 5, csatThreshold: 4,
            currency: "EUR", timezone: "UTC", period: "week", since: nil, until: nil, dataEnd: nil, costModel: [],
            coveredFrom: nil, coveredTo: nil)
        #expect(ReportContent.notMeasuredFacts(definitions).isEmpty)
        // Sentences without their parts (a report made elsewhere): still one line.
        definitions.serviceLevelGaps = ["a: no value", "b: no value"]
        #expect(ReportContent.notMeasuredFacts(definitions).map(\.value) == ["a: no value; b: no value"])
    }
}
