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

    /// Thresholds to check; `nil` ones are skipped.
    public init(minFCR: Double? = nil, maxAvoidableRate: Double? = nil, minCSAT: Double? = nil,
                maxCostPerContact: Double? = nil, minSLAMet: Double? = nil) {
        self.minSLAMet = minSLAMet
        self.minFCR = minFCR
        self.maxAvoidableRate = maxAvoidableRate
        self.minCSAT = minCSAT
        self.maxCostPerContact = maxCostPerContact
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
    }

    /// A threshold the report breaches: the metric, its value, the limit, and a message such as
    /// "FCR 68.2 % is below the minimum 70.0 %".
    public struct Breach: Sendable, Equatable {
        /// The metric breached.
        public var metric: Metric
        /// Its value in the report (a fraction for rates, money for cost per contact).
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
        /// resolution SLA.
        public var breaches: [Breach]
        /// Thresholds that could not be checked because the metric has no value, one line each.
        public var notes: [String]
        /// `true` when no threshold is breached.
        public var passed: Bool { breaches.isEmpty }
    }

    /// Evaluates every given threshold, in the order FCR, avoidable rate, CSAT, cost per contact, first-reply
    /// SLA, resolution SLA.
    public func evaluate(_ report: ContactReport) -> Result {
        let s = report.summary
        let format = ReportNumberFormat(currency: report.definitions.currency)
        var breaches: [Breach] = []
        var notes: [String] = []
        func check(_ metric: Metric, _ value: Double?, _ limit: Double?, minimum: Bool, money: Bool, missing: String) {
            guard let limit else { return }
            func show(_ number: Double, _ places: Int) -> String {
                money ? format.currency + " " + (ReportNumberFormat.fixed(number, places: places + 1)
                                                  .map(ReportNumberFormat.groupedDecimal) ?? ReportNumberFormat.missing)
                      : format.percent(number, decimals: places)
            }
            // One decimal, or two when one would misstate the limit or make value and limit look equal.
            let scaledLimit = money ? limit * 100 : limit * 1000
            var places = (scaledLimit - scaledLimit.rounded()).magnitude > 1e-6 ? 2 : 1
            guard let value, value.isFinite else {
                notes.append("\(metric.rawValue) has no value (\(missing)); the \(minimum ? "minimum" : "maximum") "
                    + "\(show(limit, places)) was not checked.")
                return
            }
            let breached = minimum ? value < limit : value > limit
            guard breached else { return }
            if show(value, places) == show(limit, places) { places = 2 }
            let valueText = show(value, places), shownLimit = show(limit, places)
            let relation = minimum ? "is below the minimum" : "is above the maximum"
            breaches.append(Breach(metric: metric, value: value, limit: limit,
                                   message: "\(metric.rawValue) \(valueText) \(relation) \(shownLimit)"))
        }
        check(.fcr, s.fcr.value, minFCR, minimum: true, money: false, missing: "no evaluable contacts")
        check(.avoidableRate, s.avoidableRate.value, maxAvoidableRate, minimum: false, money: false, missing: "no contacts")
        check(.csat, s.csat.rate.value, minCSAT, minimum: true, money: false, missing: "no CSAT responses")
        check(.costPerContact, s.costPerContact, maxCostPerContact, minimum: false, money: true, missing: "no contacts")
        check(.firstReplySLA, s.firstReplySLA.value, minSLAMet, minimum: true, money: false,
              missing: "no contact with a first-reply time and a target in sla.first_reply")
        check(.resolutionSLA, s.resolutionSLA.value, minSLAMet, minimum: true, money: false,
              missing: "no contact with a resolution time and a target in sla.resolution")
        return Result(breaches: breaches, notes: notes)
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
