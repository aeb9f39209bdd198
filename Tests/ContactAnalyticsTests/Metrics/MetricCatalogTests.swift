import Testing
@testable import ContactAnalytics

/// The catalog itself: unique keys and headers, a definition for every metric, the sum-ability flags, and
/// each entry's value read from a hand-built `MetricSet`.
@Suite struct MetricCatalogTests {
    /// A set whose every figure differs, so a reader that takes the wrong field is caught.
    static let metrics: MetricSet = {
        var metrics = unaged
        metrics.backlog = 17
        metrics.backlogAgeMedianDays = 3.25
        metrics.backlogAgeP90Days = 12.5
        metrics.businessFirstReplyTimeMedian = 5_400
        metrics.businessFirstReplyTimeP90 = 43_200
        return metrics
    }()
    static let unaged = MetricSet(
        contacts: 200, share: Ratio(200, of: 800), identified: 150, repeats: 30, repeatRate: Ratio(30, of: 150),
        fcr: Ratio(90, of: 120), exportFCR: Ratio(7, of: 10), avoidable: 50, avoidableByCause: 35,
        avoidableRepeatOnly: 15, avoidableRate: Ratio(50, of: 200), avoidableCost: 123.25,
        csat: CSATSummary(responses: 40, responseRate: Ratio(40, of: 200), satisfied: 32, rate: Ratio(32, of: 40),
                          mean: 4.1, confidenceLow: 0.65, confidenceHigh: 0.89),
        costTotal: 900.5, costPerContact: 4.5025, costShare: 0.3, handleTimeMean: 412.5, handleTimeMedian: 355,
        resolutionTimeMedian: 14_400, resolutionTimeP90: 190_800, coverage: Ratio(180, of: 200),
        firstReplies: 170, firstReplyTimeMedian: 1_800, firstReplyTimeP90: 27_000,
        firstReplySLA: Ratio(153, of: 160), resolutionSLA: Ratio(99, of: 132), answered: 61, abandoned: 19,
        averageSpeedOfAnswer: 42.5, serviceLevel: Ratio(33, of: 66), reopenRate: Ratio(9, of: 90),
        outsideHours: Ratio(45, of: 160), outsideHoursHoliday: 6, repeatsAfterOutsideHours: 11,
        businessResolutionTimeMedian: 7_200, businessResolutionTimeP90: 61_200)

    static let expected: [String: MetricValue] = [
        "contacts": .count(200), "share": .real(0.25), "identified": .count(150), "repeats": .count(30),
        "repeat_rate": .real(0.2), "fcr": .real(0.75), "fcr_evaluable": .count(120), "export_fcr": .real(0.7),
        "avoidable": .count(50), "avoidable_by_cause": .count(35), "avoidable_repeat_only": .count(15),
        "avoidable_rate": .real(0.25), "avoidable_cost": .real(123.25), "csat_responses": .count(40),
        "csat": .real(0.8), "csat_mean": .real(4.1), "cost_total": .real(900.5), "cost_per_contact": .real(4.5025),
        "cost_share": .real(0.3), "handle_time_mean_seconds": .real(412.5),
        "resolution_time_median_seconds": .real(14_400), "coverage": .real(0.9),
        "fcr_resolved": .count(90), "csat_response_rate": .real(0.2), "csat_satisfied": .count(32),
        "csat_ci_low": .real(0.65), "csat_ci_high": .real(0.89), "handle_time_median_seconds": .real(355),
        "resolution_time_p90_seconds": .real(190_800), "unclassified": .count(20),
        "first_replies": .count(170), "first_reply_time_median_seconds": .real(1_800),
        "first_reply_time_p90_seconds": .real(27_000), "first_reply_sla_met": .real(153.0 / 160),
        "first_reply_sla_breaches": .count(7), "resolution_sla_met": .real(0.75), "resolution_sla_breaches": .count(33),
        "answered": .count(61), "abandoned": .count(19), "abandon_rate": .real(19.0 / 80),
        "average_speed_of_answer_seconds": .real(42.5), "service_level": .real(0.5), "reopened": .count(9),
        "reopen_rate": .real(0.1),
        "outside_hours": .real(45), "outside_hours_rate": .real(0.28125), "repeats_after_outside_hours": .real(11),
        "business_resolution_time_median_seconds": .real(7_200), "opening_hours_contacts": .count(160),
        "outside_hours_holiday": .real(6), "business_resolution_time_p90_seconds": .real(61_200),
        "backlog": .count(17), "backlog_age_median_days": .real(3.25), "backlog_age_p90_days": .real(12.5),
        "avoidable_agent_hours": .real(50.0 * 412.5 / 3_600),
        "business_first_reply_time_median_seconds": .real(5_400), "business_first_reply_time_p90_seconds": .real(43_200),
    ]

