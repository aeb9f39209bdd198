/// What the human formats (text, Markdown, HTML) show, as formatted plain-text cells, built once so the
/// three formats carry the same content in the same order. Renderers only lay it out and escape it.
///
/// Sections: narrative; data read; headline figures; load drivers (processes, causes); channels and
/// channel switches; trend per period (with the change against the previous period) and channel mix per
/// period; emerging causes; queues and agents; definitions and the cost model.
struct ReportContent: Sendable {
    /// A labelled figure: `FCR  71.4 %  5,000 of 7,000 evaluable contacts`.
    struct Fact: Sendable {
        var label: String
        var value: String
        var detail: String
    }

    /// A table column: its header, and whether it holds numbers (right-aligned) or names (left-aligned; the
    /// text format may shorten them to fit).
    struct Column: Sendable {
        var header: String
        var numeric: Bool
    }

    /// A table with every row; `rest(after:)` sums the rows beyond a limit for the text format.
    struct Table: Sendable {
        /// A stable identifier (`causes`), usable as an HTML id.
        var id: String
        var title: String
        /// What the rows are, plural (`causes`), for "… 6 more causes".
        var noun: String
        var columns: [Column]
        var rows: [[String]]
        /// For each column, how to sum hidden rows: the summed figure per row, or `nil` for a column that
        /// is not summed (rates).
        var sums: [[Double]?]
        /// Money columns format their sums as money, other summed columns as counts.
        var moneyColumns: Set<Int>
        /// Said when there are no rows.
        var emptyNote: String
        /// A trend: when rows must be left out, the latest are shown and the earliest summed.
        var showsLatest = false
        /// A footnote printed under the rows (the partial-period mark), empty for none.
        var note = ""
        /// Every row is shown in every format (a fixed grid such as the arrivals), never "… N more".
        var showsAll = false
        /// Figures printed before the rows (the busiest hours before the arrivals), empty for none.
        var lead: [Fact] = []

        /// The rows shown when at most `limit` fit: the first ones, or the latest ones for a trend.
        func shown(_ limit: Int) -> ArraySlice<[String]> {
            showsLatest ? rows.suffix(limit) : rows.prefix(limit)
        }

        /// The row that stands for rows `limit...`: "… N more <noun>" and the sums of summable columns
        /// (other cells empty); `nil` when there are no such rows.
        func rest(after limit: Int, format: ReportNumberFormat) -> [String]? {
            guard rows.count > limit else { return nil }
            let hidden = showsLatest ? 0..<(rows.count - limit) : limit..<rows.count
            var cells: [String] = []
            for (index, sum) in sums.enumerated() {
                if index == 0 {
                    cells.append(showsLatest ? "… \(rows.count - limit) earlier" : "… \(rows.count - limit) more \(noun)")
                } else if let values = sum {
                    let total = values[hidden].reduce(0, +)
                    cells.append(moneyColumns.contains(index) ? format.money(total) : format.count(Int(total.rounded())))
                } else {
                    cells.append("")
                }
            }
            return cells
        }
    }

    var title: String
    var subtitle: String
    var narrative: [String]
    var data: [Fact]
    var headline: [Fact]
    var processes: Table
    var causes: Table
    var channels: Table
    var channelSwitches: Table
    /// Contacts by local hour (rows) and weekday (columns), led by the busiest hours and the evening and
    /// weekend shares.
    var arrivals: Table
    /// Out-of-hours contacts and both resolution clocks by channel, led by their totals.
    var openingHours: Table
    var trend: Table
    var channelMix: Table
    var emergingCauses: Table
    /// The backlog at the end of each period, and by queue at the end of the last one.
    var backlog: Table
    var backlogQueues: Table
    /// Agents needed by hour and weekday for the staffed channels, led by the targets and avoidable agent hours.
    var staffing: Table
    var queues: Table
    var agents: Table
    /// First reply and SLAs by channel and by priority; phone queues by channel.
    var replies: Table
    var phoneQueues: Table
    var priorityReplies: Table
    var definitions: [Fact]
    var costModel: Table
    /// Tables added after the agents in every human format, each its own section: the savings ledger, FCR by
    /// definition, languages (HTML lays them out in a loop, so a new one needs no renderer edit).
    var insights: [Table] = []
    /// The currency all money columns are in.
    var currency: String

