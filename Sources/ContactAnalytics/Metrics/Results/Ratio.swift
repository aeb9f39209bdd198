/// A rate kept as its two counts, so reports can show both and an empty denominator stays "no value"
/// (`null` in JSON, an empty CSV cell), never 0 and never NaN.
public struct Ratio: Sendable, Equatable, Hashable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `numerator / denominator`, or `nil` when the denominator is 0.
    public var value: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}
