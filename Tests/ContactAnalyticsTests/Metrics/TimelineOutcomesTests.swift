import Testing
@testable import ContactAnalytics

/// A hand-built timeline walked for repeats, FCR, channel switches and contacts per customer.
@Suite struct TimelineOutcomesTests {
    static let day: Int64 = 86_400
    static let phone = UInt8(Channel.phone.ordinal), email = UInt8(Channel.email.ordinal)
    static let chat = UInt8(Channel.chat.ordinal)
    static let channels = Channel.allCases.count
    /// Slice 1: queue 1, agent 0, period 0; slice 2: queue 0, agent 1, period 1.
    static let slices = [DimensionSliceTable.Slice(queue: 0, agent: 0, period: 0),
                         DimensionSliceTable.Slice(queue: 1, agent: 0, period: 0),
                         DimensionSliceTable.Slice(queue: 0, agent: 1, period: 1)]
    /// Slots 0 (unclassified), 1 and 2; only 2 is avoidable.
    static let avoidable = [false, false, true]

    /// Customer 1: day 0 (phone), day 2 (email, a repeat of day 0: a switch), day 20 (phone, 18 days on: not
    /// a repeat). Customer 2: day 1 cause 2 and day 3 cause 1 (scope cause: not a repeat). Customer 3: day 5
    /// outside the reporting range (context only), day 6 (a repeat of it). Data end day 20: contacts up to
    /// day 13 are evaluable.
    static func timeline(threads: ThreadBudget = .callerOnly) -> ContactTimeline {
        var t = ContactTimeline(threads: threads)
        t.append(customer: 1, time: 0, cause: 1, channel: phone, counted: true, index: 0, slice: 1, cost: 1)
        t.append(customer: 1, time: 2 * day, cause: 1, channel: email, counted: true, index: 1, slice: 1, cost: 3)
        t.append(customer: 2, time: 1 * day, cause: 2, channel: chat, counted: true, index: 2, slice: 1, cost: 2)
        t.append(customer: 2, time: 3 * day, cause: 1, channel: chat, counted: true, index: 3, slice: 1, cost: 2)
        t.append(customer: 3, time: 5 * day, cause: 1, channel: phone, counted: false, index: 4, slice: 0, cost: 9)
        t.append(customer: 3, time: 6 * day, cause: 1, channel: phone, counted: true, index: 5, slice: 2, cost: 0.5)
        t.append(customer: 1, time: 20 * day, cause: 1, channel: phone, counted: true, index: 6, slice: 2, cost: 1)
        return t
    }

    static func walk(_ timeline: ContactTimeline, scope: RepeatContactWindow.Scope = .cause) -> TimelineOutcomes {
        var timeline = timeline
        let window = RepeatContactWindow(days: 7, scope: scope)
        timeline.sort(for: scope)
        return TimelineOutcomes.walk(timeline, window: window, dataEnd: 20 * day, slices: slices,
                                     avoidableSlot: avoidable, channelCount: channels,
                                     empty: TimelineOutcomes(channels: channels, causeSlots: 3, queues: 2, agents: 2,
                                                             periods: 2))
    }

