/// `validate`: read and map the input, describe which column feeds which field, the diagnostics and the row
/// accounting; compute nothing else. Files of one layout (same format, header and bindings) are described
/// once, with the first few named and their rows summed. Performed with `perform()`, the description is a value
/// (`ActionOutcome.output`), so tests need no binary.
public struct ValidateAction: Sendable {
    public var settings: RunSettings

    public init(settings: RunSettings) {
        self.settings = settings
    }

    /// Reads the input (spooled first when it cannot be read twice) and describes it.
    public func perform() throws -> ActionOutcome {
        var settings = settings
        let spool = try InputSpool.spooling(settings.ingest)
        defer { spool?.1.remove() }
        if let (spooled, _) = spool { settings.ingest = spooled }
        let columnCauses = try settings.columnCauses(taxonomy: settings.taxonomy)
        var duplicates = DuplicateContactFilter()
        var index = 0
        var reserved = 0
        // Only the contact ids are read: long subjects and bodies may stay in the row, with no string made of each
        // (the mapper's counts and diagnostics are the same either way).
        settings.ingest.mapping.textStaysInRow = true
        // Mapping runs on several threads; only the contact ids come back, in input order.
        let summary = try ContactIngest.runInBatches(
            settings.ingest, workers: settings.threads,
            makeState: { _ in () },
            process: { _, contact, _ in contact.contactID.map { IdentityHash.of($0) } ?? 0 },
            reserve: { estimate in
                // Room for each file's estimated rows (as `ContactMetricsEngine.reserveCapacity(adding:)`): the
                // ids' array does not grow by copies into fresh pages.
                let needed = index + estimate
                guard estimate > 0, needed > reserved else { return }
                reserved = reserved == 0 ? needed : max(needed, reserved + reserved / 4)
                duplicates.reserveCapacity(reserved)
            },
            merge: { hash in
                if hash != 0 { duplicates.add(hash: hash, index: index) }
                index += 1
            })
        let dropped = duplicates.settle(count: index).total
        var out = ""
        let groups = FileLayoutGroup.grouping(summary.files)
        if groups.count > 1 && summary.files.count > FileListing.named {
            let listing = FileListing(names: summary.files.map(\.name), bytes: summary.bytes)
            out += "\(listing.countAndSize) in \(groups.count) layout\(groups.count == 1 ? "" : "s")\n\n"
        }
        for group in groups { out += Self.describe(group) }
        let contacts = summary.contacts - dropped
        out += "\nrows read \(summary.rowsRead) = contacts \(contacts) + rejected \(summary.rejected) + duplicates dropped \(dropped)"
            + (summary.excluded > 0 ? " + excluded \(summary.excluded)" : "")
            + (summary.internalContacts > 0 ? " (\(summary.internalContacts) internal: opened by staff or systems)" : "") + "\n"
        out += "field warnings \(summary.fieldWarnings) (unreadable values left empty, closed before opened "
            + "\(summary.closedBeforeOpened)"
            + (summary.textAfterQuote > 0 ? ", text after a closing quote kept \(summary.textAfterQuote)" : "") + ")\n"
        if let columnCauses { out += Self.causesNote(columnCauses, table: settings.configuration.causesFrom) }
        return ActionOutcome(output: out, diagnostics: settings.quiet ? DiagnosticLog() : summary.diagnostics,
                             status: settings.strict && summary.rejected > 0 ? 1 : 0)
    }

    /// With a cause column: how the column's values become causes, and every value the table does not list,
    /// with its count, for the owner to map.
    public static func causesNote(_ causes: ColumnCauses, table: CauseColumnTable?) -> String {
        let unmappedContacts = causes.unmapped.reduce(0) { $0 + $1.contacts }
        var out = "\ncauses from column \"\(causes.column)\": \(causes.contacts) contacts = "
            + "\(causes.contacts - unmappedContacts - causes.emptyContacts) with a value in causes_from.values + "
            + "\(unmappedContacts) with a value not listed + \(causes.emptyContacts) empty (unclassified)\n"
        if !causes.unmapped.isEmpty {
            let avoidable = table?.defaultAvoidable == true ? "avoidable" : "not avoidable"
            out += "values not in causes_from.values (\(causes.unmapped.count); each its own cause, process "
                + "\"\(table?.defaultProcess ?? CauseColumnTable().defaultProcess)\", counted as \(avoidable)):\n"
            let width = String(causes.unmapped.first?.contacts ?? 0).count
            for value in causes.unmapped {
                let count = String(value.contacts)
                out += "  " + String(repeating: " ", count: max(0, width - count.count)) + count + "  \(value.value)\n"
            }
        }
        return out
    }

