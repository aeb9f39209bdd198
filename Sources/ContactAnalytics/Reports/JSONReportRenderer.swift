/// The report as the JSON contract `contactstat.report/1` (`cli-and-json.md`).
///
/// - Keys are snake_case, in the contract's order, then any extra keys; output is byte-for-byte stable.
/// - Rates are fractions rounded to 4 decimals (`0.734`); `null` where the denominator is empty.
/// - Money has exactly two decimals (`31540.00`); counts are integers; durations are seconds.
/// - Instants (`range.from`, `range.to`, `periods[].start`) are ISO 8601 in the report's time zone.
///
/// Every row of a slice (channels, causes, processes, periods, cause groups, queues, agents) carries every
/// metric of `MetricCatalog.sliceMetrics`, the same figures as the CSV columns: the contract's keys first,
/// then the others in catalog order.
///
/// Beyond the contract: `narrative`, `summary.top_customer_share`, `summary.fcr.export_rate`,
/// `input.contacts_read`, the per-row metrics beyond the contract's, and the arrays
/// `cause_groups`, `queues`, `agents`, `emerging_causes`, `arrivals` (contacts by local weekday and hour,
/// cells with contacts only), `definitions.opening_hours` and `definitions.holidays`, each period's `change`. In `causes`, `avoidable` is
/// the cause's avoidable flag (`null` for `unclassified`); the count is `avoidable_contacts`. In `processes`
/// (and `cause_groups`, `queues`, `agents`) `avoidable` is the count of avoidable contacts.
public struct JSONReportRenderer: ReportRenderer {
    /// The options this renderer uses.
    public let options: ReportRenderOptions

    /// A renderer with `options` (defaults: no colour, plain CSV, 10 table rows, 100 columns).
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

    /// The whole report in this format; the same report and options always give the same text.
    public func render(_ report: ContactReport) -> String {
        document(report).serialized()
    }

    /// The report as an ordered JSON value.
    public func document(_ report: ContactReport) -> JSONValue {
        let time = ReportTimestampFormat(timeZoneIdentifier: report.definitions.timezone)
        let input = report.input
        let bytes: JSONValue = input.bytes.map { .integer($0) } ?? .null
        let perUnit: [(String, JSONValue)] = report.perUnit.map { [("per_unit", JSONReportRenderer.perUnit($0))] } ?? []
        return .object([
            ("schema", .string(ContactReport.schema)),
            ("input", .object([
                ("files", .array(input.files.map { .string($0) })),
                ("file_count", .integer(input.files.count)),
                ("bytes", bytes),
                ("rows_read", .integer(input.rowsRead)),
                ("rows_rejected", .integer(input.rowsRejected)),
                ("duplicates_dropped", .integer(input.duplicatesDropped)),
                ("rows_excluded_outbound", .integer(input.rowsExcluded - input.rowsInternal)),
                ("rows_excluded_internal", .integer(input.rowsInternal)),
                ("field_warnings", .integer(input.fieldWarnings)),
                ("closed_before_opened", .integer(input.closedBeforeOpened)),
                ("contacts_read", .integer(input.contactsRead)),
                ("reply_before_opened", .integer(input.replyBeforeOpened)),
                ("unknown_priorities", .integer(input.unknownPriorities)),
                ("closed_without_closed_at", .integer(input.closedWithoutTime)),
                ("state_unknown", .integer(input.stateUnknown)),
            ])),
            ("range", .object([
                ("from", .optionalString(report.rangeFrom.map(time.iso8601))),
                ("to", .optionalString(report.rangeTo.map(time.iso8601))),
            ])),
            ("definitions", definitions(report.definitions)),
            ("summary", summary(report)),
            ("channels", .array(report.channels.map { row in
                .object([("channel", .string(row.key))]
                        + fields(row.metrics, JSONReportRenderer.channelColumns.contract)
                        + fields(row.metrics, JSONReportRenderer.channelColumns.rest))
            })),
            ("causes", .array(report.causes.map(cause))),
            ("processes", .array(report.processes.map { dimension($0, key: "process") })),
            ("periods", .array(report.periods.map { period($0, time) })),
            ("channel_switches", .array(report.channelSwitches.map { s in
                .object([("from", .string(s.from.rawValue)), ("to", .string(s.to.rawValue)), ("count", .integer(s.count))])
            })),
            ("narrative", .array(ReportNarrative(report: report).sentences.map { .string($0) })),
            ("cause_groups", .array(report.causeGroups.map { dimension($0, key: "cause_group") })),
            ("queues", .array(report.queues.map { dimension($0, key: "queue") })),
            ("agents", .array(report.agents.map { dimension($0, key: "agent") })),
            ("emerging_causes", .array(report.emergingCauses.map(emerging))),
            ("priorities", .array(report.priorities.map { dimension($0, key: "priority") })),
            ("arrivals", arrivals(report)),
            ("savings", JSONReportRenderer.savings(report.savings)),
            ("fcr_definitions", .array(report.fcrDefinitions.map(fcrDefinition))),
            ("languages", .array(report.languages.map { dimension($0, key: "language") })),
            ("staffing", staffing(report.staffing, avoidableAgentHours: report.summary)),
            ("phone_hours", .array(report.phoneHours.map { row in
                .object([("hour", .integer(Int(row.key) ?? 0))] + ContactReport.phoneHourMetrics.map {
                    ($0.key, .metric($0.value(of: row.metrics), kind: $0.kind))
                })
            })),
        ] + perUnit)
    }

