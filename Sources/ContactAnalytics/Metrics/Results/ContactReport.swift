/// Everything a report shows, computed once and rendered by any format (text, Markdown, JSON, CSV, HTML).
/// Mirrors the JSON contract of `cli-and-json.md`.
public struct ContactReport: Sendable, Equatable {
    public static let schema = "contactstat.report/1"

    /// What was read.
    public var input: InputSummary
    /// The first and last opened_at counted (UTC seconds); `nil` without contacts.
    public var rangeFrom: EpochSeconds?
    public var rangeTo: EpochSeconds?
    public var definitions: ReportDefinitions
    /// The whole reporting range.
    public var summary: MetricSet
    /// Distinct identity keys among the contacts counted.
    public var customersIdentified: Int
    /// Share of the contacts counted that come from the 1 % most frequent customers (at least one customer:
    /// `topCustomerCount`); `nil` without identified contacts.
    public var topCustomerShare: Ratio?

    /// How many customers "the 1 % most frequent" are: 1 % of the identified customers, rounded up, at least one.
    public var topCustomerCount: Int { ContactReport.topCustomerCount(of: customersIdentified) }

    /// 1 % of `customers`, rounded up, at least one.
    public static func topCustomerCount(of customers: Int) -> Int {
        max(1, Int((Double(customers) * 0.01).rounded(.up)))
    }
    /// Breakdowns. `causes` and `processes` are sorted by total cost, descending (ties by contacts, then
    /// key); channels in channel order; queues and agents by contacts.
    public var channels: [BreakdownRow]
    public var causes: [BreakdownRow]
    /// Causes rolled up to their first level (`delivery`, `billing`).
    public var causeGroups: [BreakdownRow]
    public var processes: [BreakdownRow]
    public var queues: [BreakdownRow]
    public var agents: [BreakdownRow]
    /// By priority: urgent, high, normal, low, then `none` (no priority or an unrecognised one); empty when no
    /// contact has a priority.
    public var priorities: [BreakdownRow]
    /// Periods in ascending order.
    public var periods: [PeriodRow]
    /// Sorted by count, descending.
    public var channelSwitches: [ChannelSwitch]
    /// Causes that grew most in the last period against the previous one, largest growth first.
    public var emergingCauses: [EmergingCause]
    /// Contacts by local weekday and hour, per channel.
    public var arrivals: ArrivalGrid
    /// What fixing the causes would save, per process owner (`contactstat impact`, the report's savings section).
    public var savings = SavingsLedger()
    /// FCR under several definitions side by side (windows 24 h to 30 days by scope, the export's flag, one
    /// touch); the headline's is marked.
    public var fcrDefinitions: [FCRDefinition] = []
    /// By language (`ContactLanguage`: mapped, or detected from the text): en, fi, sv, es, pt, de, other,
    /// unknown, those with contacts. Medians are not kept per language (no histograms): they have no value.
    public var languages: [BreakdownRow] = []
    /// Contacts per 1,000 units of the business's volume (`report --per FILE`); `nil` without a volume file, and
    /// then absent from every format.
    public var perUnit: PerUnitFigures?
    /// Agents needed by weekday and hour for the staffed channels (`StaffingPlan`).
    public var staffing = StaffingPlan()
    /// Phone-queue figures by the local hour calls opened in (key `00`-`23`): only the hours with an answered
    /// or abandoned call; each row's sums are of those calls only (`phoneHourMetrics`).
    public var phoneHours: [BreakdownRow] = []
    /// The figures a `phoneHours` row reports.
    public static let phoneHourMetrics: [MetricDescriptor] = [
        MetricCatalog.answered, MetricCatalog.abandoned, MetricCatalog.abandonRate,
        MetricCatalog.averageSpeedOfAnswer, MetricCatalog.serviceLevel,
    ]

