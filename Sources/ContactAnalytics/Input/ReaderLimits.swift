/// Bounds that keep a reader's memory finite on hostile or broken input. Exceeding one throws
/// `ContactStatError(.dataFormat, ...)` with the location of the offending record.
public struct ReaderLimits: Sendable, Equatable {
    /// The most bytes one record may hold (all fields together, after unquoting / unescaping; for JSON also
    /// the object's source text). Default 64 MiB.
    public var maxRecordBytes: Int
    /// The most fields one record may have (for JSON: the most columns the header may grow to).
    /// Default 10 000.
    public var maxFields: Int
    /// The deepest nesting of JSON objects and arrays, counting the record's own object as 1. Default 64.
    public var maxJSONDepth: Int

    /// The defaults: 64 MiB per record, 10 000 fields, JSON depth 64.
    public init(maxRecordBytes: Int = 64 * 1024 * 1024, maxFields: Int = 10_000, maxJSONDepth: Int = 64) {
        self.maxRecordBytes = maxRecordBytes
        self.maxFields = maxFields
        self.maxJSONDepth = maxJSONDepth
    }
}
