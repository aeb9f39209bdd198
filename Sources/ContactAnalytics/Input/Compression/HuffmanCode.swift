/// A canonical Huffman code of DEFLATE (RFC 1951 §3.2.2), built from the code length of each symbol and ready
/// to decode bits read least significant first.
///
/// Codes of up to `tableBits` bits are decoded with one lookup in a table indexed by the next `tableBits`
/// input bits; longer codes (rare: at most 15 bits) are decoded by walking the per-length counts.
struct HuffmanCode: Sendable {
    /// The lookup width in bits.
    static let tableBits = 9
    static let tableMask: UInt64 = (1 << UInt64(tableBits)) - 1

    /// Indexed by the next `tableBits` bits: `symbol << 4 | length`, or 0 when the code there is longer than
    /// `tableBits` (or unused).
    private(set) var table: [UInt16]
    /// How many codes have each length 0...15.
    private var counts: [UInt16]
    /// The symbols in canonical order (by length, then by symbol).
    private var symbols: [UInt16]
    /// The longest code length in use (0 for a code with no symbols).
    private(set) var maximumLength: Int
    /// How the lengths fill the code space: 0 complete, positive incomplete (that many codes of 15 bits
    /// would remain unused), negative over-subscribed (then the code decodes nothing).
    private(set) var unusedCodes: Int

    /// Whether the lengths give more codes than the code space holds (no prefix code exists).
    var isOversubscribed: Bool { unusedCodes < 0 }

    /// Builds the code.
    ///
    /// - Parameter lengths: the code length of each symbol (0 = unused, at most 15).
    init(lengths: [UInt8]) {
        var counts = [UInt16](repeating: 0, count: 16)
        for length in lengths { counts[Int(min(length, 15))] += 1 }
        var left = 1
        for length in 1...15 {
            left <<= 1
            left -= Int(counts[length])
            if left < 0 { break }
        }
        unusedCodes = left
        if left < 0 {
            table = [UInt16](repeating: 0, count: 1 << HuffmanCode.tableBits)
            self.counts = [UInt16](repeating: 0, count: 16)
            symbols = []
            maximumLength = 0
            return
        }
        var offsets = [UInt16](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        var symbols = [UInt16](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[Int(offsets[Int(length)])] = UInt16(symbol)
            offsets[Int(length)] += 1
        }
        var table = [UInt16](repeating: 0, count: 1 << HuffmanCode.tableBits)
        var code = 0
        var index = 0
        var longest = 0
        for length in 1...15 {
            let count = Int(counts[length])
            if count > 0 { longest = length }
            for _ in 0..<count {
                if length <= HuffmanCode.tableBits {
                    var reversed = 0
                    for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
                    let entry = symbols[index] << 4 | UInt16(length)
                    var fill = reversed
                    while fill < table.count {
                        table[fill] = entry
                        fill += 1 << length
                    }
                }
                code += 1
                index += 1
            }
            code <<= 1
        }
        self.table = table
        self.counts = counts
        self.symbols = symbols
        maximumLength = longest
    }

    /// Decodes the symbol at the start of `bits` (least significant bit first), of which `available` are
    /// valid: returns the symbol and its code length, or `nil` when the bits are no code of this code or run
    /// out before a code is complete (the caller tells the two apart: `available >= maximumLength` means
    /// the former).
    @inline(__always)
    func decode(_ bits: UInt64, available: Int) -> (symbol: Int, length: Int)? {
        let entry = table[Int(bits & HuffmanCode.tableMask)]
        if entry != 0 {
            let length = Int(entry & 15)
            return length <= available ? (Int(entry >> 4), length) : nil
        }
        return decodeLong(bits, available: available)
    }

    /// Canonical decoding one bit at a time (codes longer than the table).
    private func decodeLong(_ bits: UInt64, available: Int) -> (symbol: Int, length: Int)? {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...min(15, available) {
            code |= Int((bits >> UInt64(length - 1)) & 1)
            let count = Int(counts[length])
            if code - first < count { return (Int(symbols[index + code - first]), length) }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        return nil
    }
}
