/// Decides how a spreadsheet saved one time-of-day or duration column, from its values (as
/// `DayMonthOrderEvidence` decides the day/month order).
///
/// Spreadsheets keep times as fractions of a day: saved as CSV, a time of day can come out as
/// `0.38400462962963` (09:12:58) and a duration formatted as a time as `12:02:23 AM` (2 min 23 s) or as
/// `0.00165509259259259`. Feed the column's values with `observe(_:)`, then ask:
/// - `timeOfDayIsDayFraction`: more than half of the values are plain numbers, none above 1 (a column of
///   `H.MM` times has hours above 0, so `9.12` keeps `0.46` meaning 00:46);
/// - `durationIsTimeOfDay`: more than half of the values are clock readings with AM/PM;
/// - `durationIsDayFraction`: more than half of the values are plain numbers with at least five decimals,
///   none above 1 (a column of seconds or minutes has whole or short numbers).
public struct SpreadsheetTimeEvidence: Sendable, Equatable {
    /// Non-empty values seen.
    public private(set) var values = 0
    /// Plain numbers from 0 to 1.
    public private(set) var dayFractions = 0
    /// Plain numbers from 0 to 1 with at least five decimals.
    public private(set) var longDayFractions = 0
    /// Plain numbers above 1.
    public private(set) var largerNumbers = 0
    /// Clock readings with AM/PM.
    public private(set) var meridiemClocks = 0

    /// No evidence yet.
    public init() {}

    /// Takes one value's UTF-8 bytes into account (empty values are ignored).
    public mutating func observe(_ bytes: UnsafeBufferPointer<UInt8>) {
        var cursor = ByteCursor(trimming: bytes)
        guard !cursor.isAtEnd else { return }
        values += 1
        if let number = TimeOfDayParser.plainNumberWithDecimals(cursor) {
            if number.value <= 1 {
                dayFractions += 1
                if number.decimals >= 5 { longDayFractions += 1 }
            } else {
                largerNumbers += 1
            }
            return
        }
        if let clock = TimeOfDayParser.scanClock(&cursor), clock.twelveHourClock, cursor.isAtEnd { meridiemClocks += 1 }
    }

    /// Takes one value into account; see `observe(_:)` for the bytes.
    public mutating func observe(_ text: String) {
        var text = text
        text.withUTF8 { observe($0) }
    }

    /// A time-of-day column holds fractions of a day.
    public var timeOfDayIsDayFraction: Bool { dayFractions * 2 > values && largerNumbers == 0 }
    /// A duration column holds durations saved as a time of day with AM/PM.
    public var durationIsTimeOfDay: Bool { meridiemClocks * 2 > values }
    /// A duration column holds fractions of a day.
    public var durationIsDayFraction: Bool { longDayFractions * 2 > values && largerNumbers == 0 }
}
