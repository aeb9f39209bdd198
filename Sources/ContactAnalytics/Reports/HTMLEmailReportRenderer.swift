/// The report as a compact HTML e-mail (`--format html-email`), for a weekly job that mails it: the same
/// sections as the HTML report, laid out with tables and inline `style` attributes only, because mail clients
/// drop or rewrite what a web page relies on. It has no `<style>` block, no `<script>`, no `<svg>` (Gmail and
/// Outlook drop inline SVG), no images, no CSS classes, no external resource and no link.
///
/// Charts are table cells: the Pareto of causes by cost is a row per named cause with a bar (a cell of that
/// width, in the Okabe–Ito blue) and its cost and cumulative share as text; the channel switches and the
/// arrivals are heatmaps whose cells are shaded inline (``HeatScale``) and hold their counts. Long tables show
/// their first `options.maxTableRows` rows (the latest for a trend) and a row summing the rest, as in the text
/// format; the full tables are in the HTML report. Every value from input is escaped
/// (``MarkupEscaping/html(_:)``), and the markup is well-formed XML.
public struct HTMLEmailReportRenderer: ReportRenderer {
    /// The options this renderer uses (`maxTableRows`: the rows a long table shows).
    public let options: ReportRenderOptions

    /// A renderer with `options` (defaults: 10 table rows).
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

    private static let ink = "#1d232a", muted = "#5b6570", rule = "#d7dce1", accent = "#0072B2"
    private static let font = "font-family:Arial,Helvetica,sans-serif;"
    /// Cells carry HTML attributes where one will do (`align`, `nowrap`, the table's `cellpadding`), and
    /// rows alternate a light band instead of a border per cell: the same look in fewer bytes, since Gmail
    /// clips a message past about 100 kB.
    private static let number = "<td align=\"right\" nowrap=\"nowrap\">"
    private static let head = "style=\"border-bottom:2px solid #1d232a;font-size:12px;\""
    private static let rowHead = "<th scope=\"row\" align=\"left\" style=\"font-weight:normal;\">"

    /// A row's opening tag: every other row banded.
    private static func row(_ index: Int) -> String {
        index % 2 == 1 ? "<tr style=\"background:#f4f6f8;\">" : "<tr>"
    }

    /// The whole report in this format; the same report and options always give the same text.
    public func render(_ report: ContactReport) -> String {
        let content = ReportContent(report: report)
        let e = MarkupEscaping.html
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
            + "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            + "<title>\(e(content.title)): \(e(content.subtitle))</title>\n</head>\n"
            + "<body style=\"margin:0;padding:0;background:#f4f6f8;\">\n"
            + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#f4f6f8;table-layout:fixed;\">"
            + "<tr><td align=\"center\" style=\"padding:12px 6px;\">\n"
            + "<table role=\"presentation\" width=\"720\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;"
            + "max-width:720px;table-layout:fixed;background:#ffffff;border:1px solid \(Self.rule);\(Self.font)font-size:14px;line-height:1.45;color:\(Self.ink);\">"
            + "<tr><td style=\"padding:16px 18px;\">\n"
        out += "<h1 style=\"margin:0 0 2px;font-size:22px;\">\(e(content.title))</h1>\n"
        out += "<p style=\"margin:0 0 12px;color:\(Self.muted);font-size:13px;\">\(e(content.subtitle))</p>\n"
        out += "<p style=\"margin:0 0 12px;padding:10px 12px;background:#f4f6f8;border-left:4px solid \(Self.accent);\">"
            + content.narrative.map(e).joined(separator: " ") + "</p>\n"
        out += heading("Headline figures") + facts(content.headline)
        out += heading("Data read") + facts(content.data)
        let format = ReportNumberFormat(currency: report.definitions.currency)
        for table in content.tables where table.id != content.costModel.id {
            out += heading(table.title)
            if !table.lead.isEmpty { out += facts(table.lead) }
            switch table.id {
            case "causes":
                let pareto = ParetoChart(items: report.causes.map { (label: $0.key, cost: $0.metrics.costTotal) },
                                         currency: report.definitions.currency)
                out += paretoBars(pareto) + self.table(table, format: format)
            case "channel-switches":
                out += switchMatrix(ChannelSwitchMatrix(report.channelSwitches), emptyNote: table.emptyNote)
            case "arrivals":
                out += arrivals(report.arrivals)
            default:
                out += self.table(table, format: format)
            }
        }
        out += heading("Definitions") + facts(content.definitions)
        out += "<p style=\"margin:8px 0 4px;font-weight:bold;\">\(e(content.costModel.title))</p>\n"
            + self.table(content.costModel, format: format, limit: content.costModel.rows.count)
        out += "<p style=\"margin:16px 0 0;color:\(Self.muted);font-size:12px;\">contactstat \(e(ContactReport.schema)), "
            + "the e-mail variant: long tables show their first rows; the HTML report has every row and the "
            + "charts. Rates in percent with one decimal; money in \(e(content.currency)) with two decimals; – marks a "
            + "figure without a value.</p>\n"
        out += "</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n"
        return out
    }

