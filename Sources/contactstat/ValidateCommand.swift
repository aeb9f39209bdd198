import ArgumentParsing
import ContactAnalytics

/// `contactstat validate FILE...`: read and map the input, print which column feeds which field, the
/// diagnostics and the row accounting; compute nothing else.
enum ValidateCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let settings = try RunSettings(command)
        var duplicates = DuplicateContactFilter()
        var index = 0
        // Mapping runs on several threads; only the contact ids come back, in input order.
        let summary = try ContactIngest.runInBatches(
            settings.ingest, workers: settings.threads,
            makeState: { _ in () },
            process: { _, contact, _ in contact.contactID.map { IdentityHash.of($0) } ?? 0 },
            merge: { hash in
                if hash != 0 { duplicates.add(hash: hash, index: index) }
                index += 1
            })
        let dropped = duplicates.settle(count: index).total
        var out = ""
        for file in summary.files {
            out += "\(file.name): \(file.format)\(file.delimiter.map { " (delimiter \($0))" } ?? ""), "
                + "\(file.header.count) columns\n"
            let width = (file.bindings.map { $0.field.rawValue.count }.max() ?? 10) + 2
            for binding in file.bindings {
                let name = binding.field.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let filled = fillNote(binding, in: file)
                let origin = binding.source == .constant ? "= \"\(binding.column)\"" : "<- \"\(binding.column)\""
                out += "  \(name)\(origin)  (\(binding.source.rawValue), \(filled))\n"
            }
            for missing in file.missingColumns {
                out += "  \(missing.field.rawValue): column \"\(missing.column)\" (\(missing.source.rawValue)) is not in this file\n"
            }
            for refusal in file.refusedColumns { out += "  \(refusal.message)\n" }
            let bound = Set(file.bindings.map(\.field))
            let empty = CanonicalField.allCases.filter { !bound.contains($0) }.map(\.rawValue)
            if !empty.isEmpty { out += "  not in this export: \(empty.joined(separator: ", "))\n" }
            for (field, form) in file.timeForms.sorted(by: { $0.key < $1.key }) {
                out += "  \(field.rawValue) read as \(form)\n"
            }
            if let order = file.dateOrder { out += "  dates read \(order.order.rawValue) (\(order.how))\n" }
            let unused = file.header.enumerated().filter { i, name in !name.isEmpty && !file.bindings.contains { $0.index == i } }
            if !unused.isEmpty { out += "  unused columns: \(unused.map { "\"\($0.element)\"" }.joined(separator: ", "))\n" }
            out += "  rows \(file.rowsRead): mapped \(file.contacts), rejected \(file.rejected)"
                + (file.excluded > 0 ? ", excluded \(file.excluded)" : "") + "\n"
        }
        let contacts = summary.contacts - dropped
        out += "\nrows read \(summary.rowsRead) = contacts \(contacts) + rejected \(summary.rejected) + duplicates dropped \(dropped)"
            + (summary.excluded > 0 ? " + excluded \(summary.excluded)" : "") + "\n"
        out += "field warnings \(summary.fieldWarnings) (unreadable values left empty, closed before opened "
            + "\(summary.closedBeforeOpened))\n"
        StandardStreams.writeOut(out)
        DiagnosticPrinter.print(summary.diagnostics, quiet: settings.quiet)
        return settings.strict && summary.rejected > 0 ? 1 : 0
    }

    /// How often a bound field was filled. The identity is the customer id, else the e-mail, else the phone:
    /// a later one is used only where the earlier ones are empty, so its count says that, not "never filled".
    static func fillNote(_ binding: ColumnBinding, in file: IngestSummary.FileSummary) -> String {
        if binding.source == .constant { return "constant" }
        let count = file.filledCounts[binding.field]
        let identity: [CanonicalField] = [.customer, .email, .phone]
        if let rank = identity.firstIndex(of: binding.field), rank > 0 {
            let bound = Set(file.bindings.map(\.field))
            let before = identity[..<rank].filter { bound.contains($0) }.map(\.rawValue)
            if !before.isEmpty {
                let from = "identity from \(before.joined(separator: ", then "))"
                let used = count ?? 0
                return "\(from); \(binding.field.rawValue) used for \(used) row\(used == 1 ? "" : "s") without it"
            }
        }
        return count.map { "\($0) filled" } ?? "never filled"
    }
}
