/// How many contacts the taxonomy classified (`metrics.md`: coverage = classified contacts / contacts).
public struct ClassificationCoverage: Sendable, Hashable {
    /// Contacts that got a cause.
    public var classified: Int
    /// All contacts counted.
    public var total: Int

    public init(classified: Int = 0, total: Int = 0) {
        self.classified = classified
        self.total = total
    }

    /// Counts one contact.
    public mutating func add(_ cause: CauseID) {
        total += 1
        if cause.isClassified { classified += 1 }
    }

    /// Adds another count (per-worker results).
    public mutating func merge(_ other: ClassificationCoverage) {
        classified += other.classified
        total += other.total
    }

    /// Contacts without a cause.
    public var unclassified: Int { total - classified }

    /// `classified / total`, or `nil` when no contact was counted (an empty denominator is never 0).
    public var coverage: Double? { total == 0 ? nil : Double(classified) / Double(total) }
}
