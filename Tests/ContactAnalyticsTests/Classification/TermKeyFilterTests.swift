import Foundation
import Testing

@testable import ContactAnalytics

/// `TermKeyFilter` never rules out a token that matches a term (it may let through tokens that match none), picks
/// the longest prefix whose set fits, and rules out most words of real text under the built-in taxonomy.
@Suite struct TermKeyFilterTests {
    private func automaton(_ terms: [(String, Bool)]) throws -> TermAutomaton {
        var automaton = TermAutomaton()
        for (text, isPrefix) in terms { _ = automaton.id(of: .init(bytes: Array(text.utf8), isPrefix: isPrefix)) }
        try automaton.freeze()
        return automaton
    }

    /// The first word of `TokenTermCache`'s key of a lower-cased token: each byte `| 0x20`, first byte lowest.
    private func first(_ token: [UInt8]) -> UInt64 {
        token.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element | 0x20) << UInt64(8 * $1.offset) }
    }

    /// Hand-worked: `order` and `tilau*` give 4-byte prefixes `orde` and `tila`; `ei` (an exact term shorter than
    /// four bytes) gives `ei` then zeros, so `eikä` is ruled out while `ei` is not; `tilauksen` (the prefix term's
    /// continuation) passes, and so do `orders` and `tila`, which match nothing but share a term's first four bytes.
    @Test func fourBytePrefixesOfAHandfulOfTerms() throws {
        let filter = try automaton([("order", false), ("tilau", true), ("ei", false), ("ärende", false)]).keyFilter
        #expect(filter.prefixBytes == 4)
        #expect(filter.mask == 0xFFFF_FFFF)
        let bitsSet = filter.words.reduce(0) { $0 + $1.nonzeroBitCount }
        #expect(bitsSet == 4) // orde, tila, ei, ärende's first four key bytes (E3 A4 72 65)
        for token in ["order", "orders", "tilau", "tilauksen", "tila", "ei", "ärende", "ÄRENDE"] {
            #expect(filter.mayMatch(first: first(Array(token.lowercased().utf8))), "\(token)")
        }
        for token in ["the", "ordinary", "eikä", "e", "arende", "12345"] {
            #expect(!filter.mayMatch(first: first(Array(token.utf8))), "\(token)")
        }
    }

    /// A prefix term shorter than the hashed prefix stands for all its continuations (`continuations(n)`:
    /// 1, 70, 4,831, 333,340 for n = 0...3), so the prefix is shortened until they fit in `maximumPrefixes`:
    /// `tv*` (2 bytes) keeps 4 (4,831 sequences), `a*` (1 byte) gets 3 (4,831, where 4 would need 333,340), and
    /// a trie with no terms rules out every token.
    @Test func shortPrefixTermsShortenThePrefix() throws {
        #expect(TermKeyFilter.keyBytes.count == 69)
        #expect((0...3).map(TermKeyFilter.continuations) == [1, 70, 4831, 333_340])
        let tv = try automaton([("tv", true), ("order", false)]).keyFilter
        #expect(tv.prefixBytes == 4)
        for token in ["tv", "tvs", "tv2", "två", "order"] { #expect(tv.mayMatch(first: first(Array(token.utf8))), "\(token)") }
        let a = try automaton([("a", true), ("order", false)]).keyFilter
        #expect(a.prefixBytes == 3)
        #expect(a.mask == 0xFF_FFFF)
        for token in ["a", "and", "answer", "aä", "order"] { #expect(a.mayMatch(first: first(Array(token.utf8))), "\(token)") }
        let none = try automaton([]).keyFilter
        #expect(none.words.allSatisfy { $0 == 0 })
        for token in ["a", "order", "1"] { #expect(!none.mayMatch(first: first(Array(token.utf8))), "\(token)") }
    }

    /// Under the built-in taxonomy, every token of the real exports and labelled texts (`Fixtures/real`,
    /// `Fixtures/labelled`) that a term matches passes the filter, at least a third of the tokens the token cache
    /// would take (at most 16 bytes) are ruled out, and the classifier's pass over each file (`TermMatches`, whose
    /// `takeHits` applies the filter) matches what walking every token matches.
    @Test func noTokenOfRealTextThatMatchesATermIsRuledOut() throws {
        let program = try CompiledRuleProgram(taxonomy: .builtIn, header: [], foldDiacritics: false)
        let automaton = program.automaton, filter = automaton.keyFilter
        #expect(filter.prefixBytes == 4)
        // Sparse: 2,298 of the 16,384 bits (one in seven) when this was written.
        let bitsSet = filter.words.reduce(0) { $0 + $1.nonzeroBitCount }
        #expect(bitsSet > 1000 && bitsSet < TermKeyFilter.bitCount / 4, "\(bitsSet) bits set")
        let root = ClassificationTestSupport.packageRoot.appendingPathComponent("Fixtures")
        var files: [URL] = []
        for folder in ["real", "labelled"] {
            let dir = root.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                .filter { !$0.hasSuffix(".md") }.map { dir.appendingPathComponent($0) }
        }
        #expect(files.count >= 20)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        var taken = 0, ruledOut = 0, matching = 0
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            var list = TokenList()
            tokenizer.appendTokens(of: text, to: &list)
            // The classifier's own pass (windows, the filter in `takeHits`, the cache) finds every term that
            // walking each token finds, in the same order.
            var expectedTerms: [Int32] = [], expectedTokens: [Int32] = []
            for t in 0..<list.count {
                var found: [Int32] = []
                automaton.match(list.bytes, list.range(t), into: &found)
                expectedTerms += found
                expectedTokens += repeatElement(Int32(t), count: found.count)
            }
            var matches = TermMatches(automaton: automaton)
            var copy = text
            copy.withUTF8 { tokenizer.scan($0, into: &matches) }
            #expect(matches.tokenCount == list.count, "\(file.lastPathComponent)")
            #expect(matches.terms == expectedTerms && matches.tokens == expectedTokens, "\(file.lastPathComponent)")
            for t in 0..<list.count {
                let token = Array(list.bytes[list.range(t)])
                // The tokens the cache takes: ASCII letters and digits and Latin-1 letters (`C3` and a second byte).
                guard token.count <= TokenTermCache.maxTokenLength,
                      token.indices.allSatisfy({ j in
                          token[j] < 0x80 || token[j] == 0xC3 || (j > 0 && token[j - 1] == 0xC3)
                      }) else { continue }
                var found: [Int32] = []
                automaton.match(list.bytes, list.range(t), into: &found)
                let passes = filter.mayMatch(first: first(token))
                taken += 1
                if !passes { ruledOut += 1 }
                if !found.isEmpty {
                    matching += 1
                    #expect(passes, "\(String(decoding: token, as: UTF8.self)) in \(file.lastPathComponent)")
                }
            }
        }
        #expect(matching > 1000)
        // When this was written: 164,845 of 312,849 tokens ruled out; 97,701 match a term.
        #expect(ruledOut * 3 > taken, "\(ruledOut) of \(taken) ruled out")
    }
}
