import Testing
@testable import ContactAnalytics

/// Every condition operator, one rule at a time: does the rule for cause `a` match the contact?
@Suite struct RuleSemanticsTests {
    typealias S = ClassificationTestSupport

    struct Case: Sendable, CustomStringConvertible {
        var condition: RuleCondition
        var contact: ContactRecord
        var matches: Bool
        var note: String
        var description: String { note }
    }

    static let cases: [Case] = [
        // keywords: whole words, ignoring case
        Case(condition: .keywords(["order"]), contact: S.contact(subject: "My ORDER is late"), matches: true,
             note: "keyword, other case"),
        Case(condition: .keywords(["order"]), contact: S.contact(subject: "my orders"), matches: false,
             note: "keyword is a whole word, not a prefix"),
        Case(condition: .keywords(["order"]), contact: S.contact(subject: "reorder please"), matches: false,
             note: "keyword does not match inside a word"),
        Case(condition: .keywords(["order*"]), contact: S.contact(subject: "my orders"), matches: true,
             note: "prefix matches a longer word"),
        Case(condition: .keywords(["order*"]), contact: S.contact(subject: "order"), matches: true,
             note: "prefix matches the bare word"),
        Case(condition: .keywords(["order*"]), contact: S.contact(subject: "reorder"), matches: false,
             note: "prefix anchors at the word start"),
        Case(condition: .keywords(["foo", "bar"]), contact: S.contact(text: "x bar y"), matches: true,
             note: "any keyword of the list"),
        Case(condition: .keywords(["e-mail"]), contact: S.contact(text: "my e mail"), matches: true,
             note: "punctuation separates words on both sides"),
        Case(condition: .keywords(["order"]), contact: S.contact(subject: "order.", text: nil), matches: true,
             note: "trailing punctuation"),
        // phrases
        Case(condition: .phrase(["where is my order"]), contact: S.contact(text: "Hi! Where is my order?"),
             matches: true, note: "phrase in order"),
        Case(condition: .phrase(["where is my order"]), contact: S.contact(text: "where is my new order"),
             matches: false, note: "phrase words must be adjacent"),
        Case(condition: .phrase(["my order"]), contact: S.contact(text: "order my"), matches: false,
             note: "phrase order matters"),
        Case(condition: .phrase(["missä tilau*"]), contact: S.contact(text: "Missä tilaukseni on"),
             matches: true, note: "prefix inside a phrase"),
        Case(condition: .phrase(["my order"]), contact: S.contact(subject: "about my", text: "order"),
             matches: false, note: "a phrase does not span subject and text"),
        Case(condition: .phrase(["gold customer"]), contact: S.contact(tags: ["gold", "customer"]),
             matches: false, note: "a phrase does not span two tags"),
        Case(condition: .phrase(["gold customer"]), contact: S.contact(tags: ["x", "gold customer"]),
             matches: true, note: "a phrase inside one tag"),
        // Phrases are found from their longest word ("arrived"), before and after it.
        Case(condition: .phrase(["has not arrived"]), contact: S.contact(text: "arrived? it has not arrived"),
             matches: true, note: "phrase at the end, its anchor also alone earlier"),
        Case(condition: .phrase(["has not arrived"]), contact: S.contact(text: "arrived, has not, not arrived"),
             matches: false, note: "every word present, never in sequence"),
        Case(condition: .phrase(["not arrived yet"]), contact: S.contact(text: "arrived yet not"),
             matches: false, note: "the anchor is the phrase's first token: nothing before it"),
        // Repeated anchors: a phrase complete only at a later match of its anchor, two phrases of one anchor,
        // the subject and the text looked at apart.
        Case(condition: .phrase(["has not arrived", "never arrived"]),
             contact: S.contact(text: "arrived; it has not arrived"), matches: true,
             note: "two phrases of one anchor, the first complete only at its second match"),
        Case(condition: .phrase(["has not arrived", "never arrived"]),
             contact: S.contact(text: "never arrived, arrived, has not arrived"), matches: true,
             note: "one phrase found at the anchor's first match, the other still open"),
        Case(condition: .phrase(["has not arrived"]),
             contact: S.contact(subject: "arrived", text: "it has not arrived"), matches: true,
             note: "the anchor alone in the subject, the phrase in the text"),
        Case(condition: .phrase(["has not arrived"]), contact: S.contact(text: "not arrived, arrived, has arrived"),
             matches: false, note: "a word missing from the field: every match of the anchor fails"),
        Case(condition: .phrase(["no no no"]), contact: S.contact(text: "no no, no"), matches: true,
             note: "a phrase of one repeated word"),
        Case(condition: .phrase(["no no no"]), contact: S.contact(text: "no no yes no"), matches: false,
             note: "a repeated word broken up"),
        Case(condition: .phrase(["ei tilau* saapunut"]), contact: S.contact(text: "Ei tilaukseni saapunut"),
             matches: true, note: "a prefix term in the middle of a phrase"),
        Case(condition: .phrase(["my order"]), contact: S.contact(tags: ["my", "order"]), matches: false,
             note: "the tag barrier before the anchor"),
        // fields
        Case(condition: .keywords(["billing"], field: .category), contact: S.contact(subject: "billing"),
             matches: false, note: "a field restricts where words are looked for"),
        Case(condition: .keywords(["billing"], field: .category), contact: S.contact(category: "Billing"),
             matches: true, note: "category field"),
        Case(condition: .keywords(["vip"]), contact: S.contact(tags: ["VIP"]), matches: true,
             note: "any_text includes tags"),
        Case(condition: .keywords(["chat"], field: .channel), contact: S.contact(channel: .chat), matches: true,
             note: "channel field uses the normalised channel"),
        Case(condition: .keywords(["tier*"], field: .queue), contact: S.contact(queue: "Tier 2"), matches: true,
             note: "queue field"),
        Case(condition: .keywords(["fi"], field: .language), contact: S.contact(language: "fi"), matches: true,
             note: "language field"),
        // equals / one_of
        Case(condition: .equals("billing", field: .category), contact: S.contact(category: "  BILLING "),
             matches: true, note: "equals ignores case and outer white space"),
        Case(condition: .equals("billing", field: .category), contact: S.contact(category: "billing issue"),
             matches: false, note: "equals is the whole value"),
        Case(condition: .equals("noise - residential", field: .category),
             contact: S.contact(category: "Noise  -\tResidential"), matches: true,
             note: "equals collapses inner white space"),
        Case(condition: .oneOf(["a", "b"], field: .status), contact: S.contact(status: .closed), matches: false,
             note: "one_of, no value matches"),
        Case(condition: .oneOf(["open", "closed"], field: .status), contact: S.contact(status: .closed),
             matches: true, note: "one_of on status"),
        Case(condition: .equals("x", field: .category), contact: S.contact(), matches: false,
             note: "equals on a missing value"),
        // tags_contain
        Case(condition: .tagsContain(["Refund"]), contact: S.contact(tags: ["vip", "refund"]), matches: true,
             note: "tags_contain ignores case"),
        Case(condition: .tagsContain(["refund"]), contact: S.contact(tags: ["refund request"]), matches: false,
             note: "tags_contain wants a whole tag"),
        Case(condition: .tagsContain(["refund"]), contact: S.contact(subject: "refund"), matches: false,
             note: "tags_contain reads only tags"),
        // regex
        Case(condition: .regex("INV-[0-9]{4}"), contact: S.contact(subject: "re: inv-1234"), matches: true,
             note: "regex ignores case"),
        Case(condition: .regex("^inv"), contact: S.contact(subject: "my inv"), matches: false,
             note: "regex anchors"),
        Case(condition: .regex("tähti", field: .text), contact: S.contact(text: "Tähti"), matches: true,
             note: "regex on non-ASCII text"),
        // all / any / not
        Case(condition: .all([.keywords(["a1"]), .keywords(["b1"])]), contact: S.contact(text: "a1 b1"),
             matches: true, note: "all: both"),
        Case(condition: .all([.keywords(["a1"]), .keywords(["b1"])]), contact: S.contact(text: "a1"),
             matches: false, note: "all: one missing"),
        Case(condition: .all([]), contact: S.contact(), matches: true, note: "all of nothing is true"),
        Case(condition: .any([.keywords(["a1"]), .keywords(["b1"])]), contact: S.contact(text: "b1"),
             matches: true, note: "any: one"),
        Case(condition: .any([]), contact: S.contact(text: "b1"), matches: false, note: "any of nothing is false"),
        Case(condition: .not(.keywords(["spam"])), contact: S.contact(text: "hello"), matches: true,
             note: "not: absent word"),
        Case(condition: .not(.keywords(["spam"])), contact: S.contact(text: "spam"), matches: false,
             note: "not: present word"),
        Case(condition: .all([.keywords(["order"]), .not(.equals("spam", field: .category))]),
             contact: S.contact(text: "order", category: "Spam"), matches: false, note: "all with not"),
        Case(condition: .any([.regex("z{3}"), .not(.keywords(["x"]))]), contact: S.contact(text: "x zzz"),
             matches: true, note: "any with regex (ungated)"),
    ]

