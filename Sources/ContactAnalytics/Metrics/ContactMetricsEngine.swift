import Foundation

/// Computes every metric of `metrics.md` in one streaming pass of sums and histograms, plus one sort of a
/// per-customer timeline.
///
/// Feed it every contact read, in input order, with `add(_:cause:)` or `append(_:queue:agent:)`; then
/// `settle(replay:)` (needed only when contact ids repeat) and `report(input:)`. An analysis on several threads lets each worker
/// add the sums to a `SliceAggregates` of its own (`emptySums()`), appends each contact with
/// `append(_:partial:)` (what order and duplicates need) and merges the workers' sums (`merge(_:partial:)`).
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
///
/// **Parts.** The engine appends and keeps the order; each other job is a part of its own: the sums by slice
/// (`SliceAggregates`, with `BreakdownHistograms` and `ExactSum`), the translation of worker threads' slices
/// (`WorkerSliceTable`), the span of the contacts seen (`ObservedRange`), finding duplicates
/// (`DuplicateContactFilter`) and taking them back out (`DuplicateReplay`), the per-customer timeline
/// (`ContactTimeline`), its sort while duplicates settle (`TimelineSort`) and the report's one pass over it
/// (`TimelineSweep`: the walk's `TimelineOutcomes` and the FCR tallies of both scopes).
///
/// **Threads.** The timeline sorts and is walked on threads of the `ThreadBudget` given at `init` (the run's
/// `--threads`), never more, and a released timeline is freed on one of them while the report is built; the
/// report's backlog figures are counted on the calling thread while the timeline sorts (`settle(replay:)`);
/// everything else runs on the calling thread.
public struct ContactMetricsEngine: Sendable {
    public let configuration: MetricsConfiguration
    public let causes: [CauseDescriptor]

    // What grows with the input.
    private var timeline: ContactTimeline
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

    /// Sums and histograms by slice: they grow with the dimensions, not the contacts.
    private var sums: SliceAggregates
    /// The earliest and latest opened_at of all contacts read, and the first and last of the counted ones.
    private var observed = ObservedRange()
    private var dataStart: EpochSeconds? { observed.dataStart }
    private var dataEnd: EpochSeconds? { observed.dataEnd }
    private var rangeFrom: EpochSeconds? { observed.countedFrom }
    private var rangeTo: EpochSeconds? { observed.countedTo }

    // Dimension tables.
    /// The (queue, agent, period) of each timeline entry's slice, when this engine adds the sums.
    private var slices = DimensionSliceTable()
    /// When worker threads add the sums (`append(_:partial:)`): the ids here of their local slices.
    private var workerSlices = WorkerSliceTable()
    private var calendar: ContactCalendar
    private let groupOfCause: [Int]
    private let groupNames: [String]
    private let processOfCause: [Int]
    private let processNames: [String]
    /// Per cause slot: whether the cause is avoidable.
    private let avoidableSlot: [Bool]
    private let channelCount = Channel.allCases.count

    /// Duplicates settled (`settle(replay:)`): per contact whether it was dropped, and how many were.
    private var settlement: (dropped: [Bool], count: Int)?
    /// The duplicates found (kept when a replay has to be tried again).
    private var foundDuplicates: (dropped: [Bool], count: Int)?
    /// Set when a replay failed after taking some contacts out: the sums are no longer whole.
    private var failure: ContactStatError?
    /// The report's backlog figures, counted when duplicates settled (`settle(replay:)`) while the timeline
    /// sorted.
    private var settledBacklog: BacklogFigures?

    /// An engine for `causes` whose timeline sorts and is walked on threads of `threads` (by default, a budget
    /// of its own of `AnalysisOptions.defaultThreads`).
    public init(configuration: MetricsConfiguration, causes: [CauseDescriptor],
                threads: ThreadBudget = ThreadBudget(threads: AnalysisOptions.defaultThreads)) {
        self.configuration = configuration
        self.causes = causes
        timeline = ContactTimeline(threads: threads)
        calendar = ContactCalendar(configuration)
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
        sums = SliceAggregates(csatThreshold: configuration.csatThreshold, avoidableSlot: avoidableSlot,
                        targets: configuration.serviceTargets)
    }

    /// The number of contacts added (duplicates included).
    public var contactsAdded: Int { contactCount }

    /// The descriptor of a cause slot (0 = unclassified, `i + 1` = `causes[i]`).
    private func descriptor(slot: Int) -> CauseDescriptor {
        slot == 0 ? .unclassified : causes[slot - 1]
    }

    /// Adds one contact, in input order. `cause` is an index into `causes`, or -1 for unclassified.
    public mutating func add(_ contact: ContactRecord, cause causeIndex: Int32) {
        append(facts(of: contact, cause: causeIndex), queue: contact.queue, agent: contact.agent)
    }

