/// What the timeline walk adds up: each counted contact's outcome (repeat, evaluable, resolved; a repeat
/// that is not avoidable by cause adds its cost to the avoidable cost) in the sums of its channel, cause,
/// queue, agent and period, the channel switches, and the contacts of each customer.
///
/// `walk` covers a large timeline in two halves (`ContactTimeline.customerSplit`: no customer is in both), on
/// two threads when the timeline's budget has one free, each with sums of its own, then adds them up; every sum is a count or an
/// `ExactSum`, so the result is the same as one walk's.
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

    private mutating func countCustomer(withContacts k: Int) {
        if k >= customersWithContacts.count {
            customersWithContacts.append(contentsOf: repeatElement(0, count: k + 1 - customersWithContacts.count))
        }
        customersWithContacts[k] += 1
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
    static func walk(_ timeline: ContactTimeline, window: RepeatContactWindow, dataEnd: EpochSeconds,
                     slices: [DimensionSliceTable.Slice], avoidableSlot: [Bool], channelCount: Int,
                     empty: TimelineOutcomes) -> TimelineOutcomes {
        let count = timeline.entries.count
        guard count >= ContactTimeline.parallelThreshold else {
            var outcomes = empty
            outcomes.add(timeline, 0..<count, window, dataEnd, slices, avoidableSlot, channelCount)
            return outcomes
        }
        let split = timeline.customerSplit
        let halves = timeline.threads.map(iterations: 2) { half in
            var outcomes = empty
            outcomes.add(timeline, half == 0 ? 0..<split : split..<count, window, dataEnd, slices, avoidableSlot,
                         channelCount)
            return outcomes
        }
        var outcomes = halves[0]
        outcomes.merge(halves[1])
        return outcomes
    }

    /// Walks `range` and adds each counted contact's outcome. While walking, the sums go to two tables only: by
    /// the entry's slice id (queue, agent, period, priority and language at once) and by (channel, cause); they
    /// are spread to the seven breakdowns once at the end. Every sum is a count or an `ExactSum`, so this gives
    /// the same figures as adding each contact to all seven.
    private mutating func add(_ timeline: ContactTimeline, _ range: Range<Int>, _ window: RepeatContactWindow,
                              _ dataEnd: EpochSeconds, _ slices: [DimensionSliceTable.Slice], _ avoidableSlot: [Bool],
                              _ channelCount: Int) {
        let causeCount = byCause.count
        var bySlice = [TimelineOutcomeSums](repeating: TimelineOutcomeSums(), count: slices.count)
        var byChannelCause = [TimelineOutcomeSums](repeating: TimelineOutcomeSums(), count: byChannel.count * causeCount)
        var currentCustomer: UInt64 = 0, currentCount = 0
        // Channel switches by `from * channelCount + to` while walking (no dictionary update per repeat).
        var switchCounts = [Int](repeating: 0, count: channelCount * channelCount)
        bySlice.withUnsafeMutableBufferPointer { bySlice in
            byChannelCause.withUnsafeMutableBufferPointer { byChannelCause in
                guard let slices = bySlice.baseAddress else { return }
                // The slices' sums are megabytes for millions of contacts: each entry's are a cache miss, asked
                // for (both lines they may straddle) a few entries early.
                let ahead = { (entry: ContactTimeline.Entry) in
                    let sums = UnsafeRawPointer(slices + Int(entry.slice))
                    CacheLine.prefetchForWriting(sums)
                    CacheLine.prefetchForWriting(sums + (MemoryLayout<TimelineOutcomeSums>.size - 1))
                }
                timeline.walk(range, window: window, dataEnd: dataEnd, ahead: ahead) { entry, outcome in
                    if entry.customer != currentCustomer {
                        if currentCount > 0 { countCustomer(withContacts: currentCount) }
                        currentCustomer = entry.customer
                        currentCount = 0
                    }
                    guard entry.counted else { return }
                    currentCount += 1
                    var sums = TimelineOutcomeSums()
                    if outcome.isEvaluable {
                        sums.evaluable = 1
                        sums.resolved = outcome.isResolved ? 1 : 0
                    }
                    if outcome.isRepeat {
                        sums.repeats = 1
                        sums.repeatCost.add(entry.cost, sign: 1)
                        sums.repeatsAfterOutside = outcome.repeatsOutsideHours ? 1 : 0
                        if !avoidableSlot[Int(entry.cause)] {
                            sums.repeatOnly = 1
                            sums.avoidableCost.add(entry.cost, sign: 1)
                        }
                        let from = Int(outcome.repeatsChannel), to = Int(entry.channel)
                        if from != to { switchCounts[from * channelCount + to] += 1 }
                    }
                    guard sums.evaluable != 0 || sums.repeats != 0 else { return }
                    bySlice[Int(entry.slice)].merge(sums)
                    byChannelCause[Int(entry.channel) * causeCount + Int(entry.cause)].merge(sums)
                }
            }
        }
        if currentCount > 0 { countCustomer(withContacts: currentCount) }
        for (key, count) in switchCounts.enumerated() where count > 0 { switches[key, default: 0] += count }
        let none = TimelineOutcomeSums()
        for (id, sums) in bySlice.enumerated() where sums != none {
            let slice = slices[id]
            byQueue[Int(slice.queue)].merge(sums)
            byAgent[Int(slice.agent)].merge(sums)
            byPeriod[Int(slice.period)].merge(sums)
            byPriority[Int(slice.priority)].merge(sums)
            byLanguage[Int(slice.language)].merge(sums)
        }
        for channel in byChannel.indices {
            for cause in 0..<causeCount {
                let sums = byChannelCause[channel * causeCount + cause]
                guard sums != none else { continue }
                byChannel[channel].merge(sums)
                byCause[cause].merge(sums)
            }
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
