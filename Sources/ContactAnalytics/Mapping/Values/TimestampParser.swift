import Foundation

/// Reads export timestamps into `EpochSeconds` (UTC), without `DateFormatter`.
///
/// **Accepted forms** (surrounding white space ignored, anything else trailing makes the value unreadable):
/// - ISO 8601 and friends: `2024-05-27`, `2024-05-27T02:08:51`, `2024-05-27 02:08`, with `T` or space,
///   fractional seconds of any length (ignored: truncated to the second), and an optional offset `Z`, `UTC`,
///   `GMT`, `+02:00`, `+0200`, `+02` (space before it allowed). Also `YYYY/MM/DD` and `YYYY.MM.DD`.
/// - Day/month forms: `DD.MM.YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY`, `M/D/YYYY`, one- or two-digit day and month,
///   two-digit years (`00`-`68` = 20xx, `69`-`99` = 19xx), then optionally a time `HH:MM[:SS]` or
///   `HH.MM[.SS]` (after a space, `T`, `, ` or Finnish ` klo `), with `AM`/`PM`, and an offset. Which part is
///   the day follows `dayMonthOrder`; `nil` uses `DayMonthOrder.defaultOrder` per value. A value that can
///   only be read one way (`13/01/2021`, `01/13/2021`) is read that way, unless `enforcesDayMonthOrder`
///   (a forced order): then it is unreadable (`22-04-2015` is no date month-first).
/// - `Tue Oct 31 22:10:47 +0000 2017` (Twitter), `Tue Oct 31 22:10:47 2017` (ctime) and
///   `Tue, 31 Oct 2017 22:10:47 +0000` (RFC 2822; weekday optional). English month names.
/// - `YYYYMMDD` (exactly eight digits).
/// - With `acceptsUnixTimestamps`: Unix seconds as exactly 10 digits (2001-09-09 ... 2286-11-20) and
///   milliseconds as exactly 13 digits (truncated to the second). Other digit counts are not epochs.
/// - With `acceptsSpreadsheetSerials`: a number with at most six integer digits and an optional fraction
///   (`.` or `,`) from 1 to 100 000 is a spreadsheet serial date: days since 1899-12-30 (so 1 is
///   1899-12-31 and 45 000 is 2023-03-15), the fraction being the time of day, rounded to the second. Serials
///   below 61 differ by a day from Excel, which counts a non-existent 1900-02-29.
///
/// **Ranges**: year 1-9999, month 1-12, day within the month (leap years included), hour 0-23 (`24:00:00`
/// is midnight of the next day), minute 0-59, second 0-60 (60 rolls into the next minute).
///
/// **Time zones**: a value with an offset is exact. A value without one (and serial numbers) is local civil
/// time in `timeZone`, converted by `LocalTimeConverter` (non-existent times move forward by the gap,
/// repeated times take the earlier instant). Date-only values mean local midnight.
///
/// The parser caches zone offsets: keep it in a `var` and call the `mutating` methods.
public struct TimestampParser: Sendable {
    /// How to read dates whose day and month could be swapped; `nil` = `DayMonthOrder.defaultOrder`.
    public var dayMonthOrder: DayMonthOrder?
    /// Whether `dayMonthOrder` is forced (configured, not decided from the data): a value that can only be
    /// read the other way is then unreadable instead of read the other way.
    public var enforcesDayMonthOrder = false
    /// How a separate time column is read in `parse(date:time:)` (day fractions when the column has them).
    public var timeOfDay = TimeOfDayParser()
    /// Whether 10-digit and 13-digit numbers are read as Unix seconds and milliseconds.
    public var acceptsUnixTimestamps: Bool
    /// Whether small numbers are read as spreadsheet serial dates.
    public var acceptsSpreadsheetSerials: Bool
    private var converter: LocalTimeConverter
    /// The last date `days(of:)` read, and its day number: rows of an export mostly share their date with
    /// the row before, so the date's check and day count are done once per run of rows with that date.
    private var lastDate = (year: Int.min, month: 0, day: 0)
    private var lastDays: Int64 = 0
    /// Dates read lately in the common form (`TimestampScanner.isoFields`), by their bytes, in a slot per day of
    /// the month (`isoDateSlot`): a value whose first ten bytes are a slot's has that date, already checked
    /// (`parse(_:)`'s first step). Opening times come in date order, closing times within days of them, so a
    /// few dozen dates answer nearly every value. Allocated with the first date.
    private var isoDates: [ISODate] = []

