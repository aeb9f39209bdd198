import Foundation

/// Reads CSV records from a `ByteChunkSource`, a chunk at a time (see `CSVRecordParser` for the grammar).
///
/// - A UTF-8 byte-order mark is skipped.
/// - The delimiter (`,` `;` tab `|`) is the one given, or detected from the header line
///   (`CSVDelimiter.detect(inHeaderLine:)`: most frequent outside quotes; ties to `,` then `;` tab `|`).
/// - The line-end style is the file's first line end: LF or CRLF, where a lone CR inside a field is data, or
///   CR alone (old Mac exports), where a lone CR ends lines (`CSVRecordParser.crEndsLines`).
/// - The first record (after any empty lines) is the header: each name is NFC-normalised, stripped of a
///   byte-order mark and trimmed of surrounding whitespace. `headerVersion` is 1 from then on.
/// - Unless the input has no header (`HeaderlessColumns`): then the layout with as many columns as the first
///   record has fields is the header, and the first record is data (the first one `next` returns).
/// - Records whose field count differs from the header's are returned as they are (judging them is the
///   mapper's job).
/// - The first record containing a field decoded as Windows-1252 adds one warning (kind `windows-1252`) to
///   `diagnostics`; later ones do not add more.
/// - Text after the closing quote of a quoted field is kept (`CSVRecordParser`) and noted in the record
///   (`RawRecord.textAfterClosingQuote`); whoever maps the records reports each place
///   (`textAfterQuoteWarning`). The header's are in `headerDiagnostics`.
public struct CSVReader: RecordReader, Sendable {
    /// The column names (see the type's documentation).
    public private(set) var header: [String] = []
    /// Incremented whenever `header` changes (0 before any header is known).
    public private(set) var headerVersion = 0
    /// Non-fatal findings: at most one `windows-1252` warning per input.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The delimiter in use (given or detected).
    public let delimiter: CSVDelimiter
    /// The line on which the header record starts (0 when the input has no header).
    public private(set) var headerLine = 0
    /// A `text-after-quote` warning for each place in the header row where text follows a closing quote
    /// (none when the input has no header: its first record is data and carries its own).
    public private(set) var headerDiagnostics: [Diagnostic] = []
    /// The input's name in messages.
    public var name: String { source.name }

    private var source: ByteChunkSource
    private var parser: CSVRecordParser
    private var buffer: [UInt8] = []
    /// Where `nextChunk` takes the buffer that follows a chunk's from, and where the chunks it makes hand their
    /// bytes back once parsed (`CSVChunk.recycle`); `nil`: a new buffer each time.
    var bufferPool: ChunkBufferPool?
    private var position = 0
    private var reachedEnd = false
    private var reportedWindows1252 = false
    /// The last chunk was handed out: its parser finishes the input, this one has nothing left.
    private var parserDrained = false
    /// The first record of an input without a header: read to choose the layout, not yet handed out.
    private var pendingFirstRecord: RawRecord?

    /// Prepares reading: checks the input (see `InputFormat.probe`), skips a byte-order mark, settles the
    /// delimiter and reads the header (with `headerless`: the first record, to choose the layout).
    ///
    /// - Throws: `ContactStatError(.dataFormat)` for binary or empty input, and whatever reading the header
    ///   record throws (an unclosed quote, a limit); a usage error when no layout of `headerless` has as many
    ///   columns as the first record has fields.
    public init(source: ByteChunkSource, delimiter: CSVDelimiter? = nil, limits: ReaderLimits = ReaderLimits(),
                headerless: HeaderlessColumns? = nil) throws {
        var source = source
        _ = try InputFormat.probe(&source)
        if try source.peek(3).elementsEqual(InputFormat.byteOrderMark) { source.skip(3) }
        let named = try CSVReader.skipSeparatorLine(in: &source)
        let chosen = try delimiter ?? named ?? CSVReader.detectDelimiter(in: &source, limits: limits)
        self.delimiter = chosen
        self.source = source
        let crEndsLines = try CSVReader.endsLinesWithCR(&source, limits: limits)
        self.parser = CSVRecordParser(delimiter: chosen, limits: limits, file: source.name, line: named == nil ? 1 : 2,
                                      crEndsLines: crEndsLines)
        var headerRecord = RawRecord()
        guard try readRecord(into: &headerRecord) else {
            throw ContactStatError(.dataFormat, "is empty", at: source.name)
        }
        noteEncoding(of: headerRecord)
        if let headerless {
            guard let layout = headerless.layout(for: headerRecord.strings) else {
                throw headerless.mismatch(fieldCount: headerRecord.count, file: source.name, line: headerRecord.line)
            }
            header = layout.map(CSVReader.cleanColumnName)
            pendingFirstRecord = headerRecord
        } else {
            headerLine = headerRecord.line
            header = headerRecord.strings.map(CSVReader.cleanColumnName)
            headerDiagnostics = headerRecord.textAfterClosingQuote.map { place in
                Self.textAfterQuoteWarning(file: source.name, place, column: header[place.field])
            }
        }
        headerVersion = 1
    }

