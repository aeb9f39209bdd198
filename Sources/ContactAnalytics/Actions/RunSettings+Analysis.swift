import Foundation

extension RunSettings {
    /// The taxonomy in force: the configuration's `taxonomy` section over the built-in default.
    public var taxonomy: Taxonomy { configuration.taxonomy }

    /// The options of a full analysis with these settings.
    public func analysis(profile: Bool, taxonomy: Taxonomy? = nil) -> AnalysisOptions {
        var options = AnalysisOptions(ingest: ingest, metrics: metrics, taxonomy: taxonomy ?? self.taxonomy,
                                      foldDiacritics: foldDiacritics, profile: profile, threads: threads)
        options.causeColumn = causeColumn
        options.causeTable = configuration.causesFrom ?? CauseColumnTable()
        return options
    }

    /// With a cause column: the column's causes, read from the input (spool it first when it cannot be read
    /// twice); `nil` without.
    public func columnCauses(taxonomy: Taxonomy) throws -> ColumnCauses? {
        guard let causeColumn else { return nil }
        return try ColumnCauses.scan(ingest, column: causeColumn, table: configuration.causesFrom ?? CauseColumnTable(),
                                     base: taxonomy, threads: threads)
    }

    /// What an analysis found besides its figures, after its diagnostics: regular expressions switched off, the
    /// cause column's unlisted values, rules naming missing columns, and the row accounting with the
    /// classification coverage. Empty under `quiet`.
    public func ingestNotes(_ result: ContactAnalysis.Result) -> [RunNote] {
        guard !quiet else { return [] }
        var notes: [RunNote] = []
        for pattern in result.disabledRegexes {
            notes.append(RunNote(.warning, "the taxonomy regular expression /\(pattern)/ ran longer than "
                                 + "\(RegexBudget.nanosecondsPerField / 1_000_000) ms on \(RegexBudget.disableAfter) fields and was "
                                 + "switched off (it matches nothing from then on); simplify the pattern"))
        }
        if let causes = result.columnCauses, let note = causesNote(causes) { notes.append(note) }
        for column in result.unresolvedColumns {
            notes.append(RunNote(.warning, "a taxonomy rule names the column \"\(column)\", which the input does not have"))
        }
        let s = result.report.summary
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var line = "\(count(result.ingest.rowsRead, "row")) read, \(count(s.contacts, "contact")) counted"
        if result.report.input.rowsRejected > 0 { line += ", \(result.report.input.rowsRejected) rejected" }
        if result.report.input.duplicatesDropped > 0 {
            line += ", \(count(result.report.input.duplicatesDropped, "duplicate")) dropped"
        }
        let outbound = result.ingest.excluded - result.ingest.internalContacts
        if outbound > 0 { line += ", \(outbound) outbound excluded" }
        if result.ingest.internalContacts > 0 {
            line += ", \(result.ingest.internalContacts) internal excluded (opened by staff or systems)"
        }
        line += "; coverage " + (s.coverage.value.map { String(format: "%.1f %%", $0 * 100) } ?? "n/a")
            + " (\(s.coverage.numerator) of \(s.coverage.denominator) classified)"
        notes.append(RunNote(nil, MessageText(line)))
        return notes
    }

    /// With a cause column: a note of the values the configuration's `causes_from.values` does not list (the
    /// ten most frequent; `validate` lists all); `nil` when all are listed or under `quiet`.
    public func causesNote(_ causes: ColumnCauses) -> RunNote? {
        guard !quiet, !causes.unmapped.isEmpty else { return nil }
        let contacts = causes.unmapped.reduce(0) { $0 + $1.contacts }
        let shown = causes.unmapped.prefix(10).map { "\"\($0.value)\" (\($0.contacts))" }.joined(separator: ", ")
        let text = "\(causes.unmapped.count) value\(causes.unmapped.count == 1 ? "" : "s") of "
            + "\"\(causes.column)\" not in causes_from.values (\(contacts) contacts), each its own cause, "
            + "counted as \(configuration.causesFrom?.defaultAvoidable == true ? "avoidable" : "not avoidable"): " + shown
        return RunNote(.note, causes.unmapped.count > 10 ? "\(text), ... (validate \(setting: .causeFrom) lists all)" : MessageText(text))
    }

    /// The exit status for `rejected` records: 1 under `strict` when any was rejected (with an error note
    /// unless `quiet`), else 0.
    public func strictStatus(rejected: Int) -> (status: Int32, note: RunNote?) {
        guard strict, rejected > 0 else { return (0, nil) }
        return (1, quiet ? nil : RunNote(.error, "\(rejected) records rejected (\(setting: .strict))"))
    }
}
