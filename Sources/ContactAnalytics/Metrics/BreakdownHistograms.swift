/// The resolution-time `QuantileHistogram`s of every slice the report breaks down by (each channel, cause
/// slot, priority slot, queue, agent and period), kept in one pool: a page table of `histograms x octaves` and
/// one array of bucket pages. A value is placed in its bucket once and counted in its six slices with one
/// page-table read and one bucket write each, which keeps the worker threads' many small histograms cheap to
/// update (the priorities' were histograms of their own, each placing the value again).
/// Cause groups and processes are merged from these when the report is built.
///
/// **Pending updates.** The pages are megabytes per worker thread, so a value's six buckets are mostly cache
/// misses: `record` notes their updates (`PendingBucketUpdates`), applied a batch at a time with their misses
/// overlapping, in order, so the figures are the same. Everything that reads or merges the pages applies the
/// pending updates first (`applyPending()`, or `settled` for a copy).
struct BreakdownHistograms: Sendable {
    typealias Bucket = QuantileHistogram.Bucket
    private static let octaves = QuantileHistogram.octaveCount
    private static let bits = QuantileHistogram.sliceBits
    private static let perOctave = 1 << bits

    /// `pageTable[h * octaves + o]`: where histogram `h`'s octave `o` starts in `pages`, or -1.
    private var pageTable: [Int32] = []
    private var pages: [Bucket] = []

    /// Updates of `pages` not applied yet.
    private var pending = PendingBucketUpdates()
    /// The number of bucket updates not applied yet (for tests).
    var pendingUpdates: Int { pending.count }
    /// Per histogram: its low bucket and its number of values.
    private var lows: [Bucket] = []
    private var counts: [Int] = []

    let channelCount: Int
    let causeSlotCount: Int
    /// `ServiceTargets.prioritySlots`: the priority slots' histograms follow the cause slots'.
    let prioritySlotCount = ServiceTargets.prioritySlots
    /// Histogram of each queue, agent and period id (channels, cause slots and priority slots come first, in
    /// order; queue and agent id 0 is "none").
    private(set) var queueHistograms: [Int32] = []
    private(set) var agentHistograms: [Int32] = []
    private(set) var periodHistograms: [Int32] = []

    init(channelCount: Int, causeSlotCount: Int) {
        self.channelCount = channelCount
        self.causeSlotCount = causeSlotCount
        for _ in 0..<(channelCount + causeSlotCount + prioritySlotCount) { _ = newHistogram() }
        // Queue and agent id 0: none.
        addQueue()
        addAgent()
    }

    private mutating func newHistogram() -> Int32 {
        let id = Int32(lows.count)
        lows.append(Bucket())
        counts.append(0)
        pageTable.append(contentsOf: repeatElement(-1, count: Self.octaves))
        return id
    }

    /// A histogram for the next queue, agent or period id.
    mutating func addQueue() { queueHistograms.append(newHistogram()) }
    mutating func addAgent() { agentHistograms.append(newHistogram()) }
    mutating func addPeriod() { periodHistograms.append(newHistogram()) }

    /// Adds (`sign` 1) or takes back (`sign` -1) `value` in each of its slices (NaN: no value, nothing done).
    /// `priority` is its priority slot (`ServiceTargets.prioritySlots`).
    @inline(__always)
    mutating func record(_ value: Float, sign: Int, channel: Int, cause: Int, priority: Int = 0, queue: Int,
                         agent: Int, period: Int) {
        guard value.isFinite else { return }
        precondition(priority >= 0 && priority < prioritySlotCount, "no such priority slot")
        let ids = (channel, channelCount + cause, Int(queueHistograms[queue]), Int(agentHistograms[agent]),
                   Int(periodHistograms[period]), channelCount + causeSlotCount + priority)
        counts.withUnsafeMutableBufferPointer { c in
            c[ids.0] += sign
            c[ids.1] += sign
            c[ids.2] += sign
            c[ids.3] += sign
            c[ids.4] += sign
            c[ids.5] += sign
        }
        let bits = (value + 0).bitPattern
        guard let place = QuantileHistogram.place(ofBits: bits, subBucketBits: Self.bits) else {
            lows.withUnsafeMutableBufferPointer { l in
                l[ids.0].record(bits, sign: sign)
                l[ids.1].record(bits, sign: sign)
                l[ids.2].record(bits, sign: sign)
                l[ids.3].record(bits, sign: sign)
                l[ids.4].record(bits, sign: sign)
                l[ids.5].record(bits, sign: sign)
            }
            return
        }
        // The six pages (made the first time a slice has a value in this octave), then the six buckets.
        let octave = place.octave
        var first = pageTable.withUnsafeBufferPointer { t in
            (Int(t[ids.0 * Self.octaves + octave]), Int(t[ids.1 * Self.octaves + octave]),
             Int(t[ids.2 * Self.octaves + octave]), Int(t[ids.3 * Self.octaves + octave]),
             Int(t[ids.4 * Self.octaves + octave]), Int(t[ids.5 * Self.octaves + octave]))
        }
        if first.0 < 0 || first.1 < 0 || first.2 < 0 || first.3 < 0 || first.4 < 0 || first.5 < 0 {
            first = (page(ids.0, octave), page(ids.1, octave), page(ids.2, octave), page(ids.3, octave),
                     page(ids.4, octave), page(ids.5, octave))
        }
        // The six bucket updates wait in `pending`.
        let sub = place.sub
        pending.note((first.0 + sub, first.1 + sub, first.2 + sub, first.3 + sub, first.4 + sub, first.5 + sub),
                     bits: bits, sign: sign, buckets: &pages)
    }

