/// One place where a quoted CSV field is followed by text before its delimiter or line end (`"ab"c`, or
/// `"He said "hi" to me"`, whose quote before `hi` closes the field): the text is kept in the field
/// (`CSVRecordParser`), and each such place is reported (`CSVReader.textAfterQuoteWarning`).
///
/// `line` and `column` locate the quote that closed the field: its physical line (1-based, as record lines are
/// counted) and its 1-based byte column in that line (as the column of a quote never closed). `field` is the
/// field's index in its record (0-based).
public struct TextAfterClosingQuote: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var field: Int

    public init(line: Int, column: Int, field: Int) {
        self.line = line
        self.column = column
        self.field = field
    }
}