    @Test(arguments: cases)
    func operator_(_ c: Case) throws {
        let taxonomy = try S.taxonomy([RootCauseRule(cause: "a", c.condition)])
        #expect(try S.classify(taxonomy, c.contact) == (c.matches ? "a" : "unclassified"))
    }

    @Test func rawColumnsResolveByHeaderAndMissingOnesAreReported() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 2, .equals("Invoices", field: .column("Queue Name"))),
            RootCauseRule(cause: "b", priority: 1, .tagsContain(["urgent"], field: .column("labels"))),
            RootCauseRule(cause: "c/d", priority: 3, .not(.keywords(["x"], field: .column("Missing")))),
        ])
        let header = ["id", " queue name ", "Labels"]
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: header)
        #expect(classifier.unresolvedColumns == ["Missing"])
        let contact = S.contact()
        let row1 = RawRecord(fields: ["1", "INVOICES", ""])
        #expect(taxonomy.cause(classifier.classify(contact, raw: row1))?.path == "a")
        let row2 = RawRecord(fields: ["2", "Other", "low; Urgent |x"])
        #expect(taxonomy.cause(classifier.classify(contact, raw: row2))?.path == "b")
        let row3 = RawRecord(fields: ["3", "Other", "low"])
        #expect(classifier.classify(contact, raw: row3) == .unclassified)
        // A short row (missing fields) is not an error.
        #expect(classifier.classify(contact, raw: RawRecord(fields: ["4"])) == .unclassified)
    }

    @Test func regexSeesOnlyTheFirstFourKibibytes() throws {
        let taxonomy = try S.taxonomy([RootCauseRule(cause: "a", .regex("needle", field: .text))])
        let early = String(repeating: "x ", count: 2000) + "needle"      // ends at byte 4006
        let late = String(repeating: "x ", count: 2100) + "needle"       // starts at byte 4200
        #expect(try S.classify(taxonomy, S.contact(text: early)) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: late)) == "unclassified")
        #expect(RootCauseClassifier.bounded(String(repeating: "ä", count: 3000)).utf8.count == 4096)
        #expect(RootCauseClassifier.bounded(String(repeating: "€", count: 2000)).utf8.count == 4095)
    }

    @Test func oneClassifierServesManyContacts() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", .keywords(["alpha"])),
            RootCauseRule(cause: "b", .phrase(["beta gamma"])),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        let texts = ["alpha", "beta gamma", "nothing", "beta", "gamma beta gamma", "alpha"]
        let expected = ["a", "b", "unclassified", "unclassified", "b", "a"]
        let got = texts.map { taxonomy.cause(classifier.classify(S.contact(text: $0)))?.path ?? "unclassified" }
        #expect(got == expected)
    }

    /// `matchSequences` lists the terms with single-word atoms first matched in a field and marks their atoms
    /// after the field's matches: a keyword after many phrase-only words, a keyword repeated, keywords in two
    /// fields of one contact; a phrase only where its words stand next to each other around its anchor, in one
    /// field.
    @Test func wordAtomsAndPhrasesOfAFieldAreMarked() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 2, .all([.keywords(["gamma"]), .keywords(["delta"])])),
            RootCauseRule(cause: "b", priority: 1, .phrase(["not working"])),
            RootCauseRule(cause: "c/d", .keywords(["epsilon"])),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        classifier.memoizes = false
        func cause(_ subject: String?, _ text: String?) -> String {
            taxonomy.cause(classifier.classify(S.contact(subject: subject, text: text)))?.path ?? "unclassified"
        }
        #expect(cause(nil, "not not working not gamma working gamma not delta") == "a")
        #expect(cause(nil, "gamma gamma gamma") == "unclassified")
        #expect(cause("gamma", "delta") == "a")
        #expect(cause(nil, "gamma is not working") == "b")
        #expect(cause(nil, "not the working gamma") == "unclassified")
        #expect(cause("not", "working") == "unclassified")
        #expect(cause("working not", nil) == "unclassified")
        #expect(cause("not not not not not not not not epsilon", nil) == "c/d")
        #expect(cause(nil, "epsilon not working") == "b")
    }

    /// The candidate rules are taken lowest rank first, each once, across the 64-rule words of the candidate bits,
    /// ungated rules among them: 70 keyword rules ranked by priority (rank i for "w<i>") and a last ungated one.
    @Test func candidateRulesAreTakenInRankOrder() throws {
        let causes = ["a", "b", "c/d", "c/e/f"]
        var rules = (0..<70).map { i in
            RootCauseRule(cause: causes[i % 4], priority: 100 - i, .keywords(["w\(i)"]))
        }
        rules.append(RootCauseRule(cause: "c/e/f", priority: 0, .not(.keywords(["w0"]))))
        let taxonomy = try S.taxonomy(rules)
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        classifier.memoizes = false
        func cause(_ text: String) -> String {
            taxonomy.cause(classifier.classify(S.contact(text: text)))?.path ?? "unclassified"
        }
        #expect(cause("w66 w65") == "b")      // rank 65, in the second word
        #expect(cause("w66") == "c/d")         // rank 66
        #expect(cause("w69 w64 w63") == "c/e/f") // rank 63, the first word's last bit
        #expect(cause("w69") == "b")
        #expect(cause("w0 w69") == "a")
        #expect(cause("nothing") == "c/e/f")   // the ungated rule, last
        #expect(cause("w2 nothing") == "c/d")
    }

    /// Whole values: a value normalised to a key matches in any text field; one a byte longer than every key is
    /// turned down before normalising, and so is a long body; a value of only non-ASCII letters is normalised.
    @Test func wholeValuesMatchOnlyWhole() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", .oneOf(["billing question", "läsä"], field: .anyText)),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        classifier.memoizes = false
        func cause(subject: String? = nil, text: String? = nil, category: String? = nil) -> String {
            let contact = S.contact(subject: subject, text: text, category: category)
            return taxonomy.cause(classifier.classify(contact))?.path ?? "unclassified"
        }
        #expect(cause(subject: "  Billing \t QUESTION ") == "a")
        #expect(cause(category: "billing question") == "a")
        #expect(cause(subject: "billing questions") == "unclassified")
        #expect(cause(subject: "billing question", text: String(repeating: "long body ", count: 50)) == "a")
        #expect(cause(text: String(repeating: "billing question ", count: 20)) == "unclassified")
        #expect(cause(subject: "LÄSÄ") == "a")
        #expect(cause(subject: "läsää") == "unclassified")
        #expect(cause(subject: "") == "unclassified")
    }

    /// The compiled program's packed term entries hold what the keywords and phrases compiled for each slot say
    /// (the unpacked lists, rebuilt here from `sequences`): each row's word atoms and the rules they can make true
    /// (the term's `wordMarks` pairs, one per word of the marks), its phrases with their atoms' records, their
    /// anchors and the two other terms each is checked by, and each anchor's two required terms (other terms all
    /// its phrases have, the anchor itself standing in where there are fewer), on the built-in taxonomy:
    /// `matchSequences` reads nothing else.
    @Test func termEntriesHoldTheUnpackedLists() throws {
        let program = try CompiledRuleProgram(taxonomy: .builtIn, header: [], foldDiacritics: false)
        let termCount = program.termCount
        #expect(program.termEntries.count == 3 * termCount && program.wideRanges.isEmpty)
        var words = [[Int32]](repeating: [], count: program.slotCount * termCount)
        var phrases = [[CompiledRuleProgram.SequenceEntry]](repeating: [], count: program.slotCount * termCount)
        for entry in program.sequences {
            let terms = Array(program.sequenceTerms[Int(entry.start)..<Int(entry.start + entry.length)])
            let slotBase = Int(entry.slot) * termCount
            if entry.length == 1 {
                let key = slotBase + Int(terms[0])
                if !words[key].contains(entry.atom) { words[key].append(entry.atom) }
            } else {
                phrases[slotBase + Int(terms[anchorIndex(terms, program)])].append(entry)
            }
        }
        var withAtoms = 0, marked = 0, triggering = 0, anchoring = 0, narrowed = 0
        for slot in 0..<program.slotCount {
            for term in 0..<termCount {
                let k = program.termRows[slot] + term, entry = program.termEntries[k]
                let own = words[slot * termCount + term], anchored = phrases[slot * termCount + term]
                #expect(program.wordAtomList(at: k) == own.sorted())
                #expect(entry.wordFlag == (own.isEmpty ? 0 : 1) && entry.phraseFlag == (anchored.isEmpty ? 0 : 1))
                // The rule bits are those of the atoms' rules, at the words after the atom words.
                var rules = Set<Int32>()
                for atom in own { rules.formUnion(program.triggeredRules(of: Int(atom))) }
                let pairs = program.wordMarkPairs(at: k)
                var ruleBits: [Int32] = []
                for pair in pairs where pair.word >= program.atomWordCount {
                    ruleBits += Self.bitIndexes(pair.bits, from: (pair.word - program.atomWordCount) * 64)
                }
                #expect(ruleBits == rules.sorted())
                #expect(pairs.map(\.word) == Set(pairs.map(\.word)).sorted() && pairs.allSatisfy { $0.bits != 0 })
                if !own.isEmpty { marked += 1 }
                if !rules.isEmpty { triggering += 1 }
                let listed = Array(program.phraseList(at: k))
                #expect(listed.map(\.atom) == anchored.map(\.atom))
                #expect(listed.map(\.start) == anchored.map(\.start))
                #expect(listed.map { Int32($0.length) } == anchored.map(\.length))
                var common: [Int32]? = nil
                for (phrase, source) in zip(listed, anchored) {
                    let terms = program.sequenceTerms[Int(source.start)..<Int(source.start + source.length)]
                    let others = terms.indices.filter { $0 != terms.startIndex + Int(phrase.anchor) }.map { terms[$0] }
                    #expect(phrase.termA == others[0])
                    #expect(phrase.termB == (others.count > 1 ? others[1] : Int32(term)))
                    #expect(phrase.atomRecord == program.atomRecordStarts[Int(phrase.atom)])
                    #expect(terms[terms.startIndex + Int(phrase.anchor)] == Int32(term))
                    // The other terms every phrase so far has, in the first phrase's order, each once.
                    var kept: [Int32] = []
                    for other in common ?? others where others.contains(other) && !kept.contains(other) {
                        kept.append(other)
                    }
                    common = kept
                }
                if let common {
                    #expect(entry.requiredA == (common.first ?? Int32(term)))
                    #expect(entry.requiredB == (common.count > 1 ? common[1] : Int32(term)))
                } else {
                    #expect(entry.requiredA == 0 && entry.requiredB == 0)
                }
                guard slot == CompiledRuleProgram.CanonicalSlot.text.rawValue else { continue }
                if !own.isEmpty { withAtoms += 1 }
                if !anchored.isEmpty {
                    anchoring += 1
                    if entry.requiredA != Int32(term) { narrowed += 1 }
                }
            }
        }
        #expect(withAtoms > 1000 && anchoring > 500)
        // Most terms with atoms make a rule a candidate; most anchors' phrases share a word besides the anchor.
        #expect(triggering * 2 > marked && withAtoms > 0)
        #expect(narrowed * 2 > anchoring)
        for entry in program.phraseEntries {
            #expect(entry.length >= 2)
        }
        // Each atom's record: the atom, then its rules' ranks, ascending (precedence order), each a real rule.
        for atom in 0..<program.atomCount {
            let start = Int(program.atomRecordStarts[atom])
            #expect(program.atomRecords[start] == Int32(atom))
            let rules = Array(program.triggeredRules(of: atom))
            #expect(rules == rules.sorted() && Set(rules).count == rules.count)
            #expect(rules.allSatisfy { $0 >= 0 && Int($0) < program.ruleRoots.count })
        }
        #expect(program.atomRecordStarts.count == program.atomCount)
    }

    /// The indexes of the set bits of `bits`, counted from `from`, ascending.
    private static func bitIndexes(_ bits: UInt64, from base: Int) -> [Int32] {
        (0..<64).filter { bits & (1 << UInt64($0)) != 0 }.map { Int32(base + $0) }
    }

    /// The index of the term a phrase is filed under, as `CompiledRuleProgram.anchor(of:)` picks it.
    private func anchorIndex(_ terms: [Int32], _ program: CompiledRuleProgram) -> Int {
        CompiledRuleProgram.anchor(of: terms.map { program.automaton.terms[Int($0)] })
    }

    /// A packed range holds a count below 255 and a start below 2^24 in place; anything larger goes to the wide
    /// ranges (its index packed with the count 255), and unpacks to the same range either way.
    @Test func packedRangesFallBackToWideRanges() throws {
        typealias P = CompiledRuleProgram
        var wide: [P.WideRange] = []
        let cases: [(start: Int, count: Int, inPlace: Bool)] = [
            (0, 0, true), (7, 1, true), (0, 254, true), ((1 << 24) - 1, 254, true), (0, 255, false),
            (1 << 24, 1, false), (3, 100_000, false), ((1 << 24) - 1, 255, false),
        ]
        for (start, count, inPlace) in cases {
            let packed = try P.packRange(start: start, count: count, wide: &wide)
            #expect((packed & 0xFF != P.wideCount) == inPlace)
            let (s, e) = wide.withUnsafeBufferPointer { P.unpackRange(packed, wide: $0) }
            #expect(s == start && e == start + count)
        }
        #expect(wide.count == 4)
    }

    /// A term with 300 word atoms in its row ("refund", in 300 rules: its marks are a few words of atom and rule
    /// bits) and one anchoring 300 phrases ("arrived", whose list is a wide range): each rule still gives its
    /// cause exactly where it holds.
    @Test func termsWithHundredsOfAtomsAndPhrasesClassifyThroughWideRanges() throws {
        var rules: [RootCauseRule] = []
        for i in 0..<300 {
            let cause = i == 250 ? "b" : "a"
            rules.append(RootCauseRule(cause: cause, .all([.keywords(["refund"]), .keywords(["k\(i)"])])))
            rules.append(RootCauseRule(cause: i == 250 ? "c/d" : "a", .phrase(["arrived p\(i)"])))
        }
        let taxonomy = try S.taxonomy(rules)
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: [], foldDiacritics: false)
        let wideWords = program.termEntries.indices.filter { program.wordAtomList(at: $0).count == 300 }
        let wideHeads = program.termEntries.indices.filter { program.phraseList(at: $0).count == 300 }
        #expect(!wideWords.isEmpty && !wideHeads.isEmpty)
        // "refund" gates each of its 300 `all` rules (the first of the equally small gates): 300 rule bits.
        for k in wideWords {
            let ruleBits = program.wordMarkPairs(at: k).filter { $0.word >= program.atomWordCount }
            #expect(ruleBits.reduce(0) { $0 + $1.bits.nonzeroBitCount } == 300)
        }
        #expect(wideHeads.allSatisfy { program.termEntries[$0].phrases & 0xFF == CompiledRuleProgram.wideCount })
        #expect(try S.classify(taxonomy, S.contact(subject: "refund k250")) == "b")
        #expect(try S.classify(taxonomy, S.contact(text: "k7 and a refund")) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: "k250 k7")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "it never arrived p250 yet")) == "c/d")
        #expect(try S.classify(taxonomy, S.contact(subject: "arrived p7")) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: "p250 arrived")) == "unclassified")
    }

    /// Phrases filed under one anchor ("arrived") that share another word ("yet"): the anchor requires it (one
    /// required term; the anchor stands in for the second), and no phrase is found where it is missing, each
    /// where its own words follow each other.
    @Test func anchorsRequireTheWordsAllTheirPhrasesShare() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", .phrase(["not arrived yet"])),
            RootCauseRule(cause: "b", .phrase(["never arrived yet"])),
        ])
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: [], foldDiacritics: false)
        let anchors = program.termEntries.indices.filter { !program.phraseList(at: $0).isEmpty }
        #expect(anchors.count == 1)
        for k in anchors {
            let entry = program.termEntries[k], term = Int32(k % program.termCount)
            let first = try #require(program.phraseList(at: k).first)
            let yet = program.sequenceTerms[Int(first.start) + 2]
            #expect(entry.requiredA == yet && entry.requiredA != term && entry.requiredB == term)
        }
        #expect(try S.classify(taxonomy, S.contact(text: "it never arrived yet")) == "b")
        #expect(try S.classify(taxonomy, S.contact(text: "not arrived yet")) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: "it never arrived")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "yet it never arrived")) == "unclassified")
    }

    /// Phrases filed under one anchor ("arrived") that need different other words: each is found where its own
    /// words are, though the field lacks the other phrases' words (the anchor's required terms are only words
    /// all of them need: here none but the anchor), and none where a word they all need ("arrived") or their own other word is missing.
    @Test func phrasesOfOneAnchorAreEachFoundWithoutTheOthersWords() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", .phrase(["not arrived"])),
            RootCauseRule(cause: "b", .phrase(["never arrived"])),
            RootCauseRule(cause: "c/d", .phrase(["still waiting arrived"])),
        ])
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: [], foldDiacritics: false)
        let anchors = program.termEntries.indices.filter { !program.phraseList(at: $0).isEmpty }
        #expect(anchors.count == 1 && program.phraseList(at: anchors[0]).count == 3)
        #expect(try S.classify(taxonomy, S.contact(text: "it never arrived")) == "b")
        #expect(try S.classify(taxonomy, S.contact(text: "it has not arrived")) == "a")
        #expect(try S.classify(taxonomy, S.contact(subject: "still waiting arrived")) == "c/d")
        #expect(try S.classify(taxonomy, S.contact(text: "never not still waiting")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "arrived never not")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "it arrived")) == "unclassified")
    }

    /// Slots whose keywords and phrases are the same share one row of the per-term tables: on the built-in
    /// taxonomy text, category and tags one row, the subject (three rules of its own) another, the slots no keyword
    /// reads a third; a term whose atoms and phrases are the same in two rows has them once (both rows' ranges are
    /// the same). Slots with rules of their own get rows of their own, and a keyword or phrase of one field still
    /// matches only there.
    @Test func slotsWithTheSameRulesShareATermRow() throws {
        typealias Slot = CompiledRuleProgram.CanonicalSlot
        let builtIn = try CompiledRuleProgram(taxonomy: .builtIn, header: [], foldDiacritics: false)
        let rows = builtIn.termRows
        #expect(rows.count == Slot.allCases.count)
        #expect(rows[Slot.category.rawValue] == rows[Slot.text.rawValue])
        #expect(rows[Slot.tags.rawValue] == rows[Slot.text.rawValue])
        #expect(rows[Slot.subject.rawValue] != rows[Slot.text.rawValue])
        #expect(rows[Slot.channel.rawValue] != rows[Slot.subject.rawValue])
        #expect(rows[Slot.channel.rawValue] != rows[Slot.text.rawValue])
        #expect(Set(rows).count == 3 && builtIn.termEntries.count == 3 * builtIn.termCount)
        var sharedWords = 0, ownWords = 0, ownPhrases = 0
        let subject = rows[Slot.subject.rawValue], text = rows[Slot.text.rawValue]
        for term in 0..<builtIn.termCount {
            let a = builtIn.termEntries[subject + term], b = builtIn.termEntries[text + term]
            if a.words == b.words {
                if a.words != 0 { sharedWords += 1 }
            } else {
                ownWords += 1
            }
            if a.phrases != b.phrases || a.requiredA != b.requiredA || a.requiredB != b.requiredB { ownPhrases += 1 }
        }
        #expect(sharedWords > 1000 && ownWords > 0 && ownWords + ownPhrases < 20)
        // Each term's marks are stored once: `wordMarks` holds the distinct ranges, fewer than all rows list.
        var distinct = Set<UInt32>(), listed = 0
        for entry in builtIn.termEntries where entry.words != 0 {
            distinct.insert(entry.words)
            listed += Int(entry.words & 0xFF)
        }
        #expect(builtIn.wordMarks.count == 2 * distinct.reduce(0) { $0 + Int($1 & 0xFF) })
        #expect(builtIn.wordMarks.count * 3 < 2 * listed * 2)

        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", .keywords(["alpha"], field: .subject)),
            RootCauseRule(cause: "b", .phrase(["beta gamma"], field: .text)),
            RootCauseRule(cause: "c/d", .keywords(["delta"])),
        ])
        let program = try CompiledRuleProgram(taxonomy: taxonomy, header: [], foldDiacritics: false)
        #expect(program.termRows[Slot.subject.rawValue] != program.termRows[Slot.text.rawValue])
        #expect(program.termRows[Slot.category.rawValue] == program.termRows[Slot.tags.rawValue])
        #expect(program.termRows[Slot.category.rawValue] != program.termRows[Slot.subject.rawValue])
        #expect(Set(program.termRows).count == 4)
        #expect(try S.classify(taxonomy, S.contact(subject: "alpha")) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: "alpha")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "beta gamma")) == "b")
        #expect(try S.classify(taxonomy, S.contact(subject: "beta gamma")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(subject: "x", text: "y", category: "delta")) == "c/d")
        #expect(try S.classify(taxonomy, S.contact(subject: "beta", text: "gamma alpha")) == "unclassified")
    }

    /// A phrase in a long body full of other matched words (the field's mask of terms mostly set): found where
    /// its words follow each other, not where they all occur apart or one is missing.
    @Test func phrasesInLongBodiesNeedTheirWordsInSequence() throws {
        // Cause "b" never applies ("neverseen" is in no text); its 80 words fill the field's mask of terms.
        let words = (0..<80).map { "w\($0)" }
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", .phrase(["has not arrived"])),
            RootCauseRule(cause: "b", .all([.keywords(["neverseen"]), .keywords(words)])),
        ])
        let filler = words.joined(separator: " ") + " the my order not has"
        #expect(try S.classify(taxonomy, S.contact(text: filler + " it has not arrived yet")) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: filler + " arrived, it has not")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: filler + " arrived")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: filler + " has not come")) == "unclassified")
    }

    /// Random phrases of two to four words over a small vocabulary (a long body repeats each anchor many times, and
    /// each field's mask of terms is full) and random bodies of 1 to 150 words: the cause is that of the first rule
    /// in precedence order whose phrase's words follow each other among the body's tokens, as comparing the token
    /// strings finds. (`matchSequences` looks at an anchor term's phrases once per field, at its first match, and
    /// follows each phrase whose words all occur at each of the term's matches until one holds.)
    @Test func phrasesOfRepeatedAnchorsMatchLikeComparingTokens() throws {
        var generator = SeededGenerator(seed: 41)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let vocabulary = ["order", "not", "arrived", "my", "the", "parcel", "never", "came", "refund", "still",
                          "waiting", "for", "it", "is", "broken", "late", "Order", "NOT"]
        var rules: [RootCauseRule] = [], causes: [RootCause] = [], phrases: [String: [String]] = [:]
        for index in 0..<60 {
            let words = (0..<(2 + index % 3)).map { _ in pick(vocabulary).lowercased() }
            phrases["c\(index)"] = words
            causes.append(RootCause(path: "c\(index)", process: "P", avoidable: false))
            rules.append(RootCauseRule(cause: "c\(index)", priority: 100 - index % 7,
                                       .phrase([words.joined(separator: " ")])))
        }
        let taxonomy = try Taxonomy(causes: causes, rules: rules)
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        classifier.memoizes = false
        let ordered = RootCauseRule.precedenceOrder(rules)
        let tokenizer = WordTokenizer(foldDiacritics: false)
        var found = Set<String>()
        for round in 0..<400 {
            let count = round % 4 == 0 ? 1 + Int(generator.next() % 150) : 1 + Int(generator.next() % 12)
            let body = (0..<count).map { _ in pick(vocabulary) + pick([" ", ", ", ". ", "  "]) }.joined()
            let tokens = tokenizer.tokens(of: body)
            let expected = ordered.first { rule in
                guard let words = phrases[rule.cause], tokens.count >= words.count else { return false }
                return (0...(tokens.count - words.count)).contains { Array(tokens[$0..<($0 + words.count)]) == words }
            }?.cause ?? "unclassified"
            let cause = taxonomy.cause(classifier.classify(S.contact(text: body)))?.path ?? "unclassified"
            #expect(cause == expected, "\(body)")
            found.insert(expected)
        }
        // Many rules decide some body, and some bodies none.
        #expect(found.count > 15 && found.contains("unclassified"))
    }
}
