import Testing
@testable import ContactAnalytics

/// The background sort gives the order of an ordinary sort, within its budget.
@Suite struct TimelineSortTests {
    static func timeline(_ count: Int, threads: ThreadBudget) -> ContactTimeline {
        var generator = SeededGenerator(seed: 9)
        var timeline = ContactTimeline(threads: threads)
        for i in 0..<count {
            timeline.append(customer: UInt64.random(in: 1...UInt64.max, using: &generator) % 5000 &* 0xBF58_476D_1CE4_E5B9 | 1,
                            time: Int64.random(in: 0..<1_000_000, using: &generator),
                            cause: Int32.random(in: 0...3, using: &generator), channel: 0, counted: true,
                            index: UInt32(i), slice: 0, cost: 0)
        }
        return timeline
    }

    @Test(arguments: [1, 2])
    func sortsAsTheTimelineSortsItself(threads: Int) {
        let count = ContactTimeline.parallelThreshold + 500
        var reference = Self.timeline(count, threads: .callerOnly)
        reference.sort(for: .cause)
        let budget = ThreadBudget(threads: threads)
        var timeline = Self.timeline(count, threads: budget)
        let sorting = TimelineSort(taking: &timeline, scope: .cause)
        #expect(timeline.entries.isEmpty) // moved out while it sorts
        let sorted = sorting.wait()
        #expect(sorted.entries.map(\.index) == reference.entries.map(\.index))
        #expect(sorted.threads === budget)
        // The sort itself on one thread, each half on another when a second is free.
        #expect(budget.peak == threads)
        #expect(budget.reserve(upTo: threads) == threads)
    }

    @Test func scopeAnySortsByCustomerThenTime() {
        var timeline = ContactTimeline()
        timeline.append(customer: 2, time: 5, cause: 1, channel: 0, counted: true, index: 0, slice: 0, cost: 0)
        timeline.append(customer: 1, time: 9, cause: 0, channel: 0, counted: true, index: 1, slice: 0, cost: 0)
        timeline.append(customer: 1, time: 3, cause: 2, channel: 0, counted: true, index: 2, slice: 0, cost: 0)
        timeline.append(customer: 2, time: 5, cause: 0, channel: 0, counted: true, index: 3, slice: 0, cost: 0)
        let any = TimelineSort(taking: &timeline, scope: .any).wait()
        #expect(any.entries.map(\.index) == [2, 1, 0, 3]) // ties in time: input order
        var again = any
        let byCause = TimelineSort(taking: &again, scope: .cause).wait()
        #expect(byCause.entries.map(\.index) == [1, 2, 3, 0])
    }
}
