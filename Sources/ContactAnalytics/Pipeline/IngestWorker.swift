/// What one worker thread of `ContactIngest.runInBatches` keeps, and how it processes a job: parse (for a
/// chunk), map, count and reject, then `process` each contact. A value with mutating methods, so the hot
/// loop works on its own fields without the dynamic exclusivity checks that captured variables would need.
struct IngestWorker<State, Output: Sendable> {
    var mapper: ContactMapper
    var state: State
    let process: @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output
    /// This thread's own copy of the file name (see `ContactMapper.copyForThread`).
    let file: String
    /// One contact record reused for every record (`ContactMapper.map(_:into:diagnostics:)`).
    private var contact = ContactRecord(openedAt: 0)
    private var result: BatchResult<Output>

    init(mapper: ContactMapper, state: State,
         process: @escaping @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output) {
        self.mapper = mapper
        self.state = state
        self.process = process
        self.file = mapper.file
        result = BatchResult(file: mapper.file)
    }

    /// Processes one job; the results of its contacts come back in order.
    mutating func run(_ job: IngestJob) throws -> BatchResult<Output> {
        result = BatchResult(file: file)
        switch job {
        case .records(let batch):
            result.outputs.reserveCapacity(batch.count)
            for i in 0..<batch.count { handle(batch.records[i]) }
        case .chunk(let chunk):
            result.outputs.reserveCapacity(chunk.bytes.count / 128)
            var record = RawRecord()
            try chunk.forEachRecord(&record) { handle($0) }
        }
        result.filled = mapper.takeFilledCounts()
        return result
    }

    private mutating func handle(_ record: RawRecord) {
        if record.decodedAsWindows1252, result.firstWindows1252Line == nil { result.firstWindows1252Line = record.line }
        switch ContactIngest.map(record, into: &contact, mapper: &mapper, file: file, counts: &result.counts,
                                 diagnostics: &result.diagnostics) {
        case .contact: result.outputs.append(process(&state, contact, record))
        case .rejected(let rejected): result.rejects.append(rejected)
        case .excluded: break
        }
    }
}

/// What a worker is given: records already read, or a chunk of input to parse.
enum IngestJob: Sendable {
    case records(RecordBatch)
    case chunk(CSVChunk)
}

/// What a worker gives back for one job: the outputs of its contacts in order, the counts, diagnostics and
/// rejects, the fill counts, and the line of its first record decoded as Windows-1252.
struct BatchResult<Output: Sendable>: Sendable {
    var counts: IngestSummary.FileSummary
    var outputs: [Output] = []
    var diagnostics = DiagnosticLog()
    var rejects: [RejectedRecord] = []
    var filled: [CanonicalField: Int] = [:]
    var firstWindows1252Line: Int?

    init(file: String) {
        counts = IngestSummary.FileSummary(name: file, format: "csv", delimiter: nil, header: [], bindings: [],
                                           missingColumns: [], filledCounts: [:], dateOrder: nil)
    }
}