    private func heading(_ title: String) -> String {
        "<h2 style=\"margin:22px 0 8px;font-size:17px;border-bottom:2px solid \(Self.rule);padding-bottom:3px;\">"
            + "\(MarkupEscaping.html(title))</h2>\n"
    }

    /// A table box that scrolls sideways where the client allows it.
    private func wrap(_ table: String) -> String {
        "<div style=\"overflow-x:auto;\">\n" + table + "</div>\n"
    }

    private func openTable() -> String {
        "<table cellpadding=\"3\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;font-size:13px;margin:0 0 8px;\">\n"
    }

    private func note(_ text: String) -> String {
        "<p style=\"margin:0 0 8px;color:\(Self.muted);font-size:12px;\">\(MarkupEscaping.html(text))</p>\n"
    }

    private func facts(_ facts: [ReportContent.Fact]) -> String {
        let e = MarkupEscaping.html
        var out = openTable()
        for (index, fact) in facts.enumerated() {
            out += Self.row(index) + "<th scope=\"row\" align=\"left\" valign=\"top\" style=\"font-weight:normal;color:\(Self.muted);\">"
                + "\(e(fact.label))</th><td align=\"right\" valign=\"top\"><b>\(MarkupEscaping.htmlBreakable(fact.value))</b></td>"
                + "<td valign=\"top\" style=\"font-size:12px;color:\(Self.muted);\">\(e(fact.detail))</td></tr>\n"
        }
        return wrap(out + "</table>\n")
    }

