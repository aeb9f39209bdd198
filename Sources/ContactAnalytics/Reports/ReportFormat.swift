/// The output formats of `contactstat report` (`--format`).
public enum ReportFormat: String, Sendable, CaseIterable, Equatable {
    /// Aligned tables for a terminal, at most 100 columns wide; ANSI colour only when asked for.
    case text
    /// GitHub-flavoured Markdown for a CI job summary; long tables folded in `<details>`.
    case markdown
    /// The JSON contract `contactstat.report/1`.
    case json
    /// One tidy table `section,dimension,key,metric,value` (or one file per section, see
    /// ``CSVReportRenderer/renderFiles(_:)``).
    case csv
    /// One self-contained HTML5 file with inline SVG charts.
    case html

    /// The format when none is asked for: text.
    public static let standard = ReportFormat.text

    /// The renderer for this format.
    public func renderer(options: ReportRenderOptions) -> any ReportRenderer {
        switch self {
        case .text: TextReportRenderer(options: options)
        case .markdown: MarkdownReportRenderer(options: options)
        case .json: JSONReportRenderer(options: options)
        case .csv: CSVReportRenderer(options: options)
        case .html: HTMLReportRenderer(options: options)
        }
    }

    /// The report in this format as UTF-8 bytes, ready to write (with the BOM when a CSV option asks for it).
    public func render(_ report: ContactReport, options: ReportRenderOptions) -> [UInt8] {
        Array(renderer(options: options).render(report).utf8)
    }

    /// The usual file extension (`txt`, `md`, `json`, `csv`, `html`).
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .csv: "csv"
        case .html: "html"
        }
    }
}
