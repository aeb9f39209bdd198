/// Decompresses a gzip file (RFC 1952): one member or several concatenated (as `cat a.gz b.gz` makes them),
/// each a header, DEFLATE data and a trailer whose CRC-32 and length are checked.
///
/// Streaming: `read(appendingTo:limit:)` delivers the decompressed bytes in pieces of at most `limit`, reading
/// the compressed bytes from its source as needed, so a file of any size is decompressed in bounded memory and
/// never copied to disk. Zero bytes after the last member (padding some tools add) are ignored; anything else
/// there is refused. Errors are `ContactStatError(.dataFormat)` naming the file and the compressed byte offset.
struct GzipDecoder: Sendable {
    /// The two first bytes of every gzip member.
    static let magic: [UInt8] = [0x1F, 0x8B]

    private var source: ByteChunkSource
    /// Compressed bytes read ahead of the inflater (a member's header and trailer are read from here).
    private var pending: [UInt8] = []
    private var pendingPosition = 0
    /// Compressed bytes before `pending[0]` (for offsets in messages).
    private var pendingOffset = 0
    private var inflater: Inflater?
    /// Where the current member's DEFLATE data starts in the compressed file.
    private var memberDataOffset = 0
    private var checksum = CRC32()
    private var memberLength: UInt32 = 0
    private var members = 0
    private var finished = false

    /// A decoder of the gzip bytes `source` delivers.
    init(source: ByteChunkSource) {
        self.source = source
    }

    /// Appends at most `limit` decompressed bytes to `buffer` and returns how many; 0 at the end.
    mutating func read(appendingTo buffer: inout [UInt8], limit: Int) throws -> Int {
        while !finished {
            if var member = inflater {
                inflater = nil
                let start = buffer.count
                let count: Int
                do {
                    count = try member.inflate(into: &buffer, limit: limit)
                } catch {
                    if error == .truncated {
                        if let readError = member.readError { throw readError }
                        throw problem(error, at: memberDataOffset + member.readBytes)
                    }
                    throw problem(error, at: memberDataOffset + member.consumedBytes)
                }
                buffer.withUnsafeBufferPointer { checksum.update(UnsafeBufferPointer(rebasing: $0[start...])) }
                memberLength &+= UInt32(truncatingIfNeeded: count)
                if count > 0 {
                    inflater = member
                    return count
                }
                pendingOffset = memberDataOffset + member.consumedBytes
                let (rest, source) = member.takeRemainingInput()
                pending = rest
                pendingPosition = 0
                self.source = source
                try readTrailer()
            } else {
                try readHeader()
            }
        }
        return 0
    }

    // MARK: Members

    private mutating func readHeader() throws {
        let headerOffset = offset
        guard let first = try nextByte() else {
            if members == 0 { throw problem(.truncated, at: headerOffset) }
            finished = true
            return
        }
        if members > 0 && first == 0 {
            // Zero padding after the last member: nothing but zeros may follow.
            while let byte = try nextByte() {
                if byte != 0 { throw problem(.trailingGarbage, at: offset - 1) }
            }
            finished = true
            return
        }
        var header = CRC32()
        header.update([first])
        func byte() throws -> UInt8 {
            guard let value = try nextByte() else { throw problem(.truncated, at: offset) }
            header.update([value])
            return value
        }
        guard first == GzipDecoder.magic[0], try byte() == GzipDecoder.magic[1] else {
            throw problem(members == 0 ? .notGzip : .trailingGarbage, at: headerOffset)
        }
        let method = try byte()
        guard method == 8 else { throw problem(.unknownMethod(method), at: offset - 1) }
        let flags = try byte()
        guard flags & 0xE0 == 0 else { throw problem(.reservedFlags, at: offset - 1) }
        for _ in 0..<6 { _ = try byte() }  // MTIME, XFL, OS
        if flags & 0x04 != 0 {  // FEXTRA
            let length = Int(try byte()) | Int(try byte()) << 8
            for _ in 0..<length { _ = try byte() }
        }
        if flags & 0x08 != 0 { while try byte() != 0 {} }  // FNAME
        if flags & 0x10 != 0 { while try byte() != 0 {} }  // FCOMMENT
        if flags & 0x02 != 0 {  // FHCRC: the low 16 bits of the header's CRC-32
            let expected = UInt16(truncatingIfNeeded: header.value)
            guard let low = try nextByte(), let high = try nextByte() else { throw problem(.truncated, at: offset) }
            guard UInt16(low) | UInt16(high) << 8 == expected else { throw problem(.headerChecksum, at: offset - 2) }
        }
        memberDataOffset = offset
        inflater = Inflater(source: source, prefix: Array(pending[pendingPosition...]))
        pending = []
        pendingPosition = 0
        checksum = CRC32()
        memberLength = 0
        members += 1
    }

    /// The CRC-32 and then the length (both little-endian), each checked as soon as it is read.
    private mutating func readTrailer() throws {
        guard try nextWord() == checksum.value else { throw problem(.dataChecksum, at: offset - 4) }
        guard try nextWord() == memberLength else { throw problem(.lengthCheck, at: offset - 4) }
    }

    private mutating func nextWord() throws -> UInt32 {
        var word: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) {
            guard let byte = try nextByte() else { throw problem(.truncated, at: offset) }
            word |= UInt32(byte) << UInt32(shift)
        }
        return word
    }

    // MARK: Bytes

    /// The compressed offset of the next byte `nextByte()` returns.
    private var offset: Int { pendingOffset + pendingPosition }

    private mutating func nextByte() throws -> UInt8? {
        if pendingPosition == pending.count {
            pendingOffset += pending.count
            pending.removeAll(keepingCapacity: true)
            pendingPosition = 0
            if try source.read(appendingTo: &pending) == 0 { return nil }
        }
        defer { pendingPosition += 1 }
        return pending[pendingPosition]
    }

    private func problem(_ problem: InflateProblem, at offset: Int) -> ContactStatError {
        ContactStatError(.dataFormat, "cannot decompress (gzip): \(problem) at compressed byte \(offset)",
                         at: source.name)
    }
}
