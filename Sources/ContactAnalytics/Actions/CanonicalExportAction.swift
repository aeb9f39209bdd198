/// `classify --canonical`: the mapped contacts in the canonical fields (`CanonicalContactColumns`), as CSV or
/// JSON Lines, to load into the table `contactstat sql` reads. One pass over the input, written as it is read:
/// no classification (the SQL classifies), no duplicate settlement (the SQL keeps the last of each id).
public struct CanonicalExportAction: Sendable {
    public var settings: RunSettings
    public var format: CanonicalContactWriter.Format

    public init(settings: RunSettings, format: CanonicalContactWriter.Format = .csv) {
        self.settings = settings
        self.format = format
    }

    /// Writes the contacts in pieces of about 256 KiB to `write`; returns what reading found (diagnostics, the
    /// row accounting) and the exit status (`strict`).
    public func perform(write: ([UInt8]) throws -> Void) throws -> ActionOutcome {
        let writer = CanonicalContactWriter(format: format)
        var buffer: [UInt8] = []
        writer.appendHeader(to: &buffer)
        var order = 0
        let summary = try ContactIngest.run(settings.ingest) { contact, _, _ in
            writer.append(contact, order: order, to: &buffer)
            order += 1
            if buffer.count > 1 << 18 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
        var notes: [RunNote] = []
        if !settings.quiet {
            var line = "\(summary.rowsRead) rows read, \(order) contacts written"
            if summary.rejected > 0 { line += ", \(summary.rejected) rejected" }
            if summary.excluded > 0 { line += ", \(summary.excluded) excluded (outbound or internal)" }
            notes.append(RunNote(nil, MessageText(line)))
        }
        let strict = settings.strictStatus(rejected: summary.rejected)
        if let note = strict.note { notes.append(note) }
        return ActionOutcome(diagnostics: settings.quiet ? DiagnosticLog() : summary.diagnostics, notes: notes,
                             status: strict.status)
    }
}