    /// The facts of `contact` with cause index `cause`, as `add(_:cause:)` appends them.
    public mutating func facts(of contact: ContactRecord, cause causeIndex: Int32) -> ContactFacts {
        ContactFacts(contact, cause: causeIndex, causeCount: causes.count, costModel: configuration.costModel,
                     calendar: &calendar)
    }

    /// A calendar for computing `ContactFacts` on another thread.
    public var factsCalendar: ContactCalendar { calendar }

    /// Adds one contact's facts, in input order, with its queue and agent (nil or empty: none).
    public mutating func append(_ facts: ContactFacts, queue: String?, agent: String?) {
        append(facts, partial: nil, queue: queue, agent: agent)
    }

    /// Empty slice sums for another thread to add counted contacts to (`SliceAggregates.add`), merged here
    /// later with `merge(_:partial:)`: an analysis's worker threads do the summing, and the merging thread
    /// appends each contact with `append(_:partial:)`.
    func emptySums() -> SliceAggregates {
        SliceAggregates(csatThreshold: configuration.csatThreshold, avoidableSlot: avoidableSlot,
                        targets: configuration.serviceTargets)
    }

    /// Adds the sums of partial number `index` (`emptySums()`, the `partial` of its contacts' `append`), before
    /// settling.
    mutating func merge(_ partial: SliceAggregates, partial index: Int) {
        precondition(settlement == nil, "merge(_:partial:) after settle(replay:)")
        let ids = sums.merge(partial)
        workerSlices.merged(partial: index, slices: partial.slices.slices, ids: ids)
    }

    /// Adds one contact's facts, in input order. With `partial`, its sums and times were added to the
    /// `SliceAggregates` number `partial.index` (merged later with `merge(_:partial:)`), which gave it the local
    /// slice `partial.slice`; otherwise they are added here. The timeline, duplicate ids and reporting range
    /// are kept here either way. An engine takes contacts one way or the other, not both. `queueName` and
    /// `agentName` are the contact's queue and agent, needed without `partial` only.
    mutating func append(_ facts: ContactFacts, partial: (index: Int, slice: UInt32)?, queue queueName: String? = nil,
                         agent agentName: String? = nil) {
        precondition(settlement == nil, "append(_:) after settle(replay:)")
        if contactCount == reserved { reserveCapacity(adding: max(1 << 16, contactCount / 4)) }
        let index = contactCount
        contactCount += 1
        let time = facts.opened
        let counted = configuration.isInRange(time)
        observed.include(time, counted: counted)
        if facts.contactIDHash != 0 { duplicates.add(hash: facts.contactIDHash, index: index) }
        causeSlots.append(UInt16(truncatingIfNeeded: facts.causeSlot))
        var slice: UInt32 = 0
        if counted {
            if let partial {
                precondition(slices.slices.count == 1, "append(_:partial:) after append(_:)")
                if facts.customerHash != 0 { slice = workerSlices.id(partial: partial.index, local: partial.slice) }
            } else {
                precondition(workerSlices.isEmpty, "append(_:) after append(_:partial:)")
                let (period, queue, agent) = sums.dimensionIDs(periodKey: facts.periodKey, queue: queueName,
                                                               agent: agentName)
                if facts.customerHash != 0 {
                    slice = slices.id(queue: UInt32(queue), agent: UInt32(agent), period: UInt32(period),
                                      priority: UInt32(facts.priority), language: UInt32(facts.language))
                }
                sums.contribute(facts, slot: Int(facts.causeSlot), period: period, queue: queue, agent: agent, sign: 1)
            }
        }
        if facts.customerHash != 0 {
            timeline.append(customer: facts.customerHash, time: time, cause: facts.causeSlot, channel: facts.channel,
                            counted: counted, index: UInt32(truncatingIfNeeded: index), slice: slice, cost: facts.cost,
                            outsideHours: facts.hours.isOutside)
        }
    }

    /// Every timeline slice's queue, agent and period ids here (index = slice id).
    private var resolvedSlices: [DimensionSliceTable.Slice] {
        workerSlices.isEmpty ? slices.slices : workerSlices.resolved()
    }

