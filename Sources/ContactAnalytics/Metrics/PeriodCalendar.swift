import Foundation

/// The reporting period of a contact: ISO week (Monday start, `2026-W09`, the default), calendar month
/// (`2026-02`) or day (`2026-02-23`), in the configured time zone.
public enum PeriodGranularity: String, Sendable, CaseIterable {
    case week, month, day
}

/// Maps instants to periods in a time zone. Zone offsets are cached per hour, so the hot path rarely asks
/// Foundation (whose `secondsFromGMT(for:)` is slow on Linux).
public struct PeriodCalendar: Sendable {
    public let granularity: PeriodGranularity
    public let timeZone: TimeZone
    private let isFixedOffset: Bool
    private let fixedOffset: Int64
    private var offsetCache: [Int64: Int64] = [:]

    public init(granularity: PeriodGranularity, timeZone: TimeZone) {
        self.granularity = granularity
        self.timeZone = timeZone
        let probe = Date(timeIntervalSince1970: 0)
        isFixedOffset = timeZone.nextDaylightSavingTimeTransition(after: probe) == nil
            && timeZone.secondsFromGMT(for: probe) == timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 1.8e9))
        fixedOffset = Int64(timeZone.secondsFromGMT(for: probe))
    }

    /// The zone's offset from UTC at `instant`, in seconds.
    @inline(__always)
    public mutating func offset(at instant: EpochSeconds) -> Int64 {
        if isFixedOffset { return fixedOffset }
        let hour = instant >= 0 ? instant / 3600 : (instant - 3599) / 3600
        if let cached = offsetCache[hour] { return cached }
        let value = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour * 3600))))
        if offsetCache.count > 200_000 { offsetCache.removeAll(keepingCapacity: true) }
        offsetCache[hour] = value
        return value
    }

    /// The local calendar date of `instant`.
    @inline(__always)
    public mutating func localDate(of instant: EpochSeconds) -> CivilDate {
        CivilDate(daysSinceEpoch: Int(localDay(of: instant)))
    }

    /// The local calendar day of `instant`, as days since 1970-01-01.
    @inline(__always)
    mutating func localDay(of instant: EpochSeconds) -> Int64 {
        let local = instant + offset(at: instant)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// A sortable integer key of the period holding `instant` (the period's first local day, as days since
    /// 1970-01-01).
    @inline(__always)
    public mutating func periodKey(of instant: EpochSeconds) -> Int32 {
        // Days and weeks straight from the day number (1970-01-01 was a Thursday): only a month needs the
        // calendar date. Every contact asks twice (opened and closed).
        let day = localDay(of: instant)
        switch granularity {
        case .day:
            return Int32(truncatingIfNeeded: day)
        case .week:
            return Int32(truncatingIfNeeded: day - ((day + 3) % 7 + 7) % 7)
        case .month:
            let date = CivilDate(daysSinceEpoch: Int(day))
            return Int32(truncatingIfNeeded: CivilDate(year: date.year, month: date.month, day: 1).daysSinceEpoch)
        }
    }

    /// The key of the period after the one with `key` (its first local day, as days since 1970-01-01).
    public func nextKey(after key: Int32) -> Int32 {
        switch granularity {
        case .day: return key + 1
        case .week: return key + 7
        case .month:
            let date = CivilDate(daysSinceEpoch: Int(key))
            let next = date.month == 12 ? CivilDate(year: date.year + 1, month: 1, day: 1)
                : CivilDate(year: date.year, month: date.month + 1, day: 1)
            return Int32(truncatingIfNeeded: next.daysSinceEpoch)
        }
    }

    /// The label of a period key: `2026-W09`, `2026-02` or `2026-02-23`.
    public func label(of key: Int32) -> String {
        let date = CivilDate(daysSinceEpoch: Int(key))
        switch granularity {
        case .day: return date.iso
        case .month: return "\(CivilDate.pad(date.year, 4))-\(CivilDate.pad(date.month, 2))"
        case .week:
            let w = date.isoWeek
            return "\(CivilDate.pad(w.year, 4))-W\(CivilDate.pad(w.week, 2))"
        }
    }

    /// The first instant (UTC) of the period with `key`: local midnight of its first day.
    public mutating func start(of key: Int32) -> EpochSeconds {
        let localMidnight = Int64(key) * 86_400
        // The offset at local midnight: take the offset near it, then correct once.
        let guess = localMidnight - offset(at: localMidnight)
        return localMidnight - offset(at: guess)
    }
}