    init(report: ContactReport) {
        let format = ReportNumberFormat(currency: report.definitions.currency)
        let time = ReportTimestampFormat(timeZoneIdentifier: report.definitions.timezone)
        let summary = report.summary
        currency = report.definitions.currency
        title = "Contact report"
        if let from = report.rangeFrom, let to = report.rangeTo {
            subtitle = "\(time.display(from)) to \(time.display(to)) (\(report.definitions.timezone))"
        } else {
            subtitle = "No contacts in the reporting range"
        }
        narrative = ReportNarrative(report: report).sentences

        let input = report.input
        let listing = FileListing(names: input.files, bytes: input.bytes)
        let filesFact = listing.isSummarised
            ? Fact(label: "Files", value: listing.countAndSize, detail: listing.shortList)
            : Fact(label: "Files", value: input.files.isEmpty ? ReportNumberFormat.missing : listing.shortList, detail: "")
        let unclassified = summary.coverage.denominator - summary.coverage.numerator
        var dataFacts = [
            filesFact,
            Fact(label: "Rows read", value: format.count(input.rowsRead),
                 detail: "\(format.count(input.rowsRejected)) rejected, "
                    + "\(format.count(input.duplicatesDropped)) duplicates dropped, "
                    + (input.rowsExcluded > input.rowsInternal
                       ? "\(format.count(input.rowsExcluded - input.rowsInternal)) outbound excluded, " : "")
                    + (input.rowsInternal > 0
                       ? "\(format.count(input.rowsInternal)) internal excluded (opened by staff or systems), " : "")
                    + "\(format.count(input.fieldWarnings)) field warnings"),
            Fact(label: "Closed before opened", value: format.count(input.closedBeforeOpened),
                 detail: "contacts kept, left out of resolution times (among the field warnings)"),
            Fact(label: "Contacts", value: format.count(summary.contacts),
                 detail: "counted in range, of \(format.count(input.contactsRead)) read"),
            Fact(label: "Coverage", value: format.percent(summary.coverage),
                 detail: "classified; \(format.count(unclassified)) unclassified"),
        ]
        if let from = report.rangeFrom, let to = report.rangeTo {
            dataFacts.append(Fact(label: "Range", value: "\(time.display(from)) – \(time.display(to))",
                                  detail: "first and last contact counted"))
        } else {
            dataFacts.append(Fact(label: "Range", value: ReportNumberFormat.missing, detail: "no contacts"))
        }
        if input.replyBeforeOpened > 0 {
            dataFacts.append(Fact(label: "Replied before opened", value: format.count(input.replyBeforeOpened),
                                  detail: "contacts kept, left out of first-reply times (among the field warnings)"))
        }
        if input.unknownPriorities > 0 {
            dataFacts.append(Fact(label: "Unknown priorities", value: format.count(input.unknownPriorities),
                                  detail: "contacts whose priority is not urgent, high, normal or low: kept as "
                                    + "written, no priority target applies"))
        }
        if input.closedWithoutTime > 0 || (input.stateUnknown > 0 && summary.backlog != nil) {
            dataFacts.append(Fact(label: "Backlog state", value: format.count(input.closedWithoutTime),
                                  detail: "contacts resolved or closed with no closed_at: closed, time unknown, in no "
                                    + "backlog; \(format.count(input.stateUnknown)) with neither closed_at nor "
                                    + "status: state unknown, in no backlog"))
        }
        for note in input.dateOrderNotes {
            dataFacts.append(Fact(label: "Dates", value: note, detail: ""))
        }
        data = dataFacts

        headline = ReportContent.headlineFacts(report, format)
        processes = ReportContent.breakdownTable(
            id: "processes", title: "Load drivers: processes by cost (\(report.definitions.currency))", noun: "processes", nameHeader: "Process",
            rows: report.processes, withProcess: false, format: format,
            emptyNote: "No processes.")
        causes = ReportContent.breakdownTable(
            id: "causes", title: "Load drivers: causes by cost (\(report.definitions.currency))", noun: "causes", nameHeader: "Cause",
            rows: report.causes, withProcess: true, format: format, emptyNote: "No causes.")
        channels = ReportContent.dimensionTable(
            id: "channels", title: "Channel mix (cost in \(report.definitions.currency))", noun: "channels", nameHeader: "Channel",
            rows: report.channels, format: format, emptyNote: "No channels.")
        queues = ReportContent.dimensionTable(
            id: "queues", title: "Queues (cost in \(report.definitions.currency))", noun: "queues", nameHeader: "Queue",
            rows: report.queues, format: format, emptyNote: "No queue in the export.")
        agents = ReportContent.dimensionTable(
            id: "agents", title: "Agents (cost in \(report.definitions.currency))", noun: "agents", nameHeader: "Agent",
            rows: report.agents, format: format, emptyNote: "No agent in the export.")
        let replyRows = report.channels.filter { $0.metrics.firstReplies > 0 || $0.metrics.resolutionSLA.denominator > 0 }
        replies = ReportContent.metricTable(
            id: "first-reply", title: "First reply and SLAs by channel", noun: "channels",
            keys: [(Column(header: "Channel", numeric: false), { $0.key })], metrics: ReportContent.replyMetrics, rows: replyRows,
            format: format,
            emptyNote: "No first-reply times or SLA targets" + (report.definitions.serviceLevelGaps.isEmpty ? "."
                : " (the definitions say what is not measured, and why)."))
        priorityReplies = ReportContent.metricTable(
            id: "first-reply-priority", title: "First reply and SLAs by priority", noun: "priorities",
            keys: [(Column(header: "Priority", numeric: false), { $0.key })], metrics: ReportContent.replyMetrics,
            rows: report.priorities, format: format, emptyNote: "No priority in the export.")
        let phoneRows = report.channels.filter { $0.metrics.answered + $0.metrics.abandoned > 0 }
        phoneQueues = ReportContent.metricTable(
            id: "phone-queues", title: "Phone queues by channel", noun: "channels",
            keys: [(Column(header: "Channel", numeric: false), { $0.key })], metrics: ReportContent.phoneMetrics, rows: phoneRows,
            format: format, emptyNote: "No answered or abandoned calls" + (report.definitions.serviceLevelGaps.isEmpty ? "."
                : " (the definitions say what is not measured, and why)."))
        channelSwitches = Table(
            id: "channel-switches", title: "Channel switches (repeats in another channel)", noun: "switches",
            columns: [Column(header: "From", numeric: false), Column(header: "To", numeric: false),
                      Column(header: "Repeats", numeric: true)],
            rows: report.channelSwitches.map { [$0.from.rawValue, $0.to.rawValue, format.count($0.count)] },
            sums: [nil, nil, report.channelSwitches.map { Double($0.count) }], moneyColumns: [],
            emptyNote: "No repeat changed channel.")
        arrivals = ReportContent.arrivalsTable(report, format)
        openingHours = ReportContent.openingHoursTable(report, format)
        trend = ReportContent.trendTable(report, format)
        channelMix = ReportContent.channelMixTable(report, format)
        emergingCauses = ReportContent.emergingTable(report, format)
        (backlog, backlogQueues) = ReportContent.backlogTables(report, format)
        staffing = ReportContent.staffingTable(report, format)
        definitions = ReportContent.definitionFacts(report, time)
        insights = [ReportContent.fcrDefinitionsTable(report, format),
                    ReportContent.metricTable(
                        id: "languages", title: "Languages (cost in \(report.definitions.currency))", noun: "languages",
                        keys: [(Column(header: "Language", numeric: false), { $0.key })],
                        metrics: ReportContent.languageMetrics, rows: report.languages, format: format,
                        emptyNote: "No contacts."),
                    ReportContent.savingsOwnersTable(report.savings, format),
                    ReportContent.savingsFixesTable(report.savings, format)]
            + ReportContent.perUnitTables(report, format)
        costModel = Table(
            id: "cost-model", title: "Cost model (\(report.definitions.currency))", noun: "channels",
            columns: [Column(header: "Channel", numeric: false), Column(header: "Per contact", numeric: true),
                      Column(header: "Per minute", numeric: true), Column(header: "Default handle", numeric: true),
                      Column(header: "Source", numeric: false)],
            rows: report.definitions.costModel.map {
                [$0.channel.rawValue, format.money($0.perContact), format.money($0.perMinute),
                 format.decimal($0.defaultHandleMinutes, places: 1) + " min", $0.source]
            },
            sums: [nil, nil, nil, nil, nil], moneyColumns: [], emptyNote: "No cost model.")
    }

