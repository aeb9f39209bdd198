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
