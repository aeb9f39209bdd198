/// The members of a zip archive (PKWARE's APPNOTE), as `.xlsx` workbooks are: found through the central
/// directory at the end of the file, each read whole (`contents(of:)`) or streamed (`source(of:)`), stored or
/// deflated, its CRC-32 and size checked.
///
/// Not read: zip64 archives (over 4 GiB or 65,535 members), encryption, compression methods other than 0 and
/// 8; each is refused with a message naming the archive.
struct ZipArchive: Sendable {
    /// One member of the archive, as the central directory describes it.
    struct Member: Sendable, Equatable {
        var name: String
        /// 0 stored, 8 deflated.
        var method: UInt16
        var flags: UInt16
        var checksum: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    /// The name in messages.
    let name: String
    let members: [Member]
    private let handle: FileDescriptorHandle

    /// The first four bytes of a zip file (a local file header).
    static let magic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Reads the central directory of the zip file at `path`.
    ///
    /// - Throws: `ContactStatError(.dataFormat)` naming `displayName` when the file is not a readable zip.
    init(path: String, displayName: String) throws {
        name = displayName
        handle = try FileDescriptorHandle.open(path: path, displayName: displayName)
        guard let size = handle.fileSize else {
            throw ContactStatError(.dataFormat, "is a zip archive but not a regular file", at: displayName)
        }
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535, at the very end.
        let tailSize = min(size, 22 + 65_535)
        let tail = try handle.read(at: size - tailSize, count: tailSize, displayName: displayName)
        guard let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
            ZipArchive.word(tail, $0) == 0x0605_4B50
        }) else {
            throw ContactStatError(.dataFormat, "is not a complete zip archive (no central directory; cut short?)",
                                   at: displayName)
        }
        let count = Int(ZipArchive.half(tail, end + 10))
        let directorySize = Int(ZipArchive.word(tail, end + 12))
        let directoryOffset = Int(ZipArchive.word(tail, end + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
            throw ContactStatError(.dataFormat, "is a zip64 archive, which contactstat does not read", at: displayName)
        }
        guard directoryOffset + directorySize <= size else {
            throw ContactStatError(.dataFormat, "has a damaged zip central directory", at: displayName)
        }
        let directory = try handle.read(at: directoryOffset, count: directorySize, displayName: displayName)
        var members: [Member] = []
        var position = 0
        for _ in 0..<count {
            guard position + 46 <= directory.count, ZipArchive.word(directory, position) == 0x0201_4B50 else {
                throw ContactStatError(.dataFormat, "has a damaged zip central directory", at: displayName)
            }
            let nameLength = Int(ZipArchive.half(directory, position + 28))
            let extraLength = Int(ZipArchive.half(directory, position + 30))
            let commentLength = Int(ZipArchive.half(directory, position + 32))
            guard position + 46 + nameLength <= directory.count else {
                throw ContactStatError(.dataFormat, "has a damaged zip central directory", at: displayName)
            }
            members.append(Member(
                name: String(decoding: directory[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self),
                method: ZipArchive.half(directory, position + 10),
                flags: ZipArchive.half(directory, position + 8),
                checksum: ZipArchive.word(directory, position + 16),
                compressedSize: Int(ZipArchive.word(directory, position + 20)),
                size: Int(ZipArchive.word(directory, position + 24)),
                localHeaderOffset: Int(ZipArchive.word(directory, position + 42))))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.members = members
    }

    /// The member called `name` (exact, as stored; a leading `/` ignored).
    func member(_ name: String) -> Member? {
        let wanted = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return members.first { $0.name == wanted }
    }

    /// The decompressed bytes of `member`, read whole (for the small parts of a workbook).
    func contents(of member: Member) throws -> [UInt8] {
        var source = try self.source(of: member)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(member.size)
        while try source.read(appendingTo: &bytes) > 0 {}
        return bytes
    }

    /// The decompressed bytes of `member`, streamed in pieces of `chunkSize`; the CRC-32 and size are checked
    /// when the last piece is read.
    func source(of member: Member, chunkSize: Int = ByteChunkSource.defaultChunkSize) throws -> ByteChunkSource {
        let where_ = "\(name) (\(member.name))"
        guard member.flags & 1 == 0 else {
            throw ContactStatError(.dataFormat, "is encrypted, which contactstat does not read", at: where_)
        }
        guard member.method == 0 || member.method == 8 else {
            throw ContactStatError(.dataFormat, "uses zip compression method \(member.method), which contactstat does "
                                   + "not read (only stored and deflate)", at: where_)
        }
        let header = try handle.read(at: member.localHeaderOffset, count: 30, displayName: name)
        guard header.count == 30, ZipArchive.word(header, 0) == 0x0403_4B50 else {
            throw ContactStatError(.dataFormat, "has a damaged zip member header", at: where_)
        }
        let start = member.localHeaderOffset + 30 + Int(ZipArchive.half(header, 26)) + Int(ZipArchive.half(header, 28))
        let raw = ByteChunkSource(handle: handle, range: start..<(start + member.compressedSize), name: where_,
                                  chunkSize: chunkSize)
        return ByteChunkSource(checking: member.method == 8 ? .deflated(Inflater(source: raw)) : .stored(raw),
                               checksum: member.checksum, size: member.size, name: where_, chunkSize: chunkSize)
    }

    static func half(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func word(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
