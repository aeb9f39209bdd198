import Testing
@testable import ContactAnalytics

private typealias S = ClassificationTestSupport

/// `CompiledRuleProgram.tables` (the per-contact tables as pointers) and what `RootCauseClassifier.matchSequences`
/// does with them at the edges of its loops.
@Suite struct ProgramTablesTests {
    /// Every table the classifier reads per contact holds what the program's array holds, element for element,
    /// laid out as `CompiledRuleProgram.TableLayout` says; on the built-in taxonomy and on one with a raw column.
    @Test(arguments: [[], ["ticket", "subject", "product"]])
    func tablesHoldTheProgramsArrays(header: [String]) throws {
        var rules = Taxonomy.builtIn.rules
        rules.append(RootCauseRule(cause: Taxonomy.builtIn.causes[0].path,
                                   .keywords(["widget"], field: .column("product"))))
        let taxonomy = try Taxonomy(causes: Taxonomy.builtIn.causes, rules: rules)
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: header, foldDiacritics: false)
        let tables = program.tables
        func same<T: Equatable>(_ pointer: UnsafePointer<T>, _ array: [T]) -> Bool {
            array.indices.allSatisfy { pointer[$0] == array[$0] }
        }
        func same<T: Equatable>(_ buffer: UnsafeBufferPointer<T>, _ array: [T]) -> Bool {
            guard let start = buffer.baseAddress else { return false }
            return buffer.count == array.count && same(start, array)
        }
        #expect(same(tables.termRows, program.termRows))
        #expect(same(tables.termEntries, program.termEntries))
        #expect(same(tables.wideRanges, program.wideRanges))
        #expect(same(tables.wordMarks, program.wordMarks))
        #expect(same(tables.phraseEntries, program.phraseEntries))
        #expect(same(tables.phraseGates, program.phraseGates))
        // Each gate is its phrase's termA (low half) and termB (high half).
        #expect(program.phraseEntries.count == program.phraseGates.count && !program.phraseGates.isEmpty)
        #expect(zip(program.phraseEntries, program.phraseGates).allSatisfy { entry, gate in
            Int32(bitPattern: UInt32(truncatingIfNeeded: gate)) == entry.termA
                && Int32(bitPattern: UInt32(truncatingIfNeeded: gate >> 32)) == entry.termB
        })
        #expect(same(tables.sequenceTerms, program.sequenceTerms))
        #expect(same(tables.atomRecords, program.atomRecords))
        #expect(same(tables.atomRecordStarts, program.atomRecordStarts))
        #expect(same(tables.tokenSlots, program.tokenSlots))
        #expect(same(tables.valueSlots, program.valueSlots))
        #expect(same(tables.wholeValueLimits, program.wholeValueLimits))
        #expect(same(tables.ungatedRuleBits, program.ungatedRuleBits))
        #expect(same(tables.ruleRoots, program.ruleRoots))
        #expect(same(tables.ruleCauses, program.ruleCauses))
        #expect(same(tables.children, program.children))
        // The large tables start on a cache line; the small ones a contact reads first lie back to back before them.
        for start in [UnsafeRawPointer(tables.termEntries), UnsafeRawPointer(tables.wordMarks),
                      UnsafeRawPointer(tables.phraseEntries), UnsafeRawPointer(tables.phraseGates),
                      UnsafeRawPointer(tables.termRows)] {
            #expect(Int(bitPattern: start) % 64 == 0)
        }
        let ungated = try #require(tables.ungatedRuleBits.baseAddress)
        // (Each table has room for one element at least.)
        let before = [program.termRows.count, program.tokenSlots.count, program.valueSlots.count,
                      program.wholeValueLimits.count].map { 8 * max($0, 1) }.reduce(0, +)
        #expect(UnsafeRawPointer(ungated) == UnsafeRawPointer(tables.termRows) + before)
        #expect(program.nodes.indices.allSatisfy { Self.describe(tables.nodes[$0]) == Self.describe(program.nodes[$0]) })
        #expect(program.termEntries.count > 1000 && program.ruleRoots.count > 100 && !program.nodes.isEmpty)
        #expect(program.tokenSlots.contains(CompiledRuleProgram.firstColumnSlot) == !header.isEmpty)
    }

    private static func describe(_ node: CompiledRuleProgram.Node) -> String {
        switch node {
        case .atom(let a): "atom \(a)"
        case .regex(let r): "regex \(r)"
        case .all(let start, let count): "all \(start) \(count)"
        case .any(let start, let count): "any \(start) \(count)"
        case .not(let child): "not \(child)"
        }
    }

    /// A term in 300 rules' conditions has more than four marks pairs (the words of its atoms' bits and of the
    /// rules' candidate bits, five of them): the pairs past the four taken without a branch are set too. Rule `k`
    /// needs "alpha" and no "stopK" (so "alpha" alone gates it); only the last rule, in the fifth rule word, is
    /// true.
    @Test func aTermWithMoreThanFourMarkPairsSetsThemAll() throws {
        let count = 300
        var rules: [RootCauseRule] = []
        for k in 0..<count {
            rules.append(RootCauseRule(cause: k == count - 1 ? "b" : "a", priority: count - k,
                                       .all([.keywords(["alpha"]), .not(.keywords(["stop\(k)"]))])))
        }
        let taxonomy = try S.taxonomy(rules)
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: [], foldDiacritics: false)
        let alpha = try #require(Self.term(of: "alpha", in: program))
        let row = program.termRows[CompiledRuleProgram.CanonicalSlot.text.rawValue]
        #expect(program.wordMarkPairs(at: row + Int(alpha)).count > 4)
        let stops = (0..<(count - 1)).map { "stop\($0)" }.joined(separator: " ")
        #expect(try S.classify(taxonomy, S.contact(text: "alpha " + stops)) == "b")
        #expect(try S.classify(taxonomy, S.contact(text: stops + " alpha stop\(count - 1)")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "alpha")) == "a")
    }

    /// An anchor with more than 64 phrases has its gates taken 64 at a time: 130 two-word phrases share the anchor
    /// "longanchorword" (the longest word of each), each with a word of its own; the text that holds the anchor and
    /// the word of phrase `k` gets rule `k`'s cause, whichever group of 64 `k` is in (0, 63, 64, 127, 128, 129),
    /// and the anchor with a word no phrase has gets none. Rule `k`'s cause is "a" for even `k`, "b" for odd.
    @Test func anAnchorWithMoreThan64PhrasesTakesThemAll() throws {
        let count = 130
        let rules = (0..<count).map { k in
            RootCauseRule(cause: k % 2 == 0 ? "a" : "b", priority: count - k, .keywords(["w\(k) longanchorword"]))
        }
        let taxonomy = try S.taxonomy(rules)
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: [], foldDiacritics: false)
        let anchor = try #require(Self.term(of: "longanchorword", in: program))
        let row = program.termRows[CompiledRuleProgram.CanonicalSlot.text.rawValue]
        let phrases = CompiledRuleProgram.unpackRange(program.termEntries[row + Int(anchor)].phrases,
                                                      wide: program.tables.wideRanges)
        #expect(phrases.end - phrases.start == count)
        for k in [0, 1, 63, 64, 127, 128, 129] {
            let expected = k % 2 == 0 ? "a" : "b"
            #expect(try S.classify(taxonomy, S.contact(text: "please w\(k) longanchorword now")) == expected, "\(k)")
        }
        #expect(try S.classify(taxonomy, S.contact(text: "w130 longanchorword")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "longanchorword w129")) == "unclassified")
    }

    /// A term the subject matched counts as first matched again in the body, so its body atom is marked: the
    /// subject's term bits are cleared between the fields (here word by word, the subject's matches being fewer
    /// than half the 66 words, for a term numbered past 4,096).
    @Test func termBitsAreClearedBetweenFields() throws {
        let fillers = (0..<4200).map { "filler\($0)" }
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "c/d", priority: 3, .keywords(fillers, field: .subject)),
            RootCauseRule(cause: "b", priority: 2, .keywords(["tango"], field: .text)),
            RootCauseRule(cause: "a", priority: 1, .keywords(["tango"], field: .subject)),
        ])
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: [], foldDiacritics: false)
        let tango = try #require(Self.term(of: "tango", in: program))
        #expect(tango >= 4096 && program.termCount > 4096)
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        classifier.memoizes = false
        func cause(_ subject: String?, _ text: String?) -> String {
            taxonomy.cause(classifier.classify(S.contact(subject: subject, text: text)))?.path ?? "unclassified"
        }
        #expect(cause("tango", "tango") == "b")
        #expect(cause("tango", "nothing") == "a")
        #expect(cause("filler4199 tango", "tango") == "c/d")
        #expect(cause("tango filler1", "other tango") == "c/d")
        #expect(cause("nothing", "tango") == "b")
    }

    /// The term `word` matches exactly (its only match as a whole token), or nil.
    private static func term(of word: String, in program: CompiledRuleProgram) -> Int32? {
        var matches = TermMatches(automaton: program.automaton)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        var text = word
        text.withUTF8 { tokenizer.scan($0, into: &matches) }
        return matches.terms.last
    }
}
