import Foundation
import Testing
@testable import ContactAnalytics

/// The DEFLATE decoder (RFC 1951), the gzip reader (RFC 1952) and compressed input through `InputOpener`.
///
/// The raw DEFLATE vectors are zlib's own coverage vectors (`test/infcover.c`: every error its inflater
/// reports and the awkward valid streams), with the errors and outputs zlib 1.2.13 gives for them (checked
/// with Python's `zlib.decompressobj(-15)`).
@Suite("gzip and DEFLATE input")
struct GzipInputTests {
    static func bytes(_ hex: String) -> [UInt8] {
        hex.split(separator: " ").compactMap { UInt8($0, radix: 16) }
    }

    /// Inflates a raw DEFLATE stream fed in pieces of `chunkSize`, delivering pieces of at most `limit`.
    static func inflate(_ stream: [UInt8], chunkSize: Int = 1 << 16, limit: Int = 1 << 16)
    throws(InflateProblem) -> [UInt8] {
        var inflater = Inflater(source: ByteChunkSource(bytes: stream, chunkSize: chunkSize))
        var output: [UInt8] = []
        while true {
            let before = output.count
            if try inflater.inflate(into: &output, limit: limit) == 0 { break }
            #expect(output.count - before <= limit)
        }
        #expect(inflater.isFinished)
        return output
    }

    static func problem(_ stream: [UInt8]) -> InflateProblem? {
        do {
            _ = try inflate(stream)
            return nil
        } catch {
            return error
        }
    }

    static func fixture(_ name: String) -> String {
        InputTestSupport.fixturePath("../compressed/" + name)
    }

    static func decompress(_ bytes: [UInt8], chunkSize: Int = ByteChunkSource.defaultChunkSize) throws -> [UInt8] {
        var compressed = ByteChunkSource(bytes: bytes, name: "t.gz", chunkSize: chunkSize)
        var source = try compressed.decompressingGzip()
        var output: [UInt8] = []
        while true {
            let before = output.count
            let count = try source.read(appendingTo: &output)
            #expect(count <= chunkSize)
            #expect(output.count - before == count)
            if count == 0 { break }
        }
        return output
    }

    static func contents(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    // MARK: CRC-32

    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        var pieces = CRC32()
        pieces.update(Array("1234".utf8))
        Array("56789".utf8).withUnsafeBufferPointer { pieces.update($0) }
        #expect(pieces.value == 0xCBF4_3926)
    }

    // MARK: zlib's coverage vectors

    @Test(arguments: [
        ("0 0 0 0 0", InflateProblem.invalidStoredLengths),
        ("6", .invalidBlockType),
        ("fc 0 0", .tooManySymbols),
        ("4 0 fe ff", .invalidCodeLengthsSet),
        ("4 0 24 49 0", .invalidBitLengthRepeat),
        ("4 0 24 e9 ff ff", .invalidBitLengthRepeat),
        ("4 0 24 e9 ff 6d", .missingEndOfBlock),
        ("4 80 49 92 24 49 92 24 71 ff ff 93 11 0", .invalidLiteralLengthsSet),
        // (zlib 1.2.13 refuses this one's incomplete two-bit distance code before decoding; older zlib
        // reported "invalid literal/length code" later.)
        ("4 80 49 92 24 49 92 24 f b4 ff ff c3 84", .invalidDistancesSet),
        ("2 7e ff ff", .invalidDistanceCode),
        ("c c0 81 0 0 0 0 0 90 ff 6b 4 0", .distanceTooFarBack),
        ("1b 7 0 0 0 0 0", .invalidLiteralLengthCode),
        ("d c7 1 ae eb 38 c 4 41 a0 87 72 de df fb 1f b8 36 b1 38 5d ff ff 0", .distanceTooFarBack),
        ("", .truncated),
        ("1 1 0 fe", .truncated),
        ("63 18 5", .truncated),
    ])
    func corruptStreamsAreRefused(_ hex: String, _ expected: InflateProblem) {
        #expect(Self.problem(Self.bytes(hex)) == expected)
    }

