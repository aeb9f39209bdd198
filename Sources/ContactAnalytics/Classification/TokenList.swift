/// The tokens of one field, lower-cased (and folded if asked), stored back to back in one reusable buffer.
///
/// An empty token is a barrier: it matches nothing, so a phrase cannot span it (used between tags).
struct TokenList: Sendable, TokenSink {
    var bytes: [UInt8] = []
    /// `ends[i]` is the end offset of token `i`; token `i` starts where token `i - 1` ends.
    var ends: [Int] = []
    private var fieldStart = (bytes: 0, ends: 0)

    var count: Int { ends.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Appends a barrier (an empty token) unless the list is empty or already ends with one.
    mutating func appendBarrier() {
        guard let last = ends.last else { return }
        let start = ends.count >= 2 ? ends[ends.count - 2] : 0
        if last > start { ends.append(bytes.count) }
    }

    /// The tokens as strings (tests and diagnostics).
    var strings: [String] {
        (0..<count).map { String(decoding: bytes[range($0)], as: UTF8.self) }
    }

    // MARK: TokenSink

    mutating func beginField() {
        fieldStart = (bytes.count, ends.count)
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    @inline(__always)
    mutating func endToken() {
        ends.append(bytes.count)
    }

    mutating func rollBack() {
        bytes.removeSubrange(fieldStart.bytes...)
        ends.removeSubrange(fieldStart.ends...)
    }
}
