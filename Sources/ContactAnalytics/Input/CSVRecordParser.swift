/// The CSV state machine: turns bytes into records, one call at a time, over input split anywhere.
///
/// Like Rust's `csv-core`, the parser owns no input: `parse(_:into:)` is handed any slice of bytes, consumes
/// up to the end of one record, and remembers where it stopped (inside a quoted field, after a quote, ...),
/// so the next slice continues seamlessly. A record's bytes are staged inside the parser (`CSVRecordStaging`)
/// and copied into the caller's reused `RawRecord` when it is complete, so the input slice can be discarded
/// after each call.
/// Several parsers can work on separate slices cut at record boundaries (each started with the right `line`).
///
/// Speed: the hot loop reads the input sixteen bytes at a time (one vector compare per byte looked for), then
/// eight for the last bytes, and copies them into the staging buffer through raw pointers in the same pass (no
/// per-field allocation or `Array` call). Unquoted fields are copied
/// as they stand, delimiters included (`RawRecord` keeps one separator byte between two fields), so one pass
/// of words runs over a record's unquoted fields up to its line break or a quote: each word's delimiters
/// become field ends by a bit mask, without stopping at each field. Quoted fields go from quote to quote in
/// LF and CRLF files (their line feeds counted on the way), from quote or line break to the next in CR-only
/// ones. Whether a record holds a byte that is not ASCII is one OR a word; the sixteen-byte blocks are checked as
/// UTF-8 in the same pass (`UTF8BlockCheck`: ASCII and two-byte letters), and a record with a byte that pass
/// could not confirm is checked as UTF-8 whole (the separators are ASCII, so it is valid exactly when each
/// field is). A finished record reaches
/// `RawRecord` in two bulk copies. Staging grows to the largest record seen plus one slice.
///
/// Grammar (RFC 4180, plus the leniencies real exports need):
/// - Records end at CRLF or LF, and at a lone CR only when `crEndsLines` (a file whose lines end in CR alone,
///   as `CSVReader` decides from the file's first line end). Otherwise a lone CR is data: a CR right before
///   the LF that ends a record is part of that line end (dropped), any other CR is kept in its field.
///   The last record needs no line break.
/// - Empty lines between records are skipped (a line holding only delimiters is a record of empty fields).
/// - A field starting with `"` is quoted: it may contain the delimiter, line breaks (CR, LF, CRLF) and `""`
///   for one quote. Text after the closing quote is kept as is (`"ab"c` reads as `abc`, `"a" ` as `a `,
///   `"He said "hi" to me"` as `He said hi" to me"`: after the closing quote the field goes on as an unquoted
///   one, whose quotes are data), and each such quote is noted in `RawRecord.textAfterClosingQuote` (its line
///   and byte column, and the field). A CR after the closing quote is text too, unless an LF follows it (the
///   record's CRLF line end) or CR ends lines.
/// - A `"` inside an unquoted field is an ordinary character (`ab"c` reads as `ab"c`).
/// - `record.line` is the 1-based physical line where the record starts; line breaks inside quoted fields
///   are counted (CRLF counts once, a lone CR once when `crEndsLines`, else not at all).
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
        /// A CR after a closing quote (where a lone CR is data) was the last byte of a slice: an LF next ends
        /// the record (the CR, stored meanwhile, is dropped), anything else makes it text after the quote.
        case crAfterClosingQuote
    }

    /// The field separator.
    public let delimiter: CSVDelimiter
    /// The size bounds; exceeding one throws.
    public let limits: ReaderLimits
    /// The input's name for error locations.
    public let file: String
    /// The physical line of the next byte to be parsed (1-based).
    public private(set) var line: Int
    /// Whether a lone CR ends a line (a CR-only file); otherwise only LF does and a lone CR is data.
    public let crEndsLines: Bool

    private let delimiterByte: UInt8
    /// Absolute offset (from the parser's start) of the next byte to be parsed.
    private var offset = 0
    /// Absolute offset of the first byte of the current line (for columns in messages).
    private var lineStartOffset = 0
    /// Whether the last byte of the previous slice was a CR (so an LF starting this slice ends the same line).
    private var previousWasCR = false
    private var state = State.startRecord
    /// The line on which the record being parsed starts.
    private var recordLine = 0
    /// The record being parsed: its bytes (fields and separators) are `staging.bytes[0..<fill]`, its field ends
    /// `staging.ends[0..<fieldCount]`.
    private var staging = CSVRecordStaging()
    private var fill = 0
    private var fieldCount = 0
    /// The OR of the current record's bytes: a high bit set in a byte lane means "not pure ASCII".
    private var highBits: UInt64 = 0
    /// Set when a byte of the current record that is not ASCII was copied without being confirmed as UTF-8 on
    /// the way (`UTF8BlockCheck`): then `complete` checks the record's bytes.
    private var uncheckedUTF8 = false
    private var quoteLine = 0
    private var quoteColumn = 0
    /// The places of the current record where text follows a closing quote (`RawRecord.textAfterClosingQuote`).
    private var textAfterQuote: [TextAfterClosingQuote] = []

    /// A parser at the start of a record.
    ///
    /// - Parameters:
    ///   - line: the physical line of the first byte it will see (use the true line when parsing a slice
    ///     that starts in the middle of a file).
    ///   - afterCR: whether the byte before the first one it will see was a CR (so a leading LF ends that same
    ///     line; `RecordBoundary.afterCR`).
    ///   - crEndsLines: whether a lone CR ends a line (see the type's documentation).
    public init(delimiter: CSVDelimiter, limits: ReaderLimits = ReaderLimits(), file: String, line: Int = 1,
                afterCR: Bool = false, crEndsLines: Bool = true) {
        self.crEndsLines = crEndsLines
        self.delimiter = delimiter
        self.delimiterByte = delimiter.rawValue
        self.limits = limits
        self.file = file
        self.line = line
        self.previousWasCR = afterCR
    }

    /// Whether the parser is between records (not inside one).
    public var isBetweenRecords: Bool { state == .startRecord }

    /// Whether the last byte parsed was a CR (see `init(delimiter:limits:file:line:afterCR:)`).
    public var isAfterCR: Bool { previousWasCR }

    /// The end of a record found by `lastRecordEnd(in:)`: the offset just past it in the slice, and the
    /// physical line (and whether the last byte was a CR) there, so a parser started at that point with
    /// `init(delimiter:limits:file:line:afterCR:)` reads on exactly as this one would.
    public struct RecordBoundary: Sendable, Equatable {
        public var offset: Int
        public var line: Int
        public var afterCR: Bool
    }

    /// Where the last record that ends inside `input` ends, read from this parser's position (which must be
    /// between records), or `nil` when no record ends in it. Nothing is copied and the parser does not move
    /// (`advance(past:)` moves it).
    ///
    /// This follows the grammar of `parse` (a quote opens a quoted field only at the start of a field, `""`
    /// inside one is a quote, line breaks inside one do not end the record, empty lines between records are
    /// not records) but keeps nothing of the fields, so one thread can cut the input at record boundaries
    /// while others parse the pieces. Where lines end in LF or CRLF it finds quotes and line feeds 64 bytes at
    /// a time and counts lines in the same pass (`CSVRecordEnds`); otherwise, and for the rare quote after a CR
    /// that pass leaves open, it jumps from one quote or line break to the next, eight bytes at a time, and
    /// counts lines in a separate pass. Tests check it against `parse` on every boundary.
    public func lastRecordEnd(in input: UnsafeBufferPointer<UInt8>) -> RecordBoundary? {
        guard let bytes = input.baseAddress, state == .startRecord else { return nil }
        let count = input.count
        if !crEndsLines {
            switch CSVRecordEnds.lastRecordEnd(bytes, count: count, delimiter: delimiterByte) {
            case .found(let offset, let lineBreaks):
                return RecordBoundary(offset: offset, line: line + lineBreaks, afterCR: false)
            case .none:
                return nil
            case .undecided:
                break
            }
        }
        return exactLastRecordEnd(bytes, count: count)
    }

    /// `lastRecordEnd(in:)` by following the grammar from quote to quote (any line-end style).
    func exactLastRecordEnd(_ bytes: UnsafePointer<UInt8>, count: Int) -> RecordBoundary? {
        let delimiter = delimiterByte
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r")
        var index = 0
        var lastEnd = -1
        // Between records: no byte of the next record seen yet (line breaks here are empty lines).
        var betweenRecords = true
        scanning: while index < count {
            // Outside quotes: on to the next quote or line break.
            let from = index
            index = Self.nextSpecial(bytes, from: index, count: count, quotesOnly: false)
            if index > from { betweenRecords = false }
            if index == count { break }
            let byte = bytes[index]
            if byte == cr && !crEndsLines {
                // Data (or the CR of a CRLF: the LF ends the record).
                index += 1
                continue
            }
            if byte != quote {
                if !betweenRecords {
                    lastEnd = index + 1
                    betweenRecords = true
                }
                index += 1
                continue
            }
            // A quote opens a quoted field only where a field starts.
            let fieldStart = betweenRecords || bytes[index - 1] == delimiter
            betweenRecords = false
            index += 1
            guard fieldStart else { continue }
            while true {
                index = Self.nextSpecial(bytes, from: index, count: count, quotesOnly: true)
                // The input ends inside the quoted field, or on a quote that may be the first of `""`.
                if index + 1 >= count { break scanning }
                if bytes[index + 1] == quote {
                    index += 2
                } else {
                    index += 1
                    break
                }
            }
        }
        guard lastEnd > 0 else { return nil }
        let lines = Self.lineBreaks(bytes, count: lastEnd, afterCR: previousWasCR, crEndsLines: crEndsLines)
        return RecordBoundary(offset: lastEnd, line: line + lines, afterCR: bytes[lastEnd - 1] == cr)
    }

    /// The physical lines that `bytes[0..<count]` ends: each LF and, where CR ends lines, each CR, less the LF
    /// of each CRLF pair (a leading LF too when `afterCR`: its CR ended the bytes before). Eight bytes at a
    /// time, exactly: each byte that ends a line sets its lane's top bit in a mask, and the masks are summed
    /// per byte lane (a lane gains at most one a word, so 255 words fit) and added up every 255 words,
    /// instead of a bit count per word (without the POPCNT instruction, which the baseline x86-64 target lacks,
    /// a bit count is a dozen instructions).
    @inline(__always)
    static func lineBreaks(_ bytes: UnsafePointer<UInt8>, count: Int, afterCR: Bool, crEndsLines: Bool) -> Int {
        let raw = UnsafeRawPointer(bytes)
        let low16: UInt64 = 0x00FF_00FF_00FF_00FF
        var total = 0
        var afterCR = afterCR
        var k = 0
        while k + 8 <= count {
            // One run of up to 255 words: per lane, the number of its bytes that end a line.
            var lanes: UInt64 = 0
            let runEnd = min(count - (count - k) % 8, k + 255 * 8)
            if crEndsLines {
                while k < runEnd {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                    let lfMask = ByteWord.exactZeroBytes(word ^ lfWord), crMask = ByteWord.exactZeroBytes(word ^ crWord)
                    // An LF ends a line unless a CR just before it did (in this word, or the last byte before).
                    let pairedLF = lfMask & ((crMask << 8) | (afterCR ? 0x80 : 0))
                    lanes &+= ((lfMask & ~pairedLF) | crMask) >> 7
                    afterCR = crMask >> 63 != 0
                    k &+= 8
                }
            } else {
                while k < runEnd {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                    lanes &+= ByteWord.exactZeroBytes(word ^ lfWord) >> 7
                    k &+= 8
                }
            }
            // The eight lanes added up: pairs of lanes into four 16-bit lanes, then those by one multiplication.
            let wide = (lanes & low16) &+ ((lanes >> 8) & low16)
            total &+= Int(truncatingIfNeeded: (wide &* 0x0001_0001_0001_0001) >> 48)
        }
        while k < count {
            let b = bytes[k]
            if b == 0x0A {
                if !(crEndsLines && afterCR) { total &+= 1 }
            } else if b == 0x0D && crEndsLines {
                total &+= 1
            }
            afterCR = b == 0x0D
            k &+= 1
        }
        return total
    }

    /// The index of the next quote, LF or CR (only quotes with `quotesOnly`) at or after `from`, or `count`.
    /// Eight bytes at a time: a byte equal to the one looked for is zero after XOR, and the classic
    /// has-zero-byte test finds the first such byte exactly (its lowest set bit).
    @inline(__always)
    private static func nextSpecial(_ bytes: UnsafePointer<UInt8>, from: Int, count: Int, quotesOnly: Bool) -> Int {
        let quotes: UInt64 = 0x2222_2222_2222_2222
        var i = from
        let raw = UnsafeRawPointer(bytes)
        while i + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            var found = ByteWord.zeroBytes(word ^ quotes)
            if !quotesOnly { found |= ByteWord.zeroBytes(word ^ lfWord) | ByteWord.zeroBytes(word ^ crWord) }
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < count {
            let b = bytes[i]
            if b == 0x22 || (!quotesOnly && (b == 0x0A || b == 0x0D)) { return i }
            i += 1
        }
        return count
    }

    /// Moves the parser past `boundary` of the slice last given to `lastRecordEnd(in:)`, as if it had parsed
    /// the records before it.
    public mutating func advance(past boundary: RecordBoundary) {
        offset += boundary.offset
        lineStartOffset = offset
        line = boundary.line
        previousWasCR = boundary.afterCR
        state = .startRecord
    }

    /// Parses `input` until one record is complete or the slice is used up.
    ///
    /// `record` is overwritten only when a record is complete (`.record`); a record split across slices is
    /// kept inside the parser meanwhile.
    ///
    /// - Throws: `ContactStatError(.dataFormat)` when the record exceeds `limits.maxRecordBytes` or
    ///   `limits.maxFields`, located at `FILE:LINE` of the record's start.
    public mutating func parse(_ input: UnsafeBufferPointer<UInt8>, into record: inout RawRecord) throws -> Step {
        guard input.count > 0 else { return .needsInput }
        if !isKnownUniquelyReferenced(&staging) { staging = staging.copy(bytes: fill, ends: fieldCount) }
        // Each input byte yields at most one staged byte (a delimiter its separator; a word is stored whole only
        // where eight input bytes remain), and each field at least one input byte (but the last, empty one at
        // the end of input): make room once, outside the loop.
        staging.reserve(bytes: fill + input.count, ends: fieldCount + min(input.count, limits.maxFields) + 2,
                        keeping: fill, fieldCount)
        let step = try scan(input, staging.bytes, staging.ends)
        if case .record = step { try complete(into: &record) }
        return step
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
        case .startField, .unquoted, .quoteInQuoted, .crAfterClosingQuote:
            if !isKnownUniquelyReferenced(&staging) { staging = staging.copy(bytes: fill, ends: fieldCount) }
            staging.reserve(bytes: fill, ends: fieldCount + 1, keeping: fill, fieldCount)
            // A lone CR (stored) ends the input after a closing quote: text after it. The quote is two bytes back.
            if state == .crAfterClosingQuote { noteTextAfterQuote(column: offset - 1 - lineStartOffset) }
            try endField(staging.ends)
            state = .startRecord
            try complete(into: &record)
            return true
        }
    }

    /// The state machine proper, over raw pointers (room in `out` and `ends` was made by the caller).
    private mutating func scan(_ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>,
                               _ ends: UnsafeMutablePointer<Int>) throws -> Step {
        guard let bytes = input.baseAddress else { return .needsInput }
        let count = input.count
        let delimiter = delimiterByte
        let delimiterWord = 0x0101_0101_0101_0101 &* UInt64(delimiter)
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        // The bytes that end a line: CR too only in a CR-only file (`lineEndCR` is then CR, else LF again).
        let lineEndCR = crEndsLines ? cr : lf
        var index = 0
        var fill = self.fill
        defer {
            if index > 0 { previousWasCR = bytes[index - 1] == cr }
            offset += index
            self.fill = fill
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
                recordLine = line
                fill = 0
                fieldCount = 0
                highBits = 0
                uncheckedUTF8 = false
                state = .startField

            case .startField:
                let byte = bytes[index]
                if byte == quote {
                    quoteLine = line
                    quoteColumn = offset + index - lineStartOffset + 1
                    state = .quoted
                    index += 1
                } else if byte == delimiter {
                    self.fill = fill
                    try endField(ends)
                    out[fill] = delimiter
                    fill += 1
                    index += 1
                } else if byte == lf || byte == lineEndCR {
                    self.fill = fill
                    try endField(ends)
                    countLineBreak(byte, at: index, in: bytes)
                    index += 1
                    state = .startRecord
                    return .record(consumed: index)
                } else {
                    state = .unquoted
                }

            case .unquoted:
                // The fields of the record one after another, eight bytes at a time, up to its line break or a
                // quote (the common case: a record in one pass). Each word is stored whole; its delimiters before
                // the stop end fields (they stay in the staging as separators).
                var fields = fieldCount
                var seen: UInt64 = 0
                var stopped = false
                let maxFields = limits.maxFields, maxBytes = limits.maxRecordBytes
                while true {
                    // The words that cannot pass a limit (each adds at most eight bytes and eight fields) go
                    // through the word pass unchecked; the rest (near a limit, or the last bytes) byte by byte.
                    let safeWords = max(0, min(maxBytes - (fill - fields), maxFields - fields) / 8)
                    let wordEnd = count - index > safeWords * 8 ? index + safeWords * 8 : count
                    let pass = crEndsLines
                        ? Self.passWords(bytes, index: &index, end: wordEnd, to: out, fill: &fill, ends: ends,
                                         fields: &fields, delimiterWord: delimiterWord, stoppingAtCR: true)
                        : Self.passWords(bytes, index: &index, end: wordEnd, to: out, fill: &fill, ends: ends,
                                         fields: &fields, delimiterWord: delimiterWord, stoppingAtCR: false)
                    seen |= pass.seen
                    stopped = pass.stopped
                    if !pass.confirmed { uncheckedUTF8 = true }
                    if !stopped {
                        // The last bytes of the input (fewer than eight), or the bytes near a limit.
                        while index < count {
                            let byte = bytes[index]
                            if byte == lf || byte == lineEndCR || byte == quote {
                                stopped = true
                                break
                            }
                            if byte == delimiter {
                                if fields >= maxFields || fill &- fields > maxBytes {
                                    fieldCount = fields
                                    throw fieldLimitError(end: fill)
                                }
                                ends[fields] = fill
                                fields &+= 1
                            }
                            out[fill] = byte
                            seen |= UInt64(byte)
                            if byte >= 0x80 { uncheckedUTF8 = true }
                            fill &+= 1
                            index &+= 1
                        }
                    }
                    fieldCount = fields
                    if !stopped {
                        highBits |= seen
                        if fill - fields > maxBytes { throw recordTooLarge() }
                        return .needsInput
                    }
                    let byte = bytes[index]
                    if byte != quote { break }
                    if fill == (fields > 0 ? ends[fields - 1] &+ 1 : 0) {
                        // A quote where a field starts opens a quoted field.
                        quoteLine = line
                        quoteColumn = offset + index - lineStartOffset + 1
                        state = .quoted
                        index += 1
                        break
                    }
                    // A quote inside an unquoted field is data.
                    out[fill] = byte
                    fill &+= 1
                    index &+= 1
                    stopped = false
                }
                highBits |= seen
                if state == .quoted { break }
                // The record's line break (LF; CR too in a CR-only file).
                let byte = bytes[index]
                index += 1
                if byte == lf && !crEndsLines && fill > (fieldCount > 0 ? ends[fieldCount - 1] &+ 1 : 0)
                    && out[fill - 1] == cr {
                    // The CR of a CRLF line end, copied as data while its LF was not yet seen.
                    fill -= 1
                }
                self.fill = fill
                try endField(ends)
                countLineBreak(byte, at: index - 1, in: bytes)
                state = .startRecord
                return .record(consumed: index)

            case .quoted:
                if !crEndsLines {
                    // Line breaks inside the field are data (LF or CRLF files): only a quote stops the copy, and
                    // the line feeds passed are counted on the way.
                    let copied = Self.copyQuoted(bytes, index: &index, count: count, to: out, fill: &fill)
                    highBits |= copied.seen
                    if !copied.confirmed { uncheckedUTF8 = true }
                    if copied.lineFeeds > 0 {
                        line &+= copied.lineFeeds
                        lineStartOffset = offset &+ copied.lineStart
                    }
                    if index == count {
                        if fill - fieldCount > limits.maxRecordBytes { throw recordTooLarge() }
                        return .needsInput
                    }
                    state = .quoteInQuoted
                    index += 1
                    continue
                }
                var byte: UInt8 = 0
                // Eight bytes at a time up to the next quote or line break (bodies of e-mails and web forms are
                // quoted: most of a realistic export's bytes are here).
                let copied = Self.copyWords(bytes, index: &index, count: count, to: out, fill: &fill,
                                            stoppingAt: Self.quoteWord, Self.lfWord, Self.crWord, checksThird: true)
                var seen = copied.seen
                if !copied.confirmed { uncheckedUTF8 = true }
                if copied.stopped {
                    byte = bytes[index]
                } else {
                    while index < count {
                        byte = bytes[index]
                        if byte == quote || byte == lf || byte == cr { break }
                        out[fill] = byte
                        fill += 1
                        seen |= UInt64(byte)
                        if byte >= 0x80 { uncheckedUTF8 = true }
                        index += 1
                    }
                }
                highBits |= seen
                if index == count {
                    if fill - fieldCount > limits.maxRecordBytes { throw recordTooLarge() }
                    return .needsInput
                }
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    countLineBreak(byte, at: index, in: bytes)
                    out[fill] = byte
                    fill += 1
                }
                index += 1

            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == quote {
                    out[fill] = byte
                    fill += 1
                    index += 1
                    state = .quoted
                } else if byte == delimiter {
                    self.fill = fill
                    try endField(ends)
                    out[fill] = delimiter
                    fill += 1
                    index += 1
                    state = .startField
                } else if byte == lf || byte == lineEndCR {
                    self.fill = fill
                    try endField(ends)
                    countLineBreak(byte, at: index, in: bytes)
                    index += 1
                    state = .startRecord
                    return .record(consumed: index)
                } else {
                    // Text after the closing quote, or the CR of a CRLF line end (out of line: rare).
                    self.fill = fill
                    let ended = try afterClosingQuote(bytes, index: &index, count: count, out, ends)
                    fill = self.fill
                    if ended { return .record(consumed: index) }
                }

            case .crAfterClosingQuote:
                // The CR after a closing quote ended the slice before.
                self.fill = fill
                let ended = try afterClosingQuote(bytes, index: &index, count: count, out, ends)
                fill = self.fill
                if ended { return .record(consumed: index) }
            }
        }
        if fill - fieldCount > limits.maxRecordBytes { throw recordTooLarge() }
        return .needsInput
    }

    /// Copies `bytes[index...]` to `out[fill...]` sixteen bytes at a time, then eight, delimiters included (the
    /// separators of `RawRecord`), up to the first LF or quote (or, with `stoppingAtCR`, a constant at each call so the test
    /// is compiled in or out, CR), and notes the end of a field at each delimiter before it in `ends[fields...]`:
    /// the delimiters of a block or word are one exact bit mask, walked lowest bit first. Moves `index` and `fill` to
    /// the stop (`stopped`) or past the last whole word before `end`. Each word is stored whole (the staging
    /// has room for every input byte); no limit is checked (the caller gives an `end` that cannot pass one).
    /// `seen` is the OR of the bytes passed: a high bit in it means a byte that is not ASCII. The sixteen-byte
    /// blocks are checked as UTF-8 on the way (`UTF8BlockCheck`); `confirmed` is false when a byte that is not
    /// ASCII was passed without being confirmed (a word's, or one the check could not confirm).
    @inline(__always)
    private static func passWords(
        _ bytes: UnsafePointer<UInt8>, index: inout Int, end: Int, to out: UnsafeMutablePointer<UInt8>,
        fill: inout Int, ends: UnsafeMutablePointer<Int>, fields: inout Int, delimiterWord: UInt64, stoppingAtCR: Bool
    ) -> (seen: UInt64, stopped: Bool, confirmed: Bool) {
        var i = index, f = fill, n = fields
        var seen: UInt64 = 0
        var utf8 = UTF8BlockCheck()
        defer {
            index = i
            fill = f
            fields = n
        }
        // Sixteen bytes at a time while sixteen remain: one vector compare per byte looked for (SSE2, the x86-64
        // baseline; NEON on ARM), the delimiters and the top bits as bit masks (`ByteBlock.bits`).
        let lfLanes = SIMD16<UInt8>(repeating: 0x0A), quoteLanes = SIMD16<UInt8>(repeating: 0x22)
        let crLanes = SIMD16<UInt8>(repeating: 0x0D)
        let delimiterLanes = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: delimiterWord))
        var seenHigh: UInt64 = 0
        while i &+ 16 <= end {
            let block = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD16<UInt8>.self)
            UnsafeMutableRawPointer(out + f).storeBytes(of: block, as: SIMD16<UInt8>.self)
            var stops = ByteBlock.lanes(block .== lfLanes) | ByteBlock.lanes(block .== quoteLanes)
            if stoppingAtCR { stops |= ByteBlock.lanes(block .== crLanes) }
            var delimiters = ByteBlock.bits(ByteBlock.lanes(block .== delimiterLanes))
            let high = ByteBlock.bits(block)
            if !ByteBlock.isAny(stops) {
                seenHigh |= high
                utf8.pass(block, high: high)
                while delimiters != 0 {
                    ends[n] = f &+ delimiters.trailingZeroBitCount
                    n &+= 1
                    delimiters &= delimiters &- 1
                }
                f &+= 16
                i &+= 16
                continue
            }
            let length = ByteBlock.bits(stops).trailingZeroBitCount
            let before = (1 &<< UInt64(truncatingIfNeeded: length)) &- 1
            delimiters &= before
            utf8.pass(block, high: high, taken: before)
            if high & before != 0 || seenHigh != 0 { seen = 0x80 }
            while delimiters != 0 {
                ends[n] = f &+ delimiters.trailingZeroBitCount
                n &+= 1
                delimiters &= delimiters &- 1
            }
            f &+= length
            i &+= length
            return (seen, true, utf8.confirmed)
        }
        utf8.end()
        if seenHigh != 0 { seen = 0x80 }
        // Eight bytes at a time (the last bytes of the input, or near a limit): not checked as UTF-8 here.
        var wordBits: UInt64 = 0
        while i &+ 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
            UnsafeMutableRawPointer(out + f).storeBytes(of: word.littleEndian, as: UInt64.self)
            var stops = ByteWord.zeroBytes(word ^ lfWord) | ByteWord.zeroBytes(word ^ quoteWord)
            if stoppingAtCR { stops |= ByteWord.zeroBytes(word ^ crWord) }
            var delimiters = ByteWord.exactZeroBytes(word ^ delimiterWord)
            if stops == 0 {
                wordBits |= word
                while delimiters != 0 {
                    ends[n] = f &+ ByteWord.firstMarked(delimiters)
                    n &+= 1
                    delimiters &= delimiters &- 1
                }
                f &+= 8
                i &+= 8
                continue
            }
            let length = ByteWord.firstMarked(stops)
            let before = (1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1
            delimiters &= before
            wordBits |= word & before
            while delimiters != 0 {
                ends[n] = f &+ ByteWord.firstMarked(delimiters)
                n &+= 1
                delimiters &= delimiters &- 1
            }
            f &+= length
            i &+= length
            return (seen | wordBits, true, utf8.confirmed && wordBits & 0x8080_8080_8080_8080 == 0)
        }
        return (seen | wordBits, false, utf8.confirmed && wordBits & 0x8080_8080_8080_8080 == 0)
    }

    private static let lfWord: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    private static let crWord: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    private static let quoteWord: UInt64 = 0x2222_2222_2222_2222

    /// Copies `bytes[index...]` to `out[fill...]` sixteen bytes, then eight, at a time until a block or word holds
    /// a byte equal to a byte
    /// of `first`, `second` or (with `checksThird`, a constant at each call, so the test is compiled in or out)
    /// `third`, and moves `index` and `fill` to that byte (`stopped`), or past the last whole word of the input.
    /// Each word is stored whole (the staging buffer has room for every input byte); `fill` counts only the
    /// bytes before the stop. `seen` is the OR of the bytes counted: a high bit in it means a byte that is not
    /// ASCII (one OR a word, the test made once a field). `confirmed` as in `passWords`.
    @inline(__always)
    private static func copyWords(
        _ bytes: UnsafePointer<UInt8>, index: inout Int, count: Int, to out: UnsafeMutablePointer<UInt8>,
        fill: inout Int, stoppingAt first: UInt64, _ second: UInt64, _ third: UInt64, checksThird: Bool
    ) -> (seen: UInt64, stopped: Bool, confirmed: Bool) {
        // Local copies, advanced without overflow checks (both stay below `count` and the staging's room).
        var i = index, f = fill
        var utf8 = UTF8BlockCheck()
        defer {
            index = i
            fill = f
        }
        var seen: UInt64 = 0
        // Sixteen bytes at a time while sixteen remain (as `passWords`).
        let firstLanes = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: first))
        let secondLanes = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: second))
        let thirdLanes = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: third))
        var seenHigh: UInt64 = 0
        while i &+ 16 <= count {
            let block = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD16<UInt8>.self)
            var found = ByteBlock.lanes(block .== firstLanes) | ByteBlock.lanes(block .== secondLanes)
            if checksThird { found |= ByteBlock.lanes(block .== thirdLanes) }
            UnsafeMutableRawPointer(out + f).storeBytes(of: block, as: SIMD16<UInt8>.self)
            let high = ByteBlock.bits(block)
            if !ByteBlock.isAny(found) {
                seenHigh |= high
                utf8.pass(block, high: high)
                f &+= 16
                i &+= 16
                continue
            }
            let length = ByteBlock.bits(found).trailingZeroBitCount
            let before = (1 &<< UInt64(truncatingIfNeeded: length)) &- 1
            utf8.pass(block, high: high, taken: before)
            if high & before != 0 || seenHigh != 0 { seen = 0x80 }
            f &+= length
            i &+= length
            return (seen, true, utf8.confirmed)
        }
        utf8.end()
        if seenHigh != 0 { seen = 0x80 }
        // Eight bytes at a time: not checked as UTF-8 here.
        var wordBits: UInt64 = 0
        while i &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
            var found = ByteWord.zeroBytes(word ^ first) | ByteWord.zeroBytes(word ^ second)
            if checksThird { found |= ByteWord.zeroBytes(word ^ third) }
            UnsafeMutableRawPointer(out + f).storeBytes(of: word.littleEndian, as: UInt64.self)
            if found == 0 {
                wordBits |= word
                f &+= 8
                i &+= 8
                continue
            }
            let length = ByteWord.firstMarked(found)
            // The bytes before the stop (none when it is the first: a mask of zero).
            wordBits |= word & ((1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1)
            f &+= length
            i &+= length
            return (seen | wordBits, true, utf8.confirmed && wordBits & 0x8080_8080_8080_8080 == 0)
        }
        return (seen | wordBits, false, utf8.confirmed && wordBits & 0x8080_8080_8080_8080 == 0)
    }

    /// Copies the inside of a quoted field of a file whose lone CRs are data, `bytes[index...]` to `out[fill...]`,
    /// sixteen bytes at a time, up to the first quote (or the end of the input), and moves `index` and `fill`
    /// there. Line breaks are data here, so they do not stop the copy: the line feeds passed are counted
    /// (`lineFeeds`; `lineStart` is the offset just past the last of them). Each block is stored whole (the
    /// staging has room for every input byte); `seen` as in `copyWords`, `confirmed` as in `passWords`.
    @inline(__always)
    private static func copyQuoted(
        _ bytes: UnsafePointer<UInt8>, index: inout Int, count: Int, to out: UnsafeMutablePointer<UInt8>,
        fill: inout Int
    ) -> (seen: UInt64, lineFeeds: Int, lineStart: Int, confirmed: Bool) {
        var i = index, f = fill
        var utf8 = UTF8BlockCheck()
        defer {
            index = i
            fill = f
        }
        var seen: UInt64 = 0
        var lineFeeds = 0, lineStart = 0
        let quoteLanes = SIMD16<UInt8>(repeating: 0x22), lfLanes = SIMD16<UInt8>(repeating: 0x0A)
        var seenHigh: UInt64 = 0
        while i &+ 16 <= count {
            let block = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD16<UInt8>.self)
            UnsafeMutableRawPointer(out + f).storeBytes(of: block, as: SIMD16<UInt8>.self)
            let quotes = ByteBlock.bits(ByteBlock.lanes(block .== quoteLanes))
            var feeds = ByteBlock.bits(ByteBlock.lanes(block .== lfLanes))
            let high = ByteBlock.bits(block)
            // The bytes taken: the whole block, or those before its first quote.
            let taken: UInt64 = quotes == 0 ? 0xFFFF : (quotes & (0 &- quotes)) &- 1
            feeds &= taken
            if feeds != 0 {
                // Bit k is byte i + k: the last line feed's line starts after it.
                lineStart = i &+ 64 &- feeds.leadingZeroBitCount
                repeat {
                    lineFeeds &+= 1
                    feeds &= feeds &- 1
                } while feeds != 0
            }
            if quotes == 0 {
                seenHigh |= high
                utf8.pass(block, high: high)
                f &+= 16
                i &+= 16
                continue
            }
            utf8.pass(block, high: high, taken: taken)
            if high & taken != 0 || seenHigh != 0 { seen = 0x80 }
            let length = quotes.trailingZeroBitCount
            f &+= length
            i &+= length
            return (seen, lineFeeds, lineStart, utf8.confirmed)
        }
        utf8.end()
        if seenHigh != 0 { seen = 0x80 }
        // The last bytes of the input (fewer than sixteen), one at a time: not checked as UTF-8 here.
        var byteBits: UInt64 = 0
        while i < count {
            let byte = bytes[i]
            if byte == 0x22 { break }
            out[f] = byte
            f &+= 1
            byteBits |= UInt64(byte)
            i &+= 1
            if byte == 0x0A {
                lineFeeds &+= 1
                lineStart = i
            }
        }
        return (seen | byteBits, lineFeeds, lineStart, utf8.confirmed && byteBits < 0x80)
    }

    /// Counts the line break `byte` (CR or LF) at `index`: an LF right after a CR ends the same line.
    @inline(__always)
    private mutating func countLineBreak(_ byte: UInt8, at index: Int, in bytes: UnsafePointer<UInt8>) {
        if !crEndsLines {
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStartOffset = offset + index + 1
            }
            return
        }
        let afterCR = index > 0 ? bytes[index - 1] == UInt8(ascii: "\r") : previousWasCR
        if byte == UInt8(ascii: "\r") || !afterCR { line += 1 }
        lineStartOffset = offset + index + 1
    }

    /// What follows the closing quote of a quoted field at `bytes[index]` when it is not a quote, the delimiter
    /// or a line end (`scan` took those), or, in state `crAfterClosingQuote`, the byte after a CR that followed
    /// the quote at the end of the slice before. Where a lone CR is data, a CR and an LF end the record (`true`:
    /// `index` is past the LF), and a CR at the end of the slice is stored and waits for the next byte
    /// (`crAfterClosingQuote`); anything else is text after the quote: noted (`noteTextAfterQuote`) and read on
    /// as an unquoted field's (the byte is not consumed). Out of line, so `scan` keeps its registers for the
    /// common paths. `fill` is `self.fill` (the caller's copy goes in and out).
    @inline(never)
    private mutating func afterClosingQuote(_ bytes: UnsafePointer<UInt8>, index: inout Int, count: Int,
                                            _ out: UnsafeMutablePointer<UInt8>, _ ends: UnsafeMutablePointer<Int>)
    throws -> Bool {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        // The closing quote's offset: just before this byte, or before the CR held from the slice before.
        var quote = offset + index - 1
        if state == .crAfterClosingQuote {
            quote -= 1
            if bytes[index] == lf {
                fill -= 1
                try endField(ends)
                countLineBreak(lf, at: index, in: bytes)
                index += 1
                state = .startRecord
                return true
            }
        } else if bytes[index] == cr {
            // Only where a lone CR is data (in a CR-only file `scan` ended the record at it).
            if index + 1 == count {
                out[fill] = cr
                fill += 1
                index += 1
                state = .crAfterClosingQuote
                return false
            }
            if bytes[index + 1] == lf {
                try endField(ends)
                countLineBreak(lf, at: index + 1, in: bytes)
                index += 2
                state = .startRecord
                return true
            }
        }
        noteTextAfterQuote(column: quote - lineStartOffset + 1)
        state = .unquoted
        return false
    }

    /// Notes text after the closing quote of the field being read, the quote at byte `column` (1-based) of the
    /// current line (`RawRecord.textAfterClosingQuote`). Out of line: the hot loop only calls it.
    @inline(never)
    private mutating func noteTextAfterQuote(column: Int) {
        textAfterQuote.append(TextAfterClosingQuote(line: line, column: column, field: fieldCount))
    }

    /// Hands the record's places of text after a closing quote to `record` (out of line: rare).
    @inline(never)
    private mutating func movePlaces(to record: inout RawRecord) {
        record.textAfterClosingQuote = textAfterQuote
        textAfterQuote.removeAll(keepingCapacity: true)
    }

    /// Closes the current field at `fill` (the record's bytes so far are `fill` less one separator for each
    /// field before this one).
    @inline(__always)
    private mutating func endField(_ ends: UnsafeMutablePointer<Int>) throws {
        if fill - fieldCount > limits.maxRecordBytes { throw recordTooLarge() }
        if fieldCount >= limits.maxFields { throw tooManyFields() }
        ends[fieldCount] = fill
        fieldCount += 1
    }

    /// The error `endField` throws for a field ending at `end` when one of the limits is passed.
    private func fieldLimitError(end: Int) -> ContactStatError {
        end - fieldCount > limits.maxRecordBytes ? recordTooLarge() : tooManyFields()
    }

    /// Copies the finished record into `record`. A record with a byte that is not ASCII is valid UTF-8 when the
    /// scan confirmed every such byte on its way (`uncheckedUTF8` false: the input's bytes were well-formed, and
    /// the record's are those bytes less some ASCII ones, quotes and the CR of a CRLF, which leaves them
    /// well-formed); otherwise it is checked as UTF-8 whole (its separators are ASCII, so it is valid exactly when
    /// every field is); only when it is not are its fields checked one by one, and each invalid one decoded as
    /// Windows-1252.
    private mutating func complete(into record: inout RawRecord) throws {
        // The places of text after a closing quote, once the fields are in (`replaceFields` empties them).
        defer { if !textAfterQuote.isEmpty { movePlaces(to: &record) } }
        let all = UnsafeBufferPointer(start: staging.bytes, count: fill)
        record.replaceFields(bytes: all, ends: UnsafeBufferPointer(start: staging.ends, count: fieldCount))
        record.line = recordLine
        // Every field ends up valid UTF-8: ASCII, checked below, or decoded as Windows-1252.
        record.holdsValidUTF8 = true
        if highBits & 0x8080_8080_8080_8080 == 0 || !uncheckedUTF8 || UTF8Validation.isValid(all) { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fill + fill / 2)
        var fieldEnds: [Int] = []
        fieldEnds.reserveCapacity(fieldCount)
        var decoded = false
        for field in 0..<fieldCount {
            if field > 0 { bytes.append(delimiterByte) }
            let value = UnsafeBufferPointer(rebasing: all[record.range(of: field)])
            if UTF8Validation.isValid(value) {
                bytes.append(contentsOf: value)
            } else {
                Windows1252.appendUTF8(of: value, to: &bytes)
                decoded = true
            }
            fieldEnds.append(bytes.count)
        }
        guard decoded else { return }
        bytes.withUnsafeBufferPointer { b in fieldEnds.withUnsafeBufferPointer { record.replaceFields(bytes: b, ends: $0) } }
        record.holdsValidUTF8 = true
        record.decodedAsWindows1252 = true
        if bytes.count - max(0, fieldCount - 1) > limits.maxRecordBytes { throw recordTooLarge() }
    }

    private func tooManyFields() -> ContactStatError {
        ContactStatError(.dataFormat, "record has more than \(limits.maxFields) fields", at: "\(file):\(recordLine)")
    }

    private func recordTooLarge() -> ContactStatError {
        ContactStatError(.dataFormat, "record is larger than the limit of \(limits.maxRecordBytes) bytes",
                         at: "\(file):\(recordLine)")
    }
}
