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
}