    @Test(arguments: [
        ("3 0", 0, UInt32(0)),
        ("1 1 0 fe ff 0", 1, 0xD202_EF8D),
        ("5 c0 21 d 0 0 0 80 b0 fe 6d 2f 91 6c", 0, 0),
        ("5 e0 81 91 24 cb b2 2c 49 e2 f 2e 8b 9a 47 56 9f fb fe ec d2 ff 1f", 0, 0),
        ("ed c0 1 1 0 0 0 40 20 ff 57 1b 42 2c 4f", 516, 0xAC72_7B17),
        ("ed cf c1 b1 2c 47 10 c4 30 fa 6f 35 1d 1 82 59 3d fb be 2e 2a fc f c", 518, 0x838D_92AF),
        ("ed c0 81 0 0 0 0 80 a0 fd a9 17 a9" + String(repeating: " 0", count: 32) + " 6", 33025, 0xF62A_FA2F),
        ("2 8 20 80 0 3 0", 0, 0),
        ("63 18 5 8c 10 8 0 0 0 0", 266, 0x0061_4FD9),
        ("63 60 60 18 c9 0 8 18 18 18 26 c0 28 0 29 0 0 0", 270, 0x8B0E_98B7),
        ("63 0 3 0 0 0 0 0", 6, 0xB1C2_A1A3),
        ("63 18 5 40 c 0", 262, 0xB8EA_39F0),
    ])
    func validStreamsGiveZlibsOutput(_ hex: String, _ length: Int, _ crc: UInt32) throws {
        for (chunkSize, limit) in [(1 << 16, 1 << 16), (1, 1), (3, 100)] {
            let output = try Self.inflate(Self.bytes(hex), chunkSize: chunkSize, limit: limit)
            #expect(output.count == length)
            #expect(CRC32.checksum(output) == crc)
        }
    }

    // MARK: gzip members

    @Test(arguments: [
        ("1f 8b 0 0", "unknown compression method 0 at compressed byte 2"),
        ("1f 8b 8 80", "reserved gzip header flags set at compressed byte 3"),
        ("1f 8b 8 1e 0 0 0 0 0 0 1 0 0 0 0 0 0", "header crc mismatch at compressed byte 15"),
        ("1f 8b 8 0 0 0 0 0 0 0 3 0 0 0 0 1", "incorrect data check (CRC-32 mismatch) at compressed byte 12"),
        ("1f 8b 8 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0", "unexpected end of compressed data at compressed byte 18"),
        ("1f 8b 8 0 0 0 0 0", "unexpected end of compressed data at compressed byte 8"),
        ("1f 8b 8 0 0 0 0 0 0 0 3 0 0 0 0 0 1 0 0 0", "incorrect length check at compressed byte 16"),
        ("1f 8b 8 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0 0 0 41", "trailing garbage after the compressed data at compressed byte 20"),
        ("1f 8b 8 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0 0 0 0 0 41", "trailing garbage after the compressed data at compressed byte 22"),
        ("1f 8b 8 0 0 0 0 0 0 0 6", "invalid block type at compressed byte 11"),
    ])
    func corruptGzipIsRefusedWithItsOffset(_ hex: String, _ message: String) {
        let error = InputTestSupport.contactStatError { _ = try Self.decompress(Self.bytes(hex)) }
        #expect(error == ContactStatError(.dataFormat, "cannot decompress (gzip): " + message, at: "t.gz"))
    }

    @Test func emptyMembersAndZeroPadding() throws {
        // zlib's "check gzip length" vector: an empty member with a header checksum.
        #expect(try Self.decompress(Self.bytes("1f 8b 8 2 0 0 0 0 0 0 1d 26 3 0 0 0 0 0 0 0 0 0")) == [])
        let empty = Self.bytes("1f 8b 8 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0 0 0")
        #expect(try Self.decompress(empty + empty + [0, 0, 0]) == [])
    }

    @Test func notGzipIsLeftAlone() throws {
        var source = ByteChunkSource(bytes: Array("a,b\n1,2\n".utf8))
        let same = try source.decompressingGzip()
        #expect(!same.isCompressed)
        var plain = same
        var bytes: [UInt8] = []
        while try plain.read(appendingTo: &bytes) > 0 {}
        #expect(bytes == Array("a,b\n1,2\n".utf8))
    }

