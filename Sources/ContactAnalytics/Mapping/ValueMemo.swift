/// Remembers the normalised value of the few distinct raw values a column holds (channels, statuses), so the
/// alias tables fold and look up each distinct value once rather than once per row. Holds at most
/// `capacity` values; a column with more distinct values simply bypasses it.
///
/// A value is compared as its length and first 16 bytes in two words (`TextMemo.words(of:)`), and past those
/// byte for byte: a lookup is a few word comparisons per value held, not a loop over each value's bytes
/// (statuses and channels come in no order, so that loop's exits were mispredicted at nearly every value).
struct ValueMemo<Value: Sendable>: Sendable {
    /// A value held: its length, its first 16 bytes as words, and (longer values only) all its bytes.
    private struct Key: Sendable {
        var count: Int
        var head: UInt64
        var next: UInt64
        var bytes: [UInt8]
    }

    private var keys: [Key] = []
    private var values: [Value] = []
    let capacity: Int

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The remembered value for `bytes`, or `compute(bytes)` (remembered while there is room).
    @inline(__always)
    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, _ compute: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        if let i = index(of: bytes) { return values[i] }
        let value = compute(bytes)
        remember(value, for: bytes)
        return value
    }

    /// `body` of the remembered value for `bytes`, or of `compute(bytes)` (remembered while there is room); a
    /// remembered value is lent to `body`, not copied (no retain of the strings it holds).
    @inline(__always)
    mutating func withValue<Result>(for bytes: UnsafeBufferPointer<UInt8>,
                                    _ compute: (UnsafeBufferPointer<UInt8>) -> Value,
                                    _ body: (Value) -> Result) -> Result {
        if let i = index(of: bytes) { return values.withUnsafeBufferPointer { body($0[i]) } }
        let value = compute(bytes)
        remember(value, for: bytes)
        return body(value)
    }

    /// The index of the remembered value for `bytes`, if any.
    @inline(__always)
    private func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let (head, next) = TextMemo.words(of: bytes)
        let n = bytes.count
        return keys.withUnsafeBufferPointer { keys -> Int? in
            for i in keys.indices where keys[i].head == head && keys[i].next == next && keys[i].count == n {
                if n <= TextMemo.inlineBytes || keys[i].bytes.elementsEqual(bytes) { return i }
            }
            return nil
        }
    }

    private mutating func remember(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        guard keys.count < capacity else { return }
        let (head, next) = TextMemo.words(of: bytes)
        keys.append(Key(count: bytes.count, head: head, next: next,
                        bytes: bytes.count > TextMemo.inlineBytes ? Array(bytes) : []))
        values.append(value)
    }
}
