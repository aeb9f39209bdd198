// libFuzzer target: arbitrary bytes through TimestampParser (both entry points, several zones and
// day/month orders) and DurationParser (built by Scripts/fuzz.sh).
//
// Besides "no trap", it checks what the documentation promises: an accepted timestamp lies within years
// 1...9999 (plus at most a day for offsets), an accepted duration is finite, non-negative and at most the
// maximum.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func timestampParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let zones = ["UTC", "Europe/Helsinki", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati"]
    let orders: [DayMonthOrder?] = [nil, .dayFirst, .monthFirst]
    guard let zone = TimeZone(identifier: zones[Int(control) % zones.count]) else { return 0 }
    var parser = TimestampParser(timeZone: zone, dayMonthOrder: orders[Int(control >> 4) % orders.count],
                                 acceptsUnixTimestamps: control & 0x40 != 0,
                                 acceptsSpreadsheetSerials: control & 0x80 != 0)
    // Year 1 minus a day ... year 9999 plus a day, in seconds since 1970.
    let earliest: Int64 = -62_135_596_800 - 2 * 86_400
    let latest: Int64 = 253_402_300_800 + 2 * 86_400
    if let instant = parser.parse(bytes) {
        precondition(instant >= earliest && instant <= latest, "timestamp out of range: \(instant)")
    }
    // Split the rest at the first '|' into a date and a time column.
    if let bar = bytes.firstIndex(of: UInt8(ascii: "|")) {
        let date = UnsafeBufferPointer(rebasing: bytes[..<bar])
        let time = UnsafeBufferPointer(rebasing: bytes[(bar + 1)...])
        if let instant = parser.parse(date: date, time: time) {
            precondition(instant >= earliest && instant <= latest, "date+time out of range: \(instant)")
        }
    }
    let units = DurationParser.Unit.allCases
    let duration = DurationParser(defaultUnit: units[Int(control) % units.count])
    if let seconds = duration.parse(bytes) {
        precondition(seconds.isFinite && seconds >= 0 && seconds <= duration.maximumSeconds,
                     "duration out of range: \(seconds)")
    }
    return 0
}