    /// Contacts per 1,000 units (`--per FILE`): the file, its unit columns, the rows (`period` `null` for the
    /// rows over every complete period measured), each with one object per unit (contacts, units, per_1000,
    /// status, periods summed), and every period or value without a rate, named.
    static func perUnit(_ figures: PerUnitFigures) -> JSONValue {
        .object([
            ("file", .string(figures.file)),
            ("units", .array(figures.units.map { .string($0) })),
            ("definition", .string(PerUnitFigures.definition)),
            ("rows", .array(figures.rows.map { row in
                .object([
                    ("period", .optionalString(row.period)), ("partial", .bool(row.partial)),
                    ("dimension", .string(row.dimension.rawValue)), ("key", .string(row.key)),
                    ("rates", .object(zip(figures.units, row.rates).map { unit, rate in
                        (unit, .object([
                            ("contacts", .integer(rate.contacts)), ("units", .fraction(rate.units)),
                            ("per_1000", .fraction(rate.perThousand)), ("status", .string(rate.status.rawValue)),
                            ("periods", .integer(rate.periods)),
                        ]))
                    })),
                ])
            })),
            ("not_measured", .array(figures.gaps.map { gap in
                .object([("period", .string(gap.period)), ("unit", .optionalString(gap.unit)),
                         ("reason", .string(gap.reason.rawValue)), ("text", .string(gap.text(file: figures.file)))])
            })),
        ])
    }

    /// One FCR definition: its key and label, the window (hours) and scope of a repeat-window definition, the
    /// rate and its counts (`null` when not measured, with the note saying why), and whether the headline uses it.
    private func fcrDefinition(_ d: FCRDefinition) -> JSONValue {
        var window: JSONValue = .null, scope: JSONValue = .null
        if case .repeatWindow(let w) = d.method {
            window = .number(ReportNumberFormat.fraction(Double(w.seconds) / 3_600) ?? "0")
            scope = .string(w.scope.rawValue)
        }
        return .object([
            ("definition", .string(d.key)), ("label", .string(d.label)), ("window_hours", window), ("scope", scope),
            ("fcr", .fraction(d.fcr?.value)), ("resolved", d.fcr.map { .integer($0.numerator) } ?? .null),
            ("judged", d.fcr.map { .integer($0.denominator) } ?? .null), ("headline", .bool(d.isHeadline)),
            ("note", d.note.isEmpty ? .null : .string(d.note)),
        ])
    }

