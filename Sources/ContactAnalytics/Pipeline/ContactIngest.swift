import Foundation

/// Reads every input file, maps each record to a contact, and hands the contacts on in input order.
///
/// The stream: `RecordReader` (bytes -> records) -> `ContactMapper` (records -> contacts). Rejected and
/// excluded records are counted per file; rejected ones are reported as diagnostics (grouped and capped) and
/// written to the rejects file when one is asked for. Nothing is dropped silently.
///
/// Two ways to run: `run(_:_:)` maps and hands on every contact on the calling thread; `runInBatches` cuts CSV
/// and JSON input into chunks at record boundaries on the calling thread, and worker threads of the run's
/// `ThreadBudget` parse, map and process them (`IngestWorker`), the results coming back in input order
/// (`ParallelBatches`).
public enum ContactIngest {
    /// What the consumer is told with each contact.
    public struct Context: Sendable {
        public var file: String
        /// The raw header; it grows for JSON input — watch `headerVersion`.
        public var header: [String]
        public var headerVersion: Int
    }

    /// One input file, opened: its reader, a mapper whose day/month order is settled, and the records read
    /// to settle it (not yet mapped).
    struct OpenedFile {
        var reader: any RecordReader
        var mapper: ContactMapper
        var summary: IngestSummary.FileSummary
        var context: Context
        /// The records that settled the date order; kept once handed out, so that the next file's can be read
        /// into their buffers (`open`'s `spareRecords`).
        var sample: [RawRecord]
        var isCSV: Bool
        /// About how many records the file holds: its size over the sample's mean record size, plus 10 % (the
        /// first records can be longer than the rest; room reserved and never used costs address space, not
        /// memory); `nil` for standard input.
        var estimatedRecords: Int?
        /// How many of `sample` `nextRecord` has handed out.
        var sampleTaken = 0

        /// Reads the file's next record into `record`: the sample first (the records that settled the date
        /// order), then the reader's; when the reader's header has grown (JSON keys), `mapper` and `context`
        /// follow it before the record is given. `false` at the end. How a whole file is read, on one thread
        /// and on a worker.
        mutating func nextRecord(into record: inout RawRecord, mapper: inout ContactMapper) throws -> Bool {
            if sampleTaken < sample.count {
                record = sample[sampleTaken]
                sampleTaken += 1
                return true
            }
            guard try reader.next(into: &record) else { return false }
            if reader.headerVersion != context.headerVersion {
                mapper.updateHeader(reader.header)
                context.header = reader.header
                context.headerVersion = reader.headerVersion
            }
            return true
        }
    }