    /// Every table in reading order.
    var tables: [Table] {
        [processes, causes, channels, channelSwitches, arrivals, openingHours, replies, priorityReplies, phoneQueues,
         trend, channelMix, backlog, backlogQueues, staffing, emergingCauses, queues, agents] + insights + [costModel]
    }

    static func headlineFacts(_ report: ContactReport, _ format: ReportNumberFormat) -> [Fact] {
        let s = report.summary
        var facts = [
            Fact(label: "Contacts", value: format.count(s.contacts),
                 detail: "\(format.count(report.customersIdentified)) customers identified"),
            Fact(label: "FCR", value: format.percent(s.fcr),
                 detail: "\(format.count(s.fcr.numerator)) resolved on first contact of "
                    + "\(format.count(s.fcr.denominator)) evaluable"),
        ]
        if let exportFCR = s.exportFCR {
            facts.append(Fact(label: "FCR (export flag)", value: format.percent(exportFCR),
                              detail: "\(format.count(exportFCR.numerator)) of \(format.count(exportFCR.denominator)) with a value"))
        }
        facts.append(Fact(label: "Repeat rate", value: format.percent(s.repeatRate),
                          detail: "\(format.count(s.repeats)) repeats of \(format.count(s.identified)) identified contacts"))
        facts.append(Fact(label: "Avoidable", value: format.percent(s.avoidableRate),
                          detail: "\(format.count(s.avoidable)) contacts: \(format.count(s.avoidableByCause)) by cause, "
                            + "\(format.count(s.avoidableRepeatOnly)) repeat only"))
        facts.append(Fact(label: "Avoidable cost", value: format.moneyWithCurrency(s.avoidableCost),
                          detail: s.costTotal > 0
                            ? "\(format.percent(s.avoidableCost / s.costTotal)) of the total cost" : ""))
        var csatDetail: [String] = []
        if let low = s.csat.confidenceLow, let high = s.csat.confidenceHigh {
            csatDetail.append("95 % CI \(format.percent(low))–\(format.percent(high))")
        }
        csatDetail.append("\(format.count(s.csat.satisfied)) satisfied of \(format.count(s.csat.responses)) responses")
        csatDetail.append("response rate \(format.percent(s.csat.responseRate))")
        if let mean = s.csat.mean {
            let d = report.definitions
            csatDetail.append("mean \(format.decimal(mean, places: 2)) on "
                + "\(ReportNumberFormat.fraction(d.csatScaleLow) ?? "")–\(ReportNumberFormat.fraction(d.csatScaleHigh) ?? "")")
        }
        facts.append(Fact(label: "CSAT", value: format.percent(s.csat.rate), detail: csatDetail.joined(separator: "; ")))
        facts.append(Fact(label: "Cost per contact", value: format.moneyWithCurrency(s.costPerContact),
                          detail: "total \(format.moneyWithCurrency(s.costTotal))"))
        facts.append(Fact(label: "Handle time", value: format.duration(s.handleTimeMean),
                          detail: "mean; median \(format.duration(s.handleTimeMedian))"))
        facts.append(Fact(label: "Resolution time", value: format.duration(s.resolutionTimeMedian),
                          detail: "median; 90th percentile \(format.duration(s.resolutionTimeP90))"))
        if let top = report.topCustomerShare {
            facts.append(Fact(label: "Top 1 % customers", value: format.percent(top),
                              detail: "of contacts come from the 1 % most frequent customers "
                                  + "(\(format.count(report.topCustomerCount)) of \(format.count(report.customersIdentified)))"))
        }
        return facts
    }

