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

    /// The sums of every slice in one table (`Breakdown`; `subscript(_:_:)` and `byChannel` ... `byHour` read
    /// them): row 0 is unused, then the channels, cause slots, priority slots, language slots and hours, then a
    /// block of (channel, priority, language) triples at `tripleRow(channel, priority, language)`; from
    /// `fixedRows` on the queues, agents and periods in order of first appearance.
    ///
    /// `contribute` adds a contact to its triple's row, its cause, queue, agent and period, and the hour of a
    /// call: five or six rows, not eight, with one access (`MetricContribution.add(to:rows:)`). A channel's sums
    /// are its own row plus its triples' rows (a priority's and a language's the same way): every field adds
    /// exactly, so that is what adding each contact to its channel row would give. Reads add the triples in
    /// (`folded`); a write first moves them into the rows (`foldTriples`), as `applyPendingUpdates` does.
    private var table: [MetricAccumulator]
    /// The first row of each fixed breakdown and of the triples, and the first row after them.
    private let channelRow: Int, causeRow: Int, priorityRow: Int, languageRow: Int, hourRow: Int
    private let firstTripleRow: Int, fixedRows: Int
    /// Whether a triple's row may hold sums not yet moved into the rows of its slices (`foldTriples`).
    private var triplesPending = false
    /// The row of each queue, agent and period id; queue and agent id 0 is "none".
    private var queueRows: [Int] = []
    private var agentRows: [Int] = []
    private var periodRows: [Int] = []

    /// The breakdowns whose slices have `MetricAccumulator` sums.
    enum Breakdown: Sendable {
        case channel, cause, queue, agent, period
        /// `ServiceTargets.prioritySlots`: 0 = none or unrecognised.
        case priority
        /// `ContactLanguage.slot`: 0 = unknown.
        case language
        /// The local hour (0-23) a call opened in: the sums of contacts with an answered value only.
        case hour
    }

    /// By priority slot (`ServiceTargets.prioritySlots`: 0 = none or unrecognised), their resolution and
    /// first-reply histograms (slices of `resolutionTimes` and `firstReplyTimes`).
    var resolutionByPriority: [QuantileHistogram] { resolutionTimes.byPriority }
    var firstReplyByPriority: [QuantileHistogram] { firstReplyTimes.byPriority }
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
    /// The contacts open at the end of their own period, for the backlog (`BacklogLedger`).
    private(set) var backlog = BacklogLedger()

    var slotCount: Int { avoidableSlot.count }

    /// Empty aggregates for `avoidableSlot.count` cause slots (slot 0 = unclassified).
    init(csatThreshold: Double, avoidableSlot: [Bool], targets: ServiceTargets = ServiceTargets()) {
        self.csatThreshold = csatThreshold
        self.targets = ServiceTargets.Table(targets)
        self.avoidableSlot = avoidableSlot
        channelRow = 1
        causeRow = channelRow + channelCount
        priorityRow = causeRow + avoidableSlot.count
        languageRow = priorityRow + ServiceTargets.prioritySlots
        hourRow = languageRow + ContactLanguage.slotCount
        firstTripleRow = hourRow + 24
        fixedRows = firstTripleRow + channelCount * ServiceTargets.prioritySlots * ContactLanguage.slotCount
        table = Array(repeating: MetricAccumulator(), count: fixedRows)
        resolutionTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        firstReplyTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        businessResolutionTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        businessFirstReplyTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: avoidableSlot.count)
        arrivals = Array(repeating: 0, count: channelCount * ArrivalGrid.cells)
        // Queue and agent id 0: none.
        queueRows.append(newRow())
        agentRows.append(newRow())
    }

    /// An empty row at the end of the table.
    private mutating func newRow() -> Int {
        table.append(MetricAccumulator())
        return table.count - 1
    }

    /// The number of slices of `breakdown` (ids 0 ..< this).
    func count(of breakdown: Breakdown) -> Int {
        switch breakdown {
        case .channel: channelCount
        case .cause: slotCount
        case .queue: queueRows.count
        case .agent: agentRows.count
        case .period: periodRows.count
        case .priority: ServiceTargets.prioritySlots
        case .language: ContactLanguage.slotCount
        case .hour: 24
        }
    }

    /// The table row of slice `id` of `breakdown`.
    @inline(__always)
    private func row(_ breakdown: Breakdown, _ id: Int) -> Int {
        precondition(id >= 0 && id < count(of: breakdown), "no such slice")
        switch breakdown {
        case .channel: return channelRow + id
        case .cause: return causeRow + id
        case .queue: return queueRows[id]
        case .agent: return agentRows[id]
        case .period: return periodRows[id]
        case .priority: return priorityRow + id
        case .language: return languageRow + id
        case .hour: return hourRow + id
        }
    }

    /// The sums of slice `id` of `breakdown`.
    subscript(_ breakdown: Breakdown, _ id: Int) -> MetricAccumulator {
        get { folded(breakdown, id) }
        set {
            foldTriples()
            table[row(breakdown, id)] = newValue
        }
    }

    /// The sums of every slice of `breakdown`, by id.
    func accumulators(_ breakdown: Breakdown) -> [MetricAccumulator] {
        (0..<count(of: breakdown)).map { folded(breakdown, $0) }
    }

    /// The row of the (channel, priority, language) triple.
    @inline(__always)
    private func tripleRow(_ channel: Int, _ priority: Int, _ language: Int) -> Int {
        firstTripleRow + (channel * ServiceTargets.prioritySlots + priority) * ContactLanguage.slotCount + language
    }

    /// The sums of slice `id` of `breakdown`: its row, plus its triples' rows for a channel, priority or language.
    private func folded(_ breakdown: Breakdown, _ id: Int) -> MetricAccumulator {
        var sums = table[row(breakdown, id)]
        guard triplesPending, breakdown == .channel || breakdown == .priority || breakdown == .language else {
            return sums
        }
        let priorities = 0..<ServiceTargets.prioritySlots, languages = 0..<ContactLanguage.slotCount
        switch breakdown {
        case .channel:
            for p in priorities { for l in languages { sums.merge(table[tripleRow(id, p, l)]) } }
        case .priority:
            for c in 0..<channelCount { for l in languages { sums.merge(table[tripleRow(c, id, l)]) } }
        default:
            for c in 0..<channelCount { for p in priorities { sums.merge(table[tripleRow(c, p, id)]) } }
        }
        return sums
    }

    /// Moves the sums of every triple's row into the rows of its channel, priority and language and empties it
    /// (the figures read stay the same), so a slice's row alone holds its sums and can be written.
    private mutating func foldTriples() {
        guard triplesPending else { return }
        triplesPending = false
        for channel in 0..<channelCount {
            for priority in 0..<ServiceTargets.prioritySlots {
                for language in 0..<ContactLanguage.slotCount {
                    let triple = tripleRow(channel, priority, language)
                    // A row with no contact holds nothing (each contact added and taken back adds and takes back
                    // the same fields).
                    guard table[triple].contacts != 0 else { continue }
                    table[channelRow + channel].merge(table[triple])
                    table[priorityRow + priority].merge(table[triple])
                    table[languageRow + language].merge(table[triple])
                    table[triple] = MetricAccumulator()
                }
            }
        }
    }

    /// By channel ordinal, cause slot, queue id, agent id, period id, priority slot, language slot and hour.
    var byChannel: [MetricAccumulator] { accumulators(.channel) }
    var byCause: [MetricAccumulator] { accumulators(.cause) }
    var byQueue: [MetricAccumulator] { accumulators(.queue) }
    var byAgent: [MetricAccumulator] { accumulators(.agent) }
    var byPeriod: [MetricAccumulator] { accumulators(.period) }
    var byPriority: [MetricAccumulator] { accumulators(.priority) }
    var byLanguage: [MetricAccumulator] { accumulators(.language) }
    var byHour: [MetricAccumulator] { accumulators(.hour) }

    /// The (queue, agent, period) slices of the identified contacts added with `add(_:)`.
    private(set) var slices = DimensionSliceTable()

    /// Adds a counted contact (its sums and times) to every slice it belongs to. Returns, for a contact with a
    /// customer, the id of its (queue, agent, period) slice in `slices` (0 without a customer).
    /// `queueName` and `agentName` are the contact's queue and agent (nil or empty: none).
    @inline(__always)
    mutating func add(_ facts: ContactFacts, queue queueName: String?, agent agentName: String?) -> UInt32 {
        let queue = queueID(queueName)
        return add(facts, queueID: queue, agentID: agentID(agentName))
    }

    /// `add(_:queue:agent:)` for a contact whose queue and agent ids here are `queue` and `agent` (`queueID`,
    /// `agentID`).
    @inline(__always)
    mutating func add(_ facts: ContactFacts, queueID queue: Int, agentID agent: Int) -> UInt32 {
        let period = periodID(facts.periodKey)
        if facts.customerHash != 0 {
            // The slice's table lines arrive while the sums are added.
            slices.touch(queue: UInt32(queue), agent: UInt32(agent), period: UInt32(period),
                         priority: UInt32(facts.priority), language: UInt32(facts.language))
        }
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
            periodRows.append(newRow())
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
        if queue == queueRows.count {
            queueRows.append(newRow())
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
        if agent == agentRows.count {
            agentRows.append(newRow())
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
        var sums = MetricContribution(sign: sign)
        var cost = ExactSum()
        cost.add(facts.cost, sign: sign)
        sums.count(\.contacts)
        sums.count(\.identified, if: f.contains(.identified))
        sums.count(\.classified, if: slot != 0)
        sums.sum(\.costTotal, cost)
        if !facts.handle.isNaN {
            var handle = ExactSum()
            handle.add(facts.handle, sign: sign)
            sums.sum(\.handleSum, handle)
            sums.count(\.handleCount)
        }
        if f.contains(.csatNumeric) {
            sums.count(\.csatResponses)
            sums.count(\.csatSatisfied, if: Double(facts.csatScore) >= csatThreshold)
            var score = ExactSum()
            score.add(facts.csatScore, sign: sign)
            sums.sum(\.csatNumericSum, score)
            sums.count(\.csatNumericCount)
        } else if f.contains(.csatSatisfied) || f.contains(.csatUnsatisfied) {
            sums.count(\.csatResponses)
            sums.count(\.csatSatisfied, if: f.contains(.csatSatisfied))
        }
        if f.contains(.exportResolved) || f.contains(.exportUnresolved) {
            sums.count(\.exportFCRKnown)
            sums.count(\.exportFCRResolved, if: f.contains(.exportResolved))
        }
        if facts.fcrFlag != 0 {
            sums.count(\.flagKnown)
            sums.count(\.flagResolved, if: facts.fcrFlag == 1)
        }
        if facts.touches != 0 {
            sums.count(\.touchesKnown)
            sums.count(\.oneTouch, if: facts.touches == 1)
        }
        if facts.hours != .unknown {
            sums.count(\.hoursKnown)
            if facts.hours.isOutside {
                sums.count(\.outsideHours)
                sums.count(\.outsideHoliday, if: facts.hours == .holiday)
            }
        }
        let avoidable = avoidableSlot[slot]
        sums.count(\.avoidableByCause, if: avoidable)
        sums.sum(\.avoidableCost, cost, if: avoidable)
        let target = targets.index(channel: facts.channel, priority: facts.priority)
        if !facts.firstReply.isNaN {
            sums.count(\.firstReplies)
            let limit = targets.firstReply[target]
            if !limit.isNaN {
                sums.count(\.firstReplyTargeted)
                sums.count(\.firstReplyMet, if: facts.firstReply <= limit)
            }
        }
        if !facts.resolution.isNaN {
            let limit = targets.resolution[target]
            if !limit.isNaN {
                sums.count(\.resolutionTargeted)
                sums.count(\.resolutionMet, if: facts.resolution <= limit)
            }
        }
        if facts.answered == 1 {
            sums.count(\.answered)
            if !facts.wait.isNaN {
                var wait = ExactSum()
                wait.add(facts.wait, sign: sign)
                sums.sum(\.waitSum, wait)
                sums.count(\.waitCount)
                sums.count(\.answeredWithin, if: facts.wait <= targets.answeredWithin)
            }
        } else if facts.answered == 2 {
            sums.count(\.abandoned)
            sums.count(\.abandonedWithin, if: !facts.wait.isNaN && facts.wait <= targets.answeredWithin)
        }
        if facts.reopened != 0 {
            sums.count(\.reopenKnown)
            sums.count(\.reopened, if: facts.reopened == 2)
        }
        let channel = Int(facts.channel), priority = Int(facts.priority), language = Int(facts.language)
        precondition(channel < channelCount && priority < ServiceTargets.prioritySlots
                     && language < ContactLanguage.slotCount, "a contact's channel, priority or language out of range")
        // The (channel, priority, language) triple's row stands for three slices (`table`). Calls only (an
        // answered value) go to their hour as well.
        triplesPending = true
        let rows = (tripleRow(channel, priority, language), causeRow + slot, queueRows[queue], agentRows[agent],
                    periodRows[period])
        if facts.answered != 0 {
            let hour = hourRow + Int(facts.arrival) % 24
            table.withUnsafeMutableBufferPointer {
                sums.add(to: $0, rows: (rows.0, rows.1, rows.2, rows.3, rows.4, hour))
            }
        } else {
            table.withUnsafeMutableBufferPointer { sums.add(to: $0, rows: rows) }
        }
        periodChannels[period * channelCount + channel] += sign
        periodCause[period * slotCount + slot] += sign
        recordTimes(facts, sign: sign, channel: channel, cause: slot, queue: queue, agent: agent, period: period,
                    priority: priority)
        arrivals[channel * ArrivalGrid.cells + Int(facts.arrival)] += sign
        backlog.record(facts, slot: slot, queue: queue, agent: agent, sign: sign)
    }

    /// Adds (`sign` 1) or takes back (`sign` -1) a counted contact's times in the histograms of the whole range,
    /// its priority and its slices. A function of its own, not inlined into `contribute`: inlined (as the
    /// histograms' `record` became once cheaper), `contribute` kept more values on the stack and cost more
    /// instructions than the call does. The buckets' updates are deferred and applied in batches
    /// (`PendingBucketUpdates`): those buckets are mostly cache misses.
    @inline(never)
    private mutating func recordTimes(_ facts: ContactFacts, sign: Int, channel: Int, cause: Int, queue: Int,
                                      agent: Int, period: Int, priority: Int) {
        // The histograms take finite values only (a NaN time is none): a time that is not is not handed on.
        if facts.handle.isFinite { handleTimes.recordDeferred(facts.handle, sign: sign) }
        if facts.resolution.isFinite {
            resolutionTimesTotal.recordDeferred(facts.resolution, sign: sign)
            resolutionTimes.record(facts.resolution, sign: sign, channel: channel, cause: cause, priority: priority,
                                   queue: queue, agent: agent, period: period)
        }
        if facts.firstReply.isFinite {
            firstReplyTimesTotal.recordDeferred(facts.firstReply, sign: sign)
            firstReplyTimes.record(facts.firstReply, sign: sign, channel: channel, cause: cause, priority: priority,
                                   queue: queue, agent: agent, period: period)
        }
        if facts.businessResolution.isFinite {
            businessResolutionTimesTotal.recordDeferred(facts.businessResolution, sign: sign)
            businessResolutionTimes.record(facts.businessResolution, sign: sign, channel: channel, cause: cause,
                                           priority: priority, queue: queue, agent: agent, period: period)
        }
        if facts.businessFirstReply.isFinite {
            businessFirstReplyTimesTotal.recordDeferred(facts.businessFirstReply, sign: sign)
            businessFirstReplyTimes.record(facts.businessFirstReply, sign: sign, channel: channel, cause: cause,
                                           priority: priority, queue: queue, agent: agent, period: period)
        }
    }

    /// Applies the histograms' pending bucket updates (`PendingBucketUpdates`: `recordTimes` defers them), so
    /// reading them copies nothing, and moves the triples' sums into their slices' rows (`foldTriples`), so
    /// reading a slice adds nothing.
    mutating func applyPendingUpdates() {
        foldTriples()
        handleTimes.applyPending()
        resolutionTimesTotal.applyPending()
        firstReplyTimesTotal.applyPending()
        businessResolutionTimesTotal.applyPending()
        businessFirstReplyTimesTotal.applyPending()
        resolutionTimes.applyPending()
        firstReplyTimes.applyPending()
        businessResolutionTimes.applyPending()
        businessFirstReplyTimes.applyPending()
    }

    /// Adds everything `other` holds (made with the same cause slots), matching queues and agents by name and
    /// periods by key. Returns the ids here of `other`'s queue, agent and period ids.
    @discardableResult
    mutating func merge(_ other: SliceAggregates) -> (queues: [Int], agents: [Int], periods: [Int]) {
        precondition(other.slotCount == slotCount, "merging aggregates of different taxonomies")
        // The channels, causes, priorities, languages and hours: the same rows in both tables; the triples' rows
        // too, those with contacts (the others hold nothing).
        for row in channelRow..<firstTripleRow { table[row].merge(other.table[row]) }
        if other.triplesPending {
            for row in firstTripleRow..<fixedRows where other.table[row].contacts != 0 {
                table[row].merge(other.table[row])
            }
            triplesPending = true
        }
        let queueIDs = other.queues.names.map { queueID($0) }
        let agentIDs = other.agents.names.map { agentID($0) }
        let periodIDs = other.periodKeys.map { periodID($0) }
        for (q, id) in queueIDs.enumerated() { table[queueRows[id]].merge(other.table[other.queueRows[q]]) }
        for (a, id) in agentIDs.enumerated() { table[agentRows[id]].merge(other.table[other.agentRows[a]]) }
        for (p, period) in periodIDs.enumerated() {
            table[periodRows[period]].merge(other.table[other.periodRows[p]])
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
        return (queueIDs, agentIDs, periodIDs)
    }
}
