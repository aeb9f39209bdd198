/// The report for a terminal: plain sections, aligned tables that fit `options.textWidth` (100) columns,
/// ANSI colour (bold headings) only when `options.colour` is on.
///
/// Numbers follow ``ReportNumberFormat``: percentages with one decimal (`71.4 %`), money with two decimals
/// and thousands separators (table money columns are in the report's currency, named in the headline),
/// counts as integers, a missing value as `–`. Tables longer than `options.maxTableRows` show the first
/// rows and one row summing the rest (`… 6 more causes`). Control characters in input values are replaced
/// with `?`, so an export cannot send escape sequences to the terminal.
public struct TextReportRenderer: ReportRenderer {
    /// The options this renderer uses.
    public let options: ReportRenderOptions

    /// A renderer with `options` (defaults: no colour, plain CSV, 10 table rows, 100 columns).
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

    /// The whole report in this format; the same report and options always give the same text.
    public func render(_ report: ContactReport) -> String {
        let content = ReportContent(report: report)
        let format = ReportNumberFormat(currency: report.definitions.currency)
        let width = options.textWidth
        var out: [String] = []
        out.append(bold(content.title))
        out.append(content.subtitle)
        out.append("")
        for sentence in content.narrative {
            out += TextReportRenderer.wrap(MarkupEscaping.terminal(sentence), width: width, indent: 0)
        }
        section("Data read", &out)
        out += facts(content.data)
        section("Headline figures", &out)
        out += facts(content.headline)
        for table in content.tables where table.id != "cost-model" {
            section(table.title, &out)
            if !table.lead.isEmpty {
                out += facts(table.lead)
                out.append("")
            }
            out += render(table, format: format, limit: table.showsAll ? table.rows.count : nil)
        }
        section("Definitions", &out)
        out += facts(content.definitions)
        out.append("")
        out.append(bold(content.costModel.title))
        // The cost model is listed whole: every channel's figures are definitions, not a ranking.
        out += render(content.costModel, format: format, limit: content.costModel.rows.count)
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, _ out: inout [String]) {
        out.append("")
        out.append(bold(title))
        out.append(String(repeating: "=", count: min(options.textWidth, title.count)))
    }

    private func render(_ table: ReportContent.Table, format: ReportNumberFormat, limit: Int? = nil) -> [String] {
        guard !table.rows.isEmpty else {
            return TextReportRenderer.wrap(MarkupEscaping.terminal(table.emptyNote), width: options.textWidth, indent: 0)
        }
        let limit = limit ?? options.maxTableRows
        var rows = Array(table.shown(limit))
        if let rest = table.rest(after: limit, format: format) {
            if table.showsLatest { rows.insert(rest, at: 0) } else { rows.append(rest) }
        }
        let laid = TextTable(columns: table.columns, rows: rows).lines(maxWidth: options.textWidth)
        var lines = [bold(laid.header), laid.rule] + laid.rows
        if !table.note.isEmpty {
            lines += TextReportRenderer.wrap(MarkupEscaping.terminal(table.note), width: options.textWidth, indent: 2)
        }
        return lines
    }

    /// `Label   value   detail`, labels and values aligned; a detail that does not fit wraps under itself.
    private func facts(_ facts: [ReportContent.Fact]) -> [String] {
        let labelWidth = facts.map(\.label.count).max() ?? 0
        let values = facts.map { MarkupEscaping.terminal($0.value) }
        let valueWidth = values.map(\.count).filter { $0 <= 26 }.max() ?? 0
        var lines: [String] = []
        for (fact, value) in zip(facts, values) {
            let label = fact.label + String(repeating: " ", count: labelWidth - fact.label.count)
            var line = label + "  " + value
            if fact.detail.isEmpty {
                lines += TextReportRenderer.wrap(line, width: options.textWidth, indent: labelWidth + 2)
                continue
            }
            line += String(repeating: " ", count: max(0, valueWidth - value.count)) + "  "
            let indent = value.count > valueWidth ? labelWidth + 2 : line.count
            lines += TextReportRenderer.wrap(line + MarkupEscaping.terminal(fact.detail),
                                             width: options.textWidth, indent: min(indent, options.textWidth / 2))
        }
        return lines
    }

    private func bold(_ text: String) -> String {
        options.colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }

    /// Word-wraps `text` at `width`; continuation lines start with `indent` spaces. A word longer than a
    /// line is cut.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        var leading = ""
        for character in text {
            current.append(character)
            guard current.count > width else { continue }
            if let space = current.lastIndex(of: " "), current.distance(from: current.startIndex, to: space) > leading.count {
                let head = String(current[..<space])
                let tail = String(current[current.index(after: space)...])
                lines.append(trimmed(head))
                leading = String(repeating: " ", count: indent)
                current = leading + tail
            } else {
                lines.append(String(current.dropLast()))
                leading = String(repeating: " ", count: indent)
                current = leading + String(character)
            }
        }
        if current.count > leading.count { lines.append(trimmed(current)) }
        return lines
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
