/// What the report's own computation says about one contact: the per-contact outcomes behind its repeat, FCR
/// and channel-switch figures, for `classify`'s audit columns (`repeat_of`, `evaluable`, `fcr_resolved`,
/// `switch_from`). They come from the same timeline walk as the report's sums (`ContactTimeline.walk`), so a
/// pivot of them gives the report's figures.
public struct ContactAuditEntry: Sendable, Equatable {
    /// The index (input order, among every contact added) of the contact this one repeats; `nil` when it is
    /// not a repeat.
    public var repeatOf: Int?
    /// The channel of the contact it repeats, when that differs from its own (a channel switch).
    public var switchFrom: Channel?
    /// Whether the contact counts in FCR: it has a customer, is in the reporting range, and opened at least one
    /// repeat window before the data's end.
    public var evaluable: Bool
    /// Resolved on first contact: evaluable, and no contact of the same customer (and cause, scope `cause`)
    /// followed within the window.
    public var resolved: Bool

    /// A contact the timeline says nothing about (no customer, or a dropped duplicate).
    public static let none = ContactAuditEntry(repeatOf: nil, switchFrom: nil, evaluable: false, resolved: false)

    public init(repeatOf: Int?, switchFrom: Channel?, evaluable: Bool, resolved: Bool) {
        self.repeatOf = repeatOf
        self.switchFrom = switchFrom
        self.evaluable = evaluable
        self.resolved = resolved
    }
}