    /// A date's bytes 0..<8 (`YYYY-MM-`) and 8..<10 (`DD`, in the low 16 bits; `UInt64.max` for an empty slot),
    /// and its day number.
    private struct ISODate: Sendable {
        var date: UInt64 = 0
        var day: UInt64 = .max
        var days: Int64 = 0
    }

    /// The slots of `isoDates`, and the slot of a date whose bytes 8..<16 are `rest`: by the day's digits, so
    /// the days of a month or so each have a slot of their own (days 20 apart share one).
    private static let isoDateSlots = 32
    @inline(__always)
    private static func isoDateSlot(_ rest: UInt64) -> Int {
        Int(truncatingIfNeeded: (rest & 0x01) &<< 4 | (rest &>> 8) & 0x0F)
    }

    /// The zone in which values without an offset are read.
    public var timeZone: TimeZone { converter.timeZone }

    /// A parser reading offset-less values in `timeZone` (default UTC).
    public init(timeZone: TimeZone = .gmt, dayMonthOrder: DayMonthOrder? = nil,
                acceptsUnixTimestamps: Bool = true, acceptsSpreadsheetSerials: Bool = true) {
        self.converter = LocalTimeConverter(timeZone: timeZone)
        self.dayMonthOrder = dayMonthOrder
        self.acceptsUnixTimestamps = acceptsUnixTimestamps
        self.acceptsSpreadsheetSerials = acceptsSpreadsheetSerials
    }

    /// The instant a field's UTF-8 bytes denote, or `nil` when unreadable.
    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> EpochSeconds? {
        if let instant = instantOfRecentDate(bytes) { return instant }
        return parseAnyForm(bytes)
    }