    /// Applies the pending bucket updates.
    mutating func applyPending() {
        pending.apply(to: &pages)
    }

    /// These histograms with every pending update applied: `self` when none is pending, else a copy.
    var settled: BreakdownHistograms {
        guard pending.count > 0 else { return self }
        var copy = self
        copy.applyPending()
        return copy
    }

    /// Where histogram `id`'s page for `octave` starts, made if needed.
    private mutating func page(_ id: Int, _ octave: Int) -> Int {
        let slot = id * Self.octaves + octave
        let existing = Int(pageTable[slot])
        if existing >= 0 { return existing }
        let page = pages.count
        // Pending updates name a bucket in 32 bits.
        precondition(page + Self.perOctave <= Int(UInt32.max), "too many histogram pages")
        pageTable[slot] = Int32(page)
        pages.append(contentsOf: repeatElement(Bucket(), count: Self.perOctave))
        return page
    }

    /// Histogram `id` as a `QuantileHistogram` (with no update pending: see `settled`).
    private func histogram(_ id: Int) -> QuantileHistogram {
        assert(pending.count == 0, "histogram(_:) with updates pending")
        var octavePages: [(octave: Int, buckets: ArraySlice<Bucket>)] = []
        for octave in 0..<Self.octaves {
            let page = Int(pageTable[id * Self.octaves + octave])
            if page >= 0 { octavePages.append((octave, pages[page..<(page + Self.perOctave)])) }
        }
        return QuantileHistogram(subBucketBits: Self.bits, count: counts[id], low: lows[id], pages: octavePages)
    }

    // Each reads `settled`: nothing pending (`applyPending()` was called), or a copy with the updates applied.
    var byChannel: [QuantileHistogram] {
        let s = settled
        return (0..<channelCount).map(s.histogram)
    }
    var byCause: [QuantileHistogram] {
        let s = settled
        return (0..<causeSlotCount).map { s.histogram(channelCount + $0) }
    }
    var byPriority: [QuantileHistogram] {
        let s = settled
        return (0..<prioritySlotCount).map { s.histogram(channelCount + causeSlotCount + $0) }
    }
    var byQueue: [QuantileHistogram] {
        let s = settled
        return queueHistograms.map { s.histogram(Int($0)) }
    }
    var byAgent: [QuantileHistogram] {
        let s = settled
        return agentHistograms.map { s.histogram(Int($0)) }
    }
    var byPeriod: [QuantileHistogram] {
        let s = settled
        return periodHistograms.map { s.histogram(Int($0)) }
    }

    /// Adds histogram `from` of `other` (nothing pending in either) into histogram `to` here.
    private mutating func merge(_ other: BreakdownHistograms, _ from: Int, into to: Int) {
        counts[to] += other.counts[from]
        lows[to].merge(other.lows[from])
        for octave in 0..<Self.octaves {
            let source = Int(other.pageTable[from * Self.octaves + octave])
            guard source >= 0 else { continue }
            QuantileHistogram.mergePage(at: &pageTable[to * Self.octaves + octave], in: &pages, from: other.pages,
                                        at: source, bucketsPerOctave: Self.perOctave)
        }
    }

    /// Adds every histogram of `other` (with the same channels and cause slots); its queue, agent and period
    /// ids are these ids here (`queueIDs[q]` for its queue `q`, ...).
    mutating func merge(_ other: BreakdownHistograms, queueIDs: [Int], agentIDs: [Int], periodIDs: [Int]) {
        applyPending()
        let other = other.settled
        for id in 0..<(channelCount + causeSlotCount + prioritySlotCount) { merge(other, id, into: id) }
        for (q, id) in other.queueHistograms.enumerated() { merge(other, Int(id), into: Int(queueHistograms[queueIDs[q]])) }
        for (a, id) in other.agentHistograms.enumerated() { merge(other, Int(id), into: Int(agentHistograms[agentIDs[a]])) }
        for (p, id) in other.periodHistograms.enumerated() { merge(other, Int(id), into: Int(periodHistograms[periodIDs[p]])) }
    }

    /// `parts` merged into `groupCount` groups: part `i` goes to group `groupOf[i]`.
    static func merged(_ parts: [QuantileHistogram], groupOf: [Int], groupCount: Int) -> [QuantileHistogram] {
        var groups = Array(repeating: QuantileHistogram(), count: groupCount)
        for (i, part) in parts.enumerated() where part.count > 0 { groups[groupOf[i]].merge(part) }
        return groups
    }
}
