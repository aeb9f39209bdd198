/// The figures of one period (ISO week, month or day) and their change against the previous period.
public struct PeriodRow: Sendable, Equatable {
    /// The period's label: `2026-W09`, `2026-02` or `2026-02-23`.
    public var period: String
    /// The first instant of the period (UTC seconds), in the configured time zone's calendar.
    public var start: EpochSeconds
    public var metrics: MetricSet
    /// Contacts per channel in this period (channels with none are absent).
    public var channels: [Channel: Int]
    /// Contacts per cause path in this period (`unclassified` included; causes with none are absent). Counted in
    /// the same pass as every other sum (`SliceAggregates.periodCause`, period x cause slot), so the figures do not
    /// depend on the thread count; kept per period and cause, never per contact.
    public var causes: [String: Int] = [:]
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
