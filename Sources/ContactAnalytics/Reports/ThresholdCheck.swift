import Foundation

/// The thresholds of `contactstat check` and their evaluation against `report.summary`.
///
/// Rates are fractions (`0.7` = 70 %); ``parseRate(_:)`` reads the command-line forms. Rules:
/// - **Minimums** (`minFCR`, `minCSAT`) are breached when the value is *below* the limit; **maximums**
///   (`maxAvoidableRate`, `maxCostPerContact`) when it is *above*. A value exactly at the limit passes.
///   Values are compared unrounded; messages show one decimal (percentages) or two (money), one more where
///   that would misstate the limit or make the value look equal to it.
/// - **A metric without a value** (no evaluable contact for FCR, no CSAT response, no contact at all) is
///   **not a breach**: it gives a note saying the threshold could not be checked. A CI gate thus does not fail
///   on a quiet week; the notes are printed so the gap is visible.
/// - Thresholds that are `nil` are not checked.
public struct ThresholdCheck: Sendable, Equatable {
    /// The minimum FCR (repeat-window method), as a fraction.
    public var minFCR: Double?
    /// The maximum avoidable-contact rate, as a fraction.
    public var maxAvoidableRate: Double?
    /// The minimum CSAT (satisfied / responses), as a fraction.
    public var minCSAT: Double?
    /// The maximum cost per contact, in the report's currency.
    public var maxCostPerContact: Double?
    /// The minimum share of contacts within their SLA target, as a fraction: checked against the first-reply
    /// SLA and the resolution SLA, each on its own (`summary.firstReplySLA`, `summary.resolutionSLA`).
    public var minSLAMet: Double?

    /// Thresholds on slices (`--max-avoidable-rate cause=billing/*:40%`), in the order given.
    public var slices: [SliceThreshold]
    /// Change gates against the previous full period (`--max-change avoidable-rate=+5pp`).
    public var changes: [ChangeGate]
    /// A change gate fires only when its two-proportion z-test's p-value is below this level.
    public var significance: Double
    /// A slice threshold checks only slices with at least this many contacts; smaller ones are listed as not
    /// checked (a rate of 3 contacts moves 33 points with one contact, so it would trip gates by chance).
    public var minSliceContacts: Int

    /// The smallest slice a slice threshold checks when none is given: 30 contacts, the usual rule of thumb
    /// for a rate's normal approximation (with 30 contacts one contact moves a rate 3.3 points, and the 95 %
    /// interval of a 50 % rate is still about +-18 points).
    public static let defaultMinSliceContacts = 30

    /// The significance level when none is given.
    public static let defaultSignificance = 0.05

    /// Thresholds to check; `nil` ones are skipped.
    public init(minFCR: Double? = nil, maxAvoidableRate: Double? = nil, minCSAT: Double? = nil,
                maxCostPerContact: Double? = nil, minSLAMet: Double? = nil, slices: [SliceThreshold] = [],
                changes: [ChangeGate] = [], significance: Double = ThresholdCheck.defaultSignificance,
                minSliceContacts: Int = ThresholdCheck.defaultMinSliceContacts) {
        self.minSliceContacts = minSliceContacts
        self.minSLAMet = minSLAMet
        self.minFCR = minFCR
        self.maxAvoidableRate = maxAvoidableRate
        self.minCSAT = minCSAT
        self.maxCostPerContact = maxCostPerContact
        self.slices = slices
        self.changes = changes
        self.significance = significance
    }

    /// Whether no gate at all is given.
    public var isEmpty: Bool {
        minFCR == nil && maxAvoidableRate == nil && minCSAT == nil && maxCostPerContact == nil && minSLAMet == nil
            && slices.isEmpty && changes.isEmpty
    }

    /// The metric a threshold concerns.
    public enum Metric: String, Sendable, Equatable, CaseIterable {
        /// FCR by the repeat-window method (`summary.fcr`).
        case fcr = "FCR"
        /// Avoidable contacts / contacts (`summary.avoidableRate`).
        case avoidableRate = "Avoidable-contact rate"
        /// Satisfied responses / responses (`summary.csat.rate`).
        case csat = "CSAT"
        /// Total cost / contacts (`summary.costPerContact`).
        case costPerContact = "Cost per contact"
        /// Contacts within their first-reply target / contacts with a first reply and a target.
        case firstReplySLA = "First-reply SLA met"
        /// Contacts within their resolution target / contacts with a resolution time and a target.
        case resolutionSLA = "Resolution SLA met"
        /// Repeats / identified contacts (change gates only).
        case repeatRate = "Repeat rate"

