/// One byte of per-contact facts kept by the metrics engine.
struct ContactFlags: OptionSet, Sendable {
    let rawValue: UInt8

    /// Inside the reporting range.
    static let counted = ContactFlags(rawValue: 1 << 0)
    /// Has an identity key.
    static let identified = ContactFlags(rawValue: 1 << 1)
    /// The export's FCR flag (or touch count) says resolved / not resolved.
    static let exportResolved = ContactFlags(rawValue: 1 << 2)
    static let exportUnresolved = ContactFlags(rawValue: 1 << 3)
    /// A numeric CSAT score (kept beside the flags), or a satisfied / unsatisfied verdict.
    static let csatNumeric = ContactFlags(rawValue: 1 << 4)
    static let csatSatisfied = ContactFlags(rawValue: 1 << 5)
    static let csatUnsatisfied = ContactFlags(rawValue: 1 << 6)
}
