/// Finds duplicate `contact_id`s so all but the **last** occurrence of each can be dropped (`metrics.md`).
///
/// Keeping the last occurrence needs the whole input, so ids are collected as 64-bit hashes with their
/// input index (12 bytes a contact) and settled once by sorting. Two different ids share a hash with
/// probability about n² / 2⁶⁵: below one in a million for five million contacts.
public struct DuplicateContactFilter: Sendable {
    private var ids: [(hash: UInt64, index: UInt32)] = []

    public init() {}

    /// Records that contact number `index` (input order) has `id`.
    @inline(__always)
    public mutating func add(id: String, index: Int) {
        add(hash: IdentityHash.of(id), index: index)
    }

    /// Records that contact number `index` has an id with `IdentityHash` `hash`.
    @inline(__always)
    public mutating func add(hash: UInt64, index: Int) {
        ids.append((hash, UInt32(truncatingIfNeeded: index)))
    }

    /// Reserves room for `count` ids.
    public mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
    }

    /// `dropped(count:)`, sorting in place, then frees the ids.
    public mutating func settle(count: Int) -> (flags: [Bool], total: Int) {
        Self.sort(&ids)
        let result = Self.scan(ids, count: count)
        ids = []
        return result
    }

    /// For `count` contacts: `true` for each one to drop (an id seen again later), and how many.
    public func dropped(count: Int) -> (flags: [Bool], total: Int) {
        var sorted = ids
        Self.sort(&sorted)
        return Self.scan(sorted, count: count)
    }

    private static func sort(_ ids: inout [(hash: UInt64, index: UInt32)]) {
        ids.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
    }

    /// Over ids sorted by hash then index: every id followed by the same hash is dropped.
    private static func scan(_ sorted: [(hash: UInt64, index: UInt32)], count: Int) -> (flags: [Bool], total: Int) {
        var flags = [Bool](repeating: false, count: count)
        var total = 0
        guard sorted.count > 1 else { return (flags, 0) }
        for i in 0..<(sorted.count - 1) where sorted[i].hash == sorted[i + 1].hash {
            let index = Int(sorted[i].index)
            if index < count {
                flags[index] = true
                total += 1
            }
        }
        return (flags, total)
    }
}
