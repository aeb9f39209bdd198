/// A streaming source of records from one input (a CSV, JSON array or JSON Lines file, or standard input).
///
/// Readers pull bytes in large chunks and never hold the whole input. Errors that make the rest of the input
/// unreadable (a quote left open at the end, malformed JSON) are thrown as `ContactStatError` with kind
/// `.dataFormat` and a `FILE:LINE:COLUMN` location; problems confined to one record are the caller's to judge
/// (a CSV record with the wrong number of fields is still returned).
public protocol RecordReader {
    /// The column names. For CSV the header row; for JSON the keys seen so far (nested objects flattened as
    /// `parent.child`), which may grow as new keys appear: watch `headerVersion`.
    var header: [String] { get }
    /// Incremented whenever `header` changes.
    var headerVersion: Int { get }
    /// Diagnostics the reader produced that are not fatal (e.g. "decoded as Windows-1252").
    var diagnostics: [Diagnostic] { get }
    /// Reads the next record into `record` (reusing its buffers). Returns `false` at the end of input.
    mutating func next(into record: inout RawRecord) throws -> Bool
}
