/// The figures of one period (ISO week, month or day) and their change against the previous period.
public struct PeriodRow: Sendable, Equatable {
    /// The period's label: `2026-W09`, `2026-02` or `2026-02-23`.
    public var period: String
    /// The first instant of the period (UTC seconds), in the configured time zone's calendar.
    public var start: EpochSeconds
    public var metrics: MetricSet
    /// Contacts per channel in this period (channels with none are absent).
    public var channels: [Channel: Int]
    /// The change against the previous period in the report; `nil` for the first one, and when this period or
    /// the previous one is partial.
    public var change: PeriodChange?
    /// `true` when the data covers only part of the period (see `PeriodCoverage`): its figures are not those of
    /// a whole period and are compared with nothing.
    public var partial: Bool

    public init(period: String, start: EpochSeconds, metrics: MetricSet, channels: [Channel: Int],
                change: PeriodChange?, partial: Bool = false) {
        self.partial = partial
        self.period = period
        self.start = start
        self.metrics = metrics
        self.channels = channels
        self.change = change
    }
}

/// Period-over-period change: differences of each headline metric (current - previous). Rates differ in
/// fraction points (0.05 = 5 percentage points); a difference is `nil` when either side has no value.
public struct PeriodChange: Sendable, Equatable {
    public var previousPeriod: String
    public var contacts: Int
    /// contacts / previous contacts - 1; `nil` when the previous period had none.
    public var contactsGrowth: Double?
    public var fcr: Double?
    public var repeatRate: Double?
    public var avoidableRate: Double?
    public var csat: Double?
    public var costPerContact: Double?
    public var costTotal: Double

    public init(previousPeriod: String, contacts: Int, contactsGrowth: Double?, fcr: Double?, repeatRate: Double?,
                avoidableRate: Double?, csat: Double?, costPerContact: Double?, costTotal: Double) {
        self.previousPeriod = previousPeriod
        self.contacts = contacts
        self.contactsGrowth = contactsGrowth
        self.fcr = fcr
        self.repeatRate = repeatRate
        self.avoidableRate = avoidableRate
        self.csat = csat
        self.costPerContact = costPerContact
        self.costTotal = costTotal
    }
}
