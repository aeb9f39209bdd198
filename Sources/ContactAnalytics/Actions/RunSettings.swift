import Foundation
import TextDistance

/// The settings of one run, resolved layer by layer: what the invocation asks for (`RequestedSettings`) wins
/// over the configuration file, which wins over the preset, which wins over the built-in defaults. For
/// example the time zone is `requested.timeZone`, else the configuration's `timezone`, else the preset's zone,
/// else UTC; a `map` pair wins over the configuration's `mapping`, which wins over the preset's columns.
///
/// Every problem is a `ContactStatError(.usage)` whose message names the setting as a `Setting` (the front end
/// words it: `--threads` on the command line).
public struct RunSettings: Sendable {
    public var configuration: ContactStatConfiguration
    public var ingest: IngestOptions
    public var metrics: MetricsConfiguration
    public var strict: Bool
    public var quiet: Bool
    public var foldDiacritics: Bool
    public var threads: Int
    /// The requested cause column, else the configuration's `causes_from.column`: causes come from this column.
    public var causeColumn: String?

    /// The configuration in force: `path` when given, else `contactstat.json` in `directory` if present, else
    /// the built-in defaults.
    public static func configuration(path: String?, directory: String = FileManager.default.currentDirectoryPath)
        throws -> ContactStatConfiguration {
        if let path { return try ContactStatConfiguration.load(path: path) }
        if let found = ContactStatConfiguration.discover(in: directory) { return try ContactStatConfiguration.load(path: found) }
        return ContactStatConfiguration()
    }

    /// Reads the configuration (`configuration(path:)`), then resolves `requested` over it.
    public init(_ requested: RequestedSettings, needsFiles: Bool = true) throws {
        try self.init(requested, configuration: try Self.configuration(path: requested.configurationPath),
                      needsFiles: needsFiles)
    }

    /// Resolves `requested` over `configuration`, the preset and the defaults. With `needsFiles`, no file is an
    /// error.
    public init(_ requested: RequestedSettings, configuration: ContactStatConfiguration, needsFiles: Bool = true) throws {
        self.configuration = configuration
        strict = requested.strict
        quiet = requested.quiet
        foldDiacritics = requested.foldDiacritics
        threads = AnalysisOptions.defaultThreads
        if let text = requested.threads {
            guard let n = Int(text), n >= 1, n <= 64 else {
                throw ContactStatError(.usage, "\(setting: .threads) expects a whole number from 1 to 64")
            }
            threads = n
        }

        if let column = requested.causeFrom {
            guard !column.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ContactStatError(.usage, "\(setting: .causeFrom) expects the name of an export column")
            }
            causeColumn = column
        } else {
            causeColumn = configuration.causesFrom?.column
        }

