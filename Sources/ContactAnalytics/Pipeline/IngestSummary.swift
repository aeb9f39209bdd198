/// What reading and mapping found: the row accounting (rows read = contacts + rejected + excluded, before
/// duplicates are dropped), per-file column bindings, and every diagnostic.
public struct IngestSummary: Sendable {
    /// One input file.
    public struct FileSummary: Sendable {
        public var name: String
        /// `csv`, `json-array` or `json-lines`.
        public var format: String
        /// The CSV delimiter, if CSV.
        public var delimiter: String?
        public var header: [String]
        public var bindings: [ColumnBinding]
        public var missingColumns: [(field: CanonicalField, column: String, source: ColumnBinding.Source)]
        public var filledCounts: [CanonicalField: Int]
        /// Time and duration columns read in a spreadsheet's form (fractions of a day, times of day), and how.
        public var timeForms: [CanonicalField: String] = [:]
        /// Columns a name alias found but whose values did not fit the field.
        public var refusedColumns: [ColumnRefusal] = []
        public var dateOrder: (order: DayMonthOrder, how: String)?
        /// Set when the date column mixes day/month orders (`ContactMapper.mixedDateOrder`).
        public var mixedDateOrder: String?
        public var rowsRead = 0
        public var contacts = 0
        public var rejected = 0
        public var excluded = 0
    }

    public var files: [FileSummary] = []
    public var diagnostics = DiagnosticLog()

    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    public var contacts: Int { files.reduce(0) { $0 + $1.contacts } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var excluded: Int { files.reduce(0) { $0 + $1.excluded } }
    /// Values left empty because they could not be read.
    public var fieldWarnings: Int {
        diagnostics.groups.filter { $0.key.kind.hasPrefix("unreadable-") }.reduce(0) { $0 + $1.count }
    }

    public init() {}
}