    /// The first `limit` rows (the latest for a trend; every row of a fixed grid) and a row summing the rest.
    private func table(_ table: ReportContent.Table, format: ReportNumberFormat, limit: Int? = nil) -> String {
        let e = MarkupEscaping.html
        guard !table.rows.isEmpty else {
            return "<p style=\"margin:0 0 8px;color:\(Self.muted);font-style:italic;\">\(e(table.emptyNote))</p>\n"
        }
        let limit = table.showsAll ? table.rows.count : (limit ?? options.maxTableRows)
        var rows = Array(table.shown(limit))
        if let rest = table.rest(after: limit, format: format) {
            if table.showsLatest { rows.insert(rest, at: 0) } else { rows.append(rest) }
        }
        var out = openTable() + "<tr>"
        for column in table.columns {
            out += "<th scope=\"col\" align=\"\(column.numeric ? "right" : "left")\" \(Self.head)>\(e(column.header))</th>"
        }
        out += "</tr>\n"
        for (rowIndex, row) in rows.enumerated() {
            out += Self.row(rowIndex)
            for (index, cell) in row.enumerated() {
                let numeric = index < table.columns.count && table.columns[index].numeric
                if index == 0 {
                    out += Self.rowHead + "\(MarkupEscaping.htmlBreakable(cell))</th>"
                } else {
                    out += numeric ? Self.number + "\(e(cell))</td>" : "<td>\(MarkupEscaping.htmlBreakable(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        out = wrap(out + "</table>\n")
        if !table.note.isEmpty { out += note(table.note) }
        return out
    }

    /// The Pareto as table rows: cause, a bar cell as wide as its cost against the largest, cost, cumulative.
    private func paretoBars(_ pareto: ParetoChart) -> String {
        let bars = pareto.bars
        guard pareto.total > 0 else { return "" }
        let format = ReportNumberFormat(currency: pareto.currency)
        var out = "<p style=\"margin:4px 0;font-weight:bold;\">\(MarkupEscaping.html(pareto.title))</p>\n" + openTable()
        out += "<tr><th scope=\"col\" align=\"left\" \(Self.head)>Cause</th>"
            + "<th scope=\"col\" align=\"left\" width=\"40%\" \(Self.head)>Cost</th>"
            + "<th scope=\"col\" align=\"right\" \(Self.head)>\(MarkupEscaping.html(pareto.currency))</th>"
            + "<th scope=\"col\" align=\"right\" \(Self.head)>Cumulative</th></tr>\n"
        for (index, bar) in bars.enumerated() {
            let percent = pareto.barPercent(bar)
            out += Self.row(index) + Self.rowHead + "\(MarkupEscaping.htmlBreakable(bar.label))</th>"
                + "<td width=\"40%\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>"
                + (percent > 0 ? "<td width=\"\(percent)%\" style=\"background:\(Self.accent);height:12px;font-size:0;line-height:0;\">&#160;</td>" : "")
                + (percent < 100 ? "<td style=\"font-size:0;line-height:0;\">&#160;</td>" : "") + "</tr></table></td>"
                + Self.number + "\(format.money(bar.cost))</td>" + Self.number + "\(format.percent(bar.cumulativeShare))</td></tr>\n"
        }
        out = wrap(out + "</table>\n")
        if !pareto.restNote.isEmpty { out += note(pareto.restNote) }
        return out
    }

    private func heatCell(_ count: Int, _ scale: HeatScale) -> String {
        let format = ReportNumberFormat(currency: "")
        let level = scale.level(count)
        return level == 0 ? "<td></td>" : "<td align=\"right\" style=\"\(HeatScale.inlineStyle(level))\">\(format.count(count))</td>"
    }

    /// The channel switches as a from x to heatmap.
    private func switchMatrix(_ matrix: ChannelSwitchMatrix, emptyNote: String) -> String {
        guard matrix.total > 0 else { return note(emptyNote) }
        let format = ReportNumberFormat(currency: "")
        let scale = HeatScale(busiest: matrix.busiest)
        var out = openTable().replacingOccurrences(of: "border-collapse:collapse;", with: "")
            .replacingOccurrences(of: "cellspacing=\"0\"", with: "cellspacing=\"1\"")
            + "<tr><th scope=\"col\" align=\"left\" \(Self.head)>From \\ to</th>"
        for channel in matrix.channels { out += "<th scope=\"col\" align=\"right\" \(Self.head)>\(channel.rawValue)</th>" }
        out += "<th scope=\"col\" align=\"right\" \(Self.head)>Total</th></tr>\n"
        for from in matrix.channels {
            out += "<tr>" + Self.rowHead + "\(from.rawValue)</th>"
            for to in matrix.channels {
                out += from == to ? "<td align=\"center\" style=\"color:\(Self.muted);\">·</td>"
                    : heatCell(matrix.count(from: from, to: to), scale)
            }
            out += Self.number + "<b>\(format.count(matrix.rowTotal(from)))</b></td></tr>\n"
        }
        out += "<tr><th scope=\"row\" align=\"left\">Total</th>"
        for to in matrix.channels { out += Self.number + "<b>\(format.count(matrix.columnTotal(to)))</b></td>" }
        out += Self.number + "<b>\(format.count(matrix.total))</b></td></tr>\n"
        return wrap(out + "</table>\n") + note("Rows: the channel of the earlier contact; columns: the channel of the "
            + "repeat; darker cells had more repeats, and every cell holds its count (· = the same channel).")
    }

    /// The arrivals as a heatmap of local hours (rows, narrow enough for a phone) by weekday.
    private func arrivals(_ grid: ArrivalGrid) -> String {
        guard grid.total > 0 else { return note("No contacts.") }
        let format = ReportNumberFormat(currency: "")
        let scale = HeatScale(busiest: grid.counts.max() ?? 1)
        var out = openTable().replacingOccurrences(of: "border-collapse:collapse;", with: "")
            .replacingOccurrences(of: "cellspacing=\"0\"", with: "cellspacing=\"1\"")
            + "<tr><th scope=\"col\" align=\"left\" \(Self.head)>Hour</th>"
        for name in ArrivalGrid.weekdayNames { out += "<th scope=\"col\" align=\"right\" \(Self.head)>\(name)</th>" }
        out += "<th scope=\"col\" align=\"right\" \(Self.head)>Total</th></tr>\n"
        for hour in 0..<24 {
            out += "<tr>" + Self.rowHead + "\(hour < 10 ? "0" : "")\(hour):00</th>"
            var total = 0
            for weekday in 1...7 {
                let count = grid.contacts(weekday: weekday, hour: hour)
                total += count
                out += heatCell(count, scale)
            }
            out += Self.number + "<b>\(format.count(total))</b></td></tr>\n"
        }
        return wrap(out + "</table>\n") + note("Contacts by local hour and weekday of opened_at; darker cells had more "
            + "contacts (the darkest: \(format.count(scale.busiest))).")
    }
}
