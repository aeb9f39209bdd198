/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// `true` when `bytes` is well-formed UTF-8.
    ///
    /// ASCII runs are skipped eight bytes at a time (text with a few accented letters is mostly ASCII).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                // On to the first byte with its high bit set.
                index += high.trailingZeroBitCount / 8
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // Two-byte sequences first (C2...DF and a continuation byte): the accented Latin letters that make up
            // most non-ASCII text in exports.
            if lead &- 0xC2 < 0x1E {
                guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            if index + length > count { return false }
            let second = bytes[index + 1]
            if second < lower || second > upper { return false }
            var next = index + 2
            while next < index + length {
                if bytes[next] & 0xC0 != 0x80 { return false }
                next += 1
            }
            index += length
        }
        return true
    }
}
