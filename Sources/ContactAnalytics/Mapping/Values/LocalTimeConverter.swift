import Foundation

/// Converts between local civil time in one IANA time zone and UTC, with a per-instance offset cache.
///
/// Times are counted in seconds: "local seconds" are the wall-clock reading written as if it were UTC
/// (`CivilDate.days(...) * 86400 + secondOfDay`); UTC seconds are `EpochSeconds`.
///
/// **Daylight-saving rules** (the same as Python's `zoneinfo` with `fold=0` and Java's `ZonedDateTime.of`):
/// - A local time that does not exist (in the spring-forward gap, e.g. 03:30 on 2024-03-31 in
///   Europe/Helsinki) is read with the offset in force *before* the transition, so it lands after the gap,
///   moved forward by the gap's length (03:30 EET = 04:30 EEST = 01:30Z).
/// - A local time that occurs twice (in the fall-back hour, e.g. 03:30 on 2024-10-27 in Europe/Helsinki)
///   is read as the *earlier* of the two instants (the daylight-saving one: 03:30 EEST = 00:30Z).
///
/// **Speed.** `TimeZone.secondsFromGMT(for:)` is called only on a cache miss. The cache holds the offset of
/// 512 local (or UTC) days, direct-mapped, so rows spread over a year hit it; a day that contains a
/// transition is resolved per hour, and only the transition hour itself per value. A zone with a single,
/// fixed offset (UTC, `GMT+2`) never consults `TimeZone` after `init`. The cache assumes a zone changes its
/// offset at most once within any 54 hours, which holds for every zone in use today.
///
/// Keep the converter in a `var` and reuse it; copies are independent.
public struct LocalTimeConverter: Sendable {
    /// The zone in which local times are read.
    public let timeZone: TimeZone

    private static let slots = 512
    private static let margin: Int64 = 15 * 3600
    private static let empty = Int64.min

    private let fixedOffset: Int64?
    private var localDayKeys: [Int64]
    private var localDayOffsets: [Int64]
    private var utcDayKeys: [Int64]
    private var utcDayOffsets: [Int64]
    private var localHourKey = LocalTimeConverter.empty
    private var localHourOffset: Int64 = 0
    private var utcHourKey = LocalTimeConverter.empty
    private var utcHourOffset: Int64 = 0

    /// A converter for `timeZone` (default UTC).
    public init(timeZone: TimeZone = .gmt) {
        self.timeZone = timeZone
        let probes: [Double] = [-2_208_988_800, 0, 946_684_800, 1_893_456_000]
        let offsets = probes.map { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) }
        if timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: probes[0])) == nil,
           offsets.allSatisfy({ $0 == offsets[0] }) {
            fixedOffset = Int64(offsets[0])
        } else {
            fixedOffset = nil
        }
        let count = fixedOffset == nil ? LocalTimeConverter.slots : 0
        localDayKeys = Array(repeating: LocalTimeConverter.empty, count: count)
        localDayOffsets = Array(repeating: 0, count: count)
        utcDayKeys = Array(repeating: LocalTimeConverter.empty, count: count)
        utcDayOffsets = Array(repeating: 0, count: count)
    }

    /// The zone's offset from UTC, in seconds east, at the UTC instant `utc` (uncached).
    @inline(__always)
    private func offset(atUTC utc: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))))
    }

    /// The UTC instant of the local wall-clock time `local`, following the daylight-saving rules above.
    public mutating func utc(fromLocal local: Int64) -> EpochSeconds {
        if let fixedOffset { return local - fixedOffset }
        let day = CivilDate.floorDivide(local, 86_400)
        let slot = Int(truncatingIfNeeded: day) & (LocalTimeConverter.slots - 1)
        if localDayKeys[slot] == day { return local - localDayOffsets[slot] }
        let hour = CivilDate.floorDivide(local, 3600)
        if hour == localHourKey { return local - localHourOffset }

        let dayStart = day * 86_400
        let before = offset(atUTC: dayStart - LocalTimeConverter.margin)
        let after = offset(atUTC: dayStart + 86_400 + LocalTimeConverter.margin)
        if before == after {
            localDayKeys[slot] = day
            localDayOffsets[slot] = before
            return local - before
        }
        // A transition day: try to settle the whole hour, else resolve this value alone.
        let hourStart = hour * 3600
        let first = offset(atUTC: hourStart - max(before, after))
        let last = offset(atUTC: hourStart + 3600 - min(before, after))
        if first == last {
            localHourKey = hour
            localHourOffset = first
            return local - first
        }
        let earlier = local - before
        let later = local - after
        let earlierValid = offset(atUTC: earlier) == before
        let laterValid = offset(atUTC: later) == after
        switch (earlierValid, laterValid) {
        case (true, true): return min(earlier, later)
        case (true, false): return earlier
        case (false, true): return later
        case (false, false): return earlier
        }
    }

    /// The local wall-clock time (as local seconds) of the UTC instant `utc`.
    public mutating func local(fromUTC utc: EpochSeconds) -> Int64 {
        utc + offset(fromUTC: utc)
    }

    /// The zone's offset from UTC, in seconds east, at the UTC instant `utc` (cached).
    public mutating func offset(fromUTC utc: EpochSeconds) -> Int64 {
        if let fixedOffset { return fixedOffset }
        let day = CivilDate.floorDivide(utc, 86_400)
        let slot = Int(truncatingIfNeeded: day) & (LocalTimeConverter.slots - 1)
        if utcDayKeys[slot] == day { return utcDayOffsets[slot] }
        let hour = CivilDate.floorDivide(utc, 3600)
        if hour == utcHourKey { return utcHourOffset }
        let dayStart = day * 86_400
        let first = offset(atUTC: dayStart)
        if first == offset(atUTC: dayStart + 86_399) {
            utcDayKeys[slot] = day
            utcDayOffsets[slot] = first
            return first
        }
        let hourFirst = offset(atUTC: hour * 3600)
        if hourFirst == offset(atUTC: hour * 3600 + 3599) {
            utcHourKey = hour
            utcHourOffset = hourFirst
            return hourFirst
        }
        return offset(atUTC: utc)
    }
}
