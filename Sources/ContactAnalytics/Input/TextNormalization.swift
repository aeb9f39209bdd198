import Foundation

/// Turning input bytes into text: UTF-8 validation, the Windows-1252 fallback, and Unicode NFC.
///
/// ASCII (the common case) takes a fast path: it is valid UTF-8 and already in NFC.
public enum TextNormalization {
    /// A `String` from UTF-8 bytes, normalised to NFC. Invalid sequences are replaced (U+FFFD); readers
    /// transcode Windows-1252 input before this point.
    @inline(__always)
    public static func string(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return ascii ? text : text.precomposedStringWithCanonicalMapping
    }

    /// `s` in NFC.
    public static func nfc(_ s: String) -> String {
        s.utf8.allSatisfy({ $0 < 0x80 }) ? s : s.precomposedStringWithCanonicalMapping
    }
}
