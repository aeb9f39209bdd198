import Testing
@testable import ContactAnalytics

/// `MetricAccumulator.merge(_:)` and `mergeOutcome(_:)` on hand-filled accumulators: every count and every exact
/// sum, listed here by key path and checked against the type's stored properties, so a field added to the
/// accumulator but not to its merge fails here.
@Suite struct MetricAccumulatorTests {
    // Computed: key paths are not Sendable, so they cannot be stored in a static constant.
    static var counts: [(String, WritableKeyPath<MetricAccumulator, Int>)] { [
        ("contacts", \.contacts), ("identified", \.identified), ("classified", \.classified),
        ("csatResponses", \.csatResponses), ("csatSatisfied", \.csatSatisfied),
        ("csatNumericCount", \.csatNumericCount), ("handleCount", \.handleCount),
        ("exportFCRResolved", \.exportFCRResolved), ("exportFCRKnown", \.exportFCRKnown), ("repeats", \.repeats),
        ("evaluable", \.evaluable), ("resolved", \.resolved), ("avoidableByCause", \.avoidableByCause),
        ("repeatOnly", \.repeatOnly), ("firstReplies", \.firstReplies), ("firstReplyTargeted", \.firstReplyTargeted),
        ("firstReplyMet", \.firstReplyMet), ("resolutionTargeted", \.resolutionTargeted),
        ("resolutionMet", \.resolutionMet), ("answered", \.answered), ("abandoned", \.abandoned),
        ("waitCount", \.waitCount), ("answeredWithin", \.answeredWithin), ("abandonedWithin", \.abandonedWithin),
        ("reopenKnown", \.reopenKnown), ("reopened", \.reopened), ("hoursKnown", \.hoursKnown),
        ("outsideHours", \.outsideHours), ("outsideHoliday", \.outsideHoliday),
        ("repeatsAfterOutside", \.repeatsAfterOutside), ("flagKnown", \.flagKnown), ("flagResolved", \.flagResolved),
        ("touchesKnown", \.touchesKnown), ("oneTouch", \.oneTouch),
    ] }
    static var sums: [(String, WritableKeyPath<MetricAccumulator, ExactSum>)] { [
        ("csatNumericSum", \.csatNumericSum), ("costTotal", \.costTotal), ("handleSum", \.handleSum),
        ("avoidableCost", \.avoidableCost), ("waitSum", \.waitSum), ("repeatCost", \.repeatCost),
    ] }
    /// What the timeline walk adds (`mergeOutcome`).
    static let outcomeFields: Set<String> = ["repeats", "evaluable", "resolved", "repeatOnly", "avoidableCost",
                                              "repeatsAfterOutside", "repeatCost"]

    /// Count number `i` holds `base + i`; sum number `i` holds `base / 4 + i + 0.25` (whole units of 2⁻⁴⁰).
    static func filled(base: Int) -> MetricAccumulator {
        var sums = MetricAccumulator()
        for (i, (_, path)) in counts.enumerated() { sums[keyPath: path] = base + i }
        for (i, (_, path)) in Self.sums.enumerated() { sums[keyPath: path].add(Float(base / 4 + i) + 0.25, sign: 1) }
        return sums
    }

    @Test func theListsNameEveryStoredField() {
        let stored = Mirror(reflecting: MetricAccumulator()).children.compactMap(\.label)
        #expect(stored.count == Self.counts.count + Self.sums.count)
        #expect(Set(stored) == Set(Self.counts.map(\.0) + Self.sums.map(\.0)))
    }

    @Test func mergeAddsEveryCountAndSum() {
        let a = Self.filled(base: 1), b = Self.filled(base: 1000)
        var merged = a
        merged.merge(b)
        for (i, (name, path)) in Self.counts.enumerated() {
            #expect(merged[keyPath: path] == (1 + i) + (1000 + i), "\(name)")
        }
        for (i, (name, path)) in Self.sums.enumerated() {
            #expect(merged[keyPath: path].value == Double(i) + 0.25 + Double(250 + i) + 0.25, "\(name)")
        }
        // By hand: 1 + 1000 contacts; the last count (number 33) 34 + 1033; cost (sum number 1) 1.25 + 251.25.
        #expect(merged.contacts == 1001)
        #expect(merged.oneTouch == 1067)
        #expect(merged.costTotal.value == 252.5)
    }

