/// The backlog (`BacklogLedger` has the definition) counted at the end of every reported period, and at the end
/// of the last one for every other slice (channels, causes, queues, agents) and the whole range: how many
/// contacts were open then, and the median and 90th percentile (nearest rank) of their ages in days.
///
/// The whole range's backlog is the last period's: contacts open at the end of the last reported period.
struct BacklogFigures: Sendable {
    /// One slice's backlog: the contacts open and the histogram of their ages in days.
    struct Slice: Sendable {
        var open = 0
        var ages = QuantileHistogram(subBucketBits: QuantileHistogram.wholeRangeBits, keepsExactValues: true)

        mutating func record(_ age: Float, sign: Int) {
            open += sign
            ages.record(age, sign: sign)
        }

        mutating func merge(_ other: Slice) {
            open += other.open
            ages.merge(other.ages)
        }
    }

    /// By period id (the ids of `periodKeys`), channel ordinal, cause slot, queue id and agent id.
    private(set) var byPeriod: [Slice]
    private(set) var byChannel: [Slice]
    private(set) var byCause: [Slice]
    private(set) var byQueue: [Slice]
    private(set) var byAgent: [Slice]
    private(set) var total = Slice()
    /// Whether any counted contact has a known state (closed_at or status): without one the backlog has no value.
    let measured: Bool

    /// The figures of `ledger` for the periods `periodKeys` (in id order, any key order), with period ends from
    /// `calendar`; `queueCount` and `agentCount` ids (0 = none), `channelCount` channels, `causeSlotCount` slots.
    init(ledger: BacklogLedger, periodKeys: [Int32], calendar: PeriodCalendar, channelCount: Int,
         causeSlotCount: Int, queueCount: Int, agentCount: Int) {
        measured = ledger.stateKnown > 0
        byPeriod = Array(repeating: Slice(), count: periodKeys.count)
        byChannel = Array(repeating: Slice(), count: channelCount)
        byCause = Array(repeating: Slice(), count: causeSlotCount)
        byQueue = Array(repeating: Slice(), count: queueCount)
        byAgent = Array(repeating: Slice(), count: agentCount)
        guard let lastKey = periodKeys.max() else { return }
        var calendar = calendar
        let order = periodKeys.indices.sorted { periodKeys[$0] < periodKeys[$1] }
        let sortedKeys = order.map { periodKeys[$0] }
        let ends = sortedKeys.map { calendar.start(of: calendar.nextKey(after: $0)) }
        let lastEnd = ends[ends.count - 1]
        func days(_ seconds: EpochSeconds) -> Float { Float(Double(seconds) / 86_400) }
        for entry in ledger.entries {
            let sign = Int(entry.sign)
            // The first reported period at or after the one it opened in (binary search), then each one before
            // the period it closed in.
            var low = 0, high = sortedKeys.count
            while low < high {
                let mid = (low + high) / 2
                if sortedKeys[mid] < entry.openKey { low = mid + 1 } else { high = mid }
            }
            var index = low
            while index < sortedKeys.count && sortedKeys[index] < entry.closedKey {
                byPeriod[order[index]].record(days(ends[index] - entry.opened), sign: sign)
                index += 1
            }
            guard entry.closedKey > lastKey else { continue }
            let age = days(lastEnd - entry.opened)
            total.record(age, sign: sign)
            byChannel[Int(entry.channel)].record(age, sign: sign)
            byCause[Int(entry.cause)].record(age, sign: sign)
            byQueue[Int(entry.queue)].record(age, sign: sign)
            byAgent[Int(entry.agent)].record(age, sign: sign)
        }
    }

    /// The cause slots' backlogs merged into `groupCount` groups: slot `i` goes to group `groupOf[i]`.
    func causesMerged(groupOf: [Int], groupCount: Int) -> [Slice] {
        var groups = Array(repeating: Slice(), count: groupCount)
        for (slot, slice) in byCause.enumerated() where slice.open != 0 { groups[groupOf[slot]].merge(slice) }
        return groups
    }

    /// Sets `metrics`' backlog figures from `slice` (no value when the state of no contact is known).
    func apply(_ slice: Slice, to metrics: inout MetricSet) {
        guard measured else { return }
        metrics.backlog = slice.open
        metrics.backlogAgeMedianDays = slice.ages.median
        metrics.backlogAgeP90Days = slice.ages.percentile(0.9)
    }
}
