/// How many mapped records filled each canonical field, tallied by the set of fields a record filled (one bit
/// per `CanonicalField.position`): an export's records fill few different sets, so a record costs one slot's
/// count, not an update per field.
///
/// A record's set goes to a slot chosen by a hash of the set (32 slots); a slot holds one set and the number of
/// records since it took the slot that filled exactly that set. When another set takes the slot, the one it
/// held is added to the per-field counts (`folded`), field by field. `count(at:)` is the per-field count plus
/// the records of every slot whose set holds the field, so the figures are the same whichever slots the sets
/// fall in.
struct FilledFieldTally: Sendable {
    /// A set of fields and the records that filled exactly it (`records` 0: an empty slot).
    private struct Slot: Sendable {
        var fields: UInt64 = 0
        var records = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 32)
    /// The records of the sets folded out of their slots, by field position.
    private var folded = [Int](repeating: 0, count: 64)

    /// Counts one record that filled `fields` (a set of field positions).
    @inline(__always)
    mutating func add(_ fields: UInt64) {
        let index = Int(truncatingIfNeeded: (fields &* 0x9E37_79B9_7F4A_7C15) &>> 59)
        let evicted = slots.withUnsafeMutableBufferPointer { slots -> Slot in
            let held = slots[index]
            if held.fields == fields {
                slots[index].records = held.records &+ 1
                return Slot()
            }
            slots[index] = Slot(fields: fields, records: 1)
            return held
        }
        if evicted.records > 0 { fold(evicted) }
    }

    /// How many records counted filled the field at `position`.
    func count(at position: Int) -> Int {
        var total = folded[position]
        for slot in slots where (slot.fields >> UInt64(position)) & 1 == 1 { total += slot.records }
        return total
    }

    /// Forgets every record counted (the storage is kept).
    mutating func removeAll() {
        for index in slots.indices { slots[index] = Slot() }
        for index in folded.indices { folded[index] = 0 }
    }

    /// Adds a set's records to the per-field counts (out of line: only when a set loses its slot).
    @inline(never)
    private mutating func fold(_ slot: Slot) {
        var fields = slot.fields
        while fields != 0 {
            folded[fields.trailingZeroBitCount] += slot.records
            fields &= fields &- 1
        }
    }
}
