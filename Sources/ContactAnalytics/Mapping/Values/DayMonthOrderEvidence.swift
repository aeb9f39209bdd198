/// Decides the day/month order of one column from its values.
///
/// Feed it the column's values with `observe(_:)`. A value like `13/01/2021` (first part above 12) is
/// evidence for day-first, `01/13/2021` (second part above 12) for month-first; `03/04/2021` is ambiguous and
/// says nothing. Values in other forms (ISO, text) are ignored. When both kinds of evidence occur the column is
/// `conflicting` (report it): `order` then follows the majority.
public struct DayMonthOrderEvidence: Sendable, Equatable {
    /// What the observed values say.
    public enum Verdict: String, Sendable, Equatable {
        /// No value settled the order (all ambiguous, or none seen).
        case unsettled
        /// Some values can only be day-first, none only month-first.
        case dayFirst = "day-first"
        /// Some values can only be month-first, none only day-first.
        case monthFirst = "month-first"
        /// Some values can only be day-first and others only month-first.
        case conflicting
    }

    /// Values that can only be read day-first.
    public private(set) var dayFirstCount = 0
    /// Values that can only be read month-first.
    public private(set) var monthFirstCount = 0
    /// Day/month values that could be read either way.
    public private(set) var ambiguousCount = 0
    /// Day/month values written with `/` and a 12-hour clock (AM/PM).
    public private(set) var slashTwelveHourCount = 0
    /// Day/month values written with `/` (with or without AM/PM).
    public private(set) var slashCount = 0
    /// Day/month values written with `.` or `-`.
    public private(set) var dotOrDashCount = 0

    /// Empty evidence.
    public init() {}

    /// Takes one value's UTF-8 bytes into account.
    public mutating func observe(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let scan = TimestampScanner.scan(bytes, numbers: false, serials: false), scan.kind == .ambiguous
        else { return }
        if scan.separator == UInt8(ascii: "/") {
            slashCount += 1
            if scan.twelveHourClock { slashTwelveHourCount += 1 }
        } else {
            dotOrDashCount += 1
        }
        switch (scan.first > 12, scan.second > 12) {
        case (true, false): dayFirstCount += 1
        case (false, true): monthFirstCount += 1
        case (false, false): ambiguousCount += 1
        case (true, true): break
        }
    }

    /// Takes one value into account; see `observe(_:)` for the bytes.
    public mutating func observe(_ text: String) {
        var text = text
        text.withUTF8 { observe($0) }
    }

    /// Adds another accumulator's evidence (for example from another file of the same export).
    public mutating func merge(_ other: DayMonthOrderEvidence) {
        dayFirstCount += other.dayFirstCount
        monthFirstCount += other.monthFirstCount
        ambiguousCount += other.ambiguousCount
        slashTwelveHourCount += other.slashTwelveHourCount
        slashCount += other.slashCount
        dotOrDashCount += other.dotOrDashCount
    }

    /// What the evidence says.
    public var verdict: Verdict {
        switch (dayFirstCount > 0, monthFirstCount > 0) {
        case (true, true): .conflicting
        case (true, false): .dayFirst
        case (false, true): .monthFirst
        case (false, false): .unsettled
        }
    }

    /// The order to use: the settled one; on conflict the majority (ties: the default); when unsettled the
    /// default of `DayMonthOrder.defaultOrder` for the values seen: month-first only when every day/month
    /// value used `/` and most of them carried AM/PM, else day-first.
    public var order: DayMonthOrder {
        if dayFirstCount > monthFirstCount { return .dayFirst }
        if monthFirstCount > dayFirstCount { return .monthFirst }
        let slashWithMeridiem = dotOrDashCount == 0 && slashCount > 0 && slashTwelveHourCount * 2 > slashCount
        return DayMonthOrder.defaultOrder(separatorByte: slashWithMeridiem ? UInt8(ascii: "/") : UInt8(ascii: "."),
                                          twelveHourClock: slashWithMeridiem)
    }
}