    /// The savings ledger: the deflection shares and self-service cost used, the totals, and one statement per
    /// process owner with its causes (`contactstat impact --format json` writes the same object).
    static func savings(_ ledger: SavingsLedger) -> JSONValue {
        .object([
            ("currency", .string(ledger.currency)),
            ("self_service_cost", .money(ledger.selfServiceCost)),
            ("deflection", .object(CauseFix.allCases.map { ($0.rawValue, .fraction(ledger.deflection.share(for: $0))) })),
            ("total", .object([
                ("avoidable", .integer(ledger.avoidable)), ("avoidable_cost", .money(ledger.avoidableCost)),
                ("repeats", .integer(ledger.repeats)), ("repeat_cost", .money(ledger.repeatCost)),
                ("savings", .money(ledger.savings)),
            ])),
            ("owners", .array(ledger.owners.map { owner in
                .object([
                    ("process", .string(owner.process)),
                    ("avoidable", .integer(owner.avoidable)), ("avoidable_cost", .money(owner.avoidableCost)),
                    ("repeats", .integer(owner.repeats)), ("repeat_cost", .money(owner.repeatCost)),
                    ("savings", .money(owner.savings)),
                    ("causes", .array(owner.causes.map { line in
                        .object([
                            ("cause", .string(line.cause)), ("name", .string(line.name)),
                            ("avoidable", .integer(line.avoidable)), ("avoidable_cost", .money(line.avoidableCost)),
                            ("repeats", .integer(line.repeats)), ("repeat_cost", .money(line.repeatCost)),
                            ("fix", .optionalString(line.fix?.rawValue)), ("suggestion", .string(line.suggestion)),
                            ("deflection", .fraction(line.deflection)), ("savings", .money(line.savings)),
                        ])
                    })),
                ])
            })),
        ])
    }

    /// Agents needed by weekday and hour for each staffed channel (`StaffingPlan`), the targets, the agent
    /// hours of avoidable contacts, and what is not measured.
    private func staffing(_ plan: StaffingPlan, avoidableAgentHours summary: MetricSet) -> JSONValue {
        let hours = MetricCatalog.avoidableAgentHours
        return .object([
            ("service_level", .fraction(plan.targets.serviceLevel)),
            ("answer_within_seconds", .fraction(plan.targets.answerWithinSeconds)),
            ("shrinkage", .fraction(plan.targets.shrinkage)),
            ("avoidable_agent_hours", .metric(hours.value(of: summary), kind: hours.kind)),
            ("not_measured", .array(plan.notMeasured.map { .string($0) })),
            ("channels", .array(plan.channels.map { channel in
                .object([
                    ("channel", .string(channel.channel.rawValue)),
                    ("handle_time_mean_seconds", .metric(.real(channel.handleTimeSeconds), kind: .duration)),
                    ("cells", .array(channel.cells.map { cell in
                        .object([
                            ("weekday", .integer(cell.weekday)), ("hour", .integer(cell.hour)),
                            ("hours", .integer(cell.hours)), ("contacts", .integer(cell.contacts)),
                            ("arrivals_per_hour", .metric(.real(cell.arrivalsPerHour), kind: .score)),
                            ("agents", cell.agents.map { .integer($0) } ?? .null),
                            ("scheduled", cell.scheduled.map { .integer($0) } ?? .null),
                        ])
                    })),
                ])
            })),
        ])
    }

