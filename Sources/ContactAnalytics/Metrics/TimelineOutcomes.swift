/// What the timeline walk adds up: each counted contact's outcome (repeat, evaluable, resolved; a repeat
/// that is not avoidable by cause adds its cost to the avoidable cost) in the sums of its channel, cause,
/// queue, agent and period, the channel switches, and the contacts of each customer.
///
/// A large timeline is walked in two halves (`ContactTimeline.customerSplit`: no customer is in both), on two
/// threads when the timeline's budget has one free, each with sums of its own (`Pass`), then added up (`merge`);
/// every sum is a count or an `ExactSum`, so the result is the same as one walk's, whatever the parts.
struct TimelineOutcomes: Sendable {
    var byChannel: [TimelineOutcomeSums]
    var byCause: [TimelineOutcomeSums]
    var byQueue: [TimelineOutcomeSums]
    var byAgent: [TimelineOutcomeSums]
    var byPeriod: [TimelineOutcomeSums]
    var byPriority = [TimelineOutcomeSums](repeating: TimelineOutcomeSums(), count: ServiceTargets.prioritySlots)
    var byLanguage = [TimelineOutcomeSums](repeating: TimelineOutcomeSums(), count: ContactLanguage.slotCount)
    /// Repeats whose channel differs from the contact they repeat, by `from * channelCount + to`.
    var switches: [Int: Int] = [:]
    /// `customersWithContacts[k]`: how many customers have `k` counted contacts (k >= 1).
    var customersWithContacts: [Int] = []

    /// Customers with counted contacts.
    var customers: Int { customersWithContacts.reduce(0, +) }

    /// The counted contacts of the `top` customers with the most of them.
    func contactsOfBusiestCustomers(_ top: Int) -> Int {
        var remaining = top, contacts = 0
        for k in stride(from: customersWithContacts.count - 1, through: 1, by: -1) where remaining > 0 {
            let taken = min(remaining, customersWithContacts[k])
            contacts += taken * k
            remaining -= taken
        }
        return contacts
    }

    /// Empty sums for slices of these sizes.
    init(channels: Int, causeSlots: Int, queues: Int, agents: Int, periods: Int) {
        byChannel = Array(repeating: TimelineOutcomeSums(), count: channels)
        byCause = Array(repeating: TimelineOutcomeSums(), count: causeSlots)
        byQueue = Array(repeating: TimelineOutcomeSums(), count: queues)
        byAgent = Array(repeating: TimelineOutcomeSums(), count: agents)
        byPeriod = Array(repeating: TimelineOutcomeSums(), count: periods)
    }

    /// Walks the sorted `timeline` (in two halves when it is large) and returns the outcomes, starting from
    /// `empty`. `slices` gives each entry's queue, agent and period; `avoidableSlot` each cause slot's flag.
    /// (The report walks the timeline in `TimelineSweep`, block by block with its FCR tallies, through `Pass`;
    /// this walk, over entries sorted for the window's own scope, is kept as the plain definition that
    /// `TimelineSweepTests` hold the sweep to.)
    static func walk(_ timeline: ContactTimeline, window: RepeatContactWindow, dataEnd: EpochSeconds,
                     slices: [DimensionSliceTable.Slice], avoidableSlot: [Bool], channelCount: Int,
                     empty: TimelineOutcomes) -> TimelineOutcomes {
        let count = timeline.entries.count
        let ranges = count >= ContactTimeline.parallelThreshold
            ? [0..<timeline.customerSplit, timeline.customerSplit..<count] : [0..<count]
        let halves = timeline.threads.map(iterations: ranges.count) { half in
            var pass = Pass(empty: empty, slices: slices, avoidableSlot: avoidableSlot, channelCount: channelCount)
            timeline.entries.withUnsafeBufferPointer { e in
                pass.add(e, ranges[half], window: window, dataEnd: dataEnd)
            }
            return pass.finish()
        }
        var outcomes = halves[0]
        for half in halves.dropFirst() { outcomes.merge(half) }
        return outcomes
    }

    /// One thread's walk of parts of the timeline: `add` the ranges (each starting and ending at a change of
    /// customer; any number, in any order), then `finish` gives their outcomes added to `empty`. While walking,
    /// the sums go to two tables only: by the entry's slice id (queue, agent, period, priority and language at
    /// once) and by (channel, cause); they are spread to the seven breakdowns once, in `finish`. Every sum is a
    /// count or an `ExactSum`, so this gives the same figures as adding each contact to all seven.
    struct Pass: Sendable {
        private var outcomes: TimelineOutcomes
        private let slices: [DimensionSliceTable.Slice]
        private let avoidableSlot: [Bool]
        private let channelCount: Int
        private var bySlice: [TimelineOutcomeSums]
        private var byChannelCause: [TimelineOutcomeSums]
        /// Channel switches by `from * channelCount + to` while walking (no dictionary update per repeat).
        private var switchCounts: [Int]
        /// The customer of the last entry walked and its counted contacts so far.
        private var currentCustomer: UInt64 = 0, currentCount = 0

