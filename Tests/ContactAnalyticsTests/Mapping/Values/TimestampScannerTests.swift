import Foundation
import Testing
@testable import ContactAnalytics

@Suite("Timestamp scanner: the fixed-place ISO reading")
struct TimestampScannerTests {
    private static func scans(_ text: String) -> (fast: TimestampScanner.Scan?, any: TimestampScanner.Scan?,
                                                   both: TimestampScanner.Scan?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer {
            (TimestampScanner.scanISO($0), TimestampScanner.scanAnyForm($0, numbers: true, serials: true),
             TimestampScanner.scan($0, numbers: true, serials: true))
        }
    }

    /// The shortcut's values, hand-computed.
    @Test func readsTheCommonFormAtFixedPlaces() throws {
        let utc = try #require(Self.scans("2026-01-05T16:46:44Z").fast)
        #expect(utc.year == 2026 && utc.month == 1 && utc.day == 5)
        let afternoon: Int64 = 16 * 3600 + 46 * 60 + 44
        #expect(utc.secondOfDay == afternoon)
        #expect(utc.offset == 0 && utc.hasTime && utc.kind == .civil)
        let local = try #require(Self.scans("1999-12-31 23:59:60").fast)
        #expect(local.secondOfDay == 86_400 && local.offset == nil)
    }

    /// Whatever the shortcut reads, the general scan reads the same way; whatever it leaves (an hour of 24,
    /// other lengths, offsets, fractions, letters) the general scan decides, and `scan` gives its answer.
    @Test func agreesWithTheGeneralScanOnEveryVariant() {
        var read = 0
        for date in ["2026-01-05", "1999-12-31", "0001-02-30", "2024-13-40", "2024-1-05", "2024/01/05", "20x4-01-05"] {
            for middle in ["T", "t", " ", "x", "  ", ""] {
                for time in ["00:00:00", "09:05:07", "23:59:59", "23:59:60", "24:00:00", "24:00:01", "12:60:00",
                             "12:00:61", "9:05:07", "09:05", "09:05:07.5", "0a:05:07"] {
                    for suffix in ["", "Z", "z", " ", "ZZ", "+01:00", " UTC", "y"] {
                        let text = date + middle + time + suffix
                        let scans = Self.scans(text)
                        if let fast = scans.fast {
                            read += 1
                            #expect(fast == scans.any, "\(text)")
                        }
                        #expect(scans.both == scans.any, "\(text)")
                    }
                }
            }
        }
        // 4 readable dates x 3 middles x 4 times x 3 suffixes, hand-counted ("2024-13-40" scans too: the
        // parser, not the scanner, checks the calendar).
        #expect(read == 4 * 3 * 4 * 3)
    }
}

@Suite("Timestamp parser: the common form read from its fields")
struct TimestampParserFastPathTests {
    /// What the parser reads for `text`, and for the same text after a blank (which the fixed-place reading
    /// leaves to the general one: the scan trims it), each with a fresh parser and with one that just read
    /// another value of the same day.
    private static func readings(_ text: String, zone: TimeZone) -> [EpochSeconds?] {
        var fresh = TimestampParser(timeZone: zone)
        var general = TimestampParser(timeZone: zone)
        var warm = TimestampParser(timeZone: zone)
        _ = warm.parse(String(text.prefix(10)) + "T00:00:00")
        return [fresh.parse(text), general.parse(" " + text), warm.parse(text)]
    }

    /// Hand-computed instants, in UTC and in Helsinki (UTC+2 in winter, +3 in summer).
    @Test func readsTheCommonFormExactly() throws {
        let helsinki = try #require(TimeZone(identifier: "Europe/Helsinki"))
        #expect(Self.readings("2026-01-05T00:02:58Z", zone: .gmt) == Array(repeating: 1_767_571_378, count: 3))
        #expect(Self.readings("2026-01-05T00:02:58", zone: helsinki) == Array(repeating: 1_767_571_378 - 7200, count: 3))
        #expect(Self.readings("2026-01-05 00:02:58z", zone: helsinki) == Array(repeating: 1_767_571_378, count: 3))
        #expect(Self.readings("2024-07-01t12:00:00", zone: helsinki) == Array(repeating: 1_719_824_400, count: 3))
        #expect(Self.readings("2024-02-29T23:59:60Z", zone: .gmt) == Array(repeating: 1_709_251_200, count: 3))
        #expect(Self.readings("2023-02-29T10:00:00Z", zone: .gmt) == [nil, nil, nil])
        #expect(Self.readings("2024-13-01T10:00:00Z", zone: .gmt) == [nil, nil, nil])
    }

