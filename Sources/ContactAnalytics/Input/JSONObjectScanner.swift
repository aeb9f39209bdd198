/// Finds where each record object of a JSON array or JSON Lines input begins and ends, over input split
/// anywhere, and copies the object's text out: the JSON reader holds one record's text at a time, never the
/// whole input.
///
/// The scanner checks the structure between objects (`[`, `,`, `]`, whitespace) and tracks strings and
/// bracket nesting inside an object; the object's own grammar is checked when it is flattened.
///
/// **Envelopes.** A top-level object (a whole document, or one line of JSON Lines) may hold the records in an
/// array member: `{"tickets": [{...}, ...], "count": 2}`. With `recordsPath` given, every top-level object
/// must hold an array at that path and its elements are the records. Without it, the first top-level object
/// is looked into as it streams by: the first array at a usual place (`JSONRecordsPath.isUsualPlace`) that
/// holds objects (or nothing) makes the input an envelope, and that path is then required of every later
/// top-level object (JSON Lines of pages); a first object without one is a record, and the input plain
/// JSON Lines. The rest of an envelope (paging members, side-loaded arrays) is skipped without being kept.
struct JSONObjectScanner: Sendable {
    enum Step: Sendable, Equatable {
        /// An object's text is complete in the output buffer; `consumed` bytes of the slice were used.
        case object(consumed: Int)
        /// The slice is used up.
        case needsInput
    }

    private enum State: Sendable {
        case start, arrayFirst, arrayNext, arrayAfterElement, afterArray, betweenLines, inObject
        /// Inside a top-level object that may be an envelope: keys are followed to find the records.
        case probing
        /// Inside an envelope's records array: after a record, before its first record, or after it.
        case envelopeAfterElement, envelopeNext
        /// After the records array, until the envelope closes.
        case envelopeRest
    }

    let file: String
    let limits: ReaderLimits
    /// The path the user gave (`--records`), if any.
    let requestedPath: JSONRecordsPath?

    /// Where the records were found (the path given, or the one found in the first envelope).
    private(set) var recordsPath: JSONRecordsPath?
    /// How many envelopes (pages) were read.
    private(set) var envelopes = 0

    /// Line and 1-based byte column where the current (or last) object starts.
    private(set) var objectLine = 0
    private(set) var objectColumn = 0
    /// Set when an object ended at a closing bracket of the wrong kind (the flattener reports it).
    private(set) var objectEndedAtMismatch = false

    private var state = State.start
    private var isArray = false
    private var line = 1
    private var offset = 0
    private var lineStartOffset = 0
    private var previousWasCR = false
    private var arrayLine = 0
    private var arrayColumn = 0
    private var elementCount = 0
    private var inString = false
    private var escaped = false
    private var closers: [UInt8] = []

    // Envelope probing (see the type's documentation).
    private var probes = true
    private var topLine = 0
    private var topColumn = 0
    private var pathKeys: [String?] = []
    private var awaitingKey = false
    private var capturingKey = false
    private var keyBuffer: [UInt8] = []
    private var pendingKey: String?
    private var atValueStart = false
    private var candidateArray: [String]?
    private var envelopeClosers: [UInt8] = []
    private var inEnvelope = false

    init(file: String, limits: ReaderLimits, recordsPath: JSONRecordsPath? = nil) {
        self.file = file
        self.limits = limits
        self.requestedPath = recordsPath
        self.recordsPath = recordsPath
    }

    /// Where the current object's text starts in the array `scan` appends it to; the bytes before are the
    /// caller's (`JSONRecordReader.nextChunk` scans objects straight into the chunk that carries them, one after
    /// another, instead of copying each object's text out again). Set before an object begins; 0 by default.
    var objectStart = 0

    /// Drops what `object` holds of the current object (an envelope's bytes, a restarted object), keeping the
    /// caller's bytes before `objectStart`.
    private func restart(_ object: inout [UInt8]) {
        object.removeSubrange(min(objectStart, object.count)..<object.count)
    }

