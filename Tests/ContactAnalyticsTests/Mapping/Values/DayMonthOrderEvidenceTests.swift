import Foundation
import Testing
@testable import ContactAnalytics

@Suite struct DayMonthOrderEvidenceTests {
    static func evidence(_ values: [String]) -> DayMonthOrderEvidence {
        var evidence = DayMonthOrderEvidence()
        for value in values { evidence.observe(value) }
        return evidence
    }

    @Test func firstPartAboveTwelveSettlesDayFirst() {
        let evidence = Self.evidence(["01/02/2021", "13/02/2021 10:00", "03/04/2021"])
        #expect(evidence.verdict == .dayFirst)
        #expect(evidence.order == .dayFirst)
        #expect(evidence.dayFirstCount == 1)
        #expect(evidence.ambiguousCount == 2)
    }

    @Test func secondPartAboveTwelveSettlesMonthFirst() {
        let evidence = Self.evidence(["1/2/2021", "1/13/2021", "12/31/2021"])
        #expect(evidence.verdict == .monthFirst)
        #expect(evidence.order == .monthFirst)
        #expect(evidence.monthFirstCount == 2)
    }

    @Test func conflictingEvidenceFollowsTheMajority() {
        let evidence = Self.evidence(["13/01/2021", "14/01/2021", "01/13/2021"])
        #expect(evidence.verdict == .conflicting)
        #expect(evidence.order == .dayFirst)
        let tie = Self.evidence(["13/01/2021", "01/13/2021 1:00 PM"])
        #expect(tie.verdict == .conflicting)
        #expect(tie.order == .dayFirst)
    }

    @Test(arguments: [
        (["01.02.2021", "03.04.2021"], DayMonthOrder.dayFirst),
        (["01-02-2021"], .dayFirst),
        (["01/02/2021 10:00", "03/04/2021"], .dayFirst),
        (["1/2/2021 10:00 AM", "3/4/2021 2:00 PM"], .monthFirst),
        (["1/2/2021 10:00 AM", "03.04.2021"], .dayFirst),
        ([], .dayFirst),
    ])
    func unsettledUsesTheDefault(values: [String], expected: DayMonthOrder) {
        let evidence = Self.evidence(values)
        #expect(evidence.verdict == .unsettled)
        #expect(evidence.order == expected)
    }

    @Test func otherFormsAreIgnored() {
        let evidence = Self.evidence(["2021-01-13", "Tue Oct 31 22:10:47 +0000 2017", "garbage", "", "45000"])
        #expect(evidence == DayMonthOrderEvidence())
    }

    @Test func mergeAddsCounts() {
        var first = Self.evidence(["13/01/2021"])
        first.merge(Self.evidence(["01/13/2021", "01/02/2021"]))
        #expect(first.dayFirstCount == 1)
        #expect(first.monthFirstCount == 1)
        #expect(first.ambiguousCount == 1)
        #expect(first.verdict == .conflicting)
    }

    @Test func defaultOrderRule() {
        #expect(DayMonthOrder.defaultOrder(separator: ".", twelveHourClock: true) == .dayFirst)
        #expect(DayMonthOrder.defaultOrder(separator: "-", twelveHourClock: true) == .dayFirst)
        #expect(DayMonthOrder.defaultOrder(separator: "/", twelveHourClock: true) == .monthFirst)
        #expect(DayMonthOrder.defaultOrder(separator: "/", twelveHourClock: false) == .dayFirst)
    }

    /// The Buenos Aires sample (`fecha_ingreso`, DD/MM/YYYY) settles day-first within its first days.
    @Test func buenosAiresDatesSettleDayFirst() {
        let evidence = Self.evidence((1...20).map { String(format: "%02d/01/2021", $0) })
        #expect(evidence.verdict == .dayFirst)
        #expect(evidence.dayFirstCount == 8)
    }

    /// The call-centre sample writes days 1-12 as `01-02-2021` and later days as `1/13/2021`, in row order
    /// Jan 1, Jan 2, ...: month-first throughout. The evidence finds it; the parser then reads `01-02-2021`
    /// as 2 January although `-` alone would default to day-first.
    @Test func callCentreDatesSettleMonthFirst() {
        let evidence = Self.evidence(["01-01-2021", "01-02-2021", "01-12-2021", "1/13/2021", "2/13/2021"])
        #expect(evidence.verdict == .monthFirst)
        var parser = TimestampParser(dayMonthOrder: evidence.order)
        #expect(parser.parse("01-02-2021") == 1609545600)  // 2021-01-02
        #expect(parser.parse("1/13/2021") == 1610496000)  // 2021-01-13
        var unconfigured = TimestampParser()
        #expect(unconfigured.parse("01-02-2021") == 1612137600)  // 2021-02-01
    }

    // MARK: Mixed orders (a spreadsheet re-save)

    /// Every day from `start` (year, month, day) for `days` days, as (year, month, day).
    static func days(from start: (Int, Int, Int), count days: Int) -> [(year: Int, month: Int, day: Int)] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let first = calendar.date(from: DateComponents(year: start.0, month: start.1, day: start.2)) else { return [] }
        return (0..<days).compactMap { offset in
            calendar.date(byAdding: .day, value: offset, to: first).map {
                let parts = calendar.dateComponents([.year, .month, .day], from: $0)
                return (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            }
        }
    }

