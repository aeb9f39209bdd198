import Foundation
@testable import ContactAnalytics

/// Hand-built reports for the renderer tests: a realistic four-week report (several channels, seven causes
/// with `unclassified`, three processes, changes, switches, emerging causes, hostile names and empty
/// denominators; opening hours with out-of-hours figures by channel, and arrivals spread over the week) and an
/// empty one (no opening hours). The figures are consistent with each other: causes and periods sum to
/// the summary, so a reader of the golden files can check them.
enum ReportFixture {
    static let totalContacts = 1_240
    static let totalCost = 10_295.50

    /// A `MetricSet` from counts, with shares, rates, cost per contact and a Wilson interval derived.
    static func metrics(_ contacts: Int, identified: Int? = nil, repeats: Int = 0, fcr: (Int, Int) = (0, 0),
                        byCause: Int = 0, repeatOnly: Int = 0, avoidableCost: Double = 0,
                        csat: (Int, Int) = (0, 0), mean: Double? = nil, cost: Double,
                        classified: Int? = nil, totalContacts: Int = totalContacts,
                        totalCost: Double = totalCost) -> MetricSet {
        let identified = identified ?? contacts
        let (satisfied, responses) = csat
        var low: Double?, high: Double?
        if responses > 0 {
            let n = Double(responses), p = Double(satisfied) / n, z = 1.96
            let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
            let margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / (1 + z * z / n)
            low = centre - margin
            high = centre + margin
        }
        return MetricSet(
            contacts: contacts, share: Ratio(contacts, of: totalContacts), identified: identified,
            repeats: repeats, repeatRate: Ratio(repeats, of: identified), fcr: Ratio(fcr.0, of: fcr.1),
            avoidable: byCause + repeatOnly, avoidableByCause: byCause, avoidableRepeatOnly: repeatOnly,
            avoidableRate: Ratio(byCause + repeatOnly, of: contacts), avoidableCost: avoidableCost,
            csat: CSATSummary(responses: responses, responseRate: Ratio(responses, of: contacts), satisfied: satisfied,
                              rate: Ratio(satisfied, of: responses), mean: responses > 0 ? mean : nil,
                              confidenceLow: low, confidenceHigh: high),
            costTotal: cost, costPerContact: contacts > 0 ? cost / Double(contacts) : nil,
            costShare: totalCost > 0 ? cost / totalCost : nil,
            handleTimeMean: contacts > 0 ? 412.3 : nil, handleTimeMedian: contacts > 0 ? 355 : nil,
            resolutionTimeMedian: contacts > 0 ? 14_400 : nil, resolutionTimeP90: contacts > 0 ? 190_800 : nil,
            coverage: Ratio(classified ?? contacts, of: contacts))
    }

    static let scriptCause = "product/<script>alert(1)</script>"
    static let pipeCause = "billing/invoice|vat"
    static let formulaQueue = "=HYPERLINK(\"x\")"

    static let definitions = ReportDefinitions(
        window: .standard, csatScaleLow: 1, csatScaleHigh: 5, csatThreshold: 4,
        currency: "EUR", timezone: "Europe/Helsinki", period: "week", since: "2026-02-02", until: nil,
        dataEnd: 1_772_394_000, // 2026-03-01T21:40:00+02:00
        costModel: [
            ChannelCostDefinition(channel: .phone, perContact: 1.0, perMinute: 0.9, defaultHandleMinutes: 6, source: "configuration"),
            ChannelCostDefinition(channel: .email, perContact: 0.5, perMinute: 0.6, defaultHandleMinutes: 8, source: "built-in"),
            ChannelCostDefinition(channel: .chat, perContact: 0.4, perMinute: 0.7, defaultHandleMinutes: 7.5, source: "built-in"),
            ChannelCostDefinition(channel: .social, perContact: 0.5, perMinute: 0.6, defaultHandleMinutes: 5, source: "built-in"),
        ], coveredFrom: "2026-02-02", coveredTo: "2026-03-01")

