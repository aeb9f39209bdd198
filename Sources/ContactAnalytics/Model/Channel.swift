/// The normalised contact channel (`metrics.md`). The export's raw value is kept beside it on the record.
///
/// Two channels are not like the others:
/// - `letter`: postal mail, letters and fax (CFPB's `Postal mail`, GLPI's `Written`), costed on its own.
/// - `internal`: contacts the organisation's staff or systems open themselves (Boston 311's `Employee
///   Generated`, `City Worker App`, `Maximo Integration`; `Internal`). They are not customer demand: the
///   mapping excludes them and counts them apart, as it does outbound messages.
public enum Channel: String, Sendable, CaseIterable, Hashable, Comparable {
    case phone, email, letter, chat, social, messaging, web
    case selfService = "self_service"
    case sms
    case inPerson = "in_person"
    case `internal`
    case other

    /// Ordering follows the declaration, so tables list channels in a stable, familiar order.
    public static func < (lhs: Channel, rhs: Channel) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The channel's position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .phone: 0
        case .email: 1
        case .letter: 2
        case .chat: 3
        case .social: 4
        case .messaging: 5
        case .web: 6
        case .selfService: 7
        case .sms: 8
        case .inPerson: 9
        case .internal: 10
        case .other: 11
        }
    }
}
