/// Why a DEFLATE (RFC 1951) or gzip (RFC 1952) stream cannot be decompressed.
///
/// The messages follow zlib's wording where zlib has one, so that a user who searches for them finds the
/// same explanations.
public enum InflateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input ends inside the stream.
    case truncated
    /// A block header names block type 3.
    case invalidBlockType
    /// A stored block's length and its one's complement disagree.
    case invalidStoredLengths
    /// A dynamic block declares more than 286 literal/length or 30 distance codes.
    case tooManySymbols
    /// The code-length code is over-subscribed or incomplete.
    case invalidCodeLengthsSet
    /// A repeat in the code lengths has no previous length, or runs past the declared count.
    case invalidBitLengthRepeat
    /// The literal/length code has no end-of-block symbol.
    case missingEndOfBlock
    /// The literal/length code lengths do not form a valid code.
    case invalidLiteralLengthsSet
    /// The distance code lengths do not form a valid code.
    case invalidDistancesSet
    /// The bits do not decode to a literal/length symbol (or decode to 286 or 287).
    case invalidLiteralLengthCode
    /// The bits do not decode to a distance symbol (or decode to 30 or 31).
    case invalidDistanceCode
    /// A back-reference reaches before the start of the output.
    case distanceTooFarBack
    /// The first bytes are not a gzip header (31 139).
    case notGzip
    /// The gzip header names a compression method other than 8 (deflate).
    case unknownMethod(UInt8)
    /// The gzip header sets reserved flag bits.
    case reservedFlags
    /// The gzip header's own checksum (FHCRC) does not match.
    case headerChecksum
    /// The CRC-32 in a gzip trailer does not match the decompressed bytes.
    case dataChecksum
    /// The length in a gzip trailer does not match the decompressed bytes (modulo 2^32).
    case lengthCheck
    /// Bytes after the last gzip member are neither another member nor zero padding.
    case trailingGarbage

    public var description: String {
        switch self {
        case .truncated: "unexpected end of compressed data"
        case .invalidBlockType: "invalid block type"
        case .invalidStoredLengths: "invalid stored block lengths"
        case .tooManySymbols: "too many length or distance symbols"
        case .invalidCodeLengthsSet: "invalid code lengths set"
        case .invalidBitLengthRepeat: "invalid bit length repeat"
        case .missingEndOfBlock: "invalid code -- missing end-of-block"
        case .invalidLiteralLengthsSet: "invalid literal/lengths set"
        case .invalidDistancesSet: "invalid distances set"
        case .invalidLiteralLengthCode: "invalid literal/length code"
        case .invalidDistanceCode: "invalid distance code"
        case .distanceTooFarBack: "invalid distance too far back"
        case .notGzip: "not in gzip format"
        case .unknownMethod(let method): "unknown compression method \(method)"
        case .reservedFlags: "reserved gzip header flags set"
        case .headerChecksum: "header crc mismatch"
        case .dataChecksum: "incorrect data check (CRC-32 mismatch)"
        case .lengthCheck: "incorrect length check"
        case .trailingGarbage: "trailing garbage after the compressed data"
        }
    }
}
