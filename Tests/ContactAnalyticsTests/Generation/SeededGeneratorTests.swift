import Testing

@testable import ContactAnalytics

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    /// Reference outputs from an independent implementation of SplitMix64-seeded xoshiro256**.
    @Test(arguments: [
        (UInt64(0), [UInt64(0x99EC_5F36_CB75_F2B4), 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0]),
        (UInt64(42), [UInt64(0x1578_0B2E_0C2E_C716), 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1]),
    ])
    func matchesReferenceSequence(seed: UInt64, expected: [UInt64]) {
        var generator = SeededGenerator(seed: seed)
        let values = (0..<expected.count).map { _ in generator.next() }
        #expect(values == expected)
    }

    @Test func splitMixAndMixMatchReference() {
        var state: UInt64 = 0
        #expect(SeededGenerator.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
        #expect(state == 0x9E37_79B9_7F4A_7C15)
        #expect(SeededGenerator.mix64(1) == 0x5692_161D_100B_05E5)
    }

    @Test(arguments: [1, 2, 3, 7, 10, 1000, 3600])
    func uniformStaysInRangeAndCoversSmallRanges(bound: Int) {
        var generator = SeededGenerator(seed: UInt64(bound))
        var seen = Set<Int>()
        for _ in 0..<20_000 {
            let value = generator.uniform(bound)
            #expect(value >= 0 && value < bound)
            seen.insert(value)
        }
        if bound <= 10 { #expect(seen.count == bound) }
    }

    @Test func uniformOfLargeBoundStaysInRange() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<1000 {
            let value = generator.uniform(Int.max)
            #expect(value >= 0 && value < Int.max)
        }
    }

    @Test(arguments: [0, -1, Int.min])
    func uniformOfEmptyRangeIsZero(bound: Int) {
        var generator = SeededGenerator(seed: 1)
        #expect(generator.uniform(bound) == 0)
    }

    @Test func closedRangeIncludesBothEnds() {
        var generator = SeededGenerator(seed: 3)
        var seen = Set<Int>()
        for _ in 0..<2000 { seen.insert(generator.uniform(in: 5...8)) }
        #expect(seen == [5, 6, 7, 8])
        #expect(generator.uniform(in: 4...4) == 4)
    }

    @Test func uniformIsRoughlyFlat() {
        var generator = SeededGenerator(seed: 11)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.uniform(6)] += 1 }
        // Expected 10,000 each; 5 standard deviations is about 456.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 460 }, "\(counts)")
    }

    @Test func unitDoubleIsInHalfOpenUnitInterval() {
        var generator = SeededGenerator(seed: 5)
        var sum = 0.0
        for _ in 0..<10_000 {
            let value = generator.unitDouble()
            #expect(value >= 0 && value < 1)
            sum += value
        }
        #expect(abs(sum / 10_000 - 0.5) < 0.02)
    }

    @Test(arguments: [(0, 0.0), (1000, 1.0), (250, 0.25)])
    func chanceMatchesItsRate(perMille: Int, rate: Double) {
        var generator = SeededGenerator(seed: 9)
        var hits = 0
        for _ in 0..<10_000 where generator.chance(perMille: perMille) { hits += 1 }
        #expect(abs(Double(hits) / 10_000 - rate) < 0.02)
    }

    @Test func sameSeedSameSequenceDifferentSeedDifferent() {
        var a = SeededGenerator(seed: 123)
        var b = SeededGenerator(seed: 123)
        var c = SeededGenerator(seed: 124)
        let first = (0..<16).map { _ in a.next() }
        #expect(first == (0..<16).map { _ in b.next() })
        #expect(first != (0..<16).map { _ in c.next() })
    }
}
