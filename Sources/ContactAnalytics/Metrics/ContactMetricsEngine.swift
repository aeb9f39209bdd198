import Foundation

/// Computes every metric of `metrics.md` in one streaming pass of sums and histograms, plus one sort of a
/// per-customer timeline.
///
/// Feed it every contact read, in input order, with `add(_:cause:)` or `append(_:)`; then `settle(replay:)`
/// (needed only when contact ids repeat) and `report(input:)`.
///
/// **Memory.** What grows with every contact is the timeline (32 bytes per contact with a customer: what
/// repeats, FCR and channel switches need), an 8-byte contact-id hash per contact until duplicates are settled,
/// and a 2-byte cause per contact for settling them. Everything else is kept by slice (channel, cause, queue,
/// agent, period): the sums of `MetricAccumulator` and the `QuantileHistogram`s behind medians and p90, so it
/// grows with the number of distinct queues, agents and periods, not contacts.
///
/// **Duplicates** (keep the last occurrence of each `contact_id`) are only known once every contact is in,
/// when the earlier occurrences' sums and histogram values have long been added. `settle(replay:)` asks the
/// caller to feed the same contacts again, in the same order, and takes the dropped ones back out exactly
/// (each with the cause it was added with); an input without repeated ids needs no second pass.
///
/// Contacts outside the reporting range are kept in the timeline as context but are not counted.
public struct ContactMetricsEngine: Sendable {
    public let configuration: MetricsConfiguration
    public let causes: [CauseDescriptor]

    // What grows with the input.
    private var timeline = ContactTimeline()
    /// Contact ids, to drop duplicates once every contact is in.
    private var duplicates = DuplicateContactFilter()
    /// Per contact in input order: its cause slot, so a dropped duplicate is taken back out of the cause it was
    /// added to (freed when duplicates are settled).
    private var causeSlots: [UInt16] = []
    private var contactCount = 0
    /// Every per-contact array has room for this many contacts (`reserveCapacity(adding:)`).
    private var reserved = 0
    /// Set once a report has freed the timeline (`report(input:releasingTimeline:)`).
    private var timelineReleased = false

    // Sums and histograms by slice: they grow with the dimensions, not the contacts.
    private var byChannel: [MetricAccumulator]
    private var byCause: [MetricAccumulator]
    private var byQueue = [MetricAccumulator()]
    private var byAgent = [MetricAccumulator()]
    private var byPeriod: [MetricAccumulator] = []
    /// Flat tables: period x channel and period x cause slot.
    private var periodChannels: [Int] = []
    private var periodCause: [Int] = []
    private var handleTimes: BreakdownHistograms
    private var resolutionTimes: BreakdownHistograms
    /// The latest opened_at of all contacts read, and the first and last of the counted ones.
    private var dataEnd: EpochSeconds?
    private var rangeFrom: EpochSeconds?
    private var rangeTo: EpochSeconds?

    // Dimension tables.
    private var queues = NameInterner()
    private var agents = NameInterner()
    private var slices = DimensionSliceTable()
    private var periodIDs: [Int32: Int32] = [:]
    private var periodKeys: [Int32] = []
    private var lastPeriodKey = Int32.min
    private var lastPeriodID: Int32 = 0
    private var calendar: PeriodCalendar
    private let groupOfCause: [Int]
    private let groupNames: [String]
    private let processOfCause: [Int]
    private let processNames: [String]
    /// Per cause slot: whether the cause is avoidable.
    private let avoidableSlot: [Bool]
    private let channelCount = Channel.allCases.count

    /// Duplicates settled (`settle(replay:)`): per contact whether it was dropped, and how many were.
    private var settlement: (dropped: [Bool], count: Int)?

