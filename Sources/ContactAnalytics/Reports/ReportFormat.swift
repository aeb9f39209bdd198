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
    /// A compact HTML e-mail: tables and inline styles only, no `<style>`, `<script>` or `<svg>`
    /// (``HTMLEmailReportRenderer``).
    case htmlEmail = "html-email"
    /// An Excel workbook (binary): a sheet per section of the CSV report, typed cells (``XLSXReportRenderer``).
    case xlsx

    /// The format when none is asked for: text.
    public static let standard = ReportFormat.text

    /// The renderer of this text format; `nil` for ``xlsx``, which is binary (``XLSXReportRenderer``).
    public func renderer(options: ReportRenderOptions) -> (any ReportRenderer)? {
        switch self {
        case .text: TextReportRenderer(options: options)
        case .markdown: MarkdownReportRenderer(options: options)
        case .json: JSONReportRenderer(options: options)
        case .csv: CSVReportRenderer(options: options)
        case .html: HTMLReportRenderer(options: options)
        case .htmlEmail: HTMLEmailReportRenderer(options: options)
        case .xlsx: nil
        }
    }

    /// The report in this format as bytes, ready to write: UTF-8 text (with the BOM when a CSV option asks for
    /// it), or the workbook.
    public func render(_ report: ContactReport, options: ReportRenderOptions) -> [UInt8] {
        guard let renderer = renderer(options: options) else {
            return XLSXReportRenderer(options: options).render(report)
        }
        return Array(renderer.render(report).utf8)
    }

    /// Whether the output is binary (not text): such output is not written to a terminal.
    public var isBinary: Bool { self == .xlsx }

    /// The usual file extension (`txt`, `md`, `json`, `csv`, `html` (also the e-mail variant), `xlsx`).
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .csv: "csv"
        case .html, .htmlEmail: "html"
        case .xlsx: "xlsx"
        }
    }
}
