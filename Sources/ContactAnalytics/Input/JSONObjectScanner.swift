/// Finds where each top-level object of a JSON array or JSON Lines input begins and ends, over input split
/// anywhere, and copies the object's text out: the JSON reader holds one record's text at a time, never the
/// whole input.
///
/// The scanner checks the structure between objects (`[`, `,`, `]`, whitespace) and tracks strings and
/// bracket nesting inside an object; the object's own grammar is checked when it is flattened.
struct JSONObjectScanner: Sendable {
    enum Step: Sendable, Equatable {
        /// An object's text is complete in the output buffer; `consumed` bytes of the slice were used.
        case object(consumed: Int)
        /// The slice is used up.
        case needsInput
    }

    private enum State: Sendable {
        case start, arrayFirst, arrayNext, arrayAfterElement, afterArray, betweenLines, inObject
    }

    let file: String
    let limits: ReaderLimits

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

    init(file: String, limits: ReaderLimits) {
        self.file = file
        self.limits = limits
    }

    /// Scans `input` until one object is complete (its text then fills `object`) or the slice is used up.
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
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == UInt8(ascii: "\\") {
                            escaped = true
                        } else if byte == UInt8(ascii: "\"") {
                            inString = false
                        } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                            countLineBreak(byte, at: index - 1, in: bytes)
                        }
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "\""):
                        inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        if closers.count >= limits.maxJSONDepth {
                            throw error("JSON nesting is deeper than \(limits.maxJSONDepth) levels", at: index - 1)
                        }
                        closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        if closers.last != byte { objectEndedAtMismatch = true }
                        closers.removeLast()
                        if closers.isEmpty || objectEndedAtMismatch { complete = true }
                    case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                        countLineBreak(byte, at: index - 1, in: bytes)
                    default:
                        break
                    }
                    if complete { break }
                }
                object.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: index - start))
                if object.count > limits.maxRecordBytes {
                    throw ContactStatError(
                        .dataFormat, "JSON object is larger than the limit of \(limits.maxRecordBytes) bytes",
                        at: "\(file):\(objectLine):\(objectColumn)")
                }
                if complete {
                    state = isArray ? .arrayAfterElement : .betweenLines
                    return .object(consumed: index)
                }
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
                    isArray = true
                    arrayLine = line
                    arrayColumn = column(at: index)
                    state = .arrayFirst
                    index += 1
                } else if byte == UInt8(ascii: "{") {
                    beginObject(at: index, into: &object)
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
                    beginObject(at: index, into: &object)
                } else {
                    throw error("expected a JSON object (JSON Lines holds one object per line)", at: index)
                }
            case .inObject:
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
        case .inObject:
            throw ContactStatError(.dataFormat, "JSON object opened on line \(objectLine) is never closed",
                                   at: "\(file):\(objectLine):\(objectColumn)")
        case .arrayFirst, .arrayNext, .arrayAfterElement:
            throw ContactStatError(.dataFormat, "JSON array opened on line \(arrayLine) is never closed",
                                   at: "\(file):\(arrayLine):\(arrayColumn)")
        case .start:
            throw ContactStatError(.dataFormat, "is empty", at: file)
        case .afterArray, .betweenLines:
            return
        }
    }

    private mutating func beginObject(at index: Int, into object: inout [UInt8]) {
        object.removeAll(keepingCapacity: true)
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
