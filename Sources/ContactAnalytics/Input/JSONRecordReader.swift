/// Reads records from a JSON array of objects or from JSON Lines, one object at a time (see
/// `JSONObjectFlattener` for how an object becomes fields).
///
/// - The form is taken from the first character after an optional byte-order mark and whitespace: `[` is an
///   array of objects, `{` JSON Lines (objects separated by whitespace, normally one per line; blank lines
///   are skipped).
/// - A top-level object may be an envelope holding the records in an array (`{"tickets": [...]}`, or one
///   page a line): the array at `recordsPath`, or the one found (see `JSONObjectScanner`); `recordsPath` and
///   `envelopes` then say where and how many. A `recordsPath` that an object lacks is a
///   `ContactStatError(.usage)`.
/// - `header` is the union of the flattened keys, in order of first appearance; it grows as new keys
///   appear, and `headerVersion` goes up by one for each record that added keys. Every record returned has
///   `header.count` fields at that moment; keys the object lacks are empty fields.
/// - `record.line` is the line of the object's `{`.
/// - Errors (`ContactStatError(.dataFormat)`, located `FILE:LINE:COLUMN`, column in bytes): malformed
///   JSON, an array element that is not an object, nesting deeper than `limits.maxJSONDepth`, input that
///   ends inside the array or an object, an object larger than `limits.maxRecordBytes`, a header growing
///   beyond `limits.maxFields` columns.
public struct JSONRecordReader: RecordReader, Sendable {
    /// The column names (see the type's documentation).
    public private(set) var header: [String] = []
    /// Incremented whenever `header` changes (0 before any header is known).
    public private(set) var headerVersion = 0
    /// Non-fatal findings: at most one `windows-1252` warning per input.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The input's name in messages.
    public var name: String { source.name }
    /// Where the records were found in an envelope (`nil`: the input is a plain array or JSON Lines).
    public var recordsPath: JSONRecordsPath? { scanner.recordsPath }
    /// How many envelopes (pages) the records came from so far.
    public var envelopes: Int { scanner.envelopes }

    private let limits: ReaderLimits
    private var source: ByteChunkSource
    private var scanner: JSONObjectScanner
    private var flattener = JSONObjectFlattener()
    private var columns = JSONKeyColumns()
    /// The column of each of the flattener's keys (`JSONObjectFlattener.keys`; -1: not looked up yet).
    private var columnOfKeyID: [Int] = []
    private var pendingError: ContactStatError?
    private var slots: [Int] = []
    private var objectText: [UInt8] = []
    /// Where `nextChunk` takes the buffer it scans a chunk's objects into, and where the chunks it makes hand
    /// their bytes back once flattened (`JSONChunk.recycle`); `nil`: a new buffer each time.
    var bufferPool: ChunkBufferPool?
    private var buffer: [UInt8] = []
    private var position = 0
    private var reachedEnd = false
    private var finished = false
    private var reportedWindows1252 = false

    /// Prepares reading: checks the input (see `InputFormat.probe`) and skips a byte-order mark.
    ///
    /// - Throws: `ContactStatError(.dataFormat)` for binary or empty input.
    public init(source: ByteChunkSource, limits: ReaderLimits = ReaderLimits(),
                recordsPath: JSONRecordsPath? = nil) throws {
        var source = source
        _ = try InputFormat.probe(&source)
        if try source.peek(3).elementsEqual(InputFormat.byteOrderMark) { source.skip(3) }
        self.source = source
        self.limits = limits
        self.scanner = JSONObjectScanner(file: source.name, limits: limits, recordsPath: recordsPath)
    }

    /// Reads the next record into `record` (reusing its buffers); `false` at the end of the input.
    public mutating func next(into record: inout RawRecord) throws -> Bool {
        scanner.objectStart = 0
        guard try nextObject() else { return false }
        try makeRecord(into: &record)
        return true
    }

    /// Scans to the end of the next record object (its text then in `objectText`); `false` at the end of the
    /// input.
    private mutating func nextObject() throws -> Bool {
        if finished { return false }
        while true {
            if position == buffer.count {
                if reachedEnd {
                    try scanner.finish()
                    finished = true
                    return false
                }
                buffer.removeAll(keepingCapacity: true)
                position = 0
                if try source.read(appendingTo: &buffer) == 0 { reachedEnd = true }
                continue
            }
            let chunk = buffer
            let start = position
            let step = try chunk.withUnsafeBufferPointer { all in
                try scanner.scan(UnsafeBufferPointer(rebasing: all[start...]), into: &objectText)
            }
            switch step {
            case .object(let consumed):
                position += consumed
                return true
            case .needsInput:
                position = buffer.count
            }
        }
    }

