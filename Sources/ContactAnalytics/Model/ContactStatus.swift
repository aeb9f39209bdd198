/// The normalised status of a contact (`metrics.md`).
public enum ContactStatus: String, Sendable, CaseIterable, Hashable {
    case open, pending, resolved, closed
}
