/// UTF-8 checked on the 16-byte blocks a reader's copy loop already holds (`CSVRecordParser`'s scan), so the
/// bytes it passes need no second pass (`UTF8Validation.isValid`) when they are confirmed here.
///
/// The test is `UTF8Validation.isValid`'s fast path: the bytes a block passes (all sixteen, or those before a
/// stop) are confirmed when they hold only ASCII, continuation bytes (80...BF) and two-byte leads (C2...DF), and
/// every continuation follows a lead and every lead is followed by a continuation: the continuation mask
/// equals the lead mask shifted by one, with a lead in the last byte of a whole block carried into the next
/// block of the same loop. Anything else is not confirmed (`confirmed` false), not judged: a three- or
/// four-byte sequence, a byte no UTF-8 holds, a lead right before a stop (the copy goes on after an ASCII byte,
/// which breaks the sequence in the input, though not always in the record: `"\u{C3}"\u{A4}` keeps the two
/// bytes and drops the quote between them), and a lead carried out of the loop (`end()`). The caller then
/// checks the record's bytes exactly. So `confirmed` is exact only one way: true means every byte passed is
/// part of well-formed UTF-8 of ASCII and two-byte sequences, each sequence whole within what was passed.
struct UTF8BlockCheck {
    /// 1 when the last byte passed is a two-byte lead whose continuation must be the next block's first byte.
    private(set) var carry: UInt64 = 0
    /// False once a block's bytes could not be confirmed (see the type's documentation).
    private(set) var confirmed = true

    /// Passes a whole block whose top bits (`ByteBlock.bits` of the block: bit i for byte i) are `high`.
    @inline(__always)
    mutating func pass(_ block: SIMD16<UInt8>, high: UInt64) {
        guard high | carry != 0 else { return }
        let (leads, continuations) = Self.masks(block)
        let expected = (leads &<< 1) | carry
        if high != leads | continuations || continuations != expected & 0xFFFF { confirmed = false }
        carry = leads &>> 15
    }

    /// Passes the bytes of `block` before a stop (an ASCII byte the copy does not pass): `taken` has bit i set for
    /// each byte passed (the lowest bits), `high` is the block's top bits. A lead as the last byte passed, or
    /// carried into an empty `taken`, is not confirmed: its sequence is cut by the stop.
    @inline(__always)
    mutating func pass(_ block: SIMD16<UInt8>, high: UInt64, taken: UInt64) {
        let passed = high & taken
        guard passed | carry != 0 else { return }
        let (leads, continuations) = Self.masks(block)
        let takenLeads = leads & taken, takenContinuations = continuations & taken
        // Equal to the continuations passed exactly: none expected after the last byte passed.
        if passed != takenLeads | takenContinuations || takenContinuations != (takenLeads &<< 1) | carry {
            confirmed = false
        }
        carry = 0
    }

    /// Ends the loop's blocks: a lead carried out of the last one is not confirmed (its continuation is read
    /// elsewhere).
    @inline(__always)
    mutating func end() {
        if carry != 0 { confirmed = false }
        carry = 0
    }

    /// The block's two-byte leads (C2...DF) and continuation bytes (80...BF) as bit masks (bit i for byte i).
    @inline(__always)
    static func masks(_ block: SIMD16<UInt8>) -> (leads: UInt64, continuations: UInt64) {
        // As signed bytes, continuations 80...BF are -128...-65 and two-byte leads C2...DF are -62...-33.
        let signed = unsafeBitCast(block, to: SIMD16<Int8>.self)
        let continuations = ByteBlock.bits(ByteBlock.lanes(signed .< SIMD16<Int8>(repeating: -64)))
        let leads = ByteBlock.bits(ByteBlock.lanes((signed .> SIMD16<Int8>(repeating: -63))
                                                     .& (signed .< SIMD16<Int8>(repeating: -32))))
        return (leads, continuations)
    }
}
