/// What one worker thread of `ContactIngest.runInBatches` keeps, and how it processes a job: parse (for a
/// chunk), map, count and reject, then `process` each contact. A value with mutating methods, so the hot
/// loop works on its own fields without the dynamic exclusivity checks that captured variables would need.
///
/// JSON input's columns grow as it is read: a worker flattens a chunk of it, waits for the chunk's turn to
/// learn its records' columns (`JSONColumnLedger`), and for each header its records were read with takes its
/// own copy of that header's mapper and makes its state again (`makeState`), as the one-thread path does; a
/// batch of records already read carries its columns (`IngestColumns`) likewise.
///
/// One worker serves every file of a run: at the first job of another file it takes a copy of that file's
/// mapper (keeping the strings its text memos made so far), and keeps its state unless the file's header differs.
struct IngestWorker<State, Output: Sendable> {
    var mapper: ContactMapper
    var state: State
    let process: @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output
    /// Finishes outputs of `process` (`ContactIngest.runInBatches`): those in the range given, in groups of up to
    /// `ContactIngest.finishBatch`.
    let finish: (@Sendable (inout State, inout [Output], Range<Int>) -> Void)?
    /// The outputs of `result` already finished.
    private var finished = 0
    let makeState: @Sendable (ContactIngest.Context) throws -> State
    /// The header version `mapper` and `state` are for.
    private var headerVersion: Int
    /// This thread's own copy of the file name (see `ContactMapper.copyForThread`).
    private(set) var file: String
    /// One contact record reused for every record (`ContactMapper.map(_:into:diagnostics:)`).
    private var contact = ContactRecord(openedAt: 0)
    private var result: BatchResult<Output>
    /// The header rejected records are written with, when the job's records have one of their own.
    private var rejectHeader: [String]?
    /// Flattens the objects of JSON chunks.
    private var flattener = JSONObjectFlattener()
    /// One record reused for every JSON object.
    private var jsonRecord = RawRecord()
    /// `gatherJSONRecord`'s scratch: a JSON record's bytes and field ends before they are handed to `jsonRecord`.
    private var jsonScratchBytes: [UInt8] = []
    private var jsonScratchEnds: [Int] = []
    /// Which of the record's fields each column takes (-1: none), for JSON records.
    private var slots: [Int] = []

    /// The file `mapper` is a copy of (its number in the run's input).
    private var fileNumber: Int
    /// The header `state` was made for: a worker keeps its state from file to file while the header is the same.
    private var stateHeader: [String]

    /// A worker for the jobs of file `file` (its number in the run's input), with its own copy of the file's
    /// mapper and a state made for its context.
    init(columns: IngestColumns, file: Int,
         makeState: @escaping @Sendable (ContactIngest.Context) throws -> State,
         process: @escaping @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output,
         finish: (@Sendable (inout State, inout [Output], Range<Int>) -> Void)? = nil) throws {
        self.mapper = columns.mapper.copyForThread()
        self.state = try makeState(columns.context)
        self.makeState = makeState
        self.process = process
        self.finish = finish
        headerVersion = columns.context.headerVersion
        fileNumber = file
        stateHeader = columns.context.header
        self.file = self.mapper.file
        result = BatchResult(file: self.mapper.file)
    }

    /// Takes a copy of the mapper of file `serial` when it is another file than the last job's, and a state
    /// made for its header when the header differs.
    private mutating func enter(_ serial: Int, columns: IngestColumns) throws {
        guard serial != fileNumber else { return }
        // The last job took the mapper's fill counts: nothing of the old file is left in it but the strings of
        // its text memos, which the new copy keeps.
        mapper = columns.mapper.copyForThread(keepingTextMemosOf: mapper)
        if columns.context.header != stateHeader {
            finishOutputs()
            state = try makeState(columns.context)
            stateHeader = columns.context.header
        }
        headerVersion = columns.context.headerVersion
        fileNumber = serial
        file = mapper.file
    }