    /// The path every top-level object must hold: the requested one, or the one the first envelope showed.
    private var requiredPath: [String]? { recordsPath?.components }

    /// Scans `input` until one object is complete (its text then fills `object` from `objectStart`) or the slice
    /// is used up.
    mutating func scan(_ input: UnsafeBufferPointer<UInt8>, into object: inout [UInt8]) throws -> Step {
        guard let bytes = input.baseAddress else { return .needsInput }
        let count = input.count
        var index = 0
        defer {
            if index > 0 { previousWasCR = bytes[index - 1] == UInt8(ascii: "\r") }
            offset += index
        }
        while index < count {
            if state == .inObject {
                let start = index
                var complete = false
                // Up to here bytes are taken one step at a time (a backslash or a line break ahead), then whole
                // blocks again.
                var stepwiseUntil = index
                while index < count {
                    if index >= stepwiseUntil && !escaped && count - index >= 64 {
                        switch try scanBlock(bytes, at: index) {
                        case .advanced:
                            index += 64
                            continue
                        case .complete(let end):
                            index = end
                            complete = true
                        case .stopped(let at):
                            index = at
                            stepwiseUntil = at + 1
                        }
                        if complete { break }
                        continue
                    }
                    // Inside a string only a quote, a backslash or a line break matters: on to the next one.
                    if inString && !escaped {
                        index = Self.nextStringStop(bytes, from: index, count: count)
                        if index == count { break }
                    }
                    index += 1
                    if case .closing(let matches) = try structure(of: bytes[index - 1], at: index - 1, in: bytes) {
                        if !matches { objectEndedAtMismatch = true }
                        closers.removeLast()
                        if closers.isEmpty || objectEndedAtMismatch { complete = true }
                    }
                    if complete { break }
                }
                object.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: index - start))
                if object.count - objectStart > limits.maxRecordBytes {
                    throw ContactStatError(
                        .dataFormat, "JSON object is larger than the limit of \(limits.maxRecordBytes) bytes",
                        at: "\(file):\(objectLine):\(objectColumn)")
                }
                if complete {
                    state = inEnvelope ? .envelopeAfterElement : isArray ? .arrayAfterElement : .betweenLines
                    return .object(consumed: index)
                }
                continue
            }
            if state == .probing {
                if let consumed = try probe(bytes, count: count, index: &index, into: &object) {
                    return .object(consumed: consumed)
                }
                continue
            }
            if state == .envelopeRest {
                try skipRest(bytes, count: count, index: &index)
                continue
            }

