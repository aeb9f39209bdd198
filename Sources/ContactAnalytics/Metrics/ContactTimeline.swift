/// The compact per-customer timeline behind repeats, FCR and channel switches: 32 bytes per identified
/// contact, sorted once. It is the only thing the metrics engine keeps that grows with every contact.
///
/// A large timeline sorts and is walked in two halves at once when its `threads` budget has a thread free
/// (the run's budget, given by the metrics engine; none by default).
struct ContactTimeline: Sendable {
    /// 32 bytes: everything the walk needs to put a contact's outcome (repeat, evaluable, resolved) into its
    /// breakdowns, so nothing else is kept per contact.
    struct Entry: Sendable {
        /// A 64-bit hash of the identity key (never 0).
        var customer: UInt64
        var time: EpochSeconds
        /// The contact's index in input order (also breaks ties in time).
        var index: UInt32
        /// The contact's (queue, agent, period) slice: an id the metrics engine resolves to its own queue,
        /// agent and period ids (0 when not counted).
        var slice: UInt32
        /// The contact's cost (a repeat that is not avoidable by cause adds it to the avoidable cost).
        var cost: Float
        /// The cause slot (`Taxonomy` allows fewer than 65,535 causes).
        var cause: UInt16
        var channel: UInt8
        /// `countedMark` and `outsideHoursMark` (one byte, so the entry stays 32 bytes).
        var marks: UInt8

        static let countedMark: UInt8 = 1 << 0
        static let outsideHoursMark: UInt8 = 1 << 1

        /// Inside the reporting range.
        var counted: Bool { marks & Self.countedMark != 0 }
        /// Opened outside its channel's opening hours.
        var outsideHours: Bool { marks & Self.outsideHoursMark != 0 }
    }

    /// What the timeline says about one contact.
    struct Outcome {
        var isRepeat: Bool
        /// The channel of the contact it repeats (valid when `isRepeat`).
        var repeatsChannel: UInt8
        /// The input index of the contact it repeats (valid when `isRepeat`).
        var repeatsIndex: UInt32
        /// Whether the contact it repeats opened outside opening hours (valid when `isRepeat`).
        var repeatsOutsideHours: Bool
        var isEvaluable: Bool
        var isResolved: Bool
    }

    var entries: [Entry] = []
    /// The threads the sort and the walk (`TimelineOutcomes.walk`) may use besides the caller's.
    var threads: ThreadBudget
    /// The scope the entries are sorted for, if they are.
    private var sortedFor: RepeatContactWindow.Scope?

    /// An empty timeline that sorts and is walked with `threads`.
    init(threads: ThreadBudget = .callerOnly) {
        self.threads = threads
    }

    mutating func append(customer: UInt64, time: EpochSeconds, cause: Int32, channel: UInt8, counted: Bool,
                         index: UInt32, slice: UInt32, cost: Float, outsideHours: Bool = false) {
        let marks = (counted ? Entry.countedMark : 0) | (outsideHours ? Entry.outsideHoursMark : 0)
        entries.append(Entry(customer: customer, time: time, index: index, slice: slice, cost: cost,
                             cause: UInt16(clamping: cause), channel: channel, marks: marks))
        sortedFor = nil
    }

