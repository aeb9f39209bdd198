/// The columns of JSON input: the flattened keys in order of first appearance, each key's column, and a
/// version that goes up by one for each record that added keys (see `JSONRecordReader`). One table per input:
/// the reader keeps it while it reads on one thread; with several threads `JSONColumnLedger` keeps it, and the
/// chunks' keys are added in input order.
struct JSONKeyColumns: Sendable {
    /// The keys, in order of first appearance.
    private(set) var header: [String] = []
    /// Incremented once for each record that added keys (0 before any).
    private(set) var version = 0
    private var columns: [String: Int] = [:]

    /// The column of `key`, if it has appeared.
    @inline(__always)
    func column(of key: String) -> Int? { columns[key] }

    /// Adds `key` (which must be new) as the last column and returns its index.
    ///
    /// - Throws: `.dataFormat` "records have more than N distinct keys", at `location` (the record's
    ///   `FILE:LINE:COLUMN`), when the header already has `limits.maxFields` columns.
    mutating func append(_ key: String, limits: ReaderLimits, at location: @autoclosure () -> String) throws -> Int {
        if header.count >= limits.maxFields {
            throw ContactStatError(.dataFormat, "records have more than \(limits.maxFields) distinct keys", at: location())
        }
        columns[key] = header.count
        header.append(key)
        return header.count - 1
    }

    /// Marks the end of a record that added keys.
    mutating func recordAddedKeys() { version += 1 }
}