    /// The metric columns of the processes table (the causes table leaves out the avoidable cost).
    static let breakdownMetrics: [MetricDescriptor] = [
        MetricCatalog.contacts, MetricCatalog.avoidableRate, MetricCatalog.repeats, MetricCatalog.fcr,
        MetricCatalog.csat, MetricCatalog.costTotal, MetricCatalog.costShare, MetricCatalog.avoidableCost,
    ]
    /// The metric columns of the channels, queues and agents tables.
    static let dimensionMetrics: [MetricDescriptor] = [
        MetricCatalog.contacts, MetricCatalog.share, MetricCatalog.fcr, MetricCatalog.repeatRate,
        MetricCatalog.avoidableRate, MetricCatalog.csat, MetricCatalog.costTotal, MetricCatalog.costPerContact,
    ]

    /// The metric columns of the first-reply and SLA table.
    static let replyMetrics: [MetricDescriptor] = [
        MetricCatalog.firstReplies, MetricCatalog.firstReplyTimeMedian, MetricCatalog.firstReplyTimeP90,
        MetricCatalog.firstReplySLA, MetricCatalog.firstReplySLABreaches, MetricCatalog.resolutionSLA,
        MetricCatalog.resolutionSLABreaches,
    ]
    /// The metric columns of the phone-queue table.
    /// The headline figures per language: volume and share, FCR, CSAT, cost, avoidable rate.
    static let languageMetrics: [MetricDescriptor] = [
        MetricCatalog.contacts, MetricCatalog.share, MetricCatalog.fcr, MetricCatalog.csat, MetricCatalog.costTotal,
        MetricCatalog.costPerContact, MetricCatalog.avoidableRate,
    ]

    static let phoneMetrics: [MetricDescriptor] = [
        MetricCatalog.answered, MetricCatalog.abandoned, MetricCatalog.abandonRate, MetricCatalog.averageSpeedOfAnswer,
        MetricCatalog.serviceLevel,
    ]

    static func breakdownTable(id: String, title: String, noun: String, nameHeader: String, rows: [BreakdownRow],
                               withProcess: Bool, format: ReportNumberFormat, emptyNote: String) -> Table {
        var keys: [(column: Column, cell: (BreakdownRow) -> String)] = [
            (Column(header: nameHeader, numeric: false), { $0.key }),
        ]
        if withProcess {
            keys.append((Column(header: "Process", numeric: false), { $0.process ?? ReportNumberFormat.missing }))
        }
        let metrics = withProcess ? breakdownMetrics.filter { $0.key != MetricCatalog.avoidableCost.key } : breakdownMetrics
        return metricTable(id: id, title: title, noun: noun, keys: keys, metrics: metrics, rows: rows,
                           format: format, emptyNote: emptyNote)
    }

    static func dimensionTable(id: String, title: String, noun: String, nameHeader: String, rows: [BreakdownRow],
                               format: ReportNumberFormat, emptyNote: String) -> Table {
        metricTable(id: id, title: title, noun: noun, keys: [(Column(header: nameHeader, numeric: false), { $0.key })],
                    metrics: dimensionMetrics, rows: rows, format: format, emptyNote: emptyNote)
    }

    /// A table of slices: the `keys` columns (names), then one column per metric, headed and formatted as the
    /// catalog says; the rows beyond a limit sum the metrics that sum (money as money).
    static func metricTable(id: String, title: String, noun: String,
                            keys: [(column: Column, cell: (BreakdownRow) -> String)], metrics: [MetricDescriptor],
                            rows: [BreakdownRow], format: ReportNumberFormat, emptyNote: String) -> Table {
        let columns = keys.map(\.column) + metrics.map { Column(header: $0.columnHeader, numeric: true) }
        let cells = rows.map { row in
            keys.map { $0.cell(row) } + metrics.map { format.metric($0.value(of: row.metrics), kind: $0.kind) }
        }
        let sums: [[Double]?] = keys.map { _ in nil } + metrics.map { metric in
            metric.sums ? rows.map { metric.value(of: $0.metrics).number ?? 0 } : nil
        }
        var money = Set<Int>()
        for (index, metric) in metrics.enumerated() where metric.kind == .money { money.insert(keys.count + index) }
        return Table(id: id, title: title, noun: noun, columns: columns, rows: cells, sums: sums,
                     moneyColumns: money, emptyNote: emptyNote)
    }

