/// The calendars a contact's facts are computed with, in the report's time zone: its period
/// (`PeriodCalendar`), its local weekday and hour of arrival, and, when opening hours are configured, whether
/// it arrived in them and its resolution time in business hours (`BusinessCalendar`).
///
/// Both calendars cache zone offsets, so keep one per thread in a `var` (the metrics engine's
/// `factsCalendar` is a copy to take along).
public struct ContactCalendar: Sendable {
    public var periods: PeriodCalendar
    /// `nil` when neither opening hours nor holidays are configured.
    public var business: BusinessCalendar?

    /// The calendars of `configuration`: its period and time zone, and its business calendar.
    public init(_ configuration: MetricsConfiguration) {
        self.init(periods: PeriodCalendar(granularity: configuration.period, timeZone: configuration.timeZone),
                  business: configuration.businessCalendar)
    }

    public init(periods: PeriodCalendar, business: BusinessCalendar?) {
        self.periods = periods
        self.business = business
    }

    /// The cell of the local week that `instant` falls in: `weekday * 24 + hour`, weekday 0 = Monday ... 6 =
    /// Sunday, hour 0-23 of the local wall clock (daylight saving included).
    @inline(__always)
    public mutating func arrivalCell(of instant: EpochSeconds) -> Int {
        let local = instant + periods.offset(at: instant)
        let day = CivilDate.floorDivide(local, 86_400)
        let hour = Int((local - day * 86_400) / 3_600)
        return BusinessCalendar.weekday(ofDay: day) * 24 + hour
    }
}