    /// Sorts the entries by customer, then (scope `cause`) cause, then time, then input order, once per scope.
    ///
    /// Large timelines sort in two halves, on two threads when `threads` has one free: one pass moves the
    /// entries into 256 buckets by the top byte of the customer hash (`CustomerBuckets`), then the buckets of
    /// the first half (top bit clear) sort on one thread and the others on the other; since every customer of
    /// a bucket is below every customer of the next, that is the whole order (`TimelineOutcomes.walk` splits
    /// there again, at `customerSplit`). Large buckets split again by the next bits (`bucketSort`), so the
    /// comparison sort only orders short runs.
    ///
    /// Entries already sorted for the other scope are grouped by customer in the same customer order, so only
    /// the entries of each customer reorder (`sortRuns`): a few entries each, not one sort of the whole.
    mutating func sort(for scope: RepeatContactWindow.Scope) {
        guard sortedFor != scope else { return }
        if sortedFor != nil {
            let split = customerSplit
            entries.withUnsafeMutableBufferPointer { buffer in
                guard buffer.count >= Self.parallelThreshold else {
                    Self.sortRuns(buffer, for: scope)
                    return
                }
                let halves = SendableHalves(buffer: buffer, split: split)
                _ = threads.map(iterations: 2) { half in
                    Self.sortRuns(halves.half(half), for: scope)
                }
            }
            sortedFor = scope
            return
        }
        // In place (no scratch buffer as large as the timeline); the order is unique since it ends with the
        // input index, so an unstable sort gives the one possible result.
        entries.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count >= Self.parallelThreshold else {
                Self.sort(buffer, for: scope)
                return
            }
            // By the top byte of the customer: buckets 0 ..< 128 (top bit clear) are the first half.
            let top = CustomerBuckets(partitioning: buffer, shift: 56)
            let halves = SendableHalves(buffer: buffer, split: top.bounds[128])
            _ = threads.map(iterations: 2) { half in
                for b in half == 0 ? 0..<128 : 128..<256 {
                    Self.bucketSort(top.bucket(b, of: halves.buffer), for: scope)
                }
            }
        }
        sortedFor = scope
    }

    /// How many entries ahead of `walk`'s body its `ahead` sees.
    static let walkAhead = 8

    /// A bucket of the top byte at least this large splits again by the next bits before it sorts.
    static let secondSplitThreshold = 256

    /// The bits below the top byte that a bucket of `count` entries splits by: as many as leave about four
    /// entries a part (4 to 16 bits). Most parts then hold one customer's few entries, which the comparison sort
    /// orders with a handful of comparisons.
    static func secondSplitBits(_ count: Int) -> Int {
        let parts = max(count / 4, 1)
        return min(max(Int.bitWidth - 1 - parts.leadingZeroBitCount, 4), 16)
    }

    /// Sorts `bucket` (entries whose customers share the top byte) for `scope`: large ones split by the next
    /// bits first (`CustomerBuckets`, `secondSplitBits`), then each part sorts (`sortShort`).
    private static func bucketSort(_ bucket: UnsafeMutableBufferPointer<Entry>, for scope: RepeatContactWindow.Scope) {
        guard bucket.count >= secondSplitThreshold else {
            if bucket.count > 1 { sort(bucket, for: scope) }
            return
        }
        let bits = secondSplitBits(bucket.count)
        let parts = CustomerBuckets(partitioning: bucket, shift: UInt64(56 - bits), bits: bits)
        for b in 0..<parts.count { sortShort(parts.bucket(b, of: bucket), for: scope) }
    }

    /// Below this many entries the timeline sorts and walks on one thread.
    static let parallelThreshold = 1 << 16

    private static func sort(_ buffer: UnsafeMutableBufferPointer<Entry>, for scope: RepeatContactWindow.Scope) {
        if scope == .cause {
            InPlaceSort.sort(buffer) { precedes($0, $1, byCause: true) }
        } else {
            InPlaceSort.sort(buffer) { precedes($0, $1, byCause: false) }
        }
    }

    /// The order of `sort(for:)`: customer, then (`byCause`) cause, then time, then input order.
    @inline(__always)
    static func precedes(_ a: Entry, _ b: Entry, byCause: Bool) -> Bool {
        if a.customer != b.customer { return a.customer < b.customer }
        if byCause && a.cause != b.cause { return a.cause < b.cause }
        if a.time != b.time { return a.time < b.time }
        return a.index < b.index
    }

    /// Runs at most this long sort by insertion in place (`sortShort`), with no call per comparison.
    static let shortRun = 16

    /// Sorts `run` for `scope`: a run of at most `shortRun` entries (most parts of a split bucket and most
    /// customers' runs: a few entries) by insertion right here, a longer one with `sort` (`InPlaceSort`).
    @inline(__always)
    private static func sortShort(_ run: UnsafeMutableBufferPointer<Entry>, for scope: RepeatContactWindow.Scope) {
        let n = run.count
        guard n > 1 else { return }
        guard n <= shortRun, let base = run.baseAddress else {
            sort(run, for: scope)
            return
        }
        let byCause = scope == .cause
        for i in 1..<n {
            let value = base[i]
            var j = i
            while j > 0, precedes(value, base[j &- 1], byCause: byCause) {
                base[j] = base[j &- 1]
                j &-= 1
            }
            base[j] = value
        }
    }

    /// Sorts each run of entries of one customer in `buffer` for `scope`: `buffer` is grouped by customer
    /// (sorted for either scope), so this gives the whole order for `scope`. Most runs are a few entries long
    /// (insertion sort, `sortShort`); a long one sorts like the whole (`InPlaceSort`).
    private static func sortRuns(_ buffer: UnsafeMutableBufferPointer<Entry>, for scope: RepeatContactWindow.Scope) {
        let n = buffer.count
        var start = 0
        while start < n {
            let customer = buffer[start].customer
            var end = start + 1
            while end < n, buffer[end].customer == customer { end += 1 }
            if end - start > 1 { sortShort(UnsafeMutableBufferPointer(rebasing: buffer[start..<end]), for: scope) }
            start = end
        }
    }

    /// The two halves of a buffer for two threads (each touches only its own).
    private struct SendableHalves: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Entry>
        let split: Int

        func half(_ i: Int) -> UnsafeMutableBufferPointer<Entry> {
            UnsafeMutableBufferPointer(rebasing: i == 0 ? buffer[..<split] : buffer[split...])
        }
    }

    /// The index of the first entry whose customer hash has the top bit set (sorted entries): no customer has
    /// entries on both sides of it.
    var customerSplit: Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].customer >> 63 == 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Removes the entries of dropped contacts (their order is kept, so a sorted timeline stays sorted).
    mutating func remove(dropped: [Bool]) {
        let scope = sortedFor
        entries.removeAll { dropped[Int($0.index)] }
        sortedFor = scope
    }

    /// Calls `body` for every entry with its outcome under `window`, the customer's entries together (sorted for
    /// scope `any` first, by customer, time and input order, whatever the window's scope:
    /// `walkTimeOrdered`).
    ///
    /// - A contact is a repeat when its predecessor in the same group (same customer, and same cause for scope
    ///   `cause`) opened at most `W` before it; that predecessor is the contact it repeats.
    /// - It is evaluable when `time <= dataEnd - W`, and resolved on first contact when no successor in the
    ///   group opens within `W` after it.
    mutating func analyse(window: RepeatContactWindow, dataEnd: EpochSeconds,
                          _ body: (Entry, Outcome) -> Void) {
        sort(for: .any)
        entries.withUnsafeBufferPointer { e in
            Self.walkTimeOrdered(e, 0..<e.count, window: window, dataEnd: dataEnd) { entry, outcome, _, _ in
                body(entry, outcome)
            }
        }
    }

    /// The walk of the entries in `range`, sorted for `window.scope`, which must start and end at a change of
    /// customer (as `0..<customerSplit` and `customerSplit..<count` do); different ranges can be walked on
    /// different threads. `ahead` is given each entry `walkAhead` places before `body` is (so it can prefetch what `body`
    /// will write for it; the entries near the range's end it is not given).
    func walk(_ range: Range<Int>, window: RepeatContactWindow, dataEnd: EpochSeconds,
              ahead: (Entry) -> Void = { _ in }, _ body: (Entry, Outcome) -> Void) {
        precondition(sortedFor == window.scope, "walk(_:window:dataEnd:_:) before sort(for:)")
        entries.withUnsafeBufferPointer { e in
            Self.walk(e, range, window: window, dataEnd: dataEnd, ahead: ahead, body)
        }
    }

    /// `walk` over `range` of the entries `e` (sorted for `window.scope`; `range` starts and ends at a change of
    /// customer). Only the entries in `range` are read, so other ranges of `e` may change meanwhile (on other
    /// threads: `sweep`).
    @inline(__always)
    static func walk(_ e: UnsafeBufferPointer<Entry>, _ range: Range<Int>, window: RepeatContactWindow,
                     dataEnd: EpochSeconds, ahead: (Entry) -> Void = { _ in }, _ body: (Entry, Outcome) -> Void) {
        let byCause = window.scope == .cause
        let w = window.seconds
        let evaluableLimit = dataEnd - w
        let first = range.lowerBound, end = range.upperBound
        let lastAhead = end - Self.walkAhead
        for i in range {
            if i < lastAhead { ahead(e[i &+ Self.walkAhead]) }
            let current = e[i]
            var outcome = Outcome(isRepeat: false, repeatsChannel: 0, repeatsIndex: 0, repeatsOutsideHours: false,
                                  isEvaluable: current.time <= evaluableLimit,
                                  isResolved: true)
            if i > first {
                let previous = e[i - 1]
                if previous.customer == current.customer, !byCause || previous.cause == current.cause,
                   current.time - previous.time <= w {
                    outcome.isRepeat = true
                    outcome.repeatsChannel = previous.channel
                    outcome.repeatsIndex = previous.index
                    outcome.repeatsOutsideHours = previous.outsideHours
                }
            }
            if i + 1 < end {
                let next = e[i + 1]
                if next.customer == current.customer, !byCause || next.cause == current.cause,
                   next.time - current.time <= w {
                    outcome.isResolved = false
                }
            }
            body(current, outcome)
        }
    }

    /// `walk` for the configured `window` over `range` of entries `e` sorted for scope `any` (by customer, time
    /// and input order), whatever the window's scope, and with each entry the gap to the next contact of its
    /// group under both scopes (`Int64.max` when there is none): the next contact of the customer (scope `any`)
    /// and the next of the customer with the same cause (scope `cause`). `range` starts and ends at a change of
    /// customer; only entries in `range` are read.
    ///
    /// With scope `cause`, a contact's group neighbours are found by scanning its customer's entries from it
    /// back and forth for the same cause: within one cause they are in the order of `sort(for: .cause)` (time,
    /// then input order), so this gives `walk`'s outcomes with no second sort. A scan stops at the first entry
    /// of the cause or the end of the customer's entries, so a customer's scans take at most its entries times
    /// its distinct causes, and one step each when the next contact has the same cause (most of them).
    @inline(__always)
    static func walkTimeOrdered(_ e: UnsafeBufferPointer<Entry>, _ range: Range<Int>, window: RepeatContactWindow,
                                dataEnd: EpochSeconds, ahead: (Entry) -> Void = { _ in },
                                _ body: (Entry, Outcome, _ nextGapAny: Int64, _ nextGapCause: Int64) -> Void) {
        let byCause = window.scope == .cause
        let w = window.seconds
        let evaluableLimit = dataEnd - w
        let first = range.lowerBound, end = range.upperBound
        let lastAhead = end - Self.walkAhead
        for i in range {
            if i < lastAhead { ahead(e[i &+ Self.walkAhead]) }
            let current = e[i]
            // The customer's next contact, and its next of the same cause.
            var gapAny = Int64.max, gapCause = Int64.max
            if i + 1 < end, e[i + 1].customer == current.customer {
                gapAny = e[i + 1].time - current.time
                var j = i + 1
                while j < end, e[j].customer == current.customer, e[j].cause != current.cause { j += 1 }
                if j < end, e[j].customer == current.customer { gapCause = e[j].time - current.time }
            }
            // The contact it may repeat: the customer's previous one (of the same cause, with scope `cause`).
            var previous = -1
            if i > first, e[i - 1].customer == current.customer {
                previous = i - 1
                if byCause {
                    var j = i - 1
                    while j >= first, e[j].customer == current.customer, e[j].cause != current.cause { j -= 1 }
                    previous = j >= first && e[j].customer == current.customer ? j : -1
                }
            }
            var outcome = Outcome(isRepeat: false, repeatsChannel: 0, repeatsIndex: 0, repeatsOutsideHours: false,
                                  isEvaluable: current.time <= evaluableLimit,
                                  isResolved: (byCause ? gapCause : gapAny) > w)
            if previous >= 0 {
                let earlier = e[previous]
                if current.time - earlier.time <= w {
                    outcome.isRepeat = true
                    outcome.repeatsChannel = earlier.channel
                    outcome.repeatsIndex = earlier.index
                    outcome.repeatsOutsideHours = earlier.outsideHours
                }
            }
            body(current, outcome, gapAny, gapCause)
        }
    }

    /// The entries in blocks, for the report's one pass over them (`TimelineSweep`): the timeline, sorted for
    /// scope `any`, is cut into blocks of about `blockSize` entries that end at a change of customer, and
    /// `visit` sees each block (`walkTimeOrdered` gives both scopes' figures from that one order).
    ///
    /// A large timeline goes in two halves (`customerSplit`), on two threads when `threads` has one free: each
    /// half's blocks are visited in order with a state of its own (`start()`), and the states come back in
    /// half order (one state for a small timeline). `visit` is given the whole buffer and the block's range,
    /// and must read only inside the range.
    func sweep<State: Sendable>(blockSize: Int = ContactTimeline.sweepBlock, start: @escaping @Sendable () -> State,
                                visit: @escaping @Sendable (inout State, UnsafeBufferPointer<Entry>, Range<Int>) -> Void)
        -> [State] {
        precondition(sortedFor == .any, "sweep(blockSize:start:visit:) before sort(for: .any)")
        let split = entries.count >= Self.parallelThreshold ? customerSplit : nil
        return entries.withUnsafeBufferPointer { buffer -> [State] in
            let whole = SendableEntries(buffer: buffer)
            let pass = { @Sendable (range: Range<Int>) -> State in
                var state = start()
                let view = whole.buffer
                var low = range.lowerBound
                while low < range.upperBound {
                    var high = min(low + max(blockSize, 1), range.upperBound)
                    while high < range.upperBound, view[high].customer == view[high - 1].customer { high += 1 }
                    visit(&state, view, low..<high)
                    low = high
                }
                return state
            }
            guard let split else { return [pass(0..<buffer.count)] }
            let count = buffer.count
            return threads.map(iterations: 2) { half in pass(half == 0 ? 0..<split : split..<count) }
        }
    }

    /// The entries, read by two threads at once (`sweep`).
    private struct SendableEntries: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<Entry>
    }

    /// The entries of a `sweep` block: 4,096 entries of 32 bytes, 128 KB.
    static let sweepBlock = 4_096
}