    /// How many of the busiest weekday-hours the reports name.
    static let busiestShown = 3

    /// Hours down, weekdays across, a total per hour; led by the busiest weekday-hours and the evening and
    /// weekend shares.
    static func arrivalsTable(_ report: ContactReport, _ format: ReportNumberFormat) -> Table {
        let grid = report.arrivals, total = grid.total
        var lead: [Fact] = []
        for (rank, cell) in grid.busiest(busiestShown).enumerated() {
            lead.append(Fact(label: ["Busiest hour", "2nd busiest", "3rd busiest"][rank], value: cell.label,
                             detail: "\(format.count(cell.contacts)) contacts, "
                                + "\(format.percent(Ratio(cell.contacts, of: total))) of all"))
        }
        let evening = grid.evening, weekend = grid.weekend
        lead.append(Fact(label: "Evenings", value: format.percent(evening),
                         detail: "\(format.count(evening.numerator)) contacts opened 18:00-23:59 local time, any day"))
        lead.append(Fact(label: "Weekends", value: format.percent(weekend),
                         detail: "\(format.count(weekend.numerator)) contacts opened on a Saturday or Sunday"))
        let columns = [Column(header: "Hour", numeric: false)]
            + ArrivalGrid.weekdayNames.map { Column(header: $0, numeric: true) } + [Column(header: "Total", numeric: true)]
        var rows: [[String]] = [], sums: [[Double]?] = [nil] + Array(repeating: [], count: 8)
        for hour in 0..<24 {
            let counts = (1...7).map { grid.contacts(weekday: $0, hour: hour) }
            rows.append([(hour < 10 ? "0" : "") + "\(hour):00"] + (counts + [counts.reduce(0, +)]).map(format.count))
            for (index, count) in (counts + [counts.reduce(0, +)]).enumerated() { sums[index + 1]?.append(Double(count)) }
        }
        return Table(id: "arrivals", title: "Arrivals by hour and weekday (\(report.definitions.timezone))",
                     noun: "hours", columns: columns, rows: total == 0 ? [] : rows, sums: sums, moneyColumns: [],
                     emptyNote: "No contacts.", showsAll: true, lead: total == 0 ? [] : lead)
    }

    /// The metric columns of the opening-hours table.
    static let openingHoursMetrics: [MetricDescriptor] = [
        MetricCatalog.contacts, MetricCatalog.outsideHours, MetricCatalog.outsideHoursRate,
        MetricCatalog.repeatsAfterOutsideHours, MetricCatalog.resolutionTimeMedian,
        MetricCatalog.businessResolutionTimeMedian,
    ]

    /// Out-of-hours contacts and both resolution clocks by channel, led by the whole range's figures; without
    /// opening hours, a note that says so and how to configure them.
    static func openingHoursTable(_ report: ContactReport, _ format: ReportNumberFormat) -> Table {
        let d = report.definitions, s = report.summary
        let title = "Opening hours: contacts outside them, and resolution in business time"
        guard !d.openingHours.isEmpty else {
            return Table(id: "opening-hours", title: title, noun: "channels", columns: [], rows: [], sums: [],
                         moneyColumns: [], emptyNote: "No opening hours configured (opening_hours in the "
                            + "configuration file): contacts outside opening hours and resolution in business time "
                            + "are not computed.")
        }
        let outside = s.outsideHours
        var lead = [
            Fact(label: "Outside opening hours", value: format.percent(outside),
                 detail: "\(format.count(outside.numerator)) of \(format.count(outside.denominator)) contacts whose "
                    + "channel has opening hours; \(format.count(s.outsideHoursHoliday)) on holidays"),
            Fact(label: "Repeats after closed hours", value: format.count(s.repeatsAfterOutsideHours),
                 detail: "repeats of a contact that opened outside opening hours, of \(format.count(s.repeats)) repeats"),
            Fact(label: "Resolution, calendar", value: format.duration(s.resolutionTimeMedian),
                 detail: "median; 90th percentile \(format.duration(s.resolutionTimeP90)); every hour counts"),
            Fact(label: "Resolution, business", value: format.duration(s.businessResolutionTimeMedian),
                 detail: "median; 90th percentile \(format.duration(s.businessResolutionTimeP90)); open hours only"),
        ]
        if s.firstReplies > 0 {
            lead.append(Fact(label: "First reply, business", value: format.duration(s.businessFirstReplyTimeMedian),
                             detail: "median; 90th percentile \(format.duration(s.businessFirstReplyTimeP90)); open "
                                + "hours only (calendar: \(format.duration(s.firstReplyTimeMedian)))"))
        }
        var table = metricTable(id: "opening-hours", title: title, noun: "channels",
                                keys: [(Column(header: "Channel", numeric: false), { $0.key })],
                                metrics: openingHoursMetrics, rows: report.channels, format: format,
                                emptyNote: "No channels.")
        table.lead = lead
        return table
    }