    /// Reads a whole file opened on this thread (`ContactIngest.open`) as the one-thread path does: the
    /// records that settled the date order, then the rest from its reader, the columns growing with the
    /// reader's header. The result holds, in order, the diagnostics of opening it (`opening`), of its records
    /// and of its reader, its rejects with their headers, and its summary. The records of its sample are left
    /// in `spareRecords`, for the next file this thread opens (`ContactIngest.open`).
    mutating func runWhole(_ opened: ContactIngest.OpenedFile, serial: Int, opening: DiagnosticLog,
                           spareRecords: inout [RawRecord]) throws -> BatchResult<Output> {
        var opened = opened
        try enter(serial, columns: IngestColumns(mapper: opened.mapper, context: opened.context))
        result = BatchResult(file: file)
        finished = 0
        result.diagnostics = opening
        rejectHeader = opened.context.header
        result.outputs.reserveCapacity(opened.sample.count)
        var record = RawRecord()
        while try opened.nextRecord(into: &record, mapper: &mapper) {
            if opened.context.headerVersion != headerVersion {
                finishOutputs()
                state = try makeState(opened.context)
                stateHeader = opened.context.header
                headerVersion = opened.context.headerVersion
                rejectHeader = opened.context.header
            }
            handle(record)
        }
        finishOutputs()
        swap(&spareRecords, &opened.sample)
        for diagnostic in opened.reader.diagnostics { result.diagnostics.report(diagnostic) }
        opened.summary.rowsRead += result.counts.rowsRead
        opened.summary.contacts += result.counts.contacts
        opened.summary.rejected += result.counts.rejected
        opened.summary.excluded += result.counts.excluded
        opened.summary.internalContacts += result.counts.internalContacts
        opened.mapper = mapper
        result.whole = ContactIngest.close(opened, filled: [mapper.takeFilledCounts()])
        result.estimatedRecords = opened.estimatedRecords
        return result
    }

    /// Processes one job; the results of its contacts come back in order.
    mutating func run(_ job: IngestJob) throws -> BatchResult<Output> {
        do {
            if let columns = job.columns { try enter(job.file, columns: columns) }
        } catch {
            job.abandon()
            throw error
        }
        result = BatchResult(file: file)
        finished = 0
        rejectHeader = nil
        switch job.work {
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
            chunk.recycle()
        case .jsonChunk(let chunk, let ledger):
            try runJSON(chunk, ledger: ledger)
        case .wholeFile:
            throw ContactStatError(.dataFormat, "internal error: a whole file given as a job of records; please "
                                   + "report this, and run with \(setting: .threads) 1 meanwhile" as MessageText)
        }
        finishOutputs()
        result.filled.merge(mapper.takeFilledCounts(), uniquingKeysWith: +)
        return result
    }

    /// Takes the mapper and a state for `columns` unless they are the ones in use.
    private mutating func adopt(_ columns: IngestColumns) throws {
        if columns.context.headerVersion != headerVersion {
            // The fill counts so far belong to the job: kept before the mapper is replaced.
            result.filled.merge(mapper.takeFilledCounts(), uniquingKeysWith: +)
            mapper = columns.mapper.copyForThread(keepingTextMemosOf: mapper)
            finishOutputs()
            state = try makeState(columns.context)
            stateHeader = columns.context.header
            headerVersion = columns.context.headerVersion
        }
    }

    /// Finishes the outputs not finished yet, with the state that processed them.
    private mutating func finishOutputs() {
        let end = result.outputs.count
        guard let finish, finished < end else { return }
        finish(&state, &result.outputs, finished..<end)
        finished = end
    }

