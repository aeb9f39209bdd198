/// The report as one self-contained HTML5 file: inline CSS (with a print stylesheet for A4), no script,
/// no external resource (fonts, images, links), so it opens offline, passes strict content-security policies
/// and prints to clean PDF pages.
///
/// Layout: every table of ``ReportContent`` is a section, in the content's order, so a section added there
/// appears here with no edit. A few sections get a chart or a better body: the causes a Pareto by cost
/// (``ParetoChart``: the costliest causes named, the rest a note), the trend FCR and the avoidable rate as
/// lines (``LineChart``), the channel mix small multiples per channel (``ChannelTrendMultiples``), the
/// channel switches a from x to heatmap (``ChannelSwitchMatrix``), the arrivals a weekday x hour heatmap.
/// A chart and its table sit side by side when both fit at their natural width and stack otherwise (flex
/// wrap, no script); a wide table scrolls inside its own box with its first column fixed; names wrap only
/// after `/` and `-` (``MarkupEscaping/htmlBreakable(_:shortest:)``).
///
/// Every chart is inline SVG with a `<title>` and `<desc>` (`role="img"`, `aria-labelledby`), a visible
/// title, axis titles with units, and its figures in the table beside it; the palette is the colour-blind-safe
/// Okabe–Ito blue and a one-hue ramp, and no figure is carried by colour alone. Every value from input is
/// escaped (``MarkupEscaping/html(_:)``): a cause named `<script>` stays text. The markup is also well-formed
/// XML (every element closed, only the XML character references), so tests and tools can parse it.
public struct HTMLReportRenderer: ReportRenderer {
    /// The options this renderer uses.
    public let options: ReportRenderOptions

    /// A renderer with `options` (defaults: no colour, plain CSV, 10 table rows, 100 columns).
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

    /// Fact values up to this many characters are figures, kept on one line.
    static let shortFactValue = 36

    /// Tables with at most this many rows are kept on one printed page.
    static let shortTableRows = 30