    /// Every variant of the form, valid or not: the fixed-place reading gives what the general one gives.
    @Test func agreesWithTheGeneralReading() throws {
        let helsinki = try #require(TimeZone(identifier: "Europe/Helsinki"))
        var compared = 0
        for date in ["2026-01-05", "2026-03-29", "1999-12-31", "2024-02-29", "2023-02-29", "0000-01-01", "2024-00-10"] {
            for time in ["00:00:00", "03:30:00", "23:59:59", "23:59:60", "12:60:00"] {
                for middle in ["T", " "] {
                    for suffix in ["", "Z"] {
                        for zone in [TimeZone.gmt, helsinki] {
                            let values = Self.readings(date + middle + time + suffix, zone: zone)
                            #expect(values[0] == values[1] && values[2] == values[1], "\(date)\(middle)\(time)\(suffix)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared == 7 * 5 * 2 * 2 * 2)
    }
}

@Suite("Timestamp parser: the time of a value dated as the last one, read from one word")
struct TimestampParserSameDateTests {
    /// `isoTime` against `isoFields` on the same time: every byte value at every place of a valid time, after
    /// each middle byte, and every hour, minute and second from 0 to 99 (valid or not).
    @Test func theWordReadingAgreesWithTheFixedPlaces() {
        func fields(_ middle: UInt8, _ clock: [UInt8]) -> Int64? {
            let bytes = Array("2026-01-05".utf8) + [middle] + clock
            return bytes.withUnsafeBufferPointer { TimestampScanner.isoFields($0)?.secondOfDay }
        }
        func word(_ middle: UInt8, _ clock: [UInt8]) -> Int64? {
            clock.withUnsafeBytes { TimestampScanner.isoTime(middle: middle, clock: $0.loadUnaligned(as: UInt64.self)) }
        }
        var compared = 0
        var read = 0
        let middles: [UInt8] = [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " "), UInt8(ascii: "x"), 0x54 | 0x80]
        for middle in middles {
            for place in 0..<8 {
                for byte in UInt8.min...UInt8.max {
                    var clock = Array("19:58:07".utf8)
                    clock[place] = byte
                    let expected = fields(middle, clock)
                    #expect(word(middle, clock) == expected, "\(middle) \(clock)")
                    compared += 1
                    if expected != nil { read += 1 }
                }
            }
        }
        for hour in 0..<100 {
            for minute in stride(from: 0, to: 100, by: 3) {
                for second in [0, 1, 9, 10, 30, 59, 60, 61, 69, 70, 99] {
                    let clock = Array(String(format: "%02d:%02d:%02d", hour, minute, second).utf8)
                    let expected = fields(UInt8(ascii: "T"), clock)
                    #expect(word(UInt8(ascii: "T"), clock) == expected, "\(clock)")
                    compared += 1
                    if expected != nil { read += 1 }
                }
            }
        }
        #expect(compared == 5 * 8 * 256 + 100 * 34 * 11)
        // Hand-counted: after each readable middle (T, t, space: 3 of the 5), at each place of "19:58:07" the
        // bytes that keep it valid: hour tens 0-1 (2), hour units (10), the colon (1), minute tens 0-5 (6), minute
        // units (10), the colon (1), second tens 0-5 (6), second units (10): 46; then 24 hours x 20 minutes (0, 3,
        // ..., 57) x 7 seconds (0, 1, 9, 10, 30, 59, 60).
        #expect(read == 3 * 46 + 24 * 20 * 7)
    }

    /// A parser reading a run of values of one day (its date's day number kept from the first) gives what a fresh
    /// parser gives for each, and what the general reading gives (the value after a blank), in UTC and in
    /// Helsinki, across a daylight-saving change, with values whose date differs in one byte, other lengths and
    /// broken times in between.
    @Test func aRunOfOneDayReadsAsFreshParsersRead() throws {
        let helsinki = try #require(TimeZone(identifier: "Europe/Helsinki"))
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for zone in [TimeZone.gmt, helsinki] {
            var warm = TimestampParser(timeZone: zone)
            // Dates in and out of order, an invalid one, and dates whose day shares a slot of the parser's recent
            // dates (09, 29 and 19 in other months: the slot then holds the latest).
            let dates = ["2026-03-29", "2026-03-28", "2026-03-29", "2024-02-29", "2023-02-29", "2024-12-31", "2025-01-01",
                         "2026-03-09", "2026-02-09", "2026-03-29", "2026-03-09", "2026-03-19", "2026-03-29"]
            for step in 0..<(dates.count * 300) {
                let date = step % 7 == 0 ? dates.randomElement(using: &generator)! : dates[step / 300]
                var text = date + ["T", "t", " ", "_"].randomElement(using: &generator)!
                    + String(format: "%02d:%02d:%02d", Int.random(in: 0...25, using: &generator),
                             Int.random(in: 0...61, using: &generator), Int.random(in: 0...61, using: &generator))
                    + ["", "", "Z", "z", "+02:00", ".5", "Y"].randomElement(using: &generator)!
                if Int.random(in: 0..<20, using: &generator) == 0 {
                    // A byte changed anywhere: another date, a broken separator or digit.
                    var bytes = Array(text.utf8)
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0x20...0x7E, using: &generator)
                    text = String(decoding: bytes, as: UTF8.self)
                }
                var fresh = TimestampParser(timeZone: zone)
                var general = TimestampParser(timeZone: zone)
                let expected = fresh.parse(text)
                #expect(warm.parse(text) == expected, "\(text)")
                #expect(general.parse(" " + text) == expected, "\(text)")
                compared += 1
            }
        }
        #expect(compared == 2 * 13 * 300)
    }
}
