/// What one worker thread of `ContactIngest.runInBatches` keeps, and how it processes a job: parse (for a
/// chunk), map, count and reject, then `process` each contact. A value with mutating methods, so the hot
/// loop works on its own fields without the dynamic exclusivity checks that captured variables would need.
///
/// JSON input's columns grow as it is read: a worker flattens a chunk of it, waits for the chunk's turn to
/// learn its records' columns (`JSONColumnLedger`), and for each header its records were read with takes its
/// own copy of that header's mapper and makes its state again (`makeState`), as the one-thread path does; a
/// batch of records already read carries its columns (`IngestColumns`) likewise.
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
    /// The header rejected records are written with, when the job's records have one of their own.
    private var rejectHeader: [String]?
    /// Flattens the objects of JSON chunks.
    private var flattener = JSONObjectFlattener()
    /// One record reused for every JSON object.
    private var jsonRecord = RawRecord()
    /// Which of the record's fields each column takes (-1: none), for JSON records.
    private var slots: [Int] = []

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
        rejectHeader = nil
        switch job {
        case .records(let batch, let columns):
            if let columns {
                try adopt(columns)
                result.header = columns.context.header
            }
            result.outputs.reserveCapacity(batch.count)
            for i in 0..<batch.count { handle(batch.records[i]) }
        case .chunk(let chunk):
            result.outputs.reserveCapacity(chunk.bytes.count / 128)
            var record = RawRecord()
            try chunk.forEachRecord(&record) { handle($0) }
        case .jsonChunk(let chunk, let ledger):
            try runJSON(chunk, ledger: ledger)
        }
        result.filled.merge(mapper.takeFilledCounts(), uniquingKeysWith: +)
        return result
    }

    /// Takes the mapper and a state for `columns` unless they are the ones in use.
    private mutating func adopt(_ columns: IngestColumns) throws {
        if columns.context.headerVersion != headerVersion {
            // The fill counts so far belong to the job: kept before the mapper is replaced.
            result.filled.merge(mapper.takeFilledCounts(), uniquingKeysWith: +)
            mapper = columns.mapper.copyForThread()
            state = try makeState(columns.context)
            headerVersion = columns.context.headerVersion
        }
    }

    /// Flattens the chunk's objects, learns their columns in the chunk's turn, and handles the records in
    /// order, each laid out in the columns of its header as `JSONRecordReader` lays it out. An error in the
    /// chunk goes back with the results of the records before it (`BatchResult.failure`).
    private mutating func runJSON(_ chunk: JSONChunk, ledger: JSONColumnLedger) throws {
        let records = chunk.parse(with: &flattener)
        let plan = ledger.commit(chunk.index, records, file: chunk.file, limits: chunk.limits)
        let end = plan.failure?.record ?? records.count
        result.failure = plan.failure?.error
        result.outputs.reserveCapacity(end)
        var segment = 0
        for index in 0..<end {
            while segment < plan.segments.count, plan.segments[segment].start <= index {
                let columns = plan.segments[segment].columns
                try adopt(columns)
                rejectHeader = columns.context.header
                if slots.count < columns.context.header.count {
                    slots.append(contentsOf: repeatElement(-1, count: columns.context.header.count - slots.count))
                }
                segment += 1
            }
            let width = rejectHeader?.count ?? 0
            for column in 0..<width { slots[column] = -1 }
            let fields = records.fields(of: index)
            for field in fields { slots[plan.columnOfKey[records.fieldKeys[field]]] = field }
            jsonRecord.removeAll()
            jsonRecord.line = records.lines[index]
            jsonRecord.decodedAsWindows1252 = records.decodedAsWindows1252[index]
            records.values.withUnsafeBufferPointer { values in
                for column in 0..<width {
                    let field = slots[column]
                    if field >= 0 {
                        jsonRecord.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: values[records.fieldRanges[field]]))
                    }
                    jsonRecord.fieldEnds.append(jsonRecord.bytes.count)
                }
            }
            handle(jsonRecord)
        }
    }

    private mutating func handle(_ record: RawRecord) {
        if record.decodedAsWindows1252, result.firstWindows1252Line == nil { result.firstWindows1252Line = record.line }
        switch ContactIngest.map(record, into: &contact, mapper: &mapper, file: file, counts: &result.counts,
                                 diagnostics: &result.diagnostics) {
        case .contact: result.outputs.append(process(&state, contact, record))
        case .rejected(var rejected):
            rejected.header = rejectHeader
            result.rejects.append(rejected)
        case .excluded: break
        }
    }
}

/// What a worker is given: records already read (with, for JSON input, the columns they are mapped with), a
/// chunk of CSV input to parse, or a chunk of JSON input to flatten, with the ledger of the input's columns.
enum IngestJob: Sendable {
    case records(RecordBatch, columns: IngestColumns? = nil)
    case chunk(CSVChunk)
    case jsonChunk(JSONChunk, JSONColumnLedger)
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
    /// The error the job's input ends with (a JSON chunk's malformed object, too many keys), thrown once the
    /// results before it are merged.
    var failure: ContactStatError?

    init(file: String) {
        counts = IngestSummary.FileSummary(name: file, format: "csv", delimiter: nil, header: [], bindings: [],
                                           missingColumns: [], filledCounts: [:], dateOrder: nil)
    }
}
