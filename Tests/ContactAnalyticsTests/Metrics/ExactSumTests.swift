import Testing
@testable import ContactAnalytics

/// `ExactSum` keeps `Float`s as whole 2⁻⁴⁰ units: no rounding, any order, parts add up to the whole.
@Suite struct ExactSumTests {
    @Test func sumsWithoutRounding() {
        var sum = ExactSum()
        // 1e8 + 1 - 1e8 in Float arithmetic is 0 (1 is below half an ulp of 1e8, which is 8); exactly it is 1.
        #expect(Float(100_000_000) + Float(1) - Float(100_000_000) == 0)
        sum.add(100_000_000, sign: 1)
        sum.add(1, sign: 1)
        sum.add(100_000_000, sign: -1)
        #expect(sum.value == 1)
        #expect(sum.units == Int128(1) << 40)
    }

    @Test func quartersAndHalvesAreExact() {
        var sum = ExactSum()
        for value: Float in [0.5, 0.25, 1.75, 2.5] { sum.add(value, sign: 1) }
        #expect(sum.value == 5)
        sum.add(0.25, sign: -1)
        #expect(sum.value == 4.75)
    }

    /// The same values in another order, or in two parts added up, give the same units to the last bit.
    @Test func orderAndPartsDoNotMatter() {
        let values: [Float] = (1...500).map { Float($0) * 0.37 + 1 / Float($0) }
        var forward = ExactSum(), backward = ExactSum(), first = ExactSum(), second = ExactSum()
        for v in values { forward.add(v, sign: 1) }
        for v in values.reversed() { backward.add(v, sign: 1) }
        for v in values.prefix(123) { first.add(v, sign: 1) }
        for v in values.dropFirst(123) { second.add(v, sign: 1) }
        first.add(second)
        #expect(forward == backward)
        #expect(forward == first)
        // Each Float is summed exactly: the units are the sum of each value's units.
        let units = values.reduce(Int128(0)) { $0 + Int128(Int64(Double($1) * 0x1p40)) }
        #expect(forward.units == units)
    }

    @Test func nanAddsNothingAndTakingBackEmpties() {
        var sum = ExactSum()
        sum.add(.nan, sign: 1)
        #expect(sum.units == 0)
        sum.add(3.5, sign: 1)
        sum.add(-1.5, sign: 1)
        #expect(sum.value == 2)
        sum.add(3.5, sign: -1)
        sum.add(-1.5, sign: -1)
        #expect(sum == ExactSum())
    }

    /// Magnitudes below one unit are truncated; beyond 2⁸⁰ they count as 2⁸⁰.
    @Test func extremesAreTruncatedAndClamped() {
        var tiny = ExactSum()
        tiny.add(0x1p-41, sign: 1)
        #expect(tiny.units == 0)
        tiny.add(0x1p-40, sign: 1)
        #expect(tiny.value == 0x1p-40)
        var huge = ExactSum()
        huge.add(1e30, sign: 1)
        #expect(huge.value == 0x1p80)
        huge.add(-Float.infinity, sign: 1)
        #expect(huge.units == 0)
    }
}