    /// The trend's metric columns, each followed by its change against the previous period where it has one:
    /// the growth of contacts (`Δ`), or a difference of rates in percentage points (`Δ FCR`).
    static let trendMetrics: [(metric: MetricDescriptor, change: TrendChange?)] = [
        (MetricCatalog.contacts, .growth), (MetricCatalog.fcr, .points { $0.fcr }),
        (MetricCatalog.avoidableRate, .points { $0.avoidableRate }), (MetricCatalog.csat, .points { $0.csat }),
        (MetricCatalog.costPerContact, nil),
    ]

    /// How a trend column shows a period's change.
    enum TrendChange: Sendable {
        /// contacts / previous contacts - 1, as `+12.5 %`.
        case growth
        /// A difference of two rates, as `+2.1`.
        case points(@Sendable (PeriodChange) -> Double?)
    }

    static func trendTable(_ report: ContactReport, _ format: ReportNumberFormat) -> Table {
        var columns = [Column(header: "Period", numeric: false)]
        var sums: [[Double]?] = [nil]
        for (metric, change) in trendMetrics {
            columns.append(Column(header: metric.columnHeader, numeric: true))
            sums.append(metric.sums ? report.periods.map { metric.value(of: $0.metrics).number ?? 0 } : nil)
            guard let change else { continue }
            if case .growth = change {
                columns.append(Column(header: "Δ", numeric: true))
            } else {
                columns.append(Column(header: "Δ " + metric.columnHeader, numeric: true))
            }
            sums.append(nil)
        }
        let rows = report.periods.map { period -> [String] in
            var cells = [periodLabel(period)]
            for (metric, change) in trendMetrics {
                cells.append(format.metric(metric.value(of: period.metrics), kind: metric.kind))
                switch change {
                case .growth: cells.append(period.change.map { format.growth($0.contactsGrowth) } ?? ReportNumberFormat.missing)
                case .points(let difference): cells.append(format.percentagePoints(period.change.flatMap(difference)))
                case nil: break
                }
            }
            return cells
        }
        return Table(id: "trend", title: "Trend per \(report.definitions.period) (Δ against the previous period; cost in \(report.definitions.currency))",
                     noun: "periods", columns: columns, rows: rows, sums: sums, moneyColumns: [],
                     emptyNote: "No periods.", showsLatest: true, note: partialNote(report))
    }

    /// The metric columns of the backlog tables.
    static let backlogMetrics: [MetricDescriptor] = [
        MetricCatalog.backlog, MetricCatalog.backlogAgeMedian, MetricCatalog.backlogAgeP90,
    ]

    /// The backlog at the end of each period (the latest shown first when rows must be left out; periods'
    /// backlogs are not summed), and by queue at the end of the last period; without closed_at or status, a
    /// note saying what is missing.
    static func backlogTables(_ report: ContactReport, _ format: ReportNumberFormat) -> (Table, Table) {
        let d = report.definitions
        let missing = "No backlog: no contact has a closed_at or a status (map columns to closed_at and status)."
        let measured = report.summary.backlog != nil
        let periodRows = measured ? report.periods.map { BreakdownRow(key: periodLabel($0), metrics: $0.metrics) } : []
        var byPeriod = metricTable(id: "backlog", title: "Backlog at the end of each \(d.period)", noun: "periods",
                                   keys: [(Column(header: "Period", numeric: false), { $0.key })],
                                   metrics: backlogMetrics, rows: periodRows, format: format,
                                   emptyNote: measured ? "No periods." : missing)
        byPeriod.sums = byPeriod.sums.map { _ in nil }
        byPeriod.showsLatest = true
        byPeriod.note = partialNote(report)
        let last = report.periods.last.map { " (end of \($0.period))" } ?? ""
        let queues = measured ? report.queues : []
        let byQueue = metricTable(id: "backlog-queues", title: "Backlog by queue" + last, noun: "queues",
                                  keys: [(Column(header: "Queue", numeric: false), { $0.key })],
                                  metrics: backlogMetrics, rows: queues, format: format,
                                  emptyNote: measured ? "No queue in the export." : "No backlog (see above).")
        return (byPeriod, byQueue)
    }

