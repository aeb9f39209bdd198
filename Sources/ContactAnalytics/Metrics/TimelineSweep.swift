/// The report's one pass over the timeline: the outcomes of the configured window (`TimelineOutcomes`: repeats,
/// FCR, channel switches, contacts per customer) and FCR under every compared window for both scopes
/// (`FCRWindowTally`), which were four passes over the whole timeline (walk, tally, re-sort for the other
/// scope, tally).
///
/// The timeline is sorted for scope `any` (by customer, time and input order) whatever the configured scope:
/// one order gives both scopes (`ContactTimeline.walkTimeOrdered` finds a contact's previous and next contact
/// of the same cause among its customer's entries), so nothing is sorted twice. It goes block by block
/// (`ContactTimeline.sweep`, in two halves on two threads when it is large); each entry is walked for the
/// configured window and counted in both scopes' tallies at once. Every figure is a count or an `ExactSum`
/// added per range, so the results are those of the four whole passes, whatever the blocks and threads.
struct TimelineSweep: Sendable {
    /// The outcomes under the configured window and scope.
    let outcomes: TimelineOutcomes
    /// FCR under every window, with scope `cause`, then `any`.
    let fcrTallies: [FCRWindowTally]

    /// The most windows counted at once (the engine's are the four compared windows and the configured one).
    static let maximumWindows = 8

    /// One half's sums.
    private struct State<V: SIMD & Sendable>: Sendable where V.Scalar == UInt64 {
        var pass: TimelineOutcomes.Pass
        var byCause: FCRWindowTally.Counter<V>
        var any: FCRWindowTally.Counter<V>
    }

    /// Sweeps `timeline` (sorted for scope `any` first, when it is not): the outcomes under `window` added to
    /// `empty`, and the FCR tallies of `windows` (at most `maximumWindows`) under both scopes. `slices`,
    /// `avoidableSlot` and `channelCount` as `TimelineOutcomes.walk` takes them.
    init(_ timeline: inout ContactTimeline, window: RepeatContactWindow, windows: [Int64], dataEnd: EpochSeconds,
         slices: [DimensionSliceTable.Slice], avoidableSlot: [Bool], channelCount: Int, empty: TimelineOutcomes,
         blockSize: Int = ContactTimeline.sweepBlock) {
        precondition(windows.count <= Self.maximumWindows, "TimelineSweep of more than \(Self.maximumWindows) windows")
        timeline.sort(for: .any)
        (outcomes, fcrTallies) = windows.count <= 4
            ? Self.run(timeline, window: window, windows: windows, dataEnd: dataEnd, slices: slices,
                       avoidableSlot: avoidableSlot, channelCount: channelCount, empty: empty, blockSize: blockSize,
                       lanes: SIMD4<UInt64>.self)
            : Self.run(timeline, window: window, windows: windows, dataEnd: dataEnd, slices: slices,
                       avoidableSlot: avoidableSlot, channelCount: channelCount, empty: empty, blockSize: blockSize,
                       lanes: SIMD8<UInt64>.self)
    }

    /// The sweep with each window in a lane of `V`.
    private static func run<V: SIMD & Sendable>(_ timeline: ContactTimeline, window: RepeatContactWindow, windows: [Int64],
                                     dataEnd: EpochSeconds, slices: [DimensionSliceTable.Slice], avoidableSlot: [Bool],
                                     channelCount: Int, empty: TimelineOutcomes, blockSize: Int, lanes: V.Type)
        -> (TimelineOutcomes, [FCRWindowTally]) where V.Scalar == UInt64 {
        let states = timeline.sweep(blockSize: blockSize, start: {
            State<V>(pass: TimelineOutcomes.Pass(empty: empty, slices: slices, avoidableSlot: avoidableSlot,
                                                 channelCount: channelCount),
                     byCause: FCRWindowTally.Counter<V>(windows: windows, dataEnd: dataEnd),
                     any: FCRWindowTally.Counter<V>(windows: windows, dataEnd: dataEnd))
        }, visit: { state, entries, block in
            state.pass.addTimeOrdered(entries, block, window: window, dataEnd: dataEnd, causeTally: &state.byCause,
                                      anyTally: &state.any)
        })
        var outcomes = empty
        var causeTally = FCRWindowTally(windows: windows), anyTally = FCRWindowTally(windows: windows)
        for (i, state) in states.enumerated() {
            let half = state.pass.finish()
            if i == 0 { outcomes = half } else { outcomes.merge(half) }
            state.byCause.add(to: &causeTally)
            state.any.add(to: &anyTally)
        }
        return (outcomes, [causeTally, anyTally])
    }
}
