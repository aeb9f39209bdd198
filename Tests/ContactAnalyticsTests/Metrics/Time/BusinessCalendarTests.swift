import Foundation
import Testing
@testable import ContactAnalytics

/// Hand-computed business clocks in Europe/Helsinki (EET, UTC+2; EEST, UTC+3 from 2024-03-31 01:00Z to
/// 2024-10-27 01:00Z).
@Suite struct BusinessCalendarTests {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki") ?? .gmt

    static func calendar(_ entries: [(String, String)], holidays: PublicHolidays.Country? = .finland,
                         extra: [CivilDate] = []) throws -> BusinessCalendar {
        BusinessCalendar(hours: try entries.map { ($0.0, try OpeningHours(parsing: $0.1)) },
                         holidays: holidays.map { PublicHolidays(country: $0) }, extraClosedDays: extra,
                         timeZone: helsinki)
    }

    /// `2024-03-28T13:00:00Z` as seconds.
    static func utc(_ text: String) -> EpochSeconds {
        Int64(ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970 ?? .nan)
    }

    @Test func stateOfInstants() throws {
        var calendar = try Self.calendar([("phone", "Mo-Fr 08:00-16:00"), ("web", "24/7")])
        // Thursday 2024-03-28 15:59 local (EET) is open; 16:00 is not.
        #expect(calendar.state(at: Self.utc("2024-03-28T13:59:00Z"), channel: .phone) == .open)
        #expect(calendar.state(at: Self.utc("2024-03-28T14:00:00Z"), channel: .phone) == .closedHours)
        // Good Friday 10:00 local: a holiday.
        #expect(calendar.state(at: Self.utc("2024-03-29T08:00:00Z"), channel: .phone) == .holiday)
        // Saturday: closed by the hours.
        #expect(calendar.state(at: Self.utc("2024-03-30T08:00:00Z"), channel: .phone) == .closedHours)
        // 07:30 local in summer time is 04:30Z: closed; 08:00 EEST = 05:00Z: open.
        #expect(calendar.state(at: Self.utc("2024-04-02T04:30:00Z"), channel: .phone) == .closedHours)
        #expect(calendar.state(at: Self.utc("2024-04-02T05:00:00Z"), channel: .phone) == .open)
        // 24/7 is open on holidays; a channel without hours has no answer.
        #expect(calendar.state(at: Self.utc("2024-03-29T08:00:00Z"), channel: .web) == .open)
        #expect(calendar.state(at: Self.utc("2024-03-29T08:00:00Z"), channel: .chat) == nil)
        #expect(calendar.hasHours)
    }

    @Test func allIsTheDefaultAndExtraDaysClose() throws {
        var calendar = try Self.calendar([("all", "Mo-Fr 09:00-17:00"), ("phone", "Mo-Fr 08:00-18:00")],
                                         holidays: nil, extra: [CivilDate(year: 2024, month: 12, day: 23)])
        #expect(calendar.hours(of: .chat)?.text == "Mo-Fr 09:00-17:00")
        #expect(calendar.hours(of: .phone)?.text == "Mo-Fr 08:00-18:00")
        // Monday 2024-12-23 12:00 local = 10:00Z: an extra closed day; Good Friday is not closed without a country.
        #expect(calendar.state(at: Self.utc("2024-12-23T10:00:00Z"), channel: .chat) == .holiday)
        #expect(calendar.state(at: Self.utc("2024-03-29T10:00:00Z"), channel: .chat) == .open)
    }

    /// Thursday 15:00 before Easter to Tuesday 09:00 after it, hours Mo-Fr 08:00-16:00: Thursday 15-16 (1 h),
    /// Good Friday, the weekend and Easter Monday closed, Tuesday 08-09 (1 h): 7,200 s of 406,800 s.
    @Test func businessTimeSkipsHolidaysAndTheWeekendAcrossTheClockChange() throws {
        var calendar = try Self.calendar([("email", "Mo-Fr 08:00-16:00")])
        let opened = Self.utc("2024-03-28T13:00:00Z"), closed = Self.utc("2024-04-02T06:00:00Z")
        #expect(closed - opened == 406_800)
        #expect(calendar.businessSeconds(from: opened, to: closed, channel: .email) == 7_200)
        #expect(calendar.businessSeconds(from: closed, to: opened, channel: .email) == nil)
        #expect(calendar.businessSeconds(from: opened, to: closed, channel: .chat) == nil)
        #expect(calendar.businessSeconds(from: opened, to: opened, channel: .email) == 0)
        // A closed_at with a mistyped year: more than ten years is not walked day by day.
        #expect(calendar.businessSeconds(from: opened, to: Self.utc("2204-04-02T06:00:00Z"), channel: .email) == nil)
        #expect(calendar.businessSeconds(from: opened, to: Self.utc("2034-03-28T13:00:00Z"), channel: .email) != nil)
    }

    /// Friday 17:00 to Monday 09:00 (EET), hours Mo-Fr 08:00-18:00: 1 h on Friday, 1 h on Monday.
    @Test func businessTimeAcrossAWeekend() throws {
        var calendar = try Self.calendar([("all", "Mo-Fr 08:00-18:00")])
        #expect(calendar.businessSeconds(from: Self.utc("2024-01-12T15:00:00Z"), to: Self.utc("2024-01-15T07:00:00Z"),
                                         channel: .phone) == 7_200)
        // Inside one open range: all of it.
        #expect(calendar.businessSeconds(from: Self.utc("2024-01-15T07:00:00Z"), to: Self.utc("2024-01-15T07:25:00Z"),
                                         channel: .phone) == 1_500)
    }

    /// Hours 01:00-05:00 last 3 real hours on the day clocks go forward (2024-03-31) and 5 on the day they go
    /// back (2024-10-27).
    @Test func openRangesFollowDaylightSaving() throws {
        var calendar = try Self.calendar([("all", "Sa-Su 01:00-05:00")], holidays: nil)
        // Saturday 2024-03-30 00:00 EET (22:00Z the day before) to Monday 00:00 EEST (21:00Z): 4 h + 3 h.
        #expect(calendar.businessSeconds(from: Self.utc("2024-03-29T22:00:00Z"), to: Self.utc("2024-03-31T21:00:00Z"),
                                         channel: .phone) == 25_200)
        // Sunday 2024-10-27 00:00 EEST (2024-10-26T21:00Z) to Monday 00:00 EET (22:00Z): 5 h.
        #expect(calendar.businessSeconds(from: Self.utc("2024-10-26T21:00:00Z"), to: Self.utc("2024-10-27T22:00:00Z"),
                                         channel: .phone) == 18_000)
        // 03:30 local happens twice on 2024-10-27 (00:30Z and 01:30Z): open both times.
        #expect(calendar.state(at: Self.utc("2024-10-27T00:30:00Z"), channel: .phone) == .open)
        #expect(calendar.state(at: Self.utc("2024-10-27T01:30:00Z"), channel: .phone) == .open)
        // 05:30 EET on that day (03:30Z) is closed.
        #expect(calendar.state(at: Self.utc("2024-10-27T03:30:00Z"), channel: .phone) == .closedHours)
    }
}
