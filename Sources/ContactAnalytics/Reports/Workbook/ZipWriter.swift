/// Writes a zip archive (PKWARE's APPNOTE) of stored, uncompressed members into memory: what an `.xlsx` file
/// needs, with nothing but CRC-32. Every member carries the same fixed time (1980-01-01 00:00), so the same
/// content gives the same bytes.
struct ZipWriter {
    private(set) var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// Adds a member called `name` holding `contents`.
    mutating func add(_ name: String, _ contents: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(contents)
        let offset = bytes.count
        // Local file header.
        word(&bytes, 0x0403_4B50)
        half(&bytes, 20)  // version needed: 2.0
        half(&bytes, 0x0800)  // flags: names are UTF-8
        half(&bytes, 0)  // stored
        half(&bytes, 0)  // time 00:00
        half(&bytes, 0x21)  // date 1980-01-01
        word(&bytes, crc)
        word(&bytes, UInt32(contents.count))
        word(&bytes, UInt32(contents.count))
        half(&bytes, UInt16(nameBytes.count))
        half(&bytes, 0)
        bytes += nameBytes
        bytes += contents
        // Central directory entry.
        word(&directory, 0x0201_4B50)
        half(&directory, 20)  // made by: 2.0
        half(&directory, 20)
        half(&directory, 0x0800)
        half(&directory, 0)
        half(&directory, 0)
        half(&directory, 0x21)
        word(&directory, crc)
        word(&directory, UInt32(contents.count))
        word(&directory, UInt32(contents.count))
        half(&directory, UInt16(nameBytes.count))
        half(&directory, 0)  // extra
        half(&directory, 0)  // comment
        half(&directory, 0)  // disk
        half(&directory, 0)  // internal attributes
        word(&directory, 0)  // external attributes
        word(&directory, UInt32(offset))
        directory += nameBytes
        count += 1
    }

    /// The archive: the members, the central directory and its end record.
    func finished() -> [UInt8] {
        var out = bytes
        let directoryOffset = out.count
        out += directory
        word(&out, 0x0605_4B50)
        half(&out, 0)
        half(&out, 0)
        half(&out, UInt16(count))
        half(&out, UInt16(count))
        word(&out, UInt32(directory.count))
        word(&out, UInt32(directoryOffset))
        half(&out, 0)
        return out
    }

    private func half(_ out: inout [UInt8], _ value: UInt16) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private func word(_ out: inout [UInt8], _ value: UInt32) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}
