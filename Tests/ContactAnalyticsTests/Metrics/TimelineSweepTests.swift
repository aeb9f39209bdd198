import Testing
@testable import ContactAnalytics

/// The report's one pass over the timeline (`TimelineSweep`: the timeline sorted for scope `any` only, walked
/// and tallied for both scopes block by block, in two halves on two threads) against the straightforward passes
/// it replaces: one `TimelineOutcomes.walk` over the timeline sorted for the configured scope, and one
/// `FCRWindowTally` per scope over the whole timeline sorted from scratch for it.
@Suite struct TimelineSweepTests {
    static let day: Int64 = 86_400
    static let windows: [Int64] = [86_400, 3 * 86_400, 7 * 86_400, 30 * 86_400]
    static let channels = Channel.allCases.count
    /// Slice 0 unused; slices 1-3 spread over two queues, two agents, two periods, priorities and languages.
    static let slices = [DimensionSliceTable.Slice(queue: 0, agent: 0, period: 0),
                         DimensionSliceTable.Slice(queue: 1, agent: 0, period: 0, priority: 1, language: 1),
                         DimensionSliceTable.Slice(queue: 0, agent: 1, period: 1, priority: 2, language: 0),
                         DimensionSliceTable.Slice(queue: 1, agent: 1, period: 1, priority: 0, language: 2)]
    /// Slots 0 (unclassified) to 5; 2 and 4 are avoidable.
    static let avoidable = [false, false, true, false, true, false]

    static var empty: TimelineOutcomes {
        TimelineOutcomes(channels: channels, causeSlots: 6, queues: 2, agents: 2, periods: 2)
    }

    /// One contact: customer, day (or seconds with `seconds`), cause, channel; counted unless said.
    struct Contact {
        var customer: UInt64
        var time: Int64
        var cause: Int32 = 1
        var channel: UInt8 = 0
        var counted = true
    }

    static func timeline(_ contacts: [Contact], threads: ThreadBudget = .callerOnly) -> ContactTimeline {
        var t = ContactTimeline(threads: threads)
        for (i, c) in contacts.enumerated() {
            t.append(customer: c.customer, time: c.time, cause: c.cause, channel: c.channel, counted: c.counted,
                     index: UInt32(i), slice: c.counted ? UInt32(1 + i % 3) : 0, cost: Float(i % 5) + 0.25,
                     outsideHours: i % 4 == 0)
        }
        return t
    }

    /// The sweep's figures and the order it leaves (sorted for scope `any`), and those of the straightforward
    /// passes.
    struct Figures {
        var outcomes: TimelineOutcomes
        var tallies: [FCRWindowTally]
        var order: [UInt32]
    }

    static func swept(_ timeline: ContactTimeline, scope: RepeatContactWindow.Scope, dataEnd: EpochSeconds,
                      blockSize: Int = ContactTimeline.sweepBlock) -> Figures {
        var timeline = timeline
        let window = RepeatContactWindow(days: 7, scope: scope)
        timeline.sort(for: scope)
        let sweep = TimelineSweep(&timeline, window: window, windows: windows, dataEnd: dataEnd, slices: slices,
                                  avoidableSlot: avoidable, channelCount: channels, empty: empty, blockSize: blockSize)
        return Figures(outcomes: sweep.outcomes, tallies: sweep.fcrTallies, order: timeline.entries.map(\.index))
    }

    static func straightforward(_ timeline: ContactTimeline, scope: RepeatContactWindow.Scope,
                                dataEnd: EpochSeconds) -> Figures {
        var plain = ContactTimeline()
        plain.entries = timeline.entries
        let window = RepeatContactWindow(days: 7, scope: scope)
        plain.sort(for: scope)
        let outcomes = TimelineOutcomes.walk(plain, window: window, dataEnd: dataEnd, slices: slices,
                                             avoidableSlot: avoidable, channelCount: channels, empty: empty)
        var tallies: [FCRWindowTally] = []
        for tallied in [RepeatContactWindow.Scope.cause, .any] {
            var sorted = ContactTimeline()
            sorted.entries = timeline.entries
            sorted.sort(for: tallied)
            tallies.append(FCRWindowTally(sorted, scope: tallied, windows: windows, dataEnd: dataEnd))
        }
        var any = ContactTimeline()
        any.entries = timeline.entries
        any.sort(for: .any)
        return Figures(outcomes: outcomes, tallies: tallies, order: any.entries.map(\.index))
    }

