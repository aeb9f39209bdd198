import Foundation

/// Computes every metric of `metrics.md` from compact per-contact columns and one sort of a per-customer
/// timeline.
///
/// Feed it every contact read, in input order, with `add(_:cause:)` or `append(_:)`, then call
/// `report(input:)`. Contacts are kept as columns of numbers (42 bytes a contact, plus a 24-byte timeline
/// entry per identified contact and an 8-byte id hash until duplicates are settled), never the record or its
/// strings, because duplicates (keep the last), repeats and exact medians can only be settled once all
/// contacts are in. The report then drops duplicates, sorts the timeline once for repeats, FCR and channel
/// switches, and fills every breakdown in one linear pass while another thread computes the medians.
/// Contacts outside the reporting range stay in the columns and the timeline as context but are not counted.
public struct ContactMetricsEngine: Sendable {
    public let configuration: MetricsConfiguration
    public let causes: [CauseDescriptor]

    // Per-contact columns, input order (all contacts read): 42 bytes a contact.
    private var opened: [EpochSeconds] = []
    private var channel: [UInt8] = []
    private var flags: [ContactFlags] = []
    private var cause: [Int32] = []
    private var period: [Int32] = []
    private var queue: [UInt32] = []
    private var agent: [UInt32] = []
    private var cost: [Float] = []
    private var handle: [Float] = []
    private var resolution: [Float] = []
    private var csatScore: [Float] = []
    /// Set once a report has freed the timeline (`report(input:releasingTimeline:)`).
    private var timelineReleased = false
    /// Every column has room for this many contacts (`reserveCapacity(adding:)`).
    private var reserved = 0
    /// Contact ids, to drop duplicates at the end.
    private var duplicates = DuplicateContactFilter()
    private var timeline = ContactTimeline()

