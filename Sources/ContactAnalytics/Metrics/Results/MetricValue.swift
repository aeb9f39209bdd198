/// One metric's value for one slice, as read from a `MetricSet` by a `MetricDescriptor`: a count, or a real
/// number that may be missing (`nil`: an empty denominator, no value to take a mean or median of).
public enum MetricValue: Sendable, Equatable {
    case count(Int)
    case real(Double?)

    /// The value as a real number; `nil` when it has none.
    public var number: Double? {
        switch self {
        case .count(let value): Double(value)
        case .real(let value): value
        }
    }
}
