import Foundation

/// The columns of one JSON input read by several threads: the workers flatten their chunks at the same time,
/// then take turns, in input order, to add the keys their chunk saw first to the input's columns
/// (`commit`), so every record gets the columns (and the header version, mapper and context) it would have had
/// read on one thread.
///
/// A turn is short: it looks up the chunk's distinct keys, and only when some are new walks to the records
/// that brought them. Chunks are taken from the queue in input order (`ParallelBatches`), so the chunk whose
/// turn comes first is always being worked on.
final class JSONColumnLedger: @unchecked Sendable {
    /// The columns a chunk's records are read with.
    struct Plan: Sendable {
        /// The input's column of each of the chunk's keys (`JSONChunk.Records.keys`).
        var columnOfKey: [Int]
        /// From which record on each set of columns holds, in order (the first from record 0).
        var segments: [(start: Int, columns: IngestColumns)]
        /// Where the chunk's reading ends with an error: the records before `record` are read.
        var failure: (record: Int, error: ContactStatError)?
    }

    private let condition = NSCondition()
    private var keyColumns: JSONKeyColumns
    private var current: IngestColumns
    private var nextChunk = 0

    /// Starts from the columns found so far (the records read to settle the day/month order).
    init(keyColumns: JSONKeyColumns, columns: IngestColumns) {
        self.keyColumns = keyColumns
        self.current = columns
    }

    /// The columns once every chunk has been committed.
    var final: (keyColumns: JSONKeyColumns, columns: IngestColumns) {
        condition.lock()
        defer { condition.unlock() }
        return (keyColumns, current)
    }

    /// Waits for the turn of chunk `index` and lets the next chunk have its turn, adding nothing: for a chunk
    /// whose worker failed before reading it (the run ends with that error, but the workers on the chunks after
    /// it must not wait for good).
    func pass(_ index: Int) {
        condition.lock()
        while nextChunk != index { condition.wait() }
        nextChunk += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the turn of chunk `index` (every chunk before it committed), then adds the keys of `records`
    /// new to the input, record by record as `JSONRecordReader` does. Every chunk must be committed once, even
    /// one whose records end in an error.
    func commit(_ index: Int, _ records: JSONChunk.Records, file: String, limits: ReaderLimits) -> Plan {
        condition.lock()
        while nextChunk != index { condition.wait() }
        defer {
            nextChunk += 1
            condition.broadcast()
            condition.unlock()
        }
        var plan = Plan(columnOfKey: [Int](repeating: -1, count: records.keys.count), segments: [(0, current)])
        var newKeys: [Int] = []
        for (number, key) in records.keys.enumerated() {
            if let column = keyColumns.column(of: key) { plan.columnOfKey[number] = column } else { newKeys.append(number) }
        }
        var next = 0
        while next < newKeys.count {
            // The keys are numbered in order of first appearance: those of one record are consecutive.
            let record = records.firstRecord[newKeys[next]]
            while next < newKeys.count, records.firstRecord[newKeys[next]] == record {
                let number = newKeys[next]
                do {
                    plan.columnOfKey[number] = try keyColumns.append(
                        records.keys[number], limits: limits,
                        at: "\(file):\(records.lines[record]):\(records.columns[record])")
                } catch {
                    plan.failure = (record, error as? ContactStatError ?? ContactStatError(.dataFormat, "\(error)"))
                    return plan
                }
                next += 1
            }
            keyColumns.recordAddedKeys()
            var mapper = current.mapper
            mapper.updateHeader(keyColumns.header)
            var context = current.context
            context.header = keyColumns.header
            context.headerVersion = keyColumns.version
            current = IngestColumns(mapper: mapper, context: context)
            plan.segments.append((record, current))
        }
        if let error = records.error { plan.failure = (records.count, error) }
        return plan
    }
}
