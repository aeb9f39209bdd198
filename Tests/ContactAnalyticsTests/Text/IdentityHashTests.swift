import Testing
@testable import ContactAnalytics

/// `IdentityHash` reads a key's last one to seven bytes with at most two loads; the value is the one adding
/// them byte by byte gives (`reference`), for every length and alignment.
@Suite struct IdentityHashTests {
    /// The hash as it was written first: the tail added byte by byte.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
            var x = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            x ^= x >> 29
            return x
        }
        var i = 0
        while i + 8 <= n {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[i + k]) << UInt64(8 * k) }
            h = mix(h, word)
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h, tail)
        }
        h ^= h >> 30
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h == 0 ? 1 : h
    }

    @Test func everyLengthAndOffsetHashesAsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let pool = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var wrong: [(Int, Int)] = []
        pool.withUnsafeBufferPointer { all in
            for offset in 0..<8 {
                for length in 0...40 where offset + length <= all.count {
                    let key = UnsafeBufferPointer(rebasing: all[offset..<(offset + length)])
                    if IdentityHash.of(bytes: key) != Self.reference(key) { wrong.append((offset, length)) }
                }
            }
        }
        #expect(wrong.isEmpty, "offset, length: \(wrong.prefix(5))")
        #expect(IdentityHash.of("C0000001") != IdentityHash.of("C0000002"))
        #expect(IdentityHash.of("agent7") == Array("agent7".utf8).withUnsafeBufferPointer { Self.reference($0) })
        #expect(IdentityHash.of("") == Array<UInt8>().withUnsafeBufferPointer { Self.reference($0) })
    }

    /// A `String` key hashes as its UTF-8 bytes, read in place: small and heap strings, non-ASCII ones, a string
    /// made from a substring and one shared with another variable.
    @Test func stringKeysHashAsTheirBytes() {
        let long = "customer-0000000001@example.com"
        let keys = ["", "a", "C0034343", "seven77", "eightB88", "fifteen-bytes15", "sixteen-bytes-16", long,
                    "Åsa Öberg", "e\u{301}", "日本語のキー", String(long.dropFirst(9)), String(long.prefix(3))]
        for key in keys {
            var bytes = Array(key.utf8)
            let expected = bytes.withUnsafeMutableBufferPointer { Self.reference(UnsafeBufferPointer($0)) }
            let shared = key
            #expect(IdentityHash.of(key) == expected, "\(key)")
            #expect(IdentityHash.of(shared) == expected, "\(key)")
        }
        #expect(IdentityHash.of("C0034343") != IdentityHash.of("C0034344"))
    }

    /// Small strings (up to 15 bytes) are hashed from their own two words (`IdentityHash.small`): every length
    /// from 0 to 15, random bytes made into strings (non-ASCII too), hash as their bytes do; a string of 16 bytes
    /// or more is not small and takes the bytes.
    @Test func smallStringsHashFromTheirWordsAsTheirBytes() {
        #expect(IdentityHash.smallStringsAreReadable)
        var generator = SeededGenerator(seed: 7)
        let letters = Array("abcXYZ0189-_é日ü".unicodeScalars)
        for length in 0...20 {
            for _ in 0..<20 {
                var key = ""
                while key.utf8.count < length {
                    key.unicodeScalars.append(letters[generator.uniform(letters.count)])
                }
                let expected = Array(key.utf8).withUnsafeBufferPointer { Self.reference($0) }
                #expect(IdentityHash.of(key) == expected, "\(key)")
                let words = StringStorageWords.of(key)
                #expect(words != nil)
                if let words {
                    // Small: hashed from its words, as its bytes; otherwise not small.
                    let small = IdentityHash.small(words)
                    #expect(small == (key.utf8.count <= 15 ? expected : nil), "\(key)")
                }
            }
        }
        // Hand-picked: a customer id, a contact id, the longest small string, the shortest heap one.
        for key in ["C0684345", "T00000001", "abcdefghijklmno", "abcdefghijklmnop"] {
            let expected = Array(key.utf8).withUnsafeBufferPointer { Self.reference($0) }
            #expect(IdentityHash.of(key) == expected)
        }
    }
}
