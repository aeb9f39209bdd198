/// The timeline sorting on a thread of its budget (`ContactTimeline.threads`) while the metrics engine settles
/// duplicates (`ContactMetricsEngine.settle(replay:)`: the replay does not read the timeline); `wait()` hands
/// it back sorted for the scope. With no thread free it sorts on the caller's thread when started.
///
/// The timeline is moved, not copied (`BackgroundWork`): the caller's variable is left empty meanwhile.
struct TimelineSort: Sendable {
    private let work: BackgroundWork<ContactTimeline>

    /// Moves `timeline` out (leaving an empty one with the same budget) and starts sorting it for `scope`.
    init(taking timeline: inout ContactTimeline, scope: RepeatContactWindow.Scope) {
        let threads = timeline.threads
        work = BackgroundWork(taking: &timeline, leaving: ContactTimeline(threads: threads), on: threads) { sorting in
            sorting.sort(for: scope)
        }
    }

    /// The timeline, sorted.
    func wait() -> ContactTimeline {
        work.wait()
    }
}
