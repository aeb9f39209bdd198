/// A piece of CSV input cut at record boundaries by `CSVReader.nextChunk`, unparsed, with where it starts, so
/// another thread can parse it (`forEachRecord`) exactly as the reader would have.
public struct CSVChunk: Sendable {
    /// The bytes: whole records (the last chunk of an input may end without a line break).
    public var bytes: [UInt8]
    /// The physical line of the first byte.
    public var line: Int
    /// Whether the byte before the first one was a CR (a leading LF then ends that same line).
    public var afterCR: Bool
    /// The last chunk of the input (its last record may lack a line break; an open quote is an error).
    public var isLast: Bool
    public var delimiter: CSVDelimiter
    public var limits: ReaderLimits
    /// The input's name in messages.
    public var file: String
    /// Whether a lone CR ends a line (`CSVRecordParser.crEndsLines`).
    public var crEndsLines = true
    /// The reader's pool its bytes go back to once parsed (`recycle`), if it keeps one.
    var bufferPool: ChunkBufferPool?

    /// Hands the bytes back to the reader's pool for a later chunk (call once the records are handled).
    func recycle() {
        bufferPool?.give(bytes)
    }

    /// Parses the chunk, calling `body` with each record in order (`record` is reused between calls).
    ///
    /// - Throws: what `CSVRecordParser` throws (a limit, a quote never closed in the last chunk), located in
    ///   the input as a whole; `body`'s errors.
    public func forEachRecord(_ record: inout RawRecord, _ body: (RawRecord) throws -> Void) throws {
        var parser = CSVRecordParser(delimiter: delimiter, limits: limits, file: file, line: line, afterCR: afterCR,
                                     crEndsLines: crEndsLines)
        var position = 0
        try bytes.withUnsafeBufferPointer { all in
            while position < all.count {
                switch try parser.parse(UnsafeBufferPointer(rebasing: all[position...]), into: &record) {
                case .record(let consumed):
                    position += consumed
                    try body(record)
                case .needsInput:
                    position = all.count
                }
            }
        }
        if isLast {
            if try parser.finish(into: &record) { try body(record) }
        } else if !parser.isBetweenRecords {
            // The reader cut here because `lastRecordEnd` found a record end: the two disagree.
            throw ContactStatError(.dataFormat, "internal error: the input was cut inside a record (line \(parser.line)); "
                                   + "please report this, and run with \(setting: .threads) 1 meanwhile" as MessageText, at: file)
        }
    }
}