    /// Opens `path`: its reader, the header-row check, the mapper bound to its header, the records that settle
    /// its day/month order, the alias-column check of their values, the counts-export check. What depends on the
    /// header alone is done once per header of the run (`headers`); the rest for each file.
    ///
    /// `spareRecords`: records of an earlier file's sample that nothing else holds (taken, and left empty):
    /// the sample is read into them, their buffers reused. Reading 1,000 records into buffers of their own
    /// costs two allocations a record, and freeing them two more; a run of 1,000-row files paid that for
    /// every record.
    static func open(_ path: String, options: IngestOptions, headers: inout BoundHeaders,
                     spareRecords: inout [RawRecord], diagnostics: inout DiagnosticLog) throws -> OpenedFile {
        let file = options.displayName(of: path)
        var readerOptions = options.reader
        if readerOptions.headerless == nil { readerOptions.headerless = options.mapping.preset.headerlessColumns }
        var reader = try InputOpener.open(path: path, displayName: file, options: readerOptions)
        let format: String
        var delimiter: String?
        if let csv = reader as? CSVReader {
            format = "csv"
            delimiter = csv.delimiter == .tab ? "tab" : String(UnicodeScalar(csv.delimiter.rawValue))
            // A header made of values: the file has no header row, and nobody said what its columns are. (A
            // header met before passed.)
            if readerOptions.headerless == nil, !headers.contains(csv.header, format: format),
               HeaderRowCheck.looksLikeData(csv.header) {
                throw HeaderRowCheck.refusal(values: csv.header, file: file, line: csv.headerLine)
            }
            for diagnostic in csv.headerDiagnostics { diagnostics.report(diagnostic) }
        } else if let workbook = reader as? XLSXReader {
            format = "xlsx, sheet '\(workbook.sheetName)'"
            if !headers.contains(workbook.header, format: format), HeaderRowCheck.looksLikeData(workbook.header) {
                throw HeaderRowCheck.refusal(values: workbook.header, file: file, line: workbook.headerLine)
            }
        } else {
            format = "json"
        }
        // Records of a fixed width (CSV rows, sheet rows) are checked against the header's.
        let fixedWidth = format != "json"
        let isCSV = format == "csv"
        // Columns are checked once the first records are in: JSON input finds its keys as it reads, an export of
        // counts (whose day column may have no opened_at name) is told apart first, and a missing opened_at names
        // the sampled columns that hold timestamps.
        var mapper = try headers.mapper(for: reader.header, format: format, file: file) {
            try ContactMapper(header: reader.header, options: options.mapping, file: file,
                              checksFieldCount: fixedWidth, requiresOpenedAt: false)
        }
        var summary = IngestSummary.FileSummary(
            name: file, format: format, delimiter: delimiter, header: reader.header, bindings: [],
            missingColumns: [], filledCounts: [:], dateOrder: nil)
        var context = Context(file: file, header: reader.header, headerVersion: reader.headerVersion)
        // Look at the first records to settle the day/month order.
        var sample: [RawRecord] = []
        swap(&sample, &spareRecords)
        var sampled = 0
        while sampled < options.dateOrderSample {
            if sampled == sample.count { sample.append(RawRecord()) }
            guard try reader.next(into: &sample[sampled]) else { break }
            if reader.headerVersion != context.headerVersion {
                mapper.updateHeader(reader.header)
                context.header = reader.header
                context.headerVersion = reader.headerVersion
            }
            sampled += 1
        }
        sample.removeSubrange(sampled...)
        // Columns found by name are checked against the sample first (a refusal rebinds), then the sample
        // settles the day/month order of the columns finally bound.
        for diagnostic in mapper.checkAliasColumns(sample) { diagnostics.report(diagnostic) }
        for record in sample { mapper.observe(record) }
        if let finding = CountsExportDetector().inspect(header: context.header, bindings: mapper.bindings, sample: sample) {
            throw CountsExportDetector().error(finding, file: file)
        }
        if fixedWidth || !sample.isEmpty { try mapper.requireColumns(sample: sample) }
        for diagnostic in mapper.decideDateOrder() { diagnostics.report(diagnostic) }
        var estimate: Int?
        let size = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
        if let size, !sample.isEmpty {
            let sampleBytes = sample.reduce(0) { $0 + $1.fieldByteCount + $1.count }
            estimate = Int(1.1 * size.doubleValue / max(1, Double(sampleBytes) / Double(sample.count))) + 1024
        }
        summary.bytes = size?.intValue
        return OpenedFile(reader: reader, mapper: mapper, summary: summary, context: context, sample: sample,
                          isCSV: isCSV, estimatedRecords: estimate)
    }

    /// The file's summary once it has been read; `filled` are the per-field fill counts of every mapper copy.
    static func close(_ opened: OpenedFile, filled: [[CanonicalField: Int]]) -> IngestSummary.FileSummary {
        var summary = opened.summary
        summary.header = opened.reader.header
        summary.bindings = CanonicalField.allCases.compactMap { opened.mapper.bindings[$0] }
        summary.missingColumns = opened.mapper.missingColumns
        summary.refusedColumns = opened.mapper.refusedColumns
        summary.timeForms = opened.mapper.timeForms
        var counts: [CanonicalField: Int] = [:]
        for part in filled { counts.merge(part, uniquingKeysWith: +) }
        summary.filledCounts = counts
        summary.dateOrder = opened.mapper.dateOrders[.openedAt]
        if let json = opened.reader as? JSONRecordReader, let path = json.recordsPath {
            summary.envelope = (path.description, json.envelopes)
        }
        summary.mixedDateOrder = opened.mapper.mixedDateOrder
        return summary
    }

    /// What became of one record: a contact (in the record passed to `map`), a rejected record (for the
    /// rejects file), or an excluded one.
    enum Mapped {
        case contact
        case rejected(RejectedRecord)
        case excluded
    }

