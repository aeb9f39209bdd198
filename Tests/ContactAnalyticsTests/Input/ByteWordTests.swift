import Testing
@testable import ContactAnalytics

/// The eight-bytes-at-a-time searches of the readers against byte-by-byte references, on random bytes that
/// put the bytes searched for at every offset of a word, and on the words' edge values.
@Suite struct ByteWordTests {
    /// Random runs over an alphabet heavy in the bytes the searches stop at (and 0x00, 0x1F, 0x20, 0x7F, 0x80,
    /// 0xFF, next to them in value).
    static func samples(count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        let alphabet: [UInt8] = [0x00, 0x01, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2A, 0x3A, 0x5B, 0x5C, 0x5D,
                                 0x61, 0x7B, 0x7C, 0x7D, 0x7F, 0x80, 0xC3, 0xA4, 0xFF]
        return (0..<count).map { _ in
            // Mostly plain letters, so that runs long enough to cross several words occur.
            (0..<generator.uniform(40)).map { _ in
                generator.uniform(4) == 0 ? alphabet[generator.uniform(alphabet.count)] : UInt8(ascii: "a")
            }
        }
    }

    @Test func zeroByteMarksAreExactWhereUsed() {
        for bytes in Self.samples(count: 2_000, seed: 3) where bytes.count >= 8 {
            let word = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!, at: 0) }
            let zeros = (0..<8).filter { bytes[$0] == 0 }
            // Every zero byte and no other: for counting.
            let exact = ByteWord.exactZeroBytes(word)
            #expect((0..<8).filter { exact & (0x80 << (8 * UInt64($0))) != 0 } == zeros)
            // The lowest mark: for finding the first.
            let marks = ByteWord.zeroBytes(word)
            #expect((marks == 0 ? nil : ByteWord.firstMarked(marks)) == zeros.first)
        }
    }

    @Test func nextStringStopFindsTheFirstQuoteBackslashOrLineBreak() {
        let stops: Set<UInt8> = [0x22, 0x5C, 0x0A, 0x0D]
        for bytes in Self.samples(count: 4_000, seed: 5) {
            for from in [0, 1, 7, 9] where from <= bytes.count {
                let expected = bytes[from...].firstIndex { stops.contains($0) } ?? bytes.count
                let found = bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.map { JSONObjectScanner.nextStringStop($0, from: from, count: bytes.count) }
                } ?? 0
                #expect(found == expected, "\(bytes) from \(from)")
            }
        }
    }

    @Test func endOfStringRunStopsAtQuoteBackslashOrControlByte() {
        for bytes in Self.samples(count: 4_000, seed: 9) {
            for from in [0, 1, 7, 9] where from <= bytes.count {
                let end = bytes[from...].firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } ?? bytes.count
                let high = bytes[from..<end].contains { $0 >= 0x80 }
                let found = bytes.withUnsafeBufferPointer { JSONObjectFlattener.endOfStringRun($0, from: from) }
                #expect(found.end == end, "\(bytes) from \(from)")
                #expect(found.high == high, "\(bytes) from \(from)")
            }
        }
    }

    /// `copy` moves exactly the `count` bytes, for every length from 0 to past its word path (32), at every
    /// alignment: the bytes around the target keep their guard value and nothing is read past the source run
    /// (the run ends at the end of its buffer).
    @Test func copyMovesExactlyTheRun() {
        for count in 0...40 {
            for shift in 0..<8 {
                let source: [UInt8] = (0..<(shift + count)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
                var target = [UInt8](repeating: 0xEE, count: count + 16)
                source.withUnsafeBufferPointer { from in
                    target.withUnsafeMutableBufferPointer { to in
                        guard let from = from.baseAddress, let to = to.baseAddress else { return }
                        ByteWord.copy(from + shift, to: to + 8, count: count)
                    }
                }
                #expect(Array(target[8..<(8 + count)]) == Array(source[shift...]), "count \(count), shift \(shift)")
                #expect(target[..<8].allSatisfy { $0 == 0xEE } && target[(8 + count)...].allSatisfy { $0 == 0xEE },
                        "count \(count), shift \(shift)")
            }
        }
    }
}
