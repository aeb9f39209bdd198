/// A 64-bit hash of a key's UTF-8 bytes: identity keys, contact ids, classification inputs. Never 0, so 0 can
/// mean "none". Stable within a run (not across versions: nothing stores it).
///
/// Eight bytes are mixed at a time (a multiply-xorshift round per word, the tail zero-padded, the length
/// folded in), then finished with the SplitMix64 finaliser, so similar keys (`C0000001`, `C0000002`) spread
/// over all 64 bits.
public enum IdentityHash {
    @inline(__always)
    public static func of(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { of(bytes: $0) }
    }

    /// The hash of `bytes`.
    @inline(__always)
    public static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = bytes.baseAddress, n > 0 else { return finish(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = mix(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h, tail)
        }
        return finish(h)
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var x = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 29
        return x
    }

    @inline(__always)
    private static func finish(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 30
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h == 0 ? 1 : h
    }
}