        /// Whether the limit is a minimum (FCR, CSAT, SLA met) or a maximum.
        var isMinimum: Bool { [.fcr, .csat, .firstReplySLA, .resolutionSLA].contains(self) }

        /// The metric's value in `m`, and why it may have none.
        func value(_ m: MetricSet) -> (value: Double?, missing: String) {
            switch self {
            case .fcr: (m.fcr.value, "no evaluable contacts")
            case .avoidableRate: (m.avoidableRate.value, "no contacts")
            case .csat: (m.csat.rate.value, "no CSAT responses")
            case .costPerContact: (m.costPerContact, "no contacts")
            case .firstReplySLA: (m.firstReplySLA.value, "no contact with a first-reply time and a target in sla.first_reply")
            case .resolutionSLA: (m.resolutionSLA.value, "no contact with a resolution time and a target in sla.resolution")
            case .repeatRate: (m.repeatRate.value, "no identified contacts")
            }
        }
    }

    /// A threshold the report breaches: the metric, its value, the limit, and a message such as
    /// "FCR 68.2 % is below the minimum 70.0 %".
    public struct Breach: Sendable, Equatable {
        /// The metric breached.
        public var metric: Metric
        /// Its value in the report (a fraction for rates, money for cost per contact; a change gate: the change).
        public var value: Double
        /// The threshold it breaches, in the same unit.
        public var limit: Double
        /// One human line naming the metric, its value and the limit.
        public var message: String
    }

    /// The outcome: breaches (the command exits 1 when there is any) and notes about thresholds that could not
    /// be checked.
    public struct Result: Sendable, Equatable {
        /// The thresholds breached, in the order FCR, avoidable rate, CSAT, cost per contact, first-reply SLA,
        /// resolution SLA, then the slice thresholds and the change gates as given.
        public var breaches: [Breach]
        /// Thresholds that could not be checked because the metric has no value, one line each.
        public var notes: [String]
        /// Every gate given, passed or not, in the same order (`JUnitReport`, `GitHubAnnotations`).
        public var gates: [GateResult] = []
        /// One line per change gate compared: the periods, the change, z and p.
        public var changes: [String] = []
        /// `true` when no threshold is breached.
        public var passed: Bool { breaches.isEmpty }
    }

