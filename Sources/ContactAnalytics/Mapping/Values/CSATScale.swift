/// A satisfaction scale: the lowest and highest score and the score from which a response counts as
/// satisfied (`metrics.md`: 1-5 with threshold 4, 0-10 with threshold 9).
public struct CSATScale: Sendable, Hashable, CustomStringConvertible {
    /// The lowest score on the scale.
    public let lower: Double
    /// The highest score on the scale.
    public let upper: Double
    /// Scores at or above this are satisfied.
    public let satisfiedAt: Double

    /// 1-5, satisfied at 4 (the default).
    public static let fivePoint = CSATScale(uncheckedLower: 1, upper: 5, satisfiedAt: 4)
    /// 0-10, satisfied at 9.
    public static let elevenPoint = CSATScale(uncheckedLower: 0, upper: 10, satisfiedAt: 9)

    private init(uncheckedLower lower: Double, upper: Double, satisfiedAt: Double) {
        self.lower = lower
        self.upper = upper
        self.satisfiedAt = satisfiedAt
    }

    /// A scale; `nil` unless all three are finite, `lower < upper` and `lower <= satisfiedAt <= upper`.
    public init?(lower: Double, upper: Double, satisfiedAt: Double) {
        guard lower.isFinite, upper.isFinite, satisfiedAt.isFinite, lower < upper,
              satisfiedAt >= lower, satisfiedAt <= upper else { return nil }
        self.init(uncheckedLower: lower, upper: upper, satisfiedAt: satisfiedAt)
    }

    /// A scale with the default threshold: the top two points (`upper - 1`) when the scale spans 4 to 10
    /// points (1-5 -> 4, 0-10 -> 9, 1-7 -> 6, 1-10 -> 9); the top point when it spans less (1-3 -> 3); and 90 %
    /// of the way up when it spans more (0-100 -> 90). `nil` unless finite with `lower < upper`.
    public init?(lower: Double, upper: Double) {
        let span = upper - lower
        let threshold: Double
        if span < 4 {
            threshold = upper
        } else if span <= 10 {
            threshold = upper - 1
        } else {
            threshold = lower + 0.9 * span
        }
        self.init(lower: lower, upper: upper, satisfiedAt: threshold)
    }

    /// Whether `score` lies on the scale (bounds included).
    public func contains(_ score: Double) -> Bool { score >= lower && score <= upper }

    /// Whether `score` is at or above the threshold.
    public func isSatisfied(score: Double) -> Bool { score >= satisfiedAt }

    /// Whether a response is satisfied: a score by the threshold, a verdict by its meaning.
    public func isSatisfied(_ response: CSATResponse) -> Bool {
        switch response {
        case .score(let score): isSatisfied(score: score)
        case .verdict(let satisfied): satisfied
        }
    }

    /// `1-5 (satisfied at 4)`, numbers without a needless `.0`.
    public var description: String {
        "\(CSATScale.format(lower))-\(CSATScale.format(upper)) (satisfied at \(CSATScale.format(satisfiedAt)))"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
