import Foundation

/// Computes every metric of `metrics.md` in one streaming pass plus one sort of a compact per-customer
/// timeline.
///
/// Feed it every contact read (in input order) with `add(_:cause:)`, then call `report(input:)`.
/// Order-independent figures (volume, CSAT, cost, handle time, ...) are summed as contacts arrive; what needs
/// order (repeats, FCR, avoidable repeats, channel switches) is settled once all contacts are in. Contacts
/// outside the reporting range are kept only as timeline context. Per contact the engine keeps a few
/// columns of numbers (about 60 bytes), never the record or its strings.
public struct ContactMetricsEngine: Sendable {
    public let configuration: MetricsConfiguration
    public let causes: [CauseDescriptor]

    // Per-contact columns, input order (all contacts read).
    private var channel: [UInt8] = []
    private var cause: [Int32] = []
    private var counted: [Bool] = []
    private var period: [Int32] = []
    private var queue: [UInt32] = []
    private var agent: [UInt32] = []
    private var cost: [Double] = []
    private var handle: [Float] = []
    private var resolution: [Float] = []
    private var timeline = ContactTimeline()

    // Dimension tables.
    private var queueIDs: [String: UInt32] = [:]
    private var queueNames: [String] = [""]
    private var agentIDs: [String: UInt32] = [:]
    private var agentNames: [String] = [""]
    private var periodIDs: [Int32: Int32] = [:]
    private var periodKeys: [Int32] = []
    private var calendar: PeriodCalendar
    private let groupOfCause: [Int]
    private let groupNames: [String]
    private let processOfCause: [Int]
    private let processNames: [String]

    // Order-independent sums.
    private var summary = MetricAccumulator()
    private var byChannel = [MetricAccumulator](repeating: MetricAccumulator(), count: Channel.allCases.count)
    private var byCause: [MetricAccumulator]
    private var byQueue: [MetricAccumulator] = [MetricAccumulator()]
    private var byAgent: [MetricAccumulator] = [MetricAccumulator()]
    private var byPeriod: [MetricAccumulator] = []
    private var periodChannels: [[Int]] = []
    private var periodCause: [Int64: Int] = [:]
    private var exportFCRPresent = false
    private var dataEnd: EpochSeconds?
    private var rangeFrom: EpochSeconds?
    private var rangeTo: EpochSeconds?

