/// A `String` value's own bits, as two words: the one place that reads them (`ContactRecord.isSameStorage`,
/// `NameInterner`'s recent names, the classification memo's keys by storage).
///
/// Equal words are the same string: a short string's words hold its bytes, a long one's point to its storage,
/// so equal words mean equal bytes for as long as that storage is kept alive (callers that remember words keep
/// the strings too). Equal strings in two allocations have other words.
enum StringStorageWords {
    /// Whether a `String` is two words here (64-bit platforms); elsewhere `of(_:)` gives `nil` and callers take
    /// their general path.
    @inline(__always)
    static var areAvailable: Bool { MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size }

    /// Whether an optional `String` is two words too and `nil` is two zero words (`ContactRecord.replaceInPlace`);
    /// folds to a constant when compiled.
    @inline(__always)
    static var nilIsZero: Bool {
        guard areAvailable, MemoryLayout<String?>.size == MemoryLayout<(UInt64, UInt64)>.size else { return false }
        let none: String? = nil
        let words = unsafeBitCast(none, to: (UInt64, UInt64).self)
        return words.0 == 0 && words.1 == 0
    }

    /// The two words of `string`, or `nil` where a `String` is not two words.
    @inline(__always)
    static func of(_ string: String) -> (UInt64, UInt64)? {
        guard areAvailable else { return nil }
        return unsafeBitCast(string, to: (UInt64, UInt64).self)
    }
}
