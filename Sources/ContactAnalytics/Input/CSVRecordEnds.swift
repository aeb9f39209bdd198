/// Where the last CSV record in a buffer ends, found 64 bytes at a time: the reader thread's cut of the input
/// into chunks (`CSVRecordParser.lastRecordEnd(in:)`) for files whose lines end in LF or CRLF.
///
/// Each 64-byte block is compared with LF and `"` as four 16-byte vectors (`ByteBlock`: SSE2, the x86-64
/// baseline; NEON on ARM). Line feeds are counted in byte lanes (a compare gives -1 per match, subtracted; the
/// lanes are added up every 63 blocks), so the line count costs no pass of its own. A block without a quote only notes whether it
/// holds a line feed outside quotes. A block with quotes gets bit masks (bit i for byte i) of its quotes, line
/// feeds and delimiters, and the quote state inside it is the prefix XOR of the quote mask (bit i: the parity
/// of the quotes up to byte i), carried from block to block, as simdjson and simdcsv find strings.
///
/// Parity is exact for this grammar (`CSVRecordParser`) once the quotes that are data are left out: a quote
/// opens a quoted field only at the start of a field (after a delimiter, a line feed, the start of the buffer,
/// or as the second quote of `""` after a closing one); elsewhere outside quotes (`ab"c`, `"ab"c"`) it is an
/// ordinary byte. So the lowest opening quote (by parity) that follows no such byte is dropped from the mask
/// and the parity taken again, until every opening quote is a true one. A quote right after a CR is the one
/// case the bytes before do not settle (the CR may begin an empty line between records, where a quote opens
/// a field, or sit inside an unquoted field, where it does not): then the answer is `.undecided` and the
/// caller scans exactly.
///
/// The last record end is the first line feed of the last run of line breaks outside quotes that follows a
/// record's bytes (the rest of the run are empty lines, which belong to the next record), as the exact scan
/// finds it. Tests compare the two on generated, realistic and random input.
enum CSVRecordEnds {
    /// What `lastRecordEnd` found.
    enum Outcome: Equatable {
        /// A record ends just before `offset`; `lineBreaks` line feeds come before it.
        case found(offset: Int, lineBreaks: Int)
        /// No record ends in the buffer.
        case none
        /// A quote after a CR: the exact scan must decide.
        case undecided
    }

    /// The last record end in `bytes[0..<count]`, a buffer that starts between records, of a file whose
    /// lone CRs are data (`CSVRecordParser.crEndsLines` false).
    static func lastRecordEnd(_ bytes: UnsafePointer<UInt8>, count: Int, delimiter: UInt8) -> Outcome {
        // All ones while the block starts inside a quoted field.
        var inQuotes: UInt64 = 0
        // What the last byte of a block with quotes allows the block after it (`carriedAt`): 1 when a quote may
        // open a field there, and 1 when it is a CR. After a block without quotes both are read from its last
        // byte, and only when the next block has quotes (most blocks have none).
        var carriedOpensField: UInt64 = 0, carriedAfterCR: UInt64 = 0, carriedAt = -1
        // The last line feed outside quotes: its exact offset, or the block holding it (found at the end).
        var lastLF = -1, lastLFBlock = -1
        var lanes = SIMD16<UInt8>(repeating: 0)
        var blocksInLanes = 0
        var lineFeeds = 0
        var base = 0
        // Offsets and counts stay below `count` (no overflow checks).
        while base < count {
            let whole = base &+ 64 <= count
            // The last bytes, fewer than 64, are padded with zeros (no byte looked for is zero).
            let block = whole ? ByteBlock(bytes + base) : ByteBlock(bytes + base, count: count &- base)
            let lineFeedLanes = block.matches(0x0A)
            ByteBlock.count(lineFeedLanes, into: &lanes)
            blocksInLanes &+= 1
            if blocksInLanes == 63 {
                lineFeeds &+= ByteBlock.sum(lanes)
                lanes = SIMD16<UInt8>(repeating: 0)
                blocksInLanes = 0
            }
            let quoteLanes = block.matches(0x22)
            if !ByteBlock.isAny(quoteLanes) {
                if inQuotes == 0 && ByteBlock.isAny(lineFeedLanes) {
                    lastLFBlock = base
                    lastLF = -1
                }
                base &+= 64
                continue
            }
            // Whether the byte before the block lets a quote open a field (the buffer starts between records),
            // and whether it is a CR.
            let opensField: UInt64, afterCR: UInt64
            if base == carriedAt {
                opensField = carriedOpensField
                afterCR = carriedAfterCR
            } else if base == 0 {
                opensField = 1
                afterCR = 0
            } else {
                let previous = bytes[base &- 1]
                opensField = previous == delimiter || previous == 0x0A ? 1 : 0
                afterCR = previous == 0x0D ? 1 : 0
            }
            let lineFeedMask = ByteBlock.mask(lineFeedLanes)
            let delimiterMask = ByteBlock.mask(block.matches(delimiter))
            var quoteMask = ByteBlock.mask(quoteLanes)
            var parity: UInt64
            while true {
                parity = ByteBlock.prefixXor(quoteMask) ^ inQuotes
                let opening = quoteMask & parity
                let data = opening & ~(((delimiterMask | lineFeedMask | quoteMask) << 1) | opensField)
                if data == 0 { break }
                let lowest = data & (0 &- data)
                let crMask = ByteBlock.mask(block.matches(0x0D))
                if ((crMask << 1) | afterCR) & lowest != 0 { return .undecided }
                quoteMask &= ~lowest
            }
            let outside = lineFeedMask & ~parity
            if outside != 0 {
                lastLF = base &+ 63 &- outside.leadingZeroBitCount
                lastLFBlock = -1
            }
            inQuotes = parity >> 63 != 0 ? ~0 : 0
            carriedOpensField = (delimiterMask | lineFeedMask | quoteMask) >> 63
            carriedAfterCR = whole && bytes[base &+ 63] == 0x0D ? 1 : 0
            base &+= 64
            carriedAt = base
        }
        lineFeeds += ByteBlock.sum(lanes)
        var last = lastLF
        if lastLFBlock >= 0 {
            last = min(lastLFBlock + 63, count - 1)
            while bytes[last] != 0x0A { last -= 1 }
        }
        guard last >= 0 else { return .none }
        // Back to the start of the run of line breaks (outside quotes: no quote in it) and on to its first LF.
        var runStart = last
        while runStart > 0 && (bytes[runStart - 1] == 0x0A || bytes[runStart - 1] == 0x0D) { runStart -= 1 }
        guard runStart > 0 else { return .none }
        var end = runStart
        while bytes[end] != 0x0A { end += 1 }
        end += 1
        lineFeeds -= CSVRecordParser.lineBreaks(bytes + end, count: count - end, afterCR: false, crEndsLines: false)
        return .found(offset: end, lineBreaks: lineFeeds)
    }
}
