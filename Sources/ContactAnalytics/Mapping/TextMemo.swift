import Foundation

/// The `String`s of the distinct values of a text column that repeats its values (agent, queue, language,
/// category), remembered by their bytes: a row whose value was seen before gets a copy of the remembered
/// `String` instead of one checked (UTF-8, NFC) and built again, which costs several times the lookup.
///
/// An open-addressing table (linear probing, kept at most half full) holding up to `capacity` values; once
/// full, a value not held is built every time. Each slot holds its value's hash, length, first 16 bytes and
/// `String` itself, so a value found costs one slot read, not a slot index, an entry and the bytes read one
/// after the other (on five million rows those three dependent reads mostly missed the cache). Values of up to
/// 16 bytes (most agents, queues, languages, short subjects) are compared and hashed as two words. A longer
/// value's other bytes are compared with the remembered string's own bytes, which are the value's whenever
/// making it changed nothing (ASCII, text already in NFC): the string is retained next anyway, so its
/// memory is read once for both; a value whose string differs from its bytes keeps them in `tails`.
///
/// Through `store` (the mapper's way), a column whose values do not repeat (fewer than a quarter of a window
/// of 512 lookups found) bypasses the table from then on, so free text pays for 512 lookups, not one per row.
/// The table is allocated with the first value, so a mapper that never reads the column costs nothing.
struct TextMemo: Sendable {
    /// One value held (or an empty slot: `hash` 0), 64 bytes.
    private struct Slot: Sendable {
        /// `TextMemo.hash(of:head:next:)` of the value; never 0 for a value held.
        var hash: UInt64 = 0
        /// The value's bytes 0..<8 and 8..<16 (`TextMemo.words(of:)`: little-endian, zero-padded).
        var head: UInt64 = 0
        var next: UInt64 = 0
        var count: Int32 = 0
        /// The value's `MemoOrdinal`.
        var ordinal: Int32 = -1
        /// Where the value's bytes from the 17th on start in `tails`, for a value longer than 16 bytes whose
        /// string has other bytes; -1 when `string`'s own UTF-8 bytes are the value's (`ownBytes`).
        var tailStart: Int32 = 0
        /// `string`'s UTF-8 bytes, when they are the value's and it is longer than 16 bytes: a native string's
        /// bytes, in the storage it was made with, which never moves and lives as long as the slot holds the
        /// string. Read through this pointer, not through the string (whose `withContiguousStorageIfAvailable`
        /// cost a retain and a release per lookup: two atomic operations on a line the lookup had just missed).
        /// Its bit pattern (0 for none), so the slot stays `Sendable`: only the slot's own string is read through it.
        var ownBytes: UInt = 0
        var string: String = ""
    }

    private var slots: [Slot] = []
    /// The bytes after the first 16 of the values held that are longer and whose string has other bytes (made
    /// in NFC), one after another (`Slot.tailStart`).
    private var tails: [UInt8] = []
    let capacity: Int
    /// How many values are held.
    private(set) var count = 0
    /// Lookups (`store`) and how many found their value, in the current window of `Self.window` lookups.
    private var windowLookups: Int32 = 0
    private var windowFinds: Int32 = 0
    /// Set when fewer than one lookup in four of a window found its value: the column's values do not repeat
    /// (free text, ids), and remembering them costs more than it saves, so `store` makes every value without a
    /// lookup from then on.
    private(set) var isBypassed = false

    /// The lookups judged at a time (`store`).
    static let window: Int32 = 512
    /// The bytes of a value held in its slot; the rest go to `tails`.
    static let inlineBytes = 16

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The remembered string for `value`, or `make(value)` (remembered while there is room).
    @inline(__always)
    mutating func string(for value: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> String)
        -> String {
        let (head, next) = Self.words(of: value)
        let hash = Self.hash(of: value, head: head, next: next)
        let found = slot(of: value, hash: hash, head: head, next: next)
        if found >= 0 { return slots[found].string }
        let made = make(value)
        remember(made, bytes: value, hash: hash, head: head, next: next, emptySlot: ~found)
        return made
    }