    public init(configuration: MetricsConfiguration, causes: [CauseDescriptor]) {
        self.configuration = configuration
        self.causes = causes
        calendar = PeriodCalendar(granularity: configuration.period, timeZone: configuration.timeZone)
        var groups: [String] = [CauseDescriptor.unclassified.group], processes: [String] = [CauseDescriptor.unclassified.process]
        var groupOf = [0], processOf = [0]
        for c in causes {
            if let g = groups.firstIndex(of: c.group) { groupOf.append(g) } else { groupOf.append(groups.count); groups.append(c.group) }
            if let p = processes.firstIndex(of: c.process) { processOf.append(p) } else { processOf.append(processes.count); processes.append(c.process) }
        }
        groupOfCause = groupOf
        groupNames = groups
        processOfCause = processOf
        processNames = processes
        avoidableSlot = [false] + causes.map(\.avoidable)
        byChannel = Array(repeating: MetricAccumulator(), count: channelCount)
        byCause = Array(repeating: MetricAccumulator(), count: causes.count + 1)
        handleTimes = BreakdownHistograms(channelCount: channelCount, causeSlotCount: causes.count + 1)
        resolutionTimes = handleTimes
    }

    /// The number of contacts added (duplicates included).
    public var contactsAdded: Int { contactCount }

    /// The descriptor of a cause slot (0 = unclassified, `i + 1` = `causes[i]`).
    private func descriptor(slot: Int) -> CauseDescriptor {
        slot == 0 ? .unclassified : causes[slot - 1]
    }

    /// Adds one contact, in input order. `cause` is an index into `causes`, or -1 for unclassified.
    public mutating func add(_ contact: ContactRecord, cause causeIndex: Int32) {
        append(facts(of: contact, cause: causeIndex))
    }

    /// The facts of `contact` with cause index `cause`, as `add(_:cause:)` appends them.
    public mutating func facts(of contact: ContactRecord, cause causeIndex: Int32) -> ContactFacts {
        ContactFacts(contact, cause: causeIndex, causeCount: causes.count, costModel: configuration.costModel,
                     calendar: &calendar)
    }

    /// A calendar for computing `ContactFacts` on another thread.
    public var factsCalendar: PeriodCalendar { calendar }

    /// Adds one contact's facts, in input order.
    public mutating func append(_ facts: ContactFacts) {
        precondition(settlement == nil, "append(_:) after settle(replay:)")
        if contactCount == reserved { reserveCapacity(adding: max(1 << 16, contactCount / 4)) }
        let index = contactCount
        contactCount += 1
        let time = facts.opened
        let counted = configuration.isInRange(time)
        dataEnd = max(dataEnd ?? time, time)
        if facts.contactIDHash != 0 { duplicates.add(hash: facts.contactIDHash, index: index) }
        causeSlots.append(UInt16(truncatingIfNeeded: facts.causeSlot))
        var slice: UInt32 = 0
        if counted {
            let (period, queue, agent) = dimensionIDs(of: facts)
            if facts.customerHash != 0 {
                slice = slices.id(queue: UInt32(queue), agent: UInt32(agent), period: UInt32(period))
            }
            rangeFrom = min(rangeFrom ?? time, time)
            rangeTo = max(rangeTo ?? time, time)
            contribute(facts, slot: Int(facts.causeSlot), period: period, queue: queue, agent: agent, sign: 1)
        }
        if facts.customerHash != 0 {
            timeline.append(customer: facts.customerHash, time: time, cause: facts.causeSlot, channel: facts.channel,
                            counted: counted, index: UInt32(truncatingIfNeeded: index), slice: slice, cost: facts.cost)
        }
    }