    public init(configuration: MetricsConfiguration, causes: [CauseDescriptor]) {
        self.configuration = configuration
        self.causes = causes
        calendar = PeriodCalendar(granularity: configuration.period, timeZone: configuration.timeZone)
        byCause = [MetricAccumulator](repeating: MetricAccumulator(), count: causes.count + 1)
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

    /// The number of contacts added.
    public var contactsRead: Int { channel.count }

    /// The descriptor of a cause slot (0 = unclassified, `i + 1` = `causes[i]`).
    private func descriptor(slot: Int) -> CauseDescriptor {
        slot == 0 ? .unclassified : causes[slot - 1]
    }

    /// Adds one contact. `cause` is an index into `causes`, or -1 for unclassified.
    public mutating func add(_ contact: ContactRecord, cause causeIndex: Int32) {
        let index = UInt32(truncatingIfNeeded: channel.count)
        let slot = (causeIndex >= 0 && Int(causeIndex) < causes.count) ? Int(causeIndex) + 1 : 0
        let time = contact.openedAt
        dataEnd = max(dataEnd ?? time, time)
        let isCounted = configuration.isInRange(time)
        let contactCost = configuration.costModel.cost(of: contact)
        let resolutionSeconds: Float
        if let closed = contact.closedAt, closed >= time { resolutionSeconds = Float(closed - time) } else { resolutionSeconds = .nan }

        channel.append(UInt8(truncatingIfNeeded: contact.channel.ordinal))
        cause.append(Int32(slot))
        counted.append(isCounted)
        cost.append(contactCost)
        handle.append(contact.handleTimeSeconds.map { Float($0) } ?? .nan)
        resolution.append(resolutionSeconds)
        if let customer = contact.customer, !customer.isEmpty {
            timeline.append(customer: ContactMetricsEngine.identityHash(customer), time: time, cause: Int32(slot), index: index)
        }
        guard isCounted else {
            period.append(-1)
            queue.append(0)
            agent.append(0)
            return
        }
        rangeFrom = min(rangeFrom ?? time, time)
        rangeTo = max(rangeTo ?? time, time)

        let periodKey = calendar.periodKey(of: time)
        let periodID: Int32
        if let known = periodIDs[periodKey] {
            periodID = known
        } else {
            periodID = Int32(periodKeys.count)
            periodIDs[periodKey] = periodID
            periodKeys.append(periodKey)
            byPeriod.append(MetricAccumulator())
            periodChannels.append([Int](repeating: 0, count: Channel.allCases.count))
        }
        period.append(periodID)
        let queueID = Self.intern(contact.queue, ids: &queueIDs, names: &queueNames, sums: &byQueue)
        let agentID = Self.intern(contact.agent, ids: &agentIDs, names: &agentNames, sums: &byAgent)
        queue.append(queueID)
        agent.append(agentID)
        periodChannels[Int(periodID)][contact.channel.ordinal] += 1
        periodCause[Int64(periodID) << 32 | Int64(slot), default: 0] += 1

        var sums = MetricAccumulator()
        sums.contacts = 1
        sums.identified = (contact.customer?.isEmpty == false) ? 1 : 0
        sums.classified = slot == 0 ? 0 : 1
        sums.costTotal = contactCost
        if let h = contact.handleTimeSeconds {
            sums.handleSum = h
            sums.handleCount = 1
        }
        switch contact.csat {
        case .score(let s)?:
            sums.csatResponses = 1
            sums.csatSatisfied = s >= configuration.csatThreshold ? 1 : 0
            sums.csatNumericSum = s
            sums.csatNumericCount = 1
        case .verdict(let satisfied)?:
            sums.csatResponses = 1
            sums.csatSatisfied = satisfied ? 1 : 0
        case nil:
            break
        }
        if let flag = contact.firstContactResolved {
            exportFCRPresent = true
            sums.exportFCRKnown = 1
            sums.exportFCRResolved = flag ? 1 : 0
        } else if let replies = contact.agentReplies {
            exportFCRPresent = true
            sums.exportFCRKnown = 1
            sums.exportFCRResolved = replies <= 1 ? 1 : 0
        }
        if descriptor(slot: slot).avoidable {
            sums.avoidableByCause = 1
            sums.avoidableCost = contactCost
        }
        summary.merge(sums)
        byChannel[contact.channel.ordinal].merge(sums)
        byCause[slot].merge(sums)
        byQueue[Int(queueID)].merge(sums)
        byAgent[Int(agentID)].merge(sums)
        byPeriod[Int(periodID)].merge(sums)
    }

    private static func intern(_ value: String?, ids: inout [String: UInt32], names: inout [String],
                               sums: inout [MetricAccumulator]) -> UInt32 {
        guard let value, !value.isEmpty else { return 0 }
        if let id = ids[value] { return id }
        let id = UInt32(names.count)
        ids[value] = id
        names.append(value)
        sums.append(MetricAccumulator())
        return id
    }

    /// A stable 64-bit hash of an identity key (FNV-1a, then a SplitMix64 finaliser); never 0. Two different
    /// keys share a hash with probability about n² / 2⁶⁵ (below one in a million for five million customers).
    static func identityHash(_ key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01b3
        }
        h ^= h >> 30
        h &*= 0xbf58_476d_1ce4_e5b9
        h ^= h >> 27
        h &*= 0x94d0_49bb_1331_11eb
        h ^= h >> 31
        return h == 0 ? 1 : h
    }

    /// Per contact in input order: `true` when it is a repeat (`classify`'s `repeat` column).
    public func repeatFlags() -> [Bool] {
        var flags = [Bool](repeating: false, count: channel.count)
        guard let dataEnd else { return flags }
        var timeline = self.timeline
        timeline.analyse(window: configuration.window, dataEnd: dataEnd) { entry, outcome in
            if outcome.isRepeat { flags[Int(entry.index)] = true }
        }
        return flags
    }

