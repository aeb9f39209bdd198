/// Reads a time of day from its own column (`09:12:58`, `9.12`, `18:46`, `2:08 PM`), for exports that split
/// date and time into two columns. Combine it with a date using `TimestampParser.parse(date:time:)`.
///
/// Accepted: `H:MM`, `HH:MM`, `H:MM:SS`, `HH:MM:SS` with `:` or `.` between the parts (the same separator
/// throughout), fractional seconds after `.` (colon form) or `,` (ignored, truncated), an optional
/// `AM`/`PM`/`a.m.`/`p.m.` (any case, space optional; the hour must then be 1-12, `12 AM` is midnight), and
/// an optional leading `klo` (Finnish). Ranges: hour 0-23, minute 0-59, second 0-60; `24:00` and `24:00:00`
/// mean the end of the day (86 400). A second of 60 (a leap second) counts as the first second of the next
/// minute, as POSIX time does. Anything else, including trailing text, is unreadable (`nil`).
///
/// With `readsDayFractions` (a column a spreadsheet saved as numbers: decided per column by
/// `SpreadsheetTimeEvidence`), a number from 0 to 1 is a fraction of the day, rounded to the second:
/// `0.38400462962963` is 09:12:58 and `0.46` is 11:02:24 (not 00:46). Clock readings are still read.
public struct TimeOfDayParser: Sendable {
    /// Whether a number from 0 to 1 (`0.46`, `,5`, `1`) is read as a fraction of a day.
    public var readsDayFractions: Bool

    /// A parser reading clock readings, and day fractions when told.
    public init(readsDayFractions: Bool = false) {
        self.readsDayFractions = readsDayFractions
    }

    /// Seconds since midnight (0...86 400), or `nil` when the value is not a readable time of day.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var cursor = ByteCursor(trimming: bytes)
        if readsDayFractions, let seconds = Self.dayFraction(cursor) { return Int(seconds) }
        if cursor.skipWord("klo") { cursor.skipSpaces() }
        guard let clock = TimeOfDayParser.scanClock(&cursor), cursor.isAtEnd else { return nil }
        return Int(clock.seconds)
    }

    /// The rest of the cursor as a fraction of a day (`0.384`, `.5`, `0,46`, `0`, `1`): seconds, rounded;
    /// `nil` when it is not a plain number from 0 to 1.
    static func dayFraction(_ cursor: ByteCursor) -> Int64? {
        guard let value = plainNumber(cursor), value <= 1 else { return nil }
        return Int64((value * 86_400).rounded())
    }

    /// The rest of the cursor as a non-negative decimal number (digits, optionally `.` or `,` and digits);
    /// `nil` for anything else. `decimals` counts the digits after the mark.
    static func plainNumber(_ cursor: ByteCursor) -> Double? {
        plainNumberWithDecimals(cursor)?.value
    }

    /// `plainNumber(_:)` with the number of digits after the decimal mark.
    static func plainNumberWithDecimals(_ cursor: ByteCursor) -> (value: Double, decimals: Int)? {
        var cursor = cursor
        var integer = 0.0
        var digits = 0
        while ByteCursor.isDigit(cursor.peek()), digits < 15 {
            integer = integer * 10 + Double(cursor.peek() &- 0x30)
            digits += 1
            cursor.index += 1
        }
        var fraction = 0.0
        var decimals = 0
        let mark = cursor.peek()
        if mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
            cursor.index += 1
            var scale = 0.1
            while ByteCursor.isDigit(cursor.peek()) {
                if decimals < 17 { fraction += Double(cursor.peek() &- 0x30) * scale }
                scale /= 10
                decimals += 1
                cursor.index += 1
            }
            guard decimals > 0 else { return nil }
        }
        guard digits + decimals > 0, cursor.isAtEnd else { return nil }
        return (integer + fraction, decimals)
    }

    /// Seconds since midnight from text; see `parse(_:)` for the bytes.
    public func parse(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Reads a clock reading at the cursor (hour first) and an optional meridiem.
    /// `twelveHourClock` tells whether AM/PM was given.
    static func scanClock(_ cursor: inout ByteCursor) -> (seconds: Int64, twelveHourClock: Bool)? {
        guard var hour = cursor.number(minDigits: 1, maxDigits: 2) else { return nil }
        let separator = cursor.peek()
        guard separator == UInt8(ascii: ":") || separator == UInt8(ascii: "."),
              ByteCursor.isDigit(cursor.peek(1)) else { return nil }
        cursor.index += 1
        guard let minute = cursor.number(minDigits: 2, maxDigits: 2) else { return nil }
        var second = 0
        if cursor.peek() == separator, ByteCursor.isDigit(cursor.peek(1)) {
            cursor.index += 1
            guard let value = cursor.number(minDigits: 2, maxDigits: 2) else { return nil }
            second = value
            let mark = cursor.peek()
            if (mark == UInt8(ascii: ",") || (mark == UInt8(ascii: ".") && separator == UInt8(ascii: ":")))
                && ByteCursor.isDigit(cursor.peek(1)) {
                cursor.index += 1
                cursor.skipDigits()
            }
        }
        guard !ByteCursor.isDigit(cursor.peek()) else { return nil }
        // Meridiem.
        let beforeMeridiem = cursor.index
        cursor.skipSpaces()
        var meridiem: UInt8 = 0
        let letter = cursor.peek() | 0x20
        if letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") {
            if cursor.peek(1) | 0x20 == UInt8(ascii: "m"), !ByteCursor.isLetter(cursor.peek(2)) {
                meridiem = letter
                cursor.index += 2
            } else if cursor.peek(1) == UInt8(ascii: "."), cursor.peek(2) | 0x20 == UInt8(ascii: "m"),
                      cursor.peek(3) == UInt8(ascii: ".") {
                meridiem = letter
                cursor.index += 4
            }
        }
        if meridiem == 0 { cursor.index = beforeMeridiem }
        guard minute <= 59, second <= 60 else { return nil }
        if meridiem != 0 {
            guard hour >= 1, hour <= 12 else { return nil }
            hour = hour % 12 + (meridiem == UInt8(ascii: "p") ? 12 : 0)
        } else {
            guard hour <= 24, hour < 24 || (minute == 0 && second == 0) else { return nil }
        }
        return (Int64(hour * 3600 + minute * 60 + second), meridiem != 0)
    }
}