    // MARK: Real exports, compressed four ways

    @Test(arguments: ["comcast-fcc-complaints.csv.gz", "comcast-stored.csv.gz", "comcast-fixed-huffman.csv.gz",
                      "comcast-two-members-all-header-fields.csv.gz"])
    func realExportDecompressesByteForByte(_ name: String) throws {
        let original = try Self.contents(InputTestSupport.fixturePath("../real/comcast-fcc-complaints.csv"))
        let compressed = try Self.contents(Self.fixture(name))
        #expect(try Self.decompress(compressed) == original)
        #expect(try Self.decompress(compressed, chunkSize: 1000) == original)
    }

    @Test func everySplitOfTheCompressedInput() throws {
        // Read one compressed byte at a time and delivered one byte at a time: the same bytes.
        let compressed = try Self.contents(Self.fixture("comcast-two-members-all-header-fields.csv.gz"))
        #expect(try Self.decompress(compressed, chunkSize: 1) == Self.decompress(compressed))
    }

    @Test func everyTruncationIsRefused() throws {
        let compressed = try Self.contents(Self.fixture("comcast-fcc-complaints.csv.gz"))
        for cut in stride(from: 0, to: compressed.count - 1, by: 97) + [compressed.count - 1] {
            let error = InputTestSupport.contactStatError { _ = try Self.decompress(Array(compressed[..<cut])) }
            if cut < 2 {
                // Too short to be recognised as gzip: read as the bytes they are.
                #expect(error == nil)
            } else {
                #expect(error?.message.hasPrefix("cannot decompress (gzip): unexpected end of compressed data") == true,
                        "cut at \(cut): \(String(describing: error))")
            }
        }
    }

    @Test func corruptedBytesNeverCrash() throws {
        // Each of 400 seeded single-byte corruptions after the 10-byte header (no optional fields) is refused
        // with a gzip message, or changes nothing (unused bits of the last DEFLATE byte): never a crash, never
        // different bytes delivered, since the trailer's CRC-32 catches what the decoder does not.
        let compressed = try Self.contents(Self.fixture("nyc311-2024-05-first30.json.gz"))
        let original = try Self.decompress(compressed)
        var generator = SeededGenerator(seed: 20_261_203)
        var refused = 0
        for _ in 0..<400 {
            var bytes = compressed
            let position = Int.random(in: 10..<bytes.count, using: &generator)
            bytes[position] ^= UInt8.random(in: 1...255, using: &generator)
            do {
                #expect(try Self.decompress(bytes) == original, "corrupted byte \(position)")
            } catch let error as ContactStatError {
                #expect(error.message.hasPrefix("cannot decompress (gzip): "))
                refused += 1
            }
        }
        #expect(refused > 390)
    }

    // MARK: Through InputOpener

    @Test func compressedJSONIsRecognisedAfterDecompression() throws {
        var reader = try InputOpener.open(path: Self.fixture("nyc311-2024-05-first30.json.gz"), displayName: "n.json.gz")
        let records = try InputTestSupport.readAll(&reader)
        #expect(records.count == 30)
        #expect(records.first?.string(at: 0) == "61276295")
        #expect(records.last?.string(at: 0) == "61274295")
    }

    @Test(arguments: [1, 4096, ByteChunkSource.defaultChunkSize])
    func compressedCSVReadsAsItsSource(_ chunkSize: Int) throws {
        let options = ReaderOptions(chunkSize: chunkSize)
        var plain = try InputOpener.open(path: InputTestSupport.fixturePath("../real/comcast-fcc-complaints.csv"),
                                         options: options)
        var compressed = try InputOpener.open(path: Self.fixture("comcast-two-members-all-header-fields.csv.gz"),
                                              options: options)
        let expected = try InputTestSupport.readAll(&plain).map(InputTestSupport.fieldBytes)
        let actual = try InputTestSupport.readAll(&compressed).map(InputTestSupport.fieldBytes)
        #expect(actual == expected)
        #expect(compressed.header == plain.header)
        #expect(actual.count == 500)
    }
}
