import Testing

@testable import ContactAnalytics

/// Tokenising and matching in one pass (`WordTokenizer.scan` into `TermMatches`) finds, token by token, the
/// terms the tokens found by `TokenList` match; and whole values longer than every rule's value stop early.
@Suite struct TermMatchesTests {
    private func automaton(_ terms: [(String, Bool)]) throws -> (TermAutomaton, [String: Int32]) {
        var automaton = TermAutomaton()
        var ids: [String: Int32] = [:]
        for (text, isPrefix) in terms {
            ids[text + (isPrefix ? "*" : "")] = automaton.id(of: .init(bytes: Array(text.utf8), isPrefix: isPrefix))
        }
        try automaton.freeze()
        return (automaton, ids)
    }

    private func scan(_ text: String, _ automaton: TermAutomaton, fold: Bool = false) -> [[Int32]] {
        var matches = TermMatches(automaton: automaton)
        var text = text
        text.withUTF8 { WordTokenizer(foldDiacritics: fold).scan($0, into: &matches) }
        return (0..<matches.tokenCount).map { matches.terms(ofToken: $0) }
    }

    /// A phrase is filed under its longest term (a prefix counts two bytes less), the last of equals.
    @Test func phrasesAreAnchoredAtTheirLongestTerm() {
        func anchor(_ words: [String]) -> Int {
            CompiledRuleProgram.anchor(of: words.map {
                TermAutomaton.Term(bytes: Array($0.replacingOccurrences(of: "*", with: "").utf8),
                                   isPrefix: $0.hasSuffix("*"))
            })
        }
        #expect(anchor(["has", "not", "arrived"]) == 2)
        #expect(anchor(["where", "is", "my", "order"]) == 3) // "where" and "order" tie: the last
        #expect(anchor(["no", "no", "no"]) == 2)
        #expect(anchor(["missä", "tilau*"]) == 0) // "missä" is 6 bytes, "tilau*" weighs 5 - 2
        #expect(anchor(["ei", "toimi"]) == 1)
    }

