/// One record as a reader produced it: every field's bytes (already unquoted / unescaped, UTF-8) stored
/// back to back in one buffer, with the end offset of each field.
///
/// Readers reuse one `RawRecord` for every row, so reading allocates nothing per row once the buffers have
/// grown. A `String` is made only for a field that is used (`string(at:)`).
public struct RawRecord: Sendable {
    /// The bytes of all fields, back to back.
    public var bytes: [UInt8] = []
    /// `fieldEnds[i]` is the end offset (exclusive) of field `i` in `bytes`; field `i` starts where field
    /// `i - 1` ends.
    public var fieldEnds: [Int] = []
    /// The 1-based physical line on which the record starts.
    public var line: Int = 0
    /// `true` when some field was not valid UTF-8 and was decoded as Windows-1252 (the bytes hold the UTF-8
    /// result).
    public var decodedAsWindows1252 = false
    /// `true` when every field is known to be valid UTF-8: the CSV parser checks every field that is not pure
    /// ASCII (decoding an invalid one as Windows-1252) and sets it, so the mapper's strings skip a second
    /// check (`TextNormalization.string(fromUTF8:isKnownValid:)`). `false` means "not known": the bytes are
    /// checked (and repaired) when read. Emptying the record or appending raw bytes clears it.
    public var holdsValidUTF8 = false

    public init() {}

    /// Builds a record from strings (tests, JSON objects).
    public init(fields: [String], line: Int = 0) {
        self.line = line
        for field in fields { append(field) }
    }

    /// The number of fields.
    public var count: Int { fieldEnds.count }

    /// Empties the record, keeping the buffers' capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        decodedAsWindows1252 = false
        holdsValidUTF8 = false
    }

    /// Makes the record's fields `source` split at `ends` (end offsets into `source`, as `fieldEnds`), as
    /// `removeAll()` and appending them would (`decodedAsWindows1252` and `holdsValidUTF8` cleared), but with one
    /// copy into each buffer: a buffer that already has the count wanted (the field ends of a file's records
    /// nearly always do) is overwritten in place, any other replaced in one call. (Emptying and appending cost
    /// the CSV parser two generic buffer operations per buffer and record, some 450 instructions.)
    mutating func replaceFields(bytes source: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        decodedAsWindows1252 = false
        holdsValidUTF8 = false
        Self.overwrite(&bytes, with: source)
        Self.overwrite(&fieldEnds, with: ends)
    }

    @inline(__always)
    private static func overwrite<Element: BitwiseCopyable>(_ array: inout [Element],
                                                            with source: UnsafeBufferPointer<Element>) {
        guard array.count == source.count else {
            array.replaceSubrange(0..<array.count, with: source)
            return
        }
        guard let from = source.baseAddress else { return }
        array.withUnsafeMutableBufferPointer { to in
            to.baseAddress.map { $0.update(from: from, count: source.count) }
        }
    }

    /// Appends one field.
    public mutating func append(_ field: String) {
        bytes.append(contentsOf: field.utf8)
        fieldEnds.append(bytes.count)
    }

    /// Appends one field from bytes.
    public mutating func append<C: Collection>(bytes field: C) where C.Element == UInt8 {
        if !field.isEmpty { holdsValidUTF8 = false }
        bytes.append(contentsOf: field)
        fieldEnds.append(bytes.count)
    }

    /// The byte range of field `index` in `bytes`.
    @inline(__always)
    public func range(of index: Int) -> Range<Int> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return start..<fieldEnds[index]
    }

    /// Calls `body` with a view of the fields over this record's buffers (see `RawRecordFields`).
    @inline(__always)
    public func withFields<R>(_ body: (RawRecordFields) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in try body(RawRecordFields(bytes: bytes, ends: ends, holdsValidUTF8: holdsValidUTF8)) }
        }
    }

    /// `true` when field `index` is missing or has no bytes.
    public func isEmpty(at index: Int) -> Bool {
        withFields { $0.isEmpty(at: index) }
    }

    /// Field `index` as a `String` in Unicode NFC, or `""` when the record has no such field.
    public func string(at index: Int) -> String {
        withFields { $0.string(at: index) }
    }

    /// Field `index` without leading and trailing white space (spaces, tabs, CR, LF), in NFC; `nil` when
    /// that leaves nothing. Trims on bytes before any `String` is made.
    public func trimmedString(at index: Int) -> String? {
        withFields { $0.trimmedString(at: index) }
    }

    /// Calls `body` with the bytes of field `index` (empty when the record has no such field).
    @inline(__always)
    public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withFields { try body($0.bytes(at: index)) }
    }

    /// All fields as strings.
    public var strings: [String] { (0..<count).map { string(at: $0) } }
}