    @Test func repeatsFCRAndSwitchesByHand() {
        let o = Self.walk(Self.timeline())
        // Repeats: customer 1 day 2 and customer 3 day 6, both cause 1 (not avoidable): repeat-only avoidable,
        // with their costs 3 and 0.5.
        #expect(o.byCause.map(\.repeats) == [0, 2, 0])
        #expect(o.byCause.map(\.repeatOnly) == [0, 2, 0])
        #expect(o.byCause[1].avoidableCost.value == 3.5)
        // Evaluable (day <= 13): all counted but day 20 = 5; resolved: all of them but customer 1's day 0 = 4.
        #expect(o.byCause.map(\.evaluable) == [0, 4, 1])
        #expect(o.byCause.map(\.resolved) == [0, 3, 1])
        let phone = o.byChannel[Int(Self.phone)], email = o.byChannel[Int(Self.email)], chat = o.byChannel[Int(Self.chat)]
        #expect((phone.evaluable, phone.resolved, phone.repeats) == (2, 1, 1))
        #expect((email.evaluable, email.resolved, email.repeats) == (1, 1, 1))
        #expect((chat.evaluable, chat.resolved, chat.repeats) == (2, 2, 0))
        // Slices: slice 1 (queue 1, period 0) holds days 0, 2, 1, 3; slice 2 (agent 1, period 1) day 6 (day 20
        // adds nothing: not evaluable, not a repeat).
        #expect(o.byQueue.map(\.evaluable) == [1, 4])
        #expect(o.byQueue.map(\.resolved) == [1, 3])
        #expect(o.byQueue.map(\.repeats) == [1, 1])
        #expect(o.byAgent.map(\.evaluable) == [4, 1])
        #expect(o.byPeriod.map(\.repeats) == [1, 1])
        // One switch, phone to email (customer 3 repeats phone by phone).
        #expect(o.switches == [Int(Self.phone) * Self.channels + Int(Self.email): 1])
        // Counted contacts per customer: 3, 2 and 1.
        #expect(o.customersWithContacts == [0, 1, 1, 1])
        #expect(o.customers == 3)
        #expect(o.contactsOfBusiestCustomers(1) == 3)
        #expect(o.contactsOfBusiestCustomers(2) == 5)
        #expect(o.contactsOfBusiestCustomers(10) == 6)
    }

    /// Scope any: customer 2's day 3 repeats its day 1 (another cause, same channel) and day 1 is then not
    /// resolved.
    @Test func scopeAnyMatchesAcrossCauses() {
        let o = Self.walk(Self.timeline(), scope: .any)
        #expect(o.byCause.map(\.repeats) == [0, 3, 0])
        #expect(o.byCause.map(\.resolved) == [0, 3, 0])
        #expect(o.switches.values.reduce(0, +) == 1)
    }

    /// The outcomes added to the order-independent sums of each slice.
    @Test func outcomesAddToTheSliceSums() {
        var sums = SliceAggregates(csatThreshold: 4, avoidableSlot: Self.avoidable)
        _ = sums.queueID("q")
        _ = sums.agentID("a")
        _ = sums.periodID(1)
        _ = sums.periodID(2)
        Self.walk(Self.timeline()).add(to: &sums)
        #expect(sums.byCause.map(\.repeats) == [0, 2, 0])
        #expect(sums.byQueue.map(\.evaluable) == [1, 4])
        #expect(sums.byCause.map(\.contacts) == [0, 0, 0]) // the walk adds outcomes only
    }

    /// A timeline large enough to be walked in two halves gives the outcomes of one walk, on the caller's
    /// thread or on two.
    @Test func twoHalvesGiveTheOutcomesOfOne() {
        var generator = SeededGenerator(seed: 5)
        var serial = ContactTimeline(), parallel = ContactTimeline(threads: ThreadBudget(threads: 1))
        for i in 0..<(ContactTimeline.parallelThreshold + 1000) {
            let customer = UInt64.random(in: 1...UInt64.max, using: &generator) % 9000 &* 0x9E37_79B9_7F4A_7C15 | 1
            let time = Int64.random(in: 0..<(60 * Self.day), using: &generator)
            let cause = Int32.random(in: 0...2, using: &generator)
            let channel = UInt8.random(in: 0...3, using: &generator)
            let counted = i % 10 != 0, slice = UInt32(i % 3), cost = Float(i % 7)
            serial.append(customer: customer, time: time, cause: cause, channel: channel, counted: counted,
                          index: UInt32(i), slice: slice, cost: cost)
            parallel.append(customer: customer, time: time, cause: cause, channel: channel, counted: counted,
                            index: UInt32(i), slice: slice, cost: cost)
        }
        let one = Self.walk(serial), two = Self.walk(parallel)
        #expect(one.byCause.map(\.repeats) == two.byCause.map(\.repeats))
        #expect(one.byCause.map(\.resolved) == two.byCause.map(\.resolved))
        #expect(one.byChannel.map(\.evaluable) == two.byChannel.map(\.evaluable))
        #expect(one.byQueue.map(\.avoidableCost) == two.byQueue.map(\.avoidableCost))
        #expect(one.switches == two.switches)
        #expect(one.customersWithContacts == two.customersWithContacts)
        #expect(one.byCause.map(\.repeats).reduce(0, +) > 0)
        #expect(parallel.threads.peak == 1)
    }
}
