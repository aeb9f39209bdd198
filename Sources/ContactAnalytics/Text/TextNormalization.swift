import Foundation

/// Turning input bytes into text: UTF-8 validation, the Windows-1252 fallback, and Unicode NFC.
///
/// **Fast path.** Text whose code points are all below U+0300 (ASCII, Latin-1 and Latin Extended: all of
/// English, Finnish, Swedish, Spanish, German, French...) is already in NFC: that range holds no combining
/// marks and no characters that normalise to others. In UTF-8 such text has no byte of 0xCC or above, so one
/// byte scan decides; only other text goes through Foundation's (slow) normalisation.
public enum TextNormalization {
    /// A `String` from UTF-8 bytes, normalised to NFC. Invalid sequences are replaced (U+FFFD); readers
    /// transcode Windows-1252 input before this point.
    @inline(__always)
    public static func string(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return isSurelyNFC(bytes) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// `s` in NFC.
    public static func nfc(_ s: String) -> String {
        var s = s
        let fast = s.withUTF8 { isSurelyNFC($0) }
        return fast ? s : s.precomposedStringWithCanonicalMapping
    }

    /// `true` when every code point is below U+0300 (no UTF-8 byte of 0xCC or above).
    ///
    /// Eight bytes at a time: a byte is 0xCC or above when its high bit is set and its low seven bits are
    /// 0x4C or more, that is when adding 0x34 to them carries into bit 7 (never beyond: 0x7F + 0x34 < 0x100,
    /// so the bytes of a word do not disturb each other). Every text field of every row passes here.
    @inline(__always)
    public static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            index += 8
        }
        while index < count {
            if base[index] >= 0xCC { return false }
            index += 1
        }
        return true
    }
}