    /// Every field of the outcomes, the tallies and the order left behind are the same.
    static func expectSame(_ a: Figures, _ b: Figures, _ note: String) {
        #expect(a.outcomes.byChannel == b.outcomes.byChannel, "\(note)")
        #expect(a.outcomes.byCause == b.outcomes.byCause, "\(note)")
        #expect(a.outcomes.byQueue == b.outcomes.byQueue, "\(note)")
        #expect(a.outcomes.byAgent == b.outcomes.byAgent, "\(note)")
        #expect(a.outcomes.byPeriod == b.outcomes.byPeriod, "\(note)")
        #expect(a.outcomes.byPriority == b.outcomes.byPriority, "\(note)")
        #expect(a.outcomes.byLanguage == b.outcomes.byLanguage, "\(note)")
        #expect(a.outcomes.switches == b.outcomes.switches, "\(note)")
        #expect(a.outcomes.customersWithContacts == b.outcomes.customersWithContacts, "\(note)")
        #expect(a.tallies == b.tallies, "\(note)")
        #expect(a.order == b.order, "\(note)")
    }

    /// Both scopes (the sweep starting from a timeline sorted for the configured one), and block sizes from one
    /// entry (every block one customer) to more than the timeline.
    static func expectSweepMatches(_ contacts: [Contact], dataEnd: EpochSeconds, threads: Int = 0,
                                   _ note: String) {
        for scope in RepeatContactWindow.Scope.allCases {
            let reference = straightforward(timeline(contacts), scope: scope, dataEnd: dataEnd)
            for blockSize in [1, 2, 7, ContactTimeline.sweepBlock] {
                let swept = swept(timeline(contacts, threads: ThreadBudget(threads: threads)), scope: scope,
                                  dataEnd: dataEnd, blockSize: blockSize)
                expectSame(swept, reference, "\(note), \(scope), blocks of \(blockSize)")
            }
        }
    }

    @Test func emptyTimeline() {
        let figures = Self.swept(Self.timeline([]), scope: .cause, dataEnd: 10 * Self.day)
        #expect(figures.outcomes.customersWithContacts.isEmpty)
        #expect(figures.outcomes.byCause.allSatisfy { $0 == TimelineOutcomeSums() })
        #expect(figures.tallies.map(\.evaluable) == [[0, 0, 0, 0], [0, 0, 0, 0]])
        #expect(figures.order.isEmpty)
        Self.expectSweepMatches([], dataEnd: 10 * Self.day, "empty")
    }

    /// One contact on day 0, data end day 40: evaluable and resolved under every window, in both scopes.
    @Test func oneContact() {
        let contacts = [Contact(customer: 7, time: 0)]
        let figures = Self.swept(Self.timeline(contacts), scope: .cause, dataEnd: 40 * Self.day)
        #expect(figures.tallies.map(\.evaluable) == [[1, 1, 1, 1], [1, 1, 1, 1]])
        #expect(figures.tallies.map(\.resolved) == [[1, 1, 1, 1], [1, 1, 1, 1]])
        #expect(figures.outcomes.customersWithContacts == [0, 1])
        #expect(figures.outcomes.byCause[1].evaluable == 1 && figures.outcomes.byCause[1].resolved == 1)
        Self.expectSweepMatches(contacts, dataEnd: 40 * Self.day, "one contact")
    }

