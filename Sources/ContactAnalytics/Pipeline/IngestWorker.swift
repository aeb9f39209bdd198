/// What one worker thread of `ContactIngest.runInBatches` keeps, and how it processes a job: parse (for a
/// chunk), map, count and reject, then `process` each contact. A value with mutating methods, so the hot
/// loop works on its own fields without the dynamic exclusivity checks that captured variables would need.
///
/// JSON input's columns grow as it is read: its jobs carry the mapper and context of their records' header
/// (`IngestColumns`), and a worker whose header is older takes its own copy of that mapper and makes its state
/// again (`makeState`), as the one-thread path does.
struct IngestWorker<State, Output: Sendable> {
    var mapper: ContactMapper
    var state: State
    let process: @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output
    let makeState: @Sendable (ContactIngest.Context) throws -> State
    /// The header version `mapper` and `state` are for.
    private var headerVersion: Int
    /// This thread's own copy of the file name (see `ContactMapper.copyForThread`).
    let file: String
    /// One contact record reused for every record (`ContactMapper.map(_:into:diagnostics:)`).
    private var contact = ContactRecord(openedAt: 0)
    private var result: BatchResult<Output>

    /// A worker with its own copy of `mapper` and a state made for `context`.
    init(mapper: ContactMapper, context: ContactIngest.Context,
         makeState: @escaping @Sendable (ContactIngest.Context) throws -> State,
         process: @escaping @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output) throws {
        self.mapper = mapper.copyForThread()
        self.state = try makeState(context)
        self.makeState = makeState
        self.process = process
        headerVersion = context.headerVersion
        self.file = self.mapper.file
        result = BatchResult(file: self.mapper.file)
    }

    /// Processes one job; the results of its contacts come back in order.
    mutating func run(_ job: IngestJob) throws -> BatchResult<Output> {
        result = BatchResult(file: file)
        switch job {
        case .records(let batch, let columns):
            if let columns {
                if columns.context.headerVersion != headerVersion {
                    mapper = columns.mapper.copyForThread()
                    state = try makeState(columns.context)
                    headerVersion = columns.context.headerVersion
                }
                result.header = columns.context.header
            }
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

/// What a worker is given: records already read (with, for JSON input, the columns they are mapped with), or
/// a chunk of CSV input to parse.
enum IngestJob: Sendable {
    case records(RecordBatch, columns: IngestColumns? = nil)
    case chunk(CSVChunk)
}

/// The columns a JSON job's records are read with: the mapper bound to the header of `context.headerVersion`.
struct IngestColumns: Sendable {
    var mapper: ContactMapper
    var context: ContactIngest.Context
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
    /// The header of the job's records, when the job named it (JSON input): rejects are written with it.
    var header: [String]?

    init(file: String) {
        counts = IngestSummary.FileSummary(name: file, format: "csv", delimiter: nil, header: [], bindings: [],
                                           missingColumns: [], filledCounts: [:], dateOrder: nil)
    }
}
