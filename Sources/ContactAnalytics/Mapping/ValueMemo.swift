/// Remembers the normalised value of the few distinct raw values a column holds (channels, statuses), so the
/// alias tables fold and look up each distinct value once rather than once per row. Holds at most
/// `capacity` values, compared byte for byte; a column with more distinct values simply bypasses it.
struct ValueMemo<Value: Sendable>: Sendable {
    private var keys: [[UInt8]] = []
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
        for i in 0..<keys.count where keys[i].count == bytes.count {
            let same = keys[i].withUnsafeBufferPointer { key in
                var j = 0
                while j < key.count, key[j] == bytes[j] { j += 1 }
                return j == key.count
            }
            if same { return i }
        }
        return nil
    }

    private mutating func remember(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        if keys.count < capacity {
            keys.append(Array(bytes))
            values.append(value)
        }
    }
}
