import ContactAnalytics

/// The command line's words for the library's settings: messages name a `Setting`, `contactstat` prints
/// its flag (every flag is one `CommandTree` declares; a test checks).
enum SettingFlags {
    static let names = SettingNames { "--" + flag(for: $0) }

    /// The long option that gives `setting`.
    static func flag(for setting: Setting) -> String {
        switch setting {
        case .configuration: "config"
        case .preset: "preset"
        case .map: "map"
        case .records: "records"
        case .sheet: "sheet"
        case .columns: "columns"
        case .timeZone: "timezone"
        case .dayMonthOrder: "day-month-order"
        case .rejects: "rejects"
        case .strict: "strict"
        case .quiet: "quiet"
        case .threads: "threads"
        case .causeFrom: "cause-from"
        case .foldDiacritics: "fold-diacritics"
        case .since: "since"
        case .until: "until"
        case .window: "window"
        case .scope: "scope"
        case .period: "period"
        case .format: "format"
        case .output: "output"
        case .outputDirectory: "output-dir"
        case .csvDelimiter: "csv-delimiter"
        case .decimalComma: "decimal-comma"
        case .byteOrderMark: "bom"
        case .spreadsheet: "spreadsheet"
        case .top: "top"
        case .minimumFCR: "min-fcr"
        case .maximumAvoidableRate: "max-avoidable-rate"
        case .minimumCSAT: "min-csat"
        case .maximumCostPerContact: "max-cost-per-contact"
        case .minimumSLAMet: "min-sla-met"
        case .gold: "gold"
        case .minimumF: "min-f"
        case .maximumChange: "max-change"
        case .significance: "significance"
        case .githubAnnotations: "github-annotations"
        case .junit: "junit"
        case .minimumSliceContacts: "min-slice-contacts"
        case .rows: "rows"
        case .seed: "seed"
        case .force: "force"
        }
    }
}
