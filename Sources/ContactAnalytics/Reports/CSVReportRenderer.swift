/// The report as CSV, written with ``CSVWriter`` (RFC 4180 quoting, formula-injection guard on).
///
/// The metric columns of every slice section and the summary's metric rows are ``MetricCatalog``'s, the same
/// figures as the JSON rows.
///
/// **One tidy table** (``render(_:)``): columns `section,dimension,key,metric,value`, one figure per row:
/// `summary,,,fcr,0.714`, `causes,cause,billing/refund,cost_total,1234.50`,
/// `periods,period,2026-W09,contacts_phone,120`. Sections in order: `input`, `range`, `definitions`,
/// `summary`, `channels`, `causes`, `processes`, `periods`, `channel_switches`, `cause_groups`, `queues`,
/// `agents`, `emerging_causes`, `priorities`, `arrivals`.
///
/// **One file per section** (``renderFiles(_:)``, `--output-dir`): `summary.csv` (`section,metric,value`
/// for input, range, definitions and summary), `channels.csv`, `causes.csv`, `processes.csv`, `periods.csv`,
/// `channel_switches.csv`, and beyond the contract `cause_groups.csv`, `queues.csv`, `agents.csv`,
/// `emerging_causes.csv`, `priorities.csv`, `arrivals.csv` (the weekday-hours with contacts); each a header row and one row per item, the same metric names as the tidy table.
///
/// Values: rates are fractions rounded to 4 decimals (`0.734`), money has two decimals, counts are
/// integers, instants are ISO 8601, a missing value is an empty cell (never 0, never NaN). With
/// ``CSVOutputOptions/decimalComma`` numeric cells use `,` (`0,734`) and text cells are untouched; the
/// delimiter then defaults to `;`. With ``CSVOutputOptions/byteOrderMark`` the output (each file) starts
/// with U+FEFF. Text taken from input (names of causes, queues, agents, files) that begins with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'` and is shown as text by spreadsheets.
///
/// The section tables (``scalarRows(_:)``, ``tables(_:)``) are also the xlsx report's sheets
/// (``XLSXReportRenderer``): their cells are typed ``ReportCell``s, which each format writes its own way.
public struct CSVReportRenderer: ReportRenderer {
    /// The options this renderer uses.
    public let options: ReportRenderOptions

    /// A renderer with `options` (defaults: no colour, plain CSV, 10 table rows, 100 columns).
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

    /// One cell before writing: typed (``ReportCell``), so the xlsx format writes the same tables.
    typealias Cell = ReportCell

    /// A named figure of one row.
    typealias Field<Row> = (name: String, value: (Row) -> Cell)

