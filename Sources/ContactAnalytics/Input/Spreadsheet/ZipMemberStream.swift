/// The decompressed bytes of one zip member as they are read, with its CRC-32 and size checked at the end
/// (the storage of a `ByteChunkSource` made by `ZipArchive.source(of:)`; shared by copies, read from one).
final class ZipMemberStream: @unchecked Sendable {
    /// How the member's bytes are stored.
    enum Body: Sendable {
        case stored(ByteChunkSource)
        case deflated(Inflater)
    }

    private var body: Body
    private let expectedChecksum: UInt32
    private let expectedSize: Int
    private let name: String
    private var checksum = CRC32()
    private var size = 0

    init(body: Body, checksum: UInt32, size: Int, name: String) {
        self.body = body
        expectedChecksum = checksum
        expectedSize = size
        self.name = name
    }

    /// Appends at most `limit` bytes to `buffer`; returns how many, 0 at the end (after the checks).
    func read(appendingTo buffer: inout [UInt8], limit: Int) throws -> Int {
        let start = buffer.count
        switch body {
        case .stored(var source):
            _ = try source.read(appendingTo: &buffer)
            body = .stored(source)
        case .deflated(var inflater):
            do {
                _ = try inflater.inflate(into: &buffer, limit: limit)
            } catch {
                if let readError = inflater.readError { throw readError }
                throw ContactStatError(.dataFormat, "cannot decompress: \(error)", at: name)
            }
            body = .deflated(inflater)
        }
        let count = buffer.count - start
        if count == 0 {
            guard size == expectedSize else {
                throw ContactStatError(.dataFormat, "holds \(size) bytes where the zip directory says \(expectedSize)",
                                       at: name)
            }
            guard checksum.value == expectedChecksum else {
                throw ContactStatError(.dataFormat, "fails its zip CRC-32 check (damaged)", at: name)
            }
            return 0
        }
        buffer.withUnsafeBufferPointer { checksum.update(UnsafeBufferPointer(rebasing: $0[start...])) }
        size += count
        return count
    }
}
