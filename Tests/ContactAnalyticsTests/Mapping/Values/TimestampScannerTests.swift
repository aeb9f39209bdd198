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
