/// The `QuantileHistogram`s of one measure (handle time or resolution time) for every slice the report breaks
/// down by: each channel, cause slot, queue, agent and period. Cause groups, processes and the whole range
/// are merged from these when the report is built (`merged(_:groupOf:groupCount:)`), so each value is
/// recorded five times, whatever the number of breakdowns.
struct BreakdownHistograms: Sendable {
    var byChannel: [QuantileHistogram]
    var byCause: [QuantileHistogram]
    var byQueue: [QuantileHistogram] = [QuantileHistogram()]
    var byAgent: [QuantileHistogram] = [QuantileHistogram()]
    var byPeriod: [QuantileHistogram] = []

    init(channelCount: Int, causeSlotCount: Int) {
        byChannel = Array(repeating: QuantileHistogram(), count: channelCount)
        byCause = Array(repeating: QuantileHistogram(), count: causeSlotCount)
    }

    /// Adds (`sign` 1) or takes back (`sign` -1) `value` in each of its slices (NaN: no value, nothing done).
    /// Queue, agent and period ids must already have their histograms (`ensure`).
    @inline(__always)
    mutating func record(_ value: Float, sign: Int, channel: Int, cause: Int, queue: Int, agent: Int, period: Int) {
        guard !value.isNaN else { return }
        byChannel[channel].record(value, sign: sign)
        byCause[cause].record(value, sign: sign)
        byQueue[queue].record(value, sign: sign)
        byAgent[agent].record(value, sign: sign)
        byPeriod[period].record(value, sign: sign)
    }

    /// Makes room for queue, agent and period ids up to these.
    @inline(__always)
    mutating func ensure(queue: Int, agent: Int, period: Int) {
        while byQueue.count <= queue { byQueue.append(QuantileHistogram()) }
        while byAgent.count <= agent { byAgent.append(QuantileHistogram()) }
        while byPeriod.count <= period { byPeriod.append(QuantileHistogram()) }
    }

    /// `parts` merged into `groupCount` groups: part `i` goes to group `groupOf[i]`.
    static func merged(_ parts: [QuantileHistogram], groupOf: [Int], groupCount: Int) -> [QuantileHistogram] {
        var groups = Array(repeating: QuantileHistogram(), count: groupCount)
        for (i, part) in parts.enumerated() where part.count > 0 { groups[groupOf[i]].merge(part) }
        return groups
    }

    /// All channels' histograms in one: the whole range.
    var total: QuantileHistogram {
        Self.merged(byChannel, groupOf: Array(repeating: 0, count: byChannel.count), groupCount: 1)[0]
    }
}
