/// The values exports write where a field has nothing in it: `N/A`, `none`, `null`, `-`, `?`.
///
/// One list for every field that asks (a customer id that is a placeholder is no customer; a subject and body
/// that are placeholders are no text to classify). A value is a placeholder when, trimmed, it has no letter or
/// digit at all (`?`, `-`, `--`; the ServiceNow incident event log writes `?`), or it is one of `words`,
/// matched whole and ignoring ASCII case. `NA` counts, so a two-letter value `na` is never a value here; no
/// language's word for "nothing" is listed (Finnish `ei`, Swedish `ingen` are answers, not placeholders).
public enum PlaceholderValue {
    /// The placeholder words, lowercase.
    public static let words: Set<String> = [
        "n/a", "n.a.", "na", "null", "nil", "none", "nan", "undefined", "unknown", "not applicable",
    ]

    /// `words` as bytes, made once, by their byte count (the index): a contact's id is compared only with the
    /// words of its own length (none, for most ids).
    private static let wordBytesByLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: (words.map(\.utf8.count).max() ?? 0) + 1)
        for word in words.sorted() { table[word.utf8.count].append(Array(word.utf8)) }
        return table
    }()

    /// Whether the (already trimmed) UTF-8 bytes are a placeholder. Runs for every contact, so no string is
    /// made for an ASCII value.
    public static func isPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most ids: a first byte that is a letter or digit (so the value is not without one) and starts no word
        // (every word starts with `n` or `u`).
        if let first = bytes.first, ByteCursor.isDigit(first) || ByteCursor.isLetter(first),
           first | 0x20 != UInt8(ascii: "n"), first | 0x20 != UInt8(ascii: "u") {
            return false
        }
        var alphanumeric = false
        for byte in bytes {
            if byte >= 0x80 {
                // Non-ASCII: ask the characters (`Ö` is a letter, `—` is not).
                alphanumeric = String(decoding: bytes, as: UTF8.self).contains { $0.isLetter || $0.isNumber }
                break
            }
            if ByteCursor.isDigit(byte) || ByteCursor.isLetter(byte) {
                alphanumeric = true
                break
            }
        }
        if !alphanumeric { return true }
        guard bytes.count < wordBytesByLength.count else { return false }
        for word in wordBytesByLength[bytes.count] {
            var index = 0
            while index < word.count {
                let byte = bytes[index]
                guard (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == word[index]
                else { break }
                index += 1
            }
            if index == word.count { return true }
        }
        return false
    }

    /// Whether a value holds nothing: `nil`, empty or blank, or a placeholder once trimmed.
    public static func isEmptyOrPlaceholder(_ value: String?) -> Bool {
        guard var value else { return true }
        return value.withUTF8 { bytes in
            let cursor = ByteCursor(trimming: bytes)
            guard !cursor.isAtEnd else { return true }
            return isPlaceholder(UnsafeBufferPointer(rebasing: bytes[cursor.index..<cursor.end]))
        }
    }
}
