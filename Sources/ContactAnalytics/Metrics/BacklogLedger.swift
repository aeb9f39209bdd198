/// The contacts that were still open at the end of some period, kept so the report can count the backlog at
/// the end of every period (`BacklogFigures`).
///
/// **Definition.** A contact is *open at instant T* (and so in the backlog at T) when it was opened before T
/// and it was closed at or after T, or it has no closed_at and its status is open or pending. The backlog of a
/// period is taken at the period's end (the first instant of the next period, in the report's time zone); its
/// age is T - opened_at, in days. In period keys: a contact opened in period O and closed in period C is open
/// at the ends of the periods O ..< C; one never closed at the ends of O and every later period.
///
/// A contact without closed_at whose status is resolved or closed is closed, when is not known: it is in no
/// backlog (never open forever) and is counted (`closedWithoutTime`, the report's diagnostic line). A contact
/// with neither closed_at nor status has an unknown state: in no backlog, counted (`stateUnknown`). A contact
/// closed before it was opened is in no backlog (it is already counted among the field warnings).
///
/// Only counted contacts (in the reporting range) are kept. Unlike the other sums this grows with the contacts,
/// but only with those open at the end of their own period (an entry of 32 bytes each).
struct BacklogLedger: Sendable {
    /// `ContactFacts.closedKey` of a contact with no closed_at and an open or pending status.
    static let neverClosed = Int32.max
    /// `ContactFacts.closedKey` of a contact with no closed_at and a resolved or closed status.
    static let closedWithoutTime = Int32.min
    /// `ContactFacts.closedKey` of a contact with neither closed_at nor status.
    static let stateUnknown = Int32.min + 1
    /// `ContactFacts.closedKey` of a contact closed before it was opened.
    static let closedBeforeOpened = Int32.min + 2

    /// One contact open at the end of its own period: when it opened, the period keys it opened and closed in
    /// (`neverClosed`), its slices, and whether it is added (1) or taken back out (-1, a dropped duplicate).
    struct Entry: Sendable {
        var opened: EpochSeconds
        var openKey: Int32
        var closedKey: Int32
        var queue: Int32
        var agent: Int32
        var cause: UInt16
        var channel: UInt8
        var sign: Int8
    }

    private(set) var entries: [Entry] = []
    /// Counted contacts with a closed status and no closed_at, and with no state at all.
    private(set) var closedWithoutTime = 0
    private(set) var stateUnknown = 0
    /// Counted contacts whose state is known (a closed_at, or a status).
    private(set) var stateKnown = 0

    /// The `closedKey` of a contact opened at `opened` (period key `openKey`): the period key of `closed`, or
    /// one of the special keys above.
    static func closedKey(opened: EpochSeconds, closed: EpochSeconds?, status: ContactStatus?,
                          periods: inout PeriodCalendar) -> Int32 {
        if let closed {
            return closed >= opened ? periods.periodKey(of: closed) : closedBeforeOpened
        }
        switch status {
        case .open?, .pending?: return neverClosed
        case .resolved?, .closed?: return closedWithoutTime
        case nil: return stateUnknown
        }
    }

    /// Adds (`sign` 1) or takes back (`sign` -1) a counted contact.
    @inline(__always)
    mutating func record(_ facts: ContactFacts, slot: Int, queue: Int, agent: Int, sign: Int) {
        let key = facts.closedKey
        switch key {
        case Self.stateUnknown:
            stateUnknown += sign
            return
        case Self.closedWithoutTime:
            closedWithoutTime += sign
        default:
            break
        }
        stateKnown += sign
        guard key > facts.periodKey else { return }
        entries.append(Entry(opened: facts.opened, openKey: facts.periodKey, closedKey: key,
                             queue: Int32(truncatingIfNeeded: queue), agent: Int32(truncatingIfNeeded: agent),
                             cause: UInt16(truncatingIfNeeded: slot), channel: facts.channel,
                             sign: sign > 0 ? 1 : -1))
    }

    /// Adds everything `other` holds; its queue and agent ids are `queueIDs[q]`, `agentIDs[a]` here.
    mutating func merge(_ other: BacklogLedger, queueIDs: [Int], agentIDs: [Int]) {
        closedWithoutTime += other.closedWithoutTime
        stateUnknown += other.stateUnknown
        stateKnown += other.stateKnown
        entries.reserveCapacity(entries.count + other.entries.count)
        for var entry in other.entries {
            entry.queue = Int32(truncatingIfNeeded: queueIDs[Int(entry.queue)])
            entry.agent = Int32(truncatingIfNeeded: agentIDs[Int(entry.agent)])
            entries.append(entry)
        }
    }
}
