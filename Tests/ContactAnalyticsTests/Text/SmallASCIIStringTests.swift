import Testing
@testable import ContactAnalytics

/// `SmallASCIIString` makes, for 1 to 15 ASCII bytes, the very string the standard library makes (bit for bit,
/// so `==`, hashing and `ContactRecord.isSameStorage` agree), and nothing for other bytes.
@Suite struct SmallASCIIStringTests {
    private static func made(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { SmallASCIIString.make($0) }
    }

    /// Every length from 1 to 15, random ASCII bytes (every byte value 0-127 at every place), the edge bytes
    /// 0x00 and 0x7F: the bits of `String(decoding:as:)`'s string.
    @Test func theStringIsTheStandardLibrarysBitForBit() throws {
        try #require(IdentityHash.smallStringsAreReadable)
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for count in 1...SmallASCIIString.maxCount {
            var samples = (0..<200).map { _ in (0..<count).map { _ in UInt8.random(in: 0...0x7F, using: &generator) } }
            for place in 0..<count {
                for byte in UInt8(0)...0x7F {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                    bytes[place] = byte
                    samples.append(bytes)
                }
            }
            samples.append([UInt8](repeating: 0x7F, count: count))
            samples.append([UInt8](repeating: 0, count: count))
            for bytes in samples {
                let expected = String(decoding: bytes, as: UTF8.self)
                let string = try #require(Self.made(bytes))
                #expect(StringStorageWords.of(string)! == StringStorageWords.of(expected)!, "\(bytes)")
                #expect(string == expected && Array(string.utf8) == bytes && string.count == expected.count)
                #expect(IdentityHash.of(string) == IdentityHash.of(expected))
                #expect(ContactRecord.isSameStorage(string, expected))
                compared += 1
            }
        }
        #expect(compared == (1...15).reduce(0) { $0 + 200 + $1 * 128 + 2 })
        // Usable as any string: appended to, compared, hashed in a set.
        var grown = try #require(Self.made(Array("agent12".utf8)))
        grown += " and more text than fifteen bytes"
        #expect(grown == "agent12 and more text than fifteen bytes")
        #expect(Set([Self.made(Array("en".utf8)), "en", Self.made(Array("fi".utf8))]).count == 2)
    }

    /// Empty, longer than 15 bytes, or any byte of 0x80 or above: no string.
    @Test func otherBytesGiveNone() {
        #expect(Self.made([]) == nil)
        #expect(Self.made(Array("sixteen bytes!!!".utf8)) == nil)
        #expect(Self.made(Array("é".utf8)) == nil)
        for place in 0..<15 {
            var bytes = Array("fifteen bytes!!".utf8)
            #expect(Self.made(bytes) == "fifteen bytes!!")
            bytes[place] = 0x80 | bytes[place]
            #expect(Self.made(bytes) == nil)
        }
    }

    /// `TextNormalization` gives the same strings (equal bits up to 15 bytes) for ASCII of every length to 40,
    /// and for text that is not ASCII what it gave before.
    @Test func textNormalizationGivesTheSameStrings() {
        for count in 0...40 {
            let bytes = (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            let expected = String(decoding: bytes, as: UTF8.self)
            let string = bytes.withUnsafeBufferPointer { TextNormalization.string(fromUTF8: $0) }
            #expect(string == expected)
            if count <= 15 { #expect(StringStorageWords.of(string)! == StringStorageWords.of(expected)!) }
        }
        let accented = Array("café".utf8)
        #expect(accented.withUnsafeBufferPointer { TextNormalization.string(fromUTF8: $0) } == "café")
    }
}
