/// A read position in one field's UTF-8 bytes, used by the value parsers.
///
/// The cursor never allocates. Reading past the end yields `0`, a byte that never starts a token we accept,
/// so parsers can peek without bounds checks at every step.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index: Int
    /// One past the last byte of the (trimmed) field.
    let end: Int

    /// A cursor over `bytes` with leading and trailing white space (space, tab, CR, LF, NBSP) trimmed.
    init(trimming bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var start = 0
        var end = bytes.count
        while start < end {
            if ByteCursor.isSpace(bytes[start]) {
                start += 1
            } else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if ByteCursor.isSpace(bytes[end - 1]) {
                end -= 1
            } else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        self.index = start
        self.end = end
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `bytes` without leading and trailing white space (spaces, tabs, CR, LF): how every text field is trimmed
    /// (`RawRecordFields.trimmedString`, the mapper's text columns, the alias-column check).
    @inline(__always)
    static func trimmingSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0, upper = bytes.count
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while lower < upper, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower == upper ? UnsafeBufferPointer(start: nil, count: 0) : UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// `true` when every byte is ASCII (below 0x80).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in bytes { any |= byte }
        return any < 0x80
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// The number of bytes left.
    @inline(__always)
    var remaining: Int { end - index }

    @inline(__always)
    var isAtEnd: Bool { index >= end }

    /// The byte `offset` places ahead, or `0` past the end.
    @inline(__always)
    func peek(_ offset: Int = 0) -> UInt8 {
        let position = index + offset
        return position < end ? bytes[position] : 0
    }

    /// Consumes `byte` if it is next.
    @inline(__always)
    mutating func skip(_ byte: UInt8) -> Bool {
        if index < end, bytes[index] == byte {
            index += 1
            return true
        }
        return false
    }

    /// Consumes spaces and tabs; returns how many.
    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = index
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index - start
    }

    /// Reads between `min` and `max` ASCII digits as a number; `nil` (cursor unchanged) when fewer than `min`.
    @inline(__always)
    mutating func number(minDigits: Int = 1, maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while count < maxDigits, index + count < end {
            let digit = bytes[index + count] &- 0x30
            if digit >= 10 { break }
            value = value * 10 + Int(digit)
            count += 1
        }
        if count < minDigits { return nil }
        index += count
        return value
    }

    /// Consumes a run of ASCII digits; returns how many.
    @discardableResult
    mutating func skipDigits() -> Int {
        let start = index
        while index < end, ByteCursor.isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    /// Consumes a run of ASCII letters; returns how many.
    @discardableResult
    mutating func skipLetters() -> Int {
        let start = index
        while index < end, ByteCursor.isLetter(bytes[index]) { index += 1 }
        return index - start
    }

    /// Consumes `word` (lower-case ASCII) if the next bytes equal it, ignoring ASCII case.
    mutating func skipWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { return false }
        let pointer = word.utf8Start
        for offset in 0..<count where bytes[index + offset] | 0x20 != pointer[offset] {
            return false
        }
        index += count
        return true
    }
}

extension ByteCursor {
    /// A copy of `cursor` positioned at `index`.
    @inline(__always)
    static func at(_ index: Int, in cursor: ByteCursor) -> ByteCursor {
        var copy = cursor
        copy.index = index
        return copy
    }
}
