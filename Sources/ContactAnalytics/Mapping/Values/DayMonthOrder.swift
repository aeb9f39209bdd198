/// Which part comes first in a numeric date whose day and month could be swapped (`03/04/2024`).
public enum DayMonthOrder: String, Sendable, CaseIterable, Hashable {
    /// `DD/MM/YYYY`: most of the world, and every dotted or dashed form seen in exports.
    case dayFirst = "day-first"
    /// `MM/DD/YYYY`: the United States (and exports made with US locale settings).
    case monthFirst = "month-first"

    /// The order assumed when neither configuration nor evidence settles it:
    /// - `.` and `-` (`31.10.2017`, `01-01-2021`): day-first. Month-first dates are written with slashes.
    /// - `/` with a 12-hour clock (`5/27/2024 2:08 PM`): month-first. AM/PM with slashes is the US locale.
    /// - `/` otherwise (`01/01/2021 18:46`): day-first, the order of most locales outside the US.
    ///
    /// `separator` is the date separator; any character other than `/` counts as day-first.
    public static func defaultOrder(separator: Character, twelveHourClock: Bool) -> DayMonthOrder {
        defaultOrder(separatorByte: separator == "/" ? UInt8(ascii: "/") : UInt8(ascii: "."),
                     twelveHourClock: twelveHourClock)
    }

    @inline(__always)
    static func defaultOrder(separatorByte: UInt8, twelveHourClock: Bool) -> DayMonthOrder {
        separatorByte == UInt8(ascii: "/") && twelveHourClock ? .monthFirst : .dayFirst
    }
}
