/// Where `CSVRecordParser` builds the record it is reading: its bytes and its field ends, in raw memory that
/// grows and is never shrunk, so the parser's hot loop writes through two pointers with no array call (no
/// uniqueness check, no hand-over of arrays in and out of the parser) per record.
///
/// A parser keeps value semantics by copying on write: before each call that writes, it checks it holds the
/// only reference (`isKnownUniquelyReferenced`) and copies the staging otherwise (`copy(bytes:ends:)`), so a
/// copied parser never writes into another's staging. That is also why it can be `Sendable`: it is only ever
/// written through a parser that holds the only reference.
final class CSVRecordStaging: @unchecked Sendable {
    /// The record's bytes so far (fields and the separators between them).
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    /// The end offset of each field so far.
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var byteCapacity: Int
    private(set) var endCapacity: Int

    init(byteCapacity: Int = 256, endCapacity: Int = 32) {
        self.byteCapacity = max(byteCapacity, 16)
        self.endCapacity = max(endCapacity, 4)
        bytes = .allocate(capacity: self.byteCapacity)
        ends = .allocate(capacity: self.endCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    /// A staging of the same capacity holding the first `byteCount` bytes and `endCount` field ends of this one.
    func copy(bytes byteCount: Int, ends endCount: Int) -> CSVRecordStaging {
        let other = CSVRecordStaging(byteCapacity: byteCapacity, endCapacity: endCapacity)
        other.bytes.initialize(from: bytes, count: byteCount)
        other.ends.initialize(from: ends, count: endCount)
        return other
    }

    /// Makes room for `byteCount` bytes and `endCount` field ends, keeping the first `keptBytes` bytes and
    /// `keptEnds` ends (the record read so far). Grows at least twofold, so a record growing over many calls
    /// costs few copies.
    @inline(__always)
    func reserve(bytes byteCount: Int, ends endCount: Int, keeping keptBytes: Int, _ keptEnds: Int) {
        if byteCapacity < byteCount { growBytes(to: max(byteCount, 2 * byteCapacity), keeping: keptBytes) }
        if endCapacity < endCount { growEnds(to: max(endCount, 2 * endCapacity), keeping: keptEnds) }
    }

    private func growBytes(to capacity: Int, keeping kept: Int) {
        bytes = Self.moved(bytes, to: capacity, keeping: kept)
        byteCapacity = capacity
    }

    private func growEnds(to capacity: Int, keeping kept: Int) {
        ends = Self.moved(ends, to: capacity, keeping: kept)
        endCapacity = capacity
    }

    /// New storage of `capacity` elements holding the first `kept` of `old`, which is freed.
    private static func moved<Element>(_ old: UnsafeMutablePointer<Element>, to capacity: Int,
                                       keeping kept: Int) -> UnsafeMutablePointer<Element> {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.initialize(from: old, count: kept)
        old.deallocate()
        return grown
    }
}