    // Dimension tables.
    private var queues = NameInterner()
    private var agents = NameInterner()
    private var periodIDs: [Int32: Int32] = [:]
    private var periodKeys: [Int32] = []
    private var lastPeriodKey = Int32.min
    private var lastPeriodID: Int32 = 0
    private var calendar: PeriodCalendar
    private let groupOfCause: [Int]
    private let groupNames: [String]
    private let processOfCause: [Int]
    private let processNames: [String]

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
    }

    /// The number of contacts added (duplicates included).
    public var contactsAdded: Int { channel.count }

    /// The descriptor of a cause slot (0 = unclassified, `i + 1` = `causes[i]`).
    private func descriptor(slot: Int) -> CauseDescriptor {
        slot == 0 ? .unclassified : causes[slot - 1]
    }

    /// Adds one contact, in input order. `cause` is an index into `causes`, or -1 for unclassified.
    public mutating func add(_ contact: ContactRecord, cause causeIndex: Int32) {
        append(ContactFacts(contact, cause: causeIndex, causeCount: causes.count, costModel: configuration.costModel,
                            calendar: &calendar))
    }

    /// A calendar for computing `ContactFacts` on another thread.
    public var factsCalendar: PeriodCalendar { calendar }

    /// Adds one contact's facts, in input order.
    public mutating func append(_ facts: ContactFacts) {
        if channel.count == reserved { reserveCapacity(adding: max(1 << 16, channel.count / 4)) }
        let index = UInt32(truncatingIfNeeded: channel.count)
        let time = facts.opened
        var flag = facts.flags
        if facts.customerHash != 0 {
            timeline.append(customer: facts.customerHash, time: time, cause: facts.causeSlot, channel: facts.channel,
                            counted: configuration.isInRange(time), index: index)
        }
        if facts.contactIDHash != 0 { duplicates.add(hash: facts.contactIDHash, index: Int(index)) }
        opened.append(time)
        channel.append(facts.channel)
        cause.append(facts.causeSlot)
        cost.append(facts.cost)
        handle.append(facts.handle)
        resolution.append(facts.resolution)
        csatScore.append(facts.csatScore)
        guard configuration.isInRange(time) else {
            flags.append(flag)
            period.append(-1)
            queue.append(0)
            agent.append(0)
            return
        }
        flag.insert(.counted)
        flags.append(flag)
        if facts.periodKey == lastPeriodKey {
            period.append(lastPeriodID)
        } else if let known = periodIDs[facts.periodKey] {
            period.append(known)
            (lastPeriodKey, lastPeriodID) = (facts.periodKey, known)
        } else {
            let id = Int32(periodKeys.count)
            periodIDs[facts.periodKey] = id
            periodKeys.append(facts.periodKey)
            period.append(id)
            (lastPeriodKey, lastPeriodID) = (facts.periodKey, id)
        }
        queue.append(queues.id(of: facts.queue))
        agent.append(agents.id(of: facts.agent))
    }

    /// Duplicates dropped (all but the last contact of each contact_id), and data_end. Settled once, in
    /// place: the duplicate ids are freed and dropped contacts leave the timeline, so a report needs no copy
    /// of the per-contact data.
    private var settled: (dropped: [Bool], duplicates: Int, dataEnd: EpochSeconds?)?

    private mutating func settle() -> (dropped: [Bool], duplicates: Int, dataEnd: EpochSeconds?) {
        if let settled { return settled }
        let sorting = beginSettling()
        return finishSettling(sorting)
    }

    /// The first half of settling: the timeline starts sorting on a second thread while the duplicate ids
    /// settle here (the two are independent). The caller may do other work before `finishSettling`; the
    /// timeline is not in `self` meanwhile.
    private mutating func beginSettling() -> SettlingTimeline {
        let box = TimelineBox(timeline: timeline)
        timeline = ContactTimeline()
        let scope = configuration.window.scope
        let sorter = Thread {
            box.timeline.sort(for: scope)
            box.markSorted()
        }
        sorter.stackSize = 8 << 20
        sorter.start()
        let (dropped, duplicates) = self.duplicates.settle(count: channel.count)
        var dataEnd: EpochSeconds?
        for i in 0..<opened.count where !dropped[i] { dataEnd = max(dataEnd ?? opened[i], opened[i]) }
        return SettlingTimeline(box: box, dropped: dropped, duplicates: duplicates, dataEnd: dataEnd)
    }

    /// The second half: waits for the sort, and dropped contacts leave the sorted timeline (removal keeps its
    /// order).
    private mutating func finishSettling(_ sorting: SettlingTimeline) -> (dropped: [Bool], duplicates: Int,
                                                                          dataEnd: EpochSeconds?) {
        sorting.box.waitUntilSorted()
        timeline = sorting.box.timeline
        sorting.box.timeline = ContactTimeline()
        if sorting.duplicates > 0 { timeline.remove(dropped: sorting.dropped) }
        settled = (sorting.dropped, sorting.duplicates, sorting.dataEnd)
        return (sorting.dropped, sorting.duplicates, sorting.dataEnd)
    }

    /// Per contact in input order: `true` when it is a repeat (`classify`'s `repeat` column). A dropped
    /// duplicate is never a repeat.
    public mutating func repeatFlags() -> [Bool] {
        contactFlags().repeats
    }

    /// Per contact in input order: whether it is a repeat, and whether it is dropped as a duplicate.
    public mutating func contactFlags() -> (repeats: [Bool], duplicates: [Bool]) {
        precondition(!timelineReleased, "contactFlags() after report(input:releasingTimeline: true)")
        var flags = [Bool](repeating: false, count: channel.count)
        let (dropped, _, dataEnd) = settle()
        guard let dataEnd else { return (flags, dropped) }
        timeline.analyse(window: configuration.window, dataEnd: dataEnd) { entry, outcome in
            if outcome.isRepeat { flags[Int(entry.index)] = true }
        }
        return (flags, dropped)
    }

    /// Reserves room for `count` more contacts, so the columns do not grow by doubling (and waste up to half
    /// their memory) when the caller can estimate the input's size.
    ///
    /// Past the reserved room the columns grow by a quarter at a time (not by doubling), together.
    public mutating func reserveCapacity(adding count: Int) {
        guard count > 0 else { return }
        let total = channel.count + count
        reserved = total
        opened.reserveCapacity(total)
        channel.reserveCapacity(total)
        flags.reserveCapacity(total)
        cause.reserveCapacity(total)
        period.reserveCapacity(total)
        queue.reserveCapacity(total)
        agent.reserveCapacity(total)
        cost.reserveCapacity(total)
        handle.reserveCapacity(total)
        resolution.reserveCapacity(total)
        csatScore.reserveCapacity(total)
        timeline.entries.reserveCapacity(total)
        duplicates.reserveCapacity(total)
    }

    /// Settles duplicates, repeats and FCR, and builds the report. `input.duplicatesDropped` and
    /// `input.contactsRead` are filled in here.
    ///
    /// With `releasingTimeline`, the per-customer timeline is freed as soon as its walk is done (the largest
    /// allocation of a report, freed before the medians need their scratch memory); the engine can then
    /// report no more (`repeatFlags`, `contactFlags` and a second `report` would see no repeats), so ask
    /// for flags first.
    public mutating func report(input: InputSummary, releasingTimeline: Bool = false) -> ContactReport {
        precondition(!timelineReleased, "report(input:) after report(input:releasingTimeline: true)")
        // Unless flags settled it already, the timeline sorts on a second thread meanwhile; this thread
        // computes medians (below) until the sort is done.
        let sorting = settled == nil ? beginSettling() : nil
        let (dropped, duplicates, dataEnd) = sorting.map { ($0.dropped, $0.duplicates, $0.dataEnd) } ?? settle()
        let n = channel.count
        let channelCount = Channel.allCases.count
        var counted = [Bool](repeating: false, count: n)
        for i in 0..<n { counted[i] = flags[i].contains(.counted) && !dropped[i] }
        let cost = self.cost
        let channel = self.channel, cause = self.cause, queue = self.queue, agent = self.agent, period = self.period

        // Medians and percentiles of every slice: eight jobs (one per breakdown), taken in turn by a second
        // thread (started once the timeline walk is done) while the linear pass runs here (they only read the
        // same columns), and by this thread too once it is done.
        let groupCounts = (cause: causes.count + 1, group: groupNames.count, process: processNames.count,
                           queue: queues.names.count, agent: agents.names.count, period: periodKeys.count)
        let handle = self.handle, resolution = self.resolution
        let groupOfCause = self.groupOfCause, processOfCause = self.processOfCause
        let countedColumn = counted
        typealias Pair = (first: [OrderStatistics.Result], second: [OrderStatistics.Result])
        func job<Key: FixedWidthInteger & Sendable>(_ keys: [Key], _ remap: [Int]?, _ groupCount: Int) -> @Sendable () -> Pair {
            { OrderStatistics.groupedPair(keys: keys, remap: remap, included: countedColumn, groupCount: groupCount,
                                          first: handle, second: resolution, p90OfSecond: true) }
        }
        let everyone = [Int](repeating: 0, count: channelCount)
        let groupings: [(count: Int, compute: @Sendable () -> Pair)] = [
            (1, job(channel, everyone, 1)),
            (channelCount, job(channel, nil, channelCount)),
            (groupCounts.cause, job(cause, nil, groupCounts.cause)),
            (groupCounts.group, job(cause, groupOfCause, groupCounts.group)),
            (groupCounts.process, job(cause, processOfCause, groupCounts.process)),
            (groupCounts.queue, job(queue, nil, groupCounts.queue)),
            (groupCounts.agent, job(agent, nil, groupCounts.agent)),
            (groupCounts.period, job(period, nil, groupCounts.period)),
        ]
        let quantileJobs = QuantileJobs(count: groupings.count)
        @Sendable func runQuantileJob(_ job: Int) {
            let (groupCount, compute) = groupings[job]
            let (h, r) = compute()
            quantileJobs.store(job, (0..<groupCount).map {
                SliceQuantiles(handleMedian: h[$0].median, resolutionMedian: r[$0].median, resolutionP90: r[$0].p90)
            })
        }
        @Sendable func runQuantileJobs() {
            while let job = quantileJobs.take() { runQuantileJob(job) }
        }
        if let sorting {
            // One job at a time here while the timeline sorts (one job's scratch next to the timeline, not two).
            while !sorting.box.isSorted, let job = quantileJobs.take() { runQuantileJob(job) }
            _ = finishSettling(sorting)
        }
        let quantilesDone = DispatchSemaphore(value: 0)
        let quantileThread = Thread {
            runQuantileJobs()
            quantilesDone.signal()
        }
        quantileThread.stackSize = 8 << 20

        // What needs order: repeats, FCR, channel switches, contacts per customer. The walk reads only the
        // timeline's own entries (never the per-contact columns, whose random access makes large inputs slow)
        // and leaves one byte per contact for the linear pass: bit 0 repeat, bit 1 evaluable, bit 2 resolved.
        var orderBits = [UInt8](repeating: 0, count: n)
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
                var bits: UInt8 = 0
                if outcome.isEvaluable { bits |= outcome.isResolved ? 0b110 : 0b010 }
                if outcome.isRepeat {
                    bits |= 0b001
                    let from = Int(outcome.repeatsChannel), to = Int(entry.channel)
                    if from != to { switches[from * channelCount + to, default: 0] += 1 }
                }
                orderBits[Int(entry.index)] = bits
            }
            if currentCount > 0 { customerCounts.append(currentCount) }
        }
        if releasingTimeline {
            timeline = ContactTimeline()
            timelineReleased = true
        }
        // Started after the walk, so their scratch memory and the timeline are not held at the same time.
        quantileThread.start()

        // Order-independent sums: one linear pass.
        var summary = MetricAccumulator()
        var byChannel = [MetricAccumulator](repeating: MetricAccumulator(), count: channelCount)
        var byCause = [MetricAccumulator](repeating: MetricAccumulator(), count: causes.count + 1)
        var byQueue = [MetricAccumulator](repeating: MetricAccumulator(), count: queues.names.count)
        var byAgent = [MetricAccumulator](repeating: MetricAccumulator(), count: agents.names.count)
        var byPeriod = [MetricAccumulator](repeating: MetricAccumulator(), count: periodKeys.count)
        // Flat tables: period x channel and period x cause slot.
        let slotCount = causes.count + 1
        var periodChannels = [Int](repeating: 0, count: periodKeys.count * channelCount)
        var periodCause = [Int](repeating: 0, count: periodKeys.count * slotCount)
        var exportFCRPresent = false
        var rangeFrom: EpochSeconds?, rangeTo: EpochSeconds?
        let avoidableSlot = [false] + causes.map(\.avoidable)
        for i in 0..<n where counted[i] {
            let f = flags[i], slot = Int(cause[i])
            rangeFrom = min(rangeFrom ?? opened[i], opened[i])
            rangeTo = max(rangeTo ?? opened[i], opened[i])
            var sums = MetricAccumulator()
            sums.contacts = 1
            sums.identified = f.contains(.identified) ? 1 : 0
            sums.classified = slot == 0 ? 0 : 1
            sums.costTotal = Double(cost[i])
            if !handle[i].isNaN {
                sums.handleSum = Double(handle[i])
                sums.handleCount = 1
            }
            if f.contains(.csatNumeric) {
                let score = Double(csatScore[i])
                sums.csatResponses = 1
                sums.csatSatisfied = score >= configuration.csatThreshold ? 1 : 0
                sums.csatNumericSum = score
                sums.csatNumericCount = 1
            } else if f.contains(.csatSatisfied) || f.contains(.csatUnsatisfied) {
                sums.csatResponses = 1
                sums.csatSatisfied = f.contains(.csatSatisfied) ? 1 : 0
            }
            if f.contains(.exportResolved) || f.contains(.exportUnresolved) {
                exportFCRPresent = true
                sums.exportFCRKnown = 1
                sums.exportFCRResolved = f.contains(.exportResolved) ? 1 : 0
            }
            if avoidableSlot[slot] {
                sums.avoidableByCause = 1
                sums.avoidableCost = Double(cost[i])
            }
            let bits = orderBits[i]
            if bits & 0b010 != 0 {
                sums.evaluable = 1
                sums.resolved = bits & 0b100 != 0 ? 1 : 0
            }
            if bits & 0b001 != 0 {
                sums.repeats = 1
                if !avoidableSlot[slot] {
                    sums.repeatOnly = 1
                    sums.avoidableCost = Double(cost[i])
                }
            }
            let p = Int(period[i])
            summary.merge(sums)
            byChannel[Int(channel[i])].merge(sums)
            byCause[slot].merge(sums)
            byQueue[Int(queue[i])].merge(sums)
            byAgent[Int(agent[i])].merge(sums)
            byPeriod[p].merge(sums)
            periodChannels[p * channelCount + Int(channel[i])] += 1
            periodCause[p * slotCount + slot] += 1
        }

        var input = input
        input.duplicatesDropped = duplicates
        input.contactsRead = n - duplicates

        let totalContacts = summary.contacts, totalCost = summary.costTotal
        func set(_ sums: MetricAccumulator, _ q: SliceQuantiles) -> MetricSet {
            sums.metricSet(totalContacts: totalContacts, totalCost: totalCost, quantiles: q, exportFCRPresent: exportFCRPresent)
        }
        runQuantileJobs()
        quantilesDone.wait()
        let slices = quantileJobs.results
        let summaryQ = slices[0][0], channelQ = slices[1], causeQ = slices[2], groupQ = slices[3]
        let processQ = slices[4], queueQ = slices[5], agentQ = slices[6], periodQ = slices[7]

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

