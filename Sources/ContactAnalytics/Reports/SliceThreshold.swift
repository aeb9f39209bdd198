/// A `check` threshold on every slice of one dimension whose name matches a pattern
/// (`--max-avoidable-rate cause=billing/*:40%`): each matching channel, cause, process or queue is a gate of
/// its own, checked like the overall threshold on that slice's figures.
public struct SliceThreshold: Sendable, Equatable {
    /// The breakdowns a threshold can be scoped to.
    public enum Dimension: String, Sendable, Equatable, CaseIterable {
        case channel, cause, process, queue

        /// The report's rows of this dimension.
        func rows(_ report: ContactReport) -> [BreakdownRow] {
            switch self {
            case .channel: report.channels
            case .cause: report.causes
            case .process: report.processes
            case .queue: report.queues
            }
        }
    }

    public var metric: ThresholdCheck.Metric
    public var dimension: Dimension
    public var pattern: GlobPattern
    /// The limit, in the metric's unit (a fraction for rates, money for cost per contact).
    public var limit: Double

    public init(metric: ThresholdCheck.Metric, dimension: Dimension, pattern: GlobPattern, limit: Double) {
        self.metric = metric
        self.dimension = dimension
        self.pattern = pattern
        self.limit = limit
    }

    /// Reads `DIMENSION=PATTERN:LIMIT` (the limit after the last `:`), the limit read by `limit`. Throws
    /// `ContactStatError(.usage)` for an unknown dimension, a missing `:` or pattern, or a bad pattern; `limit`
    /// throws for a bad limit.
    static func parse(_ text: String, metric: ThresholdCheck.Metric, setting: Setting,
                      limit: (String) throws -> Double) throws -> SliceThreshold {
        let dimensions = Dimension.allCases.map(\.rawValue).joined(separator: ", ")
        guard let equals = text.firstIndex(of: "="), let colon = text.lastIndex(of: ":"), equals < colon else {
            throw ContactStatError(.usage, "\(setting: setting) '\(text)' is not LIMIT or DIMENSION=PATTERN:LIMIT "
                                   + "(dimensions: \(dimensions))")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        guard let dimension = Dimension(rawValue: name) else {
            throw ContactStatError(.usage, "\(setting: setting) '\(text)': '\(name)' is not a dimension (\(dimensions))")
        }
        let pattern = try GlobPattern(String(text[text.index(after: equals)..<colon]))
        return SliceThreshold(metric: metric, dimension: dimension, pattern: pattern,
                              limit: try limit(String(text[text.index(after: colon)...])))
    }
}