    /// Maps one record into `contact`, counting and reporting what is not a contact, after reporting where the
    /// reader kept text after a closing quote in it.
    @inline(__always)
    static func map(_ record: RawRecord, into contact: inout ContactRecord, mapper: inout ContactMapper,
                    file: String, counts: inout IngestSummary.FileSummary,
                    diagnostics: inout DiagnosticLog) -> Mapped {
        counts.rowsRead += 1
        if !record.textAfterClosingQuote.isEmpty {
            reportTextAfterQuote(record, header: mapper.header, file: file, diagnostics: &diagnostics)
        }
        switch mapper.map(record, into: &contact, diagnostics: &diagnostics) {
        case .contact:
            counts.contacts += 1
            return .contact
        case .rejected(let reason, let column):
            counts.rejected += 1
            diagnostics.report(Diagnostic(.error, kind: "rejected", at: SourceLocation(file: file, line: record.line),
                                          column: column, message: "record rejected: \(reason)" as MessageText))
            return .rejected(RejectedRecord(line: record.line, reason: reason, column: column, fields: record.strings))
        case .excluded:
            counts.excluded += 1
            return .excluded
        case .excludedInternal:
            counts.excluded += 1
            counts.internalContacts += 1
            return .excluded
        }
    }

    /// A `text-after-quote` warning for each place of `record` where the reader kept text after a closing quote,
    /// named by its column of `header`.
    @inline(never)
    static func reportTextAfterQuote(_ record: RawRecord, header: [String], file: String,
                                     diagnostics: inout DiagnosticLog) {
        for place in record.textAfterClosingQuote {
            let column = place.field < header.count ? header[place.field] : nil
            diagnostics.report(CSVReader.textAfterQuoteWarning(file: file, place, column: column))
        }
    }

    /// Reads `options.files` and calls `body` for every contact with the raw record it came from, on the
    /// calling thread.
    public static func run(_ options: IngestOptions,
                           _ body: (ContactRecord, RawRecord, Context) throws -> Void) throws -> IngestSummary {
        try runInBatches(options, threads: .callerOnly,
                         makeState: { context in context },
                         process: { context, contact, raw in ContextualContact(contact: contact, raw: raw, context: context) },
                         merge: { item in try body(item.contact, item.raw, item.context) })
    }

    /// A contact with its record and file context, handed through `runInBatches` by `run`.
    struct ContextualContact: Sendable {
        var contact: ContactRecord
        var raw: RawRecord
        var context: Context
    }

    /// `runInBatches(_:threads:batchSize:makeState:process:reserve:merge:finishedFile:)` on a budget of its own
    /// of `workers` threads.
    public static func runInBatches<State, Output: Sendable>(
        _ options: IngestOptions, workers: Int, batchSize: Int = 4096,
        makeState: @escaping @Sendable (Context) throws -> State,
        process: @escaping @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output,
        finish: (@Sendable (inout State, inout [Output], Range<Int>) -> Void)? = nil,
        reserve: (Int) -> Void = { _ in },
        merge: (Output) throws -> Void,
        finishedFile: () throws -> Void = {}
    ) throws -> IngestSummary {
        try runInBatches(options, threads: ThreadBudget(threads: workers), batchSize: batchSize, makeState: makeState,
                         process: process, finish: finish, reserve: reserve, merge: merge, finishedFile: finishedFile)
    }