    /// Evaluates every given threshold, in the order FCR, avoidable rate, CSAT, cost per contact, first-reply
    /// SLA, resolution SLA (on the whole report), then each slice threshold on every matching slice, then each
    /// change gate.
    public func evaluate(_ report: ContactReport) -> Result {
        let format = ReportNumberFormat(currency: report.definitions.currency)
        var result = Result(breaches: [], notes: [])
        let overall: [(Metric, Double?)] = [(.fcr, minFCR), (.avoidableRate, maxAvoidableRate), (.csat, minCSAT),
                                            (.costPerContact, maxCostPerContact), (.firstReplySLA, minSLAMet),
                                            (.resolutionSLA, minSLAMet)]
        for (metric, limit) in overall {
            guard let limit else { continue }
            Self.check(metric, in: report.summary, limit: limit, scope: nil, format: format, into: &result)
        }
        for threshold in slices {
            let rows = threshold.dimension.rows(report).filter { threshold.pattern.matches($0.key) }
            let metrics: [Metric] = threshold.metric == .firstReplySLA ? [.firstReplySLA, .resolutionSLA] : [threshold.metric]
            guard !rows.isEmpty else {
                let scope = "\(threshold.dimension.rawValue) \(threshold.pattern.text)"
                for metric in metrics {
                    let note = "\(scope): no \(threshold.dimension.rawValue) matches the pattern; the "
                        + "\(metric.isMinimum ? "minimum" : "maximum") \(metric.rawValue) was not checked."
                    result.notes.append(note)
                    result.gates.append(GateResult(name: Self.gateName(metric, threshold.limit, scope: scope, format: format),
                                                   status: .unchecked, message: note))
                }
                continue
            }
            let small = rows.filter { $0.metrics.contacts < minSliceContacts }
            for row in rows where row.metrics.contacts >= minSliceContacts {
                for metric in metrics {
                    Self.check(metric, in: row.metrics, limit: threshold.limit,
                               scope: "\(threshold.dimension.rawValue) \(row.key)", format: format, into: &result)
                }
            }
            if !small.isEmpty {
                let scope = "\(threshold.dimension.rawValue) \(threshold.pattern.text)"
                let listed = small.map { "\($0.key) (\(format.count($0.metrics.contacts)))" }.joined(separator: ", ")
                for metric in metrics {
                    let note = "\(scope): \(small.count) \(threshold.dimension.rawValue)\(small.count == 1 ? "" : "s") under "
                        + "\(format.count(minSliceContacts)) contacts, the \(metric.isMinimum ? "minimum" : "maximum") "
                        + "\(metric.rawValue) not checked on \(small.count == 1 ? "it" : "them"): \(listed)."
                    result.notes.append(note)
                    for row in small {
                        let slice = "\(threshold.dimension.rawValue) \(row.key)"
                        result.gates.append(GateResult(
                            name: Self.gateName(metric, threshold.limit, scope: slice, format: format), status: .unchecked,
                            message: "\(slice): \(format.count(row.metrics.contacts)) contacts, under the minimum slice "
                                + "of \(format.count(minSliceContacts)); not checked."))
                    }
                }
            }
        }
        for gate in changes {
            compare(gate, report: report, format: format, into: &result)
        }
        return result
    }

    /// The limit as shown: one decimal, or two when one would misstate it.
    private static func show(_ number: Double, _ places: Int, money: Bool, format: ReportNumberFormat) -> String {
        money ? format.currency + " " + (ReportNumberFormat.fixed(number, places: places + 1)
                                          .map(ReportNumberFormat.groupedDecimal) ?? ReportNumberFormat.missing)
              : format.percent(number, decimals: places)
    }

    private static func limitPlaces(_ limit: Double, money: Bool) -> Int {
        let scaledLimit = money ? limit * 100 : limit * 1000
        return (scaledLimit - scaledLimit.rounded()).magnitude > 1e-6 ? 2 : 1
    }

    /// A threshold gate's name: `[scope: ]Metric >= limit`.
    private static func gateName(_ metric: Metric, _ limit: Double, scope: String?, format: ReportNumberFormat) -> String {
        let money = metric == .costPerContact
        let shown = show(limit, limitPlaces(limit, money: money), money: money, format: format)
        return (scope.map { $0 + ": " } ?? "") + "\(metric.rawValue) \(metric.isMinimum ? ">=" : "<=") \(shown)"
    }

    /// Checks one metric of one set of figures against its limit.
    private static func check(_ metric: Metric, in metrics: MetricSet, limit: Double, scope: String?,
                              format: ReportNumberFormat, into result: inout Result) {
        let money = metric == .costPerContact, minimum = metric.isMinimum
        let prefix = scope.map { $0 + ": " } ?? ""
        let name = gateName(metric, limit, scope: scope, format: format)
        var places = limitPlaces(limit, money: money)
        let (value, missing) = metric.value(metrics)
        guard let value, value.isFinite else {
            let note = "\(prefix)\(metric.rawValue) has no value (\(missing)); the \(minimum ? "minimum" : "maximum") "
                + "\(show(limit, places, money: money, format: format)) was not checked."
            result.notes.append(note)
            result.gates.append(GateResult(name: name, status: .unchecked, message: note))
            return
        }
        let breached = minimum ? value < limit : value > limit
        guard breached else {
            result.gates.append(GateResult(name: name, status: .passed, message: "\(prefix)\(metric.rawValue) "
                + "\(show(value, places, money: money, format: format)) "
                + "\(minimum ? "meets the minimum" : "is within the maximum") \(show(limit, places, money: money, format: format))"))
            return
        }
        if show(value, places, money: money, format: format) == show(limit, places, money: money, format: format) { places = 2 }
        let relation = minimum ? "is below the minimum" : "is above the maximum"
        let message = "\(prefix)\(metric.rawValue) \(show(value, places, money: money, format: format)) \(relation) "
            + show(limit, places, money: money, format: format)
        result.breaches.append(Breach(metric: metric, value: value, limit: limit, message: message))
        result.gates.append(GateResult(name: name, status: .breached, message: message))
    }

