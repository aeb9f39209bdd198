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
        /// For a JSON envelope: where its records were (`tickets`, `data.payload`) and how many envelopes
        /// (pages) held them.
        public var envelope: (path: String, pages: Int)?
        public var header: [String]
        public var bindings: [ColumnBinding]
        public var missingColumns: [(field: CanonicalField, column: String, source: ColumnBinding.Source)]
        public var filledCounts: [CanonicalField: Int]
        /// Time and duration columns read in a spreadsheet's form (fractions of a day, times of day), and how.
        public var timeForms: [CanonicalField: String] = [:]
        /// Columns a name alias found but whose values did not fit the field.
        public var refusedColumns: [ColumnRefusal] = []
        public var dateOrder: (order: DayMonthOrder, how: String)?
        /// The file's size in bytes; `nil` for standard input.
        public var bytes: Int?
        /// Set when the date column mixes day/month orders (`ContactMapper.mixedDateOrder`).
        public var mixedDateOrder: String?
        public var rowsRead = 0
        public var contacts = 0
        public var rejected = 0
        /// Rows excluded: outbound messages and internal contacts.
        public var excluded = 0
        /// Of `excluded`, the rows opened by the organisation's own staff or systems (channel `internal`).
        public var internalContacts = 0
    }

    public var files: [FileSummary] = []
    public var diagnostics = DiagnosticLog()

    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    public var contacts: Int { files.reduce(0) { $0 + $1.contacts } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var excluded: Int { files.reduce(0) { $0 + $1.excluded } }
    /// Of `excluded`, the internal contacts (opened by the organisation's staff or systems).
    public var internalContacts: Int { files.reduce(0) { $0 + $1.internalContacts } }
    /// The summed size of the files, `nil` when one has none (standard input).
    public var bytes: Int? {
        files.reduce(0 as Int?) { total, file in total.flatMap { sum in file.bytes.map { sum + $0 } } }
    }
    /// Values left empty because they could not be read, contacts closed or replied to before they were
    /// opened, and quoted fields with text after their closing quote (kept, maybe not the value meant).
    public var fieldWarnings: Int {
        diagnostics.groups.filter {
            $0.key.kind.hasPrefix("unreadable-") || $0.key.kind == ContactMapper.closedBeforeOpenedKind
                || $0.key.kind == ContactMapper.replyBeforeOpenedKind || $0.key.kind == CSVReader.textAfterQuoteKind
        }.reduce(0) { $0 + $1.count }
    }
    /// Quoted fields with text after their closing quote (kept as read; a field warning each).
    public var textAfterQuote: Int { diagnostics.count(kind: CSVReader.textAfterQuoteKind) }
    /// Contacts whose closed_at is before their opened_at (kept; no resolution time).
    public var closedBeforeOpened: Int { diagnostics.count(kind: ContactMapper.closedBeforeOpenedKind) }
    /// Contacts whose first_reply_at is before their opened_at (kept; no first-reply time).
    public var replyBeforeOpened: Int { diagnostics.count(kind: ContactMapper.replyBeforeOpenedKind) }
    /// Contacts whose priority no alias recognises (kept as written; no priority target applies).
    public var unknownPriorities: Int { diagnostics.count(kind: ContactMapper.unknownPriorityKind) }

    public init() {}
}
