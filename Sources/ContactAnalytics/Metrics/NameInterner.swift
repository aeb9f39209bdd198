/// Gives each distinct name a small id, in order of first appearance (1, 2, ...; 0 = no name): the engine's
/// queue and agent dimensions, asked once per contact on the merging thread.
///
/// An open-addressing table keyed by `IdentityHash` of the name's UTF-8 (eight bytes at a time, cheaper than
/// the standard library's seeded hashing of a `String`), with the names compared exactly on a hit, so two names
/// never share an id. Names are told apart by their UTF-8 bytes; the mapper gives every name in NFC, so the
/// same name in two spellings of one character is one name.
///
/// **Recent names.** Before hashing its bytes, a name is looked up by its `String` value's own 16 bytes in a
/// small direct-mapped memo (`recentBits`). Equal bytes are the same name: a short name's bytes are its text, a
/// long one's point to its storage, which the memo keeps alive (`recentNames`), so it cannot be freed and reused
/// for another name meanwhile. The mapper gives every row's agent and queue the same storage as the last row
/// with that name (`TextMemo`), so nearly every lookup ends there; a name in other storage just takes the table.
struct NameInterner: Sendable {
    /// `names[id]`; `names[0]` is the empty name.
    private(set) var names: [String] = [""]
    /// Per slot: the name's id, or 0 for an empty slot; and the name's hash.
    private var slots = [UInt32](repeating: 0, count: 64)
    private var hashes = [UInt64](repeating: 0, count: 64)
    /// The memo of recent names: per entry the `String`'s two words and its id (0: empty entry), together so a
    /// lookup reads one place (24 bytes, not two arrays' lines), and the name.
    private var recent = [RecentName](repeating: RecentName(), count: Self.recentCount)
    private var recentNames = [String](repeating: "", count: Self.recentCount)

    /// One entry of the memo of recent names.
    private struct RecentName: Sendable {
        var bits: (UInt64, UInt64) = (0, 0)
        var id: UInt32 = 0
    }
    /// Entries of the memo, picked by the top 8 bits of a mix of the name's words. 256, not fewer: the 40
    /// agents of the generated benchmark in 64 entries shared some, and their lookups went to the table often
    /// (`lookUp` took 0.6 % of a 5M-row run).
    private static let recentCount = 256

    /// The id of `name`, new if it was not seen before; 0 for `nil` or an empty name.
    @inline(__always)
    mutating func id(of name: String?) -> UInt32 {
        guard let name, !name.isEmpty else { return 0 }
        // Where a `String` is not two words, every name takes the table.
        guard let bits = StringStorageWords.of(name) else { return lookUp(name) }
        let mixed = (bits.0 &* 0x9E37_79B9_7F4A_7C15) ^ (bits.1 &* 0xBF58_476D_1CE4_E5B9)
        let entry = Int(truncatingIfNeeded: mixed >> 56)
        let known = recent[entry]
        if known.id != 0, known.bits == bits { return known.id }
        let id = lookUp(name)
        recent[entry] = RecentName(bits: bits, id: id)
        recentNames[entry] = name
        return id
    }

    /// The id of a non-empty `name` from the table, new if it was not seen before (out of line: the memo's
    /// lookup stays small where it is inlined).
    @inline(never)
    private mutating func lookUp(_ name: String) -> UInt32 {
        let hash = IdentityHash.of(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id == 0 { break }
            if hashes[slot] == hash, names[Int(id)] == name { return id }
            slot = (slot + 1) & mask
        }
        let id = UInt32(names.count)
        names.append(name)
        slots[slot] = id
        hashes[slot] = hash
        if names.count * 2 > slots.count { grow() }
        return id
    }

    /// Doubles the table (load factor at most one half).
    private mutating func grow() {
        let count = slots.count * 2
        var newSlots = [UInt32](repeating: 0, count: count)
        var newHashes = [UInt64](repeating: 0, count: count)
        for (slot, id) in slots.enumerated() where id != 0 {
            var target = Int(truncatingIfNeeded: hashes[slot]) & (count - 1)
            while newSlots[target] != 0 { target = (target + 1) & (count - 1) }
            newSlots[target] = id
            newHashes[target] = hashes[slot]
        }
        slots = newSlots
        hashes = newHashes
    }
}
