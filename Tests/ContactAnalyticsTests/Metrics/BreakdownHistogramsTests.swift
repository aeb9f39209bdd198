import Testing
@testable import ContactAnalytics

/// Each value lands in its five slices' histograms; whole numbers below 256 are exact in slice histograms.
@Suite struct BreakdownHistogramsTests {
    /// Two channels, three cause slots; queue 1 and period 0 added (queue and agent 0 are "none").
    static func histograms() -> BreakdownHistograms {
        var h = BreakdownHistograms(channelCount: 2, causeSlotCount: 3)
        h.addQueue()
        h.addPeriod()
        return h
    }

    @Test func aValueCountsInEachOfItsSlices() {
        var h = Self.histograms()
        for v: Float in [10, 20, 30] { h.record(v, sign: 1, channel: 0, cause: 1, queue: 1, agent: 0, period: 0) }
        h.record(40, sign: 1, channel: 1, cause: 1, queue: 0, agent: 0, period: 0)
        h.record(.nan, sign: 1, channel: 1, cause: 2, queue: 0, agent: 0, period: 0) // no value: nothing
        #expect(h.byChannel.map(\.count) == [3, 1])
        #expect(h.byChannel[0].median == 20)
        #expect(h.byChannel[1].median == 40)
        #expect(h.byCause.map(\.count) == [0, 4, 0])
        #expect(h.byCause[1].median == 25) // (20 + 30) / 2
        #expect(h.byCause[0].median == nil)
        #expect(h.byQueue.map(\.count) == [1, 3])
        #expect(h.byQueue[1].median == 20)
        #expect(h.byAgent.map(\.count) == [4])
        #expect(h.byPeriod[0].percentile(0.9) == 40) // rank ceil(0.9 * 4) = 4
        #expect(h.byPeriod[0].percentile(0.5) == 20) // rank 2
    }

    /// The priority slots' histograms are slices like the others: a value counts in its priority's (slot 0 when
    /// none is given), and a value taken back leaves it.
    @Test func aValueCountsInItsPrioritySlot() {
        var h = Self.histograms()
        #expect(h.byPriority.count == ServiceTargets.prioritySlots)
        h.record(10, sign: 1, channel: 0, cause: 1, priority: 1, queue: 1, agent: 0, period: 0)
        h.record(30, sign: 1, channel: 0, cause: 1, priority: 1, queue: 1, agent: 0, period: 0)
        h.record(1000, sign: 1, channel: 1, cause: 1, priority: 3, queue: 0, agent: 0, period: 0)
        h.record(0, sign: 1, channel: 1, cause: 1, queue: 0, agent: 0, period: 0) // slot 0, the low bucket
        #expect(h.byPriority.map(\.count) == [1, 2, 0, 1, 0])
        #expect(h.byPriority[1].median == 20)
        #expect(h.byPriority[3].median == 1000)
        #expect(h.byPriority[0].median == 0)
        #expect(h.byChannel.map(\.count) == [2, 2]) // the other slices as before
        h.record(10, sign: -1, channel: 0, cause: 1, priority: 1, queue: 1, agent: 0, period: 0)
        #expect(h.byPriority[1].count == 1)
        #expect(h.byPriority[1].median == 30)
        // Merged by slot, like channels and causes.
        var other = Self.histograms()
        other.record(50, sign: 1, channel: 0, cause: 0, priority: 1, queue: 0, agent: 0, period: 0)
        h.merge(other, queueIDs: [0, 1], agentIDs: [0], periodIDs: [0])
        #expect(h.byPriority.map(\.count) == [1, 2, 0, 1, 0])
        #expect(h.byPriority[1].median == 40) // 30 and 50
    }

    @Test func aValueTakenBackLeavesItsSlices() {
        var h = Self.histograms()
        for v: Float in [10, 20, 30] { h.record(v, sign: 1, channel: 0, cause: 1, queue: 1, agent: 0, period: 0) }
        h.record(10, sign: -1, channel: 0, cause: 1, queue: 1, agent: 0, period: 0)
        #expect(h.byChannel[0].count == 2)
        #expect(h.byChannel[0].median == 25)
        #expect(h.byQueue[1].median == 25)
    }

    /// From 512 to 1024 a slice bucket is 4 wide: 1000 and 1001 share [1000, 1004) and read as its midpoint.
    @Test func valuesSharingABucketReadAsItsMidpoint() {
        var h = Self.histograms()
        h.record(1000, sign: 1, channel: 0, cause: 0, queue: 0, agent: 0, period: 0)
        #expect(h.byChannel[0].median == 1000) // one value: exact
        h.record(1001, sign: 1, channel: 0, cause: 0, queue: 0, agent: 0, period: 0)
        #expect(h.byChannel[0].median == 1002)
    }