    public init(input: InputSummary, rangeFrom: EpochSeconds?, rangeTo: EpochSeconds?,
                definitions: ReportDefinitions, summary: MetricSet, customersIdentified: Int,
                topCustomerShare: Ratio?, channels: [BreakdownRow], causes: [BreakdownRow],
                causeGroups: [BreakdownRow], processes: [BreakdownRow], queues: [BreakdownRow],
                agents: [BreakdownRow], periods: [PeriodRow], channelSwitches: [ChannelSwitch],
                emergingCauses: [EmergingCause], priorities: [BreakdownRow] = [],
                arrivals: ArrivalGrid = ArrivalGrid(), staffing: StaffingPlan = StaffingPlan(),
                phoneHours: [BreakdownRow] = []) {
        self.phoneHours = phoneHours
        self.staffing = staffing
        self.priorities = priorities
        self.arrivals = arrivals
        self.input = input
        self.rangeFrom = rangeFrom
        self.rangeTo = rangeTo
        self.definitions = definitions
        self.summary = summary
        self.customersIdentified = customersIdentified
        self.topCustomerShare = topCustomerShare
        self.channels = channels
        self.causes = causes
        self.causeGroups = causeGroups
        self.processes = processes
        self.queues = queues
        self.agents = agents
        self.periods = periods
        self.channelSwitches = channelSwitches
        self.emergingCauses = emergingCauses
    }
}

/// What the report read: files and the row accounting
/// (rows read = contacts + rejected + duplicates dropped + excluded: outbound messages and internal contacts).
public struct InputSummary: Sendable, Equatable {
    public var files: [String]
    public var rowsRead: Int
    public var rowsRejected: Int
    public var duplicatesDropped: Int
    /// Fields that could not be read and were left empty (the row was kept).
    public var fieldWarnings: Int
    /// Contacts read (after rejects and duplicates), before the reporting range is applied.
    public var contactsRead: Int
    /// Rows excluded as not customer contacts: the organisation's own outbound messages, and internal contacts.
    public var rowsExcluded: Int
    /// Of `rowsExcluded`, the internal contacts: opened by the organisation's own staff or systems (channel
    /// `internal`), not customer demand.
    public var rowsInternal: Int
    /// Contacts whose closed_at is before their opened_at: kept, counted among the field warnings, and left out
    /// of resolution times.
    public var closedBeforeOpened: Int
    /// Contacts whose first_reply_at is before their opened_at: kept, counted among the field warnings, and
    /// left out of first-reply times.
    public var replyBeforeOpened = 0
    /// Contacts whose priority no alias recognises: kept as written, no priority target applies to them.
    public var unknownPriorities = 0
    /// Counted contacts with a resolved or closed status and no closed_at: closed at a time not known, so in no
    /// backlog (`BacklogLedger`).
    public var closedWithoutTime = 0
    /// Counted contacts with neither closed_at nor status: whether they are open is not known, so they are in no
    /// backlog.
    public var stateUnknown = 0
    /// The canonical fields (`customer`, `csat`, ...) some input column feeds, so the report can say that a
    /// figure is missing because nothing is mapped to it; `nil` when not known.
    public var mappedFields: Set<String>?
    /// The summed size of the files read, `nil` when not known (standard input).
    public var bytes: Int?
    /// Date columns whose day/month order had to be decided value by value (a column that mixes orders):
    /// one line each, `file 'column': day-first; 126 ambiguous values read month-first: ...`.
    public var dateOrderNotes: [String] = []

    public init(files: [String], rowsRead: Int, rowsRejected: Int, duplicatesDropped: Int, fieldWarnings: Int,
                contactsRead: Int, rowsExcluded: Int = 0, rowsInternal: Int = 0, closedBeforeOpened: Int = 0,
                mappedFields: Set<String>? = nil, bytes: Int? = nil) {
        self.bytes = bytes
        self.rowsExcluded = rowsExcluded
        self.rowsInternal = rowsInternal
        self.mappedFields = mappedFields
        self.closedBeforeOpened = closedBeforeOpened
        self.files = files
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.duplicatesDropped = duplicatesDropped
        self.fieldWarnings = fieldWarnings
        self.contactsRead = contactsRead
    }
}
