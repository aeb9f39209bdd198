/// The normalised priority of a contact: the four levels help desks share (Zendesk's urgent, high, normal,
/// low; Freshdesk's urgent, high, medium, low; P1-P4). Values no alias recognises are kept as written and
/// counted (`unknown-priority` notes), never guessed.
public enum ContactPriority: String, Sendable, CaseIterable, Hashable, Comparable {
    case urgent, high, normal, low

    /// 1 (urgent) to 4 (low); 0 is "no priority" where a slot is needed.
    public var slot: Int {
        switch self {
        case .urgent: 1
        case .high: 2
        case .normal: 3
        case .low: 4
        }
    }

    /// The priority of slot 1...4, `nil` otherwise.
    public init?(slot: Int) {
        switch slot {
        case 1: self = .urgent
        case 2: self = .high
        case 3: self = .normal
        case 4: self = .low
        default: return nil
        }
    }

    public static func < (lhs: ContactPriority, rhs: ContactPriority) -> Bool { lhs.slot < rhs.slot }
}
