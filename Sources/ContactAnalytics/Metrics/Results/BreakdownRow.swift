/// One row of a breakdown: a key (a channel, queue, agent, process or cause) and its figures.
public struct BreakdownRow: Sendable, Equatable {
    /// The key as printed (`phone`, `Logistics`, `delivery/where-is-my-order`, `unclassified`).
    public var key: String
    /// For cause rows: the cause's display name, process and avoidable flag; empty / `nil` otherwise.
    public var name: String
    public var process: String?
    public var avoidableCause: Bool?
    public var metrics: MetricSet

    public init(key: String, name: String = "", process: String? = nil, avoidableCause: Bool? = nil,
                metrics: MetricSet) {
        self.key = key
        self.name = name
        self.process = process
        self.avoidableCause = avoidableCause
        self.metrics = metrics
    }
}
