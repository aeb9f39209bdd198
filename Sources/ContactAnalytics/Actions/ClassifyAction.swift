/// `classify`: the contacts' rows as CSV with `cause`, `process`, `avoidable` and `repeat` added. Whether a
/// contact is a repeat depends on contacts anywhere in the input (it may be sorted any way), so the input is
/// read twice: once to classify and settle repeats, once to write the rows. Standard input and other inputs
/// that cannot be read twice (named pipes) are copied to temporary files for that (`InputSpool`). Rejected
/// records and dropped duplicates are not written (they are not contacts); the header is the first file's,
/// with every key a JSON file shows anywhere (a record written before a key first appears has that column
/// empty).
public struct ClassifyAction: Sendable {
    public var settings: RunSettings
    /// The CSV field delimiter.
    public var delimiter: UInt8
    /// Start with a UTF-8 byte-order mark.
    public var byteOrderMark: Bool

    public init(settings: RunSettings, delimiter: UInt8 = UInt8(ascii: ","), byteOrderMark: Bool = false) {
        self.settings = settings
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
    }

    /// The delimiter named by `text` (`,` `;` `tab` `|`).
    public static func delimiter(_ text: String) throws -> UInt8 {
        guard let byte = CSVOutputOptions.parseDelimiter(text) else {
            throw ContactStatError(.usage, "\(setting: .csvDelimiter) expects , ; tab or |")
        }
        return byte
    }

    /// Classifies the input, hands what reading found (diagnostics and notes) to `read`, then writes the rows in
    /// pieces of about 256 KiB to `write` (so a front end can print the diagnostics before the rows, and still
    /// has them when its reader goes away). The outcome returned has the exit status and the note that goes
    /// with it; its output is empty (the rows went to `write`).
    public func perform(read: (ActionOutcome) -> Void = { _ in }, write: ([UInt8]) throws -> Void) throws -> ActionOutcome {
        var settings = settings
        let spool = try InputSpool.spooling(settings.ingest)
        defer { spool?.1.remove() }
        if let (spooled, _) = spool { settings.ingest = spooled }
        let result = try ContactAnalysis.run(settings.analysis(profile: false), keepCauses: true)
        read(ActionOutcome(diagnostics: settings.quiet ? DiagnosticLog() : result.ingest.diagnostics,
                           notes: settings.ingestNotes(result)))
        let repeats = result.repeatFlags, duplicates = result.duplicateFlags
        // One header for the output: the first file's columns as finally known (JSON finds keys as it reads).
        let header = result.ingest.files.first?.header ?? []
        let writer = CSVWriter(delimiter: delimiter)
        var buffer: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        var wroteHeader = false
        var index = 0
        // The second pass sees exactly the contacts of the first, in the same order.
        var second = settings.ingest
        second.rejectsPath = nil
        _ = try ContactIngest.run(second) { _, raw, _ in
            if !wroteHeader {
                writer.appendRow(header + ["cause", "process", "avoidable", "repeat"], to: &buffer)
                wroteHeader = true
            }
            defer { index += 1 }
            // A duplicate contact_id is dropped (the last occurrence is kept), as in the report.
            if index < duplicates.count, duplicates[index] { return }
            let cause = index < result.causes.count ? result.taxonomy.cause(result.causes[index]) : nil
            let isRepeat = index < repeats.count && repeats[index]
            // JSON finds its keys as it reads: a record before a key's first appearance has fewer fields than the
            // header (new keys come last), so it is padded with empty values to stay in its columns.
            var fields = raw.strings
            if fields.count < header.count { fields += Array(repeating: "", count: header.count - fields.count) }
            writer.appendRow(fields + [cause?.path ?? "unclassified", cause?.process ?? CauseDescriptor.unclassified.process,
                                       cause?.avoidable == true ? "true" : "false", isRepeat ? "true" : "false"],
                             to: &buffer)
            if buffer.count > 1 << 18 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
        let strict = settings.strictStatus(rejected: result.report.input.rowsRejected)
        return ActionOutcome(notes: strict.note.map { [$0] } ?? [], status: strict.status)
    }
}
