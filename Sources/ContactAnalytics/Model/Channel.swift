/// The normalised contact channel (`metrics.md`). The export's raw value is kept beside it on the record.
public enum Channel: String, Sendable, CaseIterable, Hashable, Comparable {
    case phone, email, chat, social, messaging, web
    case selfService = "self_service"
    case sms
    case inPerson = "in_person"
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
        case .chat: 2
        case .social: 3
        case .messaging: 4
        case .web: 5
        case .selfService: 6
        case .sms: 7
        case .inPerson: 8
        case .other: 9
        }
    }
}
