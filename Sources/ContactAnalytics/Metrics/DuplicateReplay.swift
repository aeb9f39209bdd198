/// Duplicate settling: takes the dropped occurrences of repeated contact ids back out of the sums.
///
/// Which contacts are dropped is only known once every contact is in (`DuplicateContactFilter`), long after
/// their sums and times were added. The replay is fed every contact's facts again, in input order
/// (`feed(_:into:)`): a dropped contact inside the reporting range is taken back out of `SliceAggregates`
/// with the cause slot it was added with (the cause of the facts fed is ignored), and the span of the
/// contacts kept is measured anew (`range`). `finish(expected:)` checks that as many contacts were fed as were
/// added the first time.
struct DuplicateReplay {
    /// Per contact in input order: whether it is dropped.
    let dropped: [Bool]
    /// Per contact in input order: the cause slot it was added with.
    let causeSlots: [UInt16]
    let configuration: MetricsConfiguration
    /// The contacts fed so far.
    private(set) var fed = 0
    /// The span of the contacts kept among those fed.
    private(set) var range = ObservedRange()

    init(dropped: [Bool], causeSlots: [UInt16], configuration: MetricsConfiguration) {
        self.dropped = dropped
        self.causeSlots = causeSlots
        self.configuration = configuration
    }

    /// Takes contact number `fed` (input order) in again: out of `sums` when it is dropped and counted, into
    /// `range` when it is kept. Contacts beyond those added the first time are counted, nothing more. `queue` and
    /// `agent` are the contact's queue and agent.
    mutating func feed(_ facts: ContactFacts, queue queueName: String?, agent agentName: String?,
                       into sums: inout SliceAggregates) {
        defer { fed += 1 }
        guard fed < dropped.count else { return }
        let time = facts.opened
        let counted = configuration.isInRange(time)
        guard dropped[fed] else {
            range.include(time, counted: counted)
            return
        }
        guard counted else { return }
        let (period, queue, agent) = sums.dimensionIDs(periodKey: facts.periodKey, queue: queueName,
                                                       agent: agentName)
        sums.contribute(facts, slot: Int(causeSlots[fed]), period: period, queue: queue, agent: agent, sign: -1)
    }

    /// Throws `ContactStatError(.dataFormat)` unless `expected` contacts were fed (the number added the first
    /// time: the input changed between the two reads).
    func finish(expected: Int) throws {
        guard fed == expected else {
            throw ContactStatError(.dataFormat, "the input changed while it was read: \(expected) contacts "
                                   + "the first time, \(fed) when read again to drop duplicate contact ids")
        }
    }
}
