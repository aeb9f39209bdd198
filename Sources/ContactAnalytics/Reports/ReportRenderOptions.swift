/// Presentation options shared by every renderer. Formats ignore the options that do not concern them.
public struct ReportRenderOptions: Sendable, Equatable {
    /// ANSI colour in the text format. The library never decides this: the executable turns it on when
    /// standard output is a terminal (and `NO_COLOR` is unset).
    public var colour: Bool
    /// Delimiter, decimal separator and BOM for CSV output.
    public var csv: CSVOutputOptions
    /// The longest table the text and Markdown formats print in full (causes, queues, agents, ...). Longer
    /// tables show their first `maxTableRows` rows and a row summing the rest (text), or fold the full table
    /// into a `<details>` block (Markdown). JSON, CSV and HTML always contain every row. At least 1.
    public var maxTableRows: Int
    /// The width the text format fits in (default 100 columns). At least 60.
    public var textWidth: Int

    /// Options with the defaults: no colour, plain CSV, 10 rows, 100 columns.
    public init(colour: Bool = false, csv: CSVOutputOptions = CSVOutputOptions(), maxTableRows: Int = 10,
                textWidth: Int = 100) {
        self.colour = colour
        self.csv = csv
        self.maxTableRows = max(1, maxTableRows)
        self.textWidth = max(60, textWidth)
    }
}
