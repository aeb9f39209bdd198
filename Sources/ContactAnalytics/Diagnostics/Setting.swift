/// A setting of a run, as messages refer to it. The library never spells how a setting is given (a
/// command-line flag, a configuration key): a message names the setting (`MessageText`) and the front end
/// renders it with its own words (`SettingNames`): the `contactstat` executable writes `--map`, a library
/// user may write anything.
public enum Setting: String, Sendable, Hashable, CaseIterable {
    case configuration, preset, map, records, sheet, columns, timeZone, dayMonthOrder, rejects, strict, quiet
    case threads, causeFrom, foldDiacritics, since, until, window, scope, period
    case format, output, outputDirectory, csvDelimiter, decimalComma, byteOrderMark, spreadsheet
    case top, minimumFCR, maximumAvoidableRate, minimumCSAT, maximumCostPerContact, minimumSLAMet, gold, minimumF
    case maximumChange, significance, githubAnnotations, junit, minimumSliceContacts
    case rows, seed, force

    /// The setting in plain words, used where no front end names it (`SettingNames.plain`).
    public var plainName: String {
        switch self {
        case .configuration: "configuration file"
        case .timeZone: "time zone"
        case .dayMonthOrder: "day-month order"
        case .rejects: "rejects file"
        case .causeFrom: "cause column"
        case .foldDiacritics: "diacritics folding"
        case .outputDirectory: "output directory"
        case .csvDelimiter: "CSV delimiter"
        case .decimalComma: "decimal comma"
        case .byteOrderMark: "byte-order mark"
        case .minimumFCR: "minimum FCR"
        case .maximumAvoidableRate: "maximum avoidable rate"
        case .minimumCSAT: "minimum CSAT"
        case .maximumCostPerContact: "maximum cost per contact"
        case .minimumSLAMet: "minimum SLA met"
        case .gold: "gold column"
        case .minimumF: "minimum F"
        case .maximumChange: "maximum change"
        case .significance: "significance level"
        case .githubAnnotations: "GitHub annotations"
        case .junit: "JUnit file"
        case .minimumSliceContacts: "minimum slice contacts"
        default: rawValue
        }
    }
}
