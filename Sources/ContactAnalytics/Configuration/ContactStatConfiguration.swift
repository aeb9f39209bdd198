import TextDistance
import Foundation

/// The configuration file (`contactstat.json` in the working directory, or `--config FILE`): JSON with
/// comments and trailing commas. Every key is optional; command-line options win over the file, and the file
/// wins over built-in defaults. Unknown keys are errors (with a "did you mean"), so a typo never goes
/// unnoticed.
///
/// ```
/// {
///   "timezone": "Europe/Helsinki",
///   "preset": "zendesk",
///   "mapping": { "opened_at": "Created at", "channel": "Via" },
///   "dates": { "day_month_order": "day-first" },
///   "identity": { "country_code": "358" },
///   "fcr":   { "window_days": 7, "scope": "cause" },
///   "csat":  { "scale": [1, 5], "satisfied_at": 4 },
///   "costs": { "currency": "EUR",
///              "channels": { "phone": { "per_contact": 1.0, "per_minute": 0.9, "default_handle_minutes": 6 } } },
///   "period": "week",
///   "sla":   { "first_reply": { "*": "24h", "chat/urgent": "5m" }, "resolution": { "*": "5d" },
///              "answered_within": "20s" },
///   "opening_hours": { "phone": "Mo-Fr 08:00-18:00", "all": "Mo-Fr 08:00-16:00; Sa 10:00-14:00" },
///   "holidays": { "country": "FI", "extra": ["2024-12-23"] },
///   "savings": { "deflection": { "self-service": 0.23, "faq": 0.1 } },
///   "taxonomy": { ... }
/// }
/// ```
public struct ContactStatConfiguration: Sendable {
    /// Where it was read from (`nil`: built-in defaults only).
    public var file: String?
    public var timeZoneName: String?
    public var preset: String?
    /// Canonical field -> export column.
    public var mapping: [CanonicalField: String] = [:]
    public var dayMonthOrder: DayMonthOrder?
    /// Country calling code (digits) for turning national phone numbers into international form.
    public var countryCode: String?
    public var windowDays: Double?
    public var scope: RepeatContactWindow.Scope?
    public var csatScale: CSATScale?
    public var currency: String?
    public var channelCosts: [Channel: CostModel.ChannelCost] = [:]
    public var period: PeriodGranularity?
    /// The taxonomy in force: the `taxonomy` section read over the built-in one (`Taxonomy.configured(from:)`),
    /// or the built-in one when there is no such section.
    public var taxonomy: Taxonomy = .builtIn
    /// The `causes_from` section: causes taken from an export column (`CauseColumnTable`).
    public var causesFrom: CauseColumnTable?
    /// The `sla` section: first-reply and resolution targets, the answer threshold (`ServiceTargets`).
    public var serviceTargets: ServiceTargets?
    /// The `staffing` section: the service level the staffing plan aims at, and shrinkage (`StaffingTargets`).
    public var staffing: StaffingTargets?
    /// The `opening_hours` section: channel name (or `all`) and hours, in file order.
    public var openingHours: [(key: String, hours: OpeningHours)] = []
    /// The `holidays` section: the country whose public holidays close service, and extra closed dates.
    public var holidayCountry: PublicHolidays.Country?
    public var extraClosedDays: [CivilDate] = []
    /// The `savings` section: deflection shares per fix kind (`DeflectionShares`), those configured.
    public var deflection: [CauseFix: Double] = [:]

    public init() {}

    public static let knownKeys = ["timezone", "preset", "mapping", "dates", "identity", "fcr", "csat", "costs",
                                   "period", "opening_hours", "holidays", "taxonomy", "causes_from", "sla", "savings",
                                   "staffing"]

    /// Reads `path`.
    public static func load(path: String) throws -> ContactStatConfiguration {
        try ContactStatConfiguration(node: try ConfigurationParser.parse(contentsOf: path), file: path)
    }

