import Foundation

/// Everything one analysis run needs: what to read, how to classify, and the metric definitions.
public struct AnalysisOptions: Sendable {
    public var ingest: IngestOptions
    public var metrics: MetricsConfiguration
    public var taxonomy: Taxonomy
    /// Match taxonomy keywords ignoring diacritics.
    public var foldDiacritics: Bool
    /// Measure each stage's time (a clock read per contact and stage; off by default).
    public var profile: Bool
    /// Threads that map and classify CSV input (default: the processor count, at most 8).
    public var threads: Int
    /// The export column each contact's cause is taken from instead of the rules (`--cause-from`), if any,
    /// and how its values become causes (`ColumnCauses`).
    public var causeColumn: String?
    public var causeTable = CauseColumnTable()

    public init(ingest: IngestOptions, metrics: MetricsConfiguration = MetricsConfiguration(),
                taxonomy: Taxonomy = .builtIn, foldDiacritics: Bool = false, profile: Bool = false,
                threads: Int = AnalysisOptions.defaultThreads) {
        self.threads = max(1, threads)
        self.ingest = ingest
        self.metrics = metrics
        self.taxonomy = taxonomy
        self.foldDiacritics = foldDiacritics
        self.profile = profile
    }

    /// The processor count, at most 8.
    public static var defaultThreads: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }
}
