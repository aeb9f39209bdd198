/// A fixed list of byte strings stored in one allocation, read as `UnsafeBufferPointer`s without copying
/// or reference counting in a hot loop. Immutable after creation; lives as long as its owner.
final class ByteStringTable {
    private let storage: UnsafeMutablePointer<UInt8>
    private let offsets: [Int]

    /// The UTF-8 bytes of `strings`, in order.
    init(_ strings: [String]) {
        var offsets = [0]
        var total = 0
        for string in strings {
            total += string.utf8.count
            offsets.append(total)
        }
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(total, 1))
        var position = 0
        for string in strings {
            for byte in string.utf8 {
                storage[position] = byte
                position += 1
            }
        }
        self.offsets = offsets
    }

    deinit {
        storage.deallocate()
    }

    /// The number of strings.
    var count: Int { offsets.count - 1 }

    /// The bytes of string `index` (which must be in `0..<count`).
    @inline(__always)
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = offsets[index]
        return UnsafeBufferPointer(start: storage + start, count: offsets[index + 1] - start)
    }
}
