/// FCR under several repeat windows for one scope, counted over the timeline sorted for that scope
/// (`ContactTimeline.sort(for:)`), with the headline's rules: a counted contact is evaluable under window `W`
/// when it opened at least `W` before the data end, and resolved when the next contact of its group (same
/// customer; and same cause, with scope `cause`) opens more than `W` after it, or never.
///
/// The report counts both scopes in its one pass over the timeline (`TimelineSweep`), block by block and in two
/// halves: a tally adds any ranges that start and end at a change of customer (`add`), and tallies of
/// different ranges add up (`merge`) to the counts of one pass (`init(_:scope:windows:dataEnd:)`).
struct FCRWindowTally: Sendable, Equatable {
    /// The windows, seconds; `resolved[i]` and `evaluable[i]` count under `windows[i]`.
    let windows: [Int64]
    private(set) var resolved: [Int]
    private(set) var evaluable: [Int]

    /// An empty tally for `windows`.
    init(windows: [Int64]) {
        self.windows = windows
        resolved = Array(repeating: 0, count: windows.count)
        evaluable = Array(repeating: 0, count: windows.count)
    }

    /// Counts the whole `timeline` (sorted for `scope`) in one pass on the calling thread.
    init(_ timeline: ContactTimeline, scope: RepeatContactWindow.Scope, windows: [Int64], dataEnd: EpochSeconds) {
        self.init(windows: windows)
        timeline.entries.withUnsafeBufferPointer { e in
            add(e, 0..<e.count, byCause: scope == .cause, dataEnd: dataEnd)
        }
    }

    /// Counts the entries of `e` in `range` (which starts and ends at a change of customer, and is sorted for
    /// the scope: `byCause` for `cause`); reads no entry outside `range`.
    mutating func add(_ e: UnsafeBufferPointer<ContactTimeline.Entry>, _ range: Range<Int>, byCause: Bool,
                      dataEnd: EpochSeconds) {
        guard !range.isEmpty, !windows.isEmpty else { return }
        if windows.count <= 4 {
            add(e, range, byCause: byCause, dataEnd: dataEnd, lanes: SIMD4<UInt64>.self)
        } else if windows.count <= 8 {
            add(e, range, byCause: byCause, dataEnd: dataEnd, lanes: SIMD8<UInt64>.self)
        } else {
            addOneWindowAtATime(e, range, byCause: byCause, dataEnd: dataEnd)
        }
    }

    /// `add` with every window in a lane of a vector `V` (`Counter`).
    @inline(__always)
    private mutating func add<V: SIMD & Sendable>(_ e: UnsafeBufferPointer<ContactTimeline.Entry>, _ range: Range<Int>,
                                       byCause: Bool, dataEnd: EpochSeconds, lanes: V.Type)
        where V.Scalar == UInt64 {
        var counter = Counter<V>(windows: windows, dataEnd: dataEnd)
        let last = range.upperBound - 1
        for i in range where e[i].counted {
            let current = e[i]
            // The next entry, or this one again at the end of the range (then not its group's next).
            let j = i < last ? i &+ 1 : i
            let next = e[j]
            let grouped = j != i && next.customer == current.customer && (!byCause || next.cause == current.cause)
            counter.count(time: current.time, gap: grouped ? next.time &- current.time : Int64.max)
        }
        counter.add(to: &self)
    }

    /// Counts contacts one at a time under every window at once, each window in a lane of a vector `V` (at
    /// least as many lanes as windows), with no branch (whether a contact is evaluable or resolved under each
    /// window is what a branch would mispredict on): under window `W` a contact is evaluable when
    /// `(dataEnd - W) - time` is not negative and resolved when `W - gap` is negative, read from the
    /// differences' sign bits. Times are of years 1 to 9999 (below 2^38 seconds from 1970 in magnitude), gaps are
    /// not negative (a group is in time order) or `Int64.max` (no next contact), and the windows are taken
    /// within -1 ... 2^60 seconds (which decides nothing differently), so no difference wraps. A lane past the
    /// windows has a limit below every time and a window no gap exceeds: it counts nothing.
    struct Counter<V: SIMD & Sendable>: Sendable where V.Scalar == UInt64 {
        private var limits = V(repeating: UInt64(bitPattern: Int64.min / 2))
        private var spans = V(repeating: UInt64(bitPattern: .max))
        private var evaluable = V(repeating: 0), resolved = V(repeating: 0)

        /// A counter for `windows` (at most `V.scalarCount` of them).
        init(windows: [Int64], dataEnd: EpochSeconds) {
            precondition(windows.count <= V.scalarCount, "FCRWindowTally.Counter with more windows than lanes")
            for (w, window) in windows.enumerated() {
                let span = min(max(window, -1), 1 << 60)
                spans[w] = UInt64(bitPattern: span)
                limits[w] = UInt64(bitPattern: dataEnd - span)
            }
        }

        /// Counts one counted contact opened at `time` whose group's next contact opens `gap` later
        /// (`Int64.max`: none).
        @inline(__always)
        mutating func count(time: EpochSeconds, gap: Int64) {
            let evaluableLanes = V(repeating: 1) &- ((limits &- V(repeating: UInt64(bitPattern: time))) &>> 63)
            evaluable &+= evaluableLanes
            resolved &+= evaluableLanes & ((spans &- V(repeating: UInt64(bitPattern: gap))) &>> 63)
        }

        /// Adds the counts to `tally` (of the windows this counter was made for).
        func add(to tally: inout FCRWindowTally) {
            for w in tally.windows.indices {
                tally.evaluable[w] &+= Int(truncatingIfNeeded: evaluable[w])
                tally.resolved[w] &+= Int(truncatingIfNeeded: resolved[w])
            }
        }
    }

    /// `add` for more windows than a vector here has lanes: one window after the other for each contact.
    private mutating func addOneWindowAtATime(_ e: UnsafeBufferPointer<ContactTimeline.Entry>, _ range: Range<Int>,
                                              byCause: Bool, dataEnd: EpochSeconds) {
        let end = range.upperBound
        for i in range where e[i].counted {
            let current = e[i]
            var gap = Int64.max
            if i + 1 < end {
                let next = e[i + 1]
                if next.customer == current.customer, !byCause || next.cause == current.cause {
                    gap = next.time - current.time
                }
            }
            for w in windows.indices {
                let counts = current.time <= dataEnd - windows[w] ? 1 : 0
                evaluable[w] &+= counts
                resolved[w] &+= gap > windows[w] ? counts : 0
            }
        }
    }

    /// Adds the counts of `other` (the same windows, another range).
    mutating func merge(_ other: FCRWindowTally) {
        precondition(other.windows == windows, "FCRWindowTally.merge of tallies of different windows")
        for w in windows.indices {
            resolved[w] &+= other.resolved[w]
            evaluable[w] &+= other.evaluable[w]
        }
    }

    /// FCR under `window` (one of `windows`).
    func ratio(window: Int64) -> Ratio? {
        windows.firstIndex(of: window).map { Ratio(resolved[$0], of: evaluable[$0]) }
    }
}