    /// Sets `field` to `string(for: value, make)`, leaving it untouched when it already holds that remembered
    /// string (the same storage: a column whose value repeats the last row's costs no retain and no release);
    /// the string's `MemoOrdinal` (`none` when the memo does not hold it).
    @inline(__always) @discardableResult
    mutating func store(_ value: UnsafeBufferPointer<UInt8>, in field: inout String?,
                        _ make: (UnsafeBufferPointer<UInt8>) -> String) -> MemoOrdinal {
        if isBypassed {
            field = make(value)
            return .none
        }
        let (head, next) = Self.words(of: value)
        let hash = Self.hash(of: value, head: head, next: next)
        let found = slot(of: value, hash: hash, head: head, next: next)
        judge(found: found >= 0)
        if found >= 0 {
            return slots.withUnsafeBufferPointer { slots in
                if let current = field, ContactRecord.isSameStorage(current, slots[found].string) {
                    return MemoOrdinal(value: slots[found].ordinal)
                }
                field = slots[found].string
                return MemoOrdinal(value: slots[found].ordinal)
            }
        }
        let made = make(value)
        let ordinal = remember(made, bytes: value, hash: hash, head: head, next: next, emptySlot: ~found)
        field = made
        return ordinal
    }

    /// The first 16 bytes of `value` as two little-endian words, zero-padded (no load past its end).
    @inline(__always)
    static func words(of value: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = value.count
        guard let base = value.baseAddress, n > 0 else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        if n < 8 { return (IdentityHash.tail(raw, from: 0, count: n), 0) }
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        if n >= 16 { return (head, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))) }
        return (head, n == 8 ? 0 : IdentityHash.tail(raw, from: 8, count: n))
    }

    /// The hash of `value`, whose first words are `head` and `next`: up to 16 bytes, two multiply-xorshift
    /// rounds over the words and the length; longer, `longHash(of:)`. Never 0 (an empty slot's).
    @inline(__always)
    static func hash(of value: UnsafeBufferPointer<UInt8>, head: UInt64, next: UInt64) -> UInt64 {
        guard value.count <= inlineBytes else { return longHash(of: value) }
        var x = (head ^ 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: value.count)) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 29
        x = (x ^ next) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 32
        return x == 0 ? 1 : x
    }

    /// The hash of a value of more than 16 bytes: each 16 bytes (the last 16 read whole, overlapping the ones
    /// before) folded into the running hash with one 64 x 64 -> 128-bit product of its two words, each mixed with
    /// a constant and the running hash, whose halves are added up with XOR (as wyhash does); then the length, the
    /// same way. About a third of the instructions of a multiply-xorshift round per eight bytes (subjects of 60
    /// bytes: about 35 instead of 110). Never 0.
    @inline(__always)
    static func longHash(of value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = value.count
        guard let base = value.baseAddress, n > inlineBytes else { return IdentityHash.of(bytes: value) }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func word(_ i: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        }
        @inline(__always) func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let product = a.multipliedFullWidth(by: b)
            return product.high ^ product.low
        }
        let odd: UInt64 = 0xE703_7ED1_A0B4_28DB
        var h: UInt64 = 0xA076_1D64_78BD_642F ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        while i + 16 < n {
            h = fold(word(i) ^ odd, word(i + 8) ^ h)
            i += 16
        }
        h = fold(word(n - 16) ^ odd, word(n - 8) ^ h)
        h = fold(h ^ 0x8EBC_6AF0_9C88_C6E3, UInt64(truncatingIfNeeded: n) ^ 0x5899_65CC_7537_4CC3)
        return h == 0 ? 1 : h
    }

    /// The slot holding `value` (whose hash and first words are given), or, when it is not held, `~slot` of the
    /// empty slot its probe ended at (`-1` before the table exists). The bytes past the first 16 compared in
    /// place (`ByteWord.sameBytes`), not through `memcmp`: the values are short, and the call cost as much; with the
    /// string's own bytes where they are the value's (`Slot.tailStart` -1), else with `tails`.
    @inline(__always)
    private func slot(of value: UnsafeBufferPointer<UInt8>, hash: UInt64, head: UInt64, next: UInt64) -> Int {
        guard !slots.isEmpty else { return -1 }
        let n = value.count
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let held = slots[i].hash
                if held == 0 { return ~i }
                if held == hash, slots[i].head == head, slots[i].next == next, Int(slots[i].count) == n {
                    if n <= Self.inlineBytes { return i }
                    let tailStart = Int(slots[i].tailStart)
                    // The pointer kept is still where the slot's string holds its bytes (debug builds: the tests
                    // would catch a standard library whose strings moved or copied their storage).
                    assert(tailStart >= 0 || slots[i].string.utf8.withContiguousStorageIfAvailable {
                        UInt(bitPattern: $0.baseAddress)
                    } == slots[i].ownBytes, "a memo slot's string no longer holds its bytes where they were")
                    if tailStart >= 0 ? sameTail(value, from: tailStart)
                        : Self.sameRest(value, UnsafePointer(bitPattern: slots[i].ownBytes)) {
                        return i
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether the bytes at `held` (as many as `value` has) are `value`'s after the first 16.
    @inline(__always)
    private static func sameRest(_ value: UnsafeBufferPointer<UInt8>, _ held: UnsafePointer<UInt8>?) -> Bool {
        guard value.count > inlineBytes, let a = value.baseAddress, let b = held else { return false }
        return ByteWord.sameBytes(a + inlineBytes, b + inlineBytes, count: value.count - inlineBytes)
    }

    /// Whether `value`'s bytes after the first 16 are those at `start` in `tails`.
    @inline(__always)
    private func sameTail(_ value: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard let base = value.baseAddress else { return false }
        return tails.withUnsafeBufferPointer { tails in
            guard let held = tails.baseAddress else { return false }
            return ByteWord.sameBytes(held + start, base + Self.inlineBytes, count: value.count - Self.inlineBytes)
        }
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

    /// Holds `string` for `value` (not held; its probe ended at `emptySlot`) while there is room; its `MemoOrdinal`
    /// (`none` when there is no room).
    @discardableResult
    private mutating func remember(_ string: String, bytes value: UnsafeBufferPointer<UInt8>, hash: UInt64,
                                   head: UInt64, next: UInt64, emptySlot: Int) -> MemoOrdinal {
        let tailCount = max(0, value.count - Self.inlineBytes)
        guard count < capacity, count < Int(Int32.max), value.count <= Int(Int32.max),
              tailCount <= Int(Int32.max) - tails.count else { return .none }
        var slot = emptySlot
        if (count + 1) * 2 > slots.count {
            grow()
            slot = firstEmptySlot(hash)
        }
        var tailStart = -1
        var ownBytes: UnsafePointer<UInt8>?
        if tailCount > 0 {
            // The string's own bytes where they are the value's (a whole comparison: `sameRest` reads only the
            // rest later). More than 16 bytes: a string in storage of its own (never a small string's copy).
            ownBytes = string.utf8.withContiguousStorageIfAvailable { held -> UnsafePointer<UInt8>? in
                guard held.count == value.count, let a = held.baseAddress, let b = value.baseAddress,
                      ByteWord.sameBytes(a, b, count: value.count) else { return nil }
                return a
            } ?? nil
            if ownBytes == nil {
                tailStart = tails.count
                tails.append(contentsOf: UnsafeBufferPointer(rebasing: value[Self.inlineBytes...]))
            }
        }
        let ordinal = Int32(count)
        slots[slot] = Slot(hash: hash, head: head, next: next, count: Int32(value.count), ordinal: ordinal,
                           tailStart: Int32(tailStart), ownBytes: UInt(bitPattern: ownBytes), string: string)
        count += 1
        return MemoOrdinal(value: ordinal)
    }

    /// The first empty slot from `hash`'s.
    private func firstEmptySlot(_ hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].hash != 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// Doubles the table (64 slots to start with) and places every value again.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: max(64, old.count * 2))
        for held in old where held.hash != 0 { slots[firstEmptySlot(held.hash)] = held }
    }
}
