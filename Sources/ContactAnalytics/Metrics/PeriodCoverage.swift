/// The whole local days the data covers, and which periods it covers only in part.
///
/// The data covers the days from that of the first contact read to that of the last one, narrowed to the
/// reporting range (`--since`, `--until`) when one is given. A period (week, month, day) is **partial** when its
/// first day is before the covered days or its last day after them: a month of which the export holds only the
/// first 5 days is partial, and so is the week an export starts in on a Wednesday. Whole days, not instants: a
/// quiet night at either end does not make a period partial.
public struct PeriodCoverage: Sendable, Equatable {
    /// The first and last covered local day, as days since 1970-01-01.
    public var firstDay: Int
    public var lastDay: Int

    public init(firstDay: Int, lastDay: Int) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// The coverage of data opened from `dataStart` to `dataEnd` (UTC seconds) in the range
    /// `since <= opened_at < until`; `nil` without data or when the range and data do not meet.
    public init?(dataStart: EpochSeconds?, dataEnd: EpochSeconds?, since: EpochSeconds?, until: EpochSeconds?,
                 calendar: inout PeriodCalendar) {
        guard var from = dataStart, var to = dataEnd else { return nil }
        if let since { from = max(from, since) }
        if let until { to = min(to, until - 1) }
        guard from <= to else { return nil }
        firstDay = calendar.localDate(of: from).daysSinceEpoch
        lastDay = calendar.localDate(of: to).daysSinceEpoch
    }

    /// Whether the period with `key` (of `calendar`'s granularity) reaches outside the covered days.
    public func isPartial(_ key: Int32, calendar: PeriodCalendar) -> Bool {
        let first = Int(key), last = Int(calendar.nextKey(after: key)) - 1
        return first < firstDay || last > lastDay
    }
}