    /// Merging maps the other's queue, agent and period ids to these ids.
    @Test func mergeMatchesQueuesAgentsAndPeriodsByID() {
        var here = Self.histograms()
        here.addQueue() // queue 2
        here.record(5, sign: 1, channel: 0, cause: 0, queue: 1, agent: 0, period: 0)
        var other = BreakdownHistograms(channelCount: 2, causeSlotCount: 3)
        other.addQueue() // its queue 1 is queue 2 here
        other.addAgent() // its agent 1 is agent 0 here (agentIDs below)
        other.addPeriod()
        other.record(100, sign: 1, channel: 1, cause: 2, queue: 1, agent: 1, period: 0)
        other.record(7, sign: 1, channel: 0, cause: 0, queue: 0, agent: 0, period: 0)
        here.merge(other, queueIDs: [0, 2], agentIDs: [0, 0], periodIDs: [0])
        #expect(here.byQueue.map(\.count) == [1, 1, 1])
        #expect(here.byQueue[2].median == 100)
        #expect(here.byQueue[1].median == 5)
        #expect(here.byQueue[0].median == 7)
        #expect(here.byAgent.map(\.count) == [3])
        #expect(here.byCause[2].median == 100)
        #expect(here.byChannel[0].median == 6) // 5 and 7
        #expect(here.byPeriod[0].count == 3)
    }

    /// `histogram` reads as `reference`: the same count and the same values at every quantile asked.
    static func expectSame(_ histogram: QuantileHistogram, _ reference: QuantileHistogram,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(histogram.count == reference.count, sourceLocation: sourceLocation)
        #expect(histogram.median == reference.median, sourceLocation: sourceLocation)
        for p in [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1] {
            #expect(histogram.percentile(p) == reference.percentile(p), sourceLocation: sourceLocation)
        }
    }

    /// Bucket updates wait in batches (`PendingBucketUpdates.capacity`) and are applied in the order they were made: with
    /// more values than several batches hold, some taken back (so the sign changes within a batch) and some in
    /// the low bucket, every slice reads as a histogram given the same values one by one. Reading applies
    /// nothing in place (it reads a copy); `applyPending()` does, and the slices read the same after it.
    @Test func pendingUpdatesReadAsUpdatesAppliedOneByOne() {
        var h = Self.histograms()
        var channel = [QuantileHistogram(), QuantileHistogram()], cause = [QuantileHistogram(), QuantileHistogram(),
                                                                           QuantileHistogram()]
        var queue1 = QuantileHistogram(), everything = QuantileHistogram()
        var generator = SeededGenerator(seed: 7)
        func record(_ value: Float, sign: Int, _ i: Int) {
            h.record(value, sign: sign, channel: i % 2, cause: i % 3, queue: i % 5 == 0 ? 1 : 0, agent: 0, period: 0)
            channel[i % 2].record(value, sign: sign)
            cause[i % 3].record(value, sign: sign)
            if i % 5 == 0 { queue1.record(value, sign: sign) }
            everything.record(value, sign: sign)
        }
        for i in 0..<(PendingBucketUpdates.capacity + 17) {
            // Below 256 each whole number has a bucket of its own; above, buckets are shared (and mixed).
            let value = i % 11 == 0 ? 0 : Float(generator.uniform(i % 2 == 0 ? 200 : 3_000))
            record(value, sign: 1, i)
            if i % 7 == 3 { record(value, sign: -1, i) }
        }
        #expect(h.pendingUpdates > 0)
        for _ in 0..<2 {
            for c in 0..<2 { Self.expectSame(h.byChannel[c], channel[c]) }
            for c in 0..<3 { Self.expectSame(h.byCause[c], cause[c]) }
            Self.expectSame(h.byQueue[1], queue1)
            Self.expectSame(h.byAgent[0], everything)
            Self.expectSame(h.byPeriod[0], everything)
            Self.expectSame(h.byPriority[0], everything)
            h.applyPending()
            #expect(h.pendingUpdates == 0)
        }
        #expect(everything.count == h.byAgent[0].count)
        #expect(everything.count > PendingBucketUpdates.capacity / 6)
    }

    /// A merge adds what the other histograms hold with their pending updates applied.
    @Test func mergeAppliesPendingUpdates() {
        var here = Self.histograms(), other = Self.histograms()
        here.record(10, sign: 1, channel: 0, cause: 0, queue: 0, agent: 0, period: 0)
        other.record(30, sign: 1, channel: 0, cause: 0, queue: 1, agent: 0, period: 0)
        other.record(50, sign: 1, channel: 0, cause: 0, queue: 1, agent: 0, period: 0)
        #expect(here.pendingUpdates == 6)
        #expect(other.pendingUpdates == 12)
        here.merge(other, queueIDs: [0, 1], agentIDs: [0], periodIDs: [0])
        #expect(here.pendingUpdates == 0)
        #expect(here.byChannel[0].count == 3)
        #expect(here.byChannel[0].median == 30)
        #expect(here.byQueue[1].median == 40)
        #expect(here.byQueue[0].median == 10)
    }

    @Test func groupsAreMergedFromTheirParts() {
        var a = QuantileHistogram(), b = QuantileHistogram(), c = QuantileHistogram()
        a.add(1)
        a.add(2)
        b.add(3)
        c.add(5)
        let groups = BreakdownHistograms.merged([a, b, c], groupOf: [0, 1, 0], groupCount: 3)
        #expect(groups.map(\.count) == [3, 1, 0])
        #expect(groups[0].median == 2)
        #expect(groups[1].median == 3)
        #expect(groups[2].median == nil)
    }
}
