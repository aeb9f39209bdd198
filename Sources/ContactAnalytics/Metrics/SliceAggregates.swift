/// Everything a report adds up per slice, regardless of order: for each channel, cause slot, queue, agent and
/// period, the `MetricAccumulator` sums (all but repeats and FCR, which the timeline walk adds) and the
/// `QuantileHistogram` of resolution times; finer histograms of handle and resolution times for the whole
/// range (reports give the handle-time median there only); plus contacts per period and channel, and per
/// period and cause, and contacts per channel and local weekday-hour (`ArrivalGrid`). It grows with the number of distinct queues, agents and periods, never with the contacts.
///
/// The metrics engine keeps one; each worker thread of an analysis can keep its own and the engine merges them
/// at the end (`merge(_:)`, by queue and agent name and by period). Every sum is exact (`ExactSum`, whole
/// counts, histogram buckets), so the merged figures do not depend on how contacts were shared out.
struct SliceAggregates: Sendable {
    let csatThreshold: Double
    /// Every (channel, priority) pair's first-reply and resolution target, and the answer threshold.
    let targets: ServiceTargets.Table
    /// Per cause slot: whether the cause is avoidable.
    let avoidableSlot: [Bool]
    let channelCount = Channel.allCases.count

    // Dimensions: ids in order of first appearance.
    private(set) var queues = NameInterner()
    private(set) var agents = NameInterner()
    private var periodIDs: [Int32: Int32] = [:]
    private(set) var periodKeys: [Int32] = []
    private var lastPeriodKey = Int32.min
    private var lastPeriodID: Int32 = 0