    /// The definitions with opening hours and Finnish holidays, as the full report has them.
    static let definitionsWithHours: ReportDefinitions = {
        var d = definitions
        d.openingHours = [OpeningHoursDefinition(key: "phone", hours: "Mo-Fr 08:00-18:00"),
                          OpeningHoursDefinition(key: "all", hours: "Mo-Fr 08:00-16:00; Sa 10:00-14:00")]
        d.holidays = "FI"
        d.extraClosedDays = ["2026-02-27"]
        return d
    }()

    /// Out-of-hours figures and the business clock of a channel row (and the summary: their sums).
    static func withHours(_ m: MetricSet, outside: Int, holiday: Int, repeatsAfter: Int, businessMedian: Double,
                          businessP90: Double? = nil) -> MetricSet {
        var m = m
        m.outsideHours = Ratio(outside, of: m.contacts)
        m.outsideHoursHoliday = holiday
        m.repeatsAfterOutsideHours = repeatsAfter
        m.businessResolutionTimeMedian = businessMedian
        m.businessResolutionTimeP90 = businessP90
        return m
    }

    /// Contacts of `total` spread over the week by `weight(weekday 1-7, hour)`, by largest remainder (so the
    /// cells sum to `total`).
    static func spread(_ total: Int, _ weight: (Int, Int) -> Double) -> [Int] {
        let weights = (0..<ArrivalGrid.cells).map { weight($0 / 24 + 1, $0 % 24) }
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(counts[a]), rb = exact[b] - Double(counts[b])
            return ra != rb ? ra > rb : a < b
        }
        for index in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }

    /// Phone and e-mail by office hours with a Monday-morning peak, chat into the evening, social all week.
    static let arrivals: ArrivalGrid = {
        func office(_ weekday: Int, _ hour: Int) -> Double {
            guard weekday <= 5 else { return hour >= 10 && hour < 16 ? 0.6 : 0.05 }
            let base: Double = hour >= 8 && hour < 17 ? 10 : hour >= 17 && hour < 21 ? 3 : hour >= 6 ? 1 : 0.2
            return base * (weekday == 1 && hour >= 8 && hour < 12 ? 2 : 1)
        }
        return ArrivalGrid(byChannel: [
            .phone: spread(520) { office($0, $1) },
            .email: spread(380) { weekday, hour in office(weekday, hour) * 0.6 + (hour >= 19 ? 2 : 0.4) },
            .chat: spread(260) { weekday, hour in hour >= 9 && hour < 23 ? (weekday <= 5 ? 3 : 2) + (hour >= 18 ? 3 : 0) : 0.2 },
            .social: spread(80) { _, hour in hour >= 8 ? 1 : 0.3 },
        ])
    }()

    static func cause(_ key: String, _ name: String, _ process: String?, avoidable: Bool?, _ m: MetricSet) -> BreakdownRow {
        BreakdownRow(key: key, name: name, process: process, avoidableCause: avoidable, metrics: m)
    }

    static func period(_ label: String, _ start: EpochSeconds, _ m: MetricSet, _ channels: [Channel: Int],
                       previous: (String, MetricSet)?) -> PeriodRow {
        var change: PeriodChange?
        if let (name, p) = previous {
            func diff(_ a: Double?, _ b: Double?) -> Double? { if let a, let b { a - b } else { nil } }
            change = PeriodChange(
                previousPeriod: name, contacts: m.contacts - p.contacts,
                contactsGrowth: p.contacts > 0 ? Double(m.contacts) / Double(p.contacts) - 1 : nil,
                fcr: diff(m.fcr.value, p.fcr.value), repeatRate: diff(m.repeatRate.value, p.repeatRate.value),
                avoidableRate: diff(m.avoidableRate.value, p.avoidableRate.value),
                csat: diff(m.csat.rate.value, p.csat.rate.value),
                costPerContact: diff(m.costPerContact, p.costPerContact), costTotal: m.costTotal - p.costTotal)
        }
        return PeriodRow(period: label, start: start, metrics: m, channels: channels, change: change)
    }

    /// The realistic report.
    static let report: ContactReport = {
        let summary = metrics(1_240, identified: 1_100, repeats: 180, fcr: (652, 900), byCause: 630, repeatOnly: 78,
                              avoidableCost: 6_446.70, csat: (236, 310), mean: 3.94, cost: 10_295.50, classified: 960)
        var withExportFCR = withHours(summary, outside: 294, holiday: 21, repeatsAfter: 43, businessMedian: 7_200,
                                      businessP90: 68_400)
        withExportFCR.exportFCR = Ratio(700, of: 950)
        withExportFCR.share = Ratio(1_240, of: 1_240)

        let causes = [
            cause("delivery/where-is-my-order", "Where is my order", "Logistics", avoidable: true,
                  metrics(310, identified: 280, repeats: 62, fcr: (160, 230), byCause: 310, avoidableCost: 2_945.50,
                          csat: (52, 80), mean: 3.6, cost: 2_945.50)),
            cause("billing/double-charge", "Double charge", "Billing", avoidable: true,
                  metrics(180, identified: 170, repeats: 30, fcr: (95, 130), byCause: 180, avoidableCost: 2_106,
                          csat: (30, 45), mean: 3.5, cost: 2_106)),
            cause("unclassified", "", nil, avoidable: nil,
                  metrics(280, identified: 220, repeats: 40, fcr: (150, 200), repeatOnly: 40, avoidableCost: 280,
                          csat: (50, 60), mean: 4.1, cost: 1_960, classified: 0)),
            cause("returns/refund-status", "Refund status", "Logistics", avoidable: false,
                  metrics(150, identified: 140, repeats: 24, fcr: (80, 110), repeatOnly: 24, avoidableCost: 220.80,
                          csat: (34, 40), mean: 4.2, cost: 1_380)),
            cause("account/password-reset", "Password reset", "Accounts", avoidable: true,
                  metrics(140, identified: 130, repeats: 10, fcr: (90, 110), byCause: 140, avoidableCost: 812,
                          csat: (38, 45), mean: 4.3, cost: 812)),
            cause(pipeCause, "Invoice copy | VAT", "Billing", avoidable: false,
                  metrics(120, identified: 110, repeats: 12, fcr: (77, 120), repeatOnly: 12, avoidableCost: 69,
                          csat: (32, 40), mean: 4.4, cost: 690)),
            cause(scriptCause, "<script>", "Accounts", avoidable: false,
                  metrics(60, identified: 50, repeats: 2, fcr: (0, 0), repeatOnly: 2, avoidableCost: 13.40,
                          cost: 402)),
        ]
        let processes = [
            BreakdownRow(key: "Logistics", metrics: metrics(460, identified: 420, repeats: 86, fcr: (240, 340), byCause: 310,
                                                            repeatOnly: 24, avoidableCost: 3_166.30, csat: (86, 120),
                                                            mean: 3.8, cost: 4_325.50)),
            BreakdownRow(key: "Billing", metrics: metrics(300, identified: 280, repeats: 42, fcr: (172, 250), byCause: 180,
                                                          repeatOnly: 12, avoidableCost: 2_175, csat: (62, 85),
                                                          mean: 3.9, cost: 2_796)),
            BreakdownRow(key: "Accounts", metrics: metrics(200, identified: 180, repeats: 12, fcr: (90, 110), byCause: 140,
                                                           repeatOnly: 2, avoidableCost: 825.40, csat: (38, 45),
                                                           mean: 4.3, cost: 1_214)),
        ]
        let causeGroups = [
            BreakdownRow(key: "delivery", metrics: causes[0].metrics),
            BreakdownRow(key: "billing", metrics: metrics(300, identified: 280, repeats: 42, fcr: (172, 250), byCause: 180,
                                                          repeatOnly: 12, avoidableCost: 2_175, csat: (62, 85), cost: 2_796)),
            BreakdownRow(key: "unclassified", metrics: causes[2].metrics),
            BreakdownRow(key: "returns", metrics: causes[3].metrics),
            BreakdownRow(key: "account", metrics: causes[4].metrics),
            BreakdownRow(key: "product", metrics: causes[6].metrics),
        ]
        let channels = [
            BreakdownRow(key: "phone", metrics: withHours(metrics(520, identified: 500, repeats: 80, fcr: (280, 380), byCause: 260,
                                                        repeatOnly: 35, avoidableCost: 3_300, csat: (120, 150), mean: 4.0,
                                                        cost: 5_460), outside: 78, holiday: 9, repeatsAfter: 14,
                                                        businessMedian: 5_400)),
            BreakdownRow(key: "email", metrics: withHours(metrics(380, identified: 360, repeats: 60, fcr: (200, 280), byCause: 200,
                                                        repeatOnly: 25, avoidableCost: 1_900, csat: (70, 100), mean: 3.8,
                                                        cost: 2_850), outside: 121, holiday: 6, repeatsAfter: 19,
                                                        businessMedian: 10_800)),
            BreakdownRow(key: "chat", metrics: withHours(metrics(260, identified: 200, repeats: 35, fcr: (150, 200), byCause: 130,
                                                       repeatOnly: 15, avoidableCost: 1_050, csat: (46, 60), mean: 4.0,
                                                       cost: 1_625.50), outside: 64, holiday: 4, repeatsAfter: 8,
                                                       businessMedian: 1_800)),
            BreakdownRow(key: "social", metrics: withHours(metrics(80, identified: 40, repeats: 5, fcr: (22, 40), byCause: 40,
                                                         repeatOnly: 3, avoidableCost: 196.70, cost: 360), outside: 31,
                                                         holiday: 2, repeatsAfter: 2, businessMedian: 14_400)),
        ]
        let queues = [
            BreakdownRow(key: "Tier 1", metrics: metrics(700, repeats: 100, fcr: (380, 520), byCause: 360, repeatOnly: 40,
                                                         avoidableCost: 3_600, csat: (130, 170), cost: 5_400)),
            BreakdownRow(key: "Billing desk", metrics: metrics(300, repeats: 42, fcr: (172, 250), byCause: 180, repeatOnly: 12,
                                                               avoidableCost: 2_175, csat: (62, 85), cost: 2_796)),
            BreakdownRow(key: "Escalations", metrics: metrics(200, repeats: 30, fcr: (90, 120), byCause: 80, repeatOnly: 20,
                                                              avoidableCost: 560, csat: (40, 50), cost: 1_800)),
            BreakdownRow(key: formulaQueue, metrics: metrics(40, repeats: 8, fcr: (10, 10), byCause: 10, repeatOnly: 6,
                                                             avoidableCost: 111.70, csat: (4, 5), cost: 299.50)),
        ]
        let agentNames = ["Aino Virtanen", "Ben Okafor", "Chen Wei", "Dana Levi", "Eero Mäkinen", "Fatima Zahra",
                          "Gustav Berg", "Hanna Koski", "Ivan Petrov", "Julia Santos", "Kalle Niemi", "Lea <b>Bold</b>"]
        let agents = agentNames.enumerated().map { index, name in
            BreakdownRow(key: name, metrics: metrics(150 - index * 10, repeats: 20 - index, fcr: (80 - index * 4, 110 - index * 5),
                                                     byCause: 60 - index * 3, repeatOnly: 5, avoidableCost: 500 - Double(index) * 25,
                                                     csat: (index % 4 == 3 ? (0, 0) : (25 - index, 30 - index)),
                                                     cost: 1_200 - Double(index) * 80))
        }
        let w06 = metrics(280, identified: 250, repeats: 40, fcr: (210, 280), byCause: 142, repeatOnly: 18, avoidableCost: 1_460,
                          csat: (55, 70), mean: 4.0, cost: 2_350)
        let w07 = metrics(300, identified: 265, repeats: 44, fcr: (225, 300), byCause: 150, repeatOnly: 20, avoidableCost: 1_540,
                          csat: (62, 80), mean: 4.0, cost: 2_480)
        let w08 = metrics(310, identified: 275, repeats: 45, fcr: (217, 320), byCause: 158, repeatOnly: 20, avoidableCost: 1_610.20,
                          csat: (56, 75), mean: 3.9, cost: 2_560.50)
        let w09 = metrics(350, identified: 310, repeats: 51, fcr: (0, 0), byCause: 180, repeatOnly: 20, avoidableCost: 1_836.50,
                          csat: (63, 85), mean: 3.9, cost: 2_905)
        let periods = [
            period("2026-W06", 1_769_983_200, w06, [.phone: 120, .email: 90, .chat: 50, .social: 20], previous: nil),
            period("2026-W07", 1_770_588_000, w07, [.phone: 125, .email: 95, .chat: 60, .social: 20], previous: ("2026-W06", w06)),
            period("2026-W08", 1_771_192_800, w08, [.phone: 130, .email: 95, .chat: 65, .social: 20], previous: ("2026-W07", w07)),
            period("2026-W09", 1_771_797_600, w09, [.phone: 145, .email: 100, .chat: 85, .social: 20], previous: ("2026-W08", w08)),
        ]
        return ContactReport(
            input: InputSummary(files: ["exports/zendesk-feb.csv", "exports/phone-feb.csv"], rowsRead: 1_262,
                                rowsRejected: 9, duplicatesDropped: 13, fieldWarnings: 4, contactsRead: 1_240),
            rangeFrom: 1_770_016_320, rangeTo: 1_772_394_000, definitions: definitionsWithHours, summary: withExportFCR,
            customersIdentified: 842, topCustomerShare: Ratio(62, of: 1_240), channels: channels, causes: causes,
            causeGroups: causeGroups, processes: processes, queues: queues, agents: agents, periods: periods,
            channelSwitches: [ChannelSwitch(from: .phone, to: .email, count: 14), ChannelSwitch(from: .chat, to: .phone, count: 9),
                              ChannelSwitch(from: .email, to: .phone, count: 6), ChannelSwitch(from: .social, to: .chat, count: 2)],
            emergingCauses: [
                EmergingCause(cause: scriptCause, name: "<script>", process: "Accounts", period: "2026-W09",
                              previousPeriod: "2026-W08", contacts: 60, previousContacts: 0),
                EmergingCause(cause: "delivery/where-is-my-order", name: "Where is my order", process: "Logistics",
                              period: "2026-W09", previousPeriod: "2026-W08", contacts: 95, previousContacts: 72),
                EmergingCause(cause: pipeCause, name: "Invoice copy | VAT", process: "Billing", period: "2026-W09",
                              previousPeriod: "2026-W08", contacts: 34, previousContacts: 28),
            ], arrivals: arrivals)
    }()

    /// A report over no contacts: every rate without a value, no rows.
    static let empty = ContactReport(
        input: InputSummary(files: ["empty.csv"], rowsRead: 0, rowsRejected: 0, duplicatesDropped: 0, fieldWarnings: 0,
                            contactsRead: 0),
        rangeFrom: nil, rangeTo: nil, definitions: definitions, summary: MetricSet(), customersIdentified: 0,
        topCustomerShare: nil, channels: [], causes: [], causeGroups: [], processes: [], queues: [], agents: [],
        periods: [], channelSwitches: [], emergingCauses: [])
}