    /// Reads the next record into `record` (reusing its buffers); `false` at the end of the input.
    public mutating func next(into record: inout RawRecord) throws -> Bool {
        if let first = pendingFirstRecord {
            record = first
            pendingFirstRecord = nil
            return true
        }
        guard try readRecord(into: &record) else { return false }
        if record.decodedAsWindows1252 { noteEncoding(of: record) }
        return true
    }

    /// A piece of input from `nextChunk`: usually a chunk for another thread to parse; a single record
    /// parsed here when one record is longer than the limit allows a chunk to be.
    public enum Piece: Sendable {
        case chunk(CSVChunk)
        case record(RawRecord)
    }

    /// The next piece of the input cut at a record boundary, unparsed (about `targetBytes`, more when a
    /// record is longer), for another thread to parse with `CSVChunk.forEachRecord`; `nil` at the end. Records
    /// already returned by `next(into:)` are not in it. The `windows-1252` warning for records parsed from
    /// chunks is the caller's to give (`encodingWarning`).
    ///
    /// When no record ends within `limits.maxRecordBytes` plus `targetBytes` of buffered input, the next
    /// record is parsed here instead (`.record`), so memory stays bounded as with `next(into:)`.
    ///
    /// - Throws: what `next(into:)` throws for that long record (the limit); reading errors.
    public mutating func nextChunk(targetBytes: Int = 512 * 1024) throws -> Piece? {
        if let first = pendingFirstRecord {
            pendingFirstRecord = nil
            return .record(first)
        }
        while true {
            let available = buffer.count - position
            if available < targetBytes && !reachedEnd {
                try readMore()
                continue
            }
            if available == 0 { return nil }
            var chunk = CSVChunk(bytes: [], line: parser.line, afterCR: parser.isAfterCR, isLast: reachedEnd,
                                 delimiter: delimiter, limits: parser.limits, file: source.name,
                                 crEndsLines: parser.crEndsLines)
            chunk.bufferPool = bufferPool
            if reachedEnd {
                // The rest of the input, whatever it holds: the chunk's parser finishes it. The buffer itself
                // moves into the chunk (no copy: the rest can be one record as large as the limit allows).
                buffer.removeSubrange(0..<position)
                chunk.bytes = buffer
                buffer = []
                position = 0
                parserDrained = true
                return .chunk(chunk)
            }
            let start = position
            let parser = self.parser
            let boundary = buffer.withUnsafeBufferPointer { all in
                parser.lastRecordEnd(in: UnsafeBufferPointer(rebasing: all[start...]))
            }
            if let boundary {
                let end = start + boundary.offset
                if start == 0 {
                    // The usual case: the buffer itself becomes the chunk, and only the rest (part of a record)
                    // is copied, into a buffer with room for the next reads (not more: after a long record the
                    // buffer may have grown far past a chunk).
                    var rest = bufferPool?.take() ?? []
                    // Room for the rest and the reads up to the next chunk, which a buffer from the pool has
                    // already (one sized by the buffer's own capacity would grow a little each time: new pages).
                    rest.reserveCapacity(min(buffer.capacity, (buffer.count - end) + targetBytes + 2 * source.chunkSize))
                    rest.append(contentsOf: buffer[end...])
                    buffer.removeSubrange(end...)
                    chunk.bytes = buffer
                    buffer = rest
                    position = 0
                } else {
                    chunk.bytes = Array(buffer[start..<end])
                    position = end
                }
                self.parser.advance(past: boundary)
                return .chunk(chunk)
            }
            // No record ends in what is buffered: one long record. Read on, doubling what is buffered (so
            // bytes are scanned again only a bounded number of times), up to the limit; then parse it here.
            if available > parser.limits.maxRecordBytes + targetBytes {
                var record = RawRecord()
                guard try next(into: &record) else { return nil }
                return .record(record)
            }
            try readMore(atLeast: min(2 * available + targetBytes, parser.limits.maxRecordBytes + 2 * targetBytes))
        }
    }

    /// The warning `next(into:)` gives for the first record with text decoded as Windows-1252, for `record`
    /// at `line` of `file`.
    public static func encodingWarning(file: String, line: Int) -> Diagnostic {
        Diagnostic(.warning, kind: "windows-1252", at: SourceLocation(file: file, line: line),
                   message: "text is not valid UTF-8 (first on line \(line)); decoded as Windows-1252")
    }

    /// The diagnostic kind of text after the closing quote of a quoted field (a field warning: the text is kept,
    /// the value may not be the one meant).
    public static let textAfterQuoteKind = "text-after-quote"

    /// The warning for text after the closing quote of a quoted field at `place` of `file`, in the export column
    /// `column` (`nil` when the record has more fields than the header): located at the closing quote,
    /// `FILE:LINE:COLUMN`.
    public static func textAfterQuoteWarning(file: String, _ place: TextAfterClosingQuote, column: String?) -> Diagnostic {
        Diagnostic(.warning, kind: textAfterQuoteKind, at: SourceLocation(file: file, line: place.line),
                   byteColumn: place.column, column: column,
                   message: "text after the closing quote of a quoted field (an unescaped quote inside it?); kept as is")
    }

