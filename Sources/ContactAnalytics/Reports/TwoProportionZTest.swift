import Foundation

/// The two-proportion z-test behind `check`'s change gates: is the difference between `x1 / n1` (the previous
/// period) and `x2 / n2` (the current one) larger than chance would make it?
///
/// With the pooled share `p = (x1 + x2) / (n1 + n2)`, `z = (x2/n2 - x1/n1) / sqrt(p (1 - p) (1/n1 + 1/n2))`,
/// and the two-sided p-value is `erfc(|z| / sqrt 2)` (the normal approximation; it is fair when each period
/// has at least about 5 successes and 5 failures, and errs towards "not significant" below that only in the
/// sense that tiny samples rarely reach a small p-value).
public struct TwoProportionZTest: Sendable, Equatable {
    /// The test statistic (positive when the current share is higher).
    public var z: Double
    /// The two-sided p-value.
    public var pValue: Double

    /// The test for `x1` of `n1` against `x2` of `n2`; `nil` when a period has no trials, or when both shares
    /// are 0 or both 1 (no variance: nothing to test).
    public init?(x1: Int, n1: Int, x2: Int, n2: Int) {
        guard n1 > 0, n2 > 0 else { return nil }
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2)
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let variance = pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))
        guard variance > 0 else { return nil }
        z = (p2 - p1) / variance.squareRoot()
        pValue = erfc(abs(z) / 2.0.squareRoot())
    }
}
