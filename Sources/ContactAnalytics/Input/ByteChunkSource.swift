/// A stream of input bytes delivered in chunks: a file, standard input (`-`), or an in-memory buffer (tests).
///
/// The source never reads a whole file: `read(appendingTo:)` delivers at most `chunkSize` bytes per call
/// (default 256 KiB; any size down to 1 byte, which tests use to split records at every possible point).
/// Files are read with POSIX `read(2)`. A little look-ahead (`peek(_:)`) lets readers inspect the start of
/// the input (byte-order mark, binary check, format, CSV delimiter) before parsing; peeked bytes are then
/// delivered again by `read(appendingTo:)`, still in pieces of at most `chunkSize`.
///
/// Copies share an open file descriptor and its position: read from one copy only.
public struct ByteChunkSource: Sendable {
    /// The default chunk size, 256 KiB.
    public static let defaultChunkSize = 256 * 1024

    /// The name used in diagnostics and error locations (the path as given, `-` for standard input).
    public let name: String
    /// The most bytes one `read(appendingTo:)` call delivers (at least 1).
    public let chunkSize: Int

    private enum Storage: Sendable {
        case memory([UInt8])
        case file(FileDescriptorHandle)
        case gzip(GzipStream)
        case utf16(UTF16Stream)
        case fileRange(FileDescriptorHandle, Range<Int>)
        case zipMember(ZipMemberStream)
    }

    /// The transcoder of a UTF-16 source, shared by copies like a file descriptor (read from one copy).
    private final class UTF16Stream: @unchecked Sendable {
        var transcoder: UTF16Transcoder
        init(_ transcoder: UTF16Transcoder) { self.transcoder = transcoder }
    }

    /// The decoder of a gzip-compressed source, shared by copies like a file descriptor (read from one copy).
    private final class GzipStream: @unchecked Sendable {
        var decoder: GzipDecoder
        init(_ decoder: GzipDecoder) { self.decoder = decoder }
    }

    private var storage: Storage
    /// Position of the next unread byte in a `.memory` storage (the file offset in a `.fileRange`).
    private var memoryPosition = 0
    /// Bytes read from the underlying storage but not yet delivered (filled by `peek`).
    private var lookahead: [UInt8] = []
    private var lookaheadStart = 0
    private var storageExhausted = false

    /// Opens the file at `path` (`-` reads standard input).
    ///
    /// - Parameters:
    ///   - displayName: the name for messages; defaults to `path` (`-` for standard input).
    ///   - chunkSize: bytes per read, clamped to at least 1.
    /// - Throws: `ContactStatError(.dataFormat, "cannot open: <reason>", at: name)` when the file is missing,
    ///   unreadable or a directory.
    public init(path: String, displayName: String? = nil, chunkSize: Int = ByteChunkSource.defaultChunkSize) throws {
        let name = displayName ?? path
        self.name = name
        self.chunkSize = max(1, chunkSize)
        if path == "-" {
            storage = .file(FileDescriptorHandle(descriptor: 0, closesOnDeinit: false))
        } else {
            storage = .file(try FileDescriptorHandle.open(path: path, displayName: name))
        }
    }

    /// The bytes `range` of an open file, read with `pread` (a member of a zip archive).
    init(handle: FileDescriptorHandle, range: Range<Int>, name: String, chunkSize: Int = ByteChunkSource.defaultChunkSize) {
        self.name = name
        self.chunkSize = max(1, chunkSize)
        storage = .fileRange(handle, range)
        memoryPosition = range.lowerBound
    }

    /// The decompressed bytes of a zip member, checked against its CRC-32 and size at the end.
    init(checking body: ZipMemberStream.Body, checksum: UInt32, size: Int, name: String,
         chunkSize: Int = ByteChunkSource.defaultChunkSize) {
        self.name = name
        self.chunkSize = max(1, chunkSize)
        storage = .zipMember(ZipMemberStream(body: body, checksum: checksum, size: size, name: name))
    }

    /// A source over bytes already in memory (tests, small inputs).
    public init(bytes: [UInt8], name: String = "<memory>", chunkSize: Int = ByteChunkSource.defaultChunkSize) {
        self.name = name
        self.chunkSize = max(1, chunkSize)
        storage = .memory(bytes)
    }