    /// The period, queue and agent ids of a counted contact, made (with their slices' sums and histograms) the
    /// first time each is seen.
    @inline(__always)
    private mutating func dimensionIDs(of facts: borrowing ContactFacts) -> (period: Int, queue: Int, agent: Int) {
        let period: Int32
        if facts.periodKey == lastPeriodKey {
            period = lastPeriodID
        } else if let known = periodIDs[facts.periodKey] {
            period = known
            (lastPeriodKey, lastPeriodID) = (facts.periodKey, known)
        } else {
            period = Int32(periodKeys.count)
            periodIDs[facts.periodKey] = period
            periodKeys.append(facts.periodKey)
            (lastPeriodKey, lastPeriodID) = (facts.periodKey, period)
            byPeriod.append(MetricAccumulator())
            periodChannels.append(contentsOf: repeatElement(0, count: channelCount))
            periodCause.append(contentsOf: repeatElement(0, count: causes.count + 1))
        }
        let queue = Int(queues.id(of: facts.queue)), agent = Int(agents.id(of: facts.agent))
        if queue == byQueue.count { byQueue.append(MetricAccumulator()) }
        if agent == byAgent.count { byAgent.append(MetricAccumulator()) }
        handleTimes.ensure(queue: queue, agent: agent, period: Int(period))
        resolutionTimes.ensure(queue: queue, agent: agent, period: Int(period))
        return (Int(period), queue, agent)
    }

    /// Adds (`sign` 1) or takes back (`sign` -1) what a counted contact contributes regardless of order: every
    /// sum but repeats and FCR (the timeline walk adds those), and its handle and resolution times.
    @inline(__always)
    private mutating func contribute(_ facts: borrowing ContactFacts, slot: Int, period: Int, queue: Int, agent: Int,
                                     sign: Int) {
        let f = facts.flags
        let weight = Double(sign)
        var sums = MetricAccumulator()
        sums.contacts = sign
        sums.identified = f.contains(.identified) ? sign : 0
        sums.classified = slot == 0 ? 0 : sign
        sums.costTotal = weight * Double(facts.cost)
        if !facts.handle.isNaN {
            sums.handleSum = weight * Double(facts.handle)
            sums.handleCount = sign
        }
        if f.contains(.csatNumeric) {
            let score = Double(facts.csatScore)
            sums.csatResponses = sign
            sums.csatSatisfied = score >= configuration.csatThreshold ? sign : 0
            sums.csatNumericSum = weight * score
            sums.csatNumericCount = sign
        } else if f.contains(.csatSatisfied) || f.contains(.csatUnsatisfied) {
            sums.csatResponses = sign
            sums.csatSatisfied = f.contains(.csatSatisfied) ? sign : 0
        }
        if f.contains(.exportResolved) || f.contains(.exportUnresolved) {
            sums.exportFCRKnown = sign
            sums.exportFCRResolved = f.contains(.exportResolved) ? sign : 0
        }
        if avoidableSlot[slot] {
            sums.avoidableByCause = sign
            sums.avoidableCost = weight * Double(facts.cost)
        }
        let channel = Int(facts.channel)
        byChannel[channel].merge(sums)
        byCause[slot].merge(sums)
        byQueue[queue].merge(sums)
        byAgent[agent].merge(sums)
        byPeriod[period].merge(sums)
        periodChannels[period * channelCount + channel] += sign
        periodCause[period * (causes.count + 1) + slot] += sign
        handleTimes.record(facts.handle, sign: sign, channel: channel, cause: slot, queue: queue, agent: agent,
                           period: period)
        resolutionTimes.record(facts.resolution, sign: sign, channel: channel, cause: slot, queue: queue, agent: agent,
                               period: period)
    }

