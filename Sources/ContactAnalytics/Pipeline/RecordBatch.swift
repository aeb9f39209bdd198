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

    /// Reads the next record of `reader` into the batch (reusing a slot's buffers); `false` at the end.
    mutating func readRecord(from reader: inout any RecordReader) throws -> Bool {
        if count == records.count { records.append(RawRecord()) }
        guard try reader.next(into: &records[count]) else { return false }
        count += 1
        return true
    }

    /// Empties the batch, keeping every record's buffers.
    mutating func reset() {
        count = 0
    }
}
