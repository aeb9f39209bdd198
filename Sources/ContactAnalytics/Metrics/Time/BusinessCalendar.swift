import Foundation

/// When each channel is open, in the report's time zone: the configured `opening_hours` per channel (with an
/// `all` entry for channels not named), closed all day on public holidays (`PublicHolidays`) and the extra
/// closed dates, except for a channel open `24/7`.
///
/// It answers two questions about instants (UTC seconds), both daylight-saving correct because every local
/// wall-clock time is turned into an instant by `LocalTimeConverter` (so an open range `08:00-18:00` lasts 10
/// hours on an ordinary day and on the days clocks change, while `01:00-05:00` lasts 3 hours on the day
/// clocks go forward and 5 on the day they go back):
/// - `state(at:channel:)`: open, closed by the hours, or closed for a holiday;
/// - `businessSeconds(from:to:channel:)`: the seconds of an interval that fall in open hours.
///
/// A channel with no entry (and no `all`) has no opening hours: both answers are `nil` for it.
///
/// Keep it in a `var` (its converter caches zone offsets); copies are independent.
public struct BusinessCalendar: Sendable {
    /// Whether a contact arrived in opening hours.
    public enum State: Sendable, Equatable {
        case open
        /// Outside the day's opening hours (or on a day the hours leave closed).
        case closedHours
        /// On a public holiday or an extra closed date.
        case holiday
    }

    /// The hours as configured: channel name (or `all`) and hours, in the order given.
    public let configured: [(key: String, hours: OpeningHours)]
    /// The built-in holidays in force, if any.
    public let holidays: PublicHolidays?
    /// Extra closed dates from the configuration.
    public let extraClosedDays: [CivilDate]
    /// Per channel ordinal: its hours (its own entry, else `all`), or `nil`.
    private let hoursByChannel: [OpeningHours?]
    /// Closed days (days since 1970) of the years `cachedYears`, holidays and extra dates.
    private let closedDays: Set<Int>
    private let cachedYears: ClosedRange<Int>
    private var converter: LocalTimeConverter

    /// The key of the entry that applies to channels without one of their own.
    public static let defaultKey = "all"

    /// A calendar of `hours` (keys: channel names or `all`) in `timeZone`. Holidays are precomputed for the
    /// years 1970-2100; other years are computed when asked.
    public init(hours: [(key: String, hours: OpeningHours)], holidays: PublicHolidays?, extraClosedDays: [CivilDate],
                timeZone: TimeZone) {
        configured = hours
        self.holidays = holidays
        self.extraClosedDays = extraClosedDays
        let fallback = hours.last { $0.key == Self.defaultKey }?.hours
        hoursByChannel = Channel.allCases.map { channel in
            hours.last { $0.key == channel.rawValue }?.hours ?? fallback
        }
        cachedYears = 1970...2100
        var closed = Set(extraClosedDays.map(\.daysSinceEpoch))
        if let holidays {
            for year in cachedYears {
                for day in holidays.holidays(in: year) { closed.insert(day.date.daysSinceEpoch) }
            }
        }
        closedDays = closed
        converter = LocalTimeConverter(timeZone: timeZone)
    }

    /// The time zone of the hours.
    public var timeZone: TimeZone { converter.timeZone }

    /// Whether any channel has opening hours.
    public var hasHours: Bool { hoursByChannel.contains { $0 != nil } }

    /// The hours of `channel`, `nil` when it has none.
    public func hours(of channel: Channel) -> OpeningHours? {
        hoursByChannel[channel.ordinal]
    }

    /// The hours of the channel with ordinal `channel`.
    func hours(ordinal channel: Int) -> OpeningHours? {
        channel < hoursByChannel.count ? hoursByChannel[channel] : nil
    }

    /// Whether local day `day` (days since 1970) is a holiday or an extra closed date.
    public func isClosedDay(_ day: Int) -> Bool {
        let year = CivilDate(daysSinceEpoch: day).year
        if cachedYears.contains(year) || holidays == nil { return closedDays.contains(day) }
        if closedDays.contains(day) { return true }
        return holidays?.holidays(in: year).contains { $0.date.daysSinceEpoch == day } ?? false
    }

    /// Whether `instant` falls in the opening hours of `channel`; `nil` when the channel has none.
    public mutating func state(at instant: EpochSeconds, channel: Channel) -> State? {
        state(at: instant, ordinal: channel.ordinal)
    }

    mutating func state(at instant: EpochSeconds, ordinal channel: Int) -> State? {
        guard let hours = hours(ordinal: channel) else { return nil }
        if hours.isAlwaysOpen { return .open }
        let local = converter.local(fromUTC: instant)
        let day = CivilDate.floorDivide(local, 86_400)
        if isClosedDay(Int(day)) { return .holiday }
        let minute = Int((local - day * 86_400) / 60)
        return hours.isOpen(weekday: Self.weekday(ofDay: day), minute: minute) ? .open : .closedHours
    }

    /// The longest interval, in local days, whose business seconds are counted (ten years): a longer one (a
    /// mistyped year in closed_at) has none, rather than a walk over millions of days.
    public static let longestSpanDays: Int64 = 3_660

    /// The seconds of `start ..< end` inside the opening hours of `channel` (holidays closed); `nil` when the
    /// channel has no hours, `end < start`, or the interval spans more than `longestSpanDays`.
    public mutating func businessSeconds(from start: EpochSeconds, to end: EpochSeconds, channel: Channel) -> Int64? {
        businessSeconds(from: start, to: end, ordinal: channel.ordinal)
    }

    mutating func businessSeconds(from start: EpochSeconds, to end: EpochSeconds, ordinal channel: Int) -> Int64? {
        guard end >= start, let hours = hours(ordinal: channel) else { return nil }
        if hours.isAlwaysOpen { return end - start }
        // Every local day the interval touches (a day before and after for the zone offset).
        let firstDay = CivilDate.floorDivide(converter.local(fromUTC: start), 86_400)
        let lastDay = CivilDate.floorDivide(converter.local(fromUTC: end), 86_400)
        guard lastDay - firstDay <= Self.longestSpanDays else { return nil }
        var total: Int64 = 0
        var day = firstDay
        while day <= lastDay {
            defer { day += 1 }
            let open = hours.ranges[Self.weekday(ofDay: day)]
            if open.isEmpty || isClosedDay(Int(day)) { continue }
            let midnight = day * 86_400
            for range in open {
                let from = converter.utc(fromLocal: midnight + Int64(range.start) * 60)
                let to = converter.utc(fromLocal: midnight + Int64(range.end) * 60)
                let low = max(from, start), high = min(to, end)
                if high > low { total += high - low }
            }
        }
        return total
    }

    /// ISO weekday index (0 = Monday) of local day `day` (days since 1970, a Thursday).
    @inline(__always)
    static func weekday(ofDay day: Int64) -> Int {
        Int(((day + 3) % 7 + 7) % 7)
    }
}