        /// A walk adding to `empty`; `slices` gives each entry's queue, agent and period, `avoidableSlot` each
        /// cause slot's flag.
        init(empty: TimelineOutcomes, slices: [DimensionSliceTable.Slice], avoidableSlot: [Bool], channelCount: Int) {
            outcomes = empty
            self.slices = slices
            self.avoidableSlot = avoidableSlot
            self.channelCount = channelCount
            bySlice = [TimelineOutcomeSums](repeating: TimelineOutcomeSums(), count: slices.count)
            byChannelCause = [TimelineOutcomeSums](repeating: TimelineOutcomeSums(),
                                                   count: empty.byChannel.count * empty.byCause.count)
            switchCounts = [Int](repeating: 0, count: channelCount * channelCount)
        }

        /// Walks `range` of `e` (sorted for `window.scope`) and adds each counted contact's outcome; reads no
        /// entry outside `range`.
        mutating func add(_ e: UnsafeBufferPointer<ContactTimeline.Entry>, _ range: Range<Int>,
                          window: RepeatContactWindow, dataEnd: EpochSeconds) {
            add { record, ahead in
                ContactTimeline.walk(e, range, window: window, dataEnd: dataEnd, ahead: ahead, record)
            }
        }

        /// `add` for entries sorted for scope `any` whatever `window.scope` (`ContactTimeline.walkTimeOrdered`),
        /// counting each counted contact in FCR counters of scope `cause` and `any` as it goes.
        @inline(__always)
        mutating func addTimeOrdered<V: SIMD & Sendable>(
            _ e: UnsafeBufferPointer<ContactTimeline.Entry>, _ range: Range<Int>, window: RepeatContactWindow,
            dataEnd: EpochSeconds, causeTally: inout FCRWindowTally.Counter<V>, anyTally: inout FCRWindowTally.Counter<V>
        ) where V.Scalar == UInt64 {
            add { record, ahead in
                ContactTimeline.walkTimeOrdered(e, range, window: window, dataEnd: dataEnd,
                                                ahead: ahead) { entry, outcome, gapAny, gapCause in
                    if entry.counted {
                        anyTally.count(time: entry.time, gap: gapAny)
                        causeTally.count(time: entry.time, gap: gapCause)
                    }
                    record(entry, outcome)
                }
            }
        }

        /// Adds each entry's outcome that `walking` gives `record` (its walk of a range), and prefetches the
        /// sums of each entry `walking` gives `ahead`.
        @inline(__always)
        private mutating func add(
            walking: (_ record: (ContactTimeline.Entry, ContactTimeline.Outcome) -> Void,
                      _ ahead: (ContactTimeline.Entry) -> Void) -> Void
        ) {
            let causeCount = outcomes.byCause.count, channelCount = self.channelCount
            let avoidableSlot = self.avoidableSlot
            var currentCustomer = self.currentCustomer, currentCount = self.currentCount
            var customersWithContacts = outcomes.customersWithContacts
            bySlice.withUnsafeMutableBufferPointer { bySlice in
                byChannelCause.withUnsafeMutableBufferPointer { byChannelCause in
                    switchCounts.withUnsafeMutableBufferPointer { switchCounts in
                        guard let slices = bySlice.baseAddress else { return }
                        // The slices' sums are megabytes for millions of contacts: each entry's are a cache
                        // miss, asked for (both lines they may straddle) a few entries early.
                        let ahead = { (entry: ContactTimeline.Entry) in
                            let sums = UnsafeRawPointer(slices + Int(entry.slice))
                            CacheLine.prefetchForWriting(sums)
                            CacheLine.prefetchForWriting(sums + (MemoryLayout<TimelineOutcomeSums>.size - 1))
                        }
                        func record(_ entry: ContactTimeline.Entry, _ outcome: ContactTimeline.Outcome) {
                            if entry.customer != currentCustomer {
                                if currentCount > 0 { Self.count(customerWith: currentCount, in: &customersWithContacts) }
                                currentCustomer = entry.customer
                                currentCount = 0
                            }
                            guard entry.counted else { return }
                            currentCount += 1
                            let cell = Int(entry.channel) * causeCount + Int(entry.cause)
                            guard outcome.isRepeat else {
                                // Most contacts: evaluable or not, and resolved; no cost to add.
                                guard outcome.isEvaluable else { return }
                                let resolved = outcome.isResolved ? 1 : 0
                                bySlice[Int(entry.slice)].evaluable &+= 1
                                bySlice[Int(entry.slice)].resolved &+= resolved
                                byChannelCause[cell].evaluable &+= 1
                                byChannelCause[cell].resolved &+= resolved
                                return
                            }
                            var sums = TimelineOutcomeSums()
                            if outcome.isEvaluable {
                                sums.evaluable = 1
                                sums.resolved = outcome.isResolved ? 1 : 0
                            }
                            sums.repeats = 1
                            sums.repeatCost.add(entry.cost, sign: 1)
                            sums.repeatsAfterOutside = outcome.repeatsOutsideHours ? 1 : 0
                            if !avoidableSlot[Int(entry.cause)] {
                                sums.repeatOnly = 1
                                sums.avoidableCost.add(entry.cost, sign: 1)
                            }
                            let from = Int(outcome.repeatsChannel), to = Int(entry.channel)
                            if from != to { switchCounts[from * channelCount + to] += 1 }
                            bySlice[Int(entry.slice)].merge(sums)
                            byChannelCause[cell].merge(sums)
                        }
                        walking(record, ahead)
                    }
                }
            }
            self.currentCustomer = currentCustomer
            self.currentCount = currentCount
            outcomes.customersWithContacts = customersWithContacts
        }

