/// Slice translation for an analysis whose worker threads add the sums: each worker's `SliceAggregates` numbers
/// its (queue, agent, period) slices locally, in the order it meets them, while the engine's timeline needs
/// one id per slice of the merged sums (what `TimelineOutcomes.walk` adds repeats and FCR to).
///
/// As contacts are appended (on the merging thread, in input order) each (partial, local slice) pair gets an
/// id here, from 1, in order of first appearance (`id(partial:local:)`); when a worker's sums are merged into
/// the engine's, the merge tells which queue, agent and period ids its local ones became (`merged(_:ids:)`);
/// `resolved()` then gives every id's slice in the engine's ids. The ids do not depend on how contacts were
/// shared among workers beyond the order of appending, and the slices they resolve to not at all.
struct WorkerSliceTable: Sendable {
    /// Per partial, per local slice: its id here (0: none yet).
    private var ids: [[UInt32]] = []
    /// Per id (from 1): its partial and local slice.
    private var origins: [(partial: Int32, local: UInt32)] = []
    /// Per partial merged: its local slices in the merged sums' queue, agent and period ids.
    private var mergedSlices: [Int: [DimensionSliceTable.Slice]] = [:]

    /// No id was given out.
    var isEmpty: Bool { origins.isEmpty }

    /// The id here of local slice `local` of partial `partial` (ids from 1, in order of first appearance).
    @inline(__always)
    mutating func id(partial: Int, local: UInt32) -> UInt32 {
        while ids.count <= partial { ids.append([]) }
        let position = Int(local)
        if position >= ids[partial].count {
            ids[partial].append(contentsOf: repeatElement(0, count: position + 1 - ids[partial].count))
        }
        let known = ids[partial][position]
        if known != 0 { return known }
        origins.append((Int32(partial), local))
        let id = UInt32(origins.count)
        ids[partial][position] = id
        return id
    }

    /// Records that partial `index`, whose local slices are `slices` (`SliceAggregates.slices`, slice 0 = none),
    /// was merged and its queue, agent and period ids became `ids` (what `SliceAggregates.merge(_:)` returns).
    mutating func merged(partial index: Int, slices: [DimensionSliceTable.Slice],
                         ids: (queues: [Int], agents: [Int], periods: [Int])) {
        mergedSlices[index] = slices.enumerated().map { id, local in
            guard id > 0 else { return local }
            return DimensionSliceTable.Slice(queue: UInt32(ids.queues[Int(local.queue)]),
                                             agent: UInt32(ids.agents[Int(local.agent)]),
                                             period: UInt32(ids.periods[Int(local.period)]), priority: local.priority,
                                             language: local.language)
        }
    }

    /// Every id's slice in the merged sums' ids (index = id; id 0 is no slice). Every partial that gave an id
    /// must have been merged.
    func resolved() -> [DimensionSliceTable.Slice] {
        [DimensionSliceTable.Slice(queue: 0, agent: 0, period: 0)] + origins.map { origin in
            guard let merged = mergedSlices[Int(origin.partial)], Int(origin.local) < merged.count else {
                preconditionFailure("a partial's sums were not merged before the report")
            }
            return merged[Int(origin.local)]
        }
    }
}
