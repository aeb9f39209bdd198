import ArgumentParsing
import TextDistance
import ContactAnalytics
import Foundation

/// The options of one run, resolved in order: command line, then configuration file, then built-in defaults.
struct RunSettings {
    var configuration: ContactStatConfiguration
    var ingest: IngestOptions
    var metrics: MetricsConfiguration
    var strict: Bool
    var quiet: Bool
    var foldDiacritics: Bool
    var threads: Int
    /// `--cause-from`, else the configuration's `causes_from.column`: causes come from this column.
    var causeColumn: String?

    init(_ command: ParsedCommand, needsFiles: Bool = true) throws {
        // Configuration file: --config, else ./contactstat.json if present.
        if let path = command.declaredOption("config") != nil ? command.value("config") : nil {
            configuration = try ContactStatConfiguration.load(path: path)
        } else if let found = ContactStatConfiguration.discover() {
            configuration = try ContactStatConfiguration.load(path: found)
        } else {
            configuration = ContactStatConfiguration()
        }
        func option(_ name: String) -> String? {
            command.declaredOption(name) != nil ? command.value(name) : nil
        }
        func flag(_ name: String) -> Bool {
            command.declaredOption(name) != nil && command.flag(name)
        }
        strict = flag("strict")
        quiet = flag("quiet")
        foldDiacritics = flag("fold-diacritics")
        threads = AnalysisOptions.defaultThreads
        if let text = option("threads") {
            guard let n = Int(text), n >= 1, n <= 64 else {
                throw ContactStatError(.usage, "--threads expects a whole number from 1 to 64")
            }
            threads = n
        }

        if let column = option("cause-from") {
            guard !column.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ContactStatError(.usage, "--cause-from expects the name of an export column")
            }
            causeColumn = column
        } else {
            causeColumn = configuration.causesFrom?.column
        }

        let presetName = option("preset") ?? configuration.preset ?? "generic"
        guard let preset = ExportPreset.named(presetName) else {
            throw ContactStatError(.usage, "unknown preset '\(presetName)'")
        }
        let zoneName = option("timezone") ?? configuration.timeZoneName ?? preset.timeZone ?? "UTC"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ContactStatError(.usage, "unknown time zone '\(zoneName)'; use an IANA name such as Europe/Helsinki")
        }
        var explicit = configuration.mapping
        var origin: [CanonicalField: String] = [:]
        for field in explicit.keys {
            origin[field] = "the configuration's mapping (\(configuration.file ?? "contactstat.json"))"
        }
        for pair in command.declaredOption("map") != nil ? command.values("map") : [] {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ContactStatError(.usage, "--map expects FIELD=COLUMN, got '\(pair)'")
            }
            guard let field = CanonicalField(rawValue: parts[0]) else {
                let known = CanonicalField.allCases.map(\.rawValue)
                var message = "--map: unknown field '\(parts[0])'"
                if let s = EditDistance.suggestion(for: parts[0], among: known) { message += "; did you mean '\(s)'?" }
                throw ContactStatError(.usage, message + " (fields: \(known.joined(separator: ", ")))")
            }
            explicit[field] = parts[1]
            origin[field] = nil
        }
        var order = configuration.dayMonthOrder
        if let text = option("day-month-order") { order = text == "day-first" ? .dayFirst : .monthFirst }
        let scale = configuration.csatScale ?? .fivePoint
        let mapping = MappingOptions(explicit: explicit, explicitOrigin: origin, preset: preset, timeZone: zone, dayMonthOrder: order,
                                     csatScale: scale, countryCode: configuration.countryCode.flatMap { Int($0) })
        let files = command.positionals
        if needsFiles, files.isEmpty {
            throw ContactStatError(.usage, "no input files; give one or more exports, or '-' for standard input")
        }
        ingest = IngestOptions(files: files, mapping: mapping, rejectsPath: option("rejects"))
        if let records = option("records") { ingest.reader.recordsPath = try JSONRecordsPath(parsing: records) }
        ingest.reader.sheet = option("sheet")
        // --columns wins over a preset's headerless layouts (which ContactIngest applies when this is unset).
        if let names = option("columns") { ingest.reader.headerless = try HeaderlessColumns.option(names) }

        // Metrics.
        var metrics = MetricsConfiguration()
        metrics.timeZone = zone
        metrics.csatScaleLow = scale.lower
        metrics.csatScaleHigh = scale.upper
        metrics.csatThreshold = scale.satisfiedAt
        metrics.costModel = CostModel(currency: configuration.currency ?? "EUR", overrides: configuration.channelCosts)
        let standard = RepeatContactWindow.standard
        var windowSeconds = configuration.windowDays.map { RepeatContactWindow(days: $0, scope: standard.scope).seconds }
            ?? standard.seconds
        if let text = option("window") { windowSeconds = try Self.window(text) }
        metrics.window = RepeatContactWindow(seconds: windowSeconds,
                                             scope: option("scope").flatMap(RepeatContactWindow.Scope.init(rawValue:))
                                                 ?? configuration.scope ?? standard.scope)
        metrics.period = option("period").flatMap(PeriodGranularity.init(rawValue:)) ?? configuration.period ?? .week
        var parser = TimestampParser(timeZone: zone, dayMonthOrder: order ?? .dayFirst)
        if let since = option("since") {
            guard let instant = parser.parse(since) else {
                throw ContactStatError(.usage, "--since '\(since)' is not a date or time (e.g. 2026-02-23)")
            }
            metrics.since = instant
            metrics.sinceText = since
        }
        if let until = option("until") {
            guard let instant = parser.parse(until) else {
                throw ContactStatError(.usage, "--until '\(until)' is not a date or time (e.g. 2026-03-01)")
            }
            // A bare date includes that whole day.
            metrics.until = Self.isDateOnly(until) ? (try Self.nextLocalMidnight(after: instant, parser: &parser, text: until)) : instant
            metrics.untilText = until
        }
        if let since = metrics.since, let until = metrics.until, until <= since {
            throw ContactStatError(.usage, "--until must be later than --since")
        }
        self.metrics = metrics
    }

    /// `7d`, `72h`, `2w`, `90m`, or a plain number of days.
    static func window(_ text: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)]
        var amount = trimmed, unit = 86_400.0
        for (suffix, seconds) in units where trimmed.hasSuffix(suffix) {
            amount = String(trimmed.dropLast())
            unit = seconds
            break
        }
        guard let value = Double(amount), value > 0, value <= 366 * 86_400 / unit else {
            throw ContactStatError(.usage, "--window '\(text)' is not a duration such as 7d, 72h or 2w")
        }
        return Int64((value * unit).rounded())
    }

    static func isDateOnly(_ text: String) -> Bool {
        !text.contains(":") && !text.contains("T") && text.count <= 10
    }

    /// Local midnight that ends the day holding `instant` (handles days of 23 or 25 hours).
    static func nextLocalMidnight(after instant: EpochSeconds, parser: inout TimestampParser, text: String) throws -> EpochSeconds {
        let day = CivilDate(daysSinceEpoch: Int((instant + 43_200) / 86_400) + 1)
        guard let next = parser.epochSeconds(year: day.year, month: day.month, day: day.day) else {
            throw ContactStatError(.usage, "--until '\(text)' is not a date")
        }
        return next
    }
}

