/// `classify`: the contacts' rows as CSV with the audit trail added: `cause`, `process`, `avoidable`,
/// `repeat`, `repeat_of`, `evaluable`, `fcr_resolved`, `switch_from`, `cost` and `language` (the language the report counts the contact in: the mapped language field, else the one
/// detected from the subject and text; `unknown` when unsure). Whether a
/// contact is a repeat depends on contacts anywhere in the input (it may be sorted any way), so the input is
/// read twice: once to classify and settle repeats, once to write the rows (and once more, ids only, when a
/// contact repeats one that comes later in the input). Standard input and other inputs that cannot be read
/// twice (named pipes) are copied to temporary files for that (`InputSpool`). Rejected records and dropped
/// duplicates are not written (they are not contacts); the header is the first file's, with every key a JSON
/// file shows anywhere (a record written before a key first appears has that column empty).
///
/// **The audit columns are the report's own computation**, not a second one: the repeat, FCR and switch
/// columns are each contact's outcome in the metrics engine's timeline walk (`ContactAuditEntry`) and `cost`
/// is the cost the report adds up, so a pivot of the columns gives the report's figures:
/// FCR = `fcr_resolved` true / `evaluable` true; repeats = `repeat` true; avoidable = `avoidable` or
/// `repeat` true; avoidable cost = the sum of `cost` over those; channel switches = `switch_from` not empty;
/// the languages breakdown = contacts by `language`.
public struct ClassifyAction: Sendable {
    public var settings: RunSettings
    /// Delimiter, decimal comma and byte-order mark: the same options as `report`'s CSV.
    public var csv: CSVOutputOptions

    /// The columns added after the input's own, in order.
    public static let addedColumns = ["cause", "process", "avoidable", "repeat", "repeat_of", "evaluable",
                                      "fcr_resolved", "switch_from", "cost", "language"]

    public init(settings: RunSettings, csv: CSVOutputOptions = CSVOutputOptions()) {
        self.settings = settings
        self.csv = csv
    }

    /// An action writing with `delimiter` and, optionally, a byte-order mark.
    public init(settings: RunSettings, delimiter: UInt8, byteOrderMark: Bool = false) {
        self.init(settings: settings, csv: CSVOutputOptions(delimiter: delimiter, byteOrderMark: byteOrderMark))
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
        let audit = result.audit, duplicates = result.duplicateFlags
        // The second pass sees exactly the contacts of the first, in the same order.
        var second = settings.ingest
        second.rejectsPath = nil
        var names = RepeatedContactNames(audit: audit, duplicates: duplicates)
        if names.needsEarlierPass {
            var index = 0
            _ = try ContactIngest.run(second) { contact, _, _ in
                names.note(contact.contactID, index: index)
                index += 1
            }
        }
        // One header for the output: the first file's columns as finally known (JSON finds keys as it reads).
        let header = result.ingest.files.first?.header ?? []
        let writer = CSVWriter(delimiter: csv.effectiveDelimiter)
        var buffer: [UInt8] = csv.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        var wroteHeader = false
        var index = 0
        _ = try ContactIngest.run(second) { contact, raw, _ in
            if !wroteHeader {
                writer.appendRow(header + Self.addedColumnNames(after: header), to: &buffer)
                wroteHeader = true
            }
            defer { index += 1 }
            // A duplicate contact_id is dropped (the last occurrence is kept), as in the report.
            if index < duplicates.count, duplicates[index] { return }
            names.note(contact.contactID, index: index)
            let cause = index < result.causes.count ? result.taxonomy.cause(result.causes[index]) : nil
            let entry = index < audit.count ? audit[index] : .none
            let cost = index < result.costs.count ? csv.numberText(Self.costText(result.costs[index])) : ""
            // JSON finds its keys as it reads: a record before a key's first appearance has fewer fields than the
            // header (new keys come last), so it is padded with empty values to stay in its columns.
            var fields = raw.strings
            if fields.count < header.count { fields += Array(repeating: "", count: header.count - fields.count) }
            writer.appendRow(fields + [cause?.path ?? "unclassified", cause?.process ?? CauseDescriptor.unclassified.process,
                                       Self.flag(cause?.avoidable == true), Self.flag(entry.repeatOf != nil),
                                       entry.repeatOf.map { names.name(of: $0) } ?? "",
                                       Self.flag(entry.evaluable), entry.evaluable ? Self.flag(entry.resolved) : "",
                                       entry.switchFrom?.rawValue ?? "", cost, ContactFacts.language(of: contact).rawValue],
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

    /// The names of the added columns after `header`: an added column whose name the input already has is
    /// written `contactstat_NAME`, so every column of the output has a name of its own.
    public static func addedColumnNames(after header: [String]) -> [String] {
        let taken = Set(header.map { $0.lowercased() })
        return addedColumns.map { taken.contains($0) ? "contactstat_" + $0 : $0 }
    }

    private static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    /// A cost as the report adds it up (a `Float`), in the shortest decimal that reads back as the same value,
    /// so summing the column gives the report's total; empty when it has no value.
    static func costText(_ cost: Float) -> String {
        guard cost.isFinite else { return "" }
        let text = "\(cost)"
        // Very large or small magnitudes come out in exponent form, which spreadsheets read but people do not.
        return text.contains("e") ? "\(Double(cost))" : text
    }
}