    /// Settles duplicates: all but the last contact of each `contact_id` are dropped. When some are,
    /// `replay` must feed the facts of every contact added, again and in the same order (`facts(of:cause:)` or
    /// the same mapping as the first time; the cause fed is ignored: each contact is taken back out with the
    /// cause it was added with). The dropped ones are then taken out of every sum and histogram, and data_end
    /// and the reporting range are recomputed without them. `replay` is not called when no id repeats.
    ///
    /// Throws `ContactStatError(.dataFormat)` when the replay feeds a different number of contacts (the input
    /// changed between the two reads); errors of `replay` are passed on.
    public mutating func settle(replay: (_ feed: (ContactFacts) -> Void) throws -> Void) throws {
        guard settlement == nil else { return }
        let (dropped, count) = duplicates.settle(count: contactCount)
        if count > 0 {
            timeline.remove(dropped: dropped)
            var cursor = 0
            var end: EpochSeconds?, from: EpochSeconds?, to: EpochSeconds?
            let slots = causeSlots
            try replay { facts in
                defer { cursor += 1 }
                guard cursor < dropped.count else { return }
                let time = facts.opened
                guard dropped[cursor] else {
                    end = max(end ?? time, time)
                    if configuration.isInRange(time) {
                        from = min(from ?? time, time)
                        to = max(to ?? time, time)
                    }
                    return
                }
                guard configuration.isInRange(time) else { return }
                let (period, queue, agent) = dimensionIDs(of: facts)
                contribute(facts, slot: Int(slots[cursor]), period: period, queue: queue, agent: agent, sign: -1)
            }
            guard cursor == contactCount else {
                throw ContactStatError(.dataFormat, "the input changed while it was read: \(contactCount) contacts "
                                       + "the first time, \(cursor) when read again to drop duplicate contact ids")
            }
            (dataEnd, rangeFrom, rangeTo) = (end, from, to)
        }
        causeSlots = []
        settlement = (dropped, count)
    }

    /// `settle(replay:)` feeding `contacts` again (the same contacts, in the order they were added).
    public mutating func settle(replaying contacts: [(ContactRecord, Int32)]) throws {
        var calendar = self.calendar
        let causeCount = causes.count, costModel = configuration.costModel
        try settle { feed in
            for (contact, cause) in contacts {
                feed(ContactFacts(contact, cause: cause, causeCount: causeCount, costModel: costModel, calendar: &calendar))
            }
        }
    }

    /// The settled duplicates; without `settle(replay:)` first, settles them when no contact id repeats.
    private mutating func settled() -> (dropped: [Bool], count: Int) {
        if let settlement { return settlement }
        do {
            // The replay is asked for only when an id repeats.
            try settle { _ in
                preconditionFailure("contact ids occur more than once: call settle(replay:) before asking for figures")
            }
        } catch {
            preconditionFailure("\(error)")
        }
        return settlement ?? ([Bool](repeating: false, count: contactCount), 0)
    }

    /// Per contact in input order: `true` when it is a repeat (`classify`'s `repeat` column). A dropped
    /// duplicate is never a repeat.
    public mutating func repeatFlags() -> [Bool] {
        contactFlags().repeats
    }

    /// Per contact in input order: whether it is a repeat, and whether it is dropped as a duplicate.
    public mutating func contactFlags() -> (repeats: [Bool], duplicates: [Bool]) {
        precondition(!timelineReleased, "contactFlags() after report(input:releasingTimeline: true)")
        var flags = [Bool](repeating: false, count: contactCount)
        let (dropped, _) = settled()
        guard let dataEnd else { return (flags, dropped) }
        timeline.analyse(window: configuration.window, dataEnd: dataEnd) { entry, outcome in
            if outcome.isRepeat { flags[Int(entry.index)] = true }
        }
        return (flags, dropped)
    }

    /// Reserves room for `count` more contacts, so the per-contact arrays do not grow by doubling (and waste up
    /// to half their memory) when the caller can estimate the input's size.
    ///
    /// Past the reserved room they grow by a quarter at a time (not by doubling), together.
    public mutating func reserveCapacity(adding count: Int) {
        guard count > 0 else { return }
        let total = contactCount + count
        reserved = total
        causeSlots.reserveCapacity(total)
        timeline.entries.reserveCapacity(total)
        duplicates.reserveCapacity(total)
    }