    @Test func everyEntryReadsItsOwnFigure() {
        #expect(Set(MetricCatalog.all.map(\.key)) == Set(Self.expected.keys))
        for metric in MetricCatalog.all {
            #expect(metric.value(of: Self.metrics) == Self.expected[metric.key], "\(metric.key)")
        }
    }

    @Test func missingValuesStayMissing() {
        let empty = MetricSet()
        #expect(MetricCatalog.fcr.value(of: empty) == .real(nil))
        #expect(MetricCatalog.exportFCR.value(of: empty) == .real(nil))
        #expect(MetricCatalog.costPerContact.value(of: empty) == .real(nil))
        #expect(MetricCatalog.csatMean.value(of: empty) == .real(nil))
        #expect(MetricCatalog.contacts.value(of: empty) == .count(0))
        let serviceLevels: [MetricDescriptor] = [
            MetricCatalog.firstReplyTimeMedian, MetricCatalog.firstReplyTimeP90, MetricCatalog.firstReplySLA,
            MetricCatalog.resolutionSLA, MetricCatalog.abandonRate, MetricCatalog.averageSpeedOfAnswer,
            MetricCatalog.serviceLevel, MetricCatalog.reopenRate,
        ]
        for metric in serviceLevels {
            #expect(metric.value(of: empty) == .real(nil), "\(metric.key)")
        }
        #expect(MetricCatalog.firstReplySLABreaches.value(of: empty) == .count(0))
        // Without opening hours the out-of-hours counts have no value, not 0.
        #expect(MetricCatalog.outsideHours.value(of: empty) == .real(nil))
        #expect(MetricCatalog.outsideHoursRate.value(of: empty) == .real(nil))
        #expect(MetricCatalog.repeatsAfterOutsideHours.value(of: empty) == .real(nil))
        #expect(MetricCatalog.outsideHoursHoliday.value(of: empty) == .real(nil))
        #expect(MetricCatalog.businessResolutionTimeMedian.value(of: empty) == .real(nil))
        // Without closed_at or status the backlog has no value, not 0.
        #expect(MetricCatalog.backlog.value(of: empty) == .real(nil))
        #expect(MetricCatalog.backlogAgeMedian.value(of: empty) == .real(nil))
        #expect(MetricCatalog.backlogAgeP90.value(of: empty) == .real(nil))
    }

    @Test func keysAndColumnHeadersAreUnique() {
        let keys = MetricCatalog.all.map(\.key), headers = MetricCatalog.all.map(\.columnHeader)
        let labels = MetricCatalog.all.map(\.label)
        #expect(Set(keys).count == keys.count)
        #expect(Set(headers).count == headers.count)
        #expect(Set(labels).count == labels.count)
        for key in keys {
            #expect(key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(key) is not snake_case")
            #expect(MetricCatalog.metric(key)?.key == key)
        }
        #expect(MetricCatalog.metric("no_such_metric") == nil)
    }

    @Test func everyMetricHasADefinition() {
        for metric in MetricCatalog.all {
            #expect(metric.definition.count > 10, "\(metric.key)")
            #expect(metric.definition.hasSuffix("."), "\(metric.key)")
            #expect(!metric.label.isEmpty && !metric.columnHeader.isEmpty, "\(metric.key)")
        }
    }