    static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// A month-first export re-saved day-first: what could be read as a date (day above 12) was rewritten
    /// day-first, the rest stayed month-first (`04-08-15` is 8 April).
    static func resavedMonthFirst(_ dates: [(year: Int, month: Int, day: Int)]) -> [String] {
        dates.map { date in
            let year = two(date.year % 100)
            return date.day > 12 ? "\(two(date.day))-\(two(date.month))-\(year)" : "\(two(date.month))-\(two(date.day))-\(year)"
        }
    }

    @Test func aResavedQuarterMixesOrders() {
        // 1 April .. 30 June 2015: 91 days; 36 have a day of 1..12 (ambiguous), 55 prove day-first.
        let evidence = Self.evidence(Self.resavedMonthFirst(Self.days(from: (2015, 4, 1), count: 91)))
        #expect(evidence.dayFirstCount == 55)
        #expect(evidence.ambiguousCount == 36)
        #expect(evidence.verdict == .dayFirst)
        #expect(evidence.order == .dayFirst)
        // Read day-first the ambiguous values fall in months 1..12 (9 of the 36 inside April..June, 27
        // outside); read month-first all 36 lie in April..June.
        #expect(evidence.mixesOrders)
        #expect(evidence.ambiguousOrder == .monthFirst)
        #expect(evidence.provenMonths == "2015-04 to 2015-06")
        #expect(evidence.firstAmbiguous == .init(text: "04-01-15", line: 0))
    }

    @Test func aDayFirstExportResavedMonthFirstMixesTheOtherWay() {
        // Day-first source; the re-save wrote what it could read month-first (`04/22/2015`), the rest stayed.
        let values = Self.days(from: (2015, 4, 1), count: 91).map { date in
            date.day > 12 ? "\(Self.two(date.month))/\(date.day)/\(date.year)" : "\(Self.two(date.day))/\(Self.two(date.month))/\(date.year)"
        }
        let evidence = Self.evidence(values)
        #expect(evidence.verdict == .monthFirst)
        #expect(evidence.mixesOrders)
        #expect(evidence.ambiguousOrder == .dayFirst)
    }

    @Test func aYearOfDayFirstDatesDoesNotMix() {
        // 2021: ambiguous values (days 1..12) lie in every month, like the others.
        let values = Self.days(from: (2021, 1, 1), count: 365).map { "\(Self.two($0.day))-\(Self.two($0.month))-\($0.year)" }
        let evidence = Self.evidence(values)
        #expect(evidence.ambiguousCount == 144)
        #expect(evidence.verdict == .dayFirst)
        #expect(!evidence.mixesOrders)
        #expect(evidence.ambiguousOrder == .dayFirst)
        #expect(evidence.provenMonths == "2021-01 to 2021-12")
    }

    @Test func aYearOfMonthFirstDatesDoesNotMix() {
        let values = Self.days(from: (2021, 1, 1), count: 365).map { "\($0.month)/\($0.day)/\($0.year) 9:00 AM" }
        let evidence = Self.evidence(values)
        #expect(evidence.verdict == .monthFirst)
        #expect(!evidence.mixesOrders)
        #expect(evidence.ambiguousOrder == .monthFirst)
    }

    @Test(arguments: [(2021, 3, 1, 31), (2020, 12, 20, 31), (2021, 3, 13, 31), (2015, 4, 1, 91)])
    func genuineDayFirstSpansDoNotMix(year: Int, month: Int, day: Int, count: Int) {
        // A month, a turn of the year, a span whose ambiguous days (1..12 April) lie past the proven months,
        // and the resaved quarter's own dates written genuinely day-first: twice each, all unchanged.
        let dates = Self.days(from: (year, month, day), count: count)
        let values = (dates + dates).map { "\(Self.two($0.day)).\(Self.two($0.month)).\($0.year)" }
        let evidence = Self.evidence(values)
        #expect(evidence.verdict == .dayFirst)
        #expect(!evidence.mixesOrders)
    }

    @Test func tooFewValuesDoNotMix() {
        // 13..30 April plus 13..14 May: 20 proving values; then 19 or 20 ambiguous ones of April..May.
        let proving = Self.resavedMonthFirst(Self.days(from: (2015, 4, 13), count: 18) + Self.days(from: (2015, 5, 13), count: 2))
        let ambiguous = Self.resavedMonthFirst(Self.days(from: (2015, 4, 1), count: 12) + Self.days(from: (2015, 5, 1), count: 8))
        #expect(ambiguous.count == DayMonthOrderEvidence.minimumForMixing)
        #expect(!Self.evidence(proving + ambiguous.dropLast()).mixesOrders)
        #expect(Self.evidence(proving + ambiguous).mixesOrders)
        // 19 proving values are too few as well.
        #expect(!Self.evidence(Array(proving.dropLast()) + ambiguous).mixesOrders)
    }

    @Test func mergeKeepsTheMonthsAndTheAmbiguousDates() {
        let values = Self.resavedMonthFirst(Self.days(from: (2015, 4, 1), count: 91))
        var first = Self.evidence(Array(values[..<45]))
        first.merge(Self.evidence(Array(values[45...])))
        #expect(first == Self.evidence(values))
        #expect(first.mixesOrders)
    }
}

