import Foundation
import Testing
@testable import ContactAnalytics

/// Expected values were computed independently with Python's `datetime` and `zoneinfo` (fold=0).
@Suite struct TimestampParserTests {
    static let utcCases: [(String, EpochSeconds)] = [
        ("2024-05-27T02:08:51.000", 1716775731),
        ("2024-05-27T02:08:51Z", 1716775731),
        ("2024-05-27T02:08:51.123456789+02:00", 1716768531),
        ("2024-05-27 02:08:51+0200", 1716768531),
        ("2024-05-27T02:08:51-05", 1716793731),
        ("2024-05-27 02:08:51 -05:30", 1716795531),
        ("2024-05-27 02:08:51 UTC", 1716775731),
        ("2024-05-27 02:08", 1716775680),
        ("2024-05-27", 1716768000),
        ("2024/05/27 02:08:51", 1716775731),
        ("  2024-05-27 02:08:51\t", 1716775731),
        ("27.05.2024 02.08.51", 1716775731),
        ("27.05.2024 02:08", 1716775680),
        ("27.5.2024 klo 2.08", 1716775680),
        ("01/02/2021", 1612137600),
        ("01-02-2021", 1612137600),
        ("01/02/2021 18:46:09", 1612205169),
        ("5/6/2024 2:08 PM", 1715004480),
        ("5/6/2024 2:08:51 pm", 1715004531),
        ("5/6/2024 14:08", 1717596480),
        ("12/31/2024 12:00 AM", 1735603200),
        ("12/31/2024 12:30 a.m.", 1735605000),
        ("1/13/2024", 1705104000),
        ("13/01/2024", 1705104000),
        ("31.10.17", 1509408000),
        ("31/10/99", 941328000),
        ("Tue Oct 31 22:10:47 +0000 2017", 1509487847),
        ("Wed Oct 11 06:55:44 +0000 2017", 1507704944),
        ("Tue Oct 31 22:10:47 2017", 1509487847),
        ("Tue, 31 Oct 2017 22:10:47 +0200", 1509480647),
        ("31 Oct 2017 22:10 GMT", 1509487800),
        ("1 January 2020", 1577836800),
        ("20240527", 1716768000),
        ("1716775731", 1716775731),
        ("1716775731999", 1716775731),
        ("45000", 1678838400),
        ("45000.5", 1678881600),
        ("45000,25", 1678860000),
        ("1", -2209075200),
        ("100000", 6430838400),
        ("24/02/2024 24:00", 1708819200),
        ("2024-02-29", 1709164800),
        ("2000-02-29", 951782400),
        ("2024-12-31T23:59:60Z", 1735689600),
    ]

    @Test(arguments: utcCases)
    func readsFormatInUTC(text: String, expected: EpochSeconds) {
        var parser = TimestampParser()
        #expect(parser.parse(text) == expected)
    }

