import Foundation
import Testing
@testable import ContactAnalytics

/// Inputs found by fuzzing the inflater (`Scripts/fuzz.sh inflate`), kept in `Fixtures/fuzz/inflate/finding-*`
/// (the first byte is the fuzz target's control byte).
@Suite("Reliability: inflater inputs from fuzzing")
struct InflaterFuzzFindingTests {
    /// The raw stream of a finding, without its control byte.
    static func stream(_ name: String) throws -> [UInt8] {
        let path = InputTestSupport.fixturePath("../fuzz/inflate/" + name)
        return Array(try #require(FileManager.default.contents(atPath: path)).dropFirst())
    }

    /// What the inflater delivers of `stream` in pieces of `limit`, its input arriving in `chunkSize` bytes, and
    /// the problem it stops at.
    static func inflate(_ stream: [UInt8], chunkSize: Int, limit: Int) -> (output: [UInt8], problem: InflateProblem?) {
        var inflater = Inflater(source: ByteChunkSource(bytes: stream, chunkSize: chunkSize))
        var output: [UInt8] = []
        do {
            while try inflater.inflate(into: &output, limit: limit) > 0 {}
            return (output, nil)
        } catch {
            return (output, error)
        }
    }

    /// A stream that decodes for a while and then reaches 1 byte before its start (zlib 1.2.13: "invalid
    /// distance too far back"). Read in pieces of 6 bytes, the bytes decoded before the error were delivered;
    /// read whole, the error came before any piece was full. The fuzz target wrongly required equal outputs
    /// (the inflater was right: the error is the same, and one output is the start of the other).
    @Test func errorAfterSomePiecesIsTheSameWhateverThePieces() throws {
        let stream = try Self.stream("finding-too-far-back-in-pieces.deflate")
        let pieces = Self.inflate(stream, chunkSize: 6, limit: 6)
        let whole = Self.inflate(stream, chunkSize: 1 << 16, limit: 1 << 20)
        #expect(pieces.problem == .distanceTooFarBack)
        #expect(whole.problem == .distanceTooFarBack)
        #expect(pieces.output.count > whole.output.count)
        #expect(pieces.output.starts(with: whole.output))
        for (chunkSize, limit) in [(1, 1), (3, 100), (64, 7), (1 << 16, 1)] {
            let other = Self.inflate(stream, chunkSize: chunkSize, limit: limit)
            #expect(other.problem == .distanceTooFarBack, "chunk \(chunkSize), pieces of \(limit)")
            let (shorter, longer) = other.output.count <= pieces.output.count ? (other.output, pieces.output) : (pieces.output, other.output)
            #expect(longer.starts(with: shorter), "chunk \(chunkSize), pieces of \(limit)")
        }
    }

    /// A dynamic block whose code-length code has no code at all (HCLEN 4, all four lengths 0). The inflater
    /// refuses it there: "invalid code lengths set". zlib 1.2.13 builds an empty table for it, reads every code
    /// length as 0 (one bit each) and refuses later, "invalid code -- missing end-of-block". Both refuse the
    /// stream; found by the fuzz target's comparison with zlib, which now accepts this one pair of verdicts.
    @Test func emptyCodeLengthCodeIsRefusedWhereZlibRefusesLater() throws {
        let stream = try Self.stream("finding-zlib-disagrees.deflate")
        #expect(Array(stream.prefix(6)) == [0x05, 0, 0, 0, 0, 0])
        for (chunkSize, limit) in [(1, 1), (1 << 16, 1 << 20)] {
            #expect(Self.inflate(stream, chunkSize: chunkSize, limit: limit).problem == .invalidCodeLengthsSet)
        }
    }

    /// The same empty code-length code (dynamic block, HLIT 275, HDIST 1, HCLEN 4 with all four lengths 0) in a
    /// stream that ends 2 bytes later: the inflater refuses it at once, zlib 1.2.13 is still reading the 276
    /// code lengths (one bit each) when the input ends, so it has no verdict. Found by the fuzz target after the
    /// pair above was accepted; it now accepts this pair too.
    @Test func emptyCodeLengthCodeIsRefusedWhereZlibWantsMoreInput() throws {
        let stream = try Self.stream("finding-zlib-unfinished.deflate")
        #expect(stream == [0x95, 0, 0, 0, 0x03, 0xE5])
        for (chunkSize, limit) in [(1, 1), (1 << 16, 1 << 20)] {
            #expect(Self.inflate(stream, chunkSize: chunkSize, limit: limit).problem == .invalidCodeLengthsSet)
        }
    }

    /// A complete code-length code whose first symbol is 16 (repeat the previous length) when there is none. The
    /// inflater refuses it at the symbol, "invalid bit length repeat"; zlib 1.2.13 first reads the symbol's two
    /// extra bits, which this 7-byte stream lacks, so it wants more input, and with more it says the same. The fuzz
    /// target now asks zlib again with zeros appended whenever zlib wants more and the inflater refused.
    @Test func repeatWithoutPreviousLengthIsRefusedBeforeItsExtraBits() throws {
        let stream = try Self.stream("finding-early-repeat-verdict.deflate")
        #expect(stream == [0x85, 0x08, 0x67, 0x00, 0x85, 0x08, 0x67])
        for padding in [0, 64] {
            let padded = stream + [UInt8](repeating: 0, count: padding)
            for (chunkSize, limit) in [(1, 1), (1 << 16, 1 << 20)] {
                #expect(Self.inflate(padded, chunkSize: chunkSize, limit: limit).problem == .invalidBitLengthRepeat)
            }
        }
    }
}
