/// A customer-satisfaction response as the export gave it.
public enum CSATResponse: Sendable, Equatable {
    /// A numeric score on the configured scale.
    case score(Double)
    /// A word whose meaning is satisfied (`true`: good, satisfied, tyytyväinen) or not (`false`).
    case verdict(Bool)
}
