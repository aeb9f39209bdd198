/// The report as an Excel workbook (`.xlsx`, written by ``WorkbookWriter``): the sections of the CSV report
/// with `--output-dir`, one sheet each, with the same names, columns and rows, in the same order: `summary`
/// (`section,metric,value`: input, range, definitions and the summary's figures), `channels`, `causes`,
/// `processes`, `periods`, `channel_switches`, `cause_groups`, `queues`, `agents`, `emerging_causes`. The
/// tables are ``CSVReportRenderer``'s (their metric columns ``MetricCatalog``'s), so a new metric or section
/// appears here with no edit.
///
/// Cells are typed by what they hold (``ReportCell/workbookCell(currency:)``): counts are integers, rates and
/// other fractions percentages (`0.734` shown `73.4%`), money amounts in the report's currency, durations
/// `[h]:mm:ss`, scores and other numbers decimals, instants dates in the report's time zone; the numbers are
/// the CSV's and the JSON's, to the digit. Text from the input is a string, never a formula. The header row is
/// bold and frozen and the columns fit their content.
///
/// The format is binary, so it is not a ``ReportRenderer`` (whose documents are text): ``render(_:)`` gives
/// bytes.
public struct XLSXReportRenderer: Sendable {
    /// The options this renderer was made with (xlsx uses none of them: a workbook has no delimiter or
    /// decimal separator to choose).
    public let options: ReportRenderOptions

    /// A renderer with `options`.
    public init(options: ReportRenderOptions = ReportRenderOptions()) {
        self.options = options
    }

    /// The workbook's bytes; the same report always gives the same bytes.
    public func render(_ report: ContactReport) -> [UInt8] {
        WorkbookWriter.workbook(sheets(report))
    }

    /// The sheets, in order.
    public func sheets(_ report: ContactReport) -> [WorkbookSheet] {
        let tables = CSVReportRenderer(options: options)
        let currency = report.definitions.currency
        let summary = WorkbookSheet(name: "summary", header: ["section", "metric", "value"],
                                    rows: tables.scalarRows(report).map { section, metric, value in
                                        [.text(section), .text(metric), value.workbookCell(currency: currency)]
                                    })
        return [summary] + tables.tables(report).map { section, _, table in
            WorkbookSheet(name: section, header: table.fields,
                          rows: table.rows.map { row in row.map { $0.workbookCell(currency: currency) } })
        }
    }
}
