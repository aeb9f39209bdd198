/// A small, fast, seedable random number generator whose output depends only on the seed: the same seed
/// gives the same sequence on every platform and toolchain.
///
/// The state is xoshiro256** (Blackman and Vigna, 2018), filled from the seed with SplitMix64 as its authors
/// recommend, so every seed, including 0, gives a good state. Only integer operations with defined
/// wrap-around are used.
///
/// The bounded helpers (`uniform(_:)`, `unitDouble()`, `chance(perMille:)`) are written here on purpose:
/// the standard library's `random(in:using:)` does not promise which algorithm it uses, so a future
/// toolchain could turn the same seed into different values. Use these helpers wherever output must be
/// reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose state is four consecutive SplitMix64 outputs started from `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        s0 = SeededGenerator.splitMix64(&splitMix)
        s1 = SeededGenerator.splitMix64(&splitMix)
        s2 = SeededGenerator.splitMix64(&splitMix)
        s3 = SeededGenerator.splitMix64(&splitMix)
    }

    /// The next 64 random bits (xoshiro256**).
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = SeededGenerator.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededGenerator.rotateLeft(s3, 45)
        return result
    }

    /// A uniformly distributed integer in `0..<bound`; 0 when `bound <= 0`.
    ///
    /// Lemire's multiply-and-shift method with rejection of the biased low range, so the result is exactly
    /// uniform and the sequence of generator calls is fully determined by the seed.
    @inline(__always)
    public mutating func uniform(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniformly distributed integer in `range` (both ends included); `range.lowerBound` when the range
    /// holds one value.
    @inline(__always)
    public mutating func uniform(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + uniform(range.upperBound - range.lowerBound + 1)
    }

    /// A uniformly distributed `Double` in `[0, 1)` with 53 random bits (the top 53 bits of `next()`).
    @inline(__always)
    public mutating func unitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `perMille / 1000`.
    @inline(__always)
    public mutating func chance(perMille: Int) -> Bool {
        uniform(1000) < perMille
    }

    /// One SplitMix64 step: advances `state` by the golden-ratio increment and returns the mixed value.
    @inline(__always)
    public static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix64(state)
    }

    /// The SplitMix64 finaliser: a fixed bijective mixing of 64 bits, used to derive stable per-key values
    /// (for example a customer's language) without storing them.
    @inline(__always)
    public static func mix64(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
