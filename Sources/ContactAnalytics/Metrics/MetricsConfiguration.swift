import Foundation

/// The parameters of every metric definition, with the defaults of `metrics.md`.
public struct MetricsConfiguration: Sendable {
    /// The repeat window and scope [7 days, same cause].
    public var window: RepeatContactWindow
    /// The CSAT scale and the score at or above which a response counts as satisfied [1-5, 4].
    public var csatScaleLow: Double
    public var csatScaleHigh: Double
    public var csatThreshold: Double
    public var costModel: CostModel
    public var period: PeriodGranularity
    /// The time zone of periods (and of timestamps without an offset) [UTC].
    public var timeZone: TimeZone
    /// The zone's name as the user gave it (`UTC`, `Europe/Helsinki`), for reports.
    public var timeZoneName: String {
        timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier
    }
    /// The reporting range: contacts with `since <= opened_at < until` are counted; all contacts read serve
    /// as context for repeats and FCR. `nil` = unbounded.
    public var since: EpochSeconds?
    public var until: EpochSeconds?
    /// First-reply and resolution targets, and the phone service level's answer threshold [none; 20 s].
    public var serviceTargets = ServiceTargets()
    /// The staffing plan's service level, answer time and shrinkage [80 % in 20 s; 30 %].
    public var staffing = StaffingTargets()
    /// As the user wrote them, for the report's definitions.
    public var sinceText: String?
    public var untilText: String?
    /// The configured opening hours and holidays (`opening_hours`, `holidays`); `nil` when neither is
    /// configured: outside-hours figures and business-time clocks then have no value.
    public var businessCalendar: BusinessCalendar?
    /// The savings ledger's deflection share per fix kind [`DeflectionShares.builtIn`].
    public var deflection = DeflectionShares()

    public init(window: RepeatContactWindow = .standard, csatScaleLow: Double = 1, csatScaleHigh: Double = 5,
                csatThreshold: Double = 4, costModel: CostModel = .builtIn, period: PeriodGranularity = .week,
                timeZone: TimeZone = TimeZone(identifier: "UTC") ?? TimeZone.current, since: EpochSeconds? = nil,
                until: EpochSeconds? = nil, sinceText: String? = nil, untilText: String? = nil) {
        self.window = window
        self.csatScaleLow = csatScaleLow
        self.csatScaleHigh = csatScaleHigh
        self.csatThreshold = csatThreshold
        self.costModel = costModel
        self.period = period
        self.timeZone = timeZone
        self.since = since
        self.until = until
        self.sinceText = sinceText
        self.untilText = untilText
    }

    /// `true` when `instant` is inside the reporting range.
    @inline(__always)
    public func isInRange(_ instant: EpochSeconds) -> Bool {
        if let since, instant < since { return false }
        if let until, instant >= until { return false }
        return true
    }
}
