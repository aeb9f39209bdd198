/// Reads every input file, maps each record to a contact, and hands the contacts on in input order.
///
/// The stream: `RecordReader` (bytes -> records) -> `ContactMapper` (records -> contacts). Rejected and
/// excluded records are counted per file; rejected ones are reported as diagnostics (grouped and capped) and
/// written to the rejects file when one is asked for. Nothing is dropped silently.
public enum ContactIngest {
    /// What the consumer is told with each contact.
    public struct Context {
        public var file: String
        /// The raw header; it grows for JSON input — watch `headerVersion`.
        public var header: [String]
        public var headerVersion: Int
    }

    /// Reads `options.files` and calls `body` for every contact with the raw record it came from.
    public static func run(_ options: IngestOptions,
                           _ body: (ContactRecord, RawRecord, Context) throws -> Void) throws -> IngestSummary {
        var summary = IngestSummary()
        var rejects = try options.rejectsPath.map { try RejectsWriter(path: $0) }
        for file in options.files {
            var reader = try InputOpener.open(path: file, options: options.reader)
            let format: String
            var delimiter: String?
            if let csv = reader as? CSVReader {
                format = "csv"
                delimiter = csv.delimiter == .tab ? "tab" : String(UnicodeScalar(csv.delimiter.rawValue))
            } else {
                format = "json"
            }
            // JSON input finds its keys as it reads: opened_at is checked once the first records are in.
            var mapper = try ContactMapper(header: reader.header, options: options.mapping, file: file,
                                           checksFieldCount: format == "csv", requiresOpenedAt: format == "csv")
            var fileSummary = IngestSummary.FileSummary(
                name: file, format: format, delimiter: delimiter, header: reader.header, bindings: [],
                missingColumns: [], filledCounts: [:], dateOrder: nil)
            var context = Context(file: file, header: reader.header, headerVersion: reader.headerVersion)

            // Look at the first records to settle the day/month order, then map them and the rest.
            var sample: [RawRecord] = []
            var record = RawRecord()
            while sample.count < options.dateOrderSample, try reader.next(into: &record) {
                if reader.headerVersion != context.headerVersion {
                    mapper.updateHeader(reader.header)
                    context.header = reader.header
                    context.headerVersion = reader.headerVersion
                }
                mapper.observe(record)
                sample.append(record)
            }
            if !sample.isEmpty { try mapper.requireOpenedAt() }
            for diagnostic in mapper.decideDateOrder() { summary.diagnostics.report(diagnostic) }

            func handle(_ record: RawRecord) throws {
                fileSummary.rowsRead += 1
                switch mapper.map(record, diagnostics: &summary.diagnostics) {
                case .contact(let contact):
                    fileSummary.contacts += 1
                    try body(contact, record, context)
                case .rejected(let reason, let column):
                    fileSummary.rejected += 1
                    summary.diagnostics.report(Diagnostic(.error, kind: "rejected", at: SourceLocation(file: file, line: record.line),
                                                          column: column, message: "record rejected: \(reason)"))
                    try rejects?.write(file: file, line: record.line, reason: reason, column: column, record: record,
                                       header: context.header)
                case .excluded:
                    fileSummary.excluded += 1
                }
            }
            for sampled in sample { try handle(sampled) }
            sample = []
            while try reader.next(into: &record) {
                if reader.headerVersion != context.headerVersion {
                    mapper.updateHeader(reader.header)
                    context.header = reader.header
                    context.headerVersion = reader.headerVersion
                }
                try handle(record)
            }
            for diagnostic in reader.diagnostics { summary.diagnostics.report(diagnostic) }
            fileSummary.header = reader.header
            fileSummary.bindings = CanonicalField.allCases.compactMap { mapper.bindings[$0] }
            fileSummary.missingColumns = mapper.missingColumns
            fileSummary.filledCounts = mapper.filledCounts
            fileSummary.dateOrder = mapper.dateOrders[.openedAt]
            summary.files.append(fileSummary)
        }
        try rejects?.close()
        return summary
    }
}