    /// Flattens the chunk's objects, learns their columns in the chunk's turn, and handles the records in
    /// order, each laid out in the columns of its header as `JSONRecordReader` lays it out. An error in the
    /// chunk goes back with the results of the records before it (`BatchResult.failure`).
    private mutating func runJSON(_ chunk: JSONChunk, ledger: JSONColumnLedger) throws {
        let records = chunk.parse(with: &flattener)
        // The records' plain string values are in the chunk's bytes: handed back once the records are read.
        defer { chunk.recycle() }
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
            chunk.bytes.withUnsafeBufferPointer { gatherJSONRecord(records, text: $0, width: width) }
            jsonRecord.line = records.lines[index]
            jsonRecord.decodedAsWindows1252 = records.decodedAsWindows1252[index]
            handle(jsonRecord)
        }
    }

    /// Makes `jsonRecord` the record whose fields `slots[0..<width]` name (-1: the column has no value), as
    /// `removeAll()` and an append per column would, with one copy per buffer: the values are gathered into
    /// the worker's scratch buffers through pointers, then handed over (`RawRecord.replaceFields`). An append per
    /// column cost two generic buffer operations each (uniqueness and capacity checks, a copy call): about
    /// 24 a record of 12 columns.
    /// A value is in the chunk's `text` or in `records.values` (`JSONObjectFlattener.textRange(of:)`).
    private mutating func gatherJSONRecord(_ records: JSONChunk.Records, text: UnsafeBufferPointer<UInt8>,
                                           width: Int) {
        // The values, one separator byte between two (`RawRecord`'s layout).
        var total = max(0, width - 1)
        for column in 0..<width where slots[column] >= 0 { total += records.fieldRanges[slots[column]].count }
        if jsonScratchBytes.count < total { jsonScratchBytes = [UInt8](repeating: 0, count: max(total, 2 * jsonScratchBytes.count)) }
        if jsonScratchEnds.count < width { jsonScratchEnds = [Int](repeating: 0, count: width) }
        let slots = self.slots
        records.values.withUnsafeBufferPointer { values in
            records.fieldRanges.withUnsafeBufferPointer { ranges in
                jsonScratchBytes.withUnsafeMutableBufferPointer { out in
                    jsonScratchEnds.withUnsafeMutableBufferPointer { ends in
                        var at = 0
                        for column in 0..<width {
                            let field = slots[column]
                            if field >= 0 {
                                var range = ranges[field]
                                var source = values
                                if let inText = JSONObjectFlattener.textRange(of: range) {
                                    range = inText
                                    source = text
                                }
                                if let from = source.baseAddress, let to = out.baseAddress, !range.isEmpty {
                                    ByteWord.copy(from + range.lowerBound, to: to + at, count: range.count)
                                }
                                at += range.count
                            }
                            ends[column] = at
                            if column + 1 < width, let to = out.baseAddress {
                                to[at] = RawRecord.separator
                                at += 1
                            }
                        }
                    }
                }
            }
        }
        jsonScratchBytes.withUnsafeBufferPointer { bytes in
            jsonScratchEnds.withUnsafeBufferPointer { ends in
                jsonRecord.replaceFields(bytes: UnsafeBufferPointer(rebasing: bytes[..<total]),
                                         ends: UnsafeBufferPointer(rebasing: ends[..<width]))
            }
        }
        // Every value the flattener gives is valid UTF-8 (strings checked or read as Windows-1252, escapes
        // decoded to scalars, numbers and literals ASCII: `JSONChunkTests.everyValueIsValidUTF8`): strings are made
        // from the record without another check, and long text may stay in it (`MappingOptions.textStaysInRow`).
        jsonRecord.holdsValidUTF8 = true
    }

    private mutating func handle(_ record: RawRecord) {
        if record.decodedAsWindows1252, result.firstWindows1252Line == nil { result.firstWindows1252Line = record.line }
        switch ContactIngest.map(record, into: &contact, mapper: &mapper, file: file, counts: &result.counts,
                                 diagnostics: &result.diagnostics) {
        case .contact:
            result.outputs.append(process(&state, contact, record))
            if finish != nil, result.outputs.count - finished >= ContactIngest.finishBatch { finishOutputs() }
        case .rejected(var rejected):
            rejected.header = rejectHeader
            result.rejects.append(rejected)
        case .excluded: break
        }
    }
}

/// What a worker is given: records already read (with, for JSON input, the columns they are mapped with), a
/// chunk of CSV input to parse, or a chunk of JSON input to flatten, with the ledger of the input's columns;
/// each names its file and the columns the file's jobs start with (one set of workers serves every file).
struct IngestJob: Sendable {
    /// The file's number in the run's input.
    var file: Int
    /// The file's mapper and context after the records that settled its day/month order (`nil` for a whole
    /// file: the worker opens it).
    var columns: IngestColumns?
    var work: Work

    enum Work: Sendable {
        case records(RecordBatch, columns: IngestColumns? = nil)
        case chunk(CSVChunk)
        case jsonChunk(JSONChunk, JSONColumnLedger)
        /// A small file opened and read by the worker, as on one thread (`IngestWorker.runWhole`).
        case wholeFile(path: String)
    }

    /// The job is given up before it is read (its worker could not take its file): a JSON chunk lets the next
    /// chunk have its turn in the ledger, so the workers on the chunks after it do not wait for good.
    func abandon() {
        if case .jsonChunk(let chunk, let ledger) = work { ledger.pass(chunk.index) }
    }
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
    /// For a whole file: its summary once read, and how many records it was estimated to hold.
    var whole: IngestSummary.FileSummary?
    var estimatedRecords: Int?

    init(file: String) {
        counts = IngestSummary.FileSummary(name: file, format: "csv", delimiter: nil, header: [], bindings: [],
                                           missingColumns: [], filledCounts: [:], dateOrder: nil)
    }
}