    @Test(arguments: utcCases)
    func bytesAndStringAgree(text: String, expected: EpochSeconds) {
        var parser = TimestampParser()
        let bytes = Array(text.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { parser.parse($0) }
        #expect(fromBytes == expected)
    }

    @Test(arguments: [
        "", "   ", "abc", "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-05-00",
        "2024-05-27 25:00", "2024-05-27 24:01", "2024-05-27 23:60", "2024-05-27 23:59:61", "30/02/2024",
        "13/13/2024", "31.04.2024", "2024-05-27T", "2024-05-27 02:08:51 extra", "2024-05-27+02:00",
        "2024-05-27T02:08:51+25:00", "2024-05-27T02:08:51+02:60", "123456789", "0", "100001", "-5", "45000.",
        "2024-05-27 13:00 PM", "2024-05-27 0:00 AM", "12:00", "Foo Oct 31 22:10:47 +0000 2017",
        "Tue Oct 32 22:10:47 +0000 2017", "Tue Oct 31 22:10:47 EST 2017", "2024-5-27T2:8", "1/2/2024x",
        "27.05.2024 02:08.51", "2024-05-27 02:08:51 +02:00 x", "12345678901", "2024-05-27T02:08:51.+02:00",
    ])
    func rejectsUnreadable(text: String) {
        var parser = TimestampParser()
        #expect(parser.parse(text) == nil)
    }

    @Test func epochNumbersAndSerialsCanBeTurnedOff() {
        var parser = TimestampParser(acceptsUnixTimestamps: false, acceptsSpreadsheetSerials: false)
        #expect(parser.parse("1716775731") == nil)
        #expect(parser.parse("1716775731999") == nil)
        #expect(parser.parse("45000") == nil)
        #expect(parser.parse("2024-05-27") == 1716768000)
    }

    static let zoneCases: [(String, String, EpochSeconds)] = [
        ("Europe/Helsinki", "2024-05-27 12:00", 1716800400),
        ("Europe/Helsinki", "2024-01-15 12:00", 1705312800),
        ("Europe/Helsinki", "2024-03-31 02:59:59", 1711846799),
        // Spring-forward gap (03:00-03:59 does not exist): moved forward by the gap.
        ("Europe/Helsinki", "2024-03-31 03:00", 1711846800),
        ("Europe/Helsinki", "2024-03-31 03:30", 1711848600),
        ("Europe/Helsinki", "2024-03-31 04:00", 1711846800),
        ("Europe/Helsinki", "2024-03-31", 1711836000),
        // Fall-back hour (03:00-03:59 occurs twice): the earlier instant.
        ("Europe/Helsinki", "2024-10-27 02:59", 1729987140),
        ("Europe/Helsinki", "2024-10-27 03:00", 1729987200),
        ("Europe/Helsinki", "2024-10-27 03:30", 1729989000),
        ("Europe/Helsinki", "2024-10-27 04:00", 1729994400),
        ("Europe/Helsinki", "27.10.2024 klo 3.30", 1729989000),
        ("Europe/Helsinki", "2024-03-31T03:30:00+02:00", 1711848600),
        ("Europe/Helsinki", "45000.5", 1678874400),
        ("America/New_York", "2024-05-27T02:08:51.000", 1716790131),
        ("America/New_York", "2024-03-10 01:59", 1710053940),
        ("America/New_York", "2024-03-10 02:30", 1710055800),
        ("America/New_York", "2024-03-10 03:00", 1710054000),
        ("America/New_York", "2024-11-03 00:59", 1730609940),
        ("America/New_York", "2024-11-03 01:30", 1730611800),
        ("America/New_York", "11/3/2024 1:30 AM", 1730611800),
        ("America/New_York", "2024-11-03 02:00", 1730617200),
        ("America/New_York", "1716775731", 1716775731),
    ]

    @Test(arguments: zoneCases)
    func readsLocalTimeInZone(zone: String, text: String, expected: EpochSeconds) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var parser = TimestampParser(timeZone: timeZone)
        #expect(parser.timeZone.identifier == zone)
        #expect(parser.parse(text) == expected)
    }

    /// One parser instance reused over every zone case (in a scrambled order) gives the same answers as a
    /// fresh parser per value: the offset cache never leaks a wrong offset.
    @Test(arguments: [
        ("Europe/Helsinki", ["2024-03-30", "2024-03-31", "2024-04-01", "2024-10-26", "2024-10-27", "2024-10-28"]),
        ("America/New_York", ["2024-03-09", "2024-03-10", "2024-03-11", "2024-11-02", "2024-11-03", "2024-11-04"]),
    ])
    func cachedParserAgreesWithFreshOnes(zone: String, days: [String]) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var reused = TimestampParser(timeZone: timeZone)
        var values: [String] = []
        for day in days {
            for hour in 0..<24 {
                for minute in [0, 30, 59] {
                    values.append(day + " " + (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)")
                }
            }
        }
        // Revisit every other value after its neighbours, so hits and misses interleave.
        for (index, text) in values.enumerated() where index % 2 == 0 { values.append(text) }
        values.reverse()
        for text in values {
            var fresh = TimestampParser(timeZone: timeZone)
            let expected = fresh.parse(text)
            #expect(expected != nil)
            #expect(reused.parse(text) == expected, "\(text)")
        }
    }

    @Test func configuredOrderDecidesAmbiguousDates() {
        var dayFirst = TimestampParser(dayMonthOrder: .dayFirst)
        var monthFirst = TimestampParser(dayMonthOrder: .monthFirst)
        #expect(dayFirst.parse("03/04/2024") == 1712102400)  // 3 April
        #expect(monthFirst.parse("03/04/2024") == 1709510400)  // 4 March
        #expect(dayFirst.parse("5/6/2024 2:08 PM") == 1717596480)  // 5 June, despite AM/PM
        #expect(monthFirst.parse("03.04.2024") == 1709510400)
        // Only one reading possible: read that way whatever the order.
        #expect(monthFirst.parse("13/01/2024") == 1705104000)
        #expect(dayFirst.parse("1/13/2024") == 1705104000)
    }

