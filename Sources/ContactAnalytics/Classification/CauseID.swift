/// A compact reference to a cause: an index into `Taxonomy.causes`, or `unclassified`.
///
/// Four bytes, so per-contact storage (timelines, counters) stays small.
public struct CauseID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The index into `Taxonomy.causes`; `-1` means unclassified.
    public let rawValue: Int32

    /// A cause at `index` of `Taxonomy.causes`.
    public init(_ index: Int) {
        self.rawValue = Int32(truncatingIfNeeded: index)
    }

    /// Wraps a raw value (`-1` = unclassified).
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// No rule matched the contact.
    public static let unclassified = CauseID(rawValue: -1)

    /// `true` unless this is `unclassified`.
    @inline(__always)
    public var isClassified: Bool { rawValue >= 0 }

    /// The index into `Taxonomy.causes`, or `nil` when unclassified.
    public var index: Int? { rawValue >= 0 ? Int(rawValue) : nil }

    /// Unclassified sorts first, then causes in taxonomy order.
    public static func < (lhs: CauseID, rhs: CauseID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `#3` or `unclassified`.
    public var description: String { isClassified ? "#\(rawValue)" : "unclassified" }
}
