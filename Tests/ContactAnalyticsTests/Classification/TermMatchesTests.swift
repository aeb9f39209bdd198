import Testing

@testable import ContactAnalytics

/// Tokenising and matching in one pass (`WordTokenizer.scan` into `TermMatches`) finds, token by token, the
/// terms the tokens found by `TokenList` match; and whole values longer than every rule's value stop early.
@Suite struct TermMatchesTests {
    private func automaton(_ terms: [(String, Bool)]) -> (TermAutomaton, [String: Int32]) {
        var automaton = TermAutomaton()
        var ids: [String: Int32] = [:]
        for (text, isPrefix) in terms {
            ids[text + (isPrefix ? "*" : "")] = automaton.id(of: .init(bytes: Array(text.utf8), isPrefix: isPrefix))
        }
        automaton.freeze()
        return (automaton, ids)
    }

    private func scan(_ text: String, _ automaton: TermAutomaton, fold: Bool = false) -> [[Int32]] {
        var matches = TermMatches(automaton: automaton)
        var text = text
        text.withUTF8 { WordTokenizer(foldDiacritics: fold).scan($0, into: &matches) }
        return (0..<matches.tokenCount).map { matches.terms(ofToken: $0) }
    }

    @Test func findsPrefixesThenTheExactTermPerToken() {
        let (automaton, id) = automaton([("order", false), ("ord", true), ("tilau", true), ("tilaus", false),
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
    @Test func agreesWithTokenisingFirst() {
        let (automaton, _) = automaton([("order", false), ("ord", true), ("e", false), ("mail", false),
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
    @Test func bigTriesMatchLikePlainComparison() {
        var generator = SeededGenerator(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyzäö".unicodeScalars)
        func word(_ length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }))
        }
        var terms: [(String, Bool)] = []
        for index in 0..<4_000 { terms.append((word(3 + index % 9), index % 3 == 0)) }
        let (automaton, _) = automaton(terms)
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

    @Test func barriersSeparateFieldsOnce() {
        let (automaton, id) = automaton([("gold", false)])
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
}