    /// Reads a parsed configuration.
    public init(node root: ConfigurationNode, file: String) throws {
        self.file = file
        try root.rejectUnknownKeys(Self.knownKeys)
        if let tz = try root.member("timezone") {
            let name = try tz.stringValue()
            guard TimeZone(identifier: name) != nil else {
                throw tz.error("unknown time zone '\(name)'; use an IANA name such as Europe/Helsinki")
            }
            timeZoneName = name
        }
        if let preset = try root.member("preset") {
            let name = try preset.stringValue()
            guard ExportPreset.named(name) != nil else {
                throw preset.error("unknown preset '\(name)'; known: \(ExportPreset.all.map(\.name).joined(separator: ", "))")
            }
            self.preset = name
        }
        if let mapping = try root.member("mapping") {
            for member in try mapping.members() {
                guard let field = CanonicalField(rawValue: member.key) else {
                    let known = CanonicalField.allCases.map(\.rawValue)
                    var message = "unknown field '\(member.key)'"
                    if let s = EditDistance.suggestion(for: member.key, among: known) { message += "; did you mean '\(s)'?" }
                    throw ContactStatError(.configuration, "mapping: " + message, at: member.node.location)
                }
                self.mapping[field] = try member.node.stringValue()
            }
        }
        if let dates = try root.member("dates") {
            try dates.rejectUnknownKeys(["day_month_order"])
            if let order = try dates.member("day_month_order") {
                dayMonthOrder = try Self.dayMonthOrder(order)
            }
        }
        if let identity = try root.member("identity") {
            try identity.rejectUnknownKeys(["country_code"])
            if let code = try identity.member("country_code") {
                let digits = try code.stringValue().filter(\.isNumber)
                guard !digits.isEmpty, digits.count <= 4 else { throw code.error("expected a country calling code such as \"358\"") }
                countryCode = digits
            }
        }
        if let fcr = try root.member("fcr") {
            try fcr.rejectUnknownKeys(["window_days", "scope"])
            if let days = try fcr.member("window_days") {
                let value = try days.doubleValue()
                guard value > 0, value <= 366 else { throw days.error("expected a number of days between 0 and 366") }
                windowDays = value
            }
            if let scope = try fcr.member("scope") {
                let text = try scope.stringValue()
                guard let value = RepeatContactWindow.Scope(rawValue: text) else {
                    throw scope.error("expected \"cause\" or \"any\", found \"\(text)\"")
                }
                self.scope = value
            }
        }
        if let csat = try root.member("csat") {
            try csat.rejectUnknownKeys(["scale", "satisfied_at"])
            var lower = 1.0, upper = 5.0
            if let scale = try csat.member("scale") {
                let bounds = try scale.arrayValue()
                guard bounds.count == 2 else { throw scale.error("expected [lowest, highest], e.g. [1, 5]") }
                lower = try bounds[0].doubleValue()
                upper = try bounds[1].doubleValue()
            }
            let threshold = try csat.member("satisfied_at")
            let built: CSATScale?
            if let threshold {
                built = CSATScale(lower: lower, upper: upper, satisfiedAt: try threshold.doubleValue())
            } else {
                built = CSATScale(lower: lower, upper: upper)
            }
            guard let built else {
                throw (threshold ?? csat).error("the scale must go up (lowest < highest) and satisfied_at must lie on it")
            }
            csatScale = built
        }
        if let costs = try root.member("costs") {
            try costs.rejectUnknownKeys(["currency", "channels"])
            if let currency = try costs.member("currency") { self.currency = try currency.stringValue() }
            if let channels = try costs.member("channels") {
                for member in try channels.members() {
                    guard let channel = Channel(rawValue: member.key) else {
                        throw ContactStatError(.configuration, "costs.channels: unknown channel '\(member.key)'; known: "
                                               + Channel.allCases.map(\.rawValue).joined(separator: ", "),
                                               at: member.node.location)
                    }
                    try member.node.rejectUnknownKeys(["per_contact", "per_minute", "default_handle_minutes"])
                    let base = CostModel.builtInChannelCosts[channel] ?? CostModel.ChannelCost(perContact: 0, perMinute: 0, defaultHandleMinutes: 0)
                    func amount(_ key: String, _ fallback: Double) throws -> Double {
                        guard let node = try member.node.member(key) else { return fallback }
                        let value = try node.doubleValue()
                        guard value >= 0 else { throw node.error("expected a number of at least 0") }
                        return value
                    }
                    channelCosts[channel] = CostModel.ChannelCost(
                        perContact: try amount("per_contact", base.perContact),
                        perMinute: try amount("per_minute", base.perMinute),
                        defaultHandleMinutes: try amount("default_handle_minutes", base.defaultHandleMinutes))
                }
            }
        }
        if let savings = try root.member("savings") {
            try savings.rejectUnknownKeys(["deflection"])
            if let shares = try savings.member("deflection") {
                for member in try shares.members() {
                    guard let fix = CauseFix(rawValue: member.key) else {
                        var message = "savings.deflection: unknown fix '\(member.key)'"
                        if let s = EditDistance.suggestion(for: member.key, among: CauseFix.names) {
                            message += "; did you mean '\(s)'?"
                        }
                        throw ContactStatError(.configuration, message + " (fixes: "
                                               + CauseFix.names.joined(separator: ", ") + ")", at: member.node.location)
                    }
                    let share = try member.node.doubleValue()
                    guard (0...1).contains(share) else {
                        throw member.node.error("expected a share from 0 to 1 (0.25 = a quarter of the contacts)")
                    }
                    deflection[fix] = share
                }
            }
        }
        if let period = try root.member("period") {
            let text = try period.stringValue()
            guard let value = PeriodGranularity(rawValue: text) else {
                throw period.error("expected \"week\", \"month\" or \"day\", found \"\(text)\"")
            }
            self.period = value
        }
        if let hours = try root.member("opening_hours") {
            let keys = [BusinessCalendar.defaultKey] + Channel.allCases.map(\.rawValue)
            for member in try hours.members() {
                guard keys.contains(member.key) else {
                    var message = "opening_hours: unknown channel '\(member.key)'"
                    if let s = EditDistance.suggestion(for: member.key, among: keys) {
                        message += "; did you mean '\(s)'?"
                    } else {
                        message += "; expected \(BusinessCalendar.defaultKey) or a channel: "
                            + Channel.allCases.map(\.rawValue).joined(separator: ", ")
                    }
                    throw ContactStatError(.configuration, message, at: member.node.location)
                }
                let text = try member.node.stringValue()
                do {
                    openingHours.append((member.key, try OpeningHours(parsing: text)))
                } catch {
                    throw member.node.error("'\(text)', character \(error.position): \(error.message)")
                }
            }
        }
        if let holidays = try root.member("holidays") {
            try holidays.rejectUnknownKeys(["country", "extra"])
            if let country = try holidays.member("country") {
                let code = try country.stringValue()
                guard let value = PublicHolidays.Country(rawValue: code.uppercased()) else {
                    throw country.error("no built-in holidays for '\(code)'; known: "
                        + PublicHolidays.Country.allCases.map(\.rawValue).joined(separator: ", ")
                        + " (list other closed days in holidays.extra)")
                }
                holidayCountry = value
            }
            if let extra = try holidays.member("extra") {
                for item in try extra.arrayValue() {
                    let text = try item.stringValue()
                    guard let date = Self.isoDate(text) else {
                        throw item.error("expected a date as YYYY-MM-DD, found '\(text)'")
                    }
                    extraClosedDays.append(date)
                }
            }
        }
        taxonomy = try Taxonomy.configured(from: try root.member("taxonomy"))
        causesFrom = try root.member("causes_from").map { try CauseColumnTable(node: $0) }
        serviceTargets = try root.member("sla").map { try ServiceTargets(node: $0) }
        staffing = try root.member("staffing").map { try StaffingTargets(node: $0) }
    }

    static func dayMonthOrder(_ node: ConfigurationNode) throws -> DayMonthOrder {
        let text = try node.stringValue()
        switch text.lowercased() {
        case "day-first", "dayfirst", "dmy": return .dayFirst
        case "month-first", "monthfirst", "mdy": return .monthFirst
        default: throw node.error("expected \"day-first\" or \"month-first\", found \"\(text)\"")
        }
    }

    /// `YYYY-MM-DD` as a valid date, else `nil`.
    static func isoDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The business calendar of the `opening_hours` and `holidays` sections in `timeZone`; `nil` when neither
    /// is configured.
    public func businessCalendar(timeZone: TimeZone) -> BusinessCalendar? {
        guard !openingHours.isEmpty || holidayCountry != nil || !extraClosedDays.isEmpty else { return nil }
        return BusinessCalendar(hours: openingHours, holidays: holidayCountry.map { PublicHolidays(country: $0) },
                                extraClosedDays: extraClosedDays, timeZone: timeZone)
    }

    /// Finds `contactstat.json` in `directory`, if there is one.
    public static func discover(in directory: String = FileManager.default.currentDirectoryPath) -> String? {
        let path = (directory as NSString).appendingPathComponent("contactstat.json")
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
