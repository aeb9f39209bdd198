/// The sums only the timeline walk knows, for one slice: repeats, evaluable and resolved contacts, repeat-only
/// avoidable contacts and their cost, repeats after an out-of-hours contact, and the cost of repeats.
///
/// `TimelineOutcomes` keeps these by slice while it walks (72 bytes each, where a whole `MetricAccumulator` is
/// 384) and adds them to the slices' sums at the end (`MetricAccumulator.mergeOutcome(_:)`). Every field is a
/// count or an `ExactSum`, so sums merged in any order or from several threads are the same.
struct TimelineOutcomeSums: Sendable, Equatable {
    var repeats = 0
    var evaluable = 0
    var resolved = 0
    var repeatOnly = 0
    var repeatsAfterOutside = 0
    var avoidableCost = ExactSum()
    var repeatCost = ExactSum()

    /// Adds every count and sum of `o` (wrapping adds, as `MetricAccumulator.merge(_:)`).
    @inline(__always)
    mutating func merge(_ o: TimelineOutcomeSums) {
        repeats &+= o.repeats
        evaluable &+= o.evaluable
        resolved &+= o.resolved
        repeatOnly &+= o.repeatOnly
        repeatsAfterOutside &+= o.repeatsAfterOutside
        avoidableCost.add(o.avoidableCost)
        repeatCost.add(o.repeatCost)
    }
}