    /// Walks the timeline, adds repeats and FCR to the slices' sums, and builds the report.
    /// `input.duplicatesDropped` and `input.contactsRead` are filled in here. Settles duplicates first when
    /// `settle(replay:)` was not called (which needs that no contact id repeats).
    ///
    /// With `releasingTimeline`, the per-customer timeline is freed as soon as its walk is done; the engine can
    /// then report no more (`repeatFlags`, `contactFlags` and a second `report` would see no repeats), so ask
    /// for flags first.
    public mutating func report(input: InputSummary, releasingTimeline: Bool = false) -> ContactReport {
        precondition(!timelineReleased, "report(input:) after report(input:releasingTimeline: true)")
        let duplicates = settled().count
        let n = contactCount
        let channelCount = self.channelCount
        var byChannel = self.byChannel, byCause = self.byCause, byQueue = self.byQueue, byAgent = self.byAgent
        var byPeriod = self.byPeriod
        let slices = self.slices.slices
        let avoidableSlot = self.avoidableSlot

        // What needs order: repeats, FCR, channel switches, contacts per customer. Each counted contact's
        // outcome goes into the sums of its channel, cause, queue, agent and period.
        var switches: [Int: Int] = [:]
        var customerCounts: [Int] = []
        var currentCustomer: UInt64 = 0, currentCount = 0
        if let dataEnd {
            timeline.analyse(window: configuration.window, dataEnd: dataEnd) { entry, outcome in
                if entry.customer != currentCustomer {
                    if currentCount > 0 { customerCounts.append(currentCount) }
                    currentCustomer = entry.customer
                    currentCount = 0
                }
                guard entry.counted else { return }
                currentCount += 1
                var sums = MetricAccumulator()
                if outcome.isEvaluable {
                    sums.evaluable = 1
                    sums.resolved = outcome.isResolved ? 1 : 0
                }
                if outcome.isRepeat {
                    sums.repeats = 1
                    if !avoidableSlot[Int(entry.cause)] {
                        sums.repeatOnly = 1
                        sums.avoidableCost = Double(entry.cost)
                    }
                    let from = Int(outcome.repeatsChannel), to = Int(entry.channel)
                    if from != to { switches[from * channelCount + to, default: 0] += 1 }
                }
                guard sums.evaluable != 0 || sums.repeats != 0 else { return }
                let slice = slices[Int(entry.slice)]
                byChannel[Int(entry.channel)].mergeOutcome(sums)
                byCause[Int(entry.cause)].mergeOutcome(sums)
                byQueue[Int(slice.queue)].mergeOutcome(sums)
                byAgent[Int(slice.agent)].mergeOutcome(sums)
                byPeriod[Int(slice.period)].mergeOutcome(sums)
            }
            if currentCount > 0 { customerCounts.append(currentCount) }
        }
        if releasingTimeline {
            timeline = ContactTimeline()
            timelineReleased = true
        }
        var summary = MetricAccumulator()
        for sums in byChannel { summary.merge(sums) }
        let exportFCRPresent = summary.exportFCRKnown > 0

        // Medians and p90 of every slice, from the histograms; cause groups, processes and the whole range
        // merged from their parts.
        func quantiles(_ handle: QuantileHistogram, _ resolution: QuantileHistogram) -> SliceQuantiles {
            SliceQuantiles(handleMedian: handle.median, resolutionMedian: resolution.median,
                           resolutionP90: resolution.percentile(0.9))
        }
        func quantiles(_ handle: [QuantileHistogram], _ resolution: [QuantileHistogram]) -> [SliceQuantiles] {
            zip(handle, resolution).map { quantiles($0, $1) }
        }
        let h = handleTimes, r = resolutionTimes
        let summaryQ = quantiles(h.total, r.total)
        let channelQ = quantiles(h.byChannel, r.byChannel), causeQ = quantiles(h.byCause, r.byCause)
        let groupQ = quantiles(BreakdownHistograms.merged(h.byCause, groupOf: groupOfCause, groupCount: groupNames.count),
                               BreakdownHistograms.merged(r.byCause, groupOf: groupOfCause, groupCount: groupNames.count))
        let processQ = quantiles(
            BreakdownHistograms.merged(h.byCause, groupOf: processOfCause, groupCount: processNames.count),
            BreakdownHistograms.merged(r.byCause, groupOf: processOfCause, groupCount: processNames.count))
        let queueQ = quantiles(h.byQueue, r.byQueue), agentQ = quantiles(h.byAgent, r.byAgent)
        let periodQ = quantiles(h.byPeriod, r.byPeriod)
        let slotCount = causes.count + 1
        let periodChannels = self.periodChannels, periodCause = self.periodCause
        let rangeFrom = self.rangeFrom, rangeTo = self.rangeTo, dataEnd = self.dataEnd

        var input = input
        input.duplicatesDropped = duplicates
        input.contactsRead = n - duplicates

        let totalContacts = summary.contacts, totalCost = summary.costTotal
        func set(_ sums: MetricAccumulator, _ q: SliceQuantiles) -> MetricSet {
            sums.metricSet(totalContacts: totalContacts, totalCost: totalCost, quantiles: q, exportFCRPresent: exportFCRPresent)
        }

        // Channels, in channel order, those with contacts.
        var channelRows: [BreakdownRow] = []
        for c in Channel.allCases where byChannel[c.ordinal].contacts > 0 {
            channelRows.append(BreakdownRow(key: c.rawValue, metrics: set(byChannel[c.ordinal], channelQ[c.ordinal])))
        }
        // Causes, then first-level groups and processes rolled up from them.
        var causeRows: [BreakdownRow] = []
        var groupSums = [MetricAccumulator](repeating: MetricAccumulator(), count: groupNames.count)
        var processSums = [MetricAccumulator](repeating: MetricAccumulator(), count: processNames.count)
        for slot in 0..<byCause.count where byCause[slot].contacts > 0 {
            let d = descriptor(slot: slot)
            causeRows.append(BreakdownRow(key: d.path, name: d.name, process: d.process, avoidableCause: d.avoidable,
                                          metrics: set(byCause[slot], causeQ[slot])))
            groupSums[groupOfCause[slot]].merge(byCause[slot])
            processSums[processOfCause[slot]].merge(byCause[slot])
        }
        var groupRows: [BreakdownRow] = []
        for g in 0..<groupNames.count where groupSums[g].contacts > 0 {
            groupRows.append(BreakdownRow(key: groupNames[g], metrics: set(groupSums[g], groupQ[g])))
        }
        var processRows: [BreakdownRow] = []
        for p in 0..<processNames.count where processSums[p].contacts > 0 {
            processRows.append(BreakdownRow(key: processNames[p], metrics: set(processSums[p], processQ[p])))
        }
        func byCostDescending(_ a: BreakdownRow, _ b: BreakdownRow) -> Bool {
            if a.metrics.costTotal != b.metrics.costTotal { return a.metrics.costTotal > b.metrics.costTotal }
            if a.metrics.contacts != b.metrics.contacts { return a.metrics.contacts > b.metrics.contacts }
            return a.key < b.key
        }
        func byContactsDescending(_ a: BreakdownRow, _ b: BreakdownRow) -> Bool {
            if a.metrics.contacts != b.metrics.contacts { return a.metrics.contacts > b.metrics.contacts }
            return a.key < b.key
        }
        causeRows.sort(by: byCostDescending)
        groupRows.sort(by: byCostDescending)
        processRows.sort(by: byCostDescending)
        var queueRows: [BreakdownRow] = [], agentRows: [BreakdownRow] = []
        for q in 1..<byQueue.count { queueRows.append(BreakdownRow(key: queues.names[q], metrics: set(byQueue[q], queueQ[q]))) }
        for a in 1..<byAgent.count { agentRows.append(BreakdownRow(key: agents.names[a], metrics: set(byAgent[a], agentQ[a]))) }
        queueRows.sort(by: byContactsDescending)
        agentRows.sort(by: byContactsDescending)

        // Periods, ascending, each with its change against the previous one.
        var calendar = self.calendar
        let periodKeys = self.periodKeys
        let order = (0..<periodKeys.count).sorted { periodKeys[$0] < periodKeys[$1] }
        var periodRows: [PeriodRow] = []
        for id in order {
            let metrics = set(byPeriod[id], periodQ[id])
            var channels: [Channel: Int] = [:]
            for c in Channel.allCases where periodChannels[id * channelCount + c.ordinal] > 0 {
                channels[c] = periodChannels[id * channelCount + c.ordinal]
            }
            var change: PeriodChange?
            if let previous = periodRows.last {
                change = PeriodChange.between(metrics, previous.metrics, previousPeriod: previous.period)
            }
            periodRows.append(PeriodRow(period: calendar.label(of: periodKeys[id]), start: calendar.start(of: periodKeys[id]),
                                        metrics: metrics, channels: channels, change: change))
        }

        // Emerging causes: the last period against the one before it.
        var emerging: [EmergingCause] = []
        if order.count >= 2 {
            let last = order[order.count - 1], previous = order[order.count - 2]
            for slot in 0..<byCause.count {
                let now = periodCause[last * slotCount + slot]
                let before = periodCause[previous * slotCount + slot]
                guard now > before else { continue }
                let d = descriptor(slot: slot)
                emerging.append(EmergingCause(cause: d.path, name: d.name, process: d.process,
                                              period: periodRows[periodRows.count - 1].period,
                                              previousPeriod: periodRows[periodRows.count - 2].period,
                                              contacts: now, previousContacts: before))
            }
            emerging.sort { a, b in
                if a.change != b.change { return a.change > b.change }
                return a.cause < b.cause
            }
            if emerging.count > 10 { emerging.removeLast(emerging.count - 10) }
        }

        var switchRows: [ChannelSwitch] = []
        for (key, count) in switches {
            switchRows.append(ChannelSwitch(from: Channel.allCases[key / channelCount], to: Channel.allCases[key % channelCount], count: count))
        }
        switchRows.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            return (a.from.ordinal, a.to.ordinal) < (b.from.ordinal, b.to.ordinal)
        }