    /// Settles repeats and FCR, and builds the report.
    public func report(input: InputSummary) -> ContactReport {
        var summary = self.summary
        var byChannel = self.byChannel, byCause = self.byCause, byQueue = self.byQueue
        var byAgent = self.byAgent, byPeriod = self.byPeriod
        var switches: [Int: Int] = [:]
        var customerCounts: [Int] = []
        var currentCustomer: UInt64 = 0, currentCount = 0
        var timeline = self.timeline
        let channelCount = Channel.allCases.count
        let counted = self.counted, cost = self.cost
        let channel = self.channel, cause = self.cause, queue = self.queue, agent = self.agent, period = self.period

        if let dataEnd {
            timeline.analyse(window: configuration.window, dataEnd: dataEnd) { entry, outcome in
                if entry.customer != currentCustomer {
                    if currentCount > 0 { customerCounts.append(currentCount) }
                    currentCustomer = entry.customer
                    currentCount = 0
                }
                let i = Int(entry.index)
                guard counted[i] else { return }
                currentCount += 1
                var sums = MetricAccumulator()
                if outcome.isEvaluable {
                    sums.evaluable = 1
                    sums.resolved = outcome.isResolved ? 1 : 0
                }
                if outcome.isRepeat {
                    sums.repeats = 1
                    let from = Int(channel[Int(outcome.repeatsIndex)]), to = Int(channel[i])
                    if from != to { switches[from * channelCount + to, default: 0] += 1 }
                    if !descriptor(slot: Int(cause[i])).avoidable {
                        sums.repeatOnly = 1
                        sums.avoidableCost = cost[i]
                    }
                }
                summary.merge(sums)
                byChannel[Int(channel[i])].merge(sums)
                byCause[Int(cause[i])].merge(sums)
                byQueue[Int(queue[i])].merge(sums)
                byAgent[Int(agent[i])].merge(sums)
                byPeriod[Int(period[i])].merge(sums)
            }
            if currentCount > 0 { customerCounts.append(currentCount) }
        }

        let totalContacts = summary.contacts, totalCost = summary.costTotal
        let n = channel.count
        func quantiles(groupCount: Int, _ groupOf: (Int) -> Int) -> [SliceQuantiles] {
            let h = OrderStatistics.grouped(count: n, groupCount: groupCount, values: handle, groupOf: groupOf, wantP90: false)
            let r = OrderStatistics.grouped(count: n, groupCount: groupCount, values: resolution, groupOf: groupOf, wantP90: true)
            return (0..<groupCount).map { SliceQuantiles(handleMedian: h[$0].median, resolutionMedian: r[$0].median, resolutionP90: r[$0].p90) }
        }
        func set(_ sums: MetricAccumulator, _ q: SliceQuantiles) -> MetricSet {
            sums.metricSet(totalContacts: totalContacts, totalCost: totalCost, quantiles: q, exportFCRPresent: exportFCRPresent)
        }
        let summaryQ = quantiles(groupCount: 1) { counted[$0] ? 0 : -1 }[0]
        let channelQ = quantiles(groupCount: channelCount) { counted[$0] ? Int(channel[$0]) : -1 }
        let causeQ = quantiles(groupCount: byCause.count) { counted[$0] ? Int(cause[$0]) : -1 }
        let groupOfCause = self.groupOfCause, processOfCause = self.processOfCause
        let groupQ = quantiles(groupCount: groupNames.count) { counted[$0] ? groupOfCause[Int(cause[$0])] : -1 }
        let processQ = quantiles(groupCount: processNames.count) { counted[$0] ? processOfCause[Int(cause[$0])] : -1 }
        let queueQ = quantiles(groupCount: byQueue.count) { counted[$0] ? Int(queue[$0]) : -1 }
        let agentQ = quantiles(groupCount: byAgent.count) { counted[$0] ? Int(agent[$0]) : -1 }
        let periodQ = quantiles(groupCount: byPeriod.count) { counted[$0] ? Int(period[$0]) : -1 }

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
        for q in 1..<byQueue.count { queueRows.append(BreakdownRow(key: queueNames[q], metrics: set(byQueue[q], queueQ[q]))) }
        for a in 1..<byAgent.count { agentRows.append(BreakdownRow(key: agentNames[a], metrics: set(byAgent[a], agentQ[a]))) }
        queueRows.sort(by: byContactsDescending)
        agentRows.sort(by: byContactsDescending)

        // Periods, ascending, each with its change against the previous one.
        var calendar = self.calendar
        let order = (0..<periodKeys.count).sorted { periodKeys[$0] < periodKeys[$1] }
        var periodRows: [PeriodRow] = []
        for id in order {
            let metrics = set(byPeriod[id], periodQ[id])
            var channels: [Channel: Int] = [:]
            for c in Channel.allCases where periodChannels[id][c.ordinal] > 0 { channels[c] = periodChannels[id][c.ordinal] }
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
                let now = periodCause[Int64(last) << 32 | Int64(slot)] ?? 0
                let before = periodCause[Int64(previous) << 32 | Int64(slot)] ?? 0
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
            let top = max(1, Int((Double(customerCounts.count) * 0.01).rounded(.up)))
            topShare = Ratio(customerCounts.prefix(top).reduce(0, +), of: summary.identified)
        }

        let definitions = ReportDefinitions(
            repeatWindowDays: configuration.window.days, repeatScope: configuration.window.scope.rawValue,
            csatScaleLow: configuration.csatScaleLow, csatScaleHigh: configuration.csatScaleHigh,
            csatThreshold: configuration.csatThreshold, currency: configuration.costModel.currency,
            timezone: configuration.timeZone.identifier, period: configuration.period.rawValue,
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
