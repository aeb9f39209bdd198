/// The syntax half of timestamp parsing: reads the parts of one value without deciding what an ambiguous
/// date means or which time zone applies. `TimestampParser` and `DayMonthOrderEvidence` build on it.
enum TimestampScanner {
    /// What a value says, before interpretation.
    struct Scan: Equatable {
        enum Kind {
            /// `year`, `month`, `day` are known.
            case civil
            /// `first` and `second` are day and month in an unknown order, written with `separator`.
            case ambiguous
            /// `instant` is already UTC (Unix seconds or milliseconds).
            case instant
            /// `instant` holds local seconds (a spreadsheet serial number).
            case serial
        }

        var kind: Kind = .civil
        var year = 0
        var month = 0
        var day = 0
        var first = 0
        var second = 0
        var separator: UInt8 = 0
        var hasTime = false
        var secondOfDay: Int64 = 0
        var twelveHourClock = false
        /// Seconds east of UTC, when the value carries an offset.
        var offset: Int64?
        var instant: Int64 = 0
    }

    /// Spreadsheet serial numbers accepted: 1 (1899-12-31) through 100 000 (2173-10-14).
    static let serialRange: ClosedRange<Double> = 1...100_000
    /// 1899-12-30, the day before serial 1, in days since 1970-01-01.
    static let serialEpochDays: Int64 = -25_569

