/// The three plain sentences that open every report, computed from the figures (never canned text):
///
/// 1. **Where the avoidable load comes from.** Processes ranked by avoidable contacts (ties: avoidable cost,
///    then name); the fewest that together reach half of all avoidable contacts are named, at most three:
///    "Logistics and Billing generate 61.2 % of avoidable contacts (4,210 of 6,880), costing EUR 31,540.00."
/// 2. **The largest single avoidable cause.** The cause flagged avoidable with the most contacts (ties:
///    avoidable cost, then key), with its process, cost and repeat rate. Without a flagged cause, the cause
///    with the most repeats is named instead.
/// 3. **Outcome and cost.** FCR with its counts, CSAT with its 95 % interval and responses, cost per contact.
///
/// Missing figures are said in words ("CSAT has no value (no responses)"), never as `nan` or `0`. An empty
/// report gives three sentences that say there were no contacts. The sentences are plain text: renderers
/// escape them for their markup.
public struct ReportNarrative: Sendable, Equatable {
    /// Exactly three sentences, in order.
    public var sentences: [String]

    /// The sentences for `report`.
    public init(report: ContactReport) {
        let format = ReportNumberFormat(currency: report.definitions.currency)
        sentences = [
            ReportNarrative.avoidableLoad(report, format),
            ReportNarrative.largestCause(report, format),
            ReportNarrative.outcome(report, format),
        ]
    }

    /// The processes the first sentence names, in order (presentation ranking, see the type's description).
    public static func leadingAvoidableProcesses(_ report: ContactReport) -> [BreakdownRow] {
        let total = report.summary.avoidable
        guard total > 0 else { return [] }
        let ranked = report.processes.filter { $0.metrics.avoidable > 0 }.sorted { a, b in
            if a.metrics.avoidable != b.metrics.avoidable { return a.metrics.avoidable > b.metrics.avoidable }
            if a.metrics.avoidableCost != b.metrics.avoidableCost {
                return a.metrics.avoidableCost > b.metrics.avoidableCost
            }
            return a.key < b.key
        }
        var chosen: [BreakdownRow] = []
        var sum = 0
        for row in ranked {
            chosen.append(row)
            sum += row.metrics.avoidable
            if sum * 2 >= total || chosen.count == 3 { break }
        }
        return chosen
    }

    static func avoidableLoad(_ report: ContactReport, _ format: ReportNumberFormat) -> String {
        let summary = report.summary
        if summary.contacts == 0 {
            return "No contacts were counted in the reporting range, so no process generates avoidable load."
        }
        if summary.avoidable == 0 {
            return "None of the \(format.count(summary.contacts)) contacts was avoidable: "
                + "no contact has a cause flagged avoidable and none is a repeat."
        }
        let leading = leadingAvoidableProcesses(report)
        guard !leading.isEmpty else {
            return "\(format.count(summary.avoidable)) of \(format.count(summary.contacts)) contacts "
                + "(\(format.percent(summary.avoidableRate))) were avoidable, costing "
                + "\(format.moneyWithCurrency(summary.avoidableCost)); no process breakdown is available."
        }
        let count = leading.reduce(0) { $0 + $1.metrics.avoidable }
        let cost = leading.reduce(0.0) { $0 + $1.metrics.avoidableCost }
        let share = Double(count) / Double(summary.avoidable)
        let verb = leading.count == 1 ? "generates" : "generate"
        return "\(listed(leading.map(\.key))) \(verb) \(format.percent(share)) of avoidable contacts "
            + "(\(format.count(count)) of \(format.count(summary.avoidable))), costing "
            + "\(format.moneyWithCurrency(cost))."
    }

    static func largestCause(_ report: ContactReport, _ format: ReportNumberFormat) -> String {
        if report.summary.contacts == 0 { return "There is no avoidable cause to name." }
        let flagged = report.causes.filter { $0.avoidableCause == true && $0.metrics.contacts > 0 }
        if let top = flagged.min(by: { a, b in
            if a.metrics.contacts != b.metrics.contacts { return a.metrics.contacts > b.metrics.contacts }
            if a.metrics.avoidableCost != b.metrics.avoidableCost {
                return a.metrics.avoidableCost > b.metrics.avoidableCost
            }
            return a.key < b.key
        }) {
            var sentence = "The largest single avoidable cause is \(top.key)"
            if let process = top.process, !process.isEmpty { sentence += " (\(process))" }
            sentence += ": \(format.count(top.metrics.contacts)) "
                + (top.metrics.contacts == 1 ? "contact" : "contacts")
                + " costing \(format.moneyWithCurrency(top.metrics.costTotal))"
            if let repeatRate = top.metrics.repeatRate.value {
                sentence += ", with a repeat rate of \(format.percent(repeatRate))"
            }
            return sentence + "."
        }
        let repeated = report.causes.filter { $0.metrics.repeats > 0 }
        if let top = repeated.min(by: { a, b in
            a.metrics.repeats != b.metrics.repeats ? a.metrics.repeats > b.metrics.repeats : a.key < b.key
        }) {
            return "No cause is flagged avoidable; the most repeated cause is \(top.key) with "
                + "\(format.count(top.metrics.repeats)) repeats among \(format.count(top.metrics.contacts)) contacts."
        }
        return "No cause is flagged avoidable and no contact is a repeat."
    }

    static func outcome(_ report: ContactReport, _ format: ReportNumberFormat) -> String {
        let summary = report.summary
        if summary.contacts == 0 { return "Without contacts there is no FCR, CSAT or cost per contact." }
        var parts: [String] = []
        if summary.fcr.value != nil {
            parts.append("FCR is \(format.percent(summary.fcr)) (\(format.count(summary.fcr.numerator)) of "
                + "\(format.count(summary.fcr.denominator)) evaluable contacts)")
        } else {
            parts.append("FCR has no value yet (no contact is old enough to evaluate)")
        }
        let csat = summary.csat
        if csat.rate.value != nil {
            var detail = "CSAT is \(format.percent(csat.rate)) ("
            if let low = csat.confidenceLow, let high = csat.confidenceHigh {
                detail += "95 % CI \(format.percent(low))–\(format.percent(high)), "
            }
            detail += "\(format.count(csat.responses)) " + (csat.responses == 1 ? "response" : "responses") + ")"
            parts.append(detail)
        } else {
            parts.append("CSAT has no value (no responses)")
        }
        if let perContact = summary.costPerContact, perContact.isFinite {
            parts.append("a contact costs \(format.moneyWithCurrency(perContact)) on average")
        } else {
            parts.append("the cost per contact has no value")
        }
        return listed(parts) + "."
    }

    /// `a`, `a and b`, `a, b and c`.
    static func listed(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