    /// Agents needed / to schedule by local hour (rows, per staffed channel) and weekday (columns), led by the
    /// targets, each channel's handle time and the agent hours of avoidable contacts; what is not measured is
    /// said in the lead (or as the empty note).
    static func staffingTable(_ report: ContactReport, _ format: ReportNumberFormat) -> Table {
        let plan = report.staffing, t = plan.targets, s = report.summary
        var lead = [
            Fact(label: "Target", value: "\(format.percent(t.serviceLevel)) in \(format.duration(t.answerWithinSeconds))",
                 detail: "Erlang C; shrinkage \(format.percent(t.shrinkage)); cells: agents needed / to schedule"),
        ]
        for channel in plan.channels {
            lead.append(Fact(label: "AHT " + channel.channel.rawValue, value: format.duration(channel.handleTimeSeconds),
                             detail: "mean handle time, the same for every hour"))
        }
        let hours = MetricCatalog.avoidableAgentHours.value(of: s).number
        lead.append(Fact(label: "Avoidable agent hours",
                         value: hours.map { format.decimal($0, places: 1) + " h" } ?? ReportNumberFormat.missing,
                         detail: "\(format.count(s.avoidable)) avoidable contacts x mean handle time"))
        lead += plan.notMeasured.map { Fact(label: "Not measured", value: $0, detail: "") }
        let columns = [Column(header: "Channel", numeric: false), Column(header: "Hour", numeric: false)]
            + ArrivalGrid.weekdayNames.map { Column(header: $0, numeric: true) }
        var rows: [[String]] = []
        for channel in plan.channels {
            var byCell: [Int: StaffingPlan.Cell] = [:]
            for cell in channel.cells { byCell[(cell.weekday - 1) * 24 + cell.hour] = cell }
            for hour in 0..<24 where (1...7).contains(where: { byCell[($0 - 1) * 24 + hour] != nil }) {
                rows.append([channel.channel.rawValue, (hour < 10 ? "0" : "") + "\(hour):00"] + (1...7).map { weekday in
                    guard let cell = byCell[(weekday - 1) * 24 + hour] else { return "" }
                    return "\(cell.agents.map(String.init) ?? ReportNumberFormat.missing) / "
                        + "\(cell.scheduled.map(String.init) ?? ReportNumberFormat.missing)"
                })
            }
        }
        return Table(id: "staffing", title: "Staffing: agents needed by hour and weekday (\(report.definitions.timezone))",
                     noun: "hours", columns: columns, rows: rows, sums: columns.map { _ in nil }, moneyColumns: [],
                     emptyNote: plan.notMeasured.isEmpty ? "No plan: no phone or chat contact with a handle time." : "Not measured (see above).",
                     showsAll: true, lead: lead)
    }

    /// The mark of a partial period.
    static let partialMark = " *"

    /// A period's label, marked when the data covers it only in part.
    static func periodLabel(_ period: PeriodRow) -> String {
        period.partial ? period.period + partialMark : period.period
    }

    /// The footnote of a table with partial periods, empty when there are none.
    static func partialNote(_ report: ContactReport) -> String {
        let partial = report.periods.filter(\.partial).map(\.period)
        guard !partial.isEmpty else { return "" }
        var covered = ""
        if let from = report.definitions.coveredFrom, let to = report.definitions.coveredTo {
            covered = " (the data covers \(from) to \(to))"
        }
        return "* Partial \(report.definitions.period)\(partial.count == 1 ? "" : "s") "
            + "\(ReportNarrative.listed(partial))\(covered): not a whole \(report.definitions.period), "
            + "so no change is computed against or from \(partial.count == 1 ? "it" : "them")."
    }

    /// The channels that occur in any period, in channel order.
    static func periodChannels(_ report: ContactReport) -> [Channel] {
        var seen = Set<Channel>()
        for period in report.periods { seen.formUnion(period.channels.keys) }
        return seen.sorted()
    }

    static func channelMixTable(_ report: ContactReport, _ format: ReportNumberFormat) -> Table {
        let channels = periodChannels(report)
        let columns = [Column(header: "Period", numeric: false)] + channels.map { Column(header: $0.rawValue, numeric: true) }
        let rows = report.periods.map { period in
            [periodLabel(period)] + channels.map { format.count(period.channels[$0] ?? 0) }
        }
        let sums: [[Double]?] = [nil] + channels.map { channel in report.periods.map { Double($0.channels[channel] ?? 0) } }
        return Table(id: "channel-mix", title: "Contacts per channel and \(report.definitions.period)", noun: "periods",
                     columns: columns, rows: rows, sums: sums, moneyColumns: [], emptyNote: "No periods.",
                     showsLatest: true, note: partialNote(report))
    }

    static func emergingTable(_ report: ContactReport, _ format: ReportNumberFormat) -> Table {
        let columns = [Column(header: "Cause", numeric: false), Column(header: "Process", numeric: false),
                       Column(header: "Previous", numeric: true), Column(header: "Last", numeric: true),
                       Column(header: "Change", numeric: true), Column(header: "Growth", numeric: true)]
        let rows = report.emergingCauses.map { e in
            [e.cause, e.process, format.count(e.previousContacts), format.count(e.contacts),
             format.signedCount(e.change), e.growth.map { format.growth($0) } ?? "new"]
        }
        var title = "Emerging causes"
        if let first = report.emergingCauses.first {
            title += " (\(first.period) against \(first.previousPeriod))"
        }
        return Table(id: "emerging-causes", title: title, noun: "causes", columns: columns, rows: rows,
                     sums: [nil, nil, report.emergingCauses.map { Double($0.previousContacts) },
                            report.emergingCauses.map { Double($0.contacts) }, nil, nil],
                     moneyColumns: [], emptyNote: "No cause grew against the previous period.")
    }

    /// The opening hours, holidays and extra closed days in force, or a line saying none are configured.
    static func openingHoursFacts(_ d: ReportDefinitions) -> [Fact] {
        guard !d.openingHours.isEmpty else {
            return [Fact(label: "Opening hours", value: "not configured",
                         detail: "outside-hours figures and resolution in business time have no value; set "
                            + "opening_hours (and holidays) in the configuration file")]
        }
        var facts = d.openingHours.enumerated().map { index, entry in
            Fact(label: index == 0 ? "Opening hours" : "", value: entry.key,
                 detail: entry.hours + (entry.key == "all" ? " (channels without hours of their own)" : ""))
        }
        var closed: [String] = []
        if let country = d.holidays { closed.append("public holidays of \(country), computed for each year") }
        if !d.extraClosedDays.isEmpty { closed.append("extra closed days " + d.extraClosedDays.joined(separator: ", ")) }
        facts.append(Fact(label: "Holidays", value: d.holidays ?? "none",
                          detail: closed.isEmpty ? "no closed days besides the hours"
                            : closed.joined(separator: "; ") + ": closed all day, except for channels open 24/7"))
        return facts
    }

