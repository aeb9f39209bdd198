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
    /// How many ids ahead `dropped(count:)` prefetches the bit table's word of an id.
    static let prefetchAhead = 16

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
    /// one id in sixteen by chance); the second settles exactly, with a table of those candidates only
    /// (`CandidateTable`). Between the passes the bit table is cleared and holds the candidates' bits, so the
    /// second pass looks up in the table only the hashes whose bit is set there (the candidates and fewer than
    /// one other id in a hundred), not every id.
    public func dropped(count: Int) -> (flags: [Bool], total: Int) {
        var flags = [Bool](repeating: false, count: count)
        guard withID > 1 else { return (flags, 0) }
        let end = min(count, hashes.count)
        var bitCount = 64
        while bitCount < withID * 8 { bitCount <<= 1 }
        let mask = UInt64(bitCount - 1)
        // Each candidate once, however often its id repeats (a list with every repeat would grow with the rows).
        var table = CandidateTable()
        var bits = [UInt64](repeating: 0, count: bitCount / 64)
        hashes.withUnsafeBufferPointer { hashes in
            bits.withUnsafeMutableBufferPointer { words in
                guard let wordBase = words.baseAddress else { return }
                for index in stride(from: end - 1, through: 0, by: -1) {
                    // The bit table is megabytes for millions of ids: its words are cache misses, asked for
                    // `prefetchAhead` ids early.
                    let ahead = hashes[max(index - Self.prefetchAhead, 0)]
                    CacheLine.prefetchForWriting(wordBase + Int(truncatingIfNeeded: (ahead & mask) >> 6))
                    let hash = hashes[index]
                    if hash == 0 { continue }
                    let bit = Int(truncatingIfNeeded: hash & mask)
                    let word = bit &>> 6, bitMask = UInt64(1) &<< UInt64(bit & 63)
                    if words[word] & bitMask != 0 { table.insert(hash) } else { words[word] |= bitMask }
                }
            }
        }
        guard table.count > 0 else { return (flags, 0) }
        var total = 0
        bits.withUnsafeMutableBufferPointer { words in
            for i in words.indices { words[i] = 0 }
            table.forEachHash { hash in
                let bit = Int(truncatingIfNeeded: hash & mask)
                words[bit &>> 6] |= UInt64(1) &<< UInt64(bit & 63)
            }
            hashes.withUnsafeBufferPointer { hashes in
                guard let wordBase = words.baseAddress else { return }
                for index in stride(from: end - 1, through: 0, by: -1) {
                    let ahead = hashes[max(index - Self.prefetchAhead, 0)]
                    CacheLine.prefetchForReading(wordBase + Int(truncatingIfNeeded: (ahead & mask) >> 6))
                    let hash = hashes[index]
                    guard hash != 0 else { continue }
                    let bit = Int(truncatingIfNeeded: hash & mask)
                    guard words[bit &>> 6] & (UInt64(1) &<< UInt64(bit & 63)) != 0 else { continue }
                    if table.markSeen(hash) == .seenBefore {
                        flags[index] = true
                        total += 1
                    }
                }
            }
        }
        return (flags, total)
    }

    /// The candidate hashes of `dropped(count:)`, each with whether a later occurrence was seen yet: an
    /// open-addressing table (linear probing, at most half full) probed by the hash's top half (the bit table
    /// used the low bits, which the candidates share by construction). The hashes are already uniform, so
    /// unlike a `Set<UInt64>` nothing is hashed again.
    struct CandidateTable {
        /// What `markSeen` found.
        enum Mark: Equatable {
            /// Not a candidate (its bit was shared by chance).
            case notHeld
            /// A candidate seen for the first time (walking backwards: its last occurrence).
            case first
            /// A candidate seen before: an earlier occurrence of an id, to drop.
            case seenBefore
        }

        /// Per slot: a hash, or 0 for an empty slot (no id has hash 0).
        private var slots = [UInt64](repeating: 0, count: 16)
        private var seen = [Bool](repeating: false, count: 16)
        private var slotMask = 15
        /// The hashes held.
        private(set) var count = 0

        /// An empty table.
        init() {}

        /// A table of `hashes` (nonzero; repeats are held once).
        init(holding hashes: [UInt64]) {
            for hash in hashes { insert(hash) }
        }

        /// Holds `hash` (nonzero) unless it is held already; the table doubles when it would be over half full.
        mutating func insert(_ hash: UInt64) {
            var slot = Self.start(hash, slotMask)
            while slots[slot] != 0 {
                if slots[slot] == hash { return }
                slot = (slot &+ 1) & slotMask
            }
            if (count + 1) * 2 > slots.count {
                grow()
                slot = Self.start(hash, slotMask)
                while slots[slot] != 0 { slot = (slot &+ 1) & slotMask }
            }
            slots[slot] = hash
            count += 1
        }

        /// Calls `body` with every hash held (in no particular order).
        func forEachHash(_ body: (UInt64) -> Void) {
            for hash in slots where hash != 0 { body(hash) }
        }

        /// Twice the slots, every hash placed again (before any is marked seen).
        private mutating func grow() {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            seen = [Bool](repeating: false, count: old.count * 2)
            slotMask = slots.count - 1
            for hash in old where hash != 0 {
                var slot = Self.start(hash, slotMask)
                while slots[slot] != 0 { slot = (slot &+ 1) & slotMask }
                slots[slot] = hash
            }
        }

        @inline(__always)
        private static func start(_ hash: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: hash &>> 32) & mask
        }

        /// Marks `hash` seen; whether it is held and was seen before.
        @inline(__always)
        mutating func markSeen(_ hash: UInt64) -> Mark {
            var slot = Self.start(hash, slotMask)
            while true {
                let held = slots[slot]
                if held == 0 { return .notHeld }
                if held == hash {
                    if seen[slot] { return .seenBefore }
                    seen[slot] = true
                    return .first
                }
                slot = (slot &+ 1) & slotMask
            }
        }
    }
}
