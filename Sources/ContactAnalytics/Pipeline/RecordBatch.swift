/// A batch of raw records already read (the records that settled the day/month order, or one record too long
/// for a chunk), handed to a worker thread as one job.
struct RecordBatch: Sendable {
    private(set) var records: [RawRecord] = []
    private(set) var count = 0

    init() {}

    /// Appends a copy of `record`.
    mutating func append(_ record: RawRecord) {
        if count < records.count { records[count] = record } else { records.append(record) }
        count += 1
    }
}
