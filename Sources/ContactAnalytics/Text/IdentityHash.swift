/// A 64-bit hash of a key's UTF-8 bytes: identity keys, contact ids, classification inputs. Never 0, so 0 can
/// mean "none". Stable within a run (not across versions: nothing stores it).
///
/// Eight bytes are mixed at a time (a multiply-xorshift round per word, the tail zero-padded and read with
/// at most two loads, the length folded in), then finished with the SplitMix64 finaliser, so similar keys
/// (`C0000001`, `C0000002`) spread over all 64 bits.
public enum IdentityHash {
    /// The hash of `key`'s UTF-8 bytes (`of(bytes:)`). Read in place, not through a mutable copy: a copy
    /// retained and released the string's storage on every call (twice a row in the per-row aggregation).
    /// A small string (up to 15 bytes, held in the `String` value itself: most customer and contact ids) is
    /// hashed from its two words (`small(_:)`), with no closure and no copy to the stack.
    @inline(__always)
    public static func of(_ key: String) -> UInt64 {
        if let words = StringStorageWords.of(key), let hash = small(words) { return hash }
        if let hash = key.utf8.withContiguousStorageIfAvailable({ of(bytes: $0) }) { return hash }
        var key = key
        return key.withUTF8 { of(bytes: $0) }
    }

    /// `of(bytes:)` of a small string's bytes, read from the string's two words (`StringStorageWords`): on
    /// 64-bit little-endian platforms a small string holds its UTF-8 bytes in the first 15 bytes and, in the
    /// top byte, a discriminator with bit 5 set (small; `0xE0` ASCII, `0xA0` not) and the byte count in the low
    /// four bits (a heap string's top byte has bit 5 clear). `nil` for any other string, and everywhere unless
    /// `smallStringsAreReadable`.
    @inline(__always)
    static func small(_ words: (UInt64, UInt64)) -> UInt64? {
        let discriminator = words.1 &>> 56
        guard discriminator & 0x20 != 0, smallStringsAreReadable else { return nil }
        return of(smallWords: words, count: Int(truncatingIfNeeded: discriminator & 0x0F))
    }

    /// `of(bytes:)` of the `count` (0...15) bytes held in `words`, little-endian from the low byte of the first.
    @inline(__always)
    private static func of(smallWords words: (UInt64, UInt64), count n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        // A round for the first eight bytes, then the rest (or the first `n` when fewer) zero-padded, as `tail`
        // reads them.
        if n >= 8 {
            h = mix(h, words.0)
            if n > 8 { h = mix(h, words.1 & (~0 &>> UInt64(truncatingIfNeeded: 128 - 8 * n))) }
        } else if n > 0 {
            h = mix(h, words.0 & (~0 &>> UInt64(truncatingIfNeeded: 64 - 8 * n)))
        }
        return finish(h)
    }

    /// Whether small strings are laid out as `small(_:)` reads them: a small string literal's two words are its
    /// bytes and the discriminator `0xE0 | count` (small, ASCII). The literal's words are constants, so this
    /// folds to `true` or `false` when compiled (a `static let` would be looked up through `swift_once` on every
    /// call); the tests check every small length, ASCII and not, against `of(bytes:)`.
    @inline(__always)
    static var smallStringsAreReadable: Bool {
        guard let words = StringStorageWords.of("abcdefghijk"), 1.littleEndian == 1 else { return false }
        return words.0 == 0x6867_6665_6463_6261 && words.1 == 0xEB00_0000_006B_6A69
    }

    /// The hash of `bytes`.
    @inline(__always)
    public static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = bytes.baseAddress, n > 0 else { return finish(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = mix(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            h = mix(h, tail(raw, from: i, count: n))
        }
        return finish(h)
    }

    /// A hash of `words` (the classification memo's keys by storage), mixed as `of(bytes:)` mixes eight bytes:
    /// one round per word, the number of words folded in, the same finaliser; never 0. Not the hash of the words'
    /// bytes (that would fold in the byte count).
    @inline(__always)
    static func of(words: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: words.count)
        for word in words { h = mix(h, word) }
        return finish(h)
    }

    /// The bytes from `start` to `count` (one to seven of them) as a little-endian word, zero-padded: the
    /// same value as adding them one by one, from at most two loads (an eight-byte load ending at `count`
    /// when the key is that long, else two overlapping loads of four, two or one bytes). `TextMemo` reads a
    /// short value's words with it too.
    @inline(__always)
    static func tail(_ raw: UnsafeRawPointer, from start: Int, count: Int) -> UInt64 {
        let left = count - start
        if count >= 8 {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return word >> UInt64(64 - 8 * left)
        }
        if left >= 4 {
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | high << UInt64(8 * (left - 4))
        }
        if left >= 2 {
            let low = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            return low | high << UInt64(8 * (left - 2))
        }
        return UInt64(raw.load(fromByteOffset: start, as: UInt8.self))
    }

    /// One round: `word` mixed into the running hash `h`.
    @inline(__always)
    static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var x = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 29
        return x
    }

    /// The last avalanche of a running hash; never 0 (0 marks an empty slot in the tables keyed by it).
    @inline(__always)
    static func finish(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 30
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h == 0 ? 1 : h
    }
}