/// Hands the timeline to the thread that sorts it (one owner at a time: the engine waits for the sort).
private final class TimelineBox: @unchecked Sendable {
    var timeline: ContactTimeline
    private let condition = NSCondition()
    private var sorted = false

    init(timeline: ContactTimeline) {
        self.timeline = timeline
    }

    func markSorted() {
        condition.lock()
        sorted = true
        condition.broadcast()
        condition.unlock()
    }

    var isSorted: Bool {
        condition.lock()
        defer { condition.unlock() }
        return sorted
    }

    func waitUntilSorted() {
        condition.lock()
        while !sorted { condition.wait() }
        condition.unlock()
    }
}

/// A settle under way (`beginSettling`): the timeline sorting elsewhere, and what is already known.
private struct SettlingTimeline {
    let box: TimelineBox
    let dropped: [Bool]
    let duplicates: Int
    let dataEnd: EpochSeconds?
}

/// Carries the slices' order statistics back from the thread that computes them.
/// The quantile jobs of a report: handed out one at a time to whichever thread asks, results kept by job.
private final class QuantileJobs: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var slices: [[SliceQuantiles]]

    init(count: Int) {
        self.count = count
        slices = Array(repeating: [], count: count)
    }

    /// The next job not yet taken, if any.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ job: Int, _ result: [SliceQuantiles]) {
        lock.lock()
        slices[job] = result
        lock.unlock()
    }

    /// Every job's result (call once all are done).
    var results: [[SliceQuantiles]] {
        lock.lock()
        defer { lock.unlock() }
        return slices
    }
}