    @Test func anEnforcedOrderMakesTheOtherReadingUnreadable() {
        var monthFirst = TimestampParser(dayMonthOrder: .monthFirst)
        monthFirst.enforcesDayMonthOrder = true
        // 4 March 2024 = 1 709 510 400; 13 January 2024 = 1 705 104 000 only day-first.
        #expect(monthFirst.parse("03/04/2024") == 1709510400)
        #expect(monthFirst.parse("13/01/2024") == nil)
        #expect(monthFirst.parse(date: "22-04-2015", time: "10:00") == nil)
        var text = "13/01/2024"
        #expect(text.withUTF8 { monthFirst.contradictsDayMonthOrder($0) })
        text = "13/13/2024"
        #expect(!text.withUTF8 { monthFirst.contradictsDayMonthOrder($0) })
        text = "2024-01-13"
        #expect(!text.withUTF8 { monthFirst.contradictsDayMonthOrder($0) })
        var dayFirst = TimestampParser(dayMonthOrder: .dayFirst)
        dayFirst.enforcesDayMonthOrder = true
        #expect(dayFirst.parse("1/13/2024") == nil)
        #expect(dayFirst.parse("13/1/2024") == 1705104000)
    }

    static let splitCases: [(String, String, String, EpochSeconds)] = [
        ("GMT", "01-01-2021", "09:12:58", 1609492378),
        ("America/Argentina/Buenos_Aires", "01/01/2021", "18:46:09", 1609537569),
        ("GMT", "01-01-2021", "", 1609459200),
        ("GMT", "2021-01-01 00:00:00", "9.12", 1609492320),
        ("GMT", "01-01-2021", "09:12:58+02:00", 1609485178),
        ("GMT", "2021-01-01T00:00:00+02:00", "09:12", 1609485120),
        ("GMT", "44197", "09:12:58", 1609492378),
        ("GMT", "44197.75", "09:12:58", 1609492378),
        ("GMT", "01-01-2021", "9:12 PM", 1609535520),
        ("Europe/Helsinki", "31.03.2024", "klo 3.30", 1711848600),
    ]

    @Test(arguments: splitCases)
    func combinesDateAndTimeColumns(zone: String, date: String, time: String, expected: EpochSeconds) throws {
        var parser = TimestampParser(timeZone: try #require(TimeZone(identifier: zone)))
        #expect(parser.parse(date: date, time: time) == expected)
    }

    @Test(arguments: [("", "09:12"), ("01-01-2021", "25:00"), ("2021-02-30", "09:12"), ("1716775731", "09:12"),
                      ("01-01-2021", "09:12 extra"), ("01-01-2021", "9")])
    func rejectsUnreadableDateOrTime(date: String, time: String) {
        var parser = TimestampParser()
        #expect(parser.parse(date: date, time: time) == nil)
    }

    @Test func buildsFromCivilFields() throws {
        var parser = TimestampParser(timeZone: try #require(TimeZone(identifier: "Europe/Helsinki")))
        #expect(parser.epochSeconds(year: 2024, month: 10, day: 27, secondOfDay: 3 * 3600 + 1800) == 1729989000)
        #expect(parser.epochSeconds(year: 2024, month: 2, day: 30) == nil)
        #expect(parser.epochSeconds(year: 2024, month: 2, day: 1, secondOfDay: 86_401) == nil)
    }

    /// One parser reading many values in turn (it remembers the last date it read) gives what a fresh parser
    /// gives for each: the same date again, the next day, an invalid date after a valid one with the same day
    /// and month, day/month dates either way round.
    @Test func aReusedParserReadsAsAFreshOne() {
        let values = Self.utcCases.map(\.0) + [
            "2024-02-29", "2023-02-29", "2024-02-29T10:00:00Z", "2023-02-29T10:00:00Z", "29.02.2024", "29.02.2023",
            "2024-05-27T02:08:51Z", "2024-05-27T23:59:59Z", "2024-05-28T00:00:00Z", "0000-05-27T00:00:00Z",
            "01/02/2021", "02/01/2021", "13/01/2021",
        ]
        var reused = TimestampParser()
        var wrong: [String] = []
        for value in values + values.reversed() + values {
            var fresh = TimestampParser()
            if reused.parse(value) != fresh.parse(value) { wrong.append(value) }
        }
        #expect(wrong.isEmpty)
        #expect(reused.parse("2024-02-29T10:00:00Z") == 1709200800)
        #expect(reused.parse("2023-02-29T10:00:00Z") == nil)
        #expect(reused.parse("2024-02-29T10:00:00Z") == 1709200800)
    }
}
