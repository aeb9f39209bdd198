/// What the metrics engine keeps of one contact: numbers and hashes, no record and no string (so facts copy
/// as plain bytes; the contact's queue and agent names go alongside them where a slice is looked up:
/// `SliceAggregates.add(_:queue:agent:)`, `ContactMetricsEngine.append(_:queue:agent:)`). Computed from a
/// `ContactRecord` and its cause (`ContactFacts.init`), on any thread; appended to the engine in input order.
public struct ContactFacts: Sendable {
    var opened: EpochSeconds
    /// Cause slot: 0 = unclassified, `i + 1` = `causes[i]`.
    var causeSlot: Int32
    /// The period key of `opened` (first local day of the period, days since 1970).
    var periodKey: Int32
    var channel: UInt8
    /// Flags other than `.counted` (the engine decides the range).
    var flags: ContactFlags
    var cost: Float
    var handle: Float
    var resolution: Float
    var csatScore: Float
    /// `IdentityHash` of the identity key and of the contact id; 0 = none.
    var customerHash: UInt64
    var contactIDHash: UInt64
    /// Seconds to the first reply (NaN: none), and waited before an answer (NaN: not known).
    var firstReply: Float
    var wait: Float
    /// `ContactPriority.slot`, 0 = none or unrecognised.
    var priority: UInt8
    /// 0 = not known, 1 = answered, 2 = abandoned.
    var answered: UInt8
    /// 0 = no reopen count, 1 = never reopened, 2 = reopened at least once.
    var reopened: UInt8
    /// The export's own FCR flag (0 = none, 1 = resolved, 2 = not), and the agent replies (0 = no count,
    /// 1 = at most one: one touch, 2 = more), each on its own for the FCR definitions side by side.
    var fcrFlag: UInt8
    var touches: UInt8
    /// `ContactLanguage.slot`: the mapped language, or the one detected from the subject and text.
    var language: UInt8
    /// The local weekday and hour of `opened`: `weekday * 24 + hour` (`ContactCalendar.arrivalCell`).
    var arrival: UInt8
    /// Whether it opened in its channel's opening hours (`OpeningHoursState`).
    var hours: OpeningHoursState
    /// The resolution time in business hours, seconds; NaN when unknown (no opening hours for the channel, no
    /// closed_at, or closed before opened).
    var businessResolution: Float
    /// The first-reply time in business hours, seconds; NaN when unknown (no opening hours for the channel, no
    /// first-reply time).
    var businessFirstReply: Float
    /// The period key of closed_at, or when the contact has none (or closed before opening) one of
    /// `BacklogLedger`'s special keys: what the backlog needs.
    var closedKey: Int32

    /// The facts of `contact` with cause index `cause` (-1 = unclassified) among `causeCount` causes.
    @inline(__always)
    public init(_ contact: borrowing ContactRecord, cause: Int32, causeCount: Int, costModel: borrowing CostModel,
                calendar: inout ContactCalendar) {
        let time = contact.openedAt
        opened = time
        causeSlot = (cause >= 0 && Int(cause) < causeCount) ? cause + 1 : 0
        periodKey = calendar.periods.periodKey(of: time)
        arrival = UInt8(truncatingIfNeeded: calendar.arrivalCell(of: time))
        channel = UInt8(truncatingIfNeeded: contact.channel.ordinal)
        var flags = ContactFlags()
        customerHash = 0
        if let customer = contact.customer, !customer.isEmpty {
            flags.insert(.identified)
            customerHash = IdentityHash.of(customer)
        }
        contactIDHash = 0
        if let id = contact.contactID, !id.isEmpty { contactIDHash = IdentityHash.of(id) }
        if let resolved = contact.firstContactResolved {
            flags.insert(resolved ? .exportResolved : .exportUnresolved)
        } else if let replies = contact.agentReplies {
            flags.insert(replies <= 1 ? .exportResolved : .exportUnresolved)
        }
        csatScore = .nan
        switch contact.csat {
        case .score(let s)?:
            flags.insert(.csatNumeric)
            csatScore = Float(s)
        case .verdict(let satisfied)?:
            flags.insert(satisfied ? .csatSatisfied : .csatUnsatisfied)
        case nil:
            break
        }
        self.flags = flags
        cost = Float(costModel.cost(of: contact))
        handle = contact.handleTimeSeconds.map { Float($0) } ?? .nan
        if let closed = contact.closedAt, closed >= time { resolution = Float(closed - time) } else { resolution = .nan }
        closedKey = BacklogLedger.closedKey(opened: time, closed: contact.closedAt, status: contact.status,
                                            periods: &calendar.periods)
        hours = .unknown
        businessResolution = .nan
        businessFirstReply = .nan
        if calendar.business != nil {
            let channel = contact.channel.ordinal
            switch calendar.business?.state(at: time, ordinal: channel) {
            case .open?: hours = .open
            case .closedHours?: hours = .closedHours
            case .holiday?: hours = .holiday
            case nil: break
            }
            if let closed = contact.closedAt,
               let seconds = calendar.business?.businessSeconds(from: time, to: closed, ordinal: channel) {
                businessResolution = Float(seconds)
            }
            if let reply = contact.firstReplySeconds, reply.isFinite, reply >= 0, reply < 1e12,
               let seconds = calendar.business?.businessSeconds(from: time, to: time + Int64(reply.rounded()),
                                                                ordinal: channel) {
                businessFirstReply = Float(seconds)
            }
        }
        firstReply = contact.firstReplySeconds.map { Float($0) } ?? .nan
        wait = contact.waitSeconds.map { Float($0) } ?? .nan
        priority = UInt8(contact.priority?.slot ?? 0)
        switch contact.answered {
        case true?: answered = 1
        case false?: answered = 2
        case nil: answered = 0
        }
        reopened = contact.reopens.map { $0 > 0 ? 2 : 1 } ?? 0
        fcrFlag = contact.firstContactResolved.map { $0 ? 1 : 2 } ?? 0
        touches = contact.agentReplies.map { $0 <= 1 ? 1 : 2 } ?? 0
        self.language = UInt8(ContactFacts.language(of: contact).slot)
    }

    /// The language the report counts a contact in: the mapped language field, else the one detected from its
    /// subject and text (`LanguageDetector`). `classify`'s `language` column writes the same.
    static func language(of contact: ContactRecord) -> ContactLanguage {
        contact.language.flatMap(ContactLanguage.init(mapped:)) ?? LanguageDetector.shared.detect(contact.subject, contact.text)
    }
}

