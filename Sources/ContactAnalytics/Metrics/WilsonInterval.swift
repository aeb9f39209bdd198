/// The Wilson score interval for a binomial proportion: a confidence interval that behaves well for small
/// samples and proportions near 0 or 1 (unlike the normal approximation).
public enum WilsonInterval {
    /// z for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    /// The interval for `successes` out of `trials`, or `nil` when `trials` is 0.
    ///
    /// `center = (p + z²/2n) / (1 + z²/n)`, `half = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)`, with
    /// `p = successes / trials`.
    public static func bounds(successes: Int, trials: Int, z: Double = z95) -> (low: Double, high: Double)? {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, center - half), min(1, center + half))
    }
}