    static func definitionFacts(_ report: ContactReport, _ time: ReportTimestampFormat) -> [Fact] {
        let d = report.definitions
        let window = ReportNumberFormat.fraction(d.window.days) ?? ReportNumberFormat.missing
        let low = ReportNumberFormat.fraction(d.csatScaleLow) ?? "", high = ReportNumberFormat.fraction(d.csatScaleHigh) ?? ""
        let threshold = ReportNumberFormat.fraction(d.csatThreshold) ?? ""
        var range = "all contacts read"
        if d.since != nil || d.until != nil {
            range = "\(d.since ?? "start") to \(d.until ?? "end")"
        }
        var causes: [Fact] = []
        if let source = d.causeSource {
            causes.append(Fact(label: "Causes", value: source,
                               detail: d.causeColumn == nil ? "the first rule that matches a contact gives its cause"
                                : "each contact's value, mapped by causes_from where listed; a value not listed is a "
                                + "cause of its own, not avoidable unless causes_from.default says so; an empty value "
                                + "is unclassified; no rules run"))
        }
        if let matched = d.taxonomyPacksMatched {
            causes.append(Fact(label: "Packs matched", value: TaxonomyPackMatch.describe(matched),
                               detail: "contacts given a cause of each pack; a pack in force but not listed gave no "
                                + "cause: its words did not decide any contact"))
        }
        // The metrics' own notes, from the catalog, in catalog order.
        let metricNotes = MetricCatalog.all.compactMap { metric in
            metric.reportNote.map { Fact(label: metric.columnHeader, value: $0.method, detail: $0.detail) }
        }
        return causes + [
            Fact(label: "Repeat window", value: "\(window) days",
                 detail: "scope \(d.window.scope.rawValue): a later contact of the same customer"
                    + (d.window.scope == .cause ? " with the same cause" : "") + " within the window is a repeat"),
            Fact(label: "Data end", value: d.dataEnd.map(ISOTimestamp.format) ?? ReportNumberFormat.missing,
                 detail: "latest contact read"),
        ] + metricNotes + [
            Fact(label: "CSAT", value: "scale \(low)–\(high)", detail: "satisfied at \(threshold) or above; 95 % Wilson interval"),
            Fact(label: "Medians", value: "exact to 65,536 values",
                 detail: "past that from histograms, within 0.05 %; by slice from histograms, within 0.4 % "
                    + "(exact where a value has its bucket to itself); 90th percentile by nearest rank"),
            Fact(label: "Currency", value: d.currency, detail: ""),
            Fact(label: "Time zone", value: d.timezone,
                 detail: "of periods, arrivals (weekday and hour of opened_at) and opening hours"),
        ] + openingHoursFacts(d) + [
            Fact(label: "Period", value: d.period, detail: ""),
            Fact(label: "Covered days",
                 value: d.coveredFrom.flatMap { from in d.coveredTo.map { "\(from) to \($0)" } } ?? ReportNumberFormat.missing,
                 detail: "first to last day of the data, within the reporting range; a \(d.period) reaching outside "
                    + "them is partial (*) and not compared"),
            Fact(label: "Reporting range", value: range, detail: ""),
        ] + serviceLevelFacts(d)
    }

    /// The SLA targets and answer threshold in force, and why service-level figures have no value.
    static func serviceLevelFacts(_ d: ReportDefinitions) -> [Fact] {
        let format = ReportNumberFormat(currency: d.currency)
        func describe(_ targets: [ServiceTargets.Target]) -> String {
            targets.isEmpty ? "none" : targets.map { "\($0.key) \(format.duration($0.seconds))" }.joined(separator: "; ")
        }
        let t = d.serviceTargets
        return [
            Fact(label: "First-reply SLA", value: describe(t.firstReply),
                 detail: "targets (sla.first_reply); the most specific key applies: channel/priority, */priority, channel, *"),
            Fact(label: "Resolution SLA", value: describe(t.resolution), detail: "targets (sla.resolution)"),
            Fact(label: "Answered within", value: format.duration(t.answeredWithinSeconds),
                 detail: "the service level's threshold (sla.answered_within)"),
        ] + notMeasuredFacts(d)
    }

    /// One line for every figure not measured and what would enable them (the JSON and CSV keep a sentence
    /// each); none when everything is measured.
    static func notMeasuredFacts(_ d: ReportDefinitions) -> [Fact] {
        if let line = ServiceLevelGaps.condensed(d.notMeasured) {
            return [Fact(label: "Not measured", value: line, detail: "")]
        }
        return d.serviceLevelGaps.isEmpty ? []
            : [Fact(label: "Not measured", value: d.serviceLevelGaps.joined(separator: "; "), detail: "")]
    }
}
