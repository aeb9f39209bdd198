import Foundation

/// Turning input bytes into text: UTF-8 validation, the Windows-1252 fallback, and Unicode NFC.
///
/// **Fast path.** Text whose code points are all below U+0300 (ASCII, Latin-1 and Latin Extended: all of
/// English, Finnish, Swedish, Spanish, German, French...) is already in NFC: that range holds no combining
/// marks and no characters that normalise to others. In UTF-8 such text has no byte of 0xCC or above, so one
/// byte scan decides; only other text goes through Foundation's (slow) normalisation.
///
/// **No second check.** `String(decoding:as:)` validates every byte again and repairs what is invalid. The
/// same scan that decides NFC also says whether the bytes are ASCII: ASCII is valid UTF-8 as it stands, and
/// other text below U+0300 is valid when its reader says so (the CSV parser checks every non-ASCII field:
/// `RawRecord.holdsValidUTF8`, and so does the JSON flattener), else it is checked with `UTF8Validation`; valid
/// bytes are then copied into the `String` unchecked. Invalid bytes still go through `String(decoding:as:)`,
/// which replaces them with U+FFFD exactly as before.
public enum TextNormalization {
    /// What one scan of a field's bytes found (`form(of:)`).
    enum Form: Equatable {
        /// Every byte below 0x80.
        case ascii
        /// Some byte of 0x80 or above, none of 0xCC or above: in NFC if valid UTF-8.
        case belowCombiningMarks
        /// Some byte of 0xCC or above: may need normalising.
        case other
    }

    /// A `String` from UTF-8 bytes, normalised to NFC. Invalid sequences are replaced (U+FFFD); readers
    /// transcode Windows-1252 input before this point.
    @inline(__always)
    public static func string(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        string(fromUTF8: bytes, isKnownValid: false)
    }

    /// `string(fromUTF8:)`, where `isKnownValid` says the bytes are known to be valid UTF-8 (a reader checked
    /// them: `RawRecord.holdsValidUTF8`), so they are not checked again.
    @inline(__always)
    public static func string(fromUTF8 bytes: UnsafeBufferPointer<UInt8>, isKnownValid: Bool) -> String {
        // Up to 15 ASCII bytes (ids): their words say they are ASCII, no scan needed.
        if bytes.count <= SmallASCIIString.maxCount, let small = SmallASCIIString.make(bytes) { return small }
        switch form(of: bytes) {
        case .ascii:
            return string(validUTF8: bytes, isASCII: true)
        case .belowCombiningMarks:
            return isKnownValid || UTF8Validation.isValid(bytes)
                ? string(validUTF8: bytes, isASCII: false) : String(decoding: bytes, as: UTF8.self)
        case .other:
            return String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
        }
    }

    /// `s` in NFC.
    public static func nfc(_ s: String) -> String {
        var s = s
        let fast = s.withUTF8 { isSurelyNFC($0) }
        return fast ? s : s.precomposedStringWithCanonicalMapping
    }

    /// A `String` holding a copy of `bytes`, which must be valid UTF-8 (and ASCII when `isASCII`): the standard
    /// library does not check them again. Up to 15 ASCII bytes (ids, agents, queues, languages) are made from
    /// their words (`SmallASCIIString`): the same string, without the standard library's creation path.
    @inline(__always)
    static func string(validUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        if isASCII, bytes.count <= SmallASCIIString.maxCount, let small = SmallASCIIString.make(bytes) { return small }
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `bytes` are ASCII, else free of bytes of 0xCC or above (see `isSurelyNFC(_:)`), in one pass.
    @inline(__always)
    static func form(of bytes: UnsafeBufferPointer<UInt8>) -> Form {
        guard let base = bytes.baseAddress else { return .ascii }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        var high: UInt64 = 0
        // Sixteen bytes at a time while sixteen remain (one unsigned vector compare: SSE2, NEON), then words.
        if count >= 16 {
            let combining = SIMD16<UInt8>(repeating: 0xCC)
            var highLanes = SIMD16<UInt8>()
            while index + 16 <= count {
                let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                let found = unsafeBitCast(block .>= combining, to: SIMD2<UInt64>.self)
                if found[0] | found[1] != 0 { return .other }
                highLanes |= block
                index += 16
            }
            let lanes = unsafeBitCast(highLanes, to: SIMD2<UInt64>.self)
            high = (lanes[0] | lanes[1]) & 0x8080_8080_8080_8080
        }
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080 != 0 {
                return .other
            }
            high |= word
            index += 8
        }
        if index < count && count >= 8 {
            // The last eight bytes, overlapping the words already read: no byte-by-byte tail.
            let word = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            if ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080 != 0 {
                return .other
            }
            high |= word
            index = count
        }
        var tail: UInt8 = 0
        while index < count {
            let byte = base[index]
            if byte >= 0xCC { return .other }
            tail |= byte
            index += 1
        }
        return (high & 0x8080_8080_8080_8080) == 0 && tail < 0x80 ? .ascii : .belowCombiningMarks
    }

    /// `true` when every code point is below U+0300 (no UTF-8 byte of 0xCC or above).
    ///
    /// Eight bytes at a time: a byte is 0xCC or above when its high bit is set and its low seven bits are
    /// 0x4C or more, that is when adding 0x34 to them carries into bit 7 (never beyond: 0x7F + 0x34 < 0x100,
    /// so the bytes of a word do not disturb each other). Every text field of every row passes here.
    @inline(__always)
    public static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        form(of: bytes) != .other
    }
}
