/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks, reading compressed bytes
/// from a `ByteChunkSource` as it needs them and producing the decompressed bytes in pieces.
///
/// Streaming: `inflate(into:limit:)` stops between symbols once `limit` new bytes are out (overshooting by at
/// most one match, 258 bytes), so memory stays bounded by the 32 KiB window plus one piece. Every malformed
/// stream ends in an `InflateProblem` (zlib's checks: block type 3, stored lengths, over-subscribed or
/// incomplete codes, missing end-of-block, bad repeats, symbols 286/287 and 30/31, distances before the start)
/// at a known compressed byte offset (`consumedBytes`); nothing is ever read outside the input or the window.
struct Inflater: Sendable {
    private enum State: Sendable {
        case blockHeader
        case stored(remaining: Int)
        case huffman(literals: HuffmanCode, distances: HuffmanCode)
        case finished
    }

    /// The compressed input.
    private var source: ByteChunkSource
    /// Compressed bytes read from `source` and not yet moved into `bitBuffer` (from `inputPosition`).
    private var input: [UInt8] = []
    private var inputPosition = 0
    private var inputEnded = false
    /// Compressed bytes dropped from the front of `input` so far (for `consumedBytes`).
    private var discardedInput = 0
    /// Bits not yet consumed, least significant first.
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0
    private var state = State.blockHeader
    private var lastBlock = false
    /// Decompressed bytes: the window (the last 32 KiB already delivered) followed by undelivered bytes.
    private var output: [UInt8] = []
    private var delivered = 0
    /// Decompressed bytes produced so far, dropped from `output` or not.
    private(set) var producedBytes = 0

    /// A decoder reading the raw DEFLATE stream from `prefix` (compressed bytes already read) and then from
    /// `source`.
    init(source: ByteChunkSource, prefix: [UInt8] = []) {
        self.source = source
        input = prefix
        output.reserveCapacity(Inflater.window * 4)
    }

    /// The most a back-reference reaches back.
    static let window = 32 * 1024
    /// The least number of compressed bytes kept at hand before decoding a symbol (a length and a distance
    /// with their extra bits take at most 48 bits), or a dynamic block header (at most 562 bytes).
    private static let symbolReserve = 8
    private static let headerReserve = 600

    /// Whether the final block has been decoded (and all its output delivered).
    var isFinished: Bool {
        if case .finished = state { return delivered == output.count }
        return false
    }

    /// Compressed bytes read from the source so far (where the input ended, after a `truncated`).
    var readBytes: Int { discardedInput + input.count }

    /// Compressed bytes consumed so far (whole bytes; a partly used byte counts as consumed).
    var consumedBytes: Int { discardedInput + inputPosition - bitCount / 8 }

    /// Decompresses until `limit` new bytes are available or the stream ends, and appends at most `limit` of
    /// them to `buffer`; returns how many were appended (0 only at the end of the stream).
    mutating func inflate(into buffer: inout [UInt8], limit: Int) throws(InflateProblem) -> Int {
        let limit = max(1, limit)
        while output.count - delivered < limit {
            switch state {
            case .finished:
                return deliver(into: &buffer, limit: limit)
            case .blockHeader:
                if lastBlock {
                    state = .finished
                    continue
                }
                try readBlockHeader()
            case .stored(let remaining):
                try copyStored(remaining: remaining, limit: limit)
            case .huffman(let literals, let distances):
                try decodeSymbols(literals: literals, distances: distances, limit: limit)
            }
        }
        return deliver(into: &buffer, limit: limit)
    }

