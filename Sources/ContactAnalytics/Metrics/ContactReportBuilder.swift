/// Builds a `ContactReport` from the summed slices of a `ContactMetricsEngine`: every breakdown's rows (channels,
/// causes, cause groups, processes, queues, agents, periods), their medians from the histograms, the change
/// between periods, emerging causes, channel switches and the report's definitions.
///
/// A pure value: it reads the sums (with the timeline's outcomes already added, `TimelineOutcomes.add(to:)`)
/// and the dimension names, and does not change them; the engine makes one once its timeline is walked.
struct ContactReportBuilder: Sendable {
    let configuration: MetricsConfiguration
    let causes: [CauseDescriptor]
    /// The slices' sums with repeats and FCR added, and their histograms.
    let sums: SliceAggregates
    /// What the timeline walk found: channel switches and contacts per customer.
    let outcomes: TimelineOutcomes
    /// Per cause slot, its first-level group and process (indexes into `groupNames`, `processNames`).
    let groupOfCause: [Int]
    let groupNames: [String]
    let processOfCause: [Int]
    let processNames: [String]
    let calendar: PeriodCalendar
    /// The earliest and latest opened_at of all contacts read, and the first and last of the counted ones.
    let dataStart: EpochSeconds?
    let dataEnd: EpochSeconds?
    let rangeFrom: EpochSeconds?
    let rangeTo: EpochSeconds?
    /// FCR under the compared windows, scope `cause` then `any` (empty without contacts).
    var fcrTallies: [FCRWindowTally] = []
    /// The backlog figures of `sums.backlog` when already counted (`backlogFigures(of:periodKeys:calendar:)`, on
    /// another thread while the timeline was walked); counted in `report(input:)` otherwise.
    var backlog: BacklogFigures?

    /// The backlog at the end of each period, and at the end of the last one for every other slice, of `sums`
    /// (its ledger and dimensions): what `report(input:)` shows, counted apart so it can run on another thread.
    static func backlogFigures(of sums: SliceAggregates, calendar: PeriodCalendar) -> BacklogFigures {
        BacklogFigures(ledger: sums.backlog, periodKeys: sums.periodKeys, calendar: calendar,
                       channelCount: Channel.allCases.count, causeSlotCount: sums.count(of: .cause),
                       queueCount: sums.count(of: .queue), agentCount: sums.count(of: .agent))
    }

    /// The descriptor of a cause slot (0 = unclassified, `i + 1` = `causes[i]`).
    private func descriptor(slot: Int) -> CauseDescriptor {
        slot == 0 ? .unclassified : causes[slot - 1]
    }

    /// FCR side by side: each compared window (and the configured one) with scope cause, then any; the export's
    /// flag; one touch. The configured window and scope is the headline's.
    func fcrDefinitions(_ summary: MetricAccumulator) -> [FCRDefinition] {
        let configured = configuration.window
        var rows: [FCRDefinition] = []
        let windows = Array(Set(FCRDefinition.comparedWindows + [configured.seconds])).sorted()
        for seconds in windows {
            for (index, scope) in [RepeatContactWindow.Scope.cause, .any].enumerated() {
                let window = RepeatContactWindow(seconds: seconds, scope: scope)
                let ratio = index < fcrTallies.count ? fcrTallies[index].ratio(window: seconds) : nil
                rows.append(FCRDefinition(method: .repeatWindow(window), fcr: ratio ?? Ratio(0, of: 0),
                                          isHeadline: window == configured))
            }
        }
        rows.append(FCRDefinition(method: .exportFlag,
                                  fcr: summary.flagKnown > 0 ? Ratio(summary.flagResolved, of: summary.flagKnown) : nil))
        rows.append(FCRDefinition(method: .oneTouch,
                                  fcr: summary.touchesKnown > 0 ? Ratio(summary.oneTouch, of: summary.touchesKnown) : nil))
        return rows
    }

