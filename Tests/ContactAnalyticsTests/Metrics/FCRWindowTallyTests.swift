import Testing
@testable import ContactAnalytics

/// FCR under several windows counted in one pass, or in two halves for a large timeline, against a plain count
/// of the same rules.
@Suite struct FCRWindowTallyTests {
    /// The rules of `FCRWindowTally`, entry by entry on the sorted entries: per window, (resolved, evaluable).
    static func reference(_ entries: [ContactTimeline.Entry], scope: RepeatContactWindow.Scope, windows: [Int64],
                          dataEnd: EpochSeconds) -> [(Int, Int)] {
        windows.map { w in
            var resolved = 0, evaluable = 0
            for (i, entry) in entries.enumerated() where entry.counted && entry.time <= dataEnd - w {
                evaluable += 1
                let next = i + 1 < entries.count ? entries[i + 1] : nil
                let sameGroup = next.map { $0.customer == entry.customer && (scope == .any || $0.cause == entry.cause) }
                if let next, sameGroup == true, next.time - entry.time <= w { continue }
                resolved += 1
            }
            return (resolved, evaluable)
        }
    }

    /// Customers spread over the whole hash range, contacts within days of each other, a tenth not counted.
    static func timeline(_ count: Int, threads: ThreadBudget) -> ContactTimeline {
        var generator = SeededGenerator(seed: 41)
        var timeline = ContactTimeline(threads: threads)
        for i in 0..<count {
            let customer = (generator.next() % UInt64(max(count / 4, 1)) + 1) &* 0xBF58_476D_1CE4_E5B9
            timeline.append(customer: customer | 1, time: Int64(generator.next() % (30 * 86_400)),
                            cause: Int32(generator.next() % 4), channel: 0, counted: generator.next() % 10 != 0,
                            index: UInt32(i), slice: 0, cost: 0)
        }
        return timeline
    }

    @Test(arguments: [(500, 0), (ContactTimeline.parallelThreshold + 3_001, 0),
                      (ContactTimeline.parallelThreshold + 3_001, 1)])
    func countsAsThePlainRules(count: Int, threads: Int) {
        let windows: [Int64] = [86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400]
        let dataEnd: EpochSeconds = 30 * 86_400
        var timeline = Self.timeline(count, threads: ThreadBudget(threads: threads))
        for scope in RepeatContactWindow.Scope.allCases {
            timeline.sort(for: scope)
            let tally = FCRWindowTally(timeline, scope: scope, windows: windows, dataEnd: dataEnd)
            let expected = Self.reference(timeline.entries, scope: scope, windows: windows, dataEnd: dataEnd)
            #expect(tally.resolved == expected.map(\.0), "\(scope)")
            #expect(tally.evaluable == expected.map(\.1), "\(scope)")
            // Some contacts are repeats within every window, and the windows differ.
            #expect(zip(tally.resolved, tally.evaluable).allSatisfy { $0 < $1 })
            #expect(Set(tally.resolved).count == windows.count)
            let ratio = tally.ratio(window: 7 * 86_400)
            #expect(ratio == Ratio(expected[2].0, of: expected[2].1))
        }
    }
}
