/// A batch of raw records handed to a worker thread. Batches come back with their results and are reused,
/// so their records' buffers are allocated once.
struct RecordBatch: Sendable {
    private(set) var records: [RawRecord] = []
    private(set) var count = 0

    init() {}

    /// Appends a copy of `record`.
    mutating func append(_ record: RawRecord) {
        if count < records.count { records[count] = record } else { records.append(record) }
        count += 1
    }

    /// Empties the batch, keeping every record's buffers.
    mutating func reset() {
        count = 0
    }
}