    /// Settles duplicates: all but the last contact of each `contact_id` are dropped. When some are,
    /// `replay` must feed the facts of every contact added, with its queue and agent, again and in the same
    /// order (`facts(of:cause:)` or the same mapping as the first time; the cause fed is ignored: each contact
    /// is taken back out with the cause it was added with). The dropped ones are then taken out of every sum
    /// and histogram, and data_end and the reporting range are recomputed without them. `replay` is not called when no id repeats.
    ///
    /// Throws `ContactStatError(.dataFormat)` when the replay feeds a different number of contacts (the input
    /// changed between the two reads); errors of `replay` are passed on. An error before the replay fed any
    /// contact leaves the engine as it was (settle again); after that, the engine reports nothing more (every
    /// later call throws the error again), since some contacts were taken out and others not.
    public mutating func settle(
        replay: (_ feed: (_ facts: ContactFacts, _ queue: String?, _ agent: String?) -> Void) throws -> Void
    ) throws {
        if let failure { throw failure }
        guard settlement == nil else { return }
        // The timeline sorts on another thread meanwhile (nothing below reads it), for scope `any` whatever the
        // configured scope: the report's sweep gets both scopes from that order (`TimelineSweep`).
        let sorting = TimelineSort(taking: &timeline, scope: .any)
        defer {
            timeline = sorting.wait()
            if let settlement, settlement.count > 0 { timeline.remove(dropped: settlement.dropped) }
        }
        let (dropped, count) = foundDuplicates ?? duplicates.settle(count: contactCount)
        foundDuplicates = (dropped, count)
        if count > 0 {
            var replaying = DuplicateReplay(dropped: dropped, causeSlots: causeSlots, configuration: configuration)
            do {
                try replay { facts, queue, agent in replaying.feed(facts, queue: queue, agent: agent, into: &sums) }
                try replaying.finish(expected: contactCount)
            } catch {
                if replaying.fed > 0 {
                    failure = error as? ContactStatError
                        ?? ContactStatError(.io, "reading the input again to drop duplicate contact ids failed: \(error)")
                }
                throw error
            }
            observed = replaying.range
        }
        causeSlots = []
        foundDuplicates = nil
        settlement = (dropped, count)
        // The sums are final: the backlog figures (which need no order) are counted here, while the timeline
        // still sorts on another thread.
        settledBacklog = ContactReportBuilder.backlogFigures(of: sums, calendar: calendar.periods)
    }

    /// `settle(replay:)` feeding `contacts` again (the same contacts, in the order they were added).
    public mutating func settle(replaying contacts: [(ContactRecord, Int32)]) throws {
        var calendar = self.calendar
        let causeCount = causes.count, costModel = configuration.costModel
        try settle { feed in
            for (contact, cause) in contacts {
                feed(ContactFacts(contact, cause: cause, causeCount: causeCount, costModel: costModel, calendar: &calendar),
                     contact.queue, contact.agent)
            }
        }
    }

    /// The settled duplicates; without `settle(replay:)` first, settles them when no contact id repeats, and
    /// throws `ContactStatError(.dataFormat)` when one does (the dropped occurrences can only be taken out by
    /// reading the contacts again).
    private mutating func settled() throws -> (dropped: [Bool], count: Int) {
        if let failure { throw failure }
        if let settlement { return settlement }
        try settle { _ in
            throw ContactStatError(.dataFormat, "contact ids occur more than once: the contacts must be read again "
                                   + "(settle(replay:)) before the figures are asked for")
        }
        return settlement ?? ([Bool](repeating: false, count: contactCount), 0)
    }

    /// Per contact in input order: `true` when it is a repeat (`classify`'s `repeat` column). A dropped
    /// duplicate is never a repeat. Throws as `contactFlags()` does.
    public mutating func repeatFlags() throws -> [Bool] {
        try contactFlags().repeats
    }

    /// Per contact in input order: whether it is a repeat, and whether it is dropped as a duplicate. Settles
    /// duplicates first when `settle(replay:)` was not called; throws `ContactStatError(.dataFormat)` then if a
    /// contact id repeats.
    public mutating func contactFlags() throws -> (repeats: [Bool], duplicates: [Bool]) {
        let (entries, dropped) = try contactAudit()
        return (entries.map { $0.repeatOf != nil }, dropped)
    }

    /// Per contact in input order: its outcome in the timeline walk that the report's repeat, FCR and
    /// channel-switch figures add up (`ContactAuditEntry`), and whether it is dropped as a duplicate. A
    /// contact outside the reporting range is never evaluable (the report does not count it); it can still be
    /// a repeat and be repeated (context). Settles duplicates first, and throws, as `contactFlags()` does.
    public mutating func contactAudit() throws -> (entries: [ContactAuditEntry], duplicates: [Bool]) {
        precondition(!timelineReleased, "contactAudit() after report(input:releasingTimeline: true)")
        var entries = [ContactAuditEntry](repeating: .none, count: contactCount)
        let (dropped, _) = try settled()
        guard let dataEnd else { return (entries, dropped) }
        let channels = Channel.allCases
        timeline.analyse(window: configuration.window, dataEnd: dataEnd) { entry, outcome in
            let evaluable = entry.counted && outcome.isEvaluable
            entries[Int(entry.index)] = ContactAuditEntry(
                repeatOf: outcome.isRepeat ? Int(outcome.repeatsIndex) : nil,
                switchFrom: outcome.isRepeat && outcome.repeatsChannel != entry.channel
                    ? channels[Int(outcome.repeatsChannel)] : nil,
                evaluable: evaluable, resolved: evaluable && outcome.isResolved)
        }
        return (entries, dropped)
    }

