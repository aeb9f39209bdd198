/// The column mapping of a known export (`--preset NAME`): which column feeds which canonical field, and the
/// export's own conventions (time zone, date order, constant channel). Columns a preset does not name are
/// still found through the built-in aliases; `--map` and the configuration's `mapping` win over both.
///
/// Adding a preset is adding one file in `Presets/` and one line in `all`.
public struct ExportPreset: Sendable {
    public var name: String
    /// One line for `--help` and the README.
    public var summary: String
    /// Canonical field -> the export's column names for it, in order of preference: the first one the input
    /// has feeds the field. A system's CSV export and its API dump name the same field differently (Zendesk's
    /// `Via` and `via.channel`), so a preset lists both; a field is missing only when the input has none.
    public var mapping: [CanonicalField: [String]]
    /// Values used for a field the export does not carry (e.g. a phone system's log: `channel` = `phone`).
    public var constants: [CanonicalField: String]
    /// The time zone the export's timestamps without an offset are in, when the export is known to use one.
    public var timeZone: String?
    /// The export's day/month order, when known.
    public var dayMonthOrder: DayMonthOrder?
    /// The export's own channel values (whole values, matched folded; they win over the built-in aliases):
    /// Freshdesk's API `source` codes (`"1"` -> email), CFPB's `Postal mail` -> letter.
    public var channelValues: [String: Channel]
    /// The export's own status values (whole values, matched folded; they win over the built-in aliases):
    /// Freshdesk's API `status` codes (`"4"` -> resolved), ServiceNow's `incident_state` numbers.
    public var statusValues: [String: ContactStatus]
    /// The export's own values of the `inbound` field: `true` = a customer's contact, `false` = the
    /// organisation's own (excluded). They win over the built-in yes/no words.
    public var inboundValues: [String: Bool]
    /// The export's own priority values (whole values, matched folded; they win over the built-in aliases):
    /// Freshdesk's API `priority` codes (`"1"` -> low ... `"4"` -> urgent).
    public var priorityValues: [String: ContactPriority]
    /// The export's own values of the `answered` field (`ANSWERED` / `NO ANSWER` in a call-detail record);
    /// they win over the built-in yes/no words.
    public var answeredValues: [String: Bool]
    /// For an export written without a header row (a phone switch's call-detail records): its column names,
    /// one list per layout the system writes, told apart by their column count, and layouts of one count by
    /// the values of the file's first line (see `HeaderlessColumns.layout(for:)`).
    /// Empty: the export's first line is its header.
    public var headerlessLayouts: [[String]]

    public init(name: String, summary: String, mapping: [CanonicalField: [String]],
                constants: [CanonicalField: String] = [:], timeZone: String? = nil,
                dayMonthOrder: DayMonthOrder? = nil, channelValues: [String: Channel] = [:],
                statusValues: [String: ContactStatus] = [:], inboundValues: [String: Bool] = [:],
                priorityValues: [String: ContactPriority] = [:], answeredValues: [String: Bool] = [:],
                headerlessLayouts: [[String]] = []) {
        self.priorityValues = priorityValues
        self.answeredValues = answeredValues
        self.name = name
        self.summary = summary
        self.mapping = mapping
        self.constants = constants
        self.timeZone = timeZone
        self.dayMonthOrder = dayMonthOrder
        self.channelValues = channelValues
        self.statusValues = statusValues
        self.inboundValues = inboundValues
        self.headerlessLayouts = headerlessLayouts
    }

    /// The preset's headerless layouts as reader options, `nil` when its exports have a header row.
    public var headerlessColumns: HeaderlessColumns? {
        headerlessLayouts.isEmpty ? nil : HeaderlessColumns(layouts: headerlessLayouts, origin: .preset(name))
    }

    /// Every built-in preset, in the order `--help` lists them.
    public static let all: [ExportPreset] = [
        .generic, .zendesk, .freshdesk, .intercom, .chatwoot, .hubspot, .salesforce, .serviceNow,
        .jiraServiceManagement, .zammad, .glpi, .nyc311, .boston311, .open311, .cfpb, .callCentre, .amazonConnect,
        .twitter, .asteriskCDR, .freeswitchCDR,
    ]

    /// The preset named `name` (case-insensitive).
    public static func named(_ name: String) -> ExportPreset? {
        all.first { $0.name.lowercased() == name.lowercased() }
    }
}