        // The share of contacts from the 1 % most frequent customers (at least one customer).
        var topShare: Ratio?
        if summary.identified > 0 {
            customerCounts.sort(by: >)
            let top = ContactReport.topCustomerCount(of: customerCounts.count)
            topShare = Ratio(customerCounts.prefix(top).reduce(0, +), of: summary.identified)
        }

        let definitions = ReportDefinitions(
            repeatWindowDays: configuration.window.days, repeatScope: configuration.window.scope.rawValue,
            csatScaleLow: configuration.csatScaleLow, csatScaleHigh: configuration.csatScaleHigh,
            csatThreshold: configuration.csatThreshold, currency: configuration.costModel.currency,
            timezone: configuration.timeZoneName, period: configuration.period.rawValue,
            since: configuration.sinceText, until: configuration.untilText,
            dataEnd: dataEnd.map(ISOTimestamp.format), costModel: configuration.costModel.definitions)

        return ContactReport(
            input: input, rangeFrom: rangeFrom, rangeTo: rangeTo, definitions: definitions,
            summary: set(summary, summaryQ), customersIdentified: customerCounts.count, topCustomerShare: topShare,
            channels: channelRows, causes: causeRows, causeGroups: groupRows, processes: processRows,
            queues: queueRows, agents: agentRows, periods: periodRows, channelSwitches: switchRows,
            emergingCauses: emerging)
    }
}

extension PeriodChange {
    /// current - previous for each headline metric.
    static func between(_ current: MetricSet, _ previous: MetricSet, previousPeriod: String) -> PeriodChange {
        func diff(_ a: Double?, _ b: Double?) -> Double? {
            guard let a, let b else { return nil }
            return a - b
        }
        return PeriodChange(
            previousPeriod: previousPeriod, contacts: current.contacts - previous.contacts,
            contactsGrowth: previous.contacts == 0 ? nil : Double(current.contacts) / Double(previous.contacts) - 1,
            fcr: diff(current.fcr.value, previous.fcr.value),
            repeatRate: diff(current.repeatRate.value, previous.repeatRate.value),
            avoidableRate: diff(current.avoidableRate.value, previous.avoidableRate.value),
            csat: diff(current.csat.rate.value, previous.csat.rate.value),
            costPerContact: diff(current.costPerContact, previous.costPerContact),
            costTotal: current.costTotal - previous.costTotal)
    }
}
