/// FCR under several repeat windows for one scope, counted in one pass over the timeline sorted for that scope
/// (`ContactTimeline.sort(for:)`), with the headline's rules: a counted contact is evaluable under window `W`
/// when it opened at least `W` before the data end, and resolved when the next contact of its group (same
/// customer; and same cause, with scope `cause`) opens more than `W` after it, or never.
///
/// A large timeline is counted in two halves (`ContactTimeline.customerSplit`: no customer is in both), on two
/// threads when the timeline's budget has one free; the counts add up to those of one pass.
struct FCRWindowTally: Sendable, Equatable {
    /// The windows, seconds; `resolved[i]` and `evaluable[i]` count under `windows[i]`.
    let windows: [Int64]
    private(set) var resolved: [Int]
    private(set) var evaluable: [Int]

    /// Counts `timeline` (sorted for `scope`) under every window in one pass (two halves at once when it is
    /// large and a thread is free).
    init(_ timeline: ContactTimeline, scope: RepeatContactWindow.Scope, windows: [Int64], dataEnd: EpochSeconds) {
        self.windows = windows
        resolved = Array(repeating: 0, count: windows.count)
        evaluable = Array(repeating: 0, count: windows.count)
        let count = timeline.entries.count
        guard count >= ContactTimeline.parallelThreshold else {
            add(timeline, 0..<count, byCause: scope == .cause, dataEnd: dataEnd)
            return
        }
        let split = timeline.customerSplit
        let empty = self
        let halves = timeline.threads.map(iterations: 2) { half in
            var tally = empty
            tally.add(timeline, half == 0 ? 0..<split : split..<count, byCause: scope == .cause, dataEnd: dataEnd)
            return tally
        }
        for half in halves {
            for w in windows.indices {
                resolved[w] += half.resolved[w]
                evaluable[w] += half.evaluable[w]
            }
        }
    }

    /// Counts the entries in `range` (which starts and ends at a change of customer).
    private mutating func add(_ timeline: ContactTimeline, _ range: Range<Int>, byCause: Bool, dataEnd: EpochSeconds) {
        let windows = self.windows
        let limits = windows.map { dataEnd - $0 }
        var resolved = self.resolved, evaluable = self.evaluable
        timeline.entries.withUnsafeBufferPointer { e in
            resolved.withUnsafeMutableBufferPointer { resolved in
                evaluable.withUnsafeMutableBufferPointer { evaluable in
                    for i in range where e[i].counted {
                        let current = e[i]
                        var gap = Int64.max
                        if i + 1 < e.count {
                            let next = e[i + 1]
                            if next.customer == current.customer, !byCause || next.cause == current.cause {
                                gap = next.time - current.time
                            }
                        }
                        // Selects, not branches: whether a contact is evaluable or resolved under each window
                        // is what a branch would mispredict on.
                        for w in windows.indices {
                            let counts = current.time <= limits[w] ? 1 : 0
                            evaluable[w] &+= counts
                            resolved[w] &+= gap > windows[w] ? counts : 0
                        }
                    }
                }
            }
        }
        self.resolved = resolved
        self.evaluable = evaluable
    }

    /// FCR under `window` (one of `windows`).
    func ratio(window: Int64) -> Ratio? {
        windows.firstIndex(of: window).map { Ratio(resolved[$0], of: evaluable[$0]) }
    }
}
