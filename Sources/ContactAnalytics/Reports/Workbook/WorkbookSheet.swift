/// One sheet of a written workbook: a name, a header row and rows of typed cells.
public struct WorkbookSheet: Sendable, Equatable {
    /// The sheet's tab name (cut to Excel's 31 characters; `[]:*?/\` replaced by `-`).
    public var name: String
    public var header: [String]
    public var rows: [[WorkbookCell]]

    public init(name: String, header: [String], rows: [[WorkbookCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}
