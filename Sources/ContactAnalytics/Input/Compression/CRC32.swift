/// The CRC-32 of ISO 3309 / ITU-T V.42 (polynomial 0xEDB88320, reflected), as gzip (RFC 1952) and zip use it.
///
/// Fed in pieces: `CRC32()` then `update(_:)` for each piece; `value` is the checksum of everything so far.
/// The check value of the nine bytes `123456789` is `0xCBF43926`.
public struct CRC32: Sendable, Equatable {
    /// The checksum of the bytes fed so far.
    public private(set) var value: UInt32 = 0

    /// A checksum of nothing (0).
    public init() {}

    /// Adds `bytes` to the checksum.
    public mutating func update<C: Sequence>(_ bytes: C) where C.Element == UInt8 {
        var crc = ~value
        for byte in bytes {
            crc = CRC32.table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
        }
        value = ~crc
    }

    /// Adds the bytes in `buffer` to the checksum (the fast path for arrays).
    public mutating func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        var crc = ~value
        CRC32.table.withUnsafeBufferPointer { table in
            for byte in buffer {
                crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
            }
        }
        value = ~crc
    }

    /// The checksum of `bytes` alone.
    public static func checksum<C: Sequence>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// The 256 remainders of one byte.
    static let table: [UInt32] = (0..<256).map { index -> UInt32 in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }
}