    /// One layout: its files (one named in full, several summarised), bindings, dates and rows.
    public static func describe(_ group: FileLayoutGroup) -> String {
        let file = group.layout
        let envelope = file.envelope.map {
            " (records in \"\($0.path)\", \($0.pages) \($0.pages == 1 ? "envelope" : "envelopes"))"
        }
        let format = "\(file.format)\(file.delimiter.map { " (delimiter \($0))" } ?? "")\(envelope ?? ""), "
            + "\(file.header.count) columns"
        var out: String
        if group.files.count == 1 {
            out = "\(file.name): \(format)\n"
        } else {
            let listing = FileListing(names: group.files.map(\.name),
                                      bytes: group.files.reduce(0 as Int?) { t, f in t.flatMap { s in f.bytes.map { s + $0 } } })
            out = "\(listing.countAndSize) of one layout: \(listing.shortList)\n  \(format)\n"
        }
        let filledCounts = group.filledCounts
        let width = (file.bindings.map { $0.field.rawValue.count }.max() ?? 10) + 2
        for binding in file.bindings {
            let name = binding.field.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let filled = fillNote(binding, bindings: file.bindings, filled: filledCounts)
            let origin = binding.source == .constant ? "= \"\(binding.column)\"" : "<- \"\(binding.column)\""
            out += "  \(name)\(origin)  (\(binding.source.rawValue), \(filled))\n"
        }
        let where_ = group.files.count == 1 ? "this file" : "these files"
        for missing in file.missingColumns {
            out += "  \(missing.field.rawValue): column \"\(missing.column)\" (\(missing.source.rawValue)) is not in \(where_)\n"
        }
        for refusal in file.refusedColumns { out += "  \(refusal.message)\n" }
        let bound = Set(file.bindings.map(\.field))
        let empty = CanonicalField.allCases.filter { !bound.contains($0) }.map(\.rawValue)
        if !empty.isEmpty { out += "  not in this export: \(empty.joined(separator: ", "))\n" }
        for (field, form) in file.timeForms.sorted(by: { $0.key < $1.key }) {
            out += "  \(field.rawValue) read as \(form)\n"
        }
        let orders = group.dateOrders
        if orders.count == 1, let only = orders.first {
            out += "  dates read \(only.order.rawValue) (\(only.how))"
                + (group.files.count > 1 && only.files < group.files.count ? " in \(only.files) of \(group.files.count) files" : "") + "\n"
        } else if orders.count > 1 {
            out += "  dates read " + orders.map { "\($0.order.rawValue) (\($0.how)) in \($0.files) file\($0.files == 1 ? "" : "s")" }
                .joined(separator: "; ") + "\n"
        }
        let unused = file.header.enumerated().filter { i, name in !name.isEmpty && !file.bindings.contains { $0.index == i } }
        if !unused.isEmpty { out += "  unused columns: \(unused.map { "\"\($0.element)\"" }.joined(separator: ", "))\n" }
        out += "  rows \(group.rowsRead): mapped \(group.contacts), rejected \(group.rejected)"
            + (group.excluded > 0 ? ", excluded \(group.excluded)" : "")
            + (group.internalContacts > 0 ? " (\(group.internalContacts) internal)" : "") + "\n"
        if group.files.count > 1 {
            let rejecting = group.files.filter { $0.rejected > 0 }
            if !rejecting.isEmpty {
                let named = rejecting.prefix(FileListing.named).map { "\($0.name) (\($0.rejected))" }.joined(separator: ", ")
                let more = rejecting.count > FileListing.named ? " and \(rejecting.count - FileListing.named) more" : ""
                out += "  rejected rows in \(rejecting.count) file\(rejecting.count == 1 ? "" : "s"): \(named)\(more)\n"
            }
        }
        return out
    }

    /// How often a bound field was filled. The identity is the customer id, else the e-mail, else the phone:
    /// a later one is used only where the earlier ones are empty, so its count says that, not "never filled".
    public static func fillNote(_ binding: ColumnBinding, bindings: [ColumnBinding], filled: [CanonicalField: Int]) -> String {
        if binding.source == .constant { return "constant" }
        let count = filled[binding.field]
        let identity: [CanonicalField] = [.customer, .email, .phone]
        if let rank = identity.firstIndex(of: binding.field), rank > 0 {
            let bound = Set(bindings.map(\.field))
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
