/// The three plain sentences that open every report, computed from the figures (never canned text). Each one
/// must be true of the data it describes, so edge data (nothing classified, no customer identity, no CSAT
/// column) gives its own wording rather than a figure's usual sentence:
///
/// 1. **Where the avoidable load comes from.** Processes ranked by avoidable contacts (ties: avoidable cost,
///    then name); the fewest that together reach half of the avoidable contacts that have a process are named,
///    at most three: "Logistics and Billing generate 61.2 % of avoidable contacts (4,210 of 6,880), costing
///    EUR 31,540.00." Unclassified contacts (the `Unassigned` bucket) are not a process: their avoidable
///    contacts (always repeats) are said apart: "…; 1,200 (17.4 %) are unclassified repeats."
/// 2. **The largest single avoidable cause.** The cause flagged avoidable with the most contacts (ties:
///    avoidable cost, then key), with its process, cost and repeat rate. Without a flagged cause, the classified
///    cause with the most repeats is named instead.
/// 3. **Outcome and cost.** FCR with its counts, CSAT with its 95 % interval and responses, cost per contact.
///    A missing FCR or CSAT says why: no customer identity (and how to map one), no contact old enough yet, no
///    CSAT column, or a CSAT column with no answers.
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

    /// The avoidable contacts, and their cost, of contacts no cause was given (the unclassified cause row).
    static func unclassifiedAvoidable(_ report: ContactReport) -> (count: Int, cost: Double) {
        guard let row = report.causes.first(where: { $0.key == CauseDescriptor.unclassified.path }) else { return (0, 0) }
        return (row.metrics.avoidable, row.metrics.avoidableCost)
    }

    /// The processes with the avoidable contacts each really has: the `Unassigned` row loses its unclassified
    /// contacts (and is left out when nothing else is in it).
    static func processAvoidable(_ report: ContactReport) -> [BreakdownRow] {
        let unclassified = unclassifiedAvoidable(report)
        return report.processes.compactMap { row in
            guard row.key == CauseDescriptor.unclassified.process else { return row }
            var real = row
            real.metrics.avoidable -= unclassified.count
            real.metrics.avoidableCost -= unclassified.cost
            return real.metrics.avoidable > 0 ? real : nil
        }
    }

    /// The processes the first sentence names, in order (presentation ranking, see the type's description);
    /// their `avoidable` figures leave out unclassified contacts.
    public static func leadingAvoidableProcesses(_ report: ContactReport) -> [BreakdownRow] {
        let ranked = processAvoidable(report).filter { $0.metrics.avoidable > 0 }.sorted { a, b in
            if a.metrics.avoidable != b.metrics.avoidable { return a.metrics.avoidable > b.metrics.avoidable }
            if a.metrics.avoidableCost != b.metrics.avoidableCost {
                return a.metrics.avoidableCost > b.metrics.avoidableCost
            }
            return a.key < b.key
        }
        let total = ranked.reduce(0) { $0 + $1.metrics.avoidable }
        guard total > 0 else { return [] }
        var chosen: [BreakdownRow] = []
        var sum = 0
        for row in ranked {
            chosen.append(row)
            sum += row.metrics.avoidable
            if sum * 2 >= total || chosen.count == 3 { break }
        }
        return chosen
    }

    /// Whether any contact counted has a customer identity (customer id, e-mail or phone).
    static func hasIdentity(_ report: ContactReport) -> Bool {
        report.summary.identified > 0
    }

    /// Why no contact can be a repeat or evaluated for FCR, when no contact has an identity.
    static func identityReason(_ report: ContactReport) -> String {
        if let mapped = report.input.mappedFields,
           !(mapped.contains("customer") || mapped.contains("email") || mapped.contains("phone")) {
            return "no customer identity is mapped (name the column with --map customer=COLUMN, "
                + "or --map email=COLUMN or --map phone=COLUMN)"
        }
        return "no contact has a customer identity (the customer, e-mail and phone columns are empty)"
    }

    static func avoidableLoad(_ report: ContactReport, _ format: ReportNumberFormat) -> String {
        let summary = report.summary
        if summary.contacts == 0 {
            return "No contacts were counted in the reporting range, so no process generates avoidable load."
        }
        let classified = summary.coverage.numerator
        if summary.avoidable == 0 {
            if classified == 0 && summary.coverage.denominator > 0 {
                return "No avoidable load can be named: none of the \(format.count(summary.contacts)) contacts was "
                    + "given a cause, and " + (hasIdentity(report) ? "none is a repeat."
                        : "repeats cannot be found because \(identityReason(report)).")
            }
            return "None of the \(format.count(summary.contacts)) contacts was avoidable: no contact has a cause "
                + "flagged avoidable and " + (hasIdentity(report) ? "none is a repeat."
                    : "repeats cannot be found because \(identityReason(report)).")
        }
        let unclassified = unclassifiedAvoidable(report)
        let unclassifiedPart = unclassified.count > 0
            ? "; \(format.count(unclassified.count)) (\(format.percent(Double(unclassified.count) / Double(summary.avoidable)))) "
                + "are repeats among unclassified contacts, which have no process"
            : ""
        let leading = leadingAvoidableProcesses(report)
        guard !leading.isEmpty else {
            if report.processes.isEmpty || unclassified.count == 0 {
                return "\(format.count(summary.avoidable)) of \(format.count(summary.contacts)) contacts "
                    + "(\(format.percent(summary.avoidableRate))) were avoidable, costing "
                    + "\(format.moneyWithCurrency(summary.avoidableCost)); no process breakdown is available."
            }
            return "All \(format.count(summary.avoidable)) avoidable contacts (\(format.percent(summary.avoidableRate)) "
                + "of \(format.count(summary.contacts))) are repeats among unclassified contacts, costing "
                + "\(format.moneyWithCurrency(summary.avoidableCost)); no process can be named for them until they "
                + "are given a cause."
        }
        let count = leading.reduce(0) { $0 + $1.metrics.avoidable }
        let cost = leading.reduce(0.0) { $0 + $1.metrics.avoidableCost }
        let share = Double(count) / Double(summary.avoidable)
        let verb = leading.count == 1 ? "generates" : "generate"
        return "\(listed(leading.map(\.key))) \(verb) \(format.percent(share)) of avoidable contacts "
            + "(\(format.count(count)) of \(format.count(summary.avoidable))), costing "
            + "\(format.moneyWithCurrency(cost))\(unclassifiedPart)."
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
        let summary = report.summary
        if summary.coverage.numerator == 0 && summary.coverage.denominator > 0 {
            return "No contact was given a cause, so no avoidable cause can be named."
        }
        let repeated = report.causes.filter { $0.metrics.repeats > 0 && $0.key != CauseDescriptor.unclassified.path }
        if let top = repeated.min(by: { a, b in
            a.metrics.repeats != b.metrics.repeats ? a.metrics.repeats > b.metrics.repeats : a.key < b.key
        }) {
            return "No cause of these contacts is flagged avoidable; the most repeated cause is \(top.key) with "
                + "\(format.count(top.metrics.repeats)) repeats among \(format.count(top.metrics.contacts)) contacts."
        }
        if !hasIdentity(report) {
            return "No cause of these contacts is flagged avoidable, and repeats cannot be found because "
                + "\(identityReason(report))."
        }
        if summary.repeats > 0 {
            return "No cause of these contacts is flagged avoidable; the only repeats "
                + "(\(format.count(summary.repeats))) are among unclassified contacts."
        }
        return "No cause of these contacts is flagged avoidable and no contact is a repeat."
    }

    static func outcome(_ report: ContactReport, _ format: ReportNumberFormat) -> String {
        let summary = report.summary
        if summary.contacts == 0 { return "Without contacts there is no FCR, CSAT or cost per contact." }
        var parts: [String] = []
        if summary.fcr.value != nil {
            parts.append("FCR is \(format.percent(summary.fcr)) (\(format.count(summary.fcr.numerator)) of "
                + "\(format.count(summary.fcr.denominator)) evaluable contacts)")
        } else if !hasIdentity(report) {
            parts.append("FCR has no value because \(identityReason(report))")
        } else {
            let window = ReportNumberFormat.fraction(report.definitions.window.days) ?? ReportNumberFormat.missing
            parts.append("FCR has no value yet (no contact with a customer opened at least \(window) days before the "
                + "last contact read, so none is old enough to evaluate)")
        }
        let csat = summary.csat
        if csat.rate.value != nil {
            var detail = "CSAT is \(format.percent(csat.rate)) ("
            if let low = csat.confidenceLow, let high = csat.confidenceHigh {
                detail += "95 % CI \(format.percent(low))–\(format.percent(high)), "
            }
            detail += "\(format.count(csat.responses)) " + (csat.responses == 1 ? "response" : "responses") + ")"
            parts.append(detail)
        } else if let mapped = report.input.mappedFields, !mapped.contains("csat") {
            parts.append("CSAT has no value (the export has no satisfaction column; name one with --map csat=COLUMN)")
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