        let presetName = requested.preset ?? configuration.preset ?? "generic"
        guard let preset = ExportPreset.named(presetName) else {
            throw ContactStatError(.usage, "unknown preset '\(presetName)'")
        }
        let zoneName = requested.timeZone ?? configuration.timeZoneName ?? preset.timeZone ?? "UTC"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ContactStatError(.usage, "unknown time zone '\(zoneName)'; use an IANA name such as Europe/Helsinki")
        }
        var explicit = configuration.mapping
        var origin: [CanonicalField: String] = [:]
        for field in explicit.keys {
            origin[field] = "the configuration's mapping (\(configuration.file ?? "contactstat.json"))"
        }
        for pair in requested.map {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ContactStatError(.usage, "\(setting: .map) expects FIELD=COLUMN, got '\(pair)'")
            }
            guard let field = CanonicalField(rawValue: parts[0]) else {
                let known = CanonicalField.allCases.map(\.rawValue)
                var message: MessageText = "\(setting: .map): unknown field '\(parts[0])'"
                if let s = EditDistance.suggestion(for: parts[0], among: known) { message += "; did you mean '\(s)'?" }
                throw ContactStatError(.usage, message + " (fields: \(known.joined(separator: ", ")))")
            }
            explicit[field] = parts[1]
            origin[field] = nil
        }
        var order = configuration.dayMonthOrder
        if let text = requested.dayMonthOrder {
            switch text {
            case "day-first": order = .dayFirst
            case "month-first": order = .monthFirst
            default: throw ContactStatError(.usage, "\(setting: .dayMonthOrder) expects day-first or month-first, got '\(text)'")
            }
        }
        let scale = configuration.csatScale ?? .fivePoint
        let mapping = MappingOptions(explicit: explicit, explicitOrigin: origin, preset: preset, timeZone: zone, dayMonthOrder: order,
                                     csatScale: scale, countryCode: configuration.countryCode.flatMap { Int($0) })
        if needsFiles, requested.files.isEmpty {
            throw ContactStatError(.usage, "no input files; give one or more exports, or '-' for standard input")
        }
        ingest = IngestOptions(files: requested.files, mapping: mapping, rejectsPath: requested.rejects)
        if let records = requested.records { ingest.reader.recordsPath = try JSONRecordsPath(parsing: records) }
        ingest.reader.sheet = requested.sheet
        // Requested columns win over a preset's headerless layouts (which ContactIngest applies when this is unset).
        if let names = requested.columns { ingest.reader.headerless = try HeaderlessColumns.option(names) }

        // Metrics.
        var metrics = MetricsConfiguration()
        metrics.timeZone = zone
        metrics.businessCalendar = configuration.businessCalendar(timeZone: zone)
        metrics.csatScaleLow = scale.lower
        metrics.csatScaleHigh = scale.upper
        metrics.csatThreshold = scale.satisfiedAt
        metrics.serviceTargets = configuration.serviceTargets ?? ServiceTargets()
        metrics.staffing = configuration.staffing ?? StaffingTargets()
        metrics.costModel = CostModel(currency: configuration.currency ?? "EUR", overrides: configuration.channelCosts)
        metrics.deflection = DeflectionShares(overrides: configuration.deflection)
        let standard = RepeatContactWindow.standard
        var windowSeconds = configuration.windowDays.map { RepeatContactWindow(days: $0, scope: standard.scope).seconds }
            ?? standard.seconds
        if let text = requested.window { windowSeconds = try Self.window(text) }
        var scope = configuration.scope ?? standard.scope
        if let text = requested.scope {
            guard let value = RepeatContactWindow.Scope(rawValue: text) else {
                throw ContactStatError(.usage, "\(setting: .scope) expects cause or any, got '\(text)'")
            }
            scope = value
        }
        metrics.window = RepeatContactWindow(seconds: windowSeconds, scope: scope)
        metrics.period = configuration.period ?? .week
        if let text = requested.period {
            guard let value = PeriodGranularity(rawValue: text) else {
                throw ContactStatError(.usage, "\(setting: .period) expects week, month or day, got '\(text)'")
            }
            metrics.period = value
        }
        var parser = TimestampParser(timeZone: zone, dayMonthOrder: order ?? .dayFirst)
        if let since = requested.since {
            guard let instant = parser.parse(since) else {
                throw ContactStatError(.usage, "\(setting: .since) '\(since)' is not a date or time (e.g. 2026-02-23)")
            }
            metrics.since = instant
            metrics.sinceText = since
        }
        if let until = requested.until {
            guard let instant = parser.parse(until) else {
                throw ContactStatError(.usage, "\(setting: .until) '\(until)' is not a date or time (e.g. 2026-03-01)")
            }
            // A bare date includes that whole day.
            metrics.until = Self.isDateOnly(until) ? (try Self.nextLocalMidnight(after: instant, parser: &parser, text: until)) : instant
            metrics.untilText = until
        }
        if let since = metrics.since, let until = metrics.until, until <= since {
            throw ContactStatError(.usage, "\(setting: .until) must be later than \(setting: .since)")
        }
        self.metrics = metrics
    }

    /// `7d`, `72h`, `2w`, `90m`, or a plain number of days, in seconds.
    public static func window(_ text: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)]
        var amount = trimmed, unit = 86_400.0
        for (suffix, seconds) in units where trimmed.hasSuffix(suffix) {
            amount = String(trimmed.dropLast())
            unit = seconds
            break
        }
        guard let value = Double(amount), value > 0, value <= 366 * 86_400 / unit else {
            throw ContactStatError(.usage, "\(setting: .window) '\(text)' is not a duration such as 7d, 72h or 2w")
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
            throw ContactStatError(.usage, "\(setting: .until) '\(text)' is not a date")
        }
        return next
    }
}
