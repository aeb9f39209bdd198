/// Turns UTF-16 text (little- or big-endian, after its byte-order mark) into UTF-8 as it is read: Excel's
/// "Unicode text" export (UTF-16LE, tab-separated) and other UTF-16 files are then read like any UTF-8 export.
///
/// Surrogate pairs may straddle the pieces the source delivers. A lone surrogate or an odd final byte is not
/// text: refused with the byte offset (never replaced silently).
struct UTF16Transcoder: Sendable {
    /// The byte-order marks: FF FE little-endian, FE FF big-endian.
    static let littleEndianMark: [UInt8] = [0xFF, 0xFE]
    static let bigEndianMark: [UInt8] = [0xFE, 0xFF]

    private var source: ByteChunkSource
    private let littleEndian: Bool
    /// Bytes read but not yet decoded (an odd byte, or the first unit of a surrogate pair).
    private var pending: [UInt8] = []
    /// Bytes of the file before `pending[0]`, counting the byte-order mark (for offsets in messages).
    private var offset = 2
    private var ended = false

    /// A transcoder of `source`, positioned after the byte-order mark.
    init(source: ByteChunkSource, littleEndian: Bool) {
        self.source = source
        self.littleEndian = littleEndian
    }

    /// UTF-8 made but not yet delivered (from `outputStart`).
    private var output: [UInt8] = []
    private var outputStart = 0

    /// Appends at most `limit` bytes of UTF-8 to `buffer`; returns how many, 0 at the end.
    mutating func read(appendingTo buffer: inout [UInt8], limit: Int) throws -> Int {
        if outputStart == output.count {
            output.removeAll(keepingCapacity: true)
            outputStart = 0
            var made = output
            output = []
            try transcode(into: &made)
            output = made
        }
        let count = min(max(1, limit), output.count - outputStart)
        buffer.append(contentsOf: output[outputStart..<(outputStart + count)])
        outputStart += count
        return count
    }

    /// Appends the UTF-8 of the next piece of the source (at least one code point unless at the end).
    private mutating func transcode(into buffer: inout [UInt8]) throws {
        let start = buffer.count
        while buffer.count == start && !ended {
            var input = pending
            pending = []
            if try source.read(appendingTo: &input) == 0 {
                ended = true
                guard input.isEmpty else {
                    throw problem(input.count == 1 ? "ends in half a UTF-16 code unit" : "ends inside a UTF-16 surrogate pair",
                                  at: offset)
                }
                break
            }
            var index = 0
            while index + 1 < input.count {
                let unit = self.unit(input, index)
                if unit < 0x80 {
                    buffer.append(UInt8(unit))
                    index += 2
                } else if unit < 0x800 {
                    buffer.append(UInt8(0xC0 | unit >> 6))
                    buffer.append(UInt8(0x80 | unit & 0x3F))
                    index += 2
                } else if unit & 0xFC00 == 0xD800 {
                    guard index + 3 < input.count else { break }
                    let low = self.unit(input, index + 2)
                    guard low & 0xFC00 == 0xDC00 else {
                        throw problem("has a lone UTF-16 high surrogate", at: offset + index)
                    }
                    let scalar = 0x10000 + (UInt32(unit & 0x3FF) << 10 | UInt32(low & 0x3FF))
                    buffer.append(UInt8(0xF0 | scalar >> 18))
                    buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                    buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                    buffer.append(UInt8(0x80 | scalar & 0x3F))
                    index += 4
                } else if unit & 0xFC00 == 0xDC00 {
                    throw problem("has a lone UTF-16 low surrogate", at: offset + index)
                } else {
                    buffer.append(UInt8(0xE0 | unit >> 12))
                    buffer.append(UInt8(0x80 | unit >> 6 & 0x3F))
                    buffer.append(UInt8(0x80 | unit & 0x3F))
                    index += 2
                }
            }
            pending = Array(input[index...])
            offset += index
        }
    }

    @inline(__always)
    private func unit(_ bytes: [UInt8], _ index: Int) -> UInt16 {
        littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
            : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
    }

    private func problem(_ what: String, at offset: Int) -> ContactStatError {
        ContactStatError(.dataFormat, "is UTF-16 but \(what) at byte \(offset)", at: source.name)
    }
}