            let byte = bytes[index]
            if InputFormat.isWhitespace(byte) {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { countLineBreak(byte, at: index, in: bytes) }
                index += 1
                continue
            }
            switch state {
            case .start:
                if byte == UInt8(ascii: "[") {
                    if let requestedPath {
                        throw ContactStatError(
                            .usage, "\(setting: .records) \(requestedPath): the input is a JSON array, not an object holding one",
                            at: "\(file):\(line):\(column(at: index))")
                    }
                    isArray = true
                    arrayLine = line
                    arrayColumn = column(at: index)
                    state = .arrayFirst
                    index += 1
                } else if byte == UInt8(ascii: "{") {
                    beginTopLevelObject(at: index, into: &object)
                } else {
                    throw error("expected a JSON array or object", at: index)
                }
            case .arrayFirst, .arrayNext:
                if byte == UInt8(ascii: "{") {
                    beginObject(at: index, into: &object)
                } else if byte == UInt8(ascii: "]") && state == .arrayFirst {
                    state = .afterArray
                    index += 1
                } else if byte == UInt8(ascii: "]") {
                    throw error("expected an object after ',' in the JSON array", at: index)
                } else {
                    throw error("element \(elementCount + 1) of the JSON array is not an object", at: index)
                }
            case .arrayAfterElement:
                if byte == UInt8(ascii: ",") {
                    state = .arrayNext
                    index += 1
                } else if byte == UInt8(ascii: "]") {
                    state = .afterArray
                    index += 1
                } else {
                    throw error("expected ',' or ']' after element \(elementCount) of the JSON array", at: index)
                }
            case .afterArray:
                throw error("unexpected text after the end of the JSON array", at: index)
            case .betweenLines:
                if byte == UInt8(ascii: "{") {
                    beginTopLevelObject(at: index, into: &object)
                } else {
                    throw error("expected a JSON object (JSON Lines holds one object per line)", at: index)
                }
            case .envelopeAfterElement:
                if byte == UInt8(ascii: ",") {
                    state = .envelopeNext
                    index += 1
                } else if byte == UInt8(ascii: "]") {
                    endRecordsArray()
                    index += 1
                } else {
                    throw error("expected ',' or ']' after record \(elementCount) of the '\(recordsName)' array", at: index)
                }
            case .envelopeNext:
                if byte == UInt8(ascii: "{") {
                    beginObject(at: index, into: &object)
                } else {
                    throw error("element \(elementCount + 1) of the '\(recordsName)' array is not an object", at: index)
                }
            case .inObject, .probing, .envelopeRest:
                break
            }
        }
        return .needsInput
    }

    /// Checks that the input may end here.
    ///
    /// - Throws: `.dataFormat` "JSON object opened on line N is never closed" or "JSON array opened on line
    ///   N is never closed", located where it opened.
    func finish() throws {
        switch state {
        case .inObject where !inEnvelope:
            throw ContactStatError(.dataFormat, "JSON object opened on line \(objectLine) is never closed",
                                   at: "\(file):\(objectLine):\(objectColumn)")
        case .probing, .inObject, .envelopeAfterElement, .envelopeNext, .envelopeRest:
            throw ContactStatError(.dataFormat, "JSON object opened on line \(topLine) is never closed",
                                   at: "\(file):\(topLine):\(topColumn)")
        case .arrayFirst, .arrayNext, .arrayAfterElement:
            throw ContactStatError(.dataFormat, "JSON array opened on line \(arrayLine) is never closed",
                                   at: "\(file):\(arrayLine):\(arrayColumn)")
        case .start:
            throw ContactStatError(.dataFormat, "is empty", at: file)
        case .afterArray, .betweenLines:
            return
        }
    }

    /// The name of the records array in messages.
    private var recordsName: String { recordsPath?.description ?? "records" }

    /// A top-level object (a document or a JSON Lines line): probed for an envelope unless the input is
    /// already known to be plain JSON Lines.
    private mutating func beginTopLevelObject(at index: Int, into object: inout [UInt8]) {
        topLine = line
        topColumn = column(at: index)
        guard probes else {
            beginObject(at: index, into: &object)
            return
        }
        restart(&object)
        objectLine = line
        objectColumn = topColumn
        objectEndedAtMismatch = false
        inString = false
        escaped = false
        closers.removeAll(keepingCapacity: true)
        pathKeys.removeAll(keepingCapacity: true)
        awaitingKey = false
        capturingKey = false
        pendingKey = nil
        atValueStart = false
        candidateArray = nil
        state = .probing
    }

    /// Scans a probed top-level object byte by byte, following member names to the records array. Returns
    /// the bytes consumed when the object ended as a plain record (its text is then in `object`); `nil` when
    /// the slice is used up or the records array was found (`state` then says where scanning goes on).
    private mutating func probe(_ bytes: UnsafePointer<UInt8>, count: Int, index: inout Int,
                                into object: inout [UInt8]) throws -> Int? {
        let keeps = requiredPath == nil
        let depthFollowed = requiredPath?.count ?? 2
        let start = index
        while index < count {
            let byte = bytes[index]
            index += 1
            if inString {
                if escaped {
                    escaped = false
                    if capturingKey { keyBuffer.append(byte) }
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if capturingKey {
                        capturingKey = false
                        pendingKey = String(decoding: keyBuffer, as: UTF8.self)
                    }
                } else {
                    if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { countLineBreak(byte, at: index - 1, in: bytes) }
                    if capturingKey { keyBuffer.append(byte) }
                }
                continue
            }
            if InputFormat.isWhitespace(byte) {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { countLineBreak(byte, at: index - 1, in: bytes) }
                continue
            }
            if let path = candidateArray {
                candidateArray = nil
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "]") {
                    // The records: drop what was kept of the envelope and read the array's elements.
                    restart(&object)
                    recordsPath = JSONRecordsPath(components: path)
                    envelopes += 1
                    inEnvelope = true
                    elementCount = 0
                    if byte == UInt8(ascii: "]") {
                        endRecordsArray()
                        return nil
                    }
                    envelopeClosers = closers
                    index -= 1
                    beginObject(at: index, into: &object)
                    return nil
                }
                if requiredPath != nil {
                    throw ContactStatError(.dataFormat, "the '\(recordsName)' array holds values, not record objects",
                                           at: "\(file):\(line):\(column(at: index - 1))")
                }
            }
            let valueKey = atValueStart ? pendingKey : nil
            atValueStart = false
            let parentPath = followedPath()
            if let valueKey, let parentPath, let required = requiredPath, parentPath + [valueKey] == required,
               byte != UInt8(ascii: "[") {
                throw ContactStatError(
                    requestedPath != nil ? .usage : .dataFormat,
                    "\(setting: .records) \(recordsName): the value there is not an array of records" as MessageText,
                    at: "\(file):\(line):\(column(at: index - 1))")
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                capturingKey = awaitingKey && closers.count <= depthFollowed && parentPath != nil
                if capturingKey { keyBuffer.removeAll(keepingCapacity: true) }
                if awaitingKey { pendingKey = nil }
                awaitingKey = false
            case UInt8(ascii: ":"):
                atValueStart = true
            case UInt8(ascii: ","):
                awaitingKey = closers.last == UInt8(ascii: "}")
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if closers.count >= limits.maxJSONDepth {
                    throw error("JSON nesting is deeper than \(limits.maxJSONDepth) levels", at: index - 1)
                }
                let isObject = byte == UInt8(ascii: "{")
                closers.append(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                pathKeys.append(closers.count == 1 ? "" : parentPath != nil ? valueKey : nil)
                awaitingKey = isObject
                if !isObject, let valueKey, let parentPath {
                    let path = parentPath + [valueKey]
                    if let required = requiredPath {
                        if path == required { candidateArray = path }
                    } else if JSONRecordsPath.isUsualPlace(path) {
                        candidateArray = path
                    }
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                let mismatched = closers.last != byte
                if mismatched && !keeps { throw error("mismatched bracket", at: index - 1) }
                // A record's mismatched bracket ends it; flattening it then names the error (as in `.inObject`).
                if mismatched { objectEndedAtMismatch = true }
                closers.removeLast()
                pathKeys.removeLast()
                awaitingKey = false
                if closers.isEmpty || mismatched {
                    if let required = requiredPath {
                        let shown = JSONRecordsPath(components: required)?.description ?? ""
                        throw ContactStatError(
                            requestedPath != nil ? .usage : .dataFormat,
                            requestedPath != nil
                                ? "\(setting: .records) \(shown): the object on line \(topLine) has no array at '\(shown)'"
                                : "the first object held its records in '\(shown)'; the object on line \(topLine) has no '\(shown)'" as MessageText,
                            at: "\(file):\(topLine):\(topColumn)")
                    }
                    // A plain record: the input is JSON Lines of records.
                    probes = false
                    state = .betweenLines
                    elementCount += 1
                    object.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: index - start))
                    if object.count - objectStart > limits.maxRecordBytes { throw tooLarge() }
                    return index
                }
            default:
                break
            }
        }
        if keeps {
            object.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: index - start))
            if object.count - objectStart > limits.maxRecordBytes { throw tooLarge() }
        }
        return nil
    }

    /// The member names leading to the innermost open object, when every container on the way is an object
    /// member (not an array element).
    private func followedPath() -> [String]? {
        var path: [String] = []
        for key in pathKeys.dropFirst() {
            guard let key else { return nil }
            path.append(key)
        }
        return path
    }

    /// After the records array's `]`: skip the rest of the envelope.
    private mutating func endRecordsArray() {
        closers = envelopeClosers.isEmpty ? closers : envelopeClosers
        envelopeClosers.removeAll()
        closers.removeLast()
        state = closers.isEmpty ? .betweenLines : .envelopeRest
        if closers.isEmpty { inEnvelope = false }
    }

    /// Skips the rest of an envelope after its records, tracking strings and brackets only.
    private mutating func skipRest(_ bytes: UnsafePointer<UInt8>, count: Int, index: inout Int) throws {
        while index < count {
            index += 1
            if case .closing(let matches) = try structure(of: bytes[index - 1], at: index - 1, in: bytes) {
                if !matches { throw error("mismatched bracket", at: index - 1) }
                closers.removeLast()
                if closers.isEmpty {
                    state = .betweenLines
                    inEnvelope = false
                    return
                }
            }
        }
    }

    /// What one byte does to the bracket structure outside strings.
    private enum ByteStructure {
        case other
        /// A `}` or `]`, and whether it closes the innermost open bracket (the caller pops it).
        case closing(matches: Bool)
    }

    /// What `scanBlock` did with the 64 bytes at `index`.
    private enum BlockStep {
        /// All 64 were taken.
        case advanced
        /// The object ended just before `end`.
        case complete(end: Int)
        /// A backslash or line break at `at` (the bytes before were taken): one step at a time there.
        case stopped(at: Int)
    }

    /// Takes the 64 bytes at `index` inside an object at once (`ByteBlock`), up to the first backslash or line
    /// break, which the steps of `structure(of:at:in:)` take (an escape, a line to count). Strings are where the
    /// parity of the quotes so far is odd (the prefix XOR of the quote mask, from `inString`); only a bracket
    /// outside strings goes to `structure(of:at:in:)`, in order, so nesting, the depth limit and a mismatched
    /// bracket are found as byte by byte. A block without brackets or stops only flips `inString` when it holds
    /// an odd number of quotes. The caller makes sure the byte before is no escaping backslash.
    @inline(__always)
    private mutating func scanBlock(_ bytes: UnsafePointer<UInt8>, at index: Int) throws -> BlockStep {
        let block = ByteBlock(bytes + index)
        let quotes = block.matches(UInt8(ascii: "\""))
        let stops = ByteBlock.either(block.matches(UInt8(ascii: "\\")),
                                     ByteBlock.either(block.matches(UInt8(ascii: "\n")), block.matches(UInt8(ascii: "\r"))))
        // `{` and `[` fold to `{`, `}` and `]` to `}`.
        let brackets = ByteBlock.either(block.matchesFolded(UInt8(ascii: "{")), block.matchesFolded(UInt8(ascii: "}")))
        let hasStops = ByteBlock.isAny(stops)
        if !hasStops && !ByteBlock.isAny(brackets) {
            var counts = SIMD16<UInt8>(repeating: 0)
            ByteBlock.count(quotes, into: &counts)
            if ByteBlock.sum(counts) & 1 != 0 { inString.toggle() }
            return .advanced
        }
        let limit = hasStops ? ByteBlock.mask(stops).trailingZeroBitCount : 64
        let taken: UInt64 = limit == 64 ? ~0 : (1 << UInt64(limit)) &- 1
        let inside = ByteBlock.prefixXor(ByteBlock.mask(quotes)) ^ (inString ? ~0 : 0)
        var structural = ByteBlock.mask(brackets) & ~inside & taken
        while structural != 0 {
            let position = index + structural.trailingZeroBitCount
            structural &= structural &- 1
            inString = false
            if case .closing(let matches) = try structure(of: bytes[position], at: position, in: bytes) {
                if !matches { objectEndedAtMismatch = true }
                closers.removeLast()
                if closers.isEmpty || objectEndedAtMismatch { return .complete(end: position + 1) }
            }
        }
        if limit == 64 {
            inString = inside >> 63 != 0
            return .advanced
        }
        if limit > 0 { inString = (inside >> UInt64(limit - 1)) & 1 != 0 }
        return .stopped(at: index + limit)
    }

    /// The offset of the first quote, backslash, LF or CR at or after `from` in `bytes[..<count]` (or `count`):
    /// the bytes `structure(of:at:in:)` acts on inside a string. Eight bytes at a time (`ByteWord`).
    @inline(__always)
    static func nextStringStop(_ bytes: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        let quotes = ByteWord.repeating(UInt8(ascii: "\"")), backslashes = ByteWord.repeating(UInt8(ascii: "\\"))
        let lfs = ByteWord.repeating(UInt8(ascii: "\n")), crs = ByteWord.repeating(UInt8(ascii: "\r"))
        var i = from
        while i &+ 8 <= count {
            let word = ByteWord.load(bytes, at: i)
            let marks = ByteWord.zeroBytes(word ^ quotes) | ByteWord.zeroBytes(word ^ backslashes)
                | ByteWord.zeroBytes(word ^ lfs) | ByteWord.zeroBytes(word ^ crs)
            if marks != 0 { return i &+ ByteWord.firstMarked(marks) }
            i &+= 8
        }
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") { return i }
            i &+= 1
        }
        return count
    }

    /// Follows strings, escapes, line breaks and opening brackets for the byte at `position`; a closing bracket
    /// is left to the caller, which decides what a mismatch means where it is.
    @inline(__always)
    private mutating func structure(of byte: UInt8, at position: Int, in bytes: UnsafePointer<UInt8>) throws -> ByteStructure {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                countLineBreak(byte, at: position, in: bytes)
            }
            return .other
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if closers.count >= limits.maxJSONDepth {
                throw error("JSON nesting is deeper than \(limits.maxJSONDepth) levels", at: position)
            }
            closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            return .closing(matches: closers.last == byte)
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            countLineBreak(byte, at: position, in: bytes)
        default:
            break
        }
        return .other
    }

    private func tooLarge() -> ContactStatError {
        ContactStatError(.dataFormat, "JSON object is larger than the limit of \(limits.maxRecordBytes) bytes",
                         at: "\(file):\(objectLine):\(objectColumn)")
    }

    private mutating func beginObject(at index: Int, into object: inout [UInt8]) {
        restart(&object)
        objectLine = line
        objectColumn = column(at: index)
        objectEndedAtMismatch = false
        inString = false
        escaped = false
        closers.removeAll(keepingCapacity: true)
        elementCount += 1
        state = .inObject
    }

    @inline(__always)
    private func column(at index: Int) -> Int {
        offset + index - lineStartOffset + 1
    }

    private func error(_ message: String, at index: Int) -> ContactStatError {
        ContactStatError(.dataFormat, message, at: "\(file):\(line):\(column(at: index))")
    }

    @inline(__always)
    private mutating func countLineBreak(_ byte: UInt8, at index: Int, in bytes: UnsafePointer<UInt8>) {
        let afterCR = index > 0 ? bytes[index - 1] == UInt8(ascii: "\r") : previousWasCR
        if byte == UInt8(ascii: "\r") || !afterCR { line += 1 }
        lineStartOffset = offset + index + 1
    }
}
