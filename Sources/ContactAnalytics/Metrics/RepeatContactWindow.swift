/// The repeat window `W` and match scope of `metrics.md` ("Repeat contacts and first-contact resolution").
public struct RepeatContactWindow: Sendable, Equatable {
    /// Which earlier contacts of the same customer make a contact a repeat.
    public enum Scope: String, Sendable, CaseIterable {
        /// Same customer and same cause (`unclassified` counts as one cause).
        case cause
        /// Same customer, any cause.
        case any
    }

    /// `W` in seconds.
    public var seconds: Int64
    public var scope: Scope

    /// The default: 7 days, same cause.
    public static let standard = RepeatContactWindow(days: 7, scope: .cause)

    public init(seconds: Int64, scope: Scope) {
        self.seconds = seconds
        self.scope = scope
    }

    public init(days: Double, scope: Scope) {
        self.init(seconds: Int64((days * 86_400).rounded()), scope: scope)
    }

    /// `W` in days, as printed in reports.
    public var days: Double { Double(seconds) / 86_400 }

    /// `W` as the command line writes it, in its largest whole unit: `7d`, `72h`, `90m`, `45s`.
    public var durationText: String {
        for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