    /// Contacts by local ISO weekday (1 = Monday) and hour (0-23), per channel: the cells with contacts, the
    /// busiest ones, and the evening and weekend shares.
    private func arrivals(_ report: ContactReport) -> JSONValue {
        let grid = report.arrivals, total = grid.total
        let channels = grid.channels
        let cells: [JSONValue] = grid.cells.filter { $0.contacts > 0 }.map { cell in
            let index = (cell.weekday - 1) * 24 + cell.hour
            return .object([
                ("weekday", .integer(cell.weekday)), ("hour", .integer(cell.hour)), ("contacts", .integer(cell.contacts)),
                ("channels", .object(channels.filter { $0.counts[index] > 0 }.map {
                    ($0.channel.rawValue, .integer($0.counts[index]))
                })),
            ])
        }
        return .object([
            ("timezone", .string(report.definitions.timezone)),
            ("contacts", .integer(total)),
            ("busiest", .array(grid.busiest(ReportContent.busiestShown).map { cell in
                .object([("weekday", .integer(cell.weekday)), ("hour", .integer(cell.hour)),
                         ("contacts", .integer(cell.contacts)), ("share", .ratio(Ratio(cell.contacts, of: total)))])
            })),
            ("evening", .object([("contacts", .integer(grid.evening.numerator)), ("share", .ratio(grid.evening))])),
            ("weekend", .object([("contacts", .integer(grid.weekend.numerator)), ("share", .ratio(grid.weekend))])),
            ("cells", .array(cells)),
        ])
    }

    private func definitions(_ d: ReportDefinitions) -> JSONValue {
        .object([
            ("repeat_window_days", .fraction(d.window.days)),
            ("repeat_scope", .string(d.window.scope.rawValue)),
            ("csat_scale", .array([.fraction(d.csatScaleLow), .fraction(d.csatScaleHigh)])),
            ("csat_threshold", .fraction(d.csatThreshold)),
            ("currency", .string(d.currency)),
            ("timezone", .string(d.timezone)),
            ("period", .string(d.period)),
            ("since", .optionalString(d.since)),
            ("until", .optionalString(d.until)),
            ("data_end", .optionalString(d.dataEnd.map(ISOTimestamp.format))),
            ("covered_from", .optionalString(d.coveredFrom)),
            ("covered_to", .optionalString(d.coveredTo)),
            ("causes_from", .optionalString(d.causeColumn)),
            ("taxonomy_packs", d.taxonomyPacks.map { .array($0.map { .string($0) }) } ?? .null),
            ("taxonomy_packs_matched", d.taxonomyPacksMatched.map { .object($0.map { ($0.pack, .integer($0.contacts)) }) }
                ?? .null),
            ("service_levels", .object([
                ("first_reply", .object(d.serviceTargets.firstReply.map { ($0.key, .fraction($0.seconds)) })),
                ("resolution", .object(d.serviceTargets.resolution.map { ($0.key, .fraction($0.seconds)) })),
                ("answered_within_seconds", .fraction(d.serviceTargets.answeredWithinSeconds)),
                ("gaps", .array(d.serviceLevelGaps.map { .string($0) })),
            ])),
            ("opening_hours", d.openingHours.isEmpty ? .null
                : .object(d.openingHours.map { ($0.key, .string($0.hours)) })),
            ("holidays", d.holidays == nil && d.extraClosedDays.isEmpty ? .null : .object([
                ("country", .optionalString(d.holidays)), ("extra", .array(d.extraClosedDays.map { .string($0) })),
            ])),
            ("cost_model", .array(d.costModel.map { c in
                .object([
                    ("channel", .string(c.channel.rawValue)),
                    ("per_contact", .money(c.perContact)),
                    ("per_minute", .money(c.perMinute)),
                    ("default_handle_minutes", .fraction(c.defaultHandleMinutes)),
                    ("source", .string(c.source)),
                ])
            })),
        ])
    }

