#if arch(x86_64)
import CByteMask
#endif

/// 64 bytes of input as four 16-byte vectors, for the readers' scans that find a few byte values in every
/// block at once (`CSVRecordEnds`, `JSONObjectScanner`): a compare is one vector instruction per 16 bytes
/// (SSE2, the x86-64 baseline; NEON on ARM), and its result becomes a bit mask (bit i for byte i) or a yes/no
/// without a loop over the bytes.
struct ByteBlock {
    /// The lanes of a compare of the whole block: 0xFF where a byte matched, 0 elsewhere.
    typealias Matches = (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)

    var v0, v1, v2, v3: SIMD16<UInt8>

    /// The 64 bytes at `bytes`.
    @inline(__always)
    init(_ bytes: UnsafePointer<UInt8>) {
        let raw = UnsafeRawPointer(bytes)
        v0 = raw.loadUnaligned(as: SIMD16<UInt8>.self)
        v1 = raw.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
        v2 = raw.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self)
        v3 = raw.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self)
    }

    /// The `count` (fewer than 64) bytes at `bytes`, then zeros.
    init(_ bytes: UnsafePointer<UInt8>, count: Int) {
        var padded = (SIMD16<UInt8>(), SIMD16<UInt8>(), SIMD16<UInt8>(), SIMD16<UInt8>())
        withUnsafeMutableBytes(of: &padded) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(start: bytes, count: min(count, 64)))
        }
        (v0, v1, v2, v3) = padded
    }

    /// Where the block's bytes equal `byte`.
    @inline(__always)
    func matches(_ byte: UInt8) -> Matches {
        let value = SIMD16<UInt8>(repeating: byte)
        return (Self.lanes(v0 .== value), Self.lanes(v1 .== value), Self.lanes(v2 .== value), Self.lanes(v3 .== value))
    }

    /// Where the block's bytes, with bit 5 set (ASCII lower case), equal `byte`: `{` and `[` are one test.
    @inline(__always)
    func matchesFolded(_ byte: UInt8) -> Matches {
        let value = SIMD16<UInt8>(repeating: byte), fold = SIMD16<UInt8>(repeating: 0x20)
        return (Self.lanes(v0 | fold .== value), Self.lanes(v1 | fold .== value), Self.lanes(v2 | fold .== value),
                Self.lanes(v3 | fold .== value))
    }

    /// A compare's result as lanes of 0xFF (matched) and 0.
    @inline(__always)
    static func lanes(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
        unsafeBitCast(mask, to: SIMD16<UInt8>.self)
    }

    /// Lanes matched by either.
    @inline(__always)
    static func either(_ a: Matches, _ b: Matches) -> Matches {
        (a.0 | b.0, a.1 | b.1, a.2 | b.2, a.3 | b.3)
    }

    /// Whether any lane of a compare's result (lanes of 0xFF and 0) matched: on x86-64 its top bits gathered
    /// (`pmovmskb`) and tested, two instructions.
    @inline(__always)
    static func isAny(_ lanes: SIMD16<UInt8>) -> Bool {
        #if arch(x86_64)
        return contactstat_top_bits16(lanes) != 0
        #else
        let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
        #endif
    }

    /// Whether any lane matched.
    @inline(__always)
    static func isAny(_ m: Matches) -> Bool {
        isAny(m.0 | m.1 | m.2 | m.3)
    }

    /// Bit i set where byte i matched (`bits` of each 16 lanes).
    @inline(__always)
    static func mask(_ m: Matches) -> UInt64 {
        bits(m.0) | bits(m.1) << 16 | bits(m.2) << 32 | bits(m.3) << 48
    }

    /// Bit i set where the top bit of lane i is set (of a compare's result: where lane i matched). On x86-64
    /// SSE2's `pmovmskb` (`CByteMask`), one instruction; elsewhere each 8 lanes' top bits gathered by one
    /// multiplication (lane k's bit lands at bit 56 + k, every other product bit elsewhere, without carries).
    @inline(__always)
    static func bits(_ lanes: SIMD16<UInt8>) -> UInt64 {
        #if arch(x86_64)
        return UInt64(contactstat_top_bits16(lanes))
        #else
        let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        let top: UInt64 = 0x8080_8080_8080_8080, gather: UInt64 = 0x0102_0408_1020_4080
        return ((((halves[0] & top) >> 7) &* gather) >> 56) | (((((halves[1] & top) >> 7) &* gather) >> 56) << 8)
        #endif
    }

    /// How many lanes matched per lane position, added to `counts` (each lane grows by at most 4).
    @inline(__always)
    static func count(_ m: Matches, into counts: inout SIMD16<UInt8>) {
        counts &-= m.0 &+ m.1 &+ m.2 &+ m.3
    }

    /// The sum of 16 byte lanes of at most 252 each: pairs into 16-bit lanes, then one multiplication.
    @inline(__always)
    static func sum(_ counts: SIMD16<UInt8>) -> Int {
        let halves = unsafeBitCast(counts, to: SIMD2<UInt64>.self)
        let low16: UInt64 = 0x00FF_00FF_00FF_00FF
        let wide = (halves[0] & low16) &+ ((halves[0] >> 8) & low16) &+ (halves[1] & low16) &+ ((halves[1] >> 8) & low16)
        return Int(truncatingIfNeeded: (wide &* 0x0001_0001_0001_0001) >> 48)
    }

    /// Bit i: the XOR of bits 0...i (with a quote mask, the parity of the quotes up to byte i).
    @inline(__always)
    static func prefixXor(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x << 1
        x ^= x << 2
        x ^= x << 4
        x ^= x << 8
        x ^= x << 16
        x ^= x << 32
        return x
    }
}