    /// Reads `options.files` and processes every contact with `process` on the threads of `threads` free when
    /// the run starts (when at least two are free; otherwise on the calling thread). CSV and JSON input are
    /// parsed by the workers; JSON input's columns grow as keys first appear, and each worker learns its chunk's
    /// columns in input order (`JSONColumnLedger`), so every record is mapped with the header it has on one
    /// thread. Each thread keeps its own `State`, made by `makeState` for a header: on one thread for each
    /// file's context (again for each header a JSON record is read with); on several, a worker keeps its state
    /// from file to file while the header is the same, so `makeState` must depend on the context's header only
    /// (the file name is for messages). `merge` receives every output in input order, on the calling thread.
    /// Diagnostics and rejects come out in input order too. With several threads, one set of workers serves
    /// every file: the calling thread opens the next file (header, the records that settle the day/month order,
    /// the column check) while the workers still process the files before it, and CSV and JSON input go out in
    /// chunks of about `options.chunkBytes`; `batchSize` is the number of records per job for records already
    /// read (those that settled the day/month order). `finishedFile` is called on the calling thread once every
    /// state made so far is done with: after each file on one thread, once after the last file on several.
    /// `finish`, when given, is called on the thread that processed them, with the state that processed them, for
    /// every output in order, a range of at most `finishBatch` outputs at a time, before `merge` receives them:
    /// the outputs may be changed there (the analysis adds its contacts to the worker's sums in this step).
    public static func runInBatches<State, Output: Sendable>(
        _ options: IngestOptions, threads: ThreadBudget, batchSize: Int = 4096,
        makeState: @escaping @Sendable (Context) throws -> State,
        process: @escaping @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output,
        finish: (@Sendable (inout State, inout [Output], Range<Int>) -> Void)? = nil,
        reserve: (Int) -> Void = { _ in },
        merge: (Output) throws -> Void,
        finishedFile: () throws -> Void = {}
    ) throws -> IngestSummary {
        var summary = IngestSummary()
        var rejects = try options.rejectsPath.map { try RejectsWriter(path: $0, names: options.settingNames) }
        let workers = threads.reserve(upTo: threads.limit, atLeast: 2)
        if workers > 0 {
            try runOnWorkers(options, workers: workers, threads: threads, batchSize: batchSize, makeState: makeState,
                             process: process, finish: finish, reserve: reserve, merge: merge, summary: &summary,
                             rejects: &rejects)
            try finishedFile()
            try rejects?.close()
            return summary
        }
        var headers = BoundHeaders()
        var spareRecords: [RawRecord] = []
        for path in options.files {
            let file = options.displayName(of: path)
            var opened = try open(path, options: options, headers: &headers, spareRecords: &spareRecords,
                                  diagnostics: &summary.diagnostics)
            if let estimate = opened.estimatedRecords { reserve(estimate) }
            // One thread: the same steps, in line.
            var state = try makeState(opened.context)
            var stateVersion = opened.context.headerVersion
            var counts = opened.summary
            var mapper = opened.mapper
            var contact = ContactRecord(openedAt: 0)
            // With `finish`: the outputs of up to `finishBatch` contacts, processed but not yet finished.
            var pending: [Output] = []
            func flush() throws {
                guard let finish, !pending.isEmpty else { return }
                finish(&state, &pending, pending.indices)
                for output in pending { try merge(output) }
                pending.removeAll(keepingCapacity: true)
            }
            func handle(_ record: RawRecord) throws {
                if opened.context.headerVersion != stateVersion {
                    // The outputs so far are finished with the state that processed them.
                    try flush()
                    state = try makeState(opened.context)
                    stateVersion = opened.context.headerVersion
                }
                let header = opened.context.header
                switch map(record, into: &contact, mapper: &mapper, file: file, counts: &counts,
                           diagnostics: &summary.diagnostics) {
                case .contact:
                    if finish == nil {
                        try merge(process(&state, contact, record))
                    } else {
                        pending.append(process(&state, contact, record))
                        if pending.count >= finishBatch { try flush() }
                    }
                case .rejected(let rejected): try rejects?.write(file: file, rejected, header: header)
                case .excluded: break
                }
            }
            var record = RawRecord()
            while try opened.nextRecord(into: &record, mapper: &mapper) { try handle(record) }
            try flush()
            // The sample is handed out: its records take the next file's.
            swap(&spareRecords, &opened.sample)
            for diagnostic in opened.reader.diagnostics { summary.diagnostics.report(diagnostic) }
            opened.summary = counts
            opened.mapper = mapper
            summary.files.append(close(opened, filled: [mapper.filledCounts]))
            try finishedFile()
        }
        try rejects?.close()
        return summary
    }

    /// A file whose jobs are out to the workers: what its results add up to so far (the calling thread's side
    /// of `runOnWorkers`).
    struct FileInProgress {
        /// `nil` for a file a worker opens and reads whole: its one result holds its summary.
        var opened: OpenedFile?
        /// The diagnostics of opening it (column check, date order), reported when its turn comes.
        var openDiagnostics: DiagnosticLog
        var openReported = false
        /// The columns its jobs start with (the header after the records that settled the date order).
        var columns: IngestColumns?
        var counts: IngestSummary.FileSummary
        var filledParts: [[CanonicalField: Int]]
        var firstWindows1252Line: Int?
        /// Jobs submitted whose results are not yet absorbed.
        var outstanding = 0
        /// Every job of the file is out (its reader is at the end).
        var readToEnd = false
        /// For JSON input: the ledger of its columns, read when the file is done.
        var ledger: JSONColumnLedger?
    }

