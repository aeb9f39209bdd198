/// The CSV state machine: turns bytes into records, one call at a time, over input split anywhere.
///
/// Like Rust's `csv-core`, the parser owns no input: `parse(_:into:)` is handed any slice of bytes, consumes
/// up to the end of one record, and remembers where it stopped (inside a quoted field, after a quote, ...),
/// so the next slice continues seamlessly. Field bytes are copied into the caller's reused `RawRecord`, so
/// the input slice can be discarded after each call. Several parsers can work on separate slices cut at
/// record boundaries (each started with the right `line`).
///
/// Grammar (RFC 4180, plus the leniencies real exports need):
/// - Records end at CRLF, LF or a lone CR; the last record needs no line break.
/// - Empty lines between records are skipped (a line holding only delimiters is a record of empty fields).
/// - A field starting with `"` is quoted: it may contain the delimiter, line breaks (CR, LF, CRLF) and `""`
///   for one quote. Text after the closing quote is kept as is (`"ab"c` reads as `abc`).
/// - A `"` inside an unquoted field is an ordinary character (`ab"c` reads as `ab"c`).
/// - `record.line` is the 1-based physical line where the record starts; line breaks inside quoted fields
///   are counted (CRLF counts once, a lone CR once).
/// - Each field is checked as UTF-8 (pure ASCII skips the check). A field that is not valid UTF-8 is decoded
///   as Windows-1252 and stored as UTF-8, and `record.decodedAsWindows1252` is set.
public struct CSVRecordParser: Sendable {
    /// What one `parse` call achieved.
    public enum Step: Sendable, Equatable {
        /// A record is complete in `record`; `consumed` bytes of the slice were used (parse the rest next).
        case record(consumed: Int)
        /// The whole slice was consumed without completing a record: pass more input, or call `finish`.
        case needsInput
    }

    private enum State: Sendable {
        case startRecord, startField, unquoted, quoted, quoteInQuoted
    }

    /// The field separator.
    public let delimiter: CSVDelimiter
    /// The size bounds; exceeding one throws.
    public let limits: ReaderLimits
    /// The input's name for error locations.
    public let file: String
    /// The physical line of the next byte to be parsed (1-based).
    public private(set) var line: Int

    private let delimiterByte: UInt8
    /// Absolute offset (from the parser's start) of the next byte to be parsed.
    private var offset = 0
    /// Absolute offset of the first byte of the current line (for columns in messages).
    private var lineStartOffset = 0
    /// Whether the last byte of the previous slice was a CR (so an LF starting this slice ends the same line).
    private var previousWasCR = false
    private var state = State.startRecord
    /// Where the current field starts in `record.bytes`.
    private var fieldStart = 0
    /// The OR of the current field's bytes: bit 7 set means "not pure ASCII".
    private var fieldHighBits: UInt8 = 0
    private var quoteLine = 0
    private var quoteColumn = 0
    private var scratch: [UInt8] = []

    /// A parser at the start of a record.
    ///
    /// - Parameters:
    ///   - line: the physical line of the first byte it will see (use the true line when parsing a slice
    ///     that starts in the middle of a file).
    public init(delimiter: CSVDelimiter, limits: ReaderLimits = ReaderLimits(), file: String, line: Int = 1) {
        self.delimiter = delimiter
        self.delimiterByte = delimiter.rawValue
        self.limits = limits
        self.file = file
        self.line = line
    }

