import Foundation

/// Formats report instants (UTC epoch seconds) in the report's time zone, without `DateFormatter`.
///
/// - ``iso8601(_:)``: `2026-02-02T09:15:00+02:00` (`Z` when the offset is zero), used by JSON and CSV.
/// - ``display(_:)``: `2026-02-02 09:15`, used by text, Markdown and HTML.
///
/// An unknown time-zone identifier falls back to UTC (the metrics engine has already validated it).
public struct ReportTimestampFormat: Sendable {
    /// The zone whose offset applies at each instant (daylight-saving time included).
    public let timeZone: TimeZone

    /// A format for the IANA zone `identifier`, or UTC when the identifier is unknown.
    public init(timeZoneIdentifier identifier: String) {
        self.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// ISO 8601 with the zone's offset at that instant.
    public func iso8601(_ seconds: EpochSeconds) -> String {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        let parts = ReportTimestampFormat.civil(seconds + offset)
        var text = "\(parts.date)T\(parts.time)"
        if offset == 0 {
            text += "Z"
        } else {
            let magnitude = offset.magnitude
            text += (offset < 0 ? "-" : "+") + Self.two(Int64(magnitude / 3600)) + ":" + Self.two(Int64(magnitude % 3600 / 60))
        }
        return text
    }

    /// The wall-clock time of `seconds` in the zone, as seconds since 1970-01-01 counted as if the zone were
    /// UTC (what a spreadsheet date cell, which has no zone, shows).
    public func localSeconds(_ seconds: EpochSeconds) -> EpochSeconds {
        seconds + Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// `YYYY-MM-DD HH:MM` in the zone (no offset shown).
    public func display(_ seconds: EpochSeconds) -> String {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        let parts = ReportTimestampFormat.civil(seconds + offset)
        return "\(parts.date) \(parts.time.prefix(5))"
    }

    /// Splits local seconds into `YYYY-MM-DD` and `HH:MM:SS` (proleptic Gregorian calendar; the days-from-civil
    /// inverse of Howard Hinnant's algorithm).
    static func civil(_ localSeconds: EpochSeconds) -> (date: String, time: String) {
        var days = localSeconds / 86_400
        var secondOfDay = localSeconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let civil = CivilDate(daysSinceEpoch: Int(days))
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        let yearText = year >= 0 && year < 10_000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        let date = "\(yearText)-\(two(month))-\(two(day))"
        let time = "\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))"
        return (date, time)
    }

    static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