        /// The outcomes of every range added, added to `empty`.
        consuming func finish() -> TimelineOutcomes {
            if currentCount > 0 { Self.count(customerWith: currentCount, in: &outcomes.customersWithContacts) }
            currentCount = 0
            for (key, count) in switchCounts.enumerated() where count > 0 { outcomes.switches[key, default: 0] += count }
            let none = TimelineOutcomeSums()
            for (id, sums) in bySlice.enumerated() where sums != none {
                let slice = slices[id]
                outcomes.byQueue[Int(slice.queue)].merge(sums)
                outcomes.byAgent[Int(slice.agent)].merge(sums)
                outcomes.byPeriod[Int(slice.period)].merge(sums)
                outcomes.byPriority[Int(slice.priority)].merge(sums)
                outcomes.byLanguage[Int(slice.language)].merge(sums)
            }
            let causeCount = outcomes.byCause.count
            for channel in outcomes.byChannel.indices {
                for cause in 0..<causeCount {
                    let sums = byChannelCause[channel * causeCount + cause]
                    guard sums != none else { continue }
                    outcomes.byChannel[channel].merge(sums)
                    outcomes.byCause[cause].merge(sums)
                }
            }
            return outcomes
        }

        /// One more customer with `k` counted contacts in `customersWithContacts`.
        private static func count(customerWith k: Int, in customersWithContacts: inout [Int]) {
            if k >= customersWithContacts.count {
                customersWithContacts.append(contentsOf: repeatElement(0, count: k + 1 - customersWithContacts.count))
            }
            customersWithContacts[k] += 1
        }
    }

    mutating func merge(_ other: TimelineOutcomes) {
        for i in byChannel.indices { byChannel[i].merge(other.byChannel[i]) }
        for i in byCause.indices { byCause[i].merge(other.byCause[i]) }
        for i in byQueue.indices { byQueue[i].merge(other.byQueue[i]) }
        for i in byAgent.indices { byAgent[i].merge(other.byAgent[i]) }
        for i in byPeriod.indices { byPeriod[i].merge(other.byPeriod[i]) }
        for i in byPriority.indices { byPriority[i].merge(other.byPriority[i]) }
        for i in byLanguage.indices { byLanguage[i].merge(other.byLanguage[i]) }
        switches.merge(other.switches, uniquingKeysWith: +)
        for (k, customers) in other.customersWithContacts.enumerated() where customers > 0 {
            if k >= customersWithContacts.count {
                customersWithContacts.append(contentsOf: repeatElement(0, count: k + 1 - customersWithContacts.count))
            }
            customersWithContacts[k] += customers
        }
    }

    /// Adds the outcomes to the order-independent sums of each slice.
    func add(to sums: inout SliceAggregates) {
        for i in byChannel.indices { sums[.channel, i].mergeOutcome(byChannel[i]) }
        for i in byCause.indices { sums[.cause, i].mergeOutcome(byCause[i]) }
        for i in byQueue.indices { sums[.queue, i].mergeOutcome(byQueue[i]) }
        for i in byAgent.indices { sums[.agent, i].mergeOutcome(byAgent[i]) }
        for i in byPeriod.indices { sums[.period, i].mergeOutcome(byPeriod[i]) }
        for i in byPriority.indices { sums[.priority, i].mergeOutcome(byPriority[i]) }
        for i in byLanguage.indices { sums[.language, i].mergeOutcome(byLanguage[i]) }
    }
}
