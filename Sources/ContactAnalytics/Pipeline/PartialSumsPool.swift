/// One worker's slice sums (`SliceAggregates`), mutated by that worker only, read once all workers are done.
final class PartialSums: @unchecked Sendable {
    /// Not checked for exclusive access at run time (a check costs about 80 instructions, and every contact
    /// adds to these sums): the pool hands an object to one worker's state at a time (`make`), takes it back
    /// only once every state made so far is done with (`release`, `drain`, on the calling thread after the
    /// workers' jobs have ended), and the worker's only access is one `add` per contact, never nested in another
    /// access to the same sums. So no two accesses ever overlap, on one thread or across threads.
    @exclusivity(unchecked) var aggregates: SliceAggregates
    /// Its number among the analysis's partial sums.
    let index: Int

    init(_ aggregates: SliceAggregates, index: Int) {
        self.aggregates = aggregates
        self.index = index
    }
}

/// Every worker's `PartialSums`, made as workers start and handed to the engine once all input is read (shared
/// by the workers as a `Locked` value). Workers serve every file of a run and keep their sums while the
/// header stays the same; on one thread a file's state is done when the file is, and its sums are then
/// `release`d for the next file to carry on adding to, so a file costs no new sums to allocate and merge
/// (with many small files that was most of a file's cost).
struct PartialSumsPool: Sendable {
    private let empty: SliceAggregates
    /// Sums in use by the current file's workers, and sums free for the next ones.
    private var inUse: [PartialSums] = []
    private var free: [PartialSums] = []
    private var made = 0

    init(empty: SliceAggregates) {
        self.empty = empty
    }

    /// Sums for a worker: free ones from an earlier file, else new empty ones.
    mutating func make() -> PartialSums {
        let part: PartialSums
        if let reused = free.popLast() {
            part = reused
        } else {
            part = PartialSums(empty, index: made)
            made += 1
        }
        inUse.append(part)
        return part
    }

    /// The current workers are done with their sums: the next ones may add to them.
    mutating func release() {
        // Reused in the order they were made, so the same input gives the same sums to the same workers.
        free = (free + inUse).sorted { $0.index > $1.index }
        inUse = []
    }

    /// Every sums made, handed over (call when all workers are done).
    mutating func drain() -> [PartialSums] {
        let drained = (free + inUse).sorted { $0.index < $1.index }
        free = []
        inUse = []
        return drained
    }
}