    /// The whole report in this format; the same report and options always give the same text.
    public func render(_ report: ContactReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The tidy table as bytes (UTF-8, BOM first when asked for).
    public func renderBytes(_ report: ContactReport) -> [UInt8] {
        var buffer = start()
        let writer = self.writer
        writer.appendRow(["section", "dimension", "key", "metric", "value"], to: &buffer)
        func emit(_ section: String, _ dimension: String, _ key: String, _ metric: String, _ value: Cell) {
            writer.appendRow([section, dimension, key, metric], to: &buffer)
            buffer.removeLast(writer.lineTerminator.count)
            buffer.append(writer.delimiter)
            append(value, to: &buffer)
            buffer.append(contentsOf: writer.lineTerminator)
        }
        for (section, metric, value) in scalarRows(report) { emit(section, "", "", metric, value) }
        for (section, dimension, rows) in tables(report) {
            for row in rows.rows {
                for (index, field) in rows.fields.enumerated() where index > 0 {
                    emit(section, dimension, rowKey(row[0]), field, row[index])
                }
            }
        }
        return buffer
    }

    /// One file per section: `(fileName, bytes)` in a fixed order; the executable writes them.
    public func renderFiles(_ report: ContactReport) -> [(fileName: String, bytes: [UInt8])] {
        var files: [(fileName: String, bytes: [UInt8])] = []
        var summary = start()
        writer.appendRow(["section", "metric", "value"], to: &summary)
        for (section, metric, value) in scalarRows(report) { appendRow([.text(section), .text(metric), value], to: &summary) }
        files.append(("summary.csv", summary))
        for (section, _, table) in tables(report) {
            var buffer = start()
            writer.appendRow(table.fields, to: &buffer)
            for row in table.rows { appendRow(row, to: &buffer) }
            files.append((section + ".csv", buffer))
        }
        return files
    }

    // MARK: Content

    /// input, range, definitions and summary: `(section, metric, value)`.
    func scalarRows(_ report: ContactReport) -> [(String, String, Cell)] {
        let time = ReportTimestampFormat(timeZoneIdentifier: report.definitions.timezone)
        let input = report.input, d = report.definitions, s = report.summary
        var rows: [(String, String, Cell)] = input.files.map { ("input", "file", .text($0)) }
        rows += [
            ("input", "file_count", .integer(input.files.count)),
            ("input", "bytes", input.bytes.map { .integer($0) } ?? .empty),
            ("input", "rows_read", .integer(input.rowsRead)), ("input", "rows_rejected", .integer(input.rowsRejected)),
            ("input", "duplicates_dropped", .integer(input.duplicatesDropped)),
            ("input", "rows_excluded_outbound", .integer(input.rowsExcluded - input.rowsInternal)),
            ("input", "rows_excluded_internal", .integer(input.rowsInternal)),
            ("input", "field_warnings", .integer(input.fieldWarnings)),
            ("input", "closed_before_opened", .integer(input.closedBeforeOpened)),
            ("input", "contacts_read", .integer(input.contactsRead)),
            ("input", "reply_before_opened", .integer(input.replyBeforeOpened)),
            ("input", "unknown_priorities", .integer(input.unknownPriorities)),
            ("input", "closed_without_closed_at", .integer(input.closedWithoutTime)),
            ("input", "state_unknown", .integer(input.stateUnknown)),
            ("range", "from", .instant(report.rangeFrom, text: time.iso8601, in: time)),
            ("range", "to", .instant(report.rangeTo, text: time.iso8601, in: time)),
            ("definitions", "repeat_window_days", .number(d.window.days)),
            ("definitions", "repeat_scope", .text(d.window.scope.rawValue)),
            ("definitions", "csat_scale_low", .number(d.csatScaleLow)),
            ("definitions", "csat_scale_high", .number(d.csatScaleHigh)),
            ("definitions", "csat_threshold", .number(d.csatThreshold)),
            ("definitions", "currency", .text(d.currency)), ("definitions", "timezone", .text(d.timezone)),
            ("definitions", "period", .text(d.period)), ("definitions", "since", .optionalText(d.since)),
            ("definitions", "until", .optionalText(d.until)), ("definitions", "data_end", .instant(d.dataEnd, text: ISOTimestamp.format, in: time)),
            ("definitions", "covered_from", .optionalText(d.coveredFrom)),
            ("definitions", "covered_to", .optionalText(d.coveredTo)),
            ("definitions", "causes", .optionalText(d.causeSource)),
            ("definitions", "causes_from", .optionalText(d.causeColumn)),
            ("definitions", "taxonomy_packs", .optionalText(d.taxonomyPacks?.joined(separator: " "))),
            ("definitions", "taxonomy_packs_matched",
             .optionalText(d.taxonomyPacksMatched.map { $0.map { "\($0.pack):\($0.contacts)" }.joined(separator: " ") })),
        ]
        for target in d.serviceTargets.firstReply {
            rows.append(("definitions", "sla.first_reply." + target.key, .number(target.seconds)))
        }
        for target in d.serviceTargets.resolution {
            rows.append(("definitions", "sla.resolution." + target.key, .number(target.seconds)))
        }
        rows.append(("definitions", "sla.answered_within_seconds", .number(d.serviceTargets.answeredWithinSeconds)))
        rows += d.serviceLevelGaps.map { ("definitions", "service_level_gap", .text($0)) }
        let staffing = report.staffing
        rows.append(("definitions", "staffing.service_level", .fraction(staffing.targets.serviceLevel)))
        rows.append(("definitions", "staffing.answer_within_seconds", .number(staffing.targets.answerWithinSeconds)))
        rows.append(("definitions", "staffing.shrinkage", .fraction(staffing.targets.shrinkage)))
        rows += staffing.notMeasured.map { ("definitions", "staffing_not_measured", .text($0)) }
        rows += d.openingHours.map { ("definitions", "opening_hours." + $0.key, .text($0.hours)) }
        rows.append(("definitions", "holidays", .optionalText(d.holidays)))
        rows.append(("definitions", "holidays_extra",
                     d.extraClosedDays.isEmpty ? .empty : .text(d.extraClosedDays.joined(separator: " "))))
        for cost in d.costModel {
            let prefix = "cost_model." + cost.channel.rawValue + "."
            rows += [("definitions", prefix + "per_contact", .money(cost.perContact)),
                     ("definitions", prefix + "per_minute", .money(cost.perMinute)),
                     ("definitions", prefix + "default_handle_minutes", .number(cost.defaultHandleMinutes)),
                     ("definitions", prefix + "source", .text(cost.source))]
        }
        let ledger = report.savings
        rows += CauseFix.allCases.map {
            ("definitions", "savings.deflection." + $0.rawValue, .fraction(ledger.deflection.share(for: $0)))
        }
        rows.append(("definitions", "savings.self_service_cost", .money(ledger.selfServiceCost)))
        // The whole range: figures of the report first, then every summary metric of the catalog, those this
        // section always had in their order, the others after them in catalog order.
        let reportFigures: [String: Cell] = [
            "customers_identified": .integer(report.customersIdentified),
            "top_customer_share": .ratio(report.topCustomerShare),
        ]
        let metrics = MetricCatalog.summaryMetrics
        let order = CSVReportRenderer.summaryOrder + metrics.map(\.key).filter { !CSVReportRenderer.summaryOrder.contains($0) }
        for key in order {
            if let cell = reportFigures[key] {
                rows.append(("summary", key, cell))
            } else if let metric = metrics.first(where: { $0.key == key }) {
                // The export's FCR flag is listed only when the export has one.
                if metric.key == MetricCatalog.exportFCR.key, s.exportFCR == nil { continue }
                rows.append(("summary", key, .metric(metric.value(of: s), kind: metric.kind)))
            }
        }
        return rows
    }

    /// The summary rows in the order this section has always listed them (frozen: a new metric follows them in
    /// catalog order, `MetricCatalog.summaryMetrics`); `customers_identified` and `top_customer_share` are
    /// figures of the report, not of a `MetricSet`.
    static let summaryOrder = [
        "contacts", "customers_identified", "fcr", "fcr_evaluable", "fcr_resolved", "export_fcr", "repeat_rate",
        "repeats", "avoidable_rate", "avoidable", "avoidable_by_cause", "avoidable_repeat_only", "avoidable_cost",
        "csat_responses", "csat_response_rate", "csat_satisfied", "csat", "csat_mean", "csat_ci_low", "csat_ci_high",
        "cost_total", "cost_per_contact", "handle_time_mean_seconds", "handle_time_median_seconds",
        "resolution_time_median_seconds", "resolution_time_p90_seconds", "coverage", "unclassified",
        "top_customer_share",
    ]

    /// A section table: its field names (the first is the key column) and rows of cells.
    struct SectionTable {
        var fields: [String]
        var rows: [[Cell]]
    }

    /// The row sections: `(section, dimension, table)`, in output order.
    func tables(_ report: ContactReport) -> [(String, String, SectionTable)] {
        let metricFields = CSVReportRenderer.metricFields
        let causeFields: [Field<BreakdownRow>] = [
            ("cause", { .text($0.key) }), ("name", { .text($0.name) }), ("process", { .optionalText($0.process) }),
            ("avoidable_cause", { .flag($0.avoidableCause) }),
        ] + metricFields.map { field in (field.name, { field.value($0.metrics) }) }
        func dimension(_ name: String) -> [Field<BreakdownRow>] {
            [(name, { .text($0.key) })] + metricFields.map { field in (field.name, { field.value($0.metrics) }) }
        }
        let channels = CSVReportRenderer.periodChannels(report)
        let time = ReportTimestampFormat(timeZoneIdentifier: report.definitions.timezone)
        var periodFields: [Field<PeriodRow>] = [("period", { .text($0.period) }),
                                                ("start", { .instant($0.start, text: time.iso8601, in: time) }),
                                                ("partial", { .flag($0.partial) })]
        periodFields += metricFields.map { field in (field.name, { field.value($0.metrics) }) }
        periodFields += channels.map { channel in ("contacts_" + channel.rawValue, { .integer($0.channels[channel] ?? 0) }) }
        periodFields += [
            ("previous_period", { .optionalText($0.change?.previousPeriod) }),
            ("change_contacts", { row in row.change.map { .integer($0.contacts) } ?? .empty }),
            ("change_contacts_growth", { .fraction($0.change?.contactsGrowth) }),
            ("change_fcr", { .fraction($0.change?.fcr) }),
            ("change_repeat_rate", { .fraction($0.change?.repeatRate) }),
            ("change_avoidable_rate", { .fraction($0.change?.avoidableRate) }),
            ("change_csat", { .fraction($0.change?.csat) }),
            ("change_cost_per_contact", { .money($0.change?.costPerContact) }),
            ("change_cost_total", { .money($0.change?.costTotal) }),
        ]
        let switchFields: [Field<ChannelSwitch>] = [
            ("switch", { .text($0.from.rawValue + "->" + $0.to.rawValue) }), ("from", { .text($0.from.rawValue) }),
            ("to", { .text($0.to.rawValue) }), ("count", { .integer($0.count) }),
        ]
        let emergingFields: [Field<EmergingCause>] = [
            ("cause", { .text($0.cause) }), ("name", { .text($0.name) }), ("process", { .text($0.process) }),
            ("period", { .text($0.period) }), ("previous_period", { .text($0.previousPeriod) }),
            ("contacts", { .integer($0.contacts) }), ("previous_contacts", { .integer($0.previousContacts) }),
            ("change", { .integer($0.change) }), ("growth", { .fraction($0.growth) }),
        ]
        return [
            ("channels", "channel", CSVReportRenderer.table(report.channels, dimension("channel"))),
            ("causes", "cause", CSVReportRenderer.table(report.causes, causeFields)),
            ("processes", "process", CSVReportRenderer.table(report.processes, dimension("process"))),
            ("periods", "period", CSVReportRenderer.table(report.periods, periodFields)),
            ("channel_switches", "switch", CSVReportRenderer.table(report.channelSwitches, switchFields)),
            ("cause_groups", "cause_group", CSVReportRenderer.table(report.causeGroups, dimension("cause_group"))),
            ("queues", "queue", CSVReportRenderer.table(report.queues, dimension("queue"))),
            ("agents", "agent", CSVReportRenderer.table(report.agents, dimension("agent"))),
            ("emerging_causes", "cause", CSVReportRenderer.table(report.emergingCauses, emergingFields)),
            ("priorities", "priority", CSVReportRenderer.table(report.priorities, dimension("priority"))),
            ("arrivals", "weekday_hour", CSVReportRenderer.arrivals(report.arrivals)),
            ("savings", "cause", CSVReportRenderer.savings(report.savings)),
            ("languages", "language", CSVReportRenderer.table(report.languages, dimension("language"))),
            ("fcr_definitions", "definition", CSVReportRenderer.table(report.fcrDefinitions, CSVReportRenderer.fcrFields)),
            ("staffing", "channel_weekday_hour", CSVReportRenderer.staffing(report.staffing)),
            ("phone_hours", "hour", CSVReportRenderer.table(report.phoneHours, [("hour", { .text($0.key) })]
                + ContactReport.phoneHourMetrics.map { metric in
                    (metric.key, { .metric(metric.value(of: $0.metrics), kind: metric.kind) })
                })),
        ] + (report.perUnit.map(CSVReportRenderer.perUnit) ?? [])
    }

    /// Contacts per 1,000 units (`--per FILE`), present only with a volume file: `per_unit`, one row per period
    /// (or `all`), slice and unit, keyed `PERIOD DIMENSION=KEY UNIT` (`2026-W03 cause=billing/refund orders`);
    /// `per_unit_not_measured`, every period or value without a rate, named.
    static func perUnit(_ figures: PerUnitFigures) -> [(String, String, SectionTable)] {
        typealias Line = (row: PerUnitFigures.Row, unit: String, rate: PerUnitFigures.Rate)
        let lines: [Line] = figures.rows.flatMap { row in zip(figures.units, row.rates).map { (row, $0, $1) } }
        let fields: [Field<Line>] = [
            ("slice", { .text("\($0.row.period ?? "all") \($0.row.dimension.rawValue)=\($0.row.key) \($0.unit)") }),
            ("period", { .text($0.row.period ?? "all") }), ("partial", { .flag($0.row.partial) }),
            ("dimension", { .text($0.row.dimension.rawValue) }), ("key", { .text($0.row.key) }),
            ("unit", { .text($0.unit) }), ("contacts", { .integer($0.rate.contacts) }),
            ("units", { .number($0.rate.units) }), ("per_1000", { .number($0.rate.perThousand) }),
            ("status", { .text($0.rate.status.rawValue) }), ("periods", { .integer($0.rate.periods) }),
        ]
        let gapFields: [Field<PerUnitFigures.Gap>] = [
            ("period", { .text($0.period) }), ("unit", { .optionalText($0.unit) }), ("reason", { .text($0.reason.rawValue) }),
            ("text", { .text($0.text(file: figures.file)) }),
        ]
        return [("per_unit", "slice", table(lines, fields)),
                ("per_unit_not_measured", "period", table(figures.gaps, gapFields))]
    }

    /// FCR side by side: a row per definition (`window_24h_cause`, ..., `export_flag`, `one_touch`).
    static var fcrFields: [Field<FCRDefinition>] { [
        ("definition", { .text($0.key) }), ("label", { .text($0.label) }),
        ("window_hours", { row in
            if case .repeatWindow(let w) = row.method { return .number(Double(w.seconds) / 3_600) }
            return .empty
        }),
        ("scope", { row in
            if case .repeatWindow(let w) = row.method { return .text(w.scope.rawValue) }
            return .empty
        }),
        ("fcr", { .ratio($0.fcr) }), ("resolved", { $0.fcr.map { .integer($0.numerator) } ?? .empty }),
        ("judged", { $0.fcr.map { .integer($0.denominator) } ?? .empty }), ("headline", { .flag($0.isHeadline) }),
        ("note", { .text($0.note) }),
    ] }

    /// The savings ledger, a row per cause with avoidable contacts or repeats: its process owner, the figures,
    /// the fix, the deflection share and the estimate (the owners' totals are the sums of their rows).
    static func savings(_ ledger: SavingsLedger) -> SectionTable {
        let rows = ledger.owners.flatMap { owner in owner.causes.map { (owner.process, $0) } }
        let fields: [Field<(String, SavingsLedger.CauseLine)>] = [
            ("cause", { .text($0.1.cause) }), ("process", { .text($0.0) }), ("name", { .text($0.1.name) }),
            ("avoidable", { .integer($0.1.avoidable) }), ("avoidable_cost", { .money($0.1.avoidableCost) }),
            ("repeats", { .integer($0.1.repeats) }), ("repeat_cost", { .money($0.1.repeatCost) }),
            ("fix", { .optionalText($0.1.fix?.rawValue) }), ("deflection", { .fraction($0.1.deflection) }),
            ("savings", { .money($0.1.savings) }), ("suggestion", { .text($0.1.suggestion) }),
        ]
        return table(rows, fields)
    }

    /// Each staffed channel's weekday-hours with contacts: `cell` (`phone-1-09`), `channel`, `weekday`, `hour`,
    /// `hours` (such weekday-hours in the covered days), `contacts`, `arrivals_per_hour`,
    /// `handle_time_mean_seconds`, `agents` and `scheduled`.
    static func staffing(_ plan: StaffingPlan) -> SectionTable {
        typealias Row = (channel: StaffingPlan.ChannelPlan, cell: StaffingPlan.Cell)
        let fields: [Field<Row>] = [
            ("cell", { .text("\($0.channel.channel.rawValue)-\($0.cell.weekday)-\($0.cell.hour < 10 ? "0" : "")\($0.cell.hour)") }),
            ("channel", { .text($0.channel.channel.rawValue) }), ("weekday", { .integer($0.cell.weekday) }),
            ("hour", { .integer($0.cell.hour) }), ("hours", { .integer($0.cell.hours) }),
            ("contacts", { .integer($0.cell.contacts) }), ("arrivals_per_hour", { .number($0.cell.arrivalsPerHour) }),
            ("handle_time_mean_seconds", { .metric(.real($0.channel.handleTimeSeconds), kind: .duration) }),
            ("agents", { row in row.cell.agents.map { .integer($0) } ?? .empty }),
            ("scheduled", { row in row.cell.scheduled.map { .integer($0) } ?? .empty }),
        ]
        return table(plan.channels.flatMap { channel in channel.cells.map { (channel, $0) } }, fields)
    }

    /// The weekday-hours with contacts: `cell` (`1-09`: ISO weekday and local hour), `weekday`, `hour`,
    /// `contacts` and `contacts_<channel>` for each channel with contacts.
    static func arrivals(_ grid: ArrivalGrid) -> SectionTable {
        let channels = grid.channels
        var fields: [Field<ArrivalGrid.Cell>] = [
            ("cell", { .text("\($0.weekday)-\($0.hour < 10 ? "0" : "")\($0.hour)") }),
            ("weekday", { .integer($0.weekday) }), ("hour", { .integer($0.hour) }), ("contacts", { .integer($0.contacts) }),
        ]
        fields += channels.map { channel in
            ("contacts_" + channel.channel.rawValue, { .integer(channel.counts[($0.weekday - 1) * 24 + $0.hour]) })
        }
        return table(grid.cells.filter { $0.contacts > 0 }, fields)
    }

    /// The figures of any slice, in the order they appear as columns: `MetricCatalog.sliceMetrics`.
    static var metricFields: [Field<MetricSet>] {
        MetricCatalog.sliceMetrics.map { metric in (metric.key, { .metric(metric.value(of: $0), kind: metric.kind) }) }
    }

    static func table<Row>(_ rows: [Row], _ fields: [Field<Row>]) -> SectionTable {
        SectionTable(fields: fields.map(\.name), rows: rows.map { row in fields.map { $0.value(row) } })
    }

    static func periodChannels(_ report: ContactReport) -> [Channel] {
        var seen = Set<Channel>()
        for period in report.periods { seen.formUnion(period.channels.keys) }
        return seen.sorted()
    }

    // MARK: Writing

    private var writer: CSVWriter {
        CSVWriter(delimiter: options.csv.effectiveDelimiter, guardsFormulas: true)
    }

    private func start() -> [UInt8] {
        options.csv.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    }

    private func rowKey(_ cell: Cell) -> String {
        if case .text(let text) = cell { return text }
        return ""
    }

    private func text(_ cell: Cell) -> String {
        let text = cell.csvText
        return cell.isNumber ? options.csv.numberText(text) : text
    }

    private func append(_ cell: Cell, to buffer: inout [UInt8]) {
        writer.appendField(text(cell), to: &buffer)
    }

    private func appendRow(_ cells: [Cell], to buffer: inout [UInt8]) {
        writer.appendRow(cells.map(text), to: &buffer)
    }
}
