import Foundation

extension LanguageDetector {
    /// The marking words (`StopWords.byLanguage`) by their UTF-8 bytes in NFC, for words read as bytes: an
    /// open-addressing table of FNV-1a hashes, each slot naming a word and its language's index.
    struct ByteWordTable: Sendable {
        private struct Entry: Sendable {
            var hash: UInt64
            var start: Int32
            var length: Int32
            var value: Int32
        }

        private var slots: [Int32]
        private var entries: [Entry] = []
        private var bytes: [UInt8] = []
        private let mask: Int

        /// `words`: word -> value. Words equal as strings (canonically equivalent) are one key, as in a
        /// `[String: Int]`: each is stored in NFC.
        init(_ words: [String: Int]) {
            var size = 16
            while size < words.count * 4 { size *= 2 }
            slots = [Int32](repeating: -1, count: size)
            mask = size - 1
            for (word, value) in words {
                let key = Array(word.precomposedStringWithCanonicalMapping.utf8)
                let hash = Self.hash(key)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(entries.count)
                entries.append(Entry(hash: hash, start: Int32(bytes.count), length: Int32(key.count),
                                     value: Int32(value)))
                bytes.append(contentsOf: key)
            }
        }

        /// The value of the word whose bytes are `word` (which must be NFC to find an NFC key), or `nil`.
        func language(of word: UnsafeBufferPointer<UInt8>) -> Int? {
            let hash = Self.hash(word)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let index = Int(slots[slot])
                if index < 0 { return nil }
                let entry = entries[index]
                if entry.hash == hash, Int(entry.length) == word.count,
                   bytes[Int(entry.start)..<Int(entry.start + entry.length)].elementsEqual(word) {
                    return Int(entry.value)
                }
                slot = (slot + 1) & mask
            }
        }

        private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    /// What reading bytes does with a non-ASCII scalar (`LanguageDetector.detectBytes`): for the scalars of two
    /// and three UTF-8 bytes up to U+07FF (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic ...) and the
    /// punctuation and currency signs U+2000-U+20CF, whether it is a character of its own (no scalar before or
    /// after can join it, it is in NFC) and what `detectByCharacters` does with that character. Other scalars
    /// have no fact: the text is read by characters.
    struct ScalarFacts: Sendable {
        enum Kind: UInt8, Sendable {
            /// A letter: its lower-case form (one scalar of its own) is appended to the word.
            case letter
            /// `’`, read like `'`: skipped inside a word.
            case apostrophe
            /// Anything else: ends the word.
            case other
        }

        struct Fact: Sendable {
            var kind: Kind
            /// UTF-8 bytes of the scalar in the text.
            var length: Int
            /// The lower-case form's UTF-8 bytes, first byte lowest (letters).
            var lower: UInt32
            var lowerCount: Int
            /// The bit of the distinctive letter the character is (its lower-case form for letters), or 0.
            var letterBit: UInt32
        }

        private static let twoByteLimit: UInt32 = 0x800
        private static let punctuation: ClosedRange<UInt32> = 0x2000...0x20CF
        private let facts: [Fact?]

        /// `distinctive`: the distinctive letters, bit `k` for `distinctive[k]`.
        init(distinctive: [Character]) {
            func ownCharacter(_ scalar: Unicode.Scalar) -> Bool {
                let text = String(scalar)
                return ("a" + text + "a").count == 3 && (text + text).count == 2
                    && text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar])
            }
            func bit(_ character: Character) -> UInt32 {
                distinctive.firstIndex(of: character).map { 1 << UInt32($0) } ?? 0
            }
            let values = Array(0x80..<Self.twoByteLimit) + Array(Self.punctuation)
            facts = values.map { value -> Fact? in
                guard let scalar = Unicode.Scalar(value), ownCharacter(scalar) else { return nil }
                let character = Character(scalar)
                let length = String(scalar).utf8.count
                if character.isLetter {
                    let lower = character.lowercased()
                    guard lower.unicodeScalars.count == 1, let lowerScalar = lower.unicodeScalars.first,
                          lowerScalar.value < 0x80 || ownCharacter(lowerScalar),
                          let lowerCharacter = lower.first else { return nil }
                    var packed: UInt32 = 0
                    for (k, byte) in lower.utf8.enumerated() { packed |= UInt32(byte) << (8 * UInt32(k)) }
                    return Fact(kind: .letter, length: length, lower: packed, lowerCount: lower.utf8.count,
                                letterBit: bit(lowerCharacter))
                }
                if character == "’" {
                    return Fact(kind: .apostrophe, length: length, lower: 0, lowerCount: 0, letterBit: 0)
                }
                return Fact(kind: .other, length: length, lower: 0, lowerCount: 0, letterBit: bit(character))
            }
        }

        /// The fact of the scalar that starts at `i` (a non-ASCII lead byte of valid UTF-8), or `nil`.
        @inline(__always)
        func fact(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Fact? {
            let b0 = UInt32(input[i])
            if b0 & 0xE0 == 0xC0, i + 1 < input.count {
                let value = (b0 & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F)
                return value >= 0x80 ? facts[Int(value - 0x80)] : nil
            }
            if b0 == 0xE2, i + 2 < input.count {
                let value = (b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
                if Self.punctuation.contains(value) {
                    return facts[Int(Self.twoByteLimit - 0x80 + value - Self.punctuation.lowerBound)]
                }
            }
            return nil
        }
    }
}
