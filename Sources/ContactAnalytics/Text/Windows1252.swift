/// Decoding Windows-1252 (the usual "ANSI" code page of Western European spreadsheets) to UTF-8.
///
/// Follows the WHATWG Encoding Standard: 0x80-0x9F map to the typographic characters of the code page
/// (0x80 is "€"), the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the
/// C1 control characters of the same value, and 0xA0-0xFF map to U+00A0-U+00FF (Latin-1).
enum Windows1252 {
    /// Code points for bytes 0x80-0x9F.
    private static let highControlRange: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Appends the UTF-8 encoding of the Windows-1252 text `bytes` to `output`.
    static func appendUTF8<C: Collection>(of bytes: C, to output: inout [UInt8]) where C.Element == UInt8 {
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? UInt32(highControlRange[Int(byte - 0x80)]) : UInt32(byte)
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }
}
