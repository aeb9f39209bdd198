/// A `String` of 1 to 15 ASCII bytes made from the bytes' two words, as the standard library holds it (a small
/// string: the bytes in the value itself, no storage), without its creation path.
///
/// Contact and customer ids, agents, queues and languages are mostly such values, and each row made them
/// through `String(copying:)` (`_uncheckedFromUTF8`, about 150 instructions each) or looked them up in the
/// mapper's memo of strings (a hash, a probe, a retain and a release: about 230). Here it is the words of the
/// bytes (little-endian, zero-padded) and the discriminator `0xE0 | count` in the top byte (small, ASCII), as
/// `IdentityHash.small(_:)` reads them: the same bits the standard library gives for those bytes, so the same
/// string (`==`, hashing and `ContactRecord.isSameStorage` all agree with a string made the usual way). Where
/// small strings are laid out otherwise (`IdentityHash.smallStringsAreReadable`, a constant when compiled) it
/// gives `nil` and callers make the string the usual way; the tests compare every length with
/// `String(decoding:as:)` bit for bit.
enum SmallASCIIString {
    /// The most bytes a small string holds.
    static let maxCount = 15

    /// The string of `bytes` when they are 1 to 15 ASCII bytes (and small strings are laid out as read
    /// here), else `nil`.
    @inline(__always)
    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        words(bytes).map { unsafeBitCast($0, to: String.self) }
    }

    /// The string of the `count` (1...15) bytes held in `head` and `next` (little-endian, zero beyond `count`),
    /// when they are ASCII; else `nil`.
    @inline(__always)
    static func make(head: UInt64, next: UInt64, count n: Int) -> String? {
        guard let words = words(head: head, next: next, count: n) else { return nil }
        return unsafeBitCast(words, to: String.self)
    }

    /// The two words of `make(_:)`'s string (`StringStorageWords`), without making a `String` (so without the
    /// runtime's retain of one): for `ContactRecord.keep(smallWords:in:)`.
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let n = bytes.count
        guard n > 0, n <= maxCount, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        // The first eight bytes (or the `n` there are), then the rest, zero-padded (`IdentityHash.tail`).
        if n < 8 { return words(head: IdentityHash.tail(raw, from: 0, count: n), next: 0, count: n) }
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        return words(head: head, next: n == 8 ? 0 : IdentityHash.tail(raw, from: 8, count: n), count: n)
    }

    /// The two words of the string of `make(head:next:count:)`, or `nil` when it gives none.
    @inline(__always)
    static func words(head: UInt64, next: UInt64, count n: Int) -> (UInt64, UInt64)? {
        guard (head | next) & 0x8080_8080_8080_8080 == 0, n > 0, n <= maxCount,
              IdentityHash.smallStringsAreReadable else { return nil }
        return (head, next | (0xE0 | UInt64(truncatingIfNeeded: n)) &<< 56)
    }
}
