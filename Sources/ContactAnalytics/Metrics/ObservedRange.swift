/// The span of the contacts seen: the earliest and latest `opened_at` of all of them (data start and end) and
/// of the counted ones, those inside the reporting range (the report's `range_from` and `range_to`).
struct ObservedRange: Sendable, Equatable {
    private(set) var dataStart: EpochSeconds?
    private(set) var dataEnd: EpochSeconds?
    private(set) var countedFrom: EpochSeconds?
    private(set) var countedTo: EpochSeconds?

    /// Takes in a contact opened at `time`; `counted` when it is inside the reporting range.
    @inline(__always)
    mutating func include(_ time: EpochSeconds, counted: Bool) {
        dataEnd = max(dataEnd ?? time, time)
        dataStart = min(dataStart ?? time, time)
        if counted {
            countedFrom = min(countedFrom ?? time, time)
            countedTo = max(countedTo ?? time, time)
        }
    }
}
