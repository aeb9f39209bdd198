/// Finds duplicate `contact_id`s so all but the **last** occurrence of each can be dropped (`metrics.md`).
///
/// Keeping the last occurrence needs the whole input, so each contact's id is kept as a 64-bit hash in input
/// order (8 bytes a contact, 0 for none) and settled once, walking backwards: an id already seen later makes
/// the earlier contact a duplicate. Two different ids share a hash with probability about n² / 2⁶⁵: below one
/// in a million for five million contacts.
public struct DuplicateContactFilter: Sendable {
    /// `hashes[i]` is the id hash of contact `i`, or 0 when it has no id.
    private var hashes: [UInt64] = []
    private var withID = 0

    public init() {}

    /// Records that contact number `index` (input order) has `id`.
    @inline(__always)
    public mutating func add(id: String, index: Int) {
        add(hash: IdentityHash.of(id), index: index)
    }

    /// Records that contact number `index` has an id with `IdentityHash` `hash` (never 0).
    @inline(__always)
    public mutating func add(hash: UInt64, index: Int) {
        if index >= hashes.count {
            if index > hashes.count { hashes.append(contentsOf: repeatElement(0, count: index - hashes.count)) }
            hashes.append(hash)
        } else {
            if hashes[index] == 0 { withID += 1 }
            hashes[index] = hash
            return
        }
        withID += 1
    }

    /// Reserves room for `count` contacts.
    public mutating func reserveCapacity(_ count: Int) {
        hashes.reserveCapacity(count)
    }

    /// `dropped(count:)`, then frees the hashes.
    public mutating func settle(count: Int) -> (flags: [Bool], total: Int) {
        let result = dropped(count: count)
        hashes = []
        withID = 0
        return result
    }

    /// For `count` contacts: `true` for each one to drop (an id seen again later), and how many.
    ///
    /// Two backward passes keep memory small: the first sets one bit per hash in a bit table of at least 8
    /// bits per id and collects the hashes whose bit was already set (every id that occurs twice, plus about
    /// one id in sixteen by chance); the second settles exactly, with a set of those candidates only. Between
    /// the passes the bit table is cleared and holds the candidates' bits, so the second pass looks up in the
    /// set only the hashes whose bit is set there (the candidates and fewer than one other id in a hundred), not
    /// every id.
    public func dropped(count: Int) -> (flags: [Bool], total: Int) {
        var flags = [Bool](repeating: false, count: count)
        var total = 0
        guard withID > 1 else { return (flags, 0) }
        let end = min(count, hashes.count)
        var bitCount = 64
        while bitCount < withID * 8 { bitCount <<= 1 }
        let mask = UInt64(bitCount - 1)
        var candidates = Set<UInt64>()
        var bits = [UInt64](repeating: 0, count: bitCount / 64)
        for index in stride(from: end - 1, through: 0, by: -1) {
            let hash = hashes[index]
            if hash == 0 { continue }
            let bit = Int(truncatingIfNeeded: hash & mask)
            let word = bit >> 6, mask = UInt64(1) << UInt64(bit & 63)
            if bits[word] & mask != 0 { candidates.insert(hash) } else { bits[word] |= mask }
        }
        guard !candidates.isEmpty else { return (flags, 0) }
        bits.withUnsafeMutableBufferPointer { words in
            for i in words.indices { words[i] = 0 }
        }
        for hash in candidates {
            let bit = Int(truncatingIfNeeded: hash & mask)
            bits[bit >> 6] |= UInt64(1) << UInt64(bit & 63)
        }
        var seen = Set<UInt64>(minimumCapacity: candidates.count)
        for index in stride(from: end - 1, through: 0, by: -1) {
            let hash = hashes[index]
            guard hash != 0 else { continue }
            let bit = Int(truncatingIfNeeded: hash & mask)
            guard bits[bit >> 6] & (UInt64(1) << UInt64(bit & 63)) != 0, candidates.contains(hash) else { continue }
            if !seen.insert(hash).inserted {
                flags[index] = true
                total += 1
            }
        }
        return (flags, total)
    }
}
