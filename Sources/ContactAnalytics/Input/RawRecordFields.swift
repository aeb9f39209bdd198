/// A read-only view of a `RawRecord`'s fields over its buffers (`RawRecord.withFields`), valid only inside
/// that call.
///
/// The mapper reads a dozen fields of every record; through the view each read is pointer arithmetic, where
/// reading through the record's arrays field by field would retain and release them every time.
public struct RawRecordFields {
    /// The bytes of all fields, one separator byte between two fields.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The end offset (exclusive) of each field in `bytes` (each field starts one byte after the one before ends).
    public let ends: UnsafeBufferPointer<Int>
    /// Whether every field is known to be valid UTF-8 (`RawRecord.holdsValidUTF8`): strings are then made
    /// without checking the bytes again.
    public let holdsValidUTF8: Bool

    /// A view of `bytes` split at `ends`; `holdsValidUTF8` only when a reader checked every field.
    public init(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, holdsValidUTF8: Bool = false) {
        self.bytes = bytes
        self.ends = ends
        self.holdsValidUTF8 = holdsValidUTF8
    }

    /// The number of fields.
    @inline(__always)
    public var count: Int { ends.count }

    /// The bytes of field `index` (empty when the record has no such field).
    @inline(__always)
    public func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1] &+ 1
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Calls `body` with the bytes of field `index`.
    @inline(__always)
    public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(bytes(at: index))
    }

    /// `true` when field `index` is missing or has no bytes.
    @inline(__always)
    public func isEmpty(at index: Int) -> Bool {
        bytes(at: index).isEmpty
    }

    /// Field `index` as a `String` in Unicode NFC, or `""` when the record has no such field.
    public func string(at index: Int) -> String {
        let field = bytes(at: index)
        return field.isEmpty ? "" : TextNormalization.string(fromUTF8: field, isKnownValid: holdsValidUTF8)
    }

    /// Field `index` without leading and trailing white space (spaces, tabs, CR, LF), in NFC; `nil` when
    /// that leaves nothing. Trims on bytes before any `String` is made.
    public func trimmedString(at index: Int) -> String? {
        let value = ByteCursor.trimmingSpace(bytes(at: index))
        return value.isEmpty ? nil : TextNormalization.string(fromUTF8: value, isKnownValid: holdsValidUTF8)
    }
}