    /// Only amounts sum: counts and money totals. Rates, shares, means, medians and cost per contact do not.
    @Test func onlyAmountsSum() {
        let summing = Set(MetricCatalog.all.filter(\.sums).map(\.key))
        #expect(summing == ["contacts", "identified", "repeats", "fcr_evaluable", "avoidable", "avoidable_by_cause",
                            "avoidable_repeat_only", "avoidable_cost", "csat_responses", "cost_total",
                            "fcr_resolved", "csat_satisfied", "unclassified", "first_replies",
                            "first_reply_sla_breaches", "resolution_sla_breaches", "answered", "abandoned", "reopened", "outside_hours",
                            "repeats_after_outside_hours", "opening_hours_contacts", "outside_hours_holiday", "backlog"])
        for metric in MetricCatalog.all where metric.kind == .count { #expect(metric.sums, "\(metric.key)") }
        for metric in MetricCatalog.all where [.rate, .duration, .score].contains(metric.kind) {
            #expect(!metric.sums, "\(metric.key)")
        }
    }

    /// Summing a summable metric over slices gives the figure of their union, checked on two hand-built
    /// slices and their merged accumulator-free union.
    @Test func summableMetricsAddUp() {
        var a = MetricSet(contacts: 3, identified: 2, repeats: 1, fcr: Ratio(1, of: 2), avoidable: 1,
                          avoidableByCause: 1, avoidableCost: 2.5, costTotal: 10, outsideHours: Ratio(1, of: 3),
                          outsideHoursHoliday: 1, repeatsAfterOutsideHours: 1)
        var b = MetricSet(contacts: 5, identified: 5, repeats: 2, fcr: Ratio(3, of: 4), avoidable: 3,
                          avoidableByCause: 1, avoidableRepeatOnly: 2, avoidableCost: 4, costTotal: 20.25,
                          outsideHours: Ratio(2, of: 4), outsideHoursHoliday: 0, repeatsAfterOutsideHours: 1)
        var union = MetricSet(contacts: 8, identified: 7, repeats: 3, fcr: Ratio(4, of: 6), avoidable: 4,
                              avoidableByCause: 2, avoidableRepeatOnly: 2, avoidableCost: 6.5, costTotal: 30.25,
                              outsideHours: Ratio(3, of: 7), outsideHoursHoliday: 1, repeatsAfterOutsideHours: 2)
        (a.backlog, b.backlog, union.backlog) = (2, 3, 5)
        for metric in MetricCatalog.all where metric.sums {
            let sum = (metric.value(of: a).number ?? 0) + (metric.value(of: b).number ?? 0)
            #expect(sum == metric.value(of: union).number, "\(metric.key)")
        }
    }

    @Test func sliceMetricsComeFirstInCatalogOrder() {
        let slice = MetricCatalog.sliceMetrics.map(\.key)
        #expect(Array(MetricCatalog.all.prefix(slice.count).map(\.key)) == slice)
        #expect(MetricCatalog.all.dropFirst(slice.count).allSatisfy { $0.scope == .summaryOnly })
        #expect(slice.first == "contacts" && slice.count == 45)
    }

    @Test func eachKindIsWrittenByItsRules() {
        let format = ReportNumberFormat(currency: "EUR")
        #expect(format.metric(.count(1_234), kind: .count) == "1,234")
        #expect(format.metric(.real(0.7342), kind: .rate) == "73.4 %")
        #expect(format.metric(.real(31_540), kind: .money) == "31,540.00")
        #expect(format.metric(.real(390), kind: .duration) == "6 min 30 s")
        #expect(format.metric(.real(4.214), kind: .score) == "4.21")
        #expect(format.metric(.real(nil), kind: .rate) == ReportNumberFormat.missing)
        #expect(JSONValue.metric(.real(31_540), kind: .money).serialized() == "31540.00\n")
        #expect(JSONValue.metric(.real(0.73426), kind: .rate).serialized() == "0.7343\n")
        #expect(JSONValue.metric(.real(nil), kind: .money).serialized() == "null\n")
        #expect(JSONValue.metric(.count(7), kind: .count).serialized() == "7\n")
    }

    /// The definitions section of text, Markdown and HTML lists each metric's note from the catalog, after the
    /// parameters it depends on (the window, the data end).
    @Test func definitionsSectionTakesTheMetricNotesFromTheCatalog() {
        let facts = ReportContent(report: ReportFixture.report).definitions
        let noted = MetricCatalog.all.filter { $0.reportNote != nil }
        #expect(noted.map(\.key) == ["fcr", "avoidable", "resolution_time_median_seconds", "first_reply_time_median_seconds",
                                     "first_reply_sla_met", "service_level", "outside_hours",
                                     "repeats_after_outside_hours", "business_resolution_time_median_seconds", "backlog"])
        let labels = facts.map(\.label)
        for metric in noted {
            let fact = facts.first { $0.label == metric.columnHeader }
            #expect(fact?.value == metric.reportNote?.method && fact?.detail == metric.reportNote?.detail)
            if let index = labels.firstIndex(of: metric.columnHeader), let dataEnd = labels.firstIndex(of: "Data end") {
                #expect(index > dataEnd)
            }
        }
    }
}
