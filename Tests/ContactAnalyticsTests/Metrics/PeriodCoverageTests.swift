import Foundation
import Testing
@testable import ContactAnalytics

/// Which periods the data covers only in part, by whole local days.
@Suite struct PeriodCoverageTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current
    /// 2026-03-04 (a Wednesday) 10:00 UTC, and days around it.
    static let wednesday: EpochSeconds = 1_772_618_400

    static func coverage(_ from: EpochSeconds, _ to: EpochSeconds, since: EpochSeconds? = nil, until: EpochSeconds? = nil,
                         _ granularity: PeriodGranularity, zone: TimeZone = utc) -> (PeriodCoverage?, PeriodCalendar) {
        var calendar = PeriodCalendar(granularity: granularity, timeZone: zone)
        let coverage = PeriodCoverage(dataStart: from, dataEnd: to, since: since, until: until, calendar: &calendar)
        return (coverage, calendar)
    }

    @Test func aWeekStartedOnWednesdayIsPartialAndTheNextWholeWeekIsNot() throws {
        // Wednesday 2026-03-04 to Sunday 2026-03-15 23:00.
        let (coverage, initial) = Self.coverage(Self.wednesday, Self.wednesday + 11 * 86_400 + 13 * 3_600, .week)
        let c = try #require(coverage)
        var calendar = initial
        #expect(CivilDate(daysSinceEpoch: c.firstDay).iso == "2026-03-04")
        #expect(CivilDate(daysSinceEpoch: c.lastDay).iso == "2026-03-15")
        let first = calendar.periodKey(of: Self.wednesday)            // 2026-W10, Monday 03-02
        let second = calendar.periodKey(of: Self.wednesday + 7 * 86_400) // 2026-W11, Monday 03-09 to Sunday 03-15
        #expect(c.isPartial(first, calendar: calendar))
        #expect(!c.isPartial(second, calendar: calendar))
    }

    @Test func monthBoundsIncludeFebruaryInALeapYearAndDecember() throws {
        let calendar = PeriodCalendar(granularity: .month, timeZone: Self.utc)
        #expect(CivilDate(daysSinceEpoch: Int(calendar.nextKey(after: Int32(CivilDate(year: 2028, month: 2, day: 1).daysSinceEpoch)))).iso == "2028-03-01")
        #expect(CivilDate(daysSinceEpoch: Int(calendar.nextKey(after: Int32(CivilDate(year: 2026, month: 12, day: 1).daysSinceEpoch)))).iso == "2027-01-01")
        // Data 2028-02-01 to 2028-02-29 covers February 2028 whole.
        let c = PeriodCoverage(firstDay: CivilDate(year: 2028, month: 2, day: 1).daysSinceEpoch,
                               lastDay: CivilDate(year: 2028, month: 2, day: 29).daysSinceEpoch)
        #expect(!c.isPartial(Int32(CivilDate(year: 2028, month: 2, day: 1).daysSinceEpoch), calendar: calendar))
        let short = PeriodCoverage(firstDay: c.firstDay, lastDay: c.lastDay - 1)
        #expect(short.isPartial(Int32(CivilDate(year: 2028, month: 2, day: 1).daysSinceEpoch), calendar: calendar))
    }

    /// Days are local: 2026-03-01T22:30Z is already 2026-03-02 in Helsinki (UTC+2).
    @Test func daysAreLocalDays() throws {
        let helsinki = try #require(TimeZone(identifier: "Europe/Helsinki"))
        let (coverage, _) = Self.coverage(1_772_404_200, 1_772_404_200, .day, zone: helsinki)
        #expect(coverage.map { CivilDate(daysSinceEpoch: $0.firstDay).iso } == "2026-03-02")
    }

    /// `since` and `until` narrow the covered days; an `until` is exclusive (the day before it is the last).
    @Test func theReportingRangeNarrowsTheCoverage() throws {
        let marchFirst: EpochSeconds = 1_772_323_200, aprilFirst: EpochSeconds = 1_775_001_600
        let (coverage, _) = Self.coverage(marchFirst - 40 * 86_400, aprilFirst + 40 * 86_400,
                                          since: marchFirst, until: aprilFirst, .month)
        let c = try #require(coverage)
        #expect(CivilDate(daysSinceEpoch: c.firstDay).iso == "2026-03-01")
        #expect(CivilDate(daysSinceEpoch: c.lastDay).iso == "2026-03-31")
        // A range the data does not reach has no coverage.
        let (none, _) = Self.coverage(aprilFirst, aprilFirst + 86_400, since: marchFirst, until: aprilFirst, .month)
        #expect(none == nil)
    }
}
