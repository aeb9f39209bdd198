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

    /// Tallies of ranges cut at every change of customer, merged, give the counts of one pass; windows given in
    /// any order (and one past every gap) count as when sorted.
    @Test func rangesMergedCountAsOnePass() {
        let windows: [Int64] = [7 * 86_400, 86_400, 400 * 86_400, 3 * 86_400]
        let dataEnd: EpochSeconds = 30 * 86_400
        var timeline = Self.timeline(2_000, threads: .callerOnly)
        for scope in RepeatContactWindow.Scope.allCases {
            timeline.sort(for: scope)
            let whole = FCRWindowTally(timeline, scope: scope, windows: windows, dataEnd: dataEnd)
            let expected = Self.reference(timeline.entries, scope: scope, windows: windows, dataEnd: dataEnd)
            #expect(whole.resolved == expected.map(\.0) && whole.evaluable == expected.map(\.1), "\(scope)")
            // No contact opened 400 days before the data end.
            #expect(whole.evaluable[2] == 0)
            var merged = FCRWindowTally(windows: windows)
            timeline.entries.withUnsafeBufferPointer { e in
                var start = 0
                for i in 1...e.count where i == e.count || e[i].customer != e[i - 1].customer {
                    var part = FCRWindowTally(windows: windows)
                    part.add(e, start..<i, byCause: scope == .cause, dataEnd: dataEnd)
                    merged.merge(part)
                    start = i
                }
            }
            #expect(merged == whole, "\(scope)")
        }
    }

    /// One window, up to four (one vector of four lanes), five to eight (eight lanes) and more (one window at a
    /// time): the counts of the plain rules, including a window of zero (only ties in time repeat) and one
    /// longer than the data (no contact evaluable).
    @Test(arguments: [[86_400], [0, 86_400, 7 * 86_400], [3_600, 86_400, 2 * 86_400, 3 * 86_400, 7 * 86_400, 400 * 86_400],
                      (0..<11).map { Int64($0) * 43_200 }] as [[Int64]])
    func everyNumberOfWindowsCountsAsThePlainRules(windows: [Int64]) {
        let dataEnd: EpochSeconds = 30 * 86_400
        var timeline = Self.timeline(3_000, threads: .callerOnly)
        for scope in RepeatContactWindow.Scope.allCases {
            timeline.sort(for: scope)
            let tally = FCRWindowTally(timeline, scope: scope, windows: windows, dataEnd: dataEnd)
            let expected = Self.reference(timeline.entries, scope: scope, windows: windows, dataEnd: dataEnd)
            #expect(tally.resolved == expected.map(\.0), "\(scope) \(windows.count)")
            #expect(tally.evaluable == expected.map(\.1), "\(scope) \(windows.count)")
            #expect(tally.evaluable.contains { $0 > 0 })
        }
    }
}
