/// The report as GitHub-flavoured Markdown, written to read well as a CI job summary
/// (`$GITHUB_STEP_SUMMARY`).
///
/// Layout: a title, the three narrative sentences as one paragraph, the headline figures, then one section
/// per table. A table with more than `options.maxTableRows` rows shows its first rows, and the full table
/// follows folded in `<details><summary>All N …</summary>`. The data-read facts, queues, agents and the
/// definitions are folded too, so the summary stays short.
///
/// Every value from input (cause, process, queue, agent and file names) is escaped with
/// ``MarkupEscaping/markdown(_:)``: `|` cannot break a table and `<script>` shows as text.
public struct MarkdownReportRenderer: ReportRenderer {
    /// The options this renderer uses.
    public let options: ReportRenderOptions

    /// A renderer with `options` (defaults: no colour, plain CSV, 10 table rows, 100 columns).
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

    /// The whole report in this format; the same report and options always give the same text.
    public func render(_ report: ContactReport) -> String {
        let content = ReportContent(report: report)
        var out: [String] = []
        out.append("# \(content.title)")
        out.append("")
        out.append("_\(MarkupEscaping.markdown(content.subtitle))_")
        out.append("")
        out.append(content.narrative.map(MarkupEscaping.markdown).joined(separator: " "))
        out.append("")
        out.append("## Headline figures")
        out.append("")
        out += facts(content.headline)
        out.append("")
        out.append("<details><summary>Data read</summary>")
        out.append("")
        out += facts(content.data)
        out.append("")
        out.append("</details>")
        let folded: Set<String> = ["queues", "agents"]
        for table in content.tables where table.id != "cost-model" {
            out.append("")
            if folded.contains(table.id) {
                out.append("<details><summary>\(MarkupEscaping.html(table.title)): \(table.rows.count) \(MarkupEscaping.html(table.noun))</summary>")
                out.append("")
                out += rows(table, limit: nil)
                out.append("")
                out.append("</details>")
                continue
            }
            out.append("## \(MarkupEscaping.markdown(table.title))")
            out.append("")
            if !table.lead.isEmpty {
                out += facts(table.lead)
                out.append("")
            }
            out += table.showsAll ? rows(table, limit: nil) : self.table(table)
        }
        out.append("")
        out.append("<details><summary>Definitions</summary>")
        out.append("")
        out += facts(content.definitions)
        out.append("")
        out += rows(content.costModel, limit: nil)
        out.append("")
        out.append("</details>")
        return out.joined(separator: "\n") + "\n"
    }

    /// A short table, or its first rows and the whole table folded beneath.
    private func table(_ table: ReportContent.Table) -> [String] {
        let note = table.note.isEmpty || table.rows.isEmpty ? [] : ["", MarkupEscaping.markdown(table.note)]
        guard table.rows.count > options.maxTableRows else { return rows(table, limit: nil) + note }
        var lines = rows(table, limit: options.maxTableRows) + note
        lines.append("")
        lines.append("<details><summary>All \(table.rows.count) \(MarkupEscaping.html(table.noun))</summary>")
        lines.append("")
        lines += rows(table, limit: nil)
        lines.append("")
        lines.append("</details>")
        return lines
    }

    private func rows(_ table: ReportContent.Table, limit: Int?) -> [String] {
        guard !table.rows.isEmpty else { return ["_\(MarkupEscaping.markdown(table.emptyNote))_"] }
        var lines = [line(table.columns.map(\.header)),
                     "|" + table.columns.map { $0.numeric ? " ---: |" : " --- |" }.joined()]
        for row in table.shown(limit ?? table.rows.count) { lines.append(line(row)) }
        return lines
    }

    private func facts(_ facts: [ReportContent.Fact]) -> [String] {
        var lines = ["| Figure | Value | Detail |", "| --- | ---: | --- |"]
        for fact in facts { lines.append(line([fact.label, fact.value, fact.detail])) }
        return lines
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.map { cell in cell.isEmpty ? " " : MarkupEscaping.markdown(cell) }.joined(separator: " | ") + " |"
    }
}
