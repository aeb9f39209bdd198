/// Gives each distinct name a small id, in order of first appearance (1, 2, ...; 0 = no name): the engine's
/// queue and agent dimensions, asked once per contact on the merging thread.
///
/// An open-addressing table keyed by `IdentityHash` of the name's UTF-8 (eight bytes at a time, cheaper than
/// the standard library's seeded hashing of a `String`), with the names compared exactly on a hit, so two names
/// never share an id. Names are told apart by their UTF-8 bytes; the mapper gives every name in NFC, so the
/// same name in two spellings of one character is one name.
struct NameInterner: Sendable {
    /// `names[id]`; `names[0]` is the empty name.
    private(set) var names: [String] = [""]
    /// Per slot: the name's id, or 0 for an empty slot; and the name's hash.
    private var slots = [UInt32](repeating: 0, count: 64)
    private var hashes = [UInt64](repeating: 0, count: 64)

    /// The id of `name`, new if it was not seen before; 0 for `nil` or an empty name.
    @inline(__always)
    mutating func id(of name: String?) -> UInt32 {
        guard let name, !name.isEmpty else { return 0 }
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
