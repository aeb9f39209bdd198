/// One record as a reader produced it: every field's bytes (already unquoted / unescaped, UTF-8) stored in one
/// buffer, one separator byte between two fields, with the end offset of each field.
///
/// Readers reuse one `RawRecord` for every row, so reading allocates nothing per row once the buffers have
/// grown. A `String` is made only for a field that is used (`string(at:)`).
///
/// The separator byte (an ASCII byte: the CSV delimiter, else a comma) lets the CSV parser copy a record's
/// unquoted fields as they stand in the input, delimiters included, eight bytes at a time, and note only where
/// each field ends, instead of leaving each delimiter out. Field `i` is `bytes[(ends[i - 1] + 1)..<ends[i]]`.
public struct RawRecord: Sendable {
    /// The buffer of the fields: `storage[0..<byteCount]`; the rest is spare room kept between records, so a
    /// record of another length is handed over with one copy and no array call that changes the count.
    private var storage: [UInt8] = []
    /// The number of bytes of the fields and separators.
    public private(set) var byteCount = 0
    /// `fieldEnds[i]` is the end offset (exclusive) of field `i` in `bytes`; field `i` starts one byte (the
    /// separator) after field `i - 1` ends, field 0 at 0.
    public private(set) var fieldEnds: [Int] = []
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
    /// Where a quoted field was followed by text before its delimiter or line end (CSV: `"ab"c`), in input
    /// order; the text is kept in the field. Set by the CSV parser with each record it completes (empty for
    /// nearly every record); other readers leave it empty. `removeAll()` and `replaceFields` empty it.
    public var textAfterClosingQuote: [TextAfterClosingQuote] = []

    /// The separator other readers than CSV put between two fields.
    static let separator = UInt8(ascii: ",")

    public init() {}

    /// Builds a record from strings (tests, JSON objects).
    public init(fields: [String], line: Int = 0) {
        self.line = line
        for field in fields { append(field) }
    }

    /// The bytes of the fields with their separators (a copy: the record's own buffer has spare room).
    public var bytes: [UInt8] { Array(storage[0..<byteCount]) }

    /// The bytes of the fields alone (without the separators).
    public var fieldByteCount: Int { byteCount - max(0, fieldEnds.count - 1) }

    /// The number of fields.
    public var count: Int { fieldEnds.count }

    /// Empties the record, keeping the buffers' capacity.
    public mutating func removeAll() {
        byteCount = 0
        fieldEnds.removeAll(keepingCapacity: true)
        decodedAsWindows1252 = false
        holdsValidUTF8 = false
        if !textAfterClosingQuote.isEmpty { textAfterClosingQuote.removeAll() }
    }

    /// Makes the record's fields `source` split at `ends` (end offsets into `source`, as `fieldEnds`: one
    /// separator byte between two fields), as `removeAll()` and appending them would (`decodedAsWindows1252`,
    /// `holdsValidUTF8` and `textAfterClosingQuote` cleared), but with one copy into each buffer: the bytes go into the spare room of the
    /// byte buffer (grown only when too small) and only their count is noted; the field ends are overwritten
    /// in place when their count is the one wanted (a file's records nearly always have the same count), else
    /// replaced in one call. (Emptying and appending cost the CSV parser two generic buffer operations per
    /// buffer and record, some 450 instructions; replacing the bytes through `replaceSubrange`, their count
    /// differing on nearly every record, some 150.)
    mutating func replaceFields(bytes source: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        decodedAsWindows1252 = false
        holdsValidUTF8 = false
        if !textAfterClosingQuote.isEmpty { textAfterClosingQuote.removeAll() }
        let count = source.count
        if storage.count < count { storage = [UInt8](repeating: 0, count: max(count, 2 * storage.count)) }
        if let from = source.baseAddress {
            storage.withUnsafeMutableBufferPointer { to in
                to.baseAddress.map { $0.update(from: from, count: count) }
            }
        }
        byteCount = count
        guard fieldEnds.count == ends.count else {
            fieldEnds.replaceSubrange(0..<fieldEnds.count, with: ends)
            return
        }
        guard let from = ends.baseAddress else { return }
        fieldEnds.withUnsafeMutableBufferPointer { to in
            to.baseAddress.map { $0.update(from: from, count: ends.count) }
        }
    }

    /// Appends one field from a buffer (a separator first when the record has fields).
    mutating func append(field: UnsafeBufferPointer<UInt8>) {
        let start = fieldEnds.isEmpty ? byteCount : byteCount + 1
        let end = start + field.count
        if storage.count < end {
            storage.append(contentsOf: repeatElement(0, count: max(end - storage.count, storage.count)))
        }
        storage.withUnsafeMutableBufferPointer { to in
            guard let to = to.baseAddress else { return }
            if start > byteCount { to[byteCount] = Self.separator }
            if let from = field.baseAddress { (to + start).update(from: from, count: field.count) }
        }
        byteCount = end
        fieldEnds.append(end)
    }

    /// Appends one field.
    public mutating func append(_ field: String) {
        var field = field
        field.withUTF8 { append(field: $0) }
    }

    /// Appends one field from bytes.
    public mutating func append<C: Collection>(bytes field: C) where C.Element == UInt8 {
        if !field.isEmpty { holdsValidUTF8 = false }
        let bytes = Array(field)
        bytes.withUnsafeBufferPointer { append(field: $0) }
    }

    /// The byte range of field `index` in `bytes`.
    @inline(__always)
    public func range(of index: Int) -> Range<Int> {
        let start = index == 0 ? 0 : fieldEnds[index - 1] &+ 1
        return start..<fieldEnds[index]
    }


    /// Calls `body` with a view of the fields over this record's buffers (see `RawRecordFields`).
    @inline(__always)
    public func withFields<R>(_ body: (RawRecordFields) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[0..<byteCount])
            return try fieldEnds.withUnsafeBufferPointer { ends in try body(RawRecordFields(bytes: bytes, ends: ends, holdsValidUTF8: holdsValidUTF8)) }
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