    private func summary(_ report: ContactReport) -> JSONValue {
        let s = report.summary
        var fcr: [(String, JSONValue)] = [
            ("rate", .ratio(s.fcr)), ("evaluable", .integer(s.fcr.denominator)), ("resolved", .integer(s.fcr.numerator)),
        ]
        if let exportFCR = s.exportFCR {
            fcr += [("export_rate", .ratio(exportFCR)), ("export_with_value", .integer(exportFCR.denominator)),
                    ("export_flagged", .integer(exportFCR.numerator))]
        }
        return .object([
            ("contacts", .integer(s.contacts)),
            ("customers_identified", .integer(report.customersIdentified)),
            ("fcr", .object(fcr)),
            ("repeat", .object([("rate", .ratio(s.repeatRate)), ("count", .integer(s.repeats)),
                                ("identified", .integer(s.identified))])),
            ("avoidable", .object([
                ("rate", .ratio(s.avoidableRate)), ("count", .integer(s.avoidable)),
                ("by_cause", .integer(s.avoidableByCause)), ("repeat_only", .integer(s.avoidableRepeatOnly)),
                ("cost", .money(s.avoidableCost)),
            ])),
            ("csat", csat(s.csat)),
            ("cost", .object([("total", .money(s.costTotal)), ("per_contact", .money(s.costPerContact))])),
            ("handle_time", .object([("mean_seconds", .fraction(s.handleTimeMean)),
                                     ("median_seconds", .fraction(s.handleTimeMedian))])),
            ("resolution_time", .object([("median_seconds", .fraction(s.resolutionTimeMedian)),
                                         ("p90_seconds", .fraction(s.resolutionTimeP90))])),
            ("classification", .object([("coverage", .ratio(s.coverage)),
                                        ("unclassified", .integer(s.coverage.denominator - s.coverage.numerator))])),
            ("top_customer_share", report.topCustomerShare.map { .ratio($0) } ?? .null),
        ] + MetricCatalog.summaryMetrics.filter { !JSONReportRenderer.summaryContract.contains($0.key) }.map { metric in
            (metric.key, JSONValue.metric(metric.value(of: s), kind: metric.kind))
        })
    }

    /// The summary metrics the contract's nested objects show (`fcr.rate` is `fcr`, `repeat.count` is `repeats`,
    /// ...). Frozen: a new summary metric follows `top_customer_share` under its own key.
    static let summaryContract: Set<String> = [
        "contacts", "fcr", "fcr_evaluable", "fcr_resolved", "export_fcr", "repeat_rate", "repeats", "identified",
        "avoidable_rate", "avoidable", "avoidable_by_cause", "avoidable_repeat_only", "avoidable_cost",
        "csat_responses", "csat_response_rate", "csat_satisfied", "csat", "csat_mean", "csat_ci_low", "csat_ci_high",
        "cost_total", "cost_per_contact", "handle_time_mean_seconds", "handle_time_median_seconds",
        "resolution_time_median_seconds", "resolution_time_p90_seconds", "coverage", "unclassified",
    ]

    private func csat(_ c: CSATSummary) -> JSONValue {
        .object([
            ("responses", .integer(c.responses)), ("response_rate", .ratio(c.responseRate)),
            ("satisfied", .integer(c.satisfied)), ("rate", .ratio(c.rate)), ("mean", .fraction(c.mean)),
            ("ci_low", .fraction(c.confidenceLow)), ("ci_high", .fraction(c.confidenceHigh)),
        ])
    }

    /// The metric keys `cli-and-json.md` fixes for each section's rows, in the contract's order. Frozen: a new
    /// metric is declared in `MetricCatalog` and follows these keys, in catalog order (`SliceColumns`).
    static let channelContract = ["contacts", "share", "fcr", "repeat_rate", "avoidable_rate", "csat", "cost_total",
                                  "cost_per_contact"]
    static let causeContract = ["contacts", "share", "repeats", "fcr", "csat", "cost_total", "cost_share",
                                "avoidable_cost"]
    /// Processes, and the same for cause groups, queues and agents.
    static let dimensionContract = ["contacts", "share", "avoidable", "repeats", "fcr", "csat", "cost_total",
                                    "cost_share", "avoidable_cost"]
    static let periodContract = ["contacts", "fcr", "avoidable_rate", "csat", "cost_per_contact"]