extension RunSettings {
    /// The taxonomy in force: the configuration's `taxonomy` section over the built-in default.
    func taxonomy() throws -> Taxonomy {
        configuration.taxonomy
    }

    func analysis(profile: Bool, taxonomy: Taxonomy? = nil) throws -> AnalysisOptions {
        var options = AnalysisOptions(ingest: ingest, metrics: metrics, taxonomy: try taxonomy ?? self.taxonomy(),
                                      foldDiacritics: foldDiacritics, profile: profile, threads: threads)
        options.causeColumn = causeColumn
        options.causeTable = configuration.causesFrom ?? CauseColumnTable()
        return options
    }

    /// Prints what reading found (diagnostics, rules naming missing columns) and the classification coverage
    /// on stderr, unless `--quiet`.
    func finishIngest(_ result: ContactAnalysis.Result) throws {
        guard !quiet else { return }
        DiagnosticPrinter.print(result.ingest.diagnostics, quiet: false)
        for pattern in result.disabledRegexes {
            StandardStreams.writeError("contactstat: warning: the taxonomy regular expression /\(pattern)/ ran longer than "
                                       + "\(RegexBudget.nanosecondsPerField / 1_000_000) ms on \(RegexBudget.disableAfter) fields and was "
                                       + "switched off (it matches nothing from then on); simplify the pattern\n")
        }
        if let causes = result.columnCauses { report(causes) }
        for column in result.unresolvedColumns {
            StandardStreams.writeError("contactstat: warning: a taxonomy rule names the column \"\(column)\", which the input does not have\n")
        }
        let s = result.report.summary
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var line = "contactstat: \(count(result.ingest.rowsRead, "row")) read, \(count(s.contacts, "contact")) counted"
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
            + " (\(s.coverage.numerator) of \(s.coverage.denominator) classified)\n"
        StandardStreams.writeError(line)
    }

    /// With `--cause-from` (or `causes_from.column`): the column's causes, read from the input (spooled
    /// first when it cannot be read twice); `nil` without.
    func columnCauses(taxonomy: Taxonomy) throws -> ColumnCauses? {
        guard let causeColumn else { return nil }
        return try ColumnCauses.scan(ingest, column: causeColumn, table: configuration.causesFrom ?? CauseColumnTable(),
                                     base: taxonomy, threads: threads)
    }

    /// With `--cause-from`: a note of the values the
    /// configuration's `causes_from.values` does not list (the ten most frequent; `validate` lists all).
    func report(_ causes: ColumnCauses) {
        guard !quiet, !causes.unmapped.isEmpty else { return }
        let contacts = causes.unmapped.reduce(0) { $0 + $1.contacts }
        let shown = causes.unmapped.prefix(10).map { "\"\($0.value)\" (\($0.contacts))" }.joined(separator: ", ")
        StandardStreams.writeError("contactstat: note: \(causes.unmapped.count) value\(causes.unmapped.count == 1 ? "" : "s") of "
                                   + "\"\(causes.column)\" not in causes_from.values (\(contacts) contacts), each its own cause, "
                                   + "counted as \(configuration.causesFrom?.defaultAvoidable == true ? "avoidable" : "not avoidable"): "
                                   + shown + (causes.unmapped.count > 10 ? ", ... (validate --cause-from lists all)" : "") + "\n")
    }

    /// 1 when `--strict` and records were rejected, else 0.
    func exitStatus(_ result: ContactAnalysis.Result) -> Int32 {
        if strict, result.report.input.rowsRejected > 0 {
            if !quiet {
                StandardStreams.writeError("contactstat: error: \(result.report.input.rowsRejected) records rejected (--strict)\n")
            }
            return 1
        }
        return 0
    }
}
