/// The share of a cause's avoidable contacts that its fix is assumed to take away, per fix kind (`CauseFix`):
/// the savings ledger's estimate is contacts x (cost in their channels - cost in self-service) x this share.
///
/// **Defaults** (the README's "Savings ledger" gives the sources and what they say):
/// - `self-service` 0.23: ServiceXRG's average case deflection in the technology industry (23 %);
/// - `faq` 0.10: a written answer deflects less than a self-service flow; an assumption within the 5-15 %
///   vendors quote for static FAQ pages;
/// - `proactive-message` 0.30 and `process-fix` 0.50: assumptions, with no published study behind them.
///
/// Gartner (2019) found that only 9 % of customers resolve their issue completely in self-service: the
/// defaults are orders of magnitude to start from; configure your own (`savings.deflection`).
public struct DeflectionShares: Sendable, Equatable {
    /// The share per fix kind, each in 0...1.
    public private(set) var shares: [CauseFix: Double]
    /// The kinds whose share came from the configuration.
    public private(set) var configured: Set<CauseFix> = []

    /// The built-in shares (see the type's documentation).
    public static let builtIn: [CauseFix: Double] = [
        .selfService: 0.23, .faq: 0.10, .proactiveMessage: 0.30, .processFix: 0.50,
    ]

    /// The built-in shares with `overrides` in their place.
    public init(overrides: [CauseFix: Double] = [:]) {
        shares = DeflectionShares.builtIn
        for (fix, share) in overrides {
            shares[fix] = share
            configured.insert(fix)
        }
    }

    /// The share for `fix`.
    public func share(for fix: CauseFix) -> Double {
        shares[fix] ?? 0
    }

    /// Where `fix`'s share comes from: `configured` or `default`.
    public func source(of fix: CauseFix) -> String {
        configured.contains(fix) ? "configured" : "default"
    }
}