    var byChannel: [MetricAccumulator]
    var byCause: [MetricAccumulator]
    /// By queue and agent id; id 0 is "none".
    var byQueue = [MetricAccumulator()]
    var byAgent = [MetricAccumulator()]
    var byPeriod: [MetricAccumulator] = []
    /// By priority slot (`ServiceTargets.prioritySlots`: 0 = none or unrecognised), with their resolution and
    /// first-reply histograms.
    var byPriority = [MetricAccumulator](repeating: MetricAccumulator(), count: ServiceTargets.prioritySlots)
    var resolutionByPriority = [QuantileHistogram](repeating: QuantileHistogram(), count: ServiceTargets.prioritySlots)
    var firstReplyByPriority = [QuantileHistogram](repeating: QuantileHistogram(), count: ServiceTargets.prioritySlots)
    /// By language slot (`ContactLanguage.slot`: 0 = unknown).
    var byLanguage = [MetricAccumulator](repeating: MetricAccumulator(), count: ContactLanguage.slotCount)
    /// Flat tables: period x channel and period x cause slot.
    private(set) var periodChannels: [Int] = []
    private(set) var periodCause: [Int] = []
    /// Handle and resolution times of every counted contact, finer than the slices' (`wholeRangeBits`) and
    /// exact up to `QuantileHistogram.exactLimit` values: the report's headline medians and p90.
    var handleTimes = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits, keepsExactValues: true)
    var resolutionTimesTotal = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits,
                                                 keepsExactValues: true)
    var resolutionTimes: BreakdownHistograms
    /// First-reply times: of the whole range, and of every slice.
    var firstReplyTimesTotal = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits,
                                                 keepsExactValues: true)
    var firstReplyTimes: BreakdownHistograms
    /// The same for resolution times in business hours (`ContactFacts.businessResolution`).
    var businessResolutionTimesTotal = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits,
                                                         keepsExactValues: true)
    var businessResolutionTimes: BreakdownHistograms
    /// The same for first-reply times in business hours (`ContactFacts.businessFirstReply`).
    var businessFirstReplyTimesTotal = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits,
                                                         keepsExactValues: true)
    var businessFirstReplyTimes: BreakdownHistograms
    /// Contacts by channel and local weekday-hour cell: `channel * ArrivalGrid.cells + cell`.
    private(set) var arrivals: [Int]
    /// Calls (contacts with an answered value) by the local hour they opened in, 0-23: their phone-queue sums.
    var byHour = [MetricAccumulator](repeating: MetricAccumulator(), count: 24)
    /// The contacts open at the end of their own period, for the backlog (`BacklogLedger`).
    private(set) var backlog = BacklogLedger()

    var slotCount: Int { avoidableSlot.count }

    /// Empty aggregates for `avoidableSlot.count` cause slots (slot 0 = unclassified).
    init(csatThreshold: Double, avoidableSlot: [Bool], targets: ServiceTargets = ServiceTargets()) {
        self.csatThreshold = csatThreshold
        self.targets = ServiceTargets.Table(targets)
        self.avoidableSlot = avoidableSlot
        byChannel = Array(repeating: MetricAccumulator(), count: channelCount)
        byCause = Array(repeating: MetricAccumulator(), count: avoidableSlot.count)
        resolutionTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        firstReplyTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        businessResolutionTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        businessFirstReplyTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        arrivals = Array(repeating: 0, count: channelCount * ArrivalGrid.cells)
    }

    /// The (queue, agent, period) slices of the identified contacts added with `add(_:)`.
    private(set) var slices = DimensionSliceTable()

    /// Adds a counted contact (its sums and times) to every slice it belongs to. Returns, for a contact with a
    /// customer, the id of its (queue, agent, period) slice in `slices` (0 without a customer).
    /// `queueName` and `agentName` are the contact's queue and agent (nil or empty: none).
    @inline(__always)
    mutating func add(_ facts: ContactFacts, queue queueName: String?, agent agentName: String?) -> UInt32 {
        let (period, queue, agent) = dimensionIDs(periodKey: facts.periodKey, queue: queueName, agent: agentName)
        contribute(facts, slot: Int(facts.causeSlot), period: period, queue: queue, agent: agent, sign: 1)
        guard facts.customerHash != 0 else { return 0 }
        return slices.id(queue: UInt32(queue), agent: UInt32(agent), period: UInt32(period),
                         priority: UInt32(facts.priority), language: UInt32(facts.language))
    }

    /// The period, queue and agent ids of a counted contact, made (with their slices) the first time each is
    /// seen.
    @inline(__always)
    mutating func dimensionIDs(periodKey: Int32, queue: String?, agent: String?) -> (period: Int, queue: Int, agent: Int) {
        (periodID(periodKey), queueID(queue), agentID(agent))
    }

    @inline(__always)
    mutating func periodID(_ key: Int32) -> Int {
        if key == lastPeriodKey { return Int(lastPeriodID) }
        let period: Int32
        if let known = periodIDs[key] {
            period = known
        } else {
            period = Int32(periodKeys.count)
            periodIDs[key] = period
            periodKeys.append(key)
            byPeriod.append(MetricAccumulator())
            periodChannels.append(contentsOf: repeatElement(0, count: channelCount))
            periodCause.append(contentsOf: repeatElement(0, count: slotCount))
            resolutionTimes.addPeriod()
            firstReplyTimes.addPeriod()
            businessResolutionTimes.addPeriod()
            businessFirstReplyTimes.addPeriod()
        }
        (lastPeriodKey, lastPeriodID) = (key, period)
        return Int(period)
    }

    @inline(__always)
    mutating func queueID(_ name: String?) -> Int {
        let queue = Int(queues.id(of: name))
        if queue == byQueue.count {
            byQueue.append(MetricAccumulator())
            resolutionTimes.addQueue()
            firstReplyTimes.addQueue()
            businessResolutionTimes.addQueue()
            businessFirstReplyTimes.addQueue()
        }
        return queue
    }

    @inline(__always)
    mutating func agentID(_ name: String?) -> Int {
        let agent = Int(agents.id(of: name))
        if agent == byAgent.count {
            byAgent.append(MetricAccumulator())
            resolutionTimes.addAgent()
            firstReplyTimes.addAgent()
            businessResolutionTimes.addAgent()
            businessFirstReplyTimes.addAgent()
        }
        return agent
    }

    /// Adds (`sign` 1) or takes back (`sign` -1) what a counted contact contributes regardless of order: every
    /// sum but repeats and FCR, and its handle and resolution times. `slot` is its cause slot.
    @inline(__always)
    mutating func contribute(_ facts: ContactFacts, slot: Int, period: Int, queue: Int, agent: Int,
                             sign: Int) {
        let f = facts.flags
        var sums = MetricAccumulator()
        sums.contacts = sign
        sums.identified = f.contains(.identified) ? sign : 0
        sums.classified = slot == 0 ? 0 : sign
        sums.costTotal.add(facts.cost, sign: sign)
        if !facts.handle.isNaN {
            sums.handleSum.add(facts.handle, sign: sign)
            sums.handleCount = sign
        }
        if f.contains(.csatNumeric) {
            sums.csatResponses = sign
            sums.csatSatisfied = Double(facts.csatScore) >= csatThreshold ? sign : 0
            sums.csatNumericSum.add(facts.csatScore, sign: sign)
            sums.csatNumericCount = sign
        } else if f.contains(.csatSatisfied) || f.contains(.csatUnsatisfied) {
            sums.csatResponses = sign
            sums.csatSatisfied = f.contains(.csatSatisfied) ? sign : 0
        }
        if f.contains(.exportResolved) || f.contains(.exportUnresolved) {
            sums.exportFCRKnown = sign
            sums.exportFCRResolved = f.contains(.exportResolved) ? sign : 0
        }
        if facts.fcrFlag != 0 {
            sums.flagKnown = sign
            sums.flagResolved = facts.fcrFlag == 1 ? sign : 0
        }
        if facts.touches != 0 {
            sums.touchesKnown = sign
            sums.oneTouch = facts.touches == 1 ? sign : 0
        }
        if facts.hours != .unknown {
            sums.hoursKnown = sign
            if facts.hours.isOutside {
                sums.outsideHours = sign
                sums.outsideHoliday = facts.hours == .holiday ? sign : 0
            }
        }
        if avoidableSlot[slot] {
            sums.avoidableByCause = sign
            sums.avoidableCost = sums.costTotal
        }
        let target = targets.index(channel: facts.channel, priority: facts.priority)
        if !facts.firstReply.isNaN {
            sums.firstReplies = sign
            let limit = targets.firstReply[target]
            if !limit.isNaN {
                sums.firstReplyTargeted = sign
                sums.firstReplyMet = facts.firstReply <= limit ? sign : 0
            }
        }
        if !facts.resolution.isNaN {
            let limit = targets.resolution[target]
            if !limit.isNaN {
                sums.resolutionTargeted = sign
                sums.resolutionMet = facts.resolution <= limit ? sign : 0
            }
        }
        if facts.answered == 1 {
            sums.answered = sign
            if !facts.wait.isNaN {
                sums.waitSum.add(facts.wait, sign: sign)
                sums.waitCount = sign
                sums.answeredWithin = facts.wait <= targets.answeredWithin ? sign : 0
            }
        } else if facts.answered == 2 {
            sums.abandoned = sign
            sums.abandonedWithin = !facts.wait.isNaN && facts.wait <= targets.answeredWithin ? sign : 0
        }
        if facts.reopened != 0 {
            sums.reopenKnown = sign
            sums.reopened = facts.reopened == 2 ? sign : 0
        }
        let channel = Int(facts.channel)
        byChannel[channel].mergeContribution(sums)
        byCause[slot].mergeContribution(sums)
        byQueue[queue].mergeContribution(sums)
        byAgent[agent].mergeContribution(sums)
        byPeriod[period].mergeContribution(sums)
        let priority = Int(facts.priority)
        byPriority[priority].mergeContribution(sums)
        byLanguage[Int(facts.language)].mergeContribution(sums)
        periodChannels[period * channelCount + channel] += sign
        periodCause[period * slotCount + slot] += sign
        // The histograms take finite values only (a NaN time is none): a time that is not is not handed on.
        if facts.handle.isFinite { handleTimes.record(facts.handle, sign: sign) }
        if facts.resolution.isFinite {
            resolutionByPriority[priority].record(facts.resolution, sign: sign)
            resolutionTimesTotal.record(facts.resolution, sign: sign)
            resolutionTimes.record(facts.resolution, sign: sign, channel: channel, cause: slot, queue: queue,
                                   agent: agent, period: period)
        }
        if facts.firstReply.isFinite {
            firstReplyByPriority[priority].record(facts.firstReply, sign: sign)
            firstReplyTimesTotal.record(facts.firstReply, sign: sign)
            firstReplyTimes.record(facts.firstReply, sign: sign, channel: channel, cause: slot, queue: queue,
                                   agent: agent, period: period)
        }
        if facts.businessResolution.isFinite {
            businessResolutionTimesTotal.record(facts.businessResolution, sign: sign)
            businessResolutionTimes.record(facts.businessResolution, sign: sign, channel: channel, cause: slot,
                                           queue: queue, agent: agent, period: period)
        }
        if facts.businessFirstReply.isFinite {
            businessFirstReplyTimesTotal.record(facts.businessFirstReply, sign: sign)
            businessFirstReplyTimes.record(facts.businessFirstReply, sign: sign, channel: channel, cause: slot,
                                           queue: queue, agent: agent, period: period)
        }
        arrivals[channel * ArrivalGrid.cells + Int(facts.arrival)] += sign
        backlog.record(facts, slot: slot, queue: queue, agent: agent, sign: sign)
        if facts.answered != 0 { byHour[Int(facts.arrival) % 24].mergeContribution(sums) }
    }

    /// Adds everything `other` holds (made with the same cause slots), matching queues and agents by name and
    /// periods by key. Returns the ids here of `other`'s queue, agent and period ids.
    @discardableResult
    mutating func merge(_ other: SliceAggregates) -> (queues: [Int], agents: [Int], periods: [Int]) {
        precondition(other.slotCount == slotCount, "merging aggregates of different taxonomies")
        for c in 0..<channelCount { byChannel[c].merge(other.byChannel[c]) }
        for s in 0..<slotCount { byCause[s].merge(other.byCause[s]) }
        for p in 0..<byPriority.count {
            byPriority[p].merge(other.byPriority[p])
            resolutionByPriority[p].merge(other.resolutionByPriority[p])
            firstReplyByPriority[p].merge(other.firstReplyByPriority[p])
        }
        for l in 0..<byLanguage.count { byLanguage[l].merge(other.byLanguage[l]) }
        let queueIDs = other.queues.names.map { queueID($0) }
        let agentIDs = other.agents.names.map { agentID($0) }
        let periodIDs = other.periodKeys.map { periodID($0) }
        for (q, id) in queueIDs.enumerated() { byQueue[id].merge(other.byQueue[q]) }
        for (a, id) in agentIDs.enumerated() { byAgent[id].merge(other.byAgent[a]) }
        for (p, period) in periodIDs.enumerated() {
            byPeriod[period].merge(other.byPeriod[p])
            for c in 0..<channelCount { periodChannels[period * channelCount + c] += other.periodChannels[p * channelCount + c] }
            for s in 0..<slotCount { periodCause[period * slotCount + s] += other.periodCause[p * slotCount + s] }
        }
        handleTimes.merge(other.handleTimes)
        resolutionTimesTotal.merge(other.resolutionTimesTotal)
        resolutionTimes.merge(other.resolutionTimes, queueIDs: queueIDs, agentIDs: agentIDs, periodIDs: periodIDs)
        firstReplyTimesTotal.merge(other.firstReplyTimesTotal)
        firstReplyTimes.merge(other.firstReplyTimes, queueIDs: queueIDs, agentIDs: agentIDs, periodIDs: periodIDs)
        businessResolutionTimesTotal.merge(other.businessResolutionTimesTotal)
        businessResolutionTimes.merge(other.businessResolutionTimes, queueIDs: queueIDs, agentIDs: agentIDs,
                                      periodIDs: periodIDs)
        businessFirstReplyTimesTotal.merge(other.businessFirstReplyTimesTotal)
        businessFirstReplyTimes.merge(other.businessFirstReplyTimes, queueIDs: queueIDs, agentIDs: agentIDs,
                                      periodIDs: periodIDs)
        for i in arrivals.indices { arrivals[i] += other.arrivals[i] }
        backlog.merge(other.backlog, queueIDs: queueIDs, agentIDs: agentIDs)
        for hour in 0..<24 { byHour[hour].merge(other.byHour[hour]) }
        return (queueIDs, agentIDs, periodIDs)
    }
}