    /// The whole report in this format; the same report and options always give the same text.
    public func render(_ report: ContactReport) -> String {
        let content = ReportContent(report: report)
        let e = MarkupEscaping.html
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(e(content.title)): \(e(content.subtitle))</title>\n<style>\n\(HTMLReportRenderer.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header>\n<h1>\(e(content.title))</h1>\n<p class=\"range\">\(e(content.subtitle))</p>\n</header>\n"
        out += "<section id=\"summary\">\n<p class=\"narrative\">"
            + content.narrative.map(e).joined(separator: " ") + "</p>\n</section>\n"

        out += "<section id=\"headline\">\n<h2>Headline figures</h2>\n<div class=\"cards\">\n"
        for fact in content.headline {
            out += "<div class=\"card\"><div class=\"label\">\(e(fact.label))</div><div class=\"value\">\(e(fact.value))</div>"
                + "<div class=\"detail\">\(e(fact.detail))</div></div>\n"
        }
        out += "</div>\n</section>\n"
        out += section(id: "data", title: "Data read", body: facts(content.data))
        for table in content.tables where table.id != content.costModel.id {
            out += section(id: table.id, title: table.title, body: body(of: table, report))
        }
        out += section(id: "definitions", title: "Definitions",
                       body: facts(content.definitions) + "<h3>\(e(content.costModel.title))</h3>\n" + self.table(content.costModel))
        out += "<footer><p>contactstat \(e(ContactReport.schema)). Rates in percent with one decimal; money in "
            + "\(e(content.currency)) with two decimals; – marks a figure without a value.</p></footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// A section's body: its lead figures, then its chart and table, or the heatmap that replaces the table.
    private func body(of table: ReportContent.Table, _ report: ContactReport) -> String {
        var out = table.lead.isEmpty ? "" : facts(table.lead)
        let periodNoun = report.definitions.period
        switch table.id {
        case "causes":
            let pareto = ParetoChart(items: report.causes.map { (label: $0.key, cost: $0.metrics.costTotal) },
                                     currency: report.definitions.currency)
            out += chartRow(paretoFigure(pareto), table: self.table(table))
        case "trend":
            let periods = report.periods
            let lines = LineChart(
                periods: periods.map(\.period), partial: periods.map(\.partial),
                series: [LineChart.Series(name: "FCR", colour: "#0072B2", marker: .circle, values: periods.map { $0.metrics.fcr.value }),
                         LineChart.Series(name: "Avoidable rate", colour: "#D55E00", marker: .square,
                                          values: periods.map { $0.metrics.avoidableRate.value })],
                title: "FCR and avoidable-contact rate per \(periodNoun)", periodNoun: periodNoun)
            out += chartRow(figure(title: lines.title, notes: [], svg: lines.svg(id: "chart-rates")), table: self.table(table))
        case "channel-mix":
            let multiples = ChannelTrendMultiples(
                periods: report.periods.map { (label: $0.period, channels: $0.channels, partial: $0.partial) },
                periodNoun: periodNoun)
            let panels = multiples.panels(id: "chart-channel")
            if !panels.isEmpty {
                var notes = ["All panels on the same scale; the table below has the figures."]
                if report.periods.contains(where: \.partial) {
                    notes.append("A hatched bar is a partial \(periodNoun) (*): the data covers only part of it.")
                }
                out += "<figure class=\"multiples\">" + caption(title: "Contacts per \(periodNoun), one panel per channel", notes: notes)
                    + "<div class=\"panels\">\n" + panels.joined(separator: "\n") + "\n</div></figure>\n"
            }
            out += self.table(table)
        case "channel-switches":
            out += switchMatrix(ChannelSwitchMatrix(report.channelSwitches), emptyNote: table.emptyNote)
        case "arrivals":
            out += heatmap(report.arrivals)
        default:
            out += self.table(table)
        }
        return out
    }

    private func section(id: String, title: String, body: String) -> String {
        "<section id=\"\(MarkupEscaping.html(id))\">\n<h2>\(MarkupEscaping.html(title))</h2>\n\(body)</section>\n"
    }

    private func caption(title: String, notes: [String]) -> String {
        let notes = notes.filter { !$0.isEmpty }.map { " <span class=\"chart-note\">\(MarkupEscaping.html($0))</span>" }
        return "<figcaption><span class=\"chart-title\">\(MarkupEscaping.html(title))</span>\(notes.joined())</figcaption>"
    }

    private func figure(title: String, notes: [String], svg: String) -> String {
        "<figure>" + caption(title: title, notes: notes) + svg + "</figure>\n"
    }

    private func chartRow(_ figure: String, table: String) -> String {
        "<div class=\"chart-row\">\n\(figure)\(table)</div>\n"
    }

    /// A table in its own horizontally scrolling box (first column fixed), or its empty note.
    private func table(_ table: ReportContent.Table) -> String {
        let e = MarkupEscaping.html
        guard !table.rows.isEmpty else { return "<p class=\"empty\">\(e(table.emptyNote))</p>\n" }
        let short = table.rows.count <= Self.shortTableRows
        var out = "<div class=\"table-wrap\">\n<table id=\"table-\(e(table.id))\"\(short ? " class=\"short\"" : "")>\n<thead><tr>"
        for column in table.columns {
            out += column.numeric ? "<th scope=\"col\" class=\"num\">\(e(column.header))</th>" : "<th scope=\"col\">\(e(column.header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let numeric = index < table.columns.count && table.columns[index].numeric
                if index == 0 {
                    out += "<th scope=\"row\">\(MarkupEscaping.htmlBreakable(cell))</th>"
                } else {
                    out += numeric ? "<td class=\"num\">\(e(cell))</td>" : "<td>\(MarkupEscaping.htmlBreakable(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        if !table.note.isEmpty { out += "<p class=\"note\">\(e(table.note))</p>\n" }
        return out
    }

    /// The Pareto of causes by cost as a table of bars: the named causes, their costs as bars and figures, and
    /// the cumulative share; the rest as a note.
    private func paretoFigure(_ pareto: ParetoChart) -> String {
        let e = MarkupEscaping.html
        let format = ReportNumberFormat(currency: pareto.currency)
        guard pareto.total > 0 else {
            return "<figure id=\"chart-pareto\" class=\"pareto\">" + caption(title: pareto.title, notes: [])
                + "<p class=\"empty\">No cost to chart.</p></figure>\n"
        }
        var out = "<figure id=\"chart-pareto\" class=\"pareto\">" + caption(title: pareto.title, notes: [pareto.restNote])
            + "\n<div class=\"table-wrap\">\n<table class=\"bars short\">\n<thead><tr><th scope=\"col\">Cause</th>"
            + "<th scope=\"col\" colspan=\"2\">Cost (\(e(pareto.currency)))</th><th scope=\"col\" class=\"num\">Cumulative share</th>"
            + "</tr></thead>\n<tbody>\n"
        for bar in pareto.bars {
            out += "<tr><th scope=\"row\">\(MarkupEscaping.htmlBreakable(bar.label))</th>"
                + "<td class=\"bar-cell\"><span class=\"bar\" style=\"width: \(pareto.barPercent(bar))%\"></span></td>"
                + "<td class=\"num\">\(format.money(bar.cost))</td><td class=\"num\">\(format.percent(bar.cumulativeShare))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</figure>\n"
    }

    /// The arrivals as a table of weekdays (rows) by local hours (columns), each cell shaded by its contacts
    /// against the busiest cell (``HeatScale``: `heat0`, none, to `heat8`, the busiest) and holding its count.
    private func heatmap(_ grid: ArrivalGrid) -> String {
        guard grid.total > 0 else { return "<p class=\"empty\">No contacts.</p>\n" }
        let format = ReportNumberFormat(currency: "")
        let scale = HeatScale(busiest: grid.counts.max() ?? 1)
        var out = "<div class=\"table-wrap\">\n<table id=\"table-arrivals\" class=\"heatmap\">\n<thead><tr><th scope=\"col\">Day</th>"
        for hour in 0..<24 { out += "<th scope=\"col\" class=\"num\">\(hour < 10 ? "0" : "")\(hour)</th>" }
        out += "<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n"
        for weekday in 1...7 {
            out += "<tr><th scope=\"row\">\(ArrivalGrid.weekdayNames[weekday - 1])</th>"
            var total = 0
            for hour in 0..<24 {
                let count = grid.contacts(weekday: weekday, hour: hour)
                total += count
                out += "<td class=\"num heat\(scale.level(count))\">\(count == 0 ? "" : format.count(count))</td>"
            }
            out += "<td class=\"num total\">\(format.count(total))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<p class=\"note\">Contacts by weekday and local hour (00 = 00:00–00:59) of "
            + "opened_at; darker cells had more contacts (the darkest: \(format.count(scale.busiest))); every cell holds "
            + "its count.</p>\n"
        return out
    }

    /// The channel switches as a from x to heatmap: rows the earlier contact's channel, columns the repeat's.
    private func switchMatrix(_ matrix: ChannelSwitchMatrix, emptyNote: String) -> String {
        guard matrix.total > 0 else { return "<p class=\"empty\">\(MarkupEscaping.html(emptyNote))</p>\n" }
        let format = ReportNumberFormat(currency: "")
        let scale = HeatScale(busiest: matrix.busiest)
        var out = "<div class=\"table-wrap\">\n<table id=\"table-channel-switches\" class=\"heatmap matrix\">\n"
            + "<thead><tr><th scope=\"col\">From \\ to</th>"
        for channel in matrix.channels { out += "<th scope=\"col\" class=\"num\">\(channel.rawValue)</th>" }
        out += "<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n"
        for from in matrix.channels {
            out += "<tr><th scope=\"row\">\(from.rawValue)</th>"
            for to in matrix.channels {
                if from == to {
                    out += "<td class=\"num same\">·</td>"
                } else {
                    let count = matrix.count(from: from, to: to)
                    out += "<td class=\"num heat\(scale.level(count))\">\(count == 0 ? "" : format.count(count))</td>"
                }
            }
            out += "<td class=\"num total\">\(format.count(matrix.rowTotal(from)))</td></tr>\n"
        }
        out += "<tr class=\"total\"><th scope=\"row\">Total</th>"
        for to in matrix.channels { out += "<td class=\"num total\">\(format.count(matrix.columnTotal(to)))</td>" }
        out += "<td class=\"num total\">\(format.count(matrix.total))</td></tr>\n</tbody>\n</table>\n</div>\n"
        out += "<p class=\"note\">Repeats that came back in another channel: rows are the channel of the earlier contact, "
            + "columns the channel of the repeat; darker cells had more repeats (the darkest: \(format.count(scale.busiest))), "
            + "and every cell holds its count (· = the same channel, not a switch).</p>\n"
        return out
    }

    private func facts(_ facts: [ReportContent.Fact]) -> String {
        let e = MarkupEscaping.html
        var out = "<div class=\"table-wrap\">\n<table class=\"facts\">\n<tbody>\n"
        for fact in facts {
            // A figure stays on one line; a value that is a phrase (a definition's method) wraps.
            let kind = fact.value.count <= Self.shortFactValue ? "num" : "text"
            out += "<tr><th scope=\"row\">\(e(fact.label))</th><td class=\"\(kind)\">\(kind == "num" ? e(fact.value) : MarkupEscaping.htmlBreakable(fact.value))</td>"
                + "<td>\(e(fact.detail))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// The inline stylesheet: the layout for any width, and the print rules (A4).
    static let css = """
    :root { --ink: #1d232a; --muted: #5b6570; --rule: #d7dce1; --accent: #0072B2; --band: #f4f6f8; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    main { max-width: 1240px; margin: 0 auto; padding: 24px; }
    h1 { margin: 0 0 4px; font-size: 26px; }
    h2 { margin: 32px 0 10px; font-size: 19px; border-bottom: 2px solid var(--rule); padding-bottom: 4px; }
    h3 { margin: 20px 0 8px; font-size: 15px; }
    .range { margin: 0; color: var(--muted); }
    .narrative { font-size: 16px; max-width: 80ch; background: var(--band); border-left: 4px solid var(--accent); padding: 12px 16px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); gap: 10px; }
    .card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
    .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
    .card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .detail { color: var(--muted); font-size: 12px; }
    .table-wrap { max-width: 100%; overflow-x: auto; margin: 4px 0 12px; }
    table { border-collapse: separate; border-spacing: 0; font-variant-numeric: tabular-nums; }
    th, td { padding: 3px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; background: #fff; }
    thead th { border-bottom: 2px solid var(--ink); font-size: 12px; vertical-align: bottom; }
    tbody th { font-weight: 500; min-width: 7em; }
    .table-wrap th:first-child { position: sticky; left: 0; z-index: 1; box-shadow: inset -1px 0 0 var(--rule); }
    .num { text-align: right; white-space: nowrap; }
    thead th.num { white-space: normal; }
    table.facts th { min-width: 0; white-space: nowrap; }
    table.facts td.num, table.facts td.text { font-weight: 600; }
    table.facts td.text { min-width: 14em; max-width: 36em; }
    .empty { color: var(--muted); font-style: italic; }
    .note { color: var(--muted); font-size: 0.9em; max-width: 100ch; }
    .chart-row { display: flex; flex-wrap: wrap; gap: 12px 32px; align-items: flex-start; }
    .chart-row > figure { flex: 1 1 520px; min-width: min(100%, 520px); max-width: 680px; }
    .chart-row > .table-wrap { flex: 0 1 auto; min-width: 0; }
    figure { margin: 0 0 12px; }
    figcaption { margin-bottom: 6px; color: var(--muted); font-size: 12px; }
    .chart-title { display: block; color: var(--ink); font-size: 14px; font-weight: 600; }
    svg.chart { display: block; width: 100%; height: auto; font-size: 12px; }
    .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr)); gap: 8px 20px; }
    table.bars { width: 100%; }
    table.bars th, table.bars td { vertical-align: middle; }
    table.bars td.bar-cell { width: 45%; min-width: 4em; padding-right: 0; }
    table.bars tbody th { min-width: 16em; }
    .chart-row > figure.pareto { max-width: 760px; }
    table.bars .bar { display: block; height: 14px; background: var(--accent); }
    svg .grid { stroke: #e3e7eb; stroke-width: 1; }
    svg .axis { stroke: var(--ink); stroke-width: 1; }
    svg .bar { fill: var(--accent); }
    svg .line { fill: none; stroke-width: 2.5; }
    svg .line.partial { stroke-dasharray: 5 4; stroke-width: 2; }
    svg .label, svg .legend, svg .value, svg .share, svg .panel-title { fill: var(--ink); }
    svg .tick, svg .axis-title { fill: var(--muted); }
    svg .panel-title { font-weight: 600; font-size: 14px; }
    svg .empty { fill: var(--muted); font-size: 14px; }
    table.heatmap th, table.heatmap td { font-size: 12px; vertical-align: middle; }
    table.heatmap td { min-width: 2.4em; padding: 2px 4px; border: 1px solid #fff; }
    table.heatmap td.total { font-weight: 600; background: #fff; }
    table.matrix td { min-width: 4.5em; }
    table.matrix td.same { color: var(--muted); text-align: center; }
    table.matrix tr.total th, table.matrix tr.total td { border-top: 2px solid var(--ink); }
    \(HeatScale.css)
    footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
    @media (max-width: 640px) {
      main { padding: 12px; }
      h1 { font-size: 22px; }
      h2 { font-size: 17px; margin-top: 24px; }
      .narrative { font-size: 15px; padding: 10px 12px; }
      .card .value { font-size: 19px; }
      svg.chart:not(.panel) .tick, svg.chart:not(.panel) .label, svg.chart:not(.panel) .axis-title,
      svg.chart:not(.panel) .legend { font-size: 18px; }
      table.bars tbody th { min-width: 7em; }
      table.facts, table.facts tbody { display: block; }
      table.facts tr { display: grid; grid-template-columns: auto 1fr; border-bottom: 1px solid var(--rule); }
      table.facts th, table.facts td { border-bottom: 0; }
      table.facts td.num { text-align: left; white-space: normal; }
      table.facts td.text { min-width: 0; }
      table.facts td:last-child { grid-column: 1 / -1; padding-top: 0; color: var(--muted); }
      table.facts td:last-child:empty { display: none; }
    }
    @page { size: A4; margin: 12mm; }
    @media print {
      * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      body { font-size: 8.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; margin-top: 14pt; font-size: 13pt; }
      h3, figcaption { break-after: avoid; }
      figure, .card, table.short, table.heatmap, table.facts, tr { break-inside: avoid; }
      thead { display: table-header-group; }
      .table-wrap { overflow: visible; }
      .table-wrap th:first-child { position: static; box-shadow: none; }
      .chart-row > figure { flex-basis: 100%; max-width: 15cm; }
      .panels { grid-template-columns: repeat(3, 1fr); }
      th, td { padding: 2px 4px; }
      .narrative { background: none; }
    }

    """
}
