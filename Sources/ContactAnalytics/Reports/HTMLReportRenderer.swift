/// The report as one self-contained HTML5 file: inline CSS (with a print stylesheet), no script, no
/// external resource (fonts, images, links), so it opens offline, passes strict content-security policies
/// and prints on A4.
///
/// Charts are inline SVG, each beside the table with its figures, each with a `<title>`, `<desc>` and
/// `aria-labelledby`: a Pareto of causes by cost, the channel mix per period as stacked bars, FCR and the
/// avoidable-contact rate per period as lines. Every value from input is escaped
/// (``MarkupEscaping/html(_:)``): a cause named `<script>` stays text.
///
/// The markup is also well-formed XML (XHTML serialisation of HTML5: every element closed, only the XML
/// character references), so tests and tools can parse it with an XML parser.
public struct HTMLReportRenderer: ReportRenderer {
    /// The options this renderer uses.
    public let options: ReportRenderOptions

    /// A renderer with `options` (defaults: no colour, plain CSV, 10 table rows, 100 columns).
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

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

        let pareto = ParetoChart(items: report.causes.map { (label: $0.key, cost: $0.metrics.costTotal) },
                                 currency: report.definitions.currency)
        out += section(id: "processes", title: content.processes.title, body: table(content.processes))
        out += section(id: "causes", title: content.causes.title,
                       body: chartRow(pareto.svg(id: "chart-pareto"), caption: "Pareto of causes by cost",
                                      table: table(content.causes)))
        out += section(id: "channels", title: content.channels.title,
                       body: table(content.channels) + "<h3>\(e(content.channelSwitches.title))</h3>\n" + table(content.channelSwitches))

        out += section(id: "arrivals", title: content.arrivals.title,
                       body: (content.arrivals.lead.isEmpty ? "" : facts(content.arrivals.lead)) + heatmap(report.arrivals))
        out += section(id: "opening-hours", title: content.openingHours.title,
                       body: (content.openingHours.lead.isEmpty ? "" : facts(content.openingHours.lead))
                        + table(content.openingHours))

