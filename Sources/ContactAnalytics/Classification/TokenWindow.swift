#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Sixty-four bytes of text as two bit masks, bit `k` for byte `k`: the ASCII letters and digits (the bytes ASCII
/// tokens are made of) and the bytes that are not ASCII. `TermMatches` finds the starts and ends of the ASCII tokens
/// of a window from the first mask (a start is a token byte after a byte that is not one, an end a byte that is
/// not one after one that is) and stops at the first byte of the second, so the cost of finding tokens is a few
/// instructions per byte of text rather than a few dozen per token.
///
/// On x86-64 the masks are four 16-byte SSE2 compares each (SSE2 is part of every x86-64 processor); elsewhere
/// eight words of `WordTokenizer.asciiAlphanumerics` gathered to a bit per byte (`masksByWord`, which a test
/// compares with this on every byte value).
struct TokenWindow {
    /// The bytes in a window.
    static let width = 64

    /// Bit `k`: byte `k` is an ASCII letter or digit.
    let tokenBytes: UInt64
    /// Bit `k`: byte `k` has its top bit set (part of a non-ASCII scalar, or an invalid byte).
    let nonASCII: UInt64

    /// The masks of the `width` bytes from `base + offset` (all readable).
    @inline(__always)
    init(_ base: UnsafePointer<UInt8>, at offset: Int) {
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        let raw = UnsafeRawPointer(base + offset)
        // Letters: (b | 0x20) + 0x1F is -128...-103 as a signed byte exactly for a...z (A...Z); digits: b + 0x50 is
        // -128...-119 exactly for 0...9. No byte with its top bit set lands in either range.
        let lowerCase = _mm_set1_epi8(0x20), letterShift = _mm_set1_epi8(0x1F), letterBound = _mm_set1_epi8(-102)
        let digitShift = _mm_set1_epi8(0x50), digitBound = _mm_set1_epi8(-118)
        var tokens: UInt64 = 0, high: UInt64 = 0
        for k in 0..<4 {
            let v = raw.loadUnaligned(fromByteOffset: 16 &* k, as: __m128i.self)
            let letter = _mm_cmpgt_epi8(letterBound, _mm_add_epi8(_mm_or_si128(v, lowerCase), letterShift))
            let digit = _mm_cmpgt_epi8(digitBound, _mm_add_epi8(v, digitShift))
            let t = UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(_mm_or_si128(letter, digit))))
            let h = UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(v)))
            tokens |= t &<< UInt64(16 &* k)
            high |= h &<< UInt64(16 &* k)
        }
        (tokenBytes, nonASCII) = (tokens, high)
        #else
        (tokenBytes, nonASCII) = Self.masksByWord(base, at: offset)
        #endif
    }

    /// The bytes of the Latin-1 letters `C3 c` among the window's non-ASCII bytes `nonASCII` whose second byte `c`
    /// is in `tails` (bit `c & 0x3F` of a `ScalarTable.latin1PairTails`; 0 takes none), both bytes of each, taken
    /// from the window's first non-ASCII byte up to the first that starts no such letter (which stays the first
    /// non-ASCII byte left). Added to `tokenBytes` (and taken from `nonASCII`) they make Finnish and Swedish words
    /// (`päivää`, `hälsningar`) tokens of the window like ASCII ones, instead of stopping it. One scalar step per
    /// letter; a window without non-ASCII bytes costs nothing. Reads the byte after the window when its last byte
    /// is a lead byte (`TermMatches.windowReach` bytes are readable).
    @inline(__always)
    static func latin1Pairs(_ base: UnsafePointer<UInt8>, at offset: Int, nonASCII: UInt64, tails: UInt64) -> UInt64 {
        var rest = nonASCII, pairs: UInt64 = 0
        while rest != 0 {
            let k = rest.trailingZeroBitCount
            let second = base[offset &+ k &+ 1]
            guard base[offset &+ k] == 0xC3, second & 0xC0 == 0x80,
                  (tails &>> UInt64(second & 0x3F)) & 1 != 0 else { break }
            // Bits k and k + 1 (only bit 63 when the second byte is past the window).
            let both: UInt64 = 3 &<< UInt64(k)
            pairs |= both
            rest &= ~both
        }
        return pairs
    }

    /// The two masks computed eight bytes at a time with no vector instructions (other processors, and the
    /// reference the vector version is tested against).
    @inline(__always)
    static func masksByWord(_ base: UnsafePointer<UInt8>, at offset: Int) -> (tokenBytes: UInt64, nonASCII: UInt64) {
        var tokens: UInt64 = 0, high: UInt64 = 0
        for k in 0..<8 {
            let v = ByteWord.load(base, at: offset &+ 8 &* k)
            let letters = WordTokenizer.asciiAlphanumerics(v) & ~v & ByteWord.highBits
            tokens |= gathered(letters) &<< UInt64(8 &* k)
            high |= gathered(v & ByteWord.highBits) &<< UInt64(8 &* k)
        }
        return (tokens, high)
    }

    /// The top bits of the eight bytes of `marks` (no other bit set) as the low eight bits, byte 0's lowest: each
    /// byte's bit is multiplied into a place of its own in the top byte (no two products share a bit, so nothing
    /// carries).
    @inline(__always)
    static func gathered(_ marks: UInt64) -> UInt64 {
        ((marks &>> 7) &* 0x0102_0408_1020_4080) &>> 56
    }
}