    /// Contacts at the edges of the windows, data end day 40 (hand-counted):
    /// - customer 1, cause 1: day 0, exactly 3 days later (day 3), then 1 day and 1 s later: under the windows 1,
    ///   3, 7, 30 days day 0 is resolved under 1 day only (its next is exactly 3 days on: a repeat within 3
    ///   days), day 3 under 1 day only, the last under all.
    /// - customer 2: day 10 exactly (evaluable under 30 days: 40 - 30 = 10) and day 39 (evaluable under 1 day
    ///   only: 39 <= 40 - 1), another cause: scope cause resolves day 10 under all, scope any under 1, 3, 7.
    /// - customer 3: day 37 exactly 3 days before the end (evaluable under 1 and 3 days), not counted twin at
    ///   day 37 (a tie in time, after it by input order): the twin is its next contact under both scopes.
    @Test func windowEdgesByHand() {
        let d = Self.day
        let contacts = [Contact(customer: 1, time: 0), Contact(customer: 1, time: 3 * d),
                        Contact(customer: 1, time: 4 * d + 1),
                        Contact(customer: 2, time: 10 * d, cause: 1), Contact(customer: 2, time: 39 * d, cause: 2),
                        Contact(customer: 3, time: 37 * d), Contact(customer: 3, time: 37 * d, counted: false)]
        let figures = Self.swept(Self.timeline(contacts), scope: .cause, dataEnd: 40 * d)
        // Evaluable: customer 1's three under all; day 10 under all; day 39 under 1 day; day 37 under 1 and 3.
        #expect(figures.tallies[0].evaluable == [6, 5, 4, 4])
        #expect(figures.tallies[1].evaluable == [6, 5, 4, 4])
        // Scope cause: customer 1 [1,0,0,0] + [1,0,0,0] + [1,1,1,1]; day 10 [1,1,1,1]; day 39 [1,0,0,0] (evaluable
        // under 1 day only); day 37 has its twin 0 s later: never resolved.
        #expect(figures.tallies[0].resolved == [5, 2, 2, 2])
        // Scope any: day 10's next is day 39 (29 days on): resolved under 1, 3, 7 days, not 30.
        #expect(figures.tallies[1].resolved == [5, 2, 2, 1])
        // The configured window (7 days, scope cause): days 3 and 4+1s repeat the contact before them; evaluable
        // up to day 33: customer 1's three and day 10, of which the last of customer 1 and day 10 are resolved.
        let cause1 = figures.outcomes.byCause[1]
        #expect((cause1.repeats, cause1.evaluable, cause1.resolved) == (2, 4, 2))
        #expect(figures.outcomes.byCause[2] == TimelineOutcomeSums()) // day 39: neither evaluable nor a repeat
        #expect(figures.outcomes.customersWithContacts == [0, 1, 1, 1])
        Self.expectSweepMatches(contacts, dataEnd: 40 * d, "window edges")
    }

    /// Ties in time: one customer's contacts at the same instant, in several causes and channels, in input
    /// order (the last sort key) within the tie.
    @Test func tiesInTime() {
        var contacts: [Contact] = []
        for i in 0..<30 {
            contacts.append(Contact(customer: UInt64(i % 3 + 1) << 60 | 5, time: Int64(i % 2) * Self.day,
                                    cause: Int32(i % 3), channel: UInt8(i % 4), counted: i % 7 != 0))
        }
        Self.expectSweepMatches(contacts, dataEnd: 10 * Self.day, "ties")
    }

    /// One customer with many contacts: a run far longer than a block (and than `ContactTimeline.shortRun`),
    /// which no block may cut; a cause seen only at its first and last contact (the scans for a contact's
    /// previous and next of the same cause cross the whole run), and one seen once.
    @Test func oneCustomerWithManyContacts() {
        var generator = SeededGenerator(seed: 77)
        var contacts = [Contact(customer: 0xABCD, time: 0, cause: 4), Contact(customer: 0xABCD, time: 59 * Self.day, cause: 4),
                        Contact(customer: 0xABCD, time: 30 * Self.day, cause: 5)]
        for i in 0..<5_000 {
            contacts.append(Contact(customer: 0xABCD, time: Int64(generator.next() % (60 * 86_400)),
                                    cause: Int32(generator.next() % 3), channel: UInt8(generator.next() % 4),
                                    counted: i % 9 != 0))
        }
        contacts.append(Contact(customer: 0x1, time: 5))
        contacts.append(Contact(customer: UInt64.max, time: 5))
        Self.expectSweepMatches(contacts, dataEnd: 60 * Self.day, "one busy customer")
    }

    /// A timeline large enough to go in two halves: the same figures on the calling thread or on two.
    @Test(arguments: [0, 1])
    func twoHalvesOnOneOrTwoThreads(threads: Int) {
        var generator = SeededGenerator(seed: 12)
        var contacts: [Contact] = []
        for i in 0..<(ContactTimeline.parallelThreshold + 2_500) {
            let customer = (generator.next() % 20_000 + 1) &* 0x9E37_79B9_7F4A_7C15 | 1
            contacts.append(Contact(customer: customer, time: Int64(generator.next() % (90 * 86_400)),
                                    cause: Int32(generator.next() % 3), channel: UInt8(generator.next() % 4),
                                    counted: i % 10 != 0))
        }
        let budget = ThreadBudget(threads: threads)
        for scope in RepeatContactWindow.Scope.allCases {
            let reference = Self.straightforward(Self.timeline(contacts), scope: scope, dataEnd: 90 * Self.day)
            let swept = Self.swept(Self.timeline(contacts, threads: budget), scope: scope, dataEnd: 90 * Self.day)
            Self.expectSame(swept, reference, "\(threads) threads, \(scope)")
            #expect(reference.outcomes.byCause.map(\.repeats).reduce(0, +) > 0)
        }
        #expect(budget.peak == threads)
    }
}