    /// The next whole record objects, about `targetBytes` of them (at least one), unparsed, for another thread
    /// to flatten (`JSONChunk.parse`); `nil` at the end of the input. `index` numbers the chunk.
    ///
    /// - Throws: what `next(into:)` throws while scanning (malformed structure between objects, nesting, an
    ///   object over the size limit, input ending inside an object), located as it would; when objects were
    ///   found before the error, they are returned first and the error is thrown by the next call.
    mutating func nextChunk(targetBytes: Int, index: Int) throws -> JSONChunk? {
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        var chunk = JSONChunk(index: index, file: source.name, limits: limits)
        chunk.bufferPool = bufferPool
        // The objects are scanned straight into the chunk's bytes (`objectText` is the chunk's buffer meanwhile,
        // each object appended after the last), not each copied into `objectText` and then into the chunk.
        var text: [UInt8] = bufferPool?.take() ?? []
        swap(&text, &objectText)
        defer {
            swap(&text, &objectText)
        }
        objectText.reserveCapacity(targetBytes)
        do {
            while objectText.count < targetBytes {
                scanner.objectStart = objectText.count
                guard try nextObject() else { break }
                chunk.objects.append(JSONChunk.Object(end: objectText.count, line: scanner.objectLine,
                                                      column: scanner.objectColumn,
                                                      endedAtMismatch: scanner.objectEndedAtMismatch))
            }
        } catch let error as ContactStatError where !chunk.objects.isEmpty {
            pendingError = error
        }
        // What an object that failed left after the last whole one is not the chunk's.
        objectText.removeSubrange((chunk.objects.last?.end ?? 0)..<objectText.count)
        swap(&chunk.bytes, &objectText)
        return chunk.objects.isEmpty ? nil : chunk
    }

    /// The key columns found so far (see `JSONKeyColumns`).
    var keyColumns: JSONKeyColumns { columns }

    /// Takes the key columns the chunks were read with (`JSONColumnLedger`) once every chunk is read, so
    /// that `header` and `headerVersion` describe the input as a whole.
    mutating func adopt(_ keyColumns: JSONKeyColumns) {
        columns = keyColumns
        columnOfKeyID.removeAll()
        header = keyColumns.header
        headerVersion = keyColumns.version
    }

    /// The warning for text decoded as Windows-1252, first on `line`.
    static func encodingWarning(file: String, line: Int) -> Diagnostic {
        Diagnostic(.warning, kind: "windows-1252", at: SourceLocation(file: file, line: line),
                   message: "text is not valid UTF-8 (first on line \(line)); decoded as Windows-1252")
    }

    private mutating func makeRecord(into record: inout RawRecord) throws {
        let text = objectText
        do {
            try text.withUnsafeBufferPointer { (bytes) throws(JSONObjectFlattener.SyntaxError) in
                try flattener.flatten(bytes)
            }
        } catch {
            throw ContactStatError(.dataFormat, error.message, at: location(ofOffset: error.offset))
        }
        if scanner.objectEndedAtMismatch {
            // The flattener stops at a mismatched bracket at the latest; this is a safety net.
            throw ContactStatError(.dataFormat, "mismatched bracket", at: location(ofOffset: text.count - 1))
        }
        for index in slots.indices { slots[index] = -1 }
        var added = false
        for (fieldIndex, field) in flattener.fields.enumerated() {
            let id = field.keyID
            if id < columnOfKeyID.count, columnOfKeyID[id] >= 0 {
                slots[columnOfKeyID[id]] = fieldIndex
                continue
            }
            if id >= columnOfKeyID.count {
                columnOfKeyID.append(contentsOf: repeatElement(-1, count: id + 1 - columnOfKeyID.count))
            }
            let key = flattener.keys[id]
            if let column = columns.column(of: key) {
                columnOfKeyID[id] = column
                slots[column] = fieldIndex
            } else {
                columnOfKeyID[id] = try columns.append(key, limits: limits,
                                                       at: "\(source.name):\(scanner.objectLine):\(scanner.objectColumn)")
                slots.append(fieldIndex)
                added = true
            }
        }
        if added {
            columns.recordAddedKeys()
            header = columns.header
            headerVersion = columns.version
        }
        record.removeAll()
        record.line = scanner.objectLine
        record.decodedAsWindows1252 = flattener.decodedAsWindows1252
        let fields = flattener.fields
        flattener.values.withUnsafeBufferPointer { values in
            for slot in slots {
                record.append(field: slot >= 0 ? UnsafeBufferPointer(rebasing: values[fields[slot].range])
                                               : UnsafeBufferPointer(start: nil, count: 0))
            }
        }
        // Every value the flattener gives is valid UTF-8 (`JSONChunkTests.everyValueIsValidUTF8`; the workers'
        // records are marked the same way, `IngestWorker.gatherJSONRecord`).
        record.holdsValidUTF8 = true
        if record.decodedAsWindows1252 && !reportedWindows1252 {
            reportedWindows1252 = true
            diagnostics.append(Self.encodingWarning(file: source.name, line: record.line))
        }
    }

    /// `FILE:LINE:COLUMN` of a byte offset in the current object's text.
    private func location(ofOffset target: Int) -> String {
        objectText.withUnsafeBufferPointer { text in
            Self.location(ofOffset: target, in: text, file: source.name, line: scanner.objectLine,
                          column: scanner.objectColumn)
        }
    }

    /// `FILE:LINE:COLUMN` of byte offset `target` of an object's `text` that starts at `line`, `column`.
    static func location(ofOffset target: Int, in text: UnsafeBufferPointer<UInt8>, file: String, line: Int,
                         column: Int) -> String {
        var line = line
        var column = column
        var previous: UInt8 = 0
        for byte in text.prefix(max(0, target)) {
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\n") {
                column = 1
            } else {
                column += 1
            }
            previous = byte
        }
        return "\(file):\(line):\(column)"
    }
}
