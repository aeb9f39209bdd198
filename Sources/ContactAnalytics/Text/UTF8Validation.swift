#if arch(x86_64)
import CByteMask
#endif

/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// `true` when `bytes` is well-formed UTF-8.
    ///
    /// On x86-64 the bytes are read sixteen at a time as a vector (SSE2, the x86-64 baseline), and each test
    /// becomes a bit mask (bit i for byte i; `pmovmskb`, `CByteMask`). Thirty-two ASCII bytes are one test.
    /// A block that holds only ASCII, continuation bytes (80...BF) and two-byte leads (C2...DF: the accented
    /// Latin letters of Finnish, Swedish and most European text) is valid exactly when every continuation
    /// follows a lead and every lead is followed by a continuation: the continuation mask equals the lead mask
    /// shifted by one, with the last lead of the block carried into the next. A block with any other byte (a
    /// three- or four-byte sequence, or a byte no UTF-8 holds) and the last bytes (fewer than sixteen) go to
    /// the byte-wise check (`sequences`), from the start of the sequence the block begins in. Elsewhere the
    /// byte-wise check does it all.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        #if arch(x86_64)
        let raw = UnsafeRawPointer(base)
        var index = 0
        // 1 when the byte before `index` is a two-byte lead whose continuation is `bytes[index]`.
        var carry: UInt32 = 0
        // As signed bytes, continuations 80...BF are -128...-65 and two-byte leads C2...DF are -62...-33.
        let belowMinus64 = SIMD16<Int8>(repeating: -64)
        let aboveMinus63 = SIMD16<Int8>(repeating: -63), belowMinus32 = SIMD16<Int8>(repeating: -32)
        while index &+ 16 <= count {
            if carry == 0 {
                while index &+ 32 <= count {
                    let first = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                    let second = raw.loadUnaligned(fromByteOffset: index &+ 16, as: SIMD16<UInt8>.self)
                    if contactstat_top_bits16(first | second) != 0 { break }
                    index &+= 32
                }
                if index &+ 16 > count { break }
            }
            let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            let high = contactstat_top_bits16(block)
            if high == 0 {
                if carry != 0 { return false }
                index &+= 16
                continue
            }
            let signed = unsafeBitCast(block, to: SIMD16<Int8>.self)
            let continuations = contactstat_top_bits16(unsafeBitCast(signed .< belowMinus64, to: SIMD16<UInt8>.self))
            let leads = contactstat_top_bits16(unsafeBitCast((signed .> aboveMinus63) .& (signed .< belowMinus32),
                                                             to: SIMD16<UInt8>.self))
            if high == continuations | leads && continuations == ((leads &<< 1) | carry) & 0xFFFF {
                carry = leads &>> 15
                index &+= 16
                continue
            }
            let next = sequences(base, from: index &- Int(carry), until: index &+ 16, count: count)
            if next < 0 { return false }
            index = next
            carry = 0
        }
        return sequences(base, from: index &- Int(carry), until: count, count: count) >= 0
        #else
        return sequences(base, from: 0, until: count, count: count) >= 0
        #endif
    }

    /// Checks whole sequences from `from` (where one starts) until the first sequence start at or after `until`,
    /// and returns that start; -1 when a sequence is malformed (or cut by `count`). ASCII runs are skipped eight
    /// bytes at a time.
    @inline(__always)
    private static func sequences(_ bytes: UnsafePointer<UInt8>, from: Int, until: Int, count: Int) -> Int {
        let raw = UnsafeRawPointer(bytes)
        var index = from
        while index < until {
            if index &+ 8 <= count {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    & 0x8080_8080_8080_8080
                if high == 0 {
                    index &+= 8
                    continue
                }
                // On to the first byte with its high bit set.
                index &+= high.trailingZeroBitCount &>> 3
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            // Two-byte sequences first (C2...DF and a continuation byte).
            if lead &- 0xC2 < 0x1E {
                guard index &+ 1 < count, bytes[index &+ 1] & 0xC0 == 0x80 else { return -1 }
                index &+= 2
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return -1
            }
            if index &+ length > count { return -1 }
            let second = bytes[index &+ 1]
            if second < lower || second > upper { return -1 }
            var next = index &+ 2
            while next < index &+ length {
                if bytes[next] & 0xC0 != 0x80 { return -1 }
                next &+= 1
            }
            index &+= length
        }
        return index
    }
}
