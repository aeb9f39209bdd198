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
    @inline(__always)
    public static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0xCC { return false }
        return true
    }
}