        let periods = report.periods
        let lines = LineChart(
            periods: periods.map(\.period),
            series: [LineChart.Series(name: "FCR", colour: "#0072B2", values: periods.map { $0.metrics.fcr.value }),
                     LineChart.Series(name: "Avoidable rate", colour: "#D55E00",
                                      values: periods.map { $0.metrics.avoidableRate.value })],
            title: "FCR and avoidable-contact rate per period")
        let mix = StackedBarChart(periods: periods.map { (label: $0.period, channels: $0.channels) })
        out += section(id: "trend", title: content.trend.title,
                       body: chartRow(lines.svg(id: "chart-rates"), caption: "FCR and avoidable rate over time",
                                      table: table(content.trend))
                        + "<h3>\(e(content.channelMix.title))</h3>\n"
                        + chartRow(mix.svg(id: "chart-channel-mix"), caption: "Channel mix per period",
                                   table: table(content.channelMix)))
        out += section(id: "first-reply", title: content.replies.title,
                       body: table(content.replies) + "<h3>\(e(content.priorityReplies.title))</h3>\n"
                        + table(content.priorityReplies) + "<h3>\(e(content.phoneQueues.title))</h3>\n"
                        + table(content.phoneQueues))
        out += section(id: "emerging-causes", title: content.emergingCauses.title, body: table(content.emergingCauses))
        out += section(id: "queues", title: content.queues.title, body: table(content.queues))
        out += section(id: "agents", title: content.agents.title, body: table(content.agents))
        for insight in content.insights {
            out += section(id: insight.id, title: insight.title,
                           body: (insight.lead.isEmpty ? "" : facts(insight.lead)) + table(insight))
        }
        out += section(id: "definitions", title: "Definitions",
                       body: facts(content.definitions) + "<h3>\(e(content.costModel.title))</h3>\n" + table(content.costModel))
        out += "<footer><p>contactstat \(e(ContactReport.schema)). Rates in percent with one decimal; money in "
            + "\(e(content.currency)) with two decimals; – marks a figure without a value.</p></footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private func section(id: String, title: String, body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(MarkupEscaping.html(title))</h2>\n\(body)</section>\n"
    }

    private func chartRow(_ svg: String, caption: String, table: String) -> String {
        "<div class=\"chart-row\">\n<figure>\(svg)<figcaption>\(MarkupEscaping.html(caption))</figcaption></figure>\n"
            + "<div class=\"table-wrap\">\n\(table)</div>\n</div>\n"
    }

    private func table(_ table: ReportContent.Table) -> String {
        let e = MarkupEscaping.html
        guard !table.rows.isEmpty else { return "<p class=\"empty\">\(e(table.emptyNote))</p>\n" }
        var out = "<table id=\"table-\(table.id)\">\n<thead><tr>"
        for column in table.columns {
            out += column.numeric ? "<th scope=\"col\" class=\"num\">\(e(column.header))</th>" : "<th scope=\"col\">\(e(column.header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let numeric = index < table.columns.count && table.columns[index].numeric
                if index == 0 {
                    out += "<th scope=\"row\">\(e(cell))</th>"
                } else {
                    out += numeric ? "<td class=\"num\">\(e(cell))</td>" : "<td>\(e(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !table.note.isEmpty { out += "<p class=\"note\">\(e(table.note))</p>\n" }
        return out
    }

    /// The arrivals as a table of weekdays (rows) by local hours (columns), each cell shaded by its contacts
    /// against the busiest cell (`heat0`, none, to `heat8`, the busiest) and holding its count.
    private func heatmap(_ grid: ArrivalGrid) -> String {
        guard grid.total > 0 else { return "<p class=\"empty\">No contacts.</p>\n" }
        let format = ReportNumberFormat(currency: "")
        let busiest = grid.counts.max() ?? 1
        var out = "<div class=\"table-wrap\">\n<table id=\"table-arrivals\" class=\"heatmap\">\n<thead><tr><th scope=\"col\">Day</th>"
        for hour in 0..<24 { out += "<th scope=\"col\" class=\"num\">\(hour < 10 ? "0" : "")\(hour)</th>" }
        out += "<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n"
        for weekday in 1...7 {
            out += "<tr><th scope=\"row\">\(ArrivalGrid.weekdayNames[weekday - 1])</th>"
            var total = 0
            for hour in 0..<24 {
                let count = grid.contacts(weekday: weekday, hour: hour)
                total += count
                let level = count == 0 ? 0 : max(1, Int((Double(count) / Double(busiest) * 8).rounded(.up)))
                out += "<td class=\"num heat\(level)\">\(count == 0 ? "" : format.count(count))</td>"
            }
            out += "<td class=\"num\">\(format.count(total))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<p class=\"note\">Contacts by weekday and local hour of opened_at; "
            + "darker cells had more contacts (the darkest: \(format.count(busiest))).</p>\n"
        return out
    }

    private func facts(_ facts: [ReportContent.Fact]) -> String {
        let e = MarkupEscaping.html
        var out = "<table class=\"facts\">\n<tbody>\n"
        for fact in facts {
            out += "<tr><th scope=\"row\">\(e(fact.label))</th><td class=\"num\">\(e(fact.value))</td><td>\(e(fact.detail))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The inline stylesheet, print rules included.
    static let css = """
    :root { --ink: #1d232a; --muted: #5b6570; --rule: #d7dce1; --accent: #0072B2; --band: #f4f6f8; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    main { max-width: 1200px; margin: 0 auto; padding: 24px; }
    h1 { margin: 0 0 4px; font-size: 26px; }
    h2 { margin: 32px 0 10px; font-size: 19px; border-bottom: 2px solid var(--rule); padding-bottom: 4px; }
    h3 { margin: 20px 0 8px; font-size: 15px; }
    .range { margin: 0; color: var(--muted); }
    .narrative { font-size: 16px; max-width: 80ch; background: var(--band); border-left: 4px solid var(--accent); padding: 12px 16px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; }
    .card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
    .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
    .card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .detail { color: var(--muted); font-size: 12px; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 4px 0 12px; }
    th, td { padding: 3px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--ink); font-size: 12px; }
    tbody th { font-weight: 500; overflow-wrap: anywhere; max-width: 28ch; }
    .num { text-align: right; white-space: nowrap; }
    table.facts td.num { font-weight: 600; }
    .empty { color: var(--muted); font-style: italic; }
    .note { color: var(--muted); font-size: 0.9em; }
    .chart-row { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
    .chart-row figure { flex: 1 1 460px; max-width: 660px; margin: 0; }
    .chart-row .table-wrap { flex: 1 1 420px; overflow-x: auto; }
    figcaption { color: var(--muted); font-size: 12px; text-align: center; }
    svg.chart { width: 100%; height: auto; font-size: 11px; }
    svg .grid { stroke: #e3e7eb; stroke-width: 1; }
    svg .axis { stroke: var(--ink); stroke-width: 1; }
    svg .guide { stroke: var(--muted); stroke-dasharray: 4 3; stroke-width: 1; }
    svg .bar { fill: var(--accent); }
    svg .line { fill: none; stroke-width: 2.5; }
    svg .line.cumulative { stroke: #D55E00; }
    svg .point.cumulative { fill: #D55E00; }
    svg .tick, svg .label, svg .legend, svg .axis-title { fill: var(--ink); }
    svg .tick, svg .axis-title { fill: var(--muted); }
    svg .empty { fill: var(--muted); font-size: 14px; }
    table.heatmap td { min-width: 2.4em; padding: 2px 4px; font-size: 11px; border: 1px solid #fff; }
    .heat0 { background: #f4f6f8; }
    .heat1 { background: #e1edf5; }
    .heat2 { background: #c6dcec; }
    .heat3 { background: #a8cae2; }
    .heat4 { background: #84b4d5; }
    .heat5 { background: #5c9cc8; color: #fff; }
    .heat6 { background: #3787bd; color: #fff; }
    .heat7 { background: #1a78b5; color: #fff; }
    .heat8 { background: #0060a0; color: #fff; }
    @media print { .heat0, .heat1, .heat2, .heat3, .heat4, .heat5, .heat6, .heat7, .heat8 { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
    footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
    @page { size: A4; margin: 14mm; }
    @media print {
      body { font-size: 9.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; margin-top: 18px; }
      figure, .card { break-inside: avoid; }
      table { break-inside: auto; }
      tr { break-inside: avoid; }
      thead { display: table-header-group; }
      .chart-row figure { flex-basis: 100%; max-width: 16cm; }
      .chart-row .table-wrap { overflow: visible; }
      .narrative { background: none; }
    }

    """
}
