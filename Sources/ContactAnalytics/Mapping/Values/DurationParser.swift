/// Reads durations (handle time, talk time, wait time) into seconds.
///
/// **Accepted forms** (surrounding white space ignored):
/// - A plain number in `defaultUnit` (chosen by the caller: exports give seconds or minutes): `143`, `2.5`,
///   `2,5` (`.` or `,` is the decimal mark; there are no thousands separators).
/// - Clock forms: `H:MM:SS` / `HH:MM:SS` (hours, minutes, seconds) and `MM:SS` (minutes, seconds: two parts
///   are never hours and minutes). The first part may be any size (`75:30` is 75 min 30 s); later parts are two
///   digits below 60; the seconds may have a fraction (`1:02:03.5`).
/// - Numbers with units, one or more, separated by spaces, commas, `and`, `ja`, `och` or `y`: `90s`, `90 sec`,
///   `5 min`, `5m`, `2.5 minutes`, `1h 5m`, `1 h 30 min`, `1t 5min`. Units (any case, a trailing `.`
///   allowed): ms/msec/millisecond(s); s/sec/secs/second(s)/sek/sekunti/sekuntia/sekunnit/sekund/sekunder/
///   seg/segundo(s); m/min/mins/minute(s)/minuutti/minuuttia/minuutit/minut/minuter/minuto(s);
///   h/hr/hrs/hour(s)/t/tunti/tuntia/tunnit/tim/timme/timmar/hora(s); d/day(s)/dia(s)/vrk. A number
///   without a unit among numbers with units (`1 h 30`) is unreadable.
/// - ISO 8601 durations: `PT5M30S`, `PT1.5H`, `P1DT2H`, `P1W` (any case). Years and months (`P1Y`, `P1M`)
///   have no fixed length and are unreadable.
///
/// Spreadsheets save durations as times of day. Decided per column (`SpreadsheetTimeEvidence`), two more forms:
/// - with `readsTimeOfDay`, a clock reading with AM/PM is the time since midnight: `12:02:23 AM` is 2 min 23 s,
///   `1:15:00 AM` 1 h 15 min (`00:02:23` is read as `H:MM:SS` anyway);
/// - with `readsDayFractions`, a plain number is a fraction of a day: `0.00165509259259259` is 143 s.
///
/// A negative value, a value above `maximumSeconds`, or anything else gives `nil`.
public struct DurationParser: Sendable {
    /// The unit of plain numbers.
    public enum Unit: String, Sendable, CaseIterable, Hashable {
        /// Thousandths of a second.
        case milliseconds
        /// Seconds (the default).
        case seconds
        /// Minutes.
        case minutes
        /// Hours.
        case hours

        /// The unit's length in seconds.
        public var seconds: Double {
            switch self {
            case .milliseconds: 0.001
            case .seconds: 1
            case .minutes: 60
            case .hours: 3600
            }
        }
    }

    /// The unit of plain numbers.
    public var defaultUnit: Unit
    /// The longest duration accepted, in seconds; longer values are absurd for a contact and unreadable.
    public var maximumSeconds: Double

    /// Whether a clock reading with AM/PM is a duration since midnight (`12:02:23 AM` = 143 s).
    public var readsTimeOfDay = false
    /// Whether plain numbers are fractions of a day (instead of `defaultUnit`).
    public var readsDayFractions = false

    /// A parser reading plain numbers in `defaultUnit` and accepting up to `maximumSeconds` (default 24 h).
    public init(defaultUnit: Unit = .seconds, maximumSeconds: Double = 86_400) {
        self.defaultUnit = defaultUnit
        self.maximumSeconds = maximumSeconds
    }

