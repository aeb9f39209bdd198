extension ReportContent {
    /// Contacts per 1,000 units (`--per FILE`): the totals per period (units and rate for each unit column), then
    /// by channel and by cause, each led by the rows over every complete period measured (`all`). Periods and
    /// values without a rate are named in the first table's lead and note; partial periods carry the mark.
    /// No tables without a volume file.
    static func perUnitTables(_ report: ContactReport, _ format: ReportNumberFormat) -> [Table] {
        guard let figures = report.perUnit else { return [] }
        let partialPeriods = Set(report.periods.filter(\.partial).map(\.period))
        func periodCell(_ row: PerUnitFigures.Row) -> String {
            guard let period = row.period else { return "all complete" }
            return partialPeriods.contains(period) ? period + partialMark : period
        }
        func rateCell(_ rate: PerUnitFigures.Rate) -> String {
            switch rate.status {
            case .measured: format.decimal(rate.perThousand, places: 2)
            case .zeroUnits: "no rate (0)"
            case .noValue, .noVolumeRow, .noPeriod: ReportNumberFormat.missing
            }
        }
        func unitsCell(_ rate: PerUnitFigures.Rate) -> String {
            guard let units = rate.units else { return ReportNumberFormat.missing }
            return units == units.rounded() && abs(units) < 9e15 ? format.count(Int(units)) : format.decimal(units, places: 2)
        }
        let units = figures.units
        let noSums: (Int) -> [[Double]?] = { Array(repeating: nil, count: $0) }

        var totalRows: [[String]] = []
        for row in figures.rows where row.dimension == .total {
            totalRows.append([periodCell(row), format.count(row.rates.first?.contacts ?? 0)]
                             + row.rates.flatMap { [unitsCell($0), rateCell($0)] })
        }
        var totals = Table(
            id: "per-unit", title: "Contacts per 1,000 units (\(figures.file))", noun: "periods",
            columns: [Column(header: "Period", numeric: false), Column(header: "Contacts", numeric: true)]
                + units.flatMap { [Column(header: $0, numeric: true), Column(header: "per 1,000", numeric: true)] },
            rows: totalRows, sums: noSums(2 + 2 * units.count), moneyColumns: [], emptyNote: "No periods.")
        totals.showsAll = true
        totals.lead = [Fact(label: "Definition", value: "per 1,000 units", detail: PerUnitFigures.definition)]
            + (figures.gaps.isEmpty ? [] : [Fact(label: "Not measured", value: format.count(figures.gaps.count),
                                                 detail: figures.gaps.map { $0.text(file: figures.file) }.joined(separator: "; "))])
        let partial = partialNote(report)
        totals.note = "all complete: the complete periods with units of each column (contacts shown: those of the "
            + "first column's periods)." + (partial.isEmpty ? "" : " " + partial)

        func sliceTable(_ dimension: PerUnitFigures.Dimension, id: String, title: String, noun: String,
                        header: String) -> Table {
            let rows = figures.rows.filter { $0.dimension == dimension }.map { row in
                [periodCell(row), row.key, format.count(row.rates.first?.contacts ?? 0)] + row.rates.map(rateCell)
            }
            var table = Table(
                id: id, title: title, noun: noun,
                columns: [Column(header: "Period", numeric: false), Column(header: header, numeric: false),
                          Column(header: "Contacts", numeric: true)]
                    + units.map { Column(header: "per 1,000 \($0)", numeric: true) },
                rows: rows, sums: noSums(3 + units.count), moneyColumns: [], emptyNote: "No contacts.")
            table.note = partial
            return table
        }
        return [totals,
                sliceTable(.channel, id: "per-unit-channels", title: "Contacts per 1,000 units by channel",
                           noun: "rows", header: "Channel"),
                sliceTable(.cause, id: "per-unit-causes", title: "Contacts per 1,000 units by cause",
                           noun: "rows", header: "Cause")]
    }
}
