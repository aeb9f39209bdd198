/// Eight bytes of input as one `UInt64`, for the readers' loops that look for a few byte values in long runs
/// of text (a CSV field's delimiter or line break, a JSON string's closing quote): one test per eight bytes
/// instead of one per byte.
enum ByteWord {
    /// `byte` in every byte of a word.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The top bit of every byte.
    @inline(__always)
    static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The word of `bytes[offset..<offset + 8]`, the first byte in the lowest bits.
    @inline(__always)
    static func load(_ bytes: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The high bit of every byte of `x` that is zero; below the lowest zero byte there are no false marks
    /// (the classic has-zero-byte test: only the lowest mark is used). Marks of several tests OR-ed together
    /// still have an exact lowest mark: a false mark only ever sits above a true one of its own test.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The high bit of every byte of `x` that is zero, and of no other byte (no carries between bytes: the
    /// low seven bits are added apart from the top bit), for counting every such byte.
    @inline(__always)
    static func exactZeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The offset in a word of the byte its lowest mark (from `zeroBytes`) stands for.
    @inline(__always)
    static func firstMarked(_ marks: UInt64) -> Int { marks.trailingZeroBitCount &>> 3 }

    /// Whether the `count` bytes at `a` and at `b` are the same: eight at a time (the last word ending at the
    /// last byte, overlapping the one before), or, under eight bytes, the first and the last four, two or one.
    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        let a = UnsafeRawPointer(a), b = UnsafeRawPointer(b)
        @inline(__always) func same<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) -> Bool {
            a.loadUnaligned(fromByteOffset: offset, as: Word.self) == b.loadUnaligned(fromByteOffset: offset, as: Word.self)
        }
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                if !same(i, UInt64.self) { return false }
                i += 8
            }
            return same(count - 8, UInt64.self)
        }
        if count >= 4 { return same(0, UInt32.self) && same(count - 4, UInt32.self) }
        if count >= 2 { return same(0, UInt16.self) && same(count - 2, UInt16.self) }
        return count == 0 || same(0, UInt8.self)
    }

    /// Copies `count` bytes from `source` to `target` (not overlapping): a short run (at most 32 bytes, most
    /// field values) eight at a time with the last word ending at the last byte, or, under eight bytes, the first
    /// and the last four, two or one, so no call is made and nothing outside the run is read or written; a longer
    /// one with `update(from:count:)`.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        guard count <= 32 else {
            target.update(from: source, count: count)
            return
        }
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        @inline(__always) func move<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: Word.self), toByteOffset: offset,
                          as: Word.self)
        }
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                move(i, UInt64.self)
                i += 8
            }
            move(count - 8, UInt64.self)
        } else if count >= 4 {
            move(0, UInt32.self)
            move(count - 4, UInt32.self)
        } else if count >= 2 {
            move(0, UInt16.self)
            move(count - 2, UInt16.self)
        } else if count == 1 {
            move(0, UInt8.self)
        }
    }
}
