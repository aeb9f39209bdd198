/// FCR under several repeat windows for one scope, counted in one pass over the timeline sorted for that scope
/// (`ContactTimeline.sort(for:)`), with the headline's rules: a counted contact is evaluable under window `W`
/// when it opened at least `W` before the data end, and resolved when the next contact of its group (same
/// customer; and same cause, with scope `cause`) opens more than `W` after it, or never.
struct FCRWindowTally: Sendable, Equatable {
    /// The windows, seconds; `resolved[i]` and `evaluable[i]` count under `windows[i]`.
    let windows: [Int64]
    private(set) var resolved: [Int]
    private(set) var evaluable: [Int]

    /// Counts `timeline` (sorted for `scope`) under every window in one pass.
    init(_ timeline: ContactTimeline, scope: RepeatContactWindow.Scope, windows: [Int64], dataEnd: EpochSeconds) {
        self.windows = windows
        resolved = Array(repeating: 0, count: windows.count)
        evaluable = Array(repeating: 0, count: windows.count)
        let byCause = scope == .cause
        let limits = windows.map { dataEnd - $0 }
        timeline.entries.withUnsafeBufferPointer { e in
            for i in e.indices where e[i].counted {
                let current = e[i]
                var gap = Int64.max
                if i + 1 < e.count {
                    let next = e[i + 1]
                    if next.customer == current.customer, !byCause || next.cause == current.cause {
                        gap = next.time - current.time
                    }
                }
                for w in windows.indices where current.time <= limits[w] {
                    evaluable[w] += 1
                    if gap > windows[w] { resolved[w] += 1 }
                }
            }
        }
    }

    /// FCR under `window` (one of `windows`).
    func ratio(window: Int64) -> Ratio? {
        windows.firstIndex(of: window).map { Ratio(resolved[$0], of: evaluable[$0]) }
    }
}