    /// A contribution with negated counts takes a merged one back out, to the last unit.
    @Test func mergingTheNegationRestoresTheAccumulator() {
        let a = Self.filled(base: 7)
        let b = Self.filled(base: 0)
        var negated = MetricAccumulator()
        for (_, path) in Self.counts { negated[keyPath: path] = -b[keyPath: path] }
        for (i, (_, path)) in Self.sums.enumerated() { negated[keyPath: path].add(Float(i) + 0.25, sign: -1) }
        var merged = a
        merged.merge(b)
        merged.merge(negated)
        for (name, path) in Self.counts { #expect(merged[keyPath: path] == a[keyPath: path], "\(name)") }
        for (name, path) in Self.sums { #expect(merged[keyPath: path] == a[keyPath: path], "\(name)") }
    }

    /// `TimelineOutcomeSums` holds exactly the fields the timeline walk adds.
    @Test func outcomeSumsHoldTheTimelineFields() {
        let stored = Mirror(reflecting: TimelineOutcomeSums()).children.compactMap(\.label)
        #expect(stored.count == Self.outcomeFields.count)
        #expect(Set(stored) == Self.outcomeFields)
    }

    /// The timeline fields of `sums`, as the walk adds them.
    static func outcome(of sums: MetricAccumulator) -> TimelineOutcomeSums {
        TimelineOutcomeSums(repeats: sums.repeats, evaluable: sums.evaluable, resolved: sums.resolved,
                            repeatOnly: sums.repeatOnly, repeatsAfterOutside: sums.repeatsAfterOutside,
                            avoidableCost: sums.avoidableCost, repeatCost: sums.repeatCost)
    }

    @Test func outcomeSumsMergeEveryField() {
        var a = Self.outcome(of: Self.filled(base: 1))
        a.merge(Self.outcome(of: Self.filled(base: 1000)))
        // repeats is count number 9 (10 + 1009), repeatCost sum number 5 (5.25 + 255.25).
        #expect(a.repeats == 1019)
        #expect(a.evaluable == 11 + 1010)
        #expect(a.resolved == 12 + 1011)
        #expect(a.repeatOnly == 14 + 1013)
        #expect(a.repeatsAfterOutside == 30 + 1029)
        #expect(a.avoidableCost.value == 3.25 + 253.25)
        #expect(a.repeatCost.value == 260.5)
    }

    @Test func mergeOutcomeAddsOnlyTheTimelineFigures() {
        let a = Self.filled(base: 1), b = Self.filled(base: 1000)
        var merged = a
        merged.mergeOutcome(Self.outcome(of: b))
        for (i, (name, path)) in Self.counts.enumerated() {
            let expected = Self.outcomeFields.contains(name) ? (1 + i) + (1000 + i) : 1 + i
            #expect(merged[keyPath: path] == expected, "\(name)")
        }
        for (i, (name, path)) in Self.sums.enumerated() {
            let expected = Self.outcomeFields.contains(name) ? Double(i) + 0.25 + Double(250 + i) + 0.25 : Double(i) + 0.25
            #expect(merged[keyPath: path].value == expected, "\(name)")
        }
    }
    /// `mergeContribution(_:)` adds every field a contact contributes in its own right and leaves the fields
    /// only the timeline walk adds (all of `outcomeFields` but `avoidableCost`, which both add) as they were.
    @Test func mergeContributionAddsAllButTheTimelineOnlyFields() {
        let timelineOnly = Self.outcomeFields.subtracting(["avoidableCost"])
        let a = Self.filled(base: 1), b = Self.filled(base: 1000)
        var merged = a
        merged.mergeContribution(b)
        for (i, (name, path)) in Self.counts.enumerated() {
            let expected = timelineOnly.contains(name) ? 1 + i : (1 + i) + (1000 + i)
            #expect(merged[keyPath: path] == expected, "\(name)")
        }
        for (i, (name, path)) in Self.sums.enumerated() {
            let expected = timelineOnly.contains(name) ? Double(i) + 0.25 : Double(i) + 0.25 + Double(250 + i) + 0.25
            #expect(merged[keyPath: path].value == expected, "\(name)")
        }
        // By hand: contacts 1 + 1000, repeats (count number 9) stays 10, cost 1.25 + 251.25, repeatCost
        // (sum number 5) stays 5.25, avoidableCost (sum number 3) 3.25 + 253.25.
        #expect(merged.contacts == 1001)
        #expect(merged.repeats == 10)
        #expect(merged.costTotal.value == 252.5)
        #expect(merged.repeatCost.value == 5.25)
        #expect(merged.avoidableCost.value == 256.5)
        // On an accumulator whose timeline fields are zero (a contribution), it is `merge(_:)`.
        var contribution = b
        for name in timelineOnly {
            if let path = Self.counts.first(where: { $0.0 == name })?.1 { contribution[keyPath: path] = 0 }
        }
        contribution.repeatCost = ExactSum()
        var byMerge = a, byContribution = a
        byMerge.merge(contribution)
        byContribution.mergeContribution(contribution)
        for (name, path) in Self.counts { #expect(byMerge[keyPath: path] == byContribution[keyPath: path], "\(name)") }
        for (name, path) in Self.sums { #expect(byMerge[keyPath: path] == byContribution[keyPath: path], "\(name)") }
    }
}
