/// CSAT over a set of contacts (`metrics.md`, "CSAT").
public struct CSATSummary: Sendable, Equatable {
    /// Contacts with a readable score or verdict.
    public var responses: Int
    /// responses / contacts.
    public var responseRate: Ratio
    /// Responses at or above the threshold (numeric) or with a satisfied verdict (words).
    public var satisfied: Int
    /// satisfied / responses.
    public var rate: Ratio
    /// Mean over numeric responses on the configured scale; `nil` without numeric responses.
    public var mean: Double?
    /// 95 % Wilson score interval for `rate`; `nil` without responses.
    public var confidenceLow: Double?
    public var confidenceHigh: Double?

    public init(responses: Int, responseRate: Ratio, satisfied: Int, rate: Ratio, mean: Double?,
                confidenceLow: Double?, confidenceHigh: Double?) {
        self.responses = responses
        self.responseRate = responseRate
        self.satisfied = satisfied
        self.rate = rate
        self.mean = mean
        self.confidenceLow = confidenceLow
        self.confidenceHigh = confidenceHigh
    }
}