    /// Parses `input` until one record is complete or the slice is used up.
    ///
    /// `record` is cleared when a new record starts (not before), so a record split across slices keeps
    /// growing in the same `record`: pass the same one until `.record` is returned.
    ///
    /// - Throws: `ContactStatError(.dataFormat)` when the record exceeds `limits.maxRecordBytes` or
    ///   `limits.maxFields`, located at `FILE:LINE` of the record's start.
    public mutating func parse(_ input: UnsafeBufferPointer<UInt8>, into record: inout RawRecord) throws -> Step {
        guard let bytes = input.baseAddress else { return .needsInput }
        let count = input.count
        let delimiter = delimiterByte
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        var index = 0
        defer {
            if index > 0 { previousWasCR = bytes[index - 1] == cr }
            offset += index
        }
        while index < count {
            switch state {
            case .startRecord:
                let byte = bytes[index]
                if byte == lf || byte == cr {
                    countLineBreak(byte, at: index, in: bytes)
                    index += 1
                    continue
                }
                record.removeAll()
                record.line = line
                fieldStart = 0
                fieldHighBits = 0
                state = .startField

            case .startField:
                let byte = bytes[index]
                if byte == quote {
                    quoteLine = line
                    quoteColumn = offset + index - lineStartOffset + 1
                    state = .quoted
                    index += 1
                } else if byte == delimiter {
                    try endField(&record)
                    index += 1
                } else if byte == lf || byte == cr {
                    try endField(&record)
                    countLineBreak(byte, at: index, in: bytes)
                    index += 1
                    state = .startRecord
                    return .record(consumed: index)
                } else {
                    state = .unquoted
                }

            case .unquoted:
                let start = index
                var high: UInt8 = 0
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    high |= byte
                    index += 1
                }
                fieldHighBits |= high
                if index > start { try append(bytes + start, index - start, to: &record) }
                if index == count { return .needsInput }
                let byte = bytes[index]
                try endField(&record)
                if byte == delimiter {
                    index += 1
                    state = .startField
                } else {
                    countLineBreak(byte, at: index, in: bytes)
                    index += 1
                    state = .startRecord
                    return .record(consumed: index)
                }

            case .quoted:
                let start = index
                var high: UInt8 = 0
                while index < count {
                    let byte = bytes[index]
                    if byte == quote || byte == lf || byte == cr { break }
                    high |= byte
                    index += 1
                }
                fieldHighBits |= high
                if index == count {
                    if index > start { try append(bytes + start, index - start, to: &record) }
                    return .needsInput
                }
                let byte = bytes[index]
                if byte == quote {
                    if index > start { try append(bytes + start, index - start, to: &record) }
                    index += 1
                    state = .quoteInQuoted
                } else {
                    countLineBreak(byte, at: index, in: bytes)
                    index += 1
                    try append(bytes + start, index - start, to: &record)
                }

            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == quote {
                    try append(bytes + index, 1, to: &record)
                    index += 1
                    state = .quoted
                } else if byte == delimiter {
                    try endField(&record)
                    index += 1
                    state = .startField
                } else if byte == lf || byte == cr {
                    try endField(&record)
                    countLineBreak(byte, at: index, in: bytes)
                    index += 1
                    state = .startRecord
                    return .record(consumed: index)
                } else {
                    // Text after the closing quote: kept literally, as in an unquoted field.
                    state = .unquoted
                }
            }
        }
        return .needsInput
    }

    /// Ends the input: completes a record left without a final line break.
    ///
    /// - Returns: `true` when `record` holds a last record, `false` when there was none.
    /// - Throws: `ContactStatError(.dataFormat, "quoted field opened on line N is never closed",
    ///   at: "FILE:N:COLUMN")` (the opening quote's position; column in bytes, 1-based) when the input ends
    ///   inside a quoted field.
    public mutating func finish(into record: inout RawRecord) throws -> Bool {
        switch state {
        case .startRecord:
            return false
        case .quoted:
            throw ContactStatError(.dataFormat, "quoted field opened on line \(quoteLine) is never closed",
                                   at: "\(file):\(quoteLine):\(quoteColumn)")
        case .startField, .unquoted, .quoteInQuoted:
            try endField(&record)
            state = .startRecord
            return true
        }
    }

    /// Counts the line break `byte` (CR or LF) at `index`: an LF right after a CR ends the same line.
    @inline(__always)
    private mutating func countLineBreak(_ byte: UInt8, at index: Int, in bytes: UnsafePointer<UInt8>) {
        let afterCR = index > 0 ? bytes[index - 1] == UInt8(ascii: "\r") : previousWasCR
        if byte == UInt8(ascii: "\r") || !afterCR { line += 1 }
        lineStartOffset = offset + index + 1
    }

    @inline(__always)
    private func append(_ start: UnsafePointer<UInt8>, _ count: Int, to record: inout RawRecord) throws {
        record.bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        if record.bytes.count > limits.maxRecordBytes { throw recordTooLarge(record) }
    }

    @inline(__always)
    private mutating func endField(_ record: inout RawRecord) throws {
        if fieldHighBits & 0x80 != 0 { try repairEncoding(of: &record) }
        record.fieldEnds.append(record.bytes.count)
        if record.fieldEnds.count > limits.maxFields {
            throw ContactStatError(.dataFormat, "record has more than \(limits.maxFields) fields",
                                   at: "\(file):\(record.line)")
        }
        fieldStart = record.bytes.count
        fieldHighBits = 0
    }

    /// Decodes the current field as Windows-1252 when it is not valid UTF-8.
    private mutating func repairEncoding(of record: inout RawRecord) throws {
        let start = fieldStart
        let valid = record.bytes.withUnsafeBufferPointer { all in
            UTF8Validation.isValid(UnsafeBufferPointer(rebasing: all[start...]))
        }
        if valid { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: record.bytes[start...])
        record.bytes.removeSubrange(start...)
        Windows1252.appendUTF8(of: scratch, to: &record.bytes)
        record.decodedAsWindows1252 = true
        if record.bytes.count > limits.maxRecordBytes { throw recordTooLarge(record) }
    }

    private func recordTooLarge(_ record: RawRecord) -> ContactStatError {
        ContactStatError(.dataFormat, "record is larger than the limit of \(limits.maxRecordBytes) bytes",
                         at: "\(file):\(record.line)")
    }
}