    /// Drops the consumed part of the buffer and appends the next bytes of the source (until at least
    /// `atLeast` bytes are buffered, or the end).
    private mutating func readMore(atLeast: Int = 0) throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        // The buffer is moved out while the source appends to it (one access to `self` at a time).
        var bytes = buffer
        buffer = []
        defer { buffer = bytes }
        repeat {
            if try source.read(appendingTo: &bytes) == 0 {
                reachedEnd = true
                return
            }
        } while bytes.count < atLeast
    }

    private mutating func readRecord(into record: inout RawRecord) throws -> Bool {
        while true {
            if position == buffer.count {
                if parserDrained { return false }
                if reachedEnd { return try parser.finish(into: &record) }
                buffer.removeAll(keepingCapacity: true)
                position = 0
                if try source.read(appendingTo: &buffer) == 0 { reachedEnd = true }
                continue
            }
            let chunk = buffer
            let start = position
            let step = try chunk.withUnsafeBufferPointer { all in
                try parser.parse(UnsafeBufferPointer(rebasing: all[start...]), into: &record)
            }
            switch step {
            case .record(let consumed):
                position += consumed
                return true
            case .needsInput:
                position = buffer.count
            }
        }
    }

    private mutating func noteEncoding(of record: RawRecord) {
        guard record.decodedAsWindows1252, !reportedWindows1252 else { return }
        reportedWindows1252 = true
        diagnostics.append(Self.encodingWarning(file: source.name, line: record.line))
    }

    /// Looks ahead (without consuming) far enough to see the whole header line, then detects.
    /// Excel's separator line: a first line `sep=;` (any of the delimiters, case-insensitive `sep`, ending in LF
    /// or CRLF) names the delimiter and is not the header. Skips it and returns the delimiter; `nil` (nothing
    /// skipped) when the first line is anything else.
    ///
    /// - Throws: `ContactStatError(.dataFormat)` naming line 1 when the line names a delimiter contactstat does
    ///   not read.
    static func skipSeparatorLine(in source: inout ByteChunkSource) throws -> CSVDelimiter? {
        let head = Array(try source.peek(8))
        guard head.count >= 5, head[0...3].map({ $0 | 0x20 }) == Array("sep=".utf8) else { return nil }
        var end = 5
        if end < head.count && head[end] == UInt8(ascii: "\r") { end += 1 }
        guard end == head.count || head[end] == UInt8(ascii: "\n") else { return nil }
        guard let delimiter = CSVDelimiter(rawValue: head[4]) else {
            let shown = String(decoding: head[4...4], as: UTF8.self)
            throw ContactStatError(.dataFormat, "the first line 'sep=\(shown)' names a delimiter contactstat does not "
                                   + "read; use , ; tab or |", at: "\(source.name):1")
        }
        source.skip(min(end + 1, head.count))
        return delimiter
    }

    private static func detectDelimiter(in source: inout ByteChunkSource, limits: ReaderLimits) throws
    -> CSVDelimiter {
        var size = 64 * 1024
        while true {
            let head = try source.peek(size)
            let scan = CSVDelimiter.scanHeader(head)
            if scan.lineComplete || head.count < size || size >= limits.maxRecordBytes { return scan.delimiter }
            size = min(size * 4, limits.maxRecordBytes)
        }
    }

    /// Whether the input's first line end is a CR not followed by LF (a CR-only file). Looks ahead without
    /// consuming, as far as the first line end (at most `limits.maxRecordBytes`); no line end at all: `false`.
    static func endsLinesWithCR(_ source: inout ByteChunkSource, limits: ReaderLimits) throws -> Bool {
        var size = 64 * 1024
        while true {
            let head = try source.peek(size)
            if let index = head.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                guard head[index] == UInt8(ascii: "\r") else { return false }
                let next = head.index(after: index)
                if next < head.endIndex { return head[next] != UInt8(ascii: "\n") }
                if head.count < size { return true }
            } else if head.count < size || size >= limits.maxRecordBytes {
                return false
            }
            size = min(size * 4, max(limits.maxRecordBytes, size + 1))
        }
    }

    /// A column name without leading byte-order marks and surrounding white space and newlines (Foundation's
    /// `whitespacesAndNewlines`). An ASCII name, the usual one, is trimmed by its bytes (0x09-0x0D and the
    /// space are all that set holds below 0x80): the Foundation trim cost about 10,000 instructions a column.
    static func cleanColumnName(_ name: String) -> String {
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, InputFormat.isWhitespace(bytes[start]) { start += 1 }
            while end > start, InputFormat.isWhitespace(bytes[end - 1]) { end -= 1 }
            if start == 0 && end == bytes.count { return name }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        // `nil` when the name is not stored contiguously, `.some(nil)` when it is not ASCII.
        if let trimmed = ascii.flatMap({ $0 }) { return trimmed }
        return foundationCleanColumnName(name)
    }

    /// `cleanColumnName(_:)` for any name (the non-ASCII ones), with Foundation.
    static func foundationCleanColumnName(_ name: String) -> String {
        var name = Substring(name)
        while name.first == "\u{FEFF}" { name = name.dropFirst() }
        return name.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