    /// A change gate: the latest full period against the full period before it.
    private func compare(_ gate: ChangeGate, report: ContactReport, format: ReportNumberFormat, into result: inout Result) {
        let metric: Metric = switch gate.measure {
        case .fcr: .fcr
        case .avoidableRate: .avoidableRate
        case .repeatRate: .repeatRate
        case .csat: .csat
        }
        let level = ReportNumberFormat.fixed(significance, places: 3).map { text in
            var trimmed = text
            while trimmed.hasSuffix("0") { trimmed.removeLast() }
            return trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
        } ?? "\(significance)"
        let limitText = format.percentagePoints(gate.limit)
        let name = "\(gate.measure.label) change vs previous full period \(gate.limit < 0 ? ">=" : "<=") \(limitText) (p < \(level))"
        let full = report.periods.filter { !$0.partial }
        guard full.count >= 2 else {
            let partial = report.periods.filter(\.partial).map(\.period)
            let note = "\(gate.measure.label) change was not checked: \(full.count) full period\(full.count == 1 ? "" : "s") "
                + "in the range, two are needed" + (partial.isEmpty ? "" : " (partial, never compared: \(partial.joined(separator: ", ")))")
                + "."
            result.notes.append(note)
            result.gates.append(GateResult(name: name, status: .unchecked, message: note))
            return
        }
        let previous = full[full.count - 2], current = full[full.count - 1]
        let before = gate.measure.ratio(previous.metrics), after = gate.measure.ratio(current.metrics)
        guard let p1 = before.value, let p2 = after.value else {
            let note = "\(gate.measure.label) change \(previous.period) -> \(current.period) was not checked: "
                + "\(metric.value(previous.metrics).missing) in \(before.value == nil ? previous.period : current.period)."
            result.notes.append(note)
            result.gates.append(GateResult(name: name, status: .unchecked, message: note))
            return
        }
        let change = p2 - p1
        let test = TwoProportionZTest(x1: before.numerator, n1: before.denominator, x2: after.numerator, n2: after.denominator)
        let pText = test.map { "z = " + (ReportNumberFormat.fixed($0.z, places: 2) ?? "–") + ", p = "
            + (ReportNumberFormat.fixed($0.pValue, places: 3) ?? "–") } ?? "no variance to test"
        let summary = "\(gate.measure.label) \(previous.period) -> \(current.period): \(format.percent(before)) -> "
            + "\(format.percent(after)) (\(format.percentagePoints(change)); \(before.numerator)/\(before.denominator) -> "
            + "\(after.numerator)/\(after.denominator); \(pText))"
        result.changes.append(summary)
        let past = gate.limit < 0 ? change < gate.limit : change > gate.limit
        let significant = test.map { $0.pValue < significance } ?? false
        if past && significant {
            let message = "\(summary) moved past \(limitText), significant at \(level)"
            result.breaches.append(Breach(metric: metric, value: change, limit: gate.limit, message: message))
            result.gates.append(GateResult(name: name, status: .breached, message: message))
        } else {
            let why = past ? "past \(limitText) but not significant at \(level)" : "within \(limitText)"
            result.gates.append(GateResult(name: name, status: .passed, message: "\(summary): \(why)"))
        }
    }

    /// Reads a rate threshold: a fraction `0.7`, or a percentage `70%` / `70 %`. A bare number above 1 is
    /// refused (`nil`), since `70` could mean either; so is anything outside 0...1 after conversion.
    public static func parseRate(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        var percent = false
        if body.hasSuffix("%") {
            percent = true
            body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let number = Double(body), number.isFinite else { return nil }
        let value = percent ? number / 100 : number
        return value >= 0 && value <= 1 ? value : nil
    }
}