    @Test func findsPrefixesThenTheExactTermPerToken() throws {
        let (automaton, id) = try automaton([("order", false), ("ord", true), ("tilau", true), ("tilaus", false),
                                         ("ä", false)])
        // Hand-worked: "Order" -> ord* then order; "ORDERS" -> ord* only; "x" -> nothing; "Tilaus" -> tilau*
        // then tilaus; "Ä" -> ä.
        #expect(scan("Order, ORDERS x Tilaus Ä", automaton) == [
            [id["ord*"]!, id["order"]!], [id["ord*"]!], [], [id["tilau*"]!, id["tilaus"]!], [id["ä"]!],
        ])
        // Decomposed input (a + U+0308) is recomposed first, so it matches the composed term.
        #expect(scan("A\u{0308}", automaton) == [[id["ä"]!]])
        // Folding diacritics: the mark is dropped and the token is "a", which is no term here.
        #expect(scan("A\u{0308}", automaton, fold: true) == [[]])
        #expect(scan("", automaton).isEmpty)
        #expect(scan(" ,; ", automaton).isEmpty)
    }

    /// The same terms as tokenising first (`TokenList`) and walking each token afterwards.
    @Test func agreesWithTokenisingFirst() throws {
        let (automaton, _) = try automaton([("order", false), ("ord", true), ("e", false), ("mail", false),
                                        ("lasku", true), ("ö", true), ("straße", false), ("naïve", false)])
        let texts = ["Where is my ORDER? e-mail: x@y.fi", "Laskussani on virhe, laskutus ööö",
                     "Straße naïve nai\u{0308}ve 123 orders", "", "—", "ordord ord order-order"]
        for fold in [false, true] {
            let tokenizer = WordTokenizer(foldDiacritics: fold)
            for text in texts {
                var list = TokenList()
                tokenizer.appendTokens(of: text, to: &list)
                let expected: [[Int32]] = (0..<list.count).map { t in
                    var found: [Int32] = []
                    automaton.match(list.bytes, list.range(t), into: &found)
                    return found
                }
                #expect(scan(text, automaton, fold: fold) == expected, "\(text) fold \(fold)")
            }
        }
    }

    /// A big trie (4,000 terms, as many as every built-in pack has): every token matches exactly the terms a
    /// plain comparison finds: each prefix term it starts with, shortest first, then the term it equals.
    @Test func bigTriesMatchLikePlainComparison() throws {
        var generator = SeededGenerator(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyzäö".unicodeScalars)
        func word(_ length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }))
        }
        var terms: [(String, Bool)] = []
        for index in 0..<4_000 { terms.append((word(3 + index % 9), index % 3 == 0)) }
        let (automaton, _) = try automaton(terms)
        #expect(automaton.nodeCount > 10_000)
        var tokens = terms.prefix(600).map(\.0)
        tokens += terms.prefix(300).map { $0.0 + word(2) }            // longer than a term
        tokens += terms.prefix(300).map { String($0.0.dropLast()) }    // shorter
        tokens += (0..<300).map { word(2 + $0 % 10) }                  // anything
        let index = Dictionary(uniqueKeysWithValues: automaton.terms.enumerated().map { ($1, Int32($0)) })
        for token in tokens {
            let bytes = Array(token.utf8)
            var expected: [Int32] = []
            for length in 1...bytes.count {
                let prefix = TermAutomaton.Term(bytes: Array(bytes[0..<length]), isPrefix: true)
                if let id = index[prefix] { expected.append(id) }
            }
            if let id = index[.init(bytes: bytes, isPrefix: false)] { expected.append(id) }
            var found: [Int32] = []
            automaton.match(bytes, 0..<bytes.count, into: &found)
            #expect(found == expected, "\(token)")
        }
    }

    /// The terms, token by token, of tokenising first (`TokenList`, fed byte by byte) and walking each token
    /// after: the reference `TermMatches.feed` must agree with.
    private func reference(_ text: String, _ automaton: TermAutomaton, fold: Bool) -> [[Int32]] {
        var list = TokenList()
        WordTokenizer(foldDiacritics: fold).appendTokens(of: text, to: &list)
        return (0..<list.count).map { t in
            var found: [Int32] = []
            automaton.match(list.bytes, list.range(t), into: &found)
            return found
        }
    }

    /// Once the walk falls off the trie the rest of the token's ASCII letters and digits is skipped eight bytes
    /// at a time: tokens of 7, 8, 9, 15, 16 and 17 bytes, at the field's end, in upper case, running on into
    /// non-ASCII letters (which the walk still takes), and digits.
    @Test func skippedTokenEndsWhereTheTokenizerSaysSo() throws {
        let (automaton, id) = try automaton([("ab", false), ("ab", true), ("abcdefgh", false), ("x", false),
                                             ("ä", false), ("12345678", false), ("abcdefghijklmnop", false)])
        #expect(scan("abcdefgh", automaton) == [[id["ab*"]!, id["abcdefgh"]!]])    // 8 bytes, at the field's end
        #expect(scan("abcdefgh x", automaton) == [[id["ab*"]!, id["abcdefgh"]!], [id["x"]!]])
        #expect(scan("ABCDEFGH.X", automaton) == [[id["ab*"]!, id["abcdefgh"]!], [id["x"]!]])
        // "abz..." dies at 'z': the rest (5, 6, 7, 13, 14 or 15 bytes) is skipped, and the next token still
        // starts where the first ends.
        for length in [7, 8, 9, 15, 16, 17] {
            let token = "abz" + String(repeating: "Q", count: length - 3)
            #expect(scan(token, automaton) == [[id["ab*"]!]], "\(length)")
            #expect(scan(token + " x", automaton) == [[id["ab*"]!], [id["x"]!]], "\(length)")
            #expect(scan(token + ",x", automaton) == [[id["ab*"]!], [id["x"]!]], "\(length)")
            #expect(scan(token + "äx ä", automaton) == [[id["ab*"]!], [id["ä"]!]], "\(length)")
            #expect(scan("q" + token + "\u{2019}x", automaton) == [[], [id["x"]!]], "\(length)")
        }
        // A token dead at its first byte; ASCII after a non-ASCII letter of a dead token is skipped too.
        #expect(scan("zzzzzzzzzzzzzzzzzzzz x", automaton) == [[], [id["x"]!]])
        #expect(scan("zäxxxxxxxxxxxxxxxxxx x", automaton) == [[], [id["x"]!]])
        // Digits, and a token 16 bytes long that matches exactly.
        #expect(scan("12345678 123456789 ABCDEFGHIJKLMNOP", automaton) == [
            [id["12345678"]!], [], [id["ab*"]!, id["abcdefghijklmnop"]!],
        ])
        // Decomposed text after a skipped token is recomposed as before: "xa" + U+0308 -> "xä".
        #expect(scan("abzzzzzzzzzz a\u{0308}", automaton) == [[id["ab*"]!], [id["ä"]!]])
    }

    /// Every byte value after a run of letters: the token ends at the first byte that is not an ASCII letter or
    /// digit, wherever it falls in the eight-byte steps.
    @Test func endOfASCIIWordStopsAtEveryOtherByte() {
        let isWordByte: (UInt8) -> Bool = { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        for position in 0..<19 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "k"), count: 20)
                bytes[position] = UInt8(value)
                let end = bytes.withUnsafeBufferPointer { buffer -> Int in
                    guard let base = buffer.baseAddress else { return -1 }
                    return WordTokenizer.endOfASCIIWord(base, from: 0, count: buffer.count)
                }
                #expect(end == (isWordByte(UInt8(value)) ? 20 : position), "byte \(value) at \(position)")
            }
        }
        // Starting part-way, and an empty range.
        let bytes = Array("abc-defghijklm9Z!".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            #expect(WordTokenizer.endOfASCIIWord(base, from: 4, count: buffer.count) == 16)
            #expect(WordTokenizer.endOfASCIIWord(base, from: 3, count: buffer.count) == 3)
            #expect(WordTokenizer.endOfASCIIWord(base, from: 17, count: buffer.count) == 17)
        }
    }

    /// Random text (ASCII letters of both cases, digits, punctuation, white space, non-ASCII letters, a
    /// combining mark, curly quotes, emoji) over a trie of random terms and their prefixes: the walk straight
    /// from the text finds, token by token, exactly what tokenising first and walking each token finds.
    @Test func randomTextMatchesLikeTokenisingFirst() throws {
        var generator = SeededGenerator(seed: 15)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let wordScalars = Array("abcdeklmnorstuyz019äöåéßñ".unicodeScalars)
        func word(_ length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in pick(wordScalars) }))
        }
        var terms: [(String, Bool)] = []
        for index in 0..<800 { terms.append((word(1 + index % 12), index % 4 == 0)) }
        let (automaton, _) = try automaton(terms)
        let pieces: [String] = ["A", "Z", "K", "0", " ", "  ", ",", ".", "-", "'", "\u{2019}", "\r\n", "\t", "ä",
                                "Ö", "ß", "e\u{0301}", "a\u{0308}", "😀", "👍🏽", "€", "¿", "İ", "ǅ", "Σ"]
        for round in 0..<400 {
            var text = ""
            for _ in 0..<(Int(generator.next() % 12)) {
                switch generator.next() % 4 {
                case 0: text += pick(terms).0.uppercased()
                case 1: text += pick(terms).0 + word(Int(generator.next() % 20))
                case 2: text += word(Int(generator.next() % 24))
                default: break
                }
                text += pick(pieces)
            }
            // Most rounds without a combining mark, so the field is not just recomposed and scanned again.
            if round % 3 != 0 { text = text.replacingOccurrences(of: "\u{0301}", with: "").replacingOccurrences(of: "\u{0308}", with: "") }
            for fold in [false, true] {
                #expect(scan(text, automaton, fold: fold) == reference(text, automaton, fold: fold), "\(text) \(fold)")
            }
        }
    }

    @Test func tooManyDistinctBytesAreAConfigurationError() {
        var automaton = TermAutomaton()
        for byte in 1...255 { _ = automaton.id(of: .init(bytes: [UInt8(byte)], isPrefix: false)) }
        #expect(throws: ContactStatError.self) { try automaton.freeze() }
        // 254 distinct bytes (classes 1-254) still fit.
        var fits = TermAutomaton()
        for byte in 1...254 { _ = fits.id(of: .init(bytes: [UInt8(byte)], isPrefix: false)) }
        #expect(throws: Never.self) { try fits.freeze() }
        #expect(fits.nodeCount == 255)
    }

    @Test func barriersSeparateFieldsOnce() throws {
        let (automaton, id) = try automaton([("gold", false)])
        var matches = TermMatches(automaton: automaton)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        matches.appendBarrier()  // nothing yet: no barrier
        for tag in ["gold", "", "gold"] {
            matches.appendBarrier()
            var tag = tag
            tag.withUTF8 { tokenizer.scan($0, into: &matches) }
        }
        // gold | gold: the empty tag adds no second barrier.
        #expect(matches.tokenCount == 3)
        #expect(matches.terms(ofToken: 1).isEmpty)
        #expect(matches.terms(ofToken: 2) == [id["gold"]!])
        #expect(matches.tokens == [0, 2])
    }

    /// A field taken whole by runs of short tokens (its last token ends in separators) ends on a token, not a
    /// barrier: the next field's barrier is added (`feedShortTokens` clears `lastIsBarrier` once per run), so a
    /// phrase cannot span the two fields, and the tokens are numbered as tokenising each field first.
    @Test func aFieldOfShortTokenRunsIsFollowedByABarrier() throws {
        let (automaton, id) = try automaton([("gold", false), ("jkl", false)])
        var matches = TermMatches(automaton: automaton)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        for tag in ["x", "abc def ghi jkl" + String(repeating: " ", count: 9), "gold"] {
            matches.appendBarrier()
            var tag = tag
            tag.withUTF8 { tokenizer.scan($0, into: &matches) }
        }
        // x | abc def ghi jkl | gold
        #expect(matches.tokenCount == 8)
        #expect(matches.terms(ofToken: 5) == [id["jkl"]!])
        #expect(matches.terms(ofToken: 7) == [id["gold"]!])
        #expect(matches.tokens == [5, 7])
    }

    /// A copy of the matches is a value: scanning more into one (past the columns' first capacity) leaves the
    /// other as it was, and emptying one leaves the other's matches.
    @Test func copiesKeepTheirOwnMatches() throws {
        let (automaton, id) = try automaton([("gold", false), ("card", false)])
        let tokenizer = WordTokenizer(foldDiacritics: false)
        var first = TermMatches(automaton: automaton)
        var text = "gold card"
        text.withUTF8 { tokenizer.scan($0, into: &first) }
        var second = first
        var long = String(repeating: "card gold ", count: 100)
        long.withUTF8 { tokenizer.scan($0, into: &second) }
        #expect(first.terms == [id["gold"]!, id["card"]!])
        #expect(first.tokens == [0, 1])
        #expect(second.count == 202)
        #expect(second.tokens.last == 201)
        var third = second
        third.removeAll()
        #expect(third.count == 0)
        #expect(second.count == 202)
        #expect(Array(second.termBuffer.prefix(3)) == [id["gold"]!, id["card"]!, id["card"]!])
    }

    @Test func wholeValuesStopAtTheLimit() {
        let tokenizer = WordTokenizer(foldDiacritics: false)
        var out: [UInt8] = []
        let fits = Array("  Billing   Question ".utf8).withUnsafeBufferPointer {
            tokenizer.appendNormalizedValue(of: $0, to: &out, limit: 16)
        }
        #expect(fits)
        #expect(out == Array("billing question".utf8))
        out = []
        let long = Array("Billing question, again".utf8).withUnsafeBufferPointer {
            tokenizer.appendNormalizedValue(of: $0, to: &out, limit: 16)
        }
        #expect(!long)
        #expect(out.count <= 17)
        // Trailing white space does not count against the limit.
        out = []
        #expect(Array("abc   ".utf8).withUnsafeBufferPointer { tokenizer.appendNormalizedValue(of: $0, to: &out, limit: 3) })
        #expect(out == Array("abc".utf8))
    }

    /// The word-at-a-time count of kept bytes equals a byte-by-byte count on every byte value in every lane
    /// (the white space bytes, their neighbours 0x08, 0x0E, 0x1F, 0x21, and bytes with the top bit set), and
    /// the "longer than the limit" answer equals the byte-by-byte one on random bodies at every limit.
    @Test func keptBytesCountedEightAtATime() {
        func kept(_ b: UInt8) -> Bool { b < 0x80 && b != 0x20 && !(b >= 0x09 && b <= 0x0D) }
        for value in 0...255 {
            for lane in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[lane] = UInt8(value)
                bytes[(lane + 3) % 8] = UInt8(255 - value)
                let word = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!, at: 0) }
                #expect(WordTokenizer.keptASCIIBytes(in: word) == bytes.filter(kept).count, "\(bytes)")
            }
        }
        var generator = SeededGenerator(seed: 21)
        let alphabet: [UInt8] = [0x09, 0x0A, 0x0D, 0x20, 0x20, 0x61, 0x62, 0x41, 0x2E, 0xC3, 0xA4, 0x0B, 0x0C, 0x08]
        for _ in 0..<500 {
            let bytes = (0..<generator.uniform(60)).map { _ in alphabet[generator.uniform(alphabet.count)] }
            let total = bytes.filter(kept).count
            for limit in 0...(bytes.count + 1) {
                let certain = bytes.withUnsafeBufferPointer { WordTokenizer.certainlyNormalizesBeyond(limit, $0) }
                #expect(certain == (total > limit && bytes.count > limit), "\(bytes), limit \(limit)")
            }
        }
    }

    /// The cheap "longer than the limit" test agrees with normalising: it says yes only where the normalised
    /// value is longer, and never for white space or non-ASCII letters that normalising may drop or fold.
    @Test func certainlyLongerOnlyWhenNormalisingSaysSo() {
        let tokenizer = WordTokenizer(foldDiacritics: true)
        let cases: [(String, Int, Bool)] = [
            ("Billing question", 16, false),       // 15 kept bytes and a space: exactly 16
            ("Billing questions!", 16, true),       // 17 non-space ASCII bytes
            ("a    \t\n   b", 3, false),             // runs of white space collapse
            ("ab\u{0308}c", 3, false),                // the combining mark is dropped when folding
            ("äää", 2, false),                       // non-ASCII bytes are never counted
            ("", 0, false),
            ("x", 0, true),
        ]
        for (text, limit, expected) in cases {
            let bytes = Array(text.utf8)
            let certain = bytes.withUnsafeBufferPointer { WordTokenizer.certainlyNormalizesBeyond(limit, $0) }
            #expect(certain == expected, "\(text)")
            var out: [UInt8] = []
            let fits = bytes.withUnsafeBufferPointer { tokenizer.appendNormalizedValue(of: $0, to: &out, limit: limit) }
            if certain { #expect(!fits, "\(text)") }
        }
    }
    /// Every byte value after a run of separators: the run ends at the first ASCII letter or digit or non-ASCII
    /// byte, wherever it falls in the eight-byte steps.
    @Test func endOfASCIISeparatorsStopsAtWordsAndNonASCII() {
        let stops: (UInt8) -> Bool = { b in
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        for position in 0..<19 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: ","), count: 20)
                bytes[position] = UInt8(value)
                bytes[(position + 5) % 20] = UInt8(ascii: " ")
                let end = bytes.withUnsafeBufferPointer { buffer -> Int in
                    guard let base = buffer.baseAddress else { return -1 }
                    return WordTokenizer.endOfASCIISeparators(base, from: 0, count: buffer.count)
                }
                #expect(end == (stops(UInt8(value)) ? position : 20), "byte \(value) at \(position)")
            }
        }
        let bytes = Array("a, b.-\t\n ;Cd\u{00E4}".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            #expect(WordTokenizer.endOfASCIISeparators(base, from: 1, count: buffer.count) == 3)
            #expect(WordTokenizer.endOfASCIISeparators(base, from: 4, count: buffer.count) == 10)   // "C"
            #expect(WordTokenizer.endOfASCIISeparators(base, from: 11, count: buffer.count) == 11)  // "d"
            #expect(WordTokenizer.endOfASCIISeparators(base, from: 12, count: buffer.count) == 12)  // 0xC3 of "ä"
            #expect(WordTokenizer.endOfASCIISeparators(base, from: 14, count: buffer.count) == 14)  // the end
        }
    }

    /// The walk leaves its step loop by one test: at a token's end (the term it ends is found), at a non-ASCII
    /// letter (the walk goes on through it), and at a letter no term continues with (the rest is skipped).
    @Test func walkLeavesItsLoopAtEndsNonASCIIAndDeadLetters() throws {
        let (automaton, id) = try automaton([("order", false), ("ord", true), ("straße", false), ("stra", true),
                                             ("9", false)])
        // "q" is in no term (class 0): dead at the first byte, the token still counted.
        #expect(scan("qorder Order ordering ORD9 9", automaton) == [
            [], [id["ord*"]!, id["order"]!], [id["ord*"]!], [id["ord*"]!], [id["9"]!],
        ])
        // Alive into the non-ASCII "ß" and on; dead at "x" after it; upper-case ASCII around it.
        #expect(scan("Straße straßex STRAßE stra", automaton) == [
            [id["stra*"]!, id["straße"]!], [id["stra*"]!], [id["stra*"]!, id["straße"]!], [id["stra*"]!],
        ])
        // Tokens and separator runs of every length from every offset, so that the end of each walk and each
        // run of separators falls in every lane of an eight-byte step and at the field's end.
        let separators = Array(".,; -\t\n!()\"'/:?")
        for pad in 0..<17 {
            for run in 1..<18 {
                let gap = String((0..<run).map { separators[($0 + pad) % separators.count] })
                let text = String(repeating: "k", count: pad) + gap + "Order" + gap + "ordx" + gap + "ORD"
                let expected: [[Int32]] = (pad > 0 ? [[]] : [])
                    + [[id["ord*"]!, id["order"]!], [id["ord*"]!], [id["ord*"]!]]
                #expect(scan(text, automaton) == expected, "\(pad) \(run)")
                #expect(scan(text + gap, automaton) == expected, "\(pad) \(run) trailing")
                #expect(scan(text, automaton) == reference(text, automaton, fold: false), "\(pad) \(run)")
            }
        }
    }

    /// The tokens' key for `TokenTermCache`: lower-cased, zero-padded, the same whether read eight bytes at a
    /// time (room after the token) or byte by byte (at the field's end), for every length the cache takes.
    @Test func cacheKeysAreTheLowerCasedBytes() {
        let letters = Array("aBcDeFgHiJkLmNoP0123456789".utf8)
        for length in 1...TokenTermCache.maxTokenLength {
            let token = Array(letters[0..<length])
            let roomy = token + Array(";;xyzXYZ;;xyzXYZ;;".utf8)
            let tight = token
            let wide = roomy.withUnsafeBufferPointer {
                TokenTermCache.key($0.baseAddress!, from: 0, to: length, count: $0.count)
            }
            let narrow = tight.withUnsafeBufferPointer {
                TokenTermCache.key($0.baseAddress!, from: 0, to: length, count: $0.count)
            }
            #expect(wide == narrow, "\(length)")
            // Hand-worked: the lower-cased bytes, first byte lowest.
            var expected: (UInt64, UInt64) = (0, 0)
            for (j, byte) in token.enumerated() {
                let lower = UInt64(byte | 0x20)
                if j < 8 { expected.0 |= lower << UInt64(8 * j) } else { expected.1 |= lower << UInt64(8 * (j - 8)) }
            }
            #expect(wide == expected, "\(length)")
        }
        // "Order" and "ORDER" share a key, "order" and "orders" do not; the key of "a" is 0x61.
        func key(_ text: String) -> (UInt64, UInt64) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { TokenTermCache.key($0.baseAddress!, from: 0, to: $0.count, count: $0.count) }
        }
        #expect(key("Order") == key("ORDER"))
        #expect(key("order") != key("orders"))
        #expect(key("a") == (0x61, 0))
    }

    /// Up to three terms pack into two words, 32 bits a slot and the number last, and come back in order; more
    /// terms are not packed (such tokens are walked every time).
    @Test func cachePacksUpToThreeTerms() {
        func pack(_ terms: [Int32]) -> (UInt64, UInt64)? { terms.withUnsafeBufferPointer { TokenTermCache.pack($0) } }
        guard let packed = pack([7, 1_048_576, 0]) else {
            Issue.record("three terms not packed")
            return
        }
        // In memory: the three slots, then the number, 32 bits each, whatever the byte order.
        let memory = withUnsafeBytes(of: packed) { Array($0.bindMemory(to: UInt32.self)) }
        #expect(memory == [7, 1_048_576, 0, 3])
        if 1.littleEndian == 1 {
            #expect(packed.0 == 7 | 1_048_576 << 32)
            #expect(packed.1 == 3 << 32)
        }
        #expect(TokenTermCache.count(of: packed) == 3)
        #expect((0..<3).map { TokenTermCache.term($0, of: packed) } == [7, 1_048_576, 0])
        #expect(pack([]).map { $0.0 == 0 && $0.1 == 0 } == true)
        #expect(pack([42]).map { TokenTermCache.term(0, of: $0) } == 42)
        #expect(pack([42]).map { TokenTermCache.count(of: $0) } == 1)
        #expect(pack([Int32.max, 5]).map { TokenTermCache.term(0, of: $0) } == Int32.max)
        #expect(pack([1, 2, 3, 4]) == nil)
    }

    /// The cache holds two tokens per set and drops the least recently used: three tokens of one set (found by
    /// trying short tokens) are remembered; the first two are both found, and once the first is looked up again,
    /// the third takes the second's place. Hand-checked: each token gives back its own packed terms, and a token of
    /// another set is not disturbed.
    @Test func cacheKeepsTwoTokensPerSetAndDropsTheLeastRecentlyUsed() throws {
        func key(_ text: String) -> (UInt64, UInt64) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { TokenTermCache.key($0.baseAddress!, from: 0, to: $0.count, count: $0.count) }
        }
        var bySet: [Int: [(UInt64, UInt64)]] = [:]
        var same: [(UInt64, UInt64)] = []
        outer: for a in "abcdefghijklmnopqrstuvwxyz" {
            for b in "abcdefghijklmnopqrstuvwxyz" {
                for c in "0123456789" {
                    let k = key("\(a)\(b)\(c)")
                    let set = TokenTermCache.set(k.0, k.1)
                    bySet[set, default: []].append(k)
                    if bySet[set]!.count == 3 {
                        same = bySet[set]!
                        break outer
                    }
                }
            }
        }
        try #require(same.count == 3)
        let other = try #require(bySet.first { $0.key != TokenTermCache.set(same[0].0, same[0].1) }?.value.first)
        let packed = [(UInt64(1), UInt64(1) << 32), (UInt64(2), UInt64(1) << 32), (UInt64(3), UInt64(1) << 32)]
        let cache = TokenTermCache()
        func found(_ k: (UInt64, UInt64)) -> (UInt64, UInt64)? { cache.terms(k.0, k.1).map { ($0[0], $0[1]) } }
        cache.remember(other.0, other.1, packed: (9, 1 << 32))
        cache.remember(same[0].0, same[0].1, packed: packed[0])
        cache.remember(same[1].0, same[1].1, packed: packed[1])
        #expect(found(same[1]).map { $0 == packed[1] } == true)
        #expect(found(same[0]).map { $0 == packed[0] } == true)
        #expect(found(same[2]) == nil)
        // The first was used last: the third takes the second's place.
        cache.remember(same[2].0, same[2].1, packed: packed[2])
        #expect(found(same[0]).map { $0 == packed[0] } == true)
        #expect(found(same[2]).map { $0 == packed[2] } == true)
        #expect(found(same[1]) == nil)
        #expect(found(other).map { $0 == (9, 1 << 32) } == true)
    }

    /// Tokens shorter than sixteen bytes are taken in runs from the words loaded at their starts: every length
    /// from 1 to 17 bytes, followed by separator runs of 1 to 11 bytes and then an ASCII token, a non-ASCII
    /// letter or the field's end, at every offset; scanned cold (walked) and warm (from the cache), the terms are
    /// those of tokenising first. Hand-worked: "abcdefgh" (8 bytes) and "abcdefghijklmno" (15) match their exact
    /// terms and "ab*", an upper-case "ABCDEFG" its term, and a token run on into "ä" is walked through it.
    @Test func shortTokensTakenInRunsMatchAsWalked() throws {
        let (automaton, id) = try automaton([("ab", true), ("abcdefg", false), ("abcdefgh", false),
                                             ("abcdefghijklmno", false), ("x", false), ("abä", false),
                                             ("ä", false)])
        let tokenizer = WordTokenizer(foldDiacritics: false)
        var warm = TermMatches(automaton: automaton)
        func scanTwice(_ text: String) -> [[[Int32]]] {
            (0..<2).map { _ in
                warm.removeAll()
                var text = text
                text.withUTF8 { tokenizer.scan($0, into: &warm) }
                return (0..<warm.tokenCount).map { warm.terms(ofToken: $0) }
            }
        }
        let found = scanTwice("abcdefgh, abcdefghijklmno ABCDEFG abä x")
        let expected: [[Int32]] = [[id["ab*"]!, id["abcdefgh"]!], [id["ab*"]!, id["abcdefghijklmno"]!],
                                   [id["ab*"]!, id["abcdefg"]!], [id["ab*"]!, id["abä"]!], [id["x"]!]]
        #expect(found == [expected, expected])
        let letters = Array("abcdefghijklmnopq")
        let separators = Array(" ,.;-\n!?()/")
        let afters = ["x", "Abcdefg", "ä", "äx", ""]
        for pad in 0..<9 {
            for length in 1...17 {
                for run in 1...11 {
                    for after in afters {
                        let gap = String((0..<run).map { separators[($0 + length) % separators.count] })
                        let token = String(letters[0..<length])
                        let text = String(repeating: "x ", count: pad) + token + gap + token.uppercased() + gap + after
                        let reference = reference(text, automaton, fold: false)
                        #expect(scanTwice(text) == [reference, reference], "\(pad) \(length) \(run) \(after)")
                    }
                }
            }
        }
    }

    /// The cached terms are appended to the columns as they were packed, each with the token, and only as many
    /// as there are: the slots past the number are written and then overwritten by the next append.
    @Test func cachedTermsAppendWithTheirToken() {
        let columns = MatchColumns(capacity: 2)
        func append(_ terms: [Int32], token: Int32) {
            guard let packed = terms.withUnsafeBufferPointer({ TokenTermCache.pack($0) }) else { return }
            let words = [packed.0, packed.1]
            words.withUnsafeBufferPointer { columns.append(cached: $0.baseAddress!, token: token) }
        }
        append([3, 9], token: 0)
        append([], token: 1)
        append([12], token: 2)
        append([5, 6, 7], token: 4)
        append([8], token: 5)
        #expect(Array(columns.termBuffer) == [3, 9, 12, 5, 6, 7, 8])
        #expect(Array(columns.tokenBuffer) == [0, 0, 2, 4, 4, 4, 5])
    }

    /// `reserve` makes room for at least the number of matches asked past the count, once; the appends within it
    /// (`append(reservedCached:token:)`) need no room of their own and write what `append(cached:token:)` writes.
    @Test func reservedRoomTakesTheUncheckedAppends() {
        let columns = MatchColumns(capacity: 2)
        let words: [UInt64] = [TokenTermCache.word(5, 6), TokenTermCache.word(7, 3)]
        words.withUnsafeBufferPointer { columns.append(cached: $0.baseAddress!, token: 0) }
        columns.reserve(100)
        let capacity = columns.capacity
        #expect(capacity - columns.count >= 100)
        for token in Int32(1)...32 {
            words.withUnsafeBufferPointer { columns.append(reservedCached: $0.baseAddress!, token: token) }
        }
        #expect(columns.capacity == capacity && columns.count == 99)
        #expect(Array(columns.termBuffer) == Array(repeating: [5, 6, 7], count: 33).flatMap { $0 })
        #expect(Array(columns.tokenBuffer) == (Int32(0)...32).flatMap { [$0, $0, $0] })
        columns.reserve(1)
        #expect(columns.capacity == capacity)
    }

    /// A field of many windows (`TermMatches.feedTokenWindows`), every token of it a short one matching two or
    /// three terms, scanned cold and warm by a `TermMatches` whose columns start small: the windows make room as
    /// they go, and the terms are those of tokenising first.
    @Test func longFieldsOfShortTokensMatchAsWalked() throws {
        let (automaton, _) = try automaton([("a", true), ("a", false), ("ab", true), ("ab", false), ("b", false)])
        let tokenizer = WordTokenizer(foldDiacritics: false)
        let words = ["a", "ab", "b", "abc", "A", "AB", "ba"]
        for length in [1021, 3077] {
            var text = ""
            var k = 0
            while text.utf8.count < length {
                text += words[k % words.count] + (k % 5 == 4 ? ", " : " ")
                k += 1
            }
            let expected = reference(text, automaton, fold: false)
            var matches = TermMatches(automaton: automaton)
            for _ in 0..<2 {
                matches.removeAll()
                var field = text
                field.withUTF8 { tokenizer.scan($0, into: &matches) }
                #expect((0..<matches.tokenCount).map { matches.terms(ofToken: $0) } == expected)
                #expect(matches.count > text.utf8.count / 3)
            }
        }
    }

    /// One `TermMatches` scanning text after text keeps the terms of the ASCII tokens it walked and appends them
    /// from its cache when a token comes again: every field still matches exactly what tokenising first finds,
    /// over random text with repeated words of every length around the cache's limit (16 bytes), tokens that
    /// run on into non-ASCII letters, tokens matching four terms (not cached) and a copy that scans on its own.
    @Test func repeatedTokensMatchFromTheCacheAsWalked() throws {
        var generator = SeededGenerator(seed: 27)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let letters = Array("abcdeklmnorstuyz019")
        var terms: [(String, Bool)] = [("a", true), ("ab", true), ("abc", true), ("abc", false)]
        var vocabulary: [String] = ["ABC", "abcd", "Abc", "abcdefghijklmnop", "abcdefghijklmnopq"]
        for index in 0..<300 {
            let word = String((0..<(1 + index % 18)).map { _ in pick(letters) })
            terms.append((String(word.prefix(1 + index % 7)), index % 3 == 0))
            terms.append((word, false))
            vocabulary.append(word)
        }
        let (automaton, id) = try automaton(terms)
        var warm = TermMatches(automaton: automaton)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        let pieces = [" ", ", ", ".", "\n", "ä", "ß ", "-", "  "]
        for round in 0..<300 {
            var text = ""
            for _ in 0..<(1 + Int(generator.next() % 14)) {
                let word = pick(vocabulary)
                text += generator.next() % 4 == 0 ? word.uppercased() : word
                text += pick(pieces)
            }
            if round % 2 == 0 { text = String(text.dropLast()) }
            warm.removeAll()
            text.withUTF8 { tokenizer.scan($0, into: &warm) }
            let found = (0..<warm.tokenCount).map { warm.terms(ofToken: $0) }
            #expect(found == reference(text, automaton, fold: false), "\(text)")
        }
        // "abc" matches a*, ab*, abc* and abc: four terms, walked every time, the same each time.
        for _ in 0..<3 {
            warm.removeAll()
            var text = "abc Abc ABC"
            text.withUTF8 { tokenizer.scan($0, into: &warm) }
            let four = [id["a*"]!, id["ab*"]!, id["abc*"]!, id["abc"]!]
            #expect((0..<3).map { warm.terms(ofToken: $0) } == [four, four, four])
        }
        // A copy takes a cache of its own on its first field, and both go on matching as walked.
        var copy = warm
        for matches in [0, 1] {
            var text = "abcd ABCD abcdefghijklmnop abcdefghijklmnopq"
            if matches == 0 {
                copy.removeAll()
                text.withUTF8 { tokenizer.scan($0, into: &copy) }
                #expect((0..<4).map { copy.terms(ofToken: $0) } == reference(text, automaton, fold: false))
            } else {
                warm.removeAll()
                text.withUTF8 { tokenizer.scan($0, into: &warm) }
                #expect((0..<4).map { warm.terms(ofToken: $0) } == reference(text, automaton, fold: false))
            }
        }
    }

    /// Long fields are split 64 bytes at a time (`TermMatches.feed`'s windows): tokens that cross a window's
    /// end, runs of token bytes of 63, 64, 65 and 130 bytes, non-ASCII letters and separators next to a
    /// window's end, a combining mark far into the field (scanned again in NFC), from every offset, match
    /// token by token what tokenising first finds, through one warm `TermMatches` and a fresh one.
    @Test func windowsMatchLikeTokenisingFirst() throws {
        let (automaton, _) = try automaton([("order", false), ("ord", true), ("a", false), ("aaaa", true),
                                            ("tilau", true), ("ä", false), ("straße", false), ("k", true),
                                            ("9", false), ("kk", false)])
        let runs = [63, 64, 65, 130].map { String(repeating: "k", count: $0) }
        let bodies = [
            "Where is my ORDER, ordered twice? " + runs[0] + " order " + runs[1] + ". Tilauksen ä, straße.",
            runs[2] + "," + runs[3] + " a aaaa aaaaa ordinary 9 99 kk",
            "tilausta ääni \u{2019}order\u{2019} — ORD € ord9 " + String(repeating: "order ", count: 20),
            String(repeating: "a ", count: 40) + "a\u{0308}rger order",
            String(repeating: "ö", count: 40) + "order" + String(repeating: "x", count: 70) + "ä order",
        ]
        var warm = TermMatches(automaton: automaton)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        for body in bodies {
            for offset in 0..<70 {
                let text = String(repeating: offset % 2 == 0 ? " " : "k ", count: offset / 2)
                    + String(repeating: ",", count: offset % 3) + body
                warm.removeAll()
                var copy = text
                copy.withUTF8 { tokenizer.scan($0, into: &warm) }
                let expected = reference(text, automaton, fold: false)
                #expect((0..<warm.tokenCount).map { warm.terms(ofToken: $0) } == expected, "\(offset) \(text)")
                #expect(scan(text, automaton) == expected, "\(offset) \(text)")
            }
        }
    }

    /// A window's masks (`TokenWindow`: SSE2 compares on x86-64) agree with the word-at-a-time masks and with the
    /// per-byte definition (ASCII letter or digit; top bit set), for every byte value at places all over the window
    /// and random bytes around them, from three offsets.
    @Test func windowMasksMarkTokenBytesAndNonASCII() {
        var generator = SeededGenerator(seed: 3)
        var bytes = [UInt8](repeating: 0x20, count: TokenWindow.width + 8)
        for round in 0..<(256 + 64) {
            for k in bytes.indices { bytes[k] = UInt8(truncatingIfNeeded: generator.next()) }
            if round < 256 { for k in stride(from: round % 7, to: bytes.count, by: 7) { bytes[k] = UInt8(round) } }
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for offset in [0, 3, 8] {
                    var tokens: UInt64 = 0, high: UInt64 = 0
                    for k in 0..<TokenWindow.width {
                        let b = base[offset + k]
                        if WordTokenizer.isASCIIAlphanumeric(b) { tokens |= 1 << UInt64(k) }
                        if b >= 0x80 { high |= 1 << UInt64(k) }
                    }
                    let window = TokenWindow(base, at: offset)
                    let byWord = TokenWindow.masksByWord(base, at: offset)
                    #expect(window.tokenBytes == tokens && window.nonASCII == high, "\(round) \(offset)")
                    #expect(byWord.tokenBytes == tokens && byWord.nonASCII == high, "\(round) \(offset)")
                }
            }
        }
    }

    /// Long fields (most of their tokens taken 64 bytes at a time, `TermMatches.feedTokenWindows`) of random ASCII
    /// tokens of 1 to 70 bytes in both cases and digits between every ASCII byte that is no letter or digit (control
    /// bytes too), with non-ASCII letters, non-ASCII separators and tokens running on into non-ASCII letters now and
    /// then, at every length from 60 to 700 bytes: token by token what tokenising first finds, through one warm
    /// `TermMatches` (its cache full of the repeated words) and a fresh one.
    @Test func longFieldsMatchWindowByWindowAsWalked() throws {
        var generator = SeededGenerator(seed: 64)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let letters = Array("abcdeklmnorstuyzABKZ0129")
        func word(_ length: Int) -> String { String((0..<length).map { _ in pick(letters) }) }
        var vocabulary: [String] = []
        var terms: [(String, Bool)] = [("a", true), ("k", false), ("0", false)]
        for index in 0..<200 {
            let length = index % 10 == 9 ? 17 + index % 50 : 1 + index % 17
            let text = word(length)
            vocabulary.append(text)
            if index % 2 == 0 { terms.append((text.lowercased(), false)) }
            if index % 3 == 0 { terms.append((String(text.lowercased().prefix(1 + index % 6)), true)) }
        }
        let (automaton, _) = try automaton(terms)
        let separators = (0..<128).map { UInt8($0) }.filter { !WordTokenizer.isASCIIAlphanumeric($0) }
            .map { String(UnicodeScalar($0)) }
        let rare = ["ä", "Ö", "\u{2014}", "\u{00A0}", "ß", "\u{2019}"]
        var warm = TermMatches(automaton: automaton)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        for round in 0..<600 {
            let target = 60 + round + Int(generator.next() % 41)
            var text = ""
            while text.utf8.count < target {
                text += pick(vocabulary)
                let roll = generator.next() % 40
                if roll == 0 { text += pick(rare) } else if roll == 1 { text += pick(rare) + " " }
                text += pick(separators)
                if roll == 2 { text += pick(separators) + pick(separators) }
            }
            if round % 3 == 0 { text = String(text.dropLast()) }
            let expected = reference(text, automaton, fold: false)
            warm.removeAll()
            var copy = text
            copy.withUTF8 { tokenizer.scan($0, into: &warm) }
            #expect((0..<warm.tokenCount).map { warm.terms(ofToken: $0) } == expected, "\(round) \(text)")
            #expect(scan(text, automaton) == expected, "\(round) \(text)")
        }
    }

    /// The letters U+00C0...U+00FF (two bytes `C3 xx`: ä, Ö, å, é, ß, and ×, ÷, which are no letters) are taken
    /// undecoded as their lower-case bytes (`ScalarTable.latin1Lower`) when diacritics are not folded: each of the
    /// 64, alone, inside and around ASCII words, at a field's end and before a truncated sequence, in both cases,
    /// matches token by token what tokenising first finds, folded or not.
    @Test func latin1LettersMatchAsDecoded() throws {
        let letters = (0xC0...0xFF).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        var terms: [(String, Bool)] = [("tilaus", true), ("a", false), ("k", true)]
        for (index, letter) in letters.enumerated() {
            terms.append((letter.lowercased(), false))
            terms.append(("k" + letter.lowercased() + "y", index % 2 == 0))
        }
        let (automaton, _) = try automaton(terms)
        let table = ScalarTable.shared.latin1Lower
        #expect(table.count == 64 && table[0x24] == 0xA4 && table[0x04] == 0xA4 && table[0x17] == 0 && table[0x37] == 0)
        for letter in letters {
            let upper = letter.uppercased()
            let texts = [letter, "k\(letter)y \(upper) K\(upper)Y a\(letter)", "tilauksen\(letter)", "\(letter)\(letter)a, \(upper)",
                         String(repeating: "order \(letter) ", count: 12) + "k\(letter)"]
            for text in texts {
                for fold in [false, true] {
                    #expect(scan(text, automaton, fold: fold) == reference(text, automaton, fold: fold), "\(text) \(fold)")
                }
            }
        }
        // A lead byte C3 at the field's end or before a byte that is no continuation: decoded as before (U+FFFD).
        for bytes in [[0x61, 0xC3], [0x61, 0xC3, 0x41], [0xC3, 0xC3, 0xA4]] as [[UInt8]] {
            let text = String(decoding: bytes, as: UTF8.self)
            var matches = TermMatches(automaton: automaton)
            bytes.withUnsafeBufferPointer { WordTokenizer(foldDiacritics: false).scan($0, into: &matches) }
            #expect((0..<matches.tokenCount).map { matches.terms(ofToken: $0) } == reference(text, automaton, fold: false))
        }
    }

    /// The Latin-1 letters a window takes as they are (`ScalarTable.latin1PairTails`) are those whose second byte
    /// lower-cases by its 0x20 bit: every letter of U+00C0...U+00FF but `ß` (its lower-case form is itself, 0x9F,
    /// and 0x9F | 0x20 is `ÿ`'s 0xBF); `×` and `÷` are no letters. Folding diacritics takes none.
    @Test func latin1PairTailsAreTheLettersThatLowerCaseByOneBit() {
        let table = ScalarTable.shared
        for low in 0..<64 {
            let lower = table.latin1Lower[low]
            let taken = (table.latin1PairTails >> UInt64(low)) & 1 != 0
            #expect(taken == (lower != 0 && lower == 0xA0 | UInt8(low)), "\(low)")
        }
        for taken in [0x04, 0x24, 0x16, 0x36, 0x05, 0x25, 0x09, 0x3F] { #expect((table.latin1PairTails >> UInt64(taken)) & 1 == 1) }
        for refused in [0x1F, 0x17, 0x37] { #expect((table.latin1PairTails >> UInt64(refused)) & 1 == 0) }
        #expect(table.latin1PairTails.nonzeroBitCount == 61)
        #expect(WordTokenizer(foldDiacritics: true).latin1PairTails == 0)
        #expect(WordTokenizer(foldDiacritics: false).latin1PairTails == table.latin1PairTails)
    }

    /// `TokenWindow.latin1Pairs` marks both bytes of each `C3 c` letter the tails take, from the window's first
    /// non-ASCII byte up to the first that starts no such letter: hand-worked windows, a letter whose second byte
    /// is past the window (only bit 63), and random windows of ASCII, such letters, `ß`, `×`, dashes and stray
    /// continuation bytes against a byte-by-byte reference.
    @Test func latin1PairsMarkTheLettersUpToTheFirstOtherNonASCIIByte() {
        let tails = ScalarTable.shared.latin1PairTails
        func pairs(_ bytes: [UInt8]) -> UInt64 {
            var padded = bytes + [UInt8](repeating: 0x20, count: TokenWindow.width + 16 - bytes.count)
            return padded.withUnsafeMutableBufferPointer { buffer in
                let base = UnsafePointer(buffer.baseAddress!)
                let window = TokenWindow(base, at: 0)
                return TokenWindow.latin1Pairs(base, at: 0, nonASCII: window.nonASCII, tails: tails)
            }
        }
        #expect(pairs(Array("päivää".utf8)) == 1 << 1 | 1 << 2 | 1 << 5 | 1 << 6 | 1 << 7 | 1 << 8)
        #expect(pairs(Array("ÄR är".utf8)) == 0b11 | 0b11 << 4)
        #expect(pairs(Array("aß ä".utf8)) == 0)                   // ß stops: nothing before it is a letter pair
        #expect(pairs(Array("ä ß ä".utf8)) == 0b11)
        #expect(pairs(Array("ä\u{2014}ä".utf8)) == 0b11)           // an em dash stops
        #expect(pairs(Array("a×b ä".utf8)) == 0)
        #expect(pairs(Array("ä".utf8)) == 0b11)
        #expect(pairs([0xC3]) == 0)                                // a lead byte before a space
        #expect(pairs([0xA4, 0x61]) == 0)                          // a second byte with no lead byte
        #expect(pairs([0xC3, 0xC3, 0xA4]) == 0)
        // The last byte of the window a lead byte: only bit 63, its second byte is the next window's.
        #expect(pairs(Array(String(repeating: "a", count: 63).utf8) + [0xC3, 0xA4]) == 1 << 63)
        #expect(pairs(Array(String(repeating: "a", count: 62).utf8) + [0xC3, 0xA4]) == 0b11 << 62)
        var generator = SeededGenerator(seed: 77)
        let pieces: [[UInt8]] = ["a", "Z", "9", " ", ",", "ä", "Ö", "å", "é", "ÿ", "À", "ß", "×", "÷", "\u{2014}", "€"]
            .map { Array($0.utf8) } + [[0xA4], [0xC3]]
        for round in 0..<2_000 {
            var bytes: [UInt8] = []
            while bytes.count < TokenWindow.width + 2 {
                let roll = Int(generator.next() % 100)
                bytes += roll < 60 ? pieces[Int(generator.next() % 5)] : roll < 95 ? pieces[5 + Int(generator.next() % 6)]
                    : pieces[11 + Int(generator.next() % UInt64(pieces.count - 11))]
            }
            var expected: UInt64 = 0
            var k = 0
            while k < TokenWindow.width {
                if bytes[k] < 0x80 { k += 1; continue }
                let second = bytes[k + 1]
                guard bytes[k] == 0xC3, second & 0xC0 == 0x80, (tails >> UInt64(second & 0x3F)) & 1 == 1 else { break }
                expected |= 1 << UInt64(k)
                if k + 1 < TokenWindow.width { expected |= 1 << UInt64(k + 1) }
                k += 2
            }
            #expect(pairs(Array(bytes.prefix(TokenWindow.width + 2))) == expected, "\(round) \(bytes)")
        }
    }

    /// The classes of the bytes of a window's tokens (`TermAutomaton.Tables.keyClasses`): an ASCII byte's as
    /// `stepClasses`, `C3`'s its own, a second byte's that of its lower-case form, 0 for every other byte.
    @Test func keyClassesStepByTheLowerCaseBytes() throws {
        let (automaton, _) = try automaton([("päivää", false), ("år", true), ("é", false), ("a9", false)])
        let tables = automaton.tables
        for b in 0..<256 {
            let expected: UInt8
            switch b {
            case 0..<0x80: expected = tables.stepClasses[b]
            case 0x80..<0xC0: expected = tables.keyClasses[b | 0x20]
            case 0xC3: expected = tables.keyClasses[b]
            default: expected = 0
            }
            #expect(tables.keyClasses[b] == expected, "\(b)")
        }
        // The bytes of the terms have classes of their own; Ä's second byte (0x84) steps as ä's (0xA4).
        for b: UInt8 in [0xC3, 0xA4, 0xA5, 0xA9, 0x61] { #expect(tables.keyClasses[Int(b)] != 0, "\(b)") }
        #expect(tables.keyClasses[0x84] == tables.keyClasses[0xA4])
        #expect(tables.keyClasses[0x85] == tables.keyClasses[0xA5])
        #expect(tables.keyClasses[0xB6] == 0 && tables.keyClasses[0xC4] == 0 && tables.keyClasses[0x20] == 0)
    }

    /// The key masks by length (`TokenTermCache.keyMasks`) keep exactly the token's bytes of the two words: for
    /// every length, the table and the arithmetic agree and mask a word of ones to `length` bytes.
    @Test func keyMasksKeepTheTokensBytes() {
        let cache = TokenTermCache()
        for length in 0...TokenTermCache.maxTokenLength {
            let (first, second) = TokenTermCache.keyMasks(length: length)
            #expect(cache.keyMasks[2 * length] == first && cache.keyMasks[2 * length + 1] == second, "\(length)")
            #expect(first.nonzeroBitCount + second.nonzeroBitCount == 8 * length, "\(length)")
            let ones = UInt64.max, one: UInt64 = 1
            #expect(first == (length >= 8 ? ones : (one << UInt64(8 * length)) - 1), "\(length)")
            #expect(second == (length <= 8 ? 0 : length == 16 ? ones : (one << UInt64(8 * (length - 8))) - 1), "\(length)")
        }
    }

    /// Finnish and Swedish words taken whole in a window (their Latin-1 letters `TokenWindow.latin1Pairs`) match
    /// what tokenising first finds, cold (walked) and warm (from the cache, where `Ä` and `ä` share a key): random
    /// fields of words with every Latin-1 letter in both cases, of 7, 8, 9, 15, 16 and 17 bytes counting both
    /// bytes of each letter, words that start with one, runs of 64 and more bytes of them across windows, `ß`,
    /// `×` and dashes between, from lengths 60 to 400, folded and not.
    @Test func latin1WordsInWindowsMatchAsWalked() throws {
        var generator = SeededGenerator(seed: 91)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let latin1 = (0xC0...0xFF).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        let ascii = Array("aeiknorstyAK09")
        func word(bytes: Int) -> String {
            var text = ""
            while text.utf8.count < bytes {
                if bytes - text.utf8.count >= 2, generator.next() % 3 == 0 { text += pick(latin1) } else { text.append(pick(ascii)) }
            }
            return text
        }
        var vocabulary = ["päivää", "Päivää", "PÄIVÄÄ", "hälsningar", "ystävällisin", "sähköpostini", "är", "Är", "på",
                          "åtgärd", "ÅTGÄRD", "tämä", "straße", "Straße"]
        for length in [1, 2, 3, 5, 7, 8, 9, 10, 15, 16, 17, 18, 30, 70] {
            for _ in 0..<6 { vocabulary.append(word(bytes: length)) }
        }
        var terms: [(String, Bool)] = [("tämä", false), ("päiv", true), ("ä", false), ("å", true), ("stra", true)]
        for (index, text) in vocabulary.enumerated() where index % 2 == 0 {
            terms.append((text.lowercased(), false))
            terms.append((String(text.lowercased().prefix(1 + index % 5)), true))
        }
        let (automaton, _) = try automaton(terms)
        let separators = [" ", ", ", ".", "\n", " - ", " \u{2014} ", "×", "ß ", "; "]
        var warm = [TermMatches(automaton: automaton), TermMatches(automaton: automaton)]
        for round in 0..<700 {
            let target = 60 + Int(generator.next() % 340)
            var text = ""
            while text.utf8.count < target {
                let entry = pick(vocabulary)
                text += generator.next() % 5 == 0 ? entry.uppercased() : entry
                text += pick(separators)
            }
            if round % 2 == 0 { text = String(text.dropLast()) }
            for fold in [false, true] {
                let expected = reference(text, automaton, fold: fold)
                let side = fold ? 1 : 0
                warm[side].removeAll()
                var copy = text
                copy.withUTF8 { WordTokenizer(foldDiacritics: fold).scan($0, into: &warm[side]) }
                #expect((0..<warm[side].tokenCount).map { warm[side].terms(ofToken: $0) } == expected, "\(round) \(fold) \(text)")
                #expect(scan(text, automaton, fold: fold) == expected, "\(round) \(fold) \(text)")
            }
        }
    }

    /// A field's last bytes go to zero-padded scratch for its windows (`TermMatches.copyPadded`): for every length
    /// from 1 to `windowReach - 1`, from every offset of a buffer, the scratch holds the bytes then zeros, whatever
    /// it held before; and the cache's table starts on a cache line (`TokenTermCache`: one line per probe).
    @Test func fieldEndsCopyIntoZeroPaddedScratch() {
        let reach = TermMatches.windowReach
        #expect(reach == TokenWindow.width + 16)
        let source = (0..<(2 * reach)).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
        var scratch = [UInt8](repeating: 0xEE, count: reach)
        source.withUnsafeBufferPointer { from in
            scratch.withUnsafeMutableBufferPointer { to in
                for count in 1..<reach {
                    for offset in [0, 1, 7, reach - count] {
                        to.update(repeating: 0xEE)
                        TermMatches.copyPadded(from.baseAddress! + offset, count: count, into: to.baseAddress!)
                        let expected = Array(source[offset..<(offset + count)]) + [UInt8](repeating: 0, count: reach - count)
                        #expect(Array(to) == expected, "\(count) \(offset)")
                    }
                }
            }
        }
        let cache = TokenTermCache()
        #expect(Int(bitPattern: cache.table) % 64 == 0)
    }

    /// `TermAutomaton.Tables.termStarts` has a bit for each first key byte some term starts with (an ASCII letter
    /// or digit as its lower-case byte, `E3` for a Latin-1 letter's lead byte), and tokens whose first byte has none
    /// (taken without a walk, `TermMatches.takeHits`) still match what tokenising first finds: numbers starting with
    /// every digit, some of which start terms, words with and without a term, cold and warm.
    @Test func tokensNoTermStartsWithMatchNothing() throws {
        let (automaton, id) = try automaton([("5", false), ("50mb", false), ("2fa", false), ("300", true),
                                             ("order", false), ("ärende", true), ("x", false)])
        let bits = automaton.tables.termStarts
        func startsTerm(_ k: Int) -> Bool { (bits[k >> 6] >> UInt64(k & 63)) & 1 == 1 }
        let expected = Set([0x35, 0x32, 0x33, 0x6F, 0x78, 0xE3])
        for k in 0..<256 { #expect(startsTerm(k) == expected.contains(k), "\(k)") }
        var generator = SeededGenerator(seed: 5)
        var warm = TermMatches(automaton: automaton)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        for round in 0..<400 {
            var text = ""
            while text.utf8.count < 40 + round % 200 {
                switch generator.next() % 6 {
                case 0: text += String(generator.next() % 100_000_000)
                case 1: text += ["5", "50MB", "2FA", "3000", "300", "30", "4", "55"][Int(generator.next() % 8)]
                case 2: text += ["order", "Orders", "ärende", "Ärendet", "x", "y", "zebra"][Int(generator.next() % 7)]
                default: text += "+358 " + String(generator.next() % 1_000_000)
                }
                text += [" ", ", ", ". ", "\n"][Int(generator.next() % 4)]
            }
            warm.removeAll()
            var copy = text
            copy.withUTF8 { tokenizer.scan($0, into: &warm) }
            #expect((0..<warm.tokenCount).map { warm.terms(ofToken: $0) } == reference(text, automaton, fold: false), "\(text)")
        }
        // Hand-worked: "4" and "70" match nothing, "5" and "300x" their terms, "order" its term.
        let text = "4 5 70 300x order"
        var matches = TermMatches(automaton: automaton)
        var copy = text
        copy.withUTF8 { tokenizer.scan($0, into: &matches) }
        #expect((0..<5).map { matches.terms(ofToken: $0) } == [[], [id["5"]!], [], [id["300*"]!], [id["order"]!]])
    }

    /// A table entry answers only for the key it holds (`TokenTermCache.terms` compares both words): two keys that
    /// take the set of another (found by their set) evict it, the evicted key gets no answer, not the others'
    /// terms, and back again it evicts the least recently used of them; keys that share the first word or are one
    /// byte longer get none; a pair key (`E3` for `C3`) is not its ASCII look-alike's.
    @Test func anEntryAnswersOnlyForTheKeyItHolds() {
        func key(_ bytes: [UInt8]) -> (UInt64, UInt64) {
            var first: UInt64 = 0, second: UInt64 = 0
            for (j, byte) in bytes.enumerated() {
                let lower = UInt64(byte | 0x20)
                if j < 8 { first |= lower << UInt64(8 * j) } else { second |= lower << UInt64(8 * (j - 8)) }
            }
            return (first, second)
        }
        func packed(_ term: Int32) -> (UInt64, UInt64) { [term].withUnsafeBufferPointer { TokenTermCache.pack($0)! } }
        func answer(_ cache: TokenTermCache, _ k: (UInt64, UInt64)) -> Int32? {
            cache.terms(k.0, k.1).map { TokenTermCache.term(0, of: ($0[0], $0[1])) }
        }
        let cache = TokenTermCache()
        let order = key(Array("abcdefghorder".utf8))
        cache.remember(order.0, order.1, packed: packed(7))
        #expect(answer(cache, order) == 7)
        var colliders: [(UInt64, UInt64)] = []
        for n in 0..<1_000_000 where colliders.count < 2 {
            let other = key(Array("w\(n)".utf8))
            if TokenTermCache.set(other.0, other.1) == TokenTermCache.set(order.0, order.1) { colliders.append(other) }
        }
        guard colliders.count == 2 else {
            Issue.record("no two keys shared the set of another in a million")
            return
        }
        cache.remember(colliders[0].0, colliders[0].1, packed: packed(8))
        #expect(answer(cache, colliders[0]) == 8)
        cache.remember(colliders[1].0, colliders[1].1, packed: packed(9))
        // `order` was used before the first collider: it is the one dropped.
        #expect(answer(cache, order) == nil)
        #expect(answer(cache, colliders[1]) == 9)
        #expect(answer(cache, colliders[0]) == 8)
        cache.remember(order.0, order.1, packed: packed(7))
        #expect(answer(cache, order) == 7 && answer(cache, colliders[1]) == nil && answer(cache, colliders[0]) == 8)
        // Same first word, another second word; one byte longer; the ASCII look-alike of a pair key.
        #expect(answer(cache, (order.0, order.1 ^ 0x01)) == nil)
        #expect(answer(cache, key(Array("abcdefghorders".utf8))) == nil)
        let pair = key([0x70, 0xC3, 0xA4, 0x69])   // "päi"
        cache.remember(pair.0, pair.1, packed: packed(3))
        #expect(answer(cache, pair) == 3)
        #expect(answer(cache, key([0x70, 0x43, 0xA4, 0x69])) == nil)
        #expect(pair.0 & 0xFF00 == 0xE300)
    }
}
