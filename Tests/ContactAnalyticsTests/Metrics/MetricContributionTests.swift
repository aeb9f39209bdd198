import Testing
@testable import ContactAnalytics

/// `MetricContribution` on hand-made contributions: the counts and sums listed reach each of the eight rows given,
/// the ones not listed (or listed with a false condition) and the other rows stay as they were.
@Suite struct MetricContributionTests {
    static func sum(_ value: Float, sign: Int = 1) -> ExactSum {
        var sum = ExactSum()
        sum.add(value, sign: sign)
        return sum
    }

    /// Rows 1...8 of a ten-row table, in a shuffled order; rows 0 and 9 are not given.
    static let rows = (5, 1, 8, 2, 7, 3, 6, 4)

    static func contribution(sign: Int) -> MetricContribution {
        var c = MetricContribution(sign: sign)
        c.count(\.contacts)
        c.count(\.identified, if: true)
        c.count(\.classified, if: false)
        c.count(\.oneTouch)
        c.sum(\.costTotal, sum(2.5, sign: sign))
        c.sum(\.handleSum, sum(60, sign: sign), if: false)
        c.sum(\.waitSum, sum(0.75, sign: sign))
        return c
    }

    @Test func listsOnlyWhatItsConditionsKeep() {
        let c = Self.contribution(sign: 1)
        #expect(c.countsSet == 3) // contacts, identified, oneTouch
        #expect(c.sumsAdded == 2) // costTotal, waitSum
    }

    @Test func addsTheListedFieldsToEveryRowGiven() {
        var table = [MetricAccumulator](repeating: MetricAccumulator(), count: 10)
        table[5].contacts = 10
        table[5].costTotal.add(1, sign: 1)
        table.withUnsafeMutableBufferPointer { Self.contribution(sign: 1).add(to: $0, rows: Self.rows) }
        table.withUnsafeMutableBufferPointer { Self.contribution(sign: 1).add(to: $0, rows: Self.rows) }
        for row in 1...8 {
            let a = table[row]
            #expect(a.contacts == (row == 5 ? 12 : 2), "row \(row)")
            #expect(a.identified == 2)
            #expect(a.oneTouch == 2)
            #expect(a.classified == 0)
            #expect(a.touchesKnown == 0)
            #expect(a.repeats == 0)
            #expect(a.costTotal.value == (row == 5 ? 6 : 5))
            #expect(a.waitSum.value == 1.5)
            #expect(a.handleSum.value == 0)
            #expect(a.avoidableCost.value == 0)
        }
        for row in [0, 9] {
            #expect(table[row].contacts == 0)
            #expect(table[row].identified == 0)
            #expect(table[row].costTotal.value == 0)
            #expect(table[row].waitSum.value == 0)
        }
    }

    /// Seven rows given: each gets the listed fields, the eighth place of the eight-row form (row 4 here) and
    /// rows 0 and 9 stay as they were.
    @Test func addsToSevenRowsToo() {
        var table = [MetricAccumulator](repeating: MetricAccumulator(), count: 10)
        table.withUnsafeMutableBufferPointer { Self.contribution(sign: 1).add(to: $0, rows: (5, 1, 8, 2, 7, 3, 6)) }
        for row in 0..<10 {
            let given = [5, 1, 8, 2, 7, 3, 6].contains(row)
            #expect(table[row].contacts == (given ? 1 : 0), "row \(row)")
            #expect(table[row].identified == (given ? 1 : 0))
            #expect(table[row].oneTouch == (given ? 1 : 0))
            #expect(table[row].classified == 0)
            #expect(table[row].costTotal.value == (given ? 2.5 : 0))
            #expect(table[row].waitSum.value == (given ? 0.75 : 0))
            #expect(table[row].handleSum.value == 0)
        }
    }

    /// Five and six rows given (`SliceAggregates.contribute`): each gets the listed fields, the other rows stay
    /// as they were.
    @Test func addsToFiveAndSixRows() {
        for given in [[5, 1, 8, 2, 7], [5, 1, 8, 2, 7, 3]] {
            var table = [MetricAccumulator](repeating: MetricAccumulator(), count: 10)
            table.withUnsafeMutableBufferPointer {
                if given.count == 5 {
                    Self.contribution(sign: 1).add(to: $0, rows: (given[0], given[1], given[2], given[3], given[4]))
                } else {
                    Self.contribution(sign: 1).add(to: $0, rows: (given[0], given[1], given[2], given[3], given[4],
                                                                  given[5]))
                }
            }
            for row in 0..<10 {
                let added = given.contains(row)
                #expect(table[row].contacts == (added ? 1 : 0), "row \(row) of \(given.count)")
                #expect(table[row].oneTouch == (added ? 1 : 0))
                #expect(table[row].classified == 0)
                #expect(table[row].costTotal.value == (added ? 2.5 : 0))
                #expect(table[row].waitSum.value == (added ? 0.75 : 0))
                #expect(table[row].handleSum.value == 0)
            }
        }
    }

    /// Every count of the contribution part can be set (the bit mask has room for all), each to its own field.
    @Test func everyCountReachesItsField() {
        let counts: [WritableKeyPath<MetricAccumulator, Int>] = [
            \.contacts, \.identified, \.classified, \.csatResponses, \.csatSatisfied, \.csatNumericCount,
            \.handleCount, \.exportFCRResolved, \.exportFCRKnown, \.avoidableByCause, \.firstReplies,
            \.firstReplyTargeted, \.firstReplyMet, \.resolutionTargeted, \.resolutionMet, \.answered, \.abandoned,
            \.waitCount, \.answeredWithin, \.abandonedWithin, \.reopenKnown, \.reopened, \.hoursKnown,
            \.outsideHours, \.outsideHoliday, \.flagKnown, \.flagResolved, \.touchesKnown, \.oneTouch,
        ]
        for (i, field) in counts.enumerated() {
            var c = MetricContribution(sign: -1)
            c.count(field)
            c.count(\.repeats, if: false) // a walk count, not kept
            #expect(c.countsSet == 1)
            var table = [MetricAccumulator](repeating: MetricAccumulator(), count: 9)
            table.withUnsafeMutableBufferPointer { c.add(to: $0, rows: Self.rows) }
            for (j, other) in counts.enumerated() {
                #expect(table[3][keyPath: other] == (i == j ? -1 : 0), "field \(i), read \(j)")
            }
            #expect(table[0][keyPath: field] == 0)
        }
    }

    /// Sign -1 takes back what sign 1 added, to the last unit.
    @Test func aNegativeContributionTakesItBack() {
        var table = [MetricAccumulator](repeating: MetricAccumulator(), count: 10)
        table.withUnsafeMutableBufferPointer { Self.contribution(sign: 1).add(to: $0, rows: Self.rows) }
        table.withUnsafeMutableBufferPointer { Self.contribution(sign: -1).add(to: $0, rows: Self.rows) }
        for row in 0..<10 {
            #expect(table[row].contacts == 0)
            #expect(table[row].identified == 0)
            #expect(table[row].oneTouch == 0)
            #expect(table[row].costTotal == ExactSum())
            #expect(table[row].waitSum == ExactSum())
        }
    }
}
