import Foundation
import Testing
@testable import ContactAnalytics

/// Period keys (the period's first local day, as days since 1970-01-01) by hand, and against the calendar date
/// of each instant over six years either side of 1970 and of 2026, in UTC and in a zone with daylight saving.
@Suite struct PeriodCalendarTests {
    static let day: EpochSeconds = 86_400
    static let utc = TimeZone(identifier: "UTC") ?? .current
    static let helsinki = TimeZone(identifier: "Europe/Helsinki") ?? .current

    @Test func keysByHand() {
        var week = PeriodCalendar(granularity: .week, timeZone: Self.utc)
        var dayKeys = PeriodCalendar(granularity: .day, timeZone: Self.utc)
        var month = PeriodCalendar(granularity: .month, timeZone: Self.utc)
        // Wednesday 2026-03-04 12:00 UTC (day 20516): its week starts on Monday 2026-03-02 (day 20514).
        #expect(week.periodKey(of: 20_516 * Self.day + 43_200) == 20_514)
        #expect(dayKeys.periodKey(of: 20_516 * Self.day + 43_200) == 20_516)
        #expect(month.periodKey(of: 20_516 * Self.day + 43_200) == 20_513)  // 2026-03-01
        // Before and at 1970-01-01 (a Thursday): the week of Monday 1969-12-29 (day -3).
        #expect(week.periodKey(of: -1) == -3)
        #expect(week.periodKey(of: 0) == -3)
        #expect(week.periodKey(of: 4 * Self.day) == 4)  // Monday 1970-01-05
        #expect(week.periodKey(of: 4 * Self.day - 1) == -3)
        #expect(dayKeys.periodKey(of: -1) == -1)
        // 2026-03-29 22:30 UTC is Monday 2026-03-30 01:30 in Helsinki (summer time, UTC+3 since that morning).
        var local = PeriodCalendar(granularity: .week, timeZone: Self.helsinki)
        #expect(local.periodKey(of: 20_541 * Self.day + 81_000) == 20_542)
        #expect(week.periodKey(of: 20_541 * Self.day + 81_000) == 20_535)  // still Sunday in UTC
    }

    @Test func keysAgreeWithTheCalendarDate() {
        var compared = 0, differing = 0
        for zone in [Self.utc, Self.helsinki] {
            for granularity in PeriodGranularity.allCases {
                var calendar = PeriodCalendar(granularity: granularity, timeZone: zone)
                for start in [-3 * 365 * Self.day, 20_000 * Self.day] {
                    var instant = start
                    while instant < start + 6 * 365 * Self.day {
                        let date = calendar.localDate(of: instant)
                        let expected: Int
                        switch granularity {
                        case .day: expected = date.daysSinceEpoch
                        case .week: expected = date.daysSinceEpoch - date.weekdayFromMonday
                        case .month: expected = CivilDate(year: date.year, month: date.month, day: 1).daysSinceEpoch
                        }
                        compared += 1
                        if Int(calendar.periodKey(of: instant)) != expected { differing += 1 }
                        instant += 7 * 3_600 + 59
                    }
                }
            }
        }
        #expect(compared > 80_000)
        #expect(differing == 0)
    }
}