    /// The report, with `input` as what was read (its duplicates and contacts read already filled in).
    func report(input: InputSummary) -> ContactReport {
        let sums = self.sums, byChannel = sums.byChannel, byCause = sums.byCause, byQueue = sums.byQueue
        let byAgent = sums.byAgent, byPeriod = sums.byPeriod
        let switches = outcomes.switches
        let customers = outcomes.customers
        let channelCount = Channel.allCases.count
        var summary = MetricAccumulator()
        for sums in byChannel { summary.merge(sums) }
        let exportFCRPresent = summary.exportFCRKnown > 0

        // Medians and p90 of every slice, from the histograms; cause groups, processes and the whole range
        // merged from their parts.
        // The handle-time median is reported for the whole range only.
        // The first-reply and business-hours clocks' medians come the same way from histograms of their own.
        let r = sums.resolutionTimes, f = sums.firstReplyTimes, b = sums.businessResolutionTimes
        let bf = sums.businessFirstReplyTimes
        func quantiles(_ resolution: [QuantileHistogram], _ firstReply: [QuantileHistogram],
                       _ business: [QuantileHistogram], _ businessReply: [QuantileHistogram]) -> [SliceQuantiles] {
            resolution.indices.map { i in
                SliceQuantiles(handleMedian: nil, resolutionMedian: resolution[i].median,
                               resolutionP90: resolution[i].percentile(0.9),
                               firstReplyMedian: firstReply[i].median, firstReplyP90: firstReply[i].percentile(0.9),
                               businessResolutionMedian: business[i].median,
                               businessResolutionP90: business[i].percentile(0.9),
                               businessFirstReplyMedian: businessReply[i].median,
                               businessFirstReplyP90: businessReply[i].percentile(0.9))
            }
        }
        let total = sums.resolutionTimesTotal, replies = sums.firstReplyTimesTotal
        let businessTotal = sums.businessResolutionTimesTotal
        let summaryQ = SliceQuantiles(handleMedian: sums.handleTimes.median, resolutionMedian: total.median,
                                      resolutionP90: total.percentile(0.9), firstReplyMedian: replies.median,
                                      firstReplyP90: replies.percentile(0.9),
                                      businessResolutionMedian: businessTotal.median,
                                      businessResolutionP90: businessTotal.percentile(0.9),
                                      businessFirstReplyMedian: sums.businessFirstReplyTimesTotal.median,
                                      businessFirstReplyP90: sums.businessFirstReplyTimesTotal.percentile(0.9))
        // The cause histograms are made from the pages once, then grouped twice.
        let rc = r.byCause, fc = f.byCause, bc = b.byCause, bfc = bf.byCause
        func grouped(_ h: [QuantileHistogram], _ groupOf: [Int], _ count: Int) -> [QuantileHistogram] {
            BreakdownHistograms.merged(h, groupOf: groupOf, groupCount: count)
        }
        let channelQ = quantiles(r.byChannel, f.byChannel, b.byChannel, bf.byChannel)
        let causeQ = quantiles(rc, fc, bc, bfc)
        let groupQ = quantiles(grouped(rc, groupOfCause, groupNames.count), grouped(fc, groupOfCause, groupNames.count),
                               grouped(bc, groupOfCause, groupNames.count), grouped(bfc, groupOfCause, groupNames.count))
        let processQ = quantiles(grouped(rc, processOfCause, processNames.count),
                                 grouped(fc, processOfCause, processNames.count),
                                 grouped(bc, processOfCause, processNames.count),
                                 grouped(bfc, processOfCause, processNames.count))
        let queueQ = quantiles(r.byQueue, f.byQueue, b.byQueue, bf.byQueue)
        let agentQ = quantiles(r.byAgent, f.byAgent, b.byAgent, bf.byAgent)
        let periodQ = quantiles(r.byPeriod, f.byPeriod, b.byPeriod, bf.byPeriod)
        let slotCount = causes.count + 1
        let periodChannels = sums.periodChannels, periodCause = sums.periodCause, periodKeys = sums.periodKeys
        let queues = sums.queues, agents = sums.agents
        let rangeFrom = self.rangeFrom, rangeTo = self.rangeTo, dataEnd = self.dataEnd

        let totalContacts = summary.contacts, totalCost = summary.costTotal.value
        func set(_ sums: MetricAccumulator, _ q: SliceQuantiles) -> MetricSet {
            sums.metricSet(totalContacts: totalContacts, totalCost: totalCost, quantiles: q, exportFCRPresent: exportFCRPresent)
        }
        // The backlog at the end of each period, and at the end of the last one for every other slice.
        let backlog = self.backlog ?? Self.backlogFigures(of: sums, calendar: self.calendar)
        func set(_ sums: MetricAccumulator, _ q: SliceQuantiles, backlog slice: BacklogFigures.Slice) -> MetricSet {
            var metrics = set(sums, q)
            backlog.apply(slice, to: &metrics)
            return metrics
        }
        let groupBacklog = backlog.causesMerged(groupOf: groupOfCause, groupCount: groupNames.count)
        let processBacklog = backlog.causesMerged(groupOf: processOfCause, groupCount: processNames.count)

        // Channels, in channel order, those with contacts.
        var channelRows: [BreakdownRow] = []
        for c in Channel.allCases where byChannel[c.ordinal].contacts > 0 {
            channelRows.append(BreakdownRow(key: c.rawValue, metrics: set(byChannel[c.ordinal], channelQ[c.ordinal],
                                                                                  backlog: backlog.byChannel[c.ordinal])))
        }
        // Causes, then first-level groups and processes rolled up from them.
        var causeRows: [BreakdownRow] = []
        var ledgerCauses: [(CauseDescriptor, MetricSet)] = []
        var groupSums = [MetricAccumulator](repeating: MetricAccumulator(), count: groupNames.count)
        var processSums = [MetricAccumulator](repeating: MetricAccumulator(), count: processNames.count)
        for slot in 0..<byCause.count where byCause[slot].contacts > 0 {
            let d = descriptor(slot: slot)
            causeRows.append(BreakdownRow(key: d.path, name: d.name, process: d.process, avoidableCause: d.avoidable,
                                          metrics: set(byCause[slot], causeQ[slot], backlog: backlog.byCause[slot])))
            ledgerCauses.append((d, causeRows[causeRows.count - 1].metrics))
            groupSums[groupOfCause[slot]].merge(byCause[slot])
            processSums[processOfCause[slot]].merge(byCause[slot])
        }
        var groupRows: [BreakdownRow] = []
        for g in 0..<groupNames.count where groupSums[g].contacts > 0 {
            groupRows.append(BreakdownRow(key: groupNames[g], metrics: set(groupSums[g], groupQ[g], backlog: groupBacklog[g])))
        }
        var processRows: [BreakdownRow] = []
        for p in 0..<processNames.count where processSums[p].contacts > 0 {
            processRows.append(BreakdownRow(key: processNames[p], metrics: set(processSums[p], processQ[p], backlog: processBacklog[p])))
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
        for q in 1..<byQueue.count { queueRows.append(BreakdownRow(key: queues.names[q], metrics: set(byQueue[q], queueQ[q], backlog: backlog.byQueue[q]))) }
        for a in 1..<byAgent.count { agentRows.append(BreakdownRow(key: agents.names[a], metrics: set(byAgent[a], agentQ[a], backlog: backlog.byAgent[a]))) }
        // Priorities: urgent to low, then `none` (no priority, or one no alias recognises), when any contact has
        // a priority.
        var priorityRows: [BreakdownRow] = []
        // (`byPriority`, `byLanguage` and `byHour` are copied out of the slice table: once, not per row.)
        let byPriority = sums.byPriority, byLanguage = sums.byLanguage, byHour = sums.byHour
        if byPriority.dropFirst().contains(where: { $0.contacts > 0 }) {
            let resolutionByPriority = sums.resolutionByPriority, firstReplyByPriority = sums.firstReplyByPriority
            for slot in [1, 2, 3, 4, 0] where byPriority[slot].contacts > 0 {
                let h = resolutionByPriority[slot], f = firstReplyByPriority[slot]
                let q = SliceQuantiles(handleMedian: nil, resolutionMedian: h.median, resolutionP90: h.percentile(0.9),
                                       firstReplyMedian: f.median, firstReplyP90: f.percentile(0.9))
                priorityRows.append(BreakdownRow(key: ContactPriority(slot: slot)?.rawValue ?? "none",
                                                 metrics: set(byPriority[slot], q)))
            }
        }
        // Languages: the six named ones, other, then unknown; those with contacts.
        var languageRows: [BreakdownRow] = []
        for language in ContactLanguage.allCases where byLanguage[language.slot].contacts > 0 {
            languageRows.append(BreakdownRow(key: language.rawValue,
                                             metrics: set(byLanguage[language.slot], SliceQuantiles())))
        }
        queueRows.sort(by: byContactsDescending)
        agentRows.sort(by: byContactsDescending)

        // Periods, ascending, each with its change against the previous one; a period the data covers only in
        // part is marked and has no change against or from it.
        var calendar = self.calendar
        let coverage = PeriodCoverage(dataStart: dataStart, dataEnd: dataEnd, since: configuration.since,
                                      until: configuration.until, calendar: &calendar)
        let order = (0..<periodKeys.count).sorted { periodKeys[$0] < periodKeys[$1] }
        var periodRows: [PeriodRow] = []
        for id in order {
            let metrics = set(byPeriod[id], periodQ[id], backlog: backlog.byPeriod[id])
            var channels: [Channel: Int] = [:]
            for c in Channel.allCases where periodChannels[id * channelCount + c.ordinal] > 0 {
                channels[c] = periodChannels[id * channelCount + c.ordinal]
            }
            let partial = coverage?.isPartial(periodKeys[id], calendar: calendar) ?? false
            var change: PeriodChange?
            if let previous = periodRows.last, !partial, !previous.partial {
                change = PeriodChange.between(metrics, previous.metrics, previousPeriod: previous.period)
            }
            var row = PeriodRow(period: calendar.label(of: periodKeys[id]), start: calendar.start(of: periodKeys[id]),
                                metrics: metrics, channels: channels, change: change, partial: partial)
            for slot in 0..<slotCount where periodCause[id * slotCount + slot] > 0 {
                row.causes[descriptor(slot: slot).path] = periodCause[id * slotCount + slot]
            }
            periodRows.append(row)
        }

        // Emerging causes: the last complete period against the complete one before it (partial periods are
        // never compared).
        var emerging: [EmergingCause] = []
        let complete = order.indices.filter { !periodRows[$0].partial }
        if complete.count >= 2 {
            let lastRow = complete[complete.count - 1], previousRow = complete[complete.count - 2]
            let last = order[lastRow], previous = order[previousRow]
            for slot in 0..<byCause.count {
                let now = periodCause[last * slotCount + slot]
                let before = periodCause[previous * slotCount + slot]
                guard now > before else { continue }
                let d = descriptor(slot: slot)
                emerging.append(EmergingCause(cause: d.path, name: d.name, process: d.process,
                                              period: periodRows[lastRow].period,
                                              previousPeriod: periodRows[previousRow].period,
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
            let top = ContactReport.topCustomerCount(of: customers)
            topShare = Ratio(outcomes.contactsOfBusiestCustomers(top), of: summary.identified)
        }

        var definitions = ReportDefinitions(
            window: configuration.window,
            csatScaleLow: configuration.csatScaleLow, csatScaleHigh: configuration.csatScaleHigh,
            csatThreshold: configuration.csatThreshold, currency: configuration.costModel.currency,
            timezone: configuration.timeZoneName, period: configuration.period.rawValue,
            since: configuration.sinceText, until: configuration.untilText,
            dataEnd: dataEnd, costModel: configuration.costModel.definitions,
            coveredFrom: coverage.map { CivilDate(daysSinceEpoch: $0.firstDay).iso },
            coveredTo: coverage.map { CivilDate(daysSinceEpoch: $0.lastDay).iso })
        definitions.serviceTargets = configuration.serviceTargets
        var withHours = definitions
        if let business = configuration.businessCalendar {
            withHours.openingHours = business.configured.map { OpeningHoursDefinition(key: $0.key, hours: $0.hours.text) }
            withHours.holidays = business.holidays?.country.rawValue
            withHours.extraClosedDays = business.extraClosedDays.map(\.iso)
        }

        // Arrivals by channel and local weekday-hour.
        let cells = ArrivalGrid.cells
        var arrivalCounts: [Channel: [Int]] = [:]
        for channel in Channel.allCases {
            arrivalCounts[channel] = Array(sums.arrivals[(channel.ordinal * cells)..<((channel.ordinal + 1) * cells)])
        }

        // Staffing: each staffed channel's arrivals over the covered days, with its mean handle time.
        var handleTimes: [Channel: Double] = [:]
        for row in channelRows {
            if let channel = Channel(rawValue: row.key), let handle = row.metrics.handleTimeMean { handleTimes[channel] = handle }
        }
        let grid = ArrivalGrid(byChannel: arrivalCounts)
        let staffing = StaffingPlan(arrivals: grid, firstDay: coverage?.firstDay, lastDay: coverage?.lastDay,
                                    handleTimes: handleTimes, mappedFields: input.mappedFields,
                                    targets: configuration.staffing)
        // Calls by local hour of day: the hours with an answered or abandoned call.
        var hourRows: [BreakdownRow] = []
        for hour in 0..<24 where byHour[hour].answered + byHour[hour].abandoned > 0 {
            hourRows.append(BreakdownRow(key: (hour < 10 ? "0" : "") + "\(hour)", metrics: set(byHour[hour], SliceQuantiles())))
        }
        var input = input
        input.closedWithoutTime = sums.backlog.closedWithoutTime
        input.stateUnknown = sums.backlog.stateUnknown
        var report = ContactReport(
            input: input, rangeFrom: rangeFrom, rangeTo: rangeTo, definitions: withHours,
            summary: set(summary, summaryQ, backlog: backlog.total), customersIdentified: customers, topCustomerShare: topShare,
            channels: channelRows, causes: causeRows, causeGroups: groupRows, processes: processRows,
            queues: queueRows, agents: agentRows, periods: periodRows, channelSwitches: switchRows,
            emergingCauses: emerging, priorities: priorityRows, arrivals: grid, staffing: staffing,
            phoneHours: hourRows)
        report.fcrDefinitions = fcrDefinitions(summary)
        report.languages = languageRows
        report.savings = SavingsLedger(causes: ledgerCauses, deflection: configuration.deflection,
                                       costModel: configuration.costModel)
        return report
    }
}