    /// The instant of a value in the common form (`TimestampScanner.isoFields`) whose date was read lately
    /// (`isoDates`): its time read from one word; `nil` for any other value (`parseAnyForm` reads it), so the
    /// function stays small (no frame for the general reading, which is called, not inlined). What
    /// `parseAnyForm` gives for the same value (tests compare the two).
    @inline(__always)
    private mutating func instantOfRecentDate(_ bytes: UnsafeBufferPointer<UInt8>) -> EpochSeconds? {
        guard let base = bytes.baseAddress, bytes.count == 19 || bytes.count == 20 else { return nil }
        let raw = UnsafeRawPointer(base)
        let date = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let rest = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let known = isoDates.withUnsafeBufferPointer { dates -> Int64? in
            guard !dates.isEmpty else { return nil }
            let held = dates[Self.isoDateSlot(rest)]
            return held.date == date && held.day == rest & 0xFFFF ? held.days : nil
        }
        guard let days = known,
              let secondOfDay = TimestampScanner.isoTime(middle: UInt8(truncatingIfNeeded: rest &>> 16),
                                                         clock: raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self)),
              bytes.count == 19 || base[19] | 0x20 == UInt8(ascii: "z") else { return nil }
        let local = days &* 86_400 &+ secondOfDay
        return bytes.count == 20 ? local : converter.utc(fromLocal: local)
    }

    /// `parse(_:)` of a value `instantOfRecentDate` does not read.
    @inline(never)
    private mutating func parseAnyForm(_ bytes: UnsafeBufferPointer<UInt8>) -> EpochSeconds? {
        // The common form read straight from its fields: no `Scan` and no call per value (what the general way
        // below gives for it: tests compare the two).
        if let iso = TimestampScanner.isoFields(bytes) {
            guard let days = days(year: iso.year, month: iso.month, day: iso.day) else { return nil }
            if let base = bytes.baseAddress {
                // `isoFields` checked the date's ten bytes: the next value with the same ones has this date.
                let raw = UnsafeRawPointer(base)
                let rest = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                if isoDates.isEmpty { isoDates = [ISODate](repeating: ISODate(), count: Self.isoDateSlots) }
                isoDates[Self.isoDateSlot(rest)] = ISODate(date: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
                                                           day: rest & 0xFFFF, days: days)
            }
            let local = days * 86_400 + iso.secondOfDay
            return iso.utc ? local : converter.utc(fromLocal: local)
        }
        guard let scan = TimestampScanner.scan(bytes, numbers: acceptsUnixTimestamps,
                                               serials: acceptsSpreadsheetSerials) else { return nil }
        switch scan.kind {
        case .instant:
            return scan.instant
        case .serial:
            return converter.utc(fromLocal: scan.instant)
        case .civil, .ambiguous:
            guard let days = days(of: scan) else { return nil }
            return instant(localSeconds: days * 86_400 + scan.secondOfDay, offset: scan.offset)
        }
    }

    /// Whether a value is a day/month date that `dayMonthOrder` cannot read but the other order could
    /// (`22-04-2015` month-first): what makes it unreadable when the order is enforced.
    public func contradictsDayMonthOrder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let order = dayMonthOrder,
              let scan = TimestampScanner.scan(bytes, numbers: false, serials: false), scan.kind == .ambiguous
        else { return false }
        let (day, month) = order == .dayFirst ? (scan.first, scan.second) : (scan.second, scan.first)
        return month > 12 && day <= 12 && CivilDate.isValid(year: scan.year, month: day, day: month)
    }

    /// The instant `text` denotes; see `parse(_:)` for the bytes.
    public mutating func parse(_ text: String) -> EpochSeconds? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The instant of a date column and a separate time column (`01-01-2021` + `09:12:58`).
    ///
    /// `date` is any date form above (a time part in it, if any, is ignored; its offset, if any, is used;
    /// a serial's fraction is ignored). `time` is what `TimeOfDayParser` accepts, optionally followed by an
    /// offset, or (with `timeOfDay.readsDayFractions`) a fraction of a day; an empty `time` means midnight. The day/month order is decided from the date alone.
    /// `nil` when either is unreadable or the date is empty.
    public mutating func parse(date: UnsafeBufferPointer<UInt8>, time: UnsafeBufferPointer<UInt8>) -> EpochSeconds? {
        guard let scan = TimestampScanner.scan(date, numbers: false, serials: acceptsSpreadsheetSerials)
        else { return nil }
        let days: Int64
        switch scan.kind {
        case .instant: return nil
        case .serial: days = CivilDate.floorDivide(scan.instant, 86_400)
        case .civil, .ambiguous:
            guard let value = self.days(of: scan) else { return nil }
            days = value
        }
        var timeCursor = ByteCursor(trimming: time)
        var timeScan = TimestampScanner.Scan()
        timeScan.offset = scan.offset
        if timeOfDay.readsDayFractions, let seconds = TimeOfDayParser.dayFraction(timeCursor) {
            timeScan.secondOfDay = seconds
        } else if !timeCursor.isAtEnd {
            if timeCursor.skipWord("klo") { timeCursor.skipSpaces() }
            guard let clock = TimeOfDayParser.scanClock(&timeCursor),
                  TimestampScanner.scanZone(&timeCursor, into: &timeScan), timeCursor.isAtEnd else { return nil }
            timeScan.secondOfDay = clock.seconds
        }
        return instant(localSeconds: days * 86_400 + timeScan.secondOfDay, offset: timeScan.offset)
    }

    /// The instant of a date text and a time text; see `parse(date:time:)` for the bytes.
    public mutating func parse(date: String, time: String) -> EpochSeconds? {
        var date = date
        var time = time
        return date.withUTF8 { dateBytes in time.withUTF8 { parse(date: dateBytes, time: $0) } }
    }

    /// The instant of a local civil date and time in `timeZone`; `nil` for an invalid date or a
    /// `secondOfDay` outside 0...86 400.
    public mutating func epochSeconds(year: Int, month: Int, day: Int, secondOfDay: Int = 0) -> EpochSeconds? {
        guard CivilDate.isValid(year: year, month: month, day: day), (0...86_400).contains(secondOfDay)
        else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        return converter.utc(fromLocal: days * 86_400 + Int64(secondOfDay))
    }

    @inline(__always)
    private mutating func instant(localSeconds: Int64, offset: Int64?) -> EpochSeconds {
        if let offset { return localSeconds - offset }
        return converter.utc(fromLocal: localSeconds)
    }

    /// Days since 1970-01-01 of a scanned date, deciding day/month order for ambiguous ones.
    private mutating func days(of scan: TimestampScanner.Scan) -> Int64? {
        var month = scan.month
        var day = scan.day
        if scan.kind == .ambiguous {
            let order = dayMonthOrder
                ?? DayMonthOrder.defaultOrder(separatorByte: scan.separator, twelveHourClock: scan.twelveHourClock)
            (day, month) = order == .dayFirst ? (scan.first, scan.second) : (scan.second, scan.first)
            if month > 12 && day <= 12 && !(enforcesDayMonthOrder && dayMonthOrder != nil) { swap(&day, &month) }
        }
        return days(year: scan.year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a date, `nil` when it does not exist; the last date's count is reused.
    @inline(__always)
    private mutating func days(year: Int, month: Int, day: Int) -> Int64? {
        if year == lastDate.year && month == lastDate.month && day == lastDate.day { return lastDays }
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        lastDate = (year, month, day)
        lastDays = CivilDate.days(year: year, month: month, day: day)
        return lastDays
    }
}