    /// In a cause row `avoidable` is the contract's avoidable flag of the cause, so the count of avoidable
    /// contacts is written under this key there.
    static let causeAvoidableCountKey = "avoidable_contacts"

    /// A section's slice metrics, split once: the contract's in its order, then the rest in catalog order.
    struct SliceColumns: Sendable {
        let contract: [MetricDescriptor]
        let rest: [MetricDescriptor]

        init(contract keys: [String]) {
            let catalog = MetricCatalog.sliceMetrics
            contract = keys.compactMap { key in catalog.first { $0.key == key } }
            rest = catalog.filter { !keys.contains($0.key) }
        }
    }

    static let channelColumns = SliceColumns(contract: channelContract)
    static let causeColumns = SliceColumns(contract: causeContract)
    static let dimensionColumns = SliceColumns(contract: dimensionContract)
    static let periodColumns = SliceColumns(contract: periodContract)

    /// The figures of `metrics` for `m`, under their keys (or the key `renaming` gives).
    private func fields(_ m: MetricSet, _ metrics: [MetricDescriptor],
                        renaming: [String: String] = [:]) -> [(String, JSONValue)] {
        metrics.map { metric in
            (renaming[metric.key] ?? metric.key, JSONValue.metric(metric.value(of: m), kind: metric.kind))
        }
    }

    private func cause(_ row: BreakdownRow) -> JSONValue {
        let columns = JSONReportRenderer.causeColumns
        return .object([
            ("cause", .string(row.key)), ("process", .optionalString(row.process)),
            ("avoidable", row.avoidableCause.map { .bool($0) } ?? .null),
        ] + fields(row.metrics, columns.contract) + [("name", .string(row.name))]
          + fields(row.metrics, columns.rest,
                   renaming: ["avoidable": JSONReportRenderer.causeAvoidableCountKey]))
    }

    private func dimension(_ row: BreakdownRow, key: String) -> JSONValue {
        let columns = JSONReportRenderer.dimensionColumns
        return .object([(key, .string(row.key))] + fields(row.metrics, columns.contract)
                       + fields(row.metrics, columns.rest))
    }

    private func period(_ row: PeriodRow, _ time: ReportTimestampFormat) -> JSONValue {
        let m = row.metrics
        let channels = row.channels.keys.sorted().map { ($0.rawValue, JSONValue.integer(row.channels[$0] ?? 0)) }
        var change: JSONValue = .null
        if let c = row.change {
            change = .object([
                ("previous_period", .string(c.previousPeriod)), ("contacts", .integer(c.contacts)),
                ("contacts_growth", .fraction(c.contactsGrowth)), ("fcr", .fraction(c.fcr)),
                ("repeat_rate", .fraction(c.repeatRate)), ("avoidable_rate", .fraction(c.avoidableRate)),
                ("csat", .fraction(c.csat)), ("cost_per_contact", .money(c.costPerContact)),
                ("cost_total", .money(c.costTotal)),
            ])
        }
        let columns = JSONReportRenderer.periodColumns
        return .object([("period", .string(row.period)), ("partial", .bool(row.partial))]
                       + fields(m, columns.contract)
                       + [("channels", .object(channels)), ("start", .string(time.iso8601(row.start)))]
                       + fields(m, columns.rest) + [("change", change)])
    }

    private func emerging(_ e: EmergingCause) -> JSONValue {
        .object([
            ("cause", .string(e.cause)), ("name", .string(e.name)), ("process", .string(e.process)),
            ("period", .string(e.period)), ("previous_period", .string(e.previousPeriod)),
            ("contacts", .integer(e.contacts)), ("previous_contacts", .integer(e.previousContacts)),
            ("change", .integer(e.change)), ("growth", .fraction(e.growth)),
        ])
    }
}
