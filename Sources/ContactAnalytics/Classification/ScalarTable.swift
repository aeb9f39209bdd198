import Foundation

/// Per-scalar facts the tokenizer needs, precomputed once for the scalars below U+0800 (Latin, Greek,
/// Cyrillic, Hebrew, Arabic, ...) and worked out on the fly above: whether the scalar belongs in a token, its
/// lower-case UTF-8 bytes, and those bytes with diacritics removed.
///
/// Folding decomposes the scalar canonically (NFD) and drops the combining marks, so `ä` folds to `a` and
/// `é` to `e`; letters that do not decompose (`ø`, `ł`, `ß`) stay as they are.
struct ScalarTable: Sendable {
    enum Kind: UInt8 {
        /// Punctuation, symbols, emoji, controls: separates tokens, kept in whole values.
        case other = 0
        /// A letter or digit.
        case token = 1
        /// A combining mark.
        case mark = 2
        /// White space.
        case space = 3
    }

    /// The scalars covered by the table.
    static let tableLimit: UInt32 = 0x800

    static let shared = ScalarTable()

    private let kinds: [UInt8]
    private let lowerStarts: [Int32]
    private let lowerBytes: [UInt8]
    /// For the two-byte scalars `C3 c` (U+00C0...U+00FF: the accented letters of Finnish, Swedish, German, French
    /// ...), indexed by `c & 0x3F`: the second byte of the scalar's lower-case form when the scalar belongs in a
    /// token and that form is again `C3 x`; 0 otherwise (`×`, `÷`, and `ß`'s relatives are not all so). Lets
    /// `TermMatches.feed` take such a letter without decoding it (not when folding diacritics).
    let latin1Lower: [UInt8]
    /// Bit `c & 0x3F` set when the second byte `c` of a Latin-1 letter `C3 c` lower-cases to `c | 0x20` (every
    /// letter of U+00C0...U+00FF but `ß`, whose lower-case form is itself, 0x9F): `TokenWindow.latin1Pairs` takes
    /// such letters into a window's tokens, which `TokenTermCache` keys by their bytes `| 0x20` (one key per
    /// lower-case form).
    let latin1PairTails: UInt64
    /// The diacritic-free forms, built on first use: only taxonomies that fold diacritics read them (building
    /// them decomposes and recomposes 2,048 scalars, a tenth of a small report's instructions).
    private var folds: DiacriticFolds { DiacriticFolds.shared }

    private init() {
        var kinds: [UInt8] = []
        var lowerStarts: [Int32] = [0], lowerBytes: [UInt8] = []
        kinds.reserveCapacity(Int(Self.tableLimit))
        for value in 0..<Self.tableLimit {
            guard let scalar = Unicode.Scalar(value) else {
                kinds.append(Kind.other.rawValue)
                lowerStarts.append(Int32(lowerBytes.count))
                continue
            }
            kinds.append(Self.computeKind(scalar).rawValue)
            lowerBytes.append(contentsOf: Self.computeLower(scalar))
            lowerStarts.append(Int32(lowerBytes.count))
        }
        self.kinds = kinds
        self.lowerStarts = lowerStarts
        self.lowerBytes = lowerBytes
        self.latin1Lower = (0..<64).map { low in
            let scalar = 0xC0 | low
            let lower = lowerBytes[Int(lowerStarts[scalar])..<Int(lowerStarts[scalar + 1])]
            guard kinds[scalar] == Kind.token.rawValue, lower.count == 2, lower.first == 0xC3,
                  let second = lower.last else { return 0 }
            return second
        }
        var tails: UInt64 = 0
        for low in 0..<64 where latin1Lower[low] != 0 && latin1Lower[low] == 0xA0 | UInt8(low) {
            tails |= 1 << UInt64(low)
        }
        self.latin1PairTails = tails
    }

    @inline(__always)
    func kind(_ scalar: UInt32) -> Kind {
        if scalar < Self.tableLimit { return Kind(rawValue: kinds[Int(scalar)]) ?? .other }
        guard let s = Unicode.Scalar(scalar) else { return .other }
        return Self.computeKind(s)
    }

    /// Appends the lower-case (and, if `fold`, diacritic-free) UTF-8 bytes of `scalar`.
    @inline(__always)
    func appendMapped(_ scalar: UInt32, fold: Bool, to out: inout [UInt8]) {
        if scalar < Self.tableLimit {
            let i = Int(scalar)
            if fold {
                let folds = self.folds
                out.append(contentsOf: folds.bytes[Int(folds.starts[i])..<Int(folds.starts[i + 1])])
            } else {
                out.append(contentsOf: lowerBytes[Int(lowerStarts[i])..<Int(lowerStarts[i + 1])])
            }
            return
        }
        guard let s = Unicode.Scalar(scalar) else { return }
        out.append(contentsOf: fold ? Self.computeFold(s) : Self.computeLower(s))
    }

    /// Calls `body` with each lower-case (and, if `fold`, diacritic-free) UTF-8 byte of `scalar`.
    @inline(__always)
    func forEachMapped(_ scalar: UInt32, fold: Bool, _ body: (UInt8) -> Void) {
        if scalar < Self.tableLimit {
            let i = Int(scalar)
            if fold {
                let folds = self.folds
                for k in Int(folds.starts[i])..<Int(folds.starts[i + 1]) { body(folds.bytes[k]) }
            } else {
                for k in Int(lowerStarts[i])..<Int(lowerStarts[i + 1]) { body(lowerBytes[k]) }
            }
            return
        }
        guard let s = Unicode.Scalar(scalar) else { return }
        for byte in fold ? Self.computeFold(s) : Self.computeLower(s) { body(byte) }
    }

    static func computeKind(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return .token
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return .space
        default:
            return scalar.properties.isWhitespace ? .space : .other
        }
    }

    static func computeLower(_ scalar: Unicode.Scalar) -> [UInt8] {
        Array(scalar.properties.lowercaseMapping.utf8)
    }

    static func computeFold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if computeKind(scalar) == .mark { return [] }
        let lower = scalar.properties.lowercaseMapping
        let kept = lower.decomposedStringWithCanonicalMapping.unicodeScalars.filter { computeKind($0) != .mark }
        var text = ""
        text.unicodeScalars.append(contentsOf: kept)
        return Array(text.precomposedStringWithCanonicalMapping.utf8)
    }
}
