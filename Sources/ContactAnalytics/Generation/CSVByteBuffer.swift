/// A growable byte buffer for writing CSV without `String`s: fields are appended as bytes, integers and
/// timestamps are formatted in place, and the filled part is handed to a sink and reused.
///
/// It is a class only so that it can own (and free) its raw storage; it is meant to live inside one call
/// and is deliberately not `Sendable`.
final class CSVByteBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes appended since the last `drain(into:)`.
    private(set) var count = 0

    /// A buffer with room for `capacity` bytes before it has to grow.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// Passes the filled bytes to `sink` (when there are any) and empties the buffer.
    func drain(into sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard count > 0 else { return }
        try sink(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    /// Empties the buffer without handing its bytes anywhere.
    func reset() {
        count = 0
    }

    /// Calls `body` with the filled bytes (valid only during the call).
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage, count: count))
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends `bytes` unchanged (no quoting).
    @inline(__always)
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends `bytes` unchanged (no quoting).
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends `bytes` as one CSV field (RFC 4180): enclosed in double quotes exactly when they contain a
    /// comma, a double quote, CR or LF, with every double quote doubled; otherwise unchanged.
    func appendField(_ bytes: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
            {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            append(bytes)
            return
        }
        reserve(bytes.count * 2 + 2)
        storage[count] = UInt8(ascii: "\"")
        count += 1
        for byte in bytes {
            storage[count] = byte
            count += 1
            if byte == UInt8(ascii: "\"") {
                storage[count] = byte
                count += 1
            }
        }
        storage[count] = UInt8(ascii: "\"")
        count += 1
    }

    /// Appends the decimal digits of `value` (a `-` first when negative), left-padded with zeros to at
    /// least `width` digits.
    @inline(__always)
    func appendDecimal(_ value: Int, width: Int = 1) {
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        let total = max(digits, width)
        reserve(total + 1)
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
        }
        var index = count + total - 1
        for _ in 0..<total {
            storage[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            index -= 1
        }
        count += total
    }

    /// Appends `epochSeconds` as an ISO 8601 UTC timestamp, `YYYY-MM-DDTHH:MM:SSZ` (20 bytes), using the
    /// proleptic Gregorian calendar. Valid for years 0 through 9999.
    @inline(__always)
    func appendTimestamp(epochSeconds: Int64) {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondOfDay = Int(epochSeconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        reserve(20)
        let p = storage + count
        CSVByteBuffer.writeTwoDigits(date.year / 100, to: p)
        CSVByteBuffer.writeTwoDigits(date.year % 100, to: p + 2)
        p[4] = UInt8(ascii: "-")
        CSVByteBuffer.writeTwoDigits(date.month, to: p + 5)
        p[7] = UInt8(ascii: "-")
        CSVByteBuffer.writeTwoDigits(date.day, to: p + 8)
        p[10] = UInt8(ascii: "T")
        CSVByteBuffer.writeTwoDigits(secondOfDay / 3600, to: p + 11)
        p[13] = UInt8(ascii: ":")
        CSVByteBuffer.writeTwoDigits(secondOfDay / 60 % 60, to: p + 14)
        p[16] = UInt8(ascii: ":")
        CSVByteBuffer.writeTwoDigits(secondOfDay % 60, to: p + 17)
        p[19] = UInt8(ascii: "Z")
        count += 20
    }

    @inline(__always)
    private static func writeTwoDigits(_ value: Int, to pointer: UnsafeMutablePointer<UInt8>) {
        pointer[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
        pointer[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
    }
}