    /// With a `finish` step (`runInBatches`), the most outputs processed before they are finished: the contacts of
    /// a few dozen kilobytes of input. A worker alternates between processing this many contacts (parsing,
    /// mapping, classifying: the input and the classifier's tables pass through the caches) and finishing them
    /// (the analysis adds them to its sums and histograms), so each part finds its own tables still in the caches
    /// from its last contact, not evicted by the other part's since.
    static let finishBatch = 256

    /// A job of a file's records with no columns (a bug: only whole files have none).
    static let missingColumns = ContactStatError(
        .dataFormat, "internal error: a job of records without its file's columns; please report this, and run "
        + "with \(setting: .threads) 1 meanwhile" as MessageText)

    /// Files of at most this many bytes go to the workers whole when several files are read: a worker opens
    /// and reads each as on one thread (at most one chunk: some 3,500 records of a generated export), so files are read
    /// side by side and the calling thread only merges. Larger files, and a file read alone, are cut into
    /// chunks.
    static func readsWhole(_ path: String, of options: IngestOptions) -> Bool {
        guard options.files.count > 1, path != "-",
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber else { return false }
        return size.intValue <= options.chunkBytes
    }

    /// The several-thread path of `runInBatches`: one set of workers for every file. The calling thread opens
    /// and cuts the files in order while the workers process the jobs before; the results come back in
    /// submission order and are taken into the files' summaries in turn, so counts, diagnostics (those of
    /// opening a file first), rejects and outputs come out in the order one thread gives.
    private static func runOnWorkers<State, Output: Sendable>(
        _ options: IngestOptions, workers: Int, threads: ThreadBudget, batchSize: Int,
        makeState: @escaping @Sendable (Context) throws -> State,
        process: @escaping @Sendable (inout State, borrowing ContactRecord, borrowing RawRecord) -> Output,
        finish: (@Sendable (inout State, inout [Output], Range<Int>) -> Void)?,
        reserve: (Int) -> Void, merge: (Output) throws -> Void,
        summary: inout IngestSummary, rejects: inout RejectsWriter?
    ) throws {
        let jobs = ParallelBatches<IngestJob, BatchResult<Output>>(workers: workers, on: threads) {
            var worker: IngestWorker<State, Output>?
            // The headers of the files this worker opened (whole files), and the records of the last one's sample.
            var headers = BoundHeaders()
            var spareRecords: [RawRecord] = []
            return { job in
                if case .wholeFile(let path) = job.work {
                    var opening = DiagnosticLog()
                    let opened = try open(path, options: options, headers: &headers, spareRecords: &spareRecords,
                                          diagnostics: &opening)
                    var current = try worker.take() ?? IngestWorker(
                        columns: IngestColumns(mapper: opened.mapper, context: opened.context), file: job.file,
                        makeState: makeState, process: process, finish: finish)
                    defer { worker = current }
                    return try current.runWhole(opened, serial: job.file, opening: opening, spareRecords: &spareRecords)
                }
                var current: IngestWorker<State, Output>
                if let existing = worker.take() {
                    current = existing
                } else {
                    do {
                        guard let columns = job.columns else { throw ContactIngest.missingColumns }
                        current = try IngestWorker(columns: columns, file: job.file, makeState: makeState,
                                                   process: process, finish: finish)
                    } catch {
                        job.abandon()
                        throw error
                    }
                }
                defer { worker = current }
                return try current.run(job)
            }
        }
        // Files with results still to come, in input order: results go to the first with jobs out; the last
        // is the one being read.
        var progress: [FileInProgress] = []
        // The chunks' buffers (CSV and JSON), back from the workers for the reader to fill again (no fresh pages per
        // chunk).
        let chunkBuffers = ChunkBufferPool()
        func reportOpening(_ index: Int) {
            if !progress[index].openReported {
                summary.diagnostics.merge(progress[index].openDiagnostics)
                progress[index].openReported = true
            }
        }
        func finishFirst() {
            reportOpening(0)
            let done = progress.removeFirst()
            // A whole file's summary went in with its result.
            guard var opened = done.opened else { return }
            let file = opened.context.file
            if let ledger = done.ledger, var reader = opened.reader as? JSONRecordReader {
                let final = ledger.final
                reader.adopt(final.keyColumns)
                opened.mapper = final.columns.mapper
                opened.context = final.columns.context
                opened.reader = reader
            }
            if opened.isCSV {
                // The reader's only diagnostic is its windows-1252 warning (header, first records, a long
                // record); the workers saw the other records: one warning, at the first line of all.
                let lines = opened.reader.diagnostics.map(\.location.line) + [done.firstWindows1252Line].compactMap { $0 }
                if let first = lines.min() { summary.diagnostics.report(CSVReader.encodingWarning(file: file, line: first)) }
            } else if opened.reader is JSONRecordReader {
                // One warning, at the first line of all (the reader saw the first records, the workers the rest).
                let lines = opened.reader.diagnostics.map(\.location.line) + [done.firstWindows1252Line].compactMap { $0 }
                if let first = lines.min() { summary.diagnostics.report(JSONRecordReader.encodingWarning(file: file, line: first)) }
            } else {
                for diagnostic in opened.reader.diagnostics { summary.diagnostics.report(diagnostic) }
            }
            opened.summary = done.counts
            summary.files.append(close(opened, filled: done.filledParts))
        }
        /// Closes the files at the front that are read and have every result in.
        func settle() {
            while let first = progress.first, first.readToEnd, first.outstanding == 0 { finishFirst() }
        }
        func absorb(_ result: BatchResult<Output>) throws {
            // A file before the first with jobs out has had all its results (a later file's job went out after
            // it was read to the end).
            while let first = progress.first, first.outstanding == 0 { finishFirst() }
            reportOpening(0)
            progress[0].outstanding -= 1
            if let whole = result.whole {
                // A file read whole by a worker: everything of it, in the order one thread gives.
                if let estimate = result.estimatedRecords { reserve(estimate) }
                summary.diagnostics.merge(result.diagnostics)
                for rejected in result.rejects { try rejects?.write(file: whole.name, rejected, header: rejected.header ?? []) }
                for output in result.outputs { try merge(output) }
                summary.files.append(whole)
                settle()
                return
            }
            progress[0].counts.rowsRead += result.counts.rowsRead
            progress[0].counts.contacts += result.counts.contacts
            progress[0].counts.rejected += result.counts.rejected
            progress[0].counts.excluded += result.counts.excluded
            progress[0].counts.internalContacts += result.counts.internalContacts
            summary.diagnostics.merge(result.diagnostics)
            progress[0].filledParts.append(result.filled)
            if progress[0].firstWindows1252Line == nil { progress[0].firstWindows1252Line = result.firstWindows1252Line }
            let file = progress[0].counts.name
            let header = result.header ?? progress[0].columns?.context.header ?? []
            for rejected in result.rejects { try rejects?.write(file: file, rejected, header: rejected.header ?? header) }
            for output in result.outputs { try merge(output) }
            if let failure = result.failure { throw failure }
            settle()
        }
        /// Every result in: the files before this point are done.
        func drain() throws {
            try jobs.finish { try absorb($0) }
            settle()
        }
        // The headers of the files opened on this thread (those not read whole by a worker). Their samples go
        // to the workers in batches: no records come back to read into.
        var headers = BoundHeaders()
        var noSpareRecords: [RawRecord] = []
        do {
            for (serial, path) in options.files.enumerated() {
                if readsWhole(path, of: options) {
                    progress.append(FileInProgress(opened: nil, openDiagnostics: DiagnosticLog(), openReported: true,
                                                   columns: nil, counts: IngestSummary.FileSummary(
                                                       name: options.displayName(of: path), format: "", delimiter: nil,
                                                       header: [], bindings: [], missingColumns: [], filledCounts: [:],
                                                       dateOrder: nil),
                                                   filledParts: [], outstanding: 1, readToEnd: true))
                    for done in try jobs.submit(IngestJob(file: serial, columns: nil, work: .wholeFile(path: path))) {
                        try absorb(done)
                    }
                    continue
                }
                var opening = DiagnosticLog(examplesPerGroup: summary.diagnostics.examplesPerGroup)
                var opened: OpenedFile
                do {
                    opened = try open(path, options: options, headers: &headers, spareRecords: &noSpareRecords,
                                      diagnostics: &opening)
                } catch {
                    // As on one thread: the files before this one are done first (their errors come first).
                    try drain()
                    throw error
                }
                if let estimate = opened.estimatedRecords { reserve(estimate) }
                let columns = IngestColumns(mapper: opened.mapper, context: opened.context)
                let sample = opened.sample
                opened.sample = []
                progress.append(FileInProgress(opened: opened, openDiagnostics: opening, columns: columns,
                                               counts: opened.summary, filledParts: [opened.mapper.filledCounts]))
                func submit(_ work: IngestJob.Work) throws {
                    progress[progress.count - 1].outstanding += 1
                    for done in try jobs.submit(IngestJob(file: serial, columns: columns, work: work)) { try absorb(done) }
                }
                // The records read to settle the date order go out in batches, then the rest of the input as
                // chunks cut at record boundaries, parsed by the workers (CSV rows; JSON objects, whose columns
                // the workers learn in input order). Other readers (sheets) read here and the records go out in
                // batches.
                var batchColumns: IngestColumns? = opened.isCSV ? nil : columns
                var batch = RecordBatch()
                func send() throws {
                    try submit(.records(batch, columns: batchColumns))
                    batch = RecordBatch()
                }
                for record in sample {
                    batch.append(record)
                    if batch.count == batchSize { try send() }
                }
                if var reader = opened.reader as? CSVReader {
                    if batch.count > 0 { try send() }
                    reader.bufferPool = chunkBuffers
                    while let piece = try reader.nextChunk(targetBytes: max(1, options.chunkBytes)) {
                        switch piece {
                        case .chunk(let chunk):
                            try submit(.chunk(chunk))
                        case .record(let record):
                            // A record too long for a chunk, parsed by the reader.
                            var single = RecordBatch()
                            single.append(record)
                            try submit(.records(single))
                        }
                    }
                    opened.reader = reader
                } else if var reader = opened.reader as? JSONRecordReader {
                    if batch.count > 0 { try send() }
                    reader.bufferPool = chunkBuffers
                    // The chunks are flattened by the workers, which learn their columns in input order.
                    let ledger = JSONColumnLedger(keyColumns: reader.keyColumns, columns: columns)
                    progress[progress.count - 1].ledger = ledger
                    var index = 0
                    while true {
                        let next: JSONChunk?
                        do {
                            next = try reader.nextChunk(targetBytes: max(1, options.chunkBytes), index: index)
                        } catch let error as ContactStatError {
                            // The input is unreadable from here: what comes before goes first, as on one thread.
                            try drain()
                            throw error
                        }
                        guard let chunk = next else { break }
                        try submit(.jsonChunk(chunk, ledger))
                        index += 1
                    }
                    opened.reader = reader
                } else {
                    var record = RawRecord()
                    while try opened.reader.next(into: &record) {
                        if opened.reader.headerVersion != opened.context.headerVersion {
                            // New keys: the records so far go out with the columns they were read with.
                            if batch.count > 0 { try send() }
                            opened.mapper.updateHeader(opened.reader.header)
                            opened.context.header = opened.reader.header
                            opened.context.headerVersion = opened.reader.headerVersion
                            batchColumns = IngestColumns(mapper: opened.mapper, context: opened.context)
                        }
                        batch.append(record)
                        if batch.count == batchSize { try send() }
                    }
                    if batch.count > 0 { try send() }
                }
                // The reader read to the end (its diagnostics, a JSON envelope) and the columns it ends with.
                let last = progress.count - 1
                progress[last].opened = opened
                progress[last].readToEnd = true
                settle()
            }
            try drain()
        } catch {
            // Workers left waiting would keep their threads (and the budget's places) for good.
            jobs.stop()
            throw error
        }
    }
}

/// A record that could not become a contact, for the rejects file.
struct RejectedRecord: Sendable {
    var line: Int
    var reason: MessageText
    var column: String?
    var fields: [String]
    /// The header the record was read with, when it differs from the job's (JSON input's columns grow).
    var header: [String]? = nil
}
