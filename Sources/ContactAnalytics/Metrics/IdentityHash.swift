/// A stable 64-bit hash of an identity or contact key (FNV-1a over the UTF-8 bytes, then a SplitMix64
/// finaliser); never 0, so 0 can mean "none".
public enum IdentityHash {
    @inline(__always)
    public static func of(_ key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01b3
        }
        h ^= h >> 30
        h &*= 0xbf58_476d_1ce4_e5b9
        h ^= h >> 27
        h &*= 0x94d0_49bb_1331_11eb
        h ^= h >> 31
        return h == 0 ? 1 : h
    }
}