    /// The decompressed bytes of this source when it starts with the gzip magic bytes (31 139), recognised from
    /// the content whatever the file is called; otherwise this source itself. Decompression streams (RFC 1952
    /// and 1951; see `GzipDecoder`), in pieces of `chunkSize`, with no temporary copy.
    public mutating func decompressingGzip() throws -> ByteChunkSource {
        guard try peek(2).elementsEqual(GzipDecoder.magic) else { return self }
        var decompressed = self
        decompressed.storage = .gzip(GzipStream(GzipDecoder(source: self)))
        decompressed.lookahead = []
        decompressed.lookaheadStart = 0
        decompressed.storageExhausted = false
        decompressed.isCompressed = true
        return decompressed
    }

    /// This source as UTF-8 when it starts with a UTF-16 byte-order mark (FF FE little-endian, as Excel's
    /// "Unicode text" saves, or FE FF big-endian): transcoded while read (see `UTF16Transcoder`); otherwise
    /// this source itself.
    public mutating func transcodingUTF16() throws -> ByteChunkSource {
        let head = Array(try peek(2))
        let littleEndian: Bool
        switch head {
        case UTF16Transcoder.littleEndianMark: littleEndian = true
        case UTF16Transcoder.bigEndianMark: littleEndian = false
        default: return self
        }
        skip(2)
        var transcoded = self
        transcoded.storage = .utf16(UTF16Stream(UTF16Transcoder(source: self, littleEndian: littleEndian)))
        transcoded.lookahead = []
        transcoded.lookaheadStart = 0
        transcoded.storageExhausted = false
        return transcoded
    }

    /// Whether the bytes delivered are decompressed from gzip input.
    public private(set) var isCompressed = false

    /// Appends the next at most `chunkSize` bytes to `buffer` and returns how many were appended; 0 means the
    /// end of the input (and every later call returns 0 as well).
    ///
    /// - Throws: `ContactStatError(.io, "cannot read: <reason>")` when the operating system reports an error.
    public mutating func read(appendingTo buffer: inout [UInt8]) throws -> Int {
        if lookaheadStart < lookahead.count {
            let end = min(lookahead.count, lookaheadStart + chunkSize)
            buffer.append(contentsOf: lookahead[lookaheadStart..<end])
            let delivered = end - lookaheadStart
            lookaheadStart = end
            if lookaheadStart == lookahead.count {
                lookahead = []
                lookaheadStart = 0
            }
            return delivered
        }
        return try readStorage(appendingTo: &buffer)
    }

    /// The next (up to) `count` bytes, without consuming them; fewer only at the end of the input.
    public mutating func peek(_ count: Int) throws -> ArraySlice<UInt8> {
        var pending = lookahead
        lookahead = []
        defer { lookahead = pending }
        while pending.count - lookaheadStart < count {
            if try readStorage(appendingTo: &pending) == 0 { break }
        }
        let end = min(pending.count, lookaheadStart + count)
        return pending[lookaheadStart..<end]
    }

    /// Drops the next `count` bytes, which must have been peeked (used to skip a byte-order mark).
    public mutating func skip(_ count: Int) {
        lookaheadStart = min(lookahead.count, lookaheadStart + max(0, count))
    }

    private mutating func readStorage(appendingTo buffer: inout [UInt8]) throws -> Int {
        if storageExhausted { return 0 }
        switch storage {
        case .memory(let bytes):
            let end = min(bytes.count, memoryPosition + chunkSize)
            let delivered = end - memoryPosition
            buffer.append(contentsOf: bytes[memoryPosition..<end])
            memoryPosition = end
            if delivered == 0 { storageExhausted = true }
            return delivered
        case .file(let handle):
            let oldCount = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunkSize))
            let name = self.name
            let size = chunkSize
            let delivered = try buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return try handle.read(into: base + oldCount, count: size, displayName: name)
            }
            buffer.removeLast(chunkSize - delivered)
            if delivered == 0 { storageExhausted = true }
            return delivered
        case .gzip(let stream):
            let delivered = try stream.decoder.read(appendingTo: &buffer, limit: chunkSize)
            if delivered == 0 { storageExhausted = true }
            return delivered
        case .utf16(let stream):
            let delivered = try stream.transcoder.read(appendingTo: &buffer, limit: chunkSize)
            if delivered == 0 { storageExhausted = true }
            return delivered
        case .fileRange(let handle, let range):
            let bytes = try handle.read(at: memoryPosition, count: min(chunkSize, range.upperBound - memoryPosition),
                                        displayName: name)
            buffer.append(contentsOf: bytes)
            memoryPosition += bytes.count
            if bytes.isEmpty { storageExhausted = true }
            return bytes.count
        case .zipMember(let stream):
            let delivered = try stream.read(appendingTo: &buffer, limit: chunkSize)
            if delivered == 0 { storageExhausted = true }
            return delivered
        }
    }
}
