/// One reported figure, declared once in `MetricCatalog`: its key, labels, kind, how it is read from a computed
/// `MetricSet`, whether it sums over slices, and its definition. Every format takes its columns from these.
public struct MetricDescriptor: Sendable {
    /// Where a figure is reported.
    public enum Scope: Sendable, Equatable {
        /// For the whole range and for every slice (channel, cause, cause group, process, queue, agent, period).
        case everySlice
        /// For every slice, not the whole range: a share of the whole, which is 1 there.
        case slicesOnly
        /// For the whole range only (the summary): slices do not keep what it needs (handle-time histograms)
        /// or it is a detail of a slice figure that the summary alone spells out.
        case summaryOnly
    }

    /// The machine name: a JSON key and a CSV column or metric name (`repeat_rate`).
    public let key: String
    /// The name in prose and in the definitions (`Repeat rate`).
    public let label: String
    /// The header of a column in the human formats' tables (`Repeat`).
    public let columnHeader: String
    public let kind: MetricKind
    /// Whether the figure of several slices together is the sum of theirs (counts and money totals; never a
    /// rate, a mean or a median). A table that hides rows sums these columns in its "… N more" row.
    public let sums: Bool
    public let scope: Scope
    /// What the figure is, in one or two sentences (`metrics.md` has the full rules).
    public let definition: String
    /// The figure's line in a report's definitions section, when it needs one: its method in a few words and a
    /// detail (`FCR  repeat-window method  contacts opened later than ...`), under `columnHeader`; `nil` for a
    /// figure the definitions section does not list.
    public let reportNote: (method: String, detail: String)?
    /// Reads the figure from a computed set.
    private let read: @Sendable (MetricSet) -> MetricValue

    public init(key: String, label: String, columnHeader: String, kind: MetricKind, sums: Bool,
                scope: Scope = .everySlice, definition: String, reportNote: (method: String, detail: String)? = nil,
                read: @escaping @Sendable (MetricSet) -> MetricValue) {
        self.key = key
        self.label = label
        self.columnHeader = columnHeader
        self.kind = kind
        self.sums = sums
        self.scope = scope
        self.definition = definition
        self.reportNote = reportNote
        self.read = read
    }

    /// The figure of `metrics`.
    public func value(of metrics: MetricSet) -> MetricValue {
        read(metrics)
    }
}
