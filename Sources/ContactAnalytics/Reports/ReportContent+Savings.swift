extension ReportContent {
    /// The savings ledger's owners: avoidable contacts and cost, repeats and their cost, the savings estimate;
    /// led by the totals and the deflection shares in force.
    static func savingsOwnersTable(_ ledger: SavingsLedger, _ format: ReportNumberFormat) -> Table {
        let owners = ledger.owners
        let lead = [
            Fact(label: "Avoidable cost", value: format.moneyWithCurrency(ledger.avoidableCost),
                 detail: "\(format.count(ledger.avoidable)) avoidable contacts; repeats cost "
                    + format.moneyWithCurrency(ledger.repeatCost)),
            Fact(label: "Savings estimate", value: format.moneyWithCurrency(ledger.savings),
                 detail: "contacts x (cost in their channels - \(format.moneyWithCurrency(ledger.selfServiceCost)) "
                    + "in self-service) x deflection: "
                    + CauseFix.allCases.map { "\($0.rawValue) \(format.percent(ledger.deflection.share(for: $0)))" }
                        .joined(separator: ", ")),
        ]
        var table = Table(
            id: "savings", title: "Savings by process owner (\(ledger.currency))", noun: "owners",
            columns: [Column(header: "Process", numeric: false), Column(header: "Avoid.", numeric: true),
                      Column(header: "Avoid. cost", numeric: true), Column(header: "Repeats", numeric: true),
                      Column(header: "Repeat cost", numeric: true), Column(header: "Savings est.", numeric: true)],
            rows: owners.map {
                [$0.process, format.count($0.avoidable), format.money($0.avoidableCost), format.count($0.repeats),
                 format.money($0.repeatCost), format.money($0.savings)]
            },
            sums: [nil, owners.map { Double($0.avoidable) }, owners.map(\.avoidableCost), owners.map { Double($0.repeats) },
                   owners.map(\.repeatCost), owners.map(\.savings)],
            moneyColumns: [2, 4, 5], emptyNote: "No avoidable contacts.")
        table.lead = lead
        return table
    }

    /// FCR under each definition side by side; the headline's marked.
    static func fcrDefinitionsTable(_ report: ContactReport, _ format: ReportNumberFormat) -> Table {
        let rows = report.fcrDefinitions
        var table = Table(
            id: "fcr-definitions", title: "FCR by definition", noun: "definitions",
            columns: [Column(header: "Definition", numeric: false), Column(header: "FCR", numeric: true),
                      Column(header: "Resolved", numeric: true), Column(header: "Judged", numeric: true),
                      Column(header: "Note", numeric: false)],
            rows: rows.map { d in
                [d.label, d.fcr.map { format.percent($0) } ?? ReportNumberFormat.missing,
                 d.fcr.map { format.count($0.numerator) } ?? ReportNumberFormat.missing,
                 d.fcr.map { format.count($0.denominator) } ?? ReportNumberFormat.missing,
                 d.isHeadline ? "headline" + (d.note.isEmpty ? "" : "; " + d.note) : d.note]
            },
            sums: [nil, nil, nil, nil, nil], moneyColumns: [], emptyNote: "No contacts.")
        table.showsAll = true
        table.note = "Judged: contacts the definition can judge (windows: with a customer, opened at least the window "
            + "before the data end; the flag and one touch: with a value)."
        return table
    }

    /// The savings ledger's causes with a candidate fix, by savings estimate.
    static func savingsFixesTable(_ ledger: SavingsLedger, _ format: ReportNumberFormat) -> Table {
        let lines = ledger.owners.flatMap { owner in owner.causes.map { (owner.process, $0) } }
            .filter { $0.1.fix != nil }
            .sorted { a, b in
                let (x, y) = (a.1.savings ?? 0, b.1.savings ?? 0)
                return x != y ? x > y : a.1.cause < b.1.cause
            }
        return Table(
            id: "savings-fixes", title: "Candidate fixes by savings estimate (\(ledger.currency))", noun: "causes",
            columns: [Column(header: "Cause", numeric: false), Column(header: "Fix", numeric: false), Column(header: "Avoid.", numeric: true),
                      Column(header: "Avoid. cost", numeric: true), Column(header: "Deflect.", numeric: true),
                      Column(header: "Savings est.", numeric: true)],
            rows: lines.map { _, line in
                [line.cause, line.fix?.rawValue ?? ReportNumberFormat.missing, format.count(line.avoidable),
                 format.money(line.avoidableCost), format.percent(line.deflection, decimals: 0),
                 format.money(line.savings)]
            },
            sums: [nil, nil, lines.map { Double($0.1.avoidable) }, lines.map(\.1.avoidableCost), nil,
                   lines.map { $0.1.savings ?? 0 }],
            moneyColumns: [3, 5], emptyNote: "No cause with avoidable contacts has a candidate fix.")
    }
}
