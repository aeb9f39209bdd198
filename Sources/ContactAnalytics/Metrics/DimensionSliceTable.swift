/// Gives each distinct (queue, agent, period, priority) slice of counted contacts a small id (1, 2, ...), so a
/// timeline entry names all four in four bytes. Triples are few (they grow with the queues, agents and periods, not
/// with the contacts); asked once per identified contact, by each worker thread's `SliceAggregates` (or by the
/// metrics engine when it adds the sums itself), through an open-addressing table and a one-entry cache
/// (consecutive contacts often share a triple).
struct DimensionSliceTable: Sendable {
    struct Slice: Sendable, Equatable {
        var queue: UInt32
        var agent: UInt32
        var period: UInt32
        /// `ContactPriority.slot`, 0 = none or unrecognised (fixed ids: no translation between workers).
        var priority: UInt32 = 0
        /// `ContactLanguage.slot`, 0 = unknown (fixed ids, like the priority).
        var language: UInt32 = 0
    }

    /// `slices[id]`; `slices[0]` is unused (id 0 means "not counted").
    private(set) var slices: [Slice] = [Slice(queue: 0, agent: 0, period: 0)]
    /// Per table slot: the slice id, 0 for an empty slot.
    private var slots = [UInt32](repeating: 0, count: 64)
    private var last = Slice(queue: .max, agent: .max, period: .max)
    private var lastID: UInt32 = 0

    /// The id of the triple, new if it was not seen before.
    @inline(__always)
    mutating func id(queue: UInt32, agent: UInt32, period: UInt32, priority: UInt32 = 0,
                     language: UInt32 = 0) -> UInt32 {
        let slice = Slice(queue: queue, agent: agent, period: period, priority: priority, language: language)
        if slice == last { return lastID }
        let mask = slots.count - 1
        var slot = Self.hash(slice) & mask
        while true {
            let id = slots[slot]
            if id == 0 { break }
            if slices[Int(id)] == slice {
                (last, lastID) = (slice, id)
                return id
            }
            slot = (slot + 1) & mask
        }
        let id = UInt32(slices.count)
        slices.append(slice)
        slots[slot] = id
        if slices.count * 4 > slots.count { grow() }
        (last, lastID) = (slice, id)
        return id
    }

    /// Prefetches the table slot of the slice (`CacheLine`), without looking the slice up: called early for a
    /// contact whose `id` is asked later, so that line (often a miss: the input streaming through the caches
    /// evicts it) arrives while other work is done. (Reading the slot and the slice it names instead made every
    /// contact wait for both: the reads had to finish before the instructions after them could retire.)
    @inline(__always)
    func touch(queue: UInt32, agent: UInt32, period: UInt32, priority: UInt32 = 0, language: UInt32 = 0) {
        let slice = Slice(queue: queue, agent: agent, period: period, priority: priority, language: language)
        let slot = Self.hash(slice) & (slots.count - 1)
        slots.withUnsafeBufferPointer { s in
            guard let base = s.baseAddress else { return }
            CacheLine.prefetchForReading(base + slot)
        }
    }

    @inline(__always)
    private static func hash(_ s: Slice) -> Int {
        var h = UInt64(s.queue) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ UInt64(s.agent)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ UInt64(s.period)) &* 0x94D0_49BB_1331_11EB
        h = (h ^ (UInt64(s.priority) | UInt64(s.language) << 8)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h ^ (h >> 31))
    }

    /// Doubles the table (load factor at most one quarter: a lookup nearly always ends at its first slot, where
    /// at one half every third one went on to the next, a branch the processor could not predict).
    private mutating func grow() {
        let count = slots.count * 2
        var newSlots = [UInt32](repeating: 0, count: count)
        for id in 1..<slices.count {
            var target = Self.hash(slices[id]) & (count - 1)
            while newSlots[target] != 0 { target = (target + 1) & (count - 1) }
            newSlots[target] = UInt32(id)
        }
        slots = newSlots
    }
}