    /// Reserves room for `count` more contacts, so the per-contact arrays do not grow by doubling (and waste up
    /// to half their memory) when the caller can estimate the input's size.
    ///
    /// Past the reserved room they grow by a quarter at a time (not by doubling), together.
    public mutating func reserveCapacity(adding count: Int) {
        guard count > 0 else { return }
        let needed = contactCount + count
        guard needed > reserved else { return }
        // The first reservation is exact (one file: no room wasted); later ones grow by a quarter at least, so
        // many small files do not copy the arrays once each (quadratic in the number of files).
        let total = reserved == 0 ? needed : max(needed, reserved + reserved / 4)
        reserved = total
        causeSlots.reserveCapacity(total)
        timeline.entries.reserveCapacity(total)
        duplicates.reserveCapacity(total)
    }

    /// Walks the timeline, adds repeats and FCR to the slices' sums, and builds the report
    /// (`ContactReportBuilder`). `input.duplicatesDropped` and `input.contactsRead` are filled in here. Settles
    /// duplicates first when `settle(replay:)` was not called, and throws `ContactStatError(.dataFormat)` then if
    /// a contact id repeats.
    ///
    /// With `releasingTimeline`, the per-customer timeline is freed as soon as its walk is done; the engine can
    /// then report no more (`repeatFlags`, `contactFlags` and a second `report` would see no repeats), so ask
    /// for flags first.
    public mutating func report(input: InputSummary, releasingTimeline: Bool = false) throws -> ContactReport {
        precondition(!timelineReleased, "report(input:) after report(input:releasingTimeline: true)")
        let duplicates = try settled().count
        let channelCount = self.channelCount
        sums.applyPendingUpdates()
        // Counted while the timeline sorted (`settle(replay:)`).
        let backlog = settledBacklog ?? ContactReportBuilder.backlogFigures(of: sums, calendar: calendar.periods)

        // What needs order: repeats, FCR, channel switches, contacts per customer (`TimelineOutcomes`), and FCR
        // side by side: every compared window (and the configured one) under both scopes. One pass over the
        // timeline (`TimelineSweep`), sorted for scope `any` since duplicates settled: that one order gives both
        // scopes.
        var outcomes = TimelineOutcomes(channels: channelCount, causeSlots: causes.count + 1,
                                        queues: sums.count(of: .queue), agents: sums.count(of: .agent),
                                        periods: sums.count(of: .period))
        var fcrTallies: [FCRWindowTally] = []
        if let dataEnd {
            let configured = configuration.window
            let windows = Array(Set(FCRDefinition.comparedWindows + [configured.seconds])).sorted()
            let sweep = TimelineSweep(&timeline, window: configured, windows: windows, dataEnd: dataEnd,
                                      slices: resolvedSlices, avoidableSlot: avoidableSlot,
                                      channelCount: channelCount, empty: outcomes)
            outcomes = sweep.outcomes
            fcrTallies = sweep.fcrTallies
        }
        var withOutcomes = sums
        outcomes.add(to: &withOutcomes)
        // Freeing the timeline (unmapping 32 bytes a contact) takes milliseconds: done on a thread of the budget
        // while the report is built (on this thread when none is free).
        let threads = timeline.threads
        let released = releasingTimeline
            ? BackgroundWork(taking: &timeline, leaving: ContactTimeline(threads: threads), on: threads) { freed in
                freed = ContactTimeline(threads: threads)
            } : nil
        timelineReleased = releasingTimeline
        defer { _ = released?.wait() }
        var input = input
        input.duplicatesDropped = duplicates
        input.contactsRead = contactCount - duplicates
        let builder = ContactReportBuilder(
            configuration: configuration, causes: causes, sums: withOutcomes, outcomes: outcomes,
            groupOfCause: groupOfCause, groupNames: groupNames, processOfCause: processOfCause,
            processNames: processNames, calendar: calendar.periods, dataStart: dataStart, dataEnd: dataEnd,
            rangeFrom: rangeFrom, rangeTo: rangeTo, fcrTallies: fcrTallies, backlog: backlog)
        return builder.report(input: input)
    }
}