    /// Scans the whole (trimmed) field; `nil` when it matches no accepted form or has trailing text.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, numbers: Bool, serials: Bool) -> Scan? {
        if let scan = scanISO(bytes) { return scan }
        return scanAnyForm(bytes, numbers: numbers, serials: serials)
    }

    /// The fields of the form most exports write for every row (`isoFields`).
    struct ISOFields {
        var year: Int
        var month: Int
        var day: Int
        var secondOfDay: Int64
        /// Whether the value ends in `Z` (UTC); otherwise it has no offset.
        var utc: Bool
    }

    /// The form most exports write for every row, `YYYY-MM-DDTHH:MM:SS` (`T`, `t` or a space in the middle)
    /// with an optional `Z`, read at fixed places. It gives exactly what `scanAnyForm` gives for such a value
    /// (tests compare the two); anything else (other lengths, fractions, offsets, an hour of 24 or more...)
    /// is `nil` here and left to `scanAnyForm`.
    @inline(__always)
    static func scanISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan? {
        guard let fields = isoFields(bytes) else { return nil }
        var scan = Scan()
        scan.year = fields.year
        scan.month = fields.month
        scan.day = fields.day
        scan.hasTime = true
        scan.secondOfDay = fields.secondOfDay
        if fields.utc { scan.offset = 0 }
        return scan
    }

    /// `scanISO`'s reading as its fields alone (`TimestampParser` reads them without a `Scan`).
    @inline(__always)
    static func isoFields(_ bytes: UnsafeBufferPointer<UInt8>) -> ISOFields? {
        let count = bytes.count
        guard count == 19 || count == 20, let base = bytes.baseAddress else { return nil }
        if count == 20 && base[19] | 0x20 != UInt8(ascii: "z") { return nil }
        let middle = base[10]
        guard base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-"), base[13] == UInt8(ascii: ":"),
              base[16] == UInt8(ascii: ":"),
              middle | 0x20 == UInt8(ascii: "t") || middle == UInt8(ascii: " ") else { return nil }
        var bad: UInt8 = 0
        @inline(__always) func digit(_ i: Int) -> Int {
            let d = base[i] &- 0x30
            bad |= d > 9 ? 1 : 0
            return Int(d)
        }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12)
        let minute = digit(14) * 10 + digit(15)
        let second = digit(17) * 10 + digit(18)
        guard bad == 0, hour < 24, minute <= 59, second <= 60 else { return nil }
        return ISOFields(year: year, month: month, day: day, secondOfDay: Int64(hour * 3600 + minute * 60 + second),
                         utc: count == 20)
    }

    /// The second of the day of the time part of the common form (`isoFields`), read from its words: `middle` is
    /// the byte before the time (`T`, `t` or a space), `clock` the eight bytes `HH:MM:SS` (as loaded from
    /// memory). `nil` when they are not that (what `isoFields` would refuse: a non-digit, an hour of 24 or
    /// more, a minute over 59, a second over 60).
    @inline(__always)
    static func isoTime(middle: UInt8, clock: UInt64) -> Int64? {
        let word = UInt64(littleEndian: clock)
        // Bytes 0, 1, 3, 4, 6 and 7 digits (high nibble 3, low nibble at most 9), bytes 2 and 5 colons.
        let digits: UInt64 = 0xFFFF_00FF_FF00_FFFF
        guard middle | 0x20 == UInt8(ascii: "t") || middle == UInt8(ascii: " "),
              word & ~digits == 0x0000_3A00_003A_0000,
              word & 0xF0F0_00F0_F000_F0F0 == 0x3030_0030_3000_3030,
              ((word & 0x0F0F_000F_0F00_0F0F) &+ 0x0606_0006_0600_0606) & 0xF0F0_00F0_F000_F0F0 == 0 else { return nil }
        @inline(__always) func digit(_ byte: UInt64) -> Int64 { Int64(truncatingIfNeeded: word &>> (8 * byte) & 0x0F) }
        let hour = digit(0) * 10 + digit(1)
        let minute = digit(3) * 10 + digit(4)
        let second = digit(6) * 10 + digit(7)
        guard hour < 24, minute <= 59, second <= 60 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// `scan` without the fixed-place shortcut: every accepted form.
    static func scanAnyForm(_ bytes: UnsafeBufferPointer<UInt8>, numbers: Bool, serials: Bool) -> Scan? {
        var cursor = ByteCursor(trimming: bytes)
        let lead = cursor.peek()
        if ByteCursor.isLetter(lead) { return scanTextual(&cursor) }
        guard ByteCursor.isDigit(lead) else { return nil }
        var run = 0
        while ByteCursor.isDigit(cursor.peek(run)) { run += 1 }
        let after = cursor.peek(run)
        let isDateSeparator = after == UInt8(ascii: "-") || after == UInt8(ascii: "/") || after == UInt8(ascii: ".")
        if run == 4 && isDateSeparator {
            return scanYearFirst(&cursor)
        }
        if run <= 2 && isDateSeparator {
            var attempt = cursor
            if let scan = scanDayMonth(&attempt) { return scan }
            if ByteCursor.isLetter(cursor.peek(run + 1)) { return scanDayMonthName(&cursor) }
        }
        if run <= 2 && after == UInt8(ascii: " ") {
            return scanDayMonthName(&cursor)
        }
        return scanNumber(&cursor, numbers: numbers, serials: serials)
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, then an optional time and offset.
    private static func scanYearFirst(_ cursor: inout ByteCursor) -> Scan? {
        var scan = Scan()
        guard let year = cursor.number(minDigits: 4, maxDigits: 4) else { return nil }
        let separator = cursor.peek()
        cursor.index += 1
        guard let month = cursor.number(minDigits: 1, maxDigits: 2), cursor.skip(separator),
              let day = cursor.number(minDigits: 1, maxDigits: 2) else { return nil }
        scan.year = year
        scan.month = month
        scan.day = day
        return scanTimeAndZone(&cursor, into: &scan) ? scan : nil
    }

    /// `D.M.YYYY`, `D/M/YYYY`, `D-M-YYYY` (also two-digit years), then an optional time and offset.
    private static func scanDayMonth(_ cursor: inout ByteCursor) -> Scan? {
        var scan = Scan()
        guard let first = cursor.number(minDigits: 1, maxDigits: 2) else { return nil }
        let separator = cursor.peek()
        cursor.index += 1
        guard let second = cursor.number(minDigits: 1, maxDigits: 2), cursor.skip(separator) else { return nil }
        guard let year = year(&cursor) else { return nil }
        scan.kind = .ambiguous
        scan.first = first
        scan.second = second
        scan.separator = separator
        scan.year = year
        return scanTimeAndZone(&cursor, into: &scan) ? scan : nil
    }

    /// A year of four digits, or of two (`69`-`99` -> 19xx, `00`-`68` -> 20xx, as POSIX `%y` reads them).
    private static func year(_ cursor: inout ByteCursor) -> Int? {
        let start = cursor.index
        guard let year = cursor.number(minDigits: 2, maxDigits: 4) else { return nil }
        switch cursor.index - start {
        case 2: return year + (year < 69 ? 2000 : 1900)
        case 4: return year
        default: return nil
        }
    }

    /// `31 Oct 2017 [22:10[:47]] [+0000]` (RFC 2822 without the weekday), and the same with `/`, `-` or `.`
    /// around the month name, where the year may have two digits: Jira's `12/Mar/24 3:04 PM`, `12-Mar-2024`.
    private static func scanDayMonthName(_ cursor: inout ByteCursor) -> Scan? {
        var scan = Scan()
        guard let day = cursor.number(minDigits: 1, maxDigits: 2) else { return nil }
        let lead = cursor.peek()
        let separator: UInt8? = lead == UInt8(ascii: "/") || lead == UInt8(ascii: "-") || lead == UInt8(ascii: ".")
            ? lead : nil
        if let separator {
            guard cursor.skip(separator), let month = monthName(&cursor), cursor.skip(separator) else { return nil }
            guard let year = year(&cursor) else { return nil }
            scan.year = year
            scan.month = month
            scan.day = day
            return scanTimeAndZone(&cursor, into: &scan) ? scan : nil
        }
        cursor.skipSpaces()
        guard let month = monthName(&cursor), cursor.skipSpaces() > 0,
              let year = cursor.number(minDigits: 4, maxDigits: 4) else { return nil }
        scan.year = year
        scan.month = month
        scan.day = day
        return scanTimeAndZone(&cursor, into: &scan) ? scan : nil
    }

    /// Twitter/ctime `Tue Oct 31 22:10:47 +0000 2017` and RFC 2822 `Tue, 31 Oct 2017 22:10:47 +0000`.
    private static func scanTextual(_ cursor: inout ByteCursor) -> Scan? {
        let wordStart = cursor.index
        let length = cursor.skipLetters()
        guard length >= 3 else { return nil }
        cursor.index = wordStart
        if weekday(&cursor) {
            _ = cursor.skip(UInt8(ascii: ","))
            guard cursor.skipSpaces() > 0 else { return nil }
            if ByteCursor.isDigit(cursor.peek()) { return scanDayMonthName(&cursor) }
        }
        var scan = Scan()
        guard let month = monthName(&cursor), cursor.skipSpaces() > 0,
              let day = cursor.number(minDigits: 1, maxDigits: 2), cursor.skipSpaces() > 0,
              let clock = TimeOfDayParser.scanClock(&cursor) else { return nil }
        scan.month = month
        scan.day = day
        scan.hasTime = true
        scan.secondOfDay = clock.seconds
        scan.twelveHourClock = clock.twelveHourClock
        guard cursor.skipSpaces() > 0 else { return nil }
        // ctime puts the year right after the time; Twitter puts an offset (`+0000`) in between.
        if !ByteCursor.isDigit(cursor.peek()) {
            guard scanZone(&cursor, into: &scan), scan.offset != nil, cursor.skipSpaces() > 0 else { return nil }
        }
        guard let year = cursor.number(minDigits: 4, maxDigits: 4), cursor.isAtEnd else { return nil }
        scan.year = year
        return scan
    }

    /// Unix seconds (10 digits), milliseconds (13 digits), `YYYYMMDD` (8 digits) and spreadsheet serials.
    private static func scanNumber(_ cursor: inout ByteCursor, numbers: Bool, serials: Bool) -> Scan? {
        var scan = Scan()
        let start = cursor.index
        var integer: Int64 = 0
        while ByteCursor.isDigit(cursor.peek()), cursor.index - start < 18 {
            integer = integer * 10 + Int64(cursor.peek() &- 0x30)
            cursor.index += 1
        }
        let digits = cursor.index - start
        if cursor.isAtEnd {
            switch digits {
            case 8:
                scan.year = Int(integer / 10_000)
                scan.month = Int(integer / 100 % 100)
                scan.day = Int(integer % 100)
                return scan
            case 10 where numbers:
                scan.kind = .instant
                scan.instant = integer
                return scan
            case 13 where numbers:
                scan.kind = .instant
                scan.instant = integer / 1000
                return scan
            default:
                break
            }
        }
        guard serials, digits <= 6 else { return nil }
        var fraction = 0.0
        let mark = cursor.peek()
        if mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
            cursor.index += 1
            var scale = 0.1
            var count = 0
            while ByteCursor.isDigit(cursor.peek()) {
                if count < 15 {
                    fraction += Double(cursor.peek() &- 0x30) * scale
                    scale /= 10
                }
                count += 1
                cursor.index += 1
            }
            guard count > 0 else { return nil }
        }
        guard cursor.isAtEnd, serialRange.contains(Double(integer) + fraction) else { return nil }
        scan.kind = .serial
        scan.instant = (serialEpochDays + integer) * 86_400 + Int64((fraction * 86_400).rounded())
        return scan
    }

    /// After a date: end, or a time (`T`, spaces, `, `, or ` klo ` first) with an optional offset, then end.
    static func scanTimeAndZone(_ cursor: inout ByteCursor, into scan: inout Scan) -> Bool {
        if cursor.isAtEnd { return true }
        let lead = cursor.peek()
        if lead == UInt8(ascii: "T") || lead == UInt8(ascii: "t") {
            cursor.index += 1
        } else {
            _ = cursor.skip(UInt8(ascii: ","))
            let spaces = cursor.skipSpaces()
            if cursor.skipWord("klo") {
                guard cursor.skipSpaces() > 0 else { return false }
            } else if spaces == 0 {
                // Only an offset may follow a date directly (`2024-05-27Z` is not accepted either).
                return false
            }
        }
        guard let clock = TimeOfDayParser.scanClock(&cursor) else { return false }
        scan.hasTime = true
        scan.secondOfDay = clock.seconds
        scan.twelveHourClock = clock.twelveHourClock
        return scanZone(&cursor, into: &scan) && cursor.isAtEnd
    }

    /// An optional offset: `Z`, `UTC`, `GMT` (optionally followed by an offset), `+02:00`, `+0200`, `+02`,
    /// possibly after spaces. Returns `false` only for a malformed offset.
    static func scanZone(_ cursor: inout ByteCursor, into scan: inout Scan) -> Bool {
        let start = cursor.index
        cursor.skipSpaces()
        let lead = cursor.peek()
        if lead == UInt8(ascii: "Z") || lead == UInt8(ascii: "z") {
            cursor.index += 1
            scan.offset = 0
            return true
        }
        if cursor.skipWord("utc") || cursor.skipWord("gmt") {
            scan.offset = 0
            let sign = cursor.peek()
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return true }
        }
        let sign = cursor.peek()
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            cursor.index = start
            return true
        }
        cursor.index += 1
        guard let hours = cursor.number(minDigits: 2, maxDigits: 2) else { return false }
        var minutes = 0
        if cursor.skip(UInt8(ascii: ":")) {
            guard let value = cursor.number(minDigits: 2, maxDigits: 2) else { return false }
            minutes = value
        } else if ByteCursor.isDigit(cursor.peek()) {
            guard let value = cursor.number(minDigits: 2, maxDigits: 2) else { return false }
            minutes = value
        }
        guard minutes < 60, hours * 60 + minutes <= 18 * 60 else { return false }
        let magnitude = Int64(hours * 3600 + minutes * 60)
        scan.offset = sign == UInt8(ascii: "-") ? -magnitude : magnitude
        return true
    }

    /// An English month name or its abbreviation (at least three letters, any case): 1-12.
    private static func monthName(_ cursor: inout ByteCursor) -> Int? {
        let start = cursor.index
        let length = cursor.skipLetters()
        guard length >= 3, length <= 9 else { return nil }
        let a = cursor.bytes[start] | 0x20, b = cursor.bytes[start + 1] | 0x20, c = cursor.bytes[start + 2] | 0x20
        switch (a, b, c) {
        case (0x6A, 0x61, 0x6E): return 1  // jan
        case (0x66, 0x65, 0x62): return 2  // feb
        case (0x6D, 0x61, 0x72): return 3  // mar
        case (0x61, 0x70, 0x72): return 4  // apr
        case (0x6D, 0x61, 0x79): return 5  // may
        case (0x6A, 0x75, 0x6E): return 6  // jun
        case (0x6A, 0x75, 0x6C): return 7  // jul
        case (0x61, 0x75, 0x67): return 8  // aug
        case (0x73, 0x65, 0x70): return 9  // sep
        case (0x6F, 0x63, 0x74): return 10  // oct
        case (0x6E, 0x6F, 0x76): return 11  // nov
        case (0x64, 0x65, 0x63): return 12  // dec
        default: return nil
        }
    }

    /// Consumes an English weekday name or abbreviation; `false` (cursor unchanged) otherwise.
    private static func weekday(_ cursor: inout ByteCursor) -> Bool {
        let start = cursor.index
        let length = cursor.skipLetters()
        let names: [StaticString] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        if length >= 3 {
            let end = cursor.index
            for name in names {
                cursor.index = start
                if cursor.skipWord(name) {
                    cursor.index = end
                    return true
                }
            }
        }
        cursor.index = start
        return false
    }
}
