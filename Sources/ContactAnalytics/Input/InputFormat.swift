import Foundation

/// The shape of an input, recognised from its content.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Delimited text (RFC 4180 CSV with `,` `;` tab or `|`).
    case csv
    /// One JSON array of objects.
    case jsonArray
    /// JSON Lines: one object per line.
    case jsonLines

    /// How many bytes at the start of an input are checked for NUL bytes (binary files are refused).
    public static let binaryProbeBytes = 64 * 1024

    /// The format of text starting with `prefix`: after an optional UTF-8 byte-order mark and whitespace,
    /// `[` means a JSON array, `{` JSON Lines, anything else CSV. `nil` when `prefix` holds nothing but a
    /// byte-order mark and whitespace.
    public static func detect<C: Collection>(prefix: C) -> InputFormat? where C.Element == UInt8 {
        var bytes = prefix[...]
        if bytes.starts(with: InputFormat.byteOrderMark) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { !InputFormat.isWhitespace($0) }) else { return nil }
        switch first {
        case UInt8(ascii: "["): return .jsonArray
        case UInt8(ascii: "{"): return .jsonLines
        default: return .csv
        }
    }

    /// Checks that `source` looks like a text export and returns its format, without consuming anything.
    ///
    /// - Throws: `ContactStatError(.dataFormat, ..., at: name)`:
    ///   "looks like a binary file (it contains NUL bytes)" when a NUL byte occurs in the first
    ///   `binaryProbeBytes` bytes; "is UTF-16 encoded; save it as UTF-8" for a UTF-16 byte-order mark;
    ///   "is empty" when the input holds nothing but an optional byte-order mark and whitespace.
    public static func probe(_ source: inout ByteChunkSource) throws -> InputFormat {
        let head = try source.peek(binaryProbeBytes)
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw ContactStatError(.dataFormat, "is UTF-16 encoded; save it as UTF-8", at: source.name)
        }
        // memchr: the look-ahead of each of many small files is checked whole.
        let hasNUL = head.withUnsafeBufferPointer { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
        if hasNUL {
            throw ContactStatError(.dataFormat, "looks like a binary file (it contains NUL bytes)", at: source.name)
        }
        var size = binaryProbeBytes
        var window = head
        // Only whitespace so far: look further (growing the look-ahead, at most 64 MiB) until something else
        // or the end shows up.
        while true {
            if let format = detect(prefix: window) { return format }
            if window.count < size { break }
            if size >= 64 * 1024 * 1024 { return .csv }
            size *= 4
            window = try source.peek(size)
        }
        throw ContactStatError(.dataFormat, "is empty", at: source.name)
    }

    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Space, tab, LF, VT, FF, CR.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