    /// The duration in seconds of a value's UTF-8 bytes, or `nil` when unreadable, negative or absurd.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // The usual value, a whole number of up to 15 digits and nothing else (`494`), read at once: the same
        // value `parseAnyForm` gives (a double holds such a number exactly, whichever way it is summed).
        if !readsDayFractions && !readsTimeOfDay, let whole = Self.wholeNumber(bytes) {
            let seconds = Double(whole) * defaultUnit.seconds
            return seconds <= maximumSeconds ? seconds : nil
        }
        return parseAnyForm(bytes)
    }

    /// 1 to 15 ASCII digits and nothing else, as their number; `nil` for anything else.
    @inline(__always)
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count > 0, bytes.count <= 15 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit <= 9 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    /// `parse(_:)` without the whole-number shortcut: every accepted form.
    func parseAnyForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var cursor = ByteCursor(trimming: bytes)
        let lead = cursor.peek()
        let seconds: Double?
        if readsDayFractions, let fraction = TimeOfDayParser.plainNumber(cursor) {
            seconds = (fraction * 86_400).rounded()
        } else if readsTimeOfDay, let clock = Self.meridiemClock(cursor) {
            seconds = clock
        } else if lead == UInt8(ascii: "P") || lead == UInt8(ascii: "p") {
            cursor.index += 1
            seconds = DurationParser.scanISO(&cursor)
        } else if ByteCursor.isDigit(lead)
                    || (lead == UInt8(ascii: ".") || lead == UInt8(ascii: ",")) && ByteCursor.isDigit(cursor.peek(1)) {
            seconds = scanNumeric(&cursor)
        } else {
            seconds = nil
        }
        guard let seconds, seconds.isFinite, seconds >= 0, seconds <= maximumSeconds else { return nil }
        return seconds
    }

    /// The duration in seconds of `text`; see `parse(_:)` for the bytes.
    public func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// A whole field that is a clock reading with AM/PM, as seconds since midnight.
    private static func meridiemClock(_ cursor: ByteCursor) -> Double? {
        var cursor = cursor
        guard let clock = TimeOfDayParser.scanClock(&cursor), clock.twelveHourClock, cursor.isAtEnd else { return nil }
        return Double(clock.seconds)
    }

    private func scanNumeric(_ cursor: inout ByteCursor) -> Double? {
        guard let first = DurationParser.scanDecimal(&cursor) else { return nil }
        if cursor.isAtEnd { return first * defaultUnit.seconds }
        if cursor.peek() == UInt8(ascii: ":") { return DurationParser.scanClock(&cursor, first: first) }
        var total = 0.0
        var number = first
        while true {
            cursor.skipSpaces()
            guard let unit = DurationParser.scanUnit(&cursor) else { return nil }
            total += number * unit
            _ = cursor.skip(UInt8(ascii: "."))
            if cursor.isAtEnd { return total }
            let beforeSeparator = cursor.index
            cursor.skipSpaces()
            if cursor.skip(UInt8(ascii: ",")) { cursor.skipSpaces() }
            if cursor.skipWord("and") || cursor.skipWord("ja") || cursor.skipWord("och") || cursor.skipWord("y") {
                guard cursor.skipSpaces() > 0 else { return nil }
            }
            if cursor.index == beforeSeparator && !ByteCursor.isDigit(cursor.peek()) { return nil }
            guard let next = DurationParser.scanDecimal(&cursor) else { return nil }
            number = next
        }
    }

    /// `[H:]MM:SS[.f]` after the first part (already read, a whole number).
    private static func scanClock(_ cursor: inout ByteCursor, first: Double) -> Double? {
        guard first == first.rounded() else { return nil }
        var parts = [first]
        while cursor.skip(UInt8(ascii: ":")) {
            guard parts.count < 3, let part = cursor.number(minDigits: 2, maxDigits: 2), part < 60 else { return nil }
            parts.append(Double(part))
        }
        let mark = cursor.peek()
        if (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",")) && ByteCursor.isDigit(cursor.peek(1)) {
            let start = cursor.index
            cursor.index += 1
            cursor.skipDigits()
            var fraction = 0.0
            var scale = 0.1
            for index in (start + 1)..<cursor.index {
                fraction += Double(cursor.bytes[index] &- 0x30) * scale
                scale /= 10
            }
            parts[parts.count - 1] += fraction
        }
        guard cursor.isAtEnd, parts.count >= 2 else { return nil }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : parts[0] * 3600 + parts[1] * 60 + parts[2]
    }

    /// `P[nW][nD][T[nH][nM][nS]]` after the `P`.
    private static func scanISO(_ cursor: inout ByteCursor) -> Double? {
        var total = 0.0
        var inTime = false
        var components = 0
        while !cursor.isAtEnd {
            if !inTime && cursor.peek() | 0x20 == UInt8(ascii: "t") {
                cursor.index += 1
                inTime = true
                guard !cursor.isAtEnd else { return nil }
                continue
            }
            guard let number = scanDecimal(&cursor) else { return nil }
            let designator = cursor.peek() | 0x20
            cursor.index += 1
            switch (inTime, designator) {
            case (false, UInt8(ascii: "w")): total += number * 604_800
            case (false, UInt8(ascii: "d")): total += number * 86_400
            case (true, UInt8(ascii: "h")): total += number * 3600
            case (true, UInt8(ascii: "m")): total += number * 60
            case (true, UInt8(ascii: "s")): total += number
            default: return nil
            }
            components += 1
        }
        return components > 0 ? total : nil
    }

    /// Digits with an optional `.`/`,` fraction (`2.5`, `,5`).
    private static func scanDecimal(_ cursor: inout ByteCursor) -> Double? {
        var integer = 0.0
        var digits = 0
        while ByteCursor.isDigit(cursor.peek()) {
            integer = integer * 10 + Double(cursor.peek() &- 0x30)
            digits += 1
            cursor.index += 1
        }
        let mark = cursor.peek()
        if (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",")) && ByteCursor.isDigit(cursor.peek(1)) {
            cursor.index += 1
            var fraction = 0.0
            var divisor = 1.0
            while ByteCursor.isDigit(cursor.peek()) {
                fraction = fraction * 10 + Double(cursor.peek() &- 0x30)
                divisor *= 10
                cursor.index += 1
            }
            return integer + fraction / divisor
        }
        return digits > 0 ? integer : nil
    }

    /// A unit word at the cursor, as its length in seconds.
    private static func scanUnit(_ cursor: inout ByteCursor) -> Double? {
        let start = cursor.index
        let length = cursor.skipLetters()
        guard length > 0, length <= 12 else { return nil }
        var word = ""
        for index in start..<cursor.index { word.unicodeScalars.append(Unicode.Scalar(cursor.bytes[index] | 0x20)) }
        switch word {
        case "ms", "msec", "msecs", "millisecond", "milliseconds":
            return 0.001
        case "s", "sec", "secs", "second", "seconds", "sek", "sekunti", "sekuntia", "sekunnit", "sekund",
             "sekunder", "seg", "segundo", "segundos":
            return 1
        case "m", "min", "mins", "minute", "minutes", "minuutti", "minuuttia", "minuutit", "minut", "minuter",
             "minuto", "minutos":
            return 60
        case "h", "hr", "hrs", "hour", "hours", "t", "tunti", "tuntia", "tunnit", "tim", "timme", "timmar",
             "hora", "horas":
            return 3600
        case "d", "day", "days", "dia", "dias", "vrk":
            return 86_400
        default:
            return nil
        }
    }
}
