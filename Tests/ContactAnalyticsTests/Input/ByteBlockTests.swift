import Testing
@testable import ContactAnalytics

/// `ByteBlock`'s bit masks (`pmovmskb` through `CByteMask` on x86-64, a multiplication gather elsewhere) against
/// the bytes one by one.
@Suite("Byte blocks")
struct ByteBlockTests {
    private static func vector(_ bytes: ArraySlice<UInt8>) -> SIMD16<UInt8> {
        var lanes = SIMD16<UInt8>()
        for (lane, byte) in bytes.enumerated() { lanes[lane] = byte }
        return lanes
    }

    /// Random bytes, raw and as compare results: bit i is the top bit of byte i, and `isAny` says whether any
    /// lane of a compare matched.
    @Test func bitsAreTheTopBitOfEachLane() {
        var generator = SeededGenerator(seed: 21)
        var nonZero = 0
        for round in 0..<5_000 {
            // Sparse high bits as often as dense ones: single lanes and empty masks occur.
            let bytes = (0..<16).map { _ -> UInt8 in
                let byte = UInt8(truncatingIfNeeded: generator.uniform(256))
                return round % 2 == 0 && generator.uniform(8) != 0 ? byte & 0x7F : byte
            }
            let lanes = Self.vector(bytes[...])
            var expected: UInt64 = 0
            for (i, byte) in bytes.enumerated() where byte >= 0x80 { expected |= 1 << UInt64(i) }
            #expect(ByteBlock.bits(lanes) == expected, "\(bytes)")
            let target = bytes[generator.uniform(16)]
            let matches = ByteBlock.lanes(lanes .== SIMD16<UInt8>(repeating: target))
            var matched: UInt64 = 0
            for (i, byte) in bytes.enumerated() where byte == target { matched |= 1 << UInt64(i) }
            #expect(ByteBlock.bits(matches) == matched)
            #expect(ByteBlock.isAny(matches))
            let absent = ByteBlock.lanes(lanes .== SIMD16<UInt8>(repeating: 0x0A))
            #expect(ByteBlock.isAny(absent) == bytes.contains(0x0A))
            if expected != 0 { nonZero += 1 }
        }
        #expect(nonZero > 2_000 && nonZero < 5_000)
    }

    /// A 64-byte block's mask of one byte value, with the value at every position and at random ones.
    @Test func maskMarksEveryMatchingByte() {
        var generator = SeededGenerator(seed: 22)
        for position in 0..<64 {
            var bytes = [UInt8](repeating: 0x61, count: 64)
            bytes[position] = 0x22
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                let block = ByteBlock(base)
                #expect(ByteBlock.mask(block.matches(0x22)) == 1 << UInt64(position))
                #expect(ByteBlock.isAny(block.matches(0x22)))
                #expect(!ByteBlock.isAny(block.matches(0x0A)))
            }
        }
        for _ in 0..<1_000 {
            let bytes = (0..<64).map { _ in [0x22, 0x0A, 0x2C, 0x61, 0xC3, 0xA4][generator.uniform(6)] as UInt8 }
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                let block = ByteBlock(base)
                for value: UInt8 in [0x22, 0x0A, 0xC3] {
                    var expected: UInt64 = 0
                    for (i, byte) in bytes.enumerated() where byte == value { expected |= 1 << UInt64(i) }
                    #expect(ByteBlock.mask(block.matches(value)) == expected)
                    #expect(ByteBlock.isAny(block.matches(value)) == (expected != 0))
                }
            }
        }
    }
}
