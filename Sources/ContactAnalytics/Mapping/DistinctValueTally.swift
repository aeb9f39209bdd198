/// The distinct values of a sampled column, byte for byte, each with how often it occurred and whether the
/// field's parser reads it, in the order first seen; at most `capacity` of them.
///
/// The alias-column check keeps every value of a status column (`ColumnValueCheck`); a status column holds a
/// few distinct values, so counting them here and handing each to the check once (`flush(into:)`), with its
/// count, spares a `String` and two dictionary lookups per sampled record of every file.
struct DistinctValueTally: Sendable {
    private var keys: [[UInt8]] = []
    private var counts: [Int] = []
    private var verdicts: [Bool] = []
    let capacity: Int

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// Counts `bytes`, judging a new value with `readable`. Returns `false`, counting nothing, for a new value
    /// when `capacity` values are held already.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, readable: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        for i in keys.indices where Self.same(keys[i], bytes) {
            counts[i] += 1
            return true
        }
        guard keys.count < capacity else { return false }
        keys.append(Array(bytes))
        counts.append(1)
        verdicts.append(readable(bytes))
        return true
    }

    /// Whether `key` holds exactly `bytes` (compared byte by byte over both buffers: a generic comparison of
    /// an array with a buffer cost more than the rest of a status value's tally).
    private static func same(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == bytes.count else { return false }
        return key.withUnsafeBufferPointer { key in
            for j in 0..<key.count where key[j] != bytes[j] { return false }
            return true
        }
    }

    /// Gives `check` every value counted, in the order first seen, as that many `observe(_:readable:)` calls
    /// would (`ColumnValueCheck.observe(_:readable:times:)`), and empties the tally.
    mutating func flush(into check: inout ColumnValueCheck) {
        for i in keys.indices {
            check.observe(String(decoding: keys[i], as: UTF8.self), readable: verdicts[i], times: counts[i])
        }
        keys.removeAll()
        counts.removeAll()
        verdicts.removeAll()
    }
}