    /// Hands over the unconsumed compressed bytes after the end of the stream (from the next whole byte) and
    /// the source to read the rest from: a gzip trailer follows the DEFLATE data.
    mutating func takeRemainingInput() -> (bytes: [UInt8], source: ByteChunkSource) {
        var bytes: [UInt8] = []
        bitBuffer >>= UInt64(bitCount % 8)
        bitCount -= bitCount % 8
        while bitCount >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: bitBuffer))
            bitBuffer >>= 8
            bitCount -= 8
        }
        bytes.append(contentsOf: input[inputPosition...])
        inputPosition = input.count
        return (bytes, source)
    }

    // MARK: Output

    private mutating func deliver(into buffer: inout [UInt8], limit: Int) -> Int {
        let count = min(output.count - delivered, limit)
        buffer.append(contentsOf: output[delivered..<(delivered + count)])
        delivered += count
        if delivered > Inflater.window * 3 {
            // Keep the window (the last 32 KiB delivered) and what is not delivered yet.
            let drop = delivered - Inflater.window
            output.removeFirst(drop)
            delivered -= drop
        }
        return count
    }

    // MARK: Bits

    /// Compressed bits at hand (in the bit buffer and in `input`).
    private var availableBits: Int { bitCount + 8 * (input.count - inputPosition) }

    /// Makes sure at least `bytes` compressed bytes are at hand, unless the input ends first.
    private mutating func reserve(_ bytes: Int) throws(InflateProblem) {
        while availableBits < bytes * 8 && !inputEnded {
            if inputPosition > 0 && inputPosition == input.count {
                discardedInput += input.count
                input.removeAll(keepingCapacity: true)
                inputPosition = 0
            } else if inputPosition > 64 * 1024 {
                discardedInput += inputPosition
                input.removeFirst(inputPosition)
                inputPosition = 0
            }
            do {
                if try source.read(appendingTo: &input) == 0 { inputEnded = true }
            } catch {
                // An I/O error while reading compressed input: decoding stops as at the end of the input, and
                // the gzip layer reports this error instead of `truncated`.
                inputEnded = true
                readError = error as? ContactStatError ?? ContactStatError(.io, "cannot read: \(error)")
            }
        }
    }

    /// An error the source threw (reported by the gzip layer in place of `truncated`).
    private(set) var readError: ContactStatError?

    /// Fills the bit buffer with at least 57 bits where the input has them.
    @inline(__always)
    private mutating func refill() {
        while bitCount <= 56 && inputPosition < input.count {
            bitBuffer |= UInt64(input[inputPosition]) << UInt64(bitCount)
            inputPosition += 1
            bitCount += 8
        }
    }

    /// Takes `count` (at most 32) bits; the caller has reserved and refilled.
    @inline(__always)
    private mutating func take(_ count: Int) throws(InflateProblem) -> Int {
        if count > bitCount {
            refill()
            if count > bitCount { throw .truncated }
        }
        let value = Int(bitBuffer & ((1 << UInt64(count)) - 1))
        bitBuffer >>= UInt64(count)
        bitCount -= count
        return value
    }

    @inline(__always)
    private mutating func decode(_ code: HuffmanCode, invalid: InflateProblem) throws(InflateProblem) -> Int {
        if bitCount < 15 { refill() }
        guard let (symbol, length) = code.decode(bitBuffer, available: bitCount) else {
            throw bitCount >= code.maximumLength ? invalid : .truncated
        }
        bitBuffer >>= UInt64(length)
        bitCount -= length
        return symbol
    }

    // MARK: Blocks

    private mutating func readBlockHeader() throws(InflateProblem) {
        try reserve(Inflater.headerReserve)
        lastBlock = try take(1) == 1
        switch try take(2) {
        case 0:
            // Stored: skip to the byte boundary, then LEN and NLEN.
            _ = try take(bitCount % 8)
            let length = try take(16)
            let complement = try take(16)
            guard length == ~complement & 0xFFFF else { throw .invalidStoredLengths }
            state = .stored(remaining: length)
        case 1:
            state = .huffman(literals: Inflater.fixedLiterals, distances: Inflater.fixedDistances)
        case 2:
            state = try readDynamicCodes()
        default:
            throw .invalidBlockType
        }
    }

    private mutating func copyStored(remaining: Int, limit: Int) throws(InflateProblem) {
        var remaining = remaining
        while remaining > 0 && output.count - delivered < limit {
            if bitCount >= 8 {
                output.append(UInt8(truncatingIfNeeded: bitBuffer))
                bitBuffer >>= 8
                bitCount -= 8
                remaining -= 1
                producedBytes += 1
                continue
            }
            if inputPosition == input.count {
                try reserve(1)
                if inputPosition == input.count { throw .truncated }
            }
            let count = min(remaining, input.count - inputPosition, limit)
            output.append(contentsOf: input[inputPosition..<(inputPosition + count)])
            inputPosition += count
            remaining -= count
            producedBytes += count
        }
        state = remaining == 0 ? .blockHeader : .stored(remaining: remaining)
    }

    /// The code-length alphabet's order in a dynamic block header.
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func readDynamicCodes() throws(InflateProblem) -> State {
        let literalCount = try take(5) + 257
        let distanceCount = try take(5) + 1
        let codeLengthCount = try take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .tooManySymbols }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[Inflater.codeLengthOrder[index]] = UInt8(try take(3))
        }
        let codeLengthCode = HuffmanCode(lengths: codeLengthLengths)
        guard codeLengthCode.unusedCodes == 0 else { throw .invalidCodeLengthsSet }

        var lengths = [UInt8](repeating: 0, count: literalCount + distanceCount)
        var index = 0
        while index < lengths.count {
            let symbol = try decode(codeLengthCode, invalid: .invalidCodeLengthsSet)
            if symbol < 16 {
                lengths[index] = UInt8(symbol)
                index += 1
                continue
            }
            var repeated: UInt8 = 0
            let times: Int
            switch symbol {
            case 16:
                guard index > 0 else { throw .invalidBitLengthRepeat }
                repeated = lengths[index - 1]
                times = 3 + (try take(2))
            case 17: times = 3 + (try take(3))
            default: times = 11 + (try take(7))
            }
            guard index + times <= lengths.count else { throw .invalidBitLengthRepeat }
            for _ in 0..<times {
                lengths[index] = repeated
                index += 1
            }
        }
        guard lengths[256] != 0 else { throw .missingEndOfBlock }
        let literalLengths = Array(lengths[0..<literalCount])
        let literals = HuffmanCode(lengths: literalLengths)
        // An incomplete code is allowed only as a single code of one bit (zlib's rule).
        if literals.isOversubscribed || literals.unusedCodes != 0 && !(literalLengths.filter { $0 != 0 } == [1]) {
            throw .invalidLiteralLengthsSet
        }
        let distanceLengths = Array(lengths[literalCount...])
        let distances = HuffmanCode(lengths: distanceLengths)
        let usedDistances = distanceLengths.filter { $0 != 0 }
        if distances.isOversubscribed || distances.unusedCodes != 0 && !usedDistances.isEmpty && usedDistances != [1] {
            throw .invalidDistancesSet
        }
        return .huffman(literals: literals, distances: distances)
    }

    private mutating func decodeSymbols(literals: HuffmanCode, distances: HuffmanCode, limit: Int)
    throws(InflateProblem) {
        while output.count - delivered < limit {
            if availableBits < Inflater.symbolReserve * 8 { try reserve(Inflater.symbolReserve * 64) }
            refill()
            let symbol = try decode(literals, invalid: .invalidLiteralLengthCode)
            if symbol < 256 {
                output.append(UInt8(symbol))
                producedBytes += 1
                continue
            }
            if symbol == 256 {
                state = .blockHeader
                return
            }
            let lengthIndex = symbol - 257
            guard lengthIndex < 29 else { throw .invalidLiteralLengthCode }
            let length = Inflater.lengthBase[lengthIndex] + (try take(Inflater.lengthExtra[lengthIndex]))
            let distanceSymbol = try decode(distances, invalid: .invalidDistanceCode)
            guard distanceSymbol < 30 else { throw .invalidDistanceCode }
            let distance = Inflater.distanceBase[distanceSymbol] + (try take(Inflater.distanceExtra[distanceSymbol]))
            guard distance <= producedBytes else { throw .distanceTooFarBack }
            // Byte by byte: a match may overlap the bytes it produces (distance < length repeats them).
            let end = output.count
            output.append(contentsOf: repeatElement(0, count: length))
            output.withUnsafeMutableBufferPointer { bytes in
                var from = end - distance
                for to in end..<(end + length) {
                    bytes[to] = bytes[from]
                    from += 1
                }
            }
            producedBytes += length
        }
    }

    // MARK: Tables (RFC 1951 §3.2.5)

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83,
                                     99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5,
                                      5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                                        11, 11, 12, 12, 13, 13]

    /// The fixed literal/length code (§3.2.6): 0-143 8 bits, 144-255 9, 256-279 7, 280-287 8.
    private static let fixedLiterals: HuffmanCode = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        // The lengths are a complete code by construction; `try?` cannot fail here.
        return HuffmanCode(lengths: lengths)
    }()

    /// The fixed distance code: 30 (and the unused 30, 31) of 5 bits.
    private static let fixedDistances: HuffmanCode = {
        HuffmanCode(lengths: [UInt8](repeating: 5, count: 32))
    }()
}
