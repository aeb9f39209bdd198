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

    /// The index of the entry holding `value` (whose hash is `hash`), if any. Over the buffers' pointers, the
    /// bytes compared in place (`sameBytes`), not through `memcmp`: the values are short, and the call cost
    /// as much as the comparison.
    @inline(__always)
    private func entry(for value: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard !slots.isEmpty, let valueBase = value.baseAddress else {
            return slots.isEmpty ? nil : emptyEntry(hash: hash)
        }
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { held -> Int? in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let id = Int(slots[slot]) - 1
                        if id < 0 { return nil }
                        if entries[id].hash == hash, Int(entries[id].count) == value.count, let heldBase = held.baseAddress,
                           Self.sameBytes(heldBase + Int(entries[id].start), valueBase, count: value.count) {
                            return id
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The entry of the empty value (no bytes to compare), if held.
    private func emptyEntry(hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot]) - 1
            if id < 0 { return nil }
            if entries[id].hash == hash, entries[id].count == 0 { return id }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the `count` bytes at `a` and at `b` are the same: eight at a time (the last word ending at the
    /// last byte, overlapping the one before), or, under eight bytes, the first and the last four, two or one.
    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        let a = UnsafeRawPointer(a), b = UnsafeRawPointer(b)
        @inline(__always) func same<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) -> Bool {
            a.loadUnaligned(fromByteOffset: offset, as: Word.self) == b.loadUnaligned(fromByteOffset: offset, as: Word.self)
        }
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                if !same(i, UInt64.self) { return false }
                i += 8
            }
            return same(count - 8, UInt64.self)
        }
        if count >= 4 { return same(0, UInt32.self) && same(count - 4, UInt32.self) }
        if count >= 2 { return same(0, UInt16.self) && same(count - 2, UInt16.self) }
        return count == 0 || same(0, UInt8.self)
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
