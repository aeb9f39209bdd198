/// The report's one pass over the timeline: the outcomes of the configured window (`TimelineOutcomes`: repeats,
/// FCR, channel switches, contacts per customer) and FCR under every compared window for both scopes
/// (`FCRWindowTally`), which were four passes over the whole timeline (walk, tally, re-sort for the other
/// scope, tally).
///
/// The timeline, sorted for the configured scope, goes block by block (`ContactTimeline.sweep`: a few thousand
/// entries ending at a change of customer, in two halves on two threads when it is large): each block is walked
/// and tallied for the configured scope, its customers' entries are re-sorted for the other scope, and it is
/// tallied again, while it is in the core's cache. Every figure is a count or an `ExactSum` added per range, so
/// the results are those of the four whole passes, whatever the blocks and threads.
struct TimelineSweep: Sendable {
    /// The outcomes under the configured window and scope.
    let outcomes: TimelineOutcomes
    /// FCR under every window, with scope `cause`, then `any`.
    let fcrTallies: [FCRWindowTally]

    /// One half's sums.
    private struct State: Sendable {
        var pass: TimelineOutcomes.Pass
        var configured: FCRWindowTally
        var other: FCRWindowTally
    }

    /// Sweeps `timeline` (sorted for `window.scope`, and left sorted for the other scope): the outcomes under
    /// `window` added to `empty`, and the FCR tallies of `windows` under both scopes. `slices`, `avoidableSlot`
    /// and `channelCount` as `TimelineOutcomes.walk` takes them.
    init(_ timeline: inout ContactTimeline, window: RepeatContactWindow, windows: [Int64], dataEnd: EpochSeconds,
         slices: [DimensionSliceTable.Slice], avoidableSlot: [Bool], channelCount: Int, empty: TimelineOutcomes,
         blockSize: Int = ContactTimeline.sweepBlock) {
        let configured = window.scope
        let other: RepeatContactWindow.Scope = configured == .cause ? .any : .cause
        let states = timeline.sweep(sortedFor: configured, then: other, blockSize: blockSize, start: {
            State(pass: TimelineOutcomes.Pass(empty: empty, slices: slices, avoidableSlot: avoidableSlot,
                                              channelCount: channelCount),
                  configured: FCRWindowTally(windows: windows), other: FCRWindowTally(windows: windows))
        }, visit: { state, entries, block, scope in
            if scope == configured {
                state.pass.add(entries, block, window: window, dataEnd: dataEnd)
                state.configured.add(entries, block, byCause: configured == .cause, dataEnd: dataEnd)
            } else {
                state.other.add(entries, block, byCause: other == .cause, dataEnd: dataEnd)
            }
        })
        var outcomes = empty, configuredTally = FCRWindowTally(windows: windows)
        var otherTally = FCRWindowTally(windows: windows)
        for (i, state) in states.enumerated() {
            let half = state.pass.finish()
            if i == 0 { outcomes = half } else { outcomes.merge(half) }
            configuredTally.merge(state.configured)
            otherTally.merge(state.other)
        }
        self.outcomes = outcomes
        fcrTallies = configured == .cause ? [configuredTally, otherTally] : [otherTally, configuredTally]
    }
}
