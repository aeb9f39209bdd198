import Foundation
import Testing
@testable import ContactAnalytics

/// The reader's chunk buffers handed back and filled again (`ChunkBufferPool`): the same records as without the
/// pool, whatever the cuts; the buffers really go round; a buffer still held elsewhere is never written.
@Suite("Chunk buffers reused by the reader")
struct ChunkBufferPoolTests {
    /// The records after the header through chunks of about `target` bytes, each chunk's bytes handed back to
    /// `pool` once parsed; also the base address of each chunk's bytes and the pool's size after each hand-back.
    static func recordsThroughPool(_ bytes: [UInt8], sourceChunk: Int, target: Int, direct: Int,
                                   pool: ChunkBufferPool)
    throws -> (records: [RawRecord], bases: [Int], waiting: [Int]) {
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "t.csv", chunkSize: sourceChunk))
        reader.bufferPool = pool
        var records: [RawRecord] = []
        var record = RawRecord()
        while records.count < direct, try reader.next(into: &record) { records.append(record) }
        var bases: [Int] = [], waiting: [Int] = []
        while let piece = try reader.nextChunk(targetBytes: target) {
            switch piece {
            case .chunk(let chunk):
                bases.append(chunk.bytes.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) })
                try chunk.forEachRecord(&record) { records.append($0) }
                chunk.recycle()
                waiting.append(pool.count)
            case .record(let long):
                records.append(long)
            }
        }
        return (records, bases, waiting)
    }

    @Test(arguments: CSVCase.all)
    func pooledChunksGiveTheReferenceRecords(_ testCase: CSVCase) throws {
        let expected = try CSVReferenceReader.records(testCase.bytes, delimiter: testCase.delimiter.rawValue)
        let expectedRecords = Array(expected.dropFirst())
        for sourceChunk in [1, 7, 4096] {
            for target in [1, 13, 1 << 20] {
                for direct in [0, 1] {
                    let (records, _, _) = try Self.recordsThroughPool(
                        testCase.bytes, sourceChunk: sourceChunk, target: target, direct: direct,
                        pool: ChunkBufferPool())
                    let actual = records.map {
                        InputTestSupport.referenceRecord($0)
                    }
                    #expect(actual == expectedRecords, "source chunk \(sourceChunk), target \(target), direct \(direct)")
                    if actual != expectedRecords { return }
                }
            }
        }
    }

    /// A generated export in many chunks: every record as read in one go, and the reader takes each handed-back
    /// buffer again (the pool holds only the one just handed back until the last chunk), so two buffers go round.
    @Test func buffersGoRound() throws {
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: 3000, seed: 4)).bytes()
        let pool = ChunkBufferPool()
        let (records, bases, waiting) = try Self.recordsThroughPool(bytes, sourceChunk: 4096, target: 8192,
                                                                    direct: 0, pool: pool)
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "t.csv"))
        let direct = try InputTestSupport.readAll(&reader)
        #expect(records.map(\.line) == direct.map(\.line))
        #expect(records.map(InputTestSupport.fieldBytes) == direct.map(InputTestSupport.fieldBytes))
        #expect(bases.count > 30)
        // The last chunk takes the reader's buffer with no rest to keep: nothing is taken after it.
        #expect(waiting.dropLast().allSatisfy { $0 == 1 }, "\(waiting)")
        #expect(waiting.last == 2)
        // From the third chunk on, each is the storage of the chunk two before it: all but at most two (when a
        // buffer must grow, where its new storage lands is the allocator's choice, which tests allocating on other
        // threads at the same time change; seen once in a full parallel `swift test`).
        let same = bases.indices.dropFirst(2).filter { bases[$0] == bases[$0 - 2] }.count
        #expect(same >= bases.count - 2 - 2, "\(same) of \(bases.count - 2) chunks took the buffer of two before")
    }

    /// JSON objects scanned into pooled buffers, each handed back once flattened: the same fields and lines
    /// wherever the input is split, and the reader takes each buffer again.
    @Test(arguments: [1, 3, 4096], [1, 30, 1 << 20])
    func pooledJSONChunksGiveTheSameObjects(sourceChunk: Int, target: Int) throws {
        func objects(pool: ChunkBufferPool?) throws -> (fields: [[String: String]], lines: [Int], waiting: [Int]) {
            var reader = try JSONRecordReader(source: ByteChunkSource(bytes: JSONChunkTests.tricky, name: "t.jsonl",
                                                                      chunkSize: sourceChunk))
            reader.bufferPool = pool
            var flattener = JSONObjectFlattener()
            var fields: [[String: String]] = [], lines: [Int] = [], waiting: [Int] = []
            var index = 0
            while let chunk = try reader.nextChunk(targetBytes: target, index: index) {
                let records = chunk.parse(with: &flattener)
                fields += JSONChunkTests.fieldsByKey(records, of: chunk)
                chunk.recycle()
                lines += records.lines
                waiting.append(pool?.count ?? 0)
                index += 1
            }
            return (fields, lines, waiting)
        }
        let plain = try objects(pool: nil)
        let pool = ChunkBufferPool()
        let pooled = try objects(pool: pool)
        #expect(pooled.fields == plain.fields)
        #expect(pooled.lines == plain.lines)
        #expect(plain.fields.count == 4)
        // Each chunk scans into the buffer the one before handed back: never more than one waits.
        #expect(pooled.waiting.allSatisfy { $0 == 1 }, "\(pooled.waiting)")
    }

    @Test func keepsAtMostItsLimitAndNoEmptyStorage() {
        let pool = ChunkBufferPool(limit: 2)
        pool.give([])
        #expect(pool.count == 0)
        for i in 0..<4 { pool.give([UInt8](repeating: UInt8(i), count: 100)) }
        #expect(pool.count == 2)
        let taken = pool.take()
        #expect(taken?.isEmpty == true)
        #expect((taken?.capacity ?? 0) >= 100)
        #expect(pool.count == 1)
        _ = pool.take()
        #expect(pool.take() == nil)
    }

    /// A buffer handed back while another holder still has it: taking it empties a copy, the holder's bytes
    /// stay as they were.
    @Test func aBufferStillHeldIsNotWritten() {
        let pool = ChunkBufferPool()
        let held: [UInt8] = Array("a,b,c\n".utf8)
        pool.give(held)
        guard var taken = pool.take() else {
            Issue.record("the pool kept nothing")
            return
        }
        taken.append(contentsOf: Array("x,y,z\n".utf8))
        #expect(held == Array("a,b,c\n".utf8))
        #expect(taken == Array("x,y,z\n".utf8))
    }
}
