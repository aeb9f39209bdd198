import TextDistance

/// `contactstat impact`: the savings ledger as statements, one per process owner, for a person to read or mail
/// (text, Markdown) or for a script (JSON, the same object as the report's `savings`).
///
/// It opens with the total (which is the report's avoidable cost) and a table of the owners; then each owner's
/// statement: a sentence with its avoidable contacts and cost, the cost of its causes' repeats and the savings
/// estimate, a table of its causes, and each cause's candidate fix and suggestion.
public struct SavingsStatement: Sendable {
    /// The formats `impact` writes.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public let report: ContactReport
    /// The owners whose statements are written: all (by avoidable cost), or the one asked for.
    public let owners: [SavingsLedger.Owner]

    /// The statements of every owner, or of `owner` only (its process name, any case). Throws
    /// `ContactStatError(.usage)` naming the owners when `owner` has none.
    public init(report: ContactReport, owner: String? = nil) throws {
        self.report = report
        let all = report.savings.owners
        guard let owner else {
            owners = all
            return
        }
        guard let found = all.first(where: { $0.process.lowercased() == owner.lowercased() }) else {
            let names = all.map(\.process)
            var message = "no process owner '\(owner)' has avoidable contacts"
            if let s = EditDistance.suggestion(for: owner, among: names) { message += "; did you mean '\(s)'?" }
            throw ContactStatError(.usage, message + (names.isEmpty ? " (none has any)"
                                                      : " (owners: \(names.joined(separator: ", ")))"))
        }
        owners = [found]
    }

    /// The statements in `format`.
    public func render(_ format: Format) -> String {
        switch format {
        case .json:
            var ledger = report.savings
            ledger.owners = owners
            return JSONReportRenderer.savings(ledger).serialized()
        case .markdown: return lines(markdown: true).joined(separator: "\n") + "\n"
        case .text: return lines(markdown: false).joined(separator: "\n") + "\n"
        }
    }

    private func lines(markdown: Bool) -> [String] {
        let ledger = report.savings
        let format = ReportNumberFormat(currency: ledger.currency)
        func escape(_ text: String) -> String {
            markdown ? MarkupEscaping.markdown(text) : MarkupEscaping.terminal(text)
        }
        var out: [String] = []
        func heading(_ text: String, level: Int) {
            if markdown {
                out.append(String(repeating: "#", count: level) + " " + escape(text))
            } else {
                out.append(text)
                out.append(String(repeating: level == 1 ? "=" : "-", count: min(100, text.count)))
            }
            out.append("")
        }
        func table(_ columns: [ReportContent.Column], _ rows: [[String]]) {
            if markdown {
                out.append("| " + columns.map { escape($0.header) }.joined(separator: " | ") + " |")
                out.append("|" + columns.map { $0.numeric ? " ---: |" : " --- |" }.joined())
                for row in rows { out.append("| " + row.map(escape).joined(separator: " | ") + " |") }
            } else {
                let laid = TextTable(columns: columns, rows: rows).lines(maxWidth: 100)
                out += [laid.header, laid.rule] + laid.rows
            }
            out.append("")
        }
        func money(_ value: Double?) -> String { format.moneyWithCurrency(value) }
        let range: String
        if let from = report.rangeFrom, let to = report.rangeTo {
            let time = ReportTimestampFormat(timeZoneIdentifier: report.definitions.timezone)
            range = "\(time.display(from)) to \(time.display(to)) (\(report.definitions.timezone))"
        } else {
            range = "no contacts in the reporting range"
        }
        heading("Savings ledger", level: 1)
        out.append(escape("\(range). \(format.count(ledger.avoidable)) avoidable contacts cost "
                          + "\(money(ledger.avoidableCost)) (the report's avoidable cost); repeats cost "
                          + "\(money(ledger.repeatCost)); the candidate fixes would save an estimated "
                          + "\(money(ledger.savings))."))
        out.append("")
        out.append(escape("Estimate per cause: avoidable contacts x (their cost in the channels they came in - "
                          + "\(money(ledger.selfServiceCost)) in self-service) x the fix's deflection share ("
                          + CauseFix.allCases.map { "\($0.rawValue) \(format.percent(ledger.deflection.share(for: $0))), "
                              + ledger.deflection.source(of: $0) }.joined(separator: "; ") + ")."))
        out.append("")
        let ownerColumns = [ReportContent.Column(header: "Process", numeric: false),
                            ReportContent.Column(header: "Avoidable", numeric: true),
                            ReportContent.Column(header: "Avoidable cost", numeric: true),
                            ReportContent.Column(header: "Repeat cost", numeric: true),
                            ReportContent.Column(header: "Savings estimate", numeric: true)]
        if owners.count > 1 || owners.count == ledger.owners.count {
            table(ownerColumns, ledger.owners.map {
                [$0.process, format.count($0.avoidable), format.money($0.avoidableCost), format.money($0.repeatCost),
                 format.money($0.savings)]
            } + [["Total", format.count(ledger.avoidable), format.money(ledger.avoidableCost),
                  format.money(ledger.repeatCost), format.money(ledger.savings)]])
        }
        for owner in owners {
            heading(owner.process, level: 2)
            var sentence = "\(owner.process): \(format.count(owner.avoidable)) avoidable contacts costing "
                + "\(money(owner.avoidableCost)); repeats of its causes cost \(money(owner.repeatCost))."
            if owner.causes.contains(where: { $0.fix != nil }) {
                sentence += " Fixing its causes as suggested below would save an estimated \(money(owner.savings))."
            } else {
                sentence += " No candidate fix is named for its causes"
                    + (owner.process == CauseDescriptor.unclassified.process
                       ? " (unclassified contacts have no cause; their avoidable contacts are repeats)." : ".")
            }
            out.append(escape(sentence))
            out.append("")
            table([ReportContent.Column(header: "Cause", numeric: false),
                   ReportContent.Column(header: "Avoidable", numeric: true),
                   ReportContent.Column(header: "Cost", numeric: true),
                   ReportContent.Column(header: "Repeat cost", numeric: true),
                   ReportContent.Column(header: "Fix", numeric: false),
                   ReportContent.Column(header: "Deflection", numeric: true),
                   ReportContent.Column(header: "Savings estimate", numeric: true)],
                  owner.causes.map {
                      [$0.name, format.count($0.avoidable), format.money($0.avoidableCost), format.money($0.repeatCost),
                       $0.fix?.rawValue ?? ReportNumberFormat.missing, format.percent($0.deflection, decimals: 0),
                       format.money($0.savings)]
                  })
            for line in owner.causes where line.fix != nil && !line.suggestion.isEmpty {
                let name = markdown ? "**\(escape(line.name))**" : line.name
                out.append("- \(name) (\(line.cause)): " + escape(line.suggestion))
            }
            if owner.causes.contains(where: { $0.fix != nil && !$0.suggestion.isEmpty }) { out.append("") }
        }
        while out.last == "" { out.removeLast() }
        return out
    }
}
