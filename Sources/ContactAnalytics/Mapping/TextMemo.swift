import Foundation

/// The `String`s of the distinct values of a text column that repeats its values (agent, queue, language,
/// category), remembered by their bytes: a row whose value was seen before gets a copy of the remembered
/// `String` instead of one checked (UTF-8, NFC) and built again, which costs several times the lookup.
///
/// An open-addressing table on the `IdentityHash` of the bytes, kept at most half full, holding up to `capacity`
/// values; once full, a value not held is built every time. Through `store` (the mapper's way), a column whose
/// values do not repeat (fewer than a quarter of a window of 512 lookups found) bypasses the table from then
/// on, so free text pays for 512 lookups, not one per row. The table is allocated with the first value, so a
/// mapper that never reads the column costs nothing.
struct TextMemo: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var start: Int32
        var count: Int32
        var string: String
    }

    /// Per table slot: the entry's index + 1, 0 for an empty slot.
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    /// The held values' bytes, one after another (`Entry.start`, `Entry.count`).
    private var bytes: [UInt8] = []
    let capacity: Int
    /// Lookups (`store`) and how many found their value, in the current window of `Self.window` lookups.
    private var windowLookups: Int32 = 0
    private var windowFinds: Int32 = 0
    /// Set when fewer than one lookup in four of a window found its value: the column's values do not repeat
    /// (free text, ids), and remembering them costs more than it saves, so `store` makes every value without a
    /// lookup from then on.
    private(set) var isBypassed = false

    /// The lookups judged at a time (`store`).
    static let window: Int32 = 512

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// How many values are held.
    var count: Int { entries.count }

    /// The remembered string for `value`, or `make(value)` (remembered while there is room).
    @inline(__always)
    mutating func string(for value: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> String)
        -> String {
        let hash = IdentityHash.of(bytes: value)
        if let id = entry(for: value, hash: hash) { return entries[id].string }
        let made = make(value)
        if entries.count < capacity, bytes.count + value.count <= Int(Int32.max) { insert(made, bytes: value, hash: hash) }
        return made
    }

    /// Sets `field` to `string(for: value, make)`, leaving it untouched when it already holds that remembered
    /// string (the same storage: a column whose value repeats the last row's costs no retain and no release).
    @inline(__always)
    mutating func store(_ value: UnsafeBufferPointer<UInt8>, in field: inout String?,
                        _ make: (UnsafeBufferPointer<UInt8>) -> String) {
        if isBypassed {
            field = make(value)
            return
        }
        let hash = IdentityHash.of(bytes: value)
        let id = entry(for: value, hash: hash)
        judge(found: id != nil)
        if let id {
            entries.withUnsafeBufferPointer { entries in
                if let current = field, ContactRecord.isSameStorage(current, entries[id].string) { return }
                field = entries[id].string
            }
            return
        }
        let made = make(value)
        if entries.count < capacity, bytes.count + value.count <= Int(Int32.max) { insert(made, bytes: value, hash: hash) }
        field = made
    }

    /// Counts a lookup; at the end of a window, bypasses the memo when under a quarter found their value.
    @inline(__always)
    private mutating func judge(found: Bool) {
        windowLookups += 1
        if found { windowFinds += 1 }
        guard windowLookups == Self.window else { return }
        if windowFinds * 4 < windowLookups { isBypassed = true }
        windowLookups = 0
        windowFinds = 0
    }

    /// The index of the entry holding `value` (whose hash is `hash`), if any.
    @inline(__always)
    private func entry(for value: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id == 0 { return nil }
            let found = entries.withUnsafeBufferPointer { entries in
                entries[id - 1].hash == hash && Int(entries[id - 1].count) == value.count
                    && holds(value, at: Int(entries[id - 1].start))
            }
            if found { return id - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the held bytes from `start` are `value` (of the same count).
    @inline(__always)
    private func holds(_ value: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard let base = value.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { held in
            guard let heldBase = held.baseAddress else { return false }
            return memcmp(heldBase + start, base, value.count) == 0
        }
    }

    private mutating func insert(_ string: String, bytes value: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(hash: hash, start: Int32(bytes.count), count: Int32(value.count), string: string))
        bytes.append(contentsOf: value)
        place(entries.count - 1)
    }

    /// Puts entry `index` in the first free slot from its hash's.
    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        let hash = entries[index].hash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    /// Doubles the table (64 slots to start with) and places every entry again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(64, slots.count * 2))
        for index in entries.indices { place(index) }
    }
}
