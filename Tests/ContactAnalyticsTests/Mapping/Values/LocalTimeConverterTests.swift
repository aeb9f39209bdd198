import Foundation
import Testing
@testable import ContactAnalytics

/// Expected values computed with Python's `zoneinfo`.
@Suite struct LocalTimeConverterTests {
    @Test func utcIsFixed() {
        var converter = LocalTimeConverter()
        #expect(converter.utc(fromLocal: 1_716_775_731) == 1_716_775_731)
        #expect(converter.local(fromUTC: 1_716_775_731) == 1_716_775_731)
        #expect(converter.offset(fromUTC: 0) == 0)
    }

    @Test func fixedOffsetZone() throws {
        var converter = LocalTimeConverter(timeZone: try #require(TimeZone(secondsFromGMT: 5 * 3600 + 1800)))
        #expect(converter.utc(fromLocal: 19_800) == 0)
        #expect(converter.local(fromUTC: 0) == 19_800)
    }

    @Test(arguments: [
        // UTC instant, Helsinki offset: around the 2024-03-31 01:00Z and 2024-10-27 01:00Z transitions.
        (Int64(1_711_846_799), Int64(7200)), (1_711_846_800, 10_800), (1_729_990_799, 10_800),
        (1_729_990_800, 7200), (1_705_312_800, 7200), (1_716_800_400, 10_800),
    ])
    func offsetsAroundTransitions(utc: Int64, offset: Int64) throws {
        var converter = LocalTimeConverter(timeZone: try #require(TimeZone(identifier: "Europe/Helsinki")))
        #expect(converter.offset(fromUTC: utc) == offset)
        #expect(converter.local(fromUTC: utc) == utc + offset)
        // Again from the cache.
        #expect(converter.offset(fromUTC: utc) == offset)
    }

    /// Every UTC minute across both 2024 New York transitions round-trips: local(fromUTC:) then
    /// utc(fromLocal:) gives the instant back, except for the second pass of the repeated hour, which maps
    /// to the first (the earlier instant).
    @Test func roundTripsAcrossNewYorkTransitions() throws {
        var converter = LocalTimeConverter(timeZone: try #require(TimeZone(identifier: "America/New_York")))
        let repeatedStart: Int64 = 1_730_613_600  // 2024-11-03 06:00Z = 01:00 EST, second pass
        let repeatedEnd: Int64 = 1_730_617_200  // 07:00Z = 02:00 EST
        for start in [Int64(1_710_043_200), 1_730_595_600] {  // 2024-03-10 04:00Z, 2024-11-03 01:00Z
            for utc in stride(from: start, to: start + 10 * 3600, by: 60) {
                let local = converter.local(fromUTC: utc)
                let back = converter.utc(fromLocal: local)
                if utc >= repeatedStart && utc < repeatedEnd {
                    #expect(back == utc - 3600)
                } else {
                    #expect(back == utc)
                }
            }
        }
    }
}
