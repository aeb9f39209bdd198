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

    /// A timeline with many ties: `customers` customers spread over the whole hash range (both halves of a
    /// large sort), three causes and 40 distinct times, in random order.
    static func tieHeavy(_ count: Int, customers: Int, threads: ThreadBudget) -> ContactTimeline {
        var generator = SeededGenerator(seed: UInt64(count * 31 + customers))
        var timeline = ContactTimeline(threads: threads)
        for i in 0..<count {
            let customer = (generator.next() % UInt64(customers) + 1) &* 0x9E37_79B9_7F4A_7C15
            timeline.append(customer: customer | 1, time: Int64(generator.next() % 40),
                            cause: Int32(generator.next() % 3), channel: 0, counted: true, index: UInt32(i),
                            slice: 0, cost: 0)
        }
        return timeline
    }

    /// The order of `sort(for:)` by the standard library's sort, keyed by customer, (cause,) time and index.
    static func reference(_ timeline: ContactTimeline, _ scope: RepeatContactWindow.Scope) -> [UInt32] {
        timeline.entries.sorted { a, b in
            let causeA = scope == .cause ? a.cause : 0, causeB = scope == .cause ? b.cause : 0
            return (a.customer, causeA, a.time, a.index) < (b.customer, causeB, b.time, b.index)
        }.map(\.index)
    }

    /// Sorted for one scope, then for the other (only each customer's entries reorder), then back: each time the
    /// order of a sort from scratch. Small and large timelines (the large one in halves, on one thread or two),
    /// and one customer with every entry (one long run).
    @Test(arguments: [(300, 7, 0), (5_000, 1, 1), (ContactTimeline.parallelThreshold + 777, 3_000, 0),
                      (ContactTimeline.parallelThreshold + 777, 3_000, 2)])
    func resortingForTheOtherScopeGivesTheFullOrder(count: Int, customers: Int, threads: Int) {
        for first in RepeatContactWindow.Scope.allCases {
            let second: RepeatContactWindow.Scope = first == .cause ? .any : .cause
            var timeline = Self.tieHeavy(count, customers: customers, threads: ThreadBudget(threads: threads))
            let expectedFirst = Self.reference(timeline, first), expectedSecond = Self.reference(timeline, second)
            #expect(expectedFirst != expectedSecond)
            timeline.sort(for: first)
            #expect(timeline.entries.map(\.index) == expectedFirst)
            timeline.sort(for: second)
            #expect(timeline.entries.map(\.index) == expectedSecond, "\(first) then \(second)")
            timeline.sort(for: first)
            #expect(timeline.entries.map(\.index) == expectedFirst, "back to \(first)")
        }
    }

    /// Customers whose hashes share one of three top bytes (0x00, 0x80, 0xFF), so the buckets of the top byte
    /// are large enough to split again by the next bits (`ContactTimeline.secondSplitThreshold`); some customers
    /// differ only below the second byte.
    static func skewed(_ count: Int, threads: ThreadBudget) -> ContactTimeline {
        var generator = SeededGenerator(seed: 5)
        var timeline = ContactTimeline(threads: threads)
        let tops: [UInt64] = [0x00, 0x80, 0xFF]
        for i in 0..<count {
            let low = generator.next() % 4 == 0 ? generator.next() % 50 : generator.next() % 20_000 &* 0x9E37_79B9_7F4A_7C15
            let customer = tops[Int(generator.next() % 3)] << 56 | (low & 0x00FF_FFFF_FFFF_FFFF) | 1
            timeline.append(customer: customer, time: Int64(generator.next() % 100),
                            cause: Int32(generator.next() % 2), channel: 0, counted: true, index: UInt32(i),
                            slice: 0, cost: 0)
        }
        return timeline
    }

    /// Large buckets of the top byte split by the next bits before they sort: the order is still the standard
    /// sort's, for both scopes, on one thread or two.
    @Test(arguments: [0, 2])
    func largeBucketsSplitAgainAndSortAsTheStandardSort(threads: Int) {
        for scope in RepeatContactWindow.Scope.allCases {
            var timeline = Self.skewed(ContactTimeline.parallelThreshold + 999, threads: ThreadBudget(threads: threads))
            let expected = Self.reference(timeline, scope)
            timeline.sort(for: scope)
            #expect(timeline.entries.map(\.index) == expected, "\(scope)")
        }
    }

    /// One partition pass: every entry lands in the bucket of its byte, buckets in byte order, none lost.
    @Test(arguments: [56, 48, 0] as [UInt64])
    func bucketsHoldTheirByteOnly(shift: UInt64) {
        var timeline = Self.skewed(10_000, threads: .callerOnly)
        let before = timeline.entries.map(\.index).sorted()
        var bounds: [Int] = []
        var holding: [Bool] = []
        timeline.entries.withUnsafeMutableBufferPointer { buffer in
            let buckets = CustomerBuckets(partitioning: buffer, shift: shift)
            bounds = buckets.bounds
            for b in 0..<256 {
                holding.append(buckets.bucket(b, of: buffer).allSatisfy { Int(($0.customer >> shift) & 0xFF) == b })
            }
        }
        #expect(bounds.count == 257 && bounds[0] == 0 && bounds[256] == 10_000)
        #expect(holding.allSatisfy { $0 })
        #expect(timeline.entries.map(\.index).sorted() == before)
        // The skewed hashes fill only three buckets of the top byte.
        if shift == 56 {
            #expect((0..<256).filter { bounds[$0 + 1] > bounds[$0] } == [0x00, 0x80, 0xFF])
        }
    }
}

/// The wider second split of a large bucket: keys of 1 to 16 bits, and how many bits a bucket splits by.
@Suite struct CustomerBucketsWidthTests {
    /// Every entry lands in the bucket of its key, buckets in key order, none lost, for narrow and wide keys.
    @Test(arguments: [(44, 12), (40, 16), (63, 1), (0, 9)] as [(UInt64, Int)])
    func bucketsHoldTheirKeyOnly(shift: UInt64, bits: Int) {
        var timeline = TimelineSortTests.skewed(10_000, threads: .callerOnly)
        let before = timeline.entries.map(\.index).sorted()
        let mask = UInt64(1 << bits - 1)
        var bounds: [Int] = []
        var misplaced = 0
        timeline.entries.withUnsafeMutableBufferPointer { buffer in
            let buckets = CustomerBuckets(partitioning: buffer, shift: shift, bits: bits)
            bounds = buckets.bounds
            for b in 0..<buckets.count {
                misplaced += buckets.bucket(b, of: buffer).filter { Int(($0.customer >> shift) & mask) != b }.count
            }
        }
        #expect(bounds.count == (1 << bits) + 1 && bounds.first == 0 && bounds.last == 10_000)
        #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(misplaced == 0)
        #expect(timeline.entries.map(\.index).sorted() == before)
    }

    /// About four entries a part, from 4 to 16 bits: floor(log2(count / 4)), clamped.
    @Test func splitBitsLeaveAboutFourEntriesAPart() {
        #expect(ContactTimeline.secondSplitBits(40) == 4)
        #expect(ContactTimeline.secondSplitBits(256) == 6)
        #expect(ContactTimeline.secondSplitBits(780) == 7)
        #expect(ContactTimeline.secondSplitBits(2_048) == 9)
        #expect(ContactTimeline.secondSplitBits(4_095) == 9)
        #expect(ContactTimeline.secondSplitBits(4_096) == 10)
        #expect(ContactTimeline.secondSplitBits(19_500) == 12)
        #expect(ContactTimeline.secondSplitBits(1_000_000) == 16)
    }
}
