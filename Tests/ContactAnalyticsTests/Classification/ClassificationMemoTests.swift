import Testing
@testable import ContactAnalytics

/// The classifier's memo: a remembered cause is the cause the rules give, field boundaries are part of the
/// key, and the memo stays bounded.
@Suite struct ClassificationMemoTests {
    typealias S = ClassificationTestSupport

    /// The built-in taxonomy over 20,000 generated contacts, with and without the memo: the same causes, and
    /// the memo answered the repeats.
    @Test func memoGivesTheRulesCauses() throws {
        var memoized = try RootCauseClassifier(taxonomy: .builtIn, header: S.generatedHeader)
        var plain = memoized
        plain.memoizes = false
        var distinct = Set<[String]>()
        var classified = 0
        for row in GeneratedSample.rows {
            let contact = S.contact(generated: row)
            let raw = RawRecord(fields: row)
            #expect(memoized.classify(contact, raw: raw) == plain.classify(contact, raw: raw), "\(row)")
            distinct.insert([row[.subject], row[.channel], row[.queue], row[.language]])
            if plain.classify(contact, raw: raw).isClassified { classified += 1 }
        }
        #expect(classified > GeneratedSample.rowCount / 2)
        #expect(memoized.memoLookups == GeneratedSample.rowCount)
        #expect(plain.memoLookups == 0)
        // Every contact whose inputs came before is answered by the memo (the built-in rules read subject,
        // channel, queue and language, among others).
        #expect(memoized.memoHits >= GeneratedSample.rowCount - distinct.count)
        #expect(memoized.memoHits > 0)
    }

    /// The same words in another field, another tag split or a missing field are other inputs.
    @Test func fieldsAreKeptApart() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 3, .keywords(["refund"], field: .subject)),
            RootCauseRule(cause: "b", priority: 2, .phrase(["gold customer"], field: .tags)),
            RootCauseRule(cause: "c/d", priority: 1, .keywords(["refund"], field: .text)),
            RootCauseRule(cause: "c/e/f", .oneOf(["y"], field: .column("note"))),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: ["note"])
        let cases: [(ContactRecord, RawRecord, String)] = [
            (S.contact(subject: "refund"), RawRecord(fields: ["x"]), "a"),
            (S.contact(text: "refund"), RawRecord(fields: ["x"]), "c/d"),
            (S.contact(subject: "refund"), RawRecord(fields: ["x"]), "a"),
            (S.contact(tags: ["gold customer"]), RawRecord(fields: ["x"]), "b"),
            (S.contact(tags: ["gold", "customer"]), RawRecord(fields: ["x"]), "unclassified"),
            (S.contact(tags: ["gold customer"]), RawRecord(fields: ["x"]), "b"),
            (S.contact(subject: "", text: "refund"), RawRecord(fields: ["x"]), "c/d"),
            (S.contact(subject: "x"), RawRecord(fields: ["y"]), "c/e/f"),
            (S.contact(subject: "x"), RawRecord(fields: ["x"]), "unclassified"),
            (S.contact(text: "refund"), RawRecord(fields: ["x"]), "c/d"),
        ]
        for (contact, raw, expected) in cases {
            let cause = classifier.classify(contact, raw: raw)
            #expect((taxonomy.cause(cause)?.path ?? "unclassified") == expected, "\(contact)")
        }
        #expect(classifier.memoHits == 3)
    }

    @Test func memoRemembersAndForgets() {
        var memo = ClassificationMemo()
        func key(_ text: String) -> [UInt8] { Array(text.utf8) }
        func look(_ text: String) -> CauseID? {
            key(text).withUnsafeBufferPointer { memo.cause(of: $0, hash: IdentityHash.of(bytes: $0)) }
        }
        func remember(_ text: String, _ cause: Int) {
            key(text).withUnsafeBufferPointer { memo.remember(CauseID(cause), for: $0, hash: IdentityHash.of(bytes: $0)) }
        }
        #expect(look("abc") == nil)
        remember("abc", 1)
        remember("abd", 2)
        remember("", 3)
        #expect(look("abc") == CauseID(1))
        #expect(look("abd") == CauseID(2))
        #expect(look("") == CauseID(3))
        #expect(look("ab") == nil)
        #expect(memo.count == 3)
        // A key longer than the limit is never remembered.
        let long = String(repeating: "x", count: ClassificationMemo.maxKeyLength + 1)
        remember(long, 4)
        #expect(look(long) == nil)
        // Full: the memo starts again rather than growing.
        for i in 0..<(ClassificationMemo.maxEntries - 3) { remember("key \(i)", i % 7) }
        #expect(memo.count == ClassificationMemo.maxEntries)
        #expect(look("key 100") == CauseID(100 % 7))
        remember("one more", 5)
        #expect(memo.count == 1)
        #expect(look("one more") == CauseID(5))
        #expect(look("abc") == nil)
    }

    /// A window of lookups that the memo answered fewer than 5 % of pauses it for 15 windows; a window with
    /// enough hits keeps it on.
    @Test func memoPausesWhereInputsDoNotRepeat() {
        var memo = ClassificationMemo()
        func lookOrRemember(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { key in
                let hash = IdentityHash.of(bytes: key)
                if memo.cause(of: key, hash: hash) != nil { return true }
                memo.remember(CauseID(1), for: key, hash: hash)
                return false
            }
        }
        // A window with exactly the minimum of hits (205 of 4,096; the first "same" is a miss): the memo goes on.
        for i in 0..<ClassificationMemo.window {
            _ = lookOrRemember(i <= ClassificationMemo.minimumHits ? "same" : "first \(i)")
        }
        var paused = memo.isPaused
        #expect(!paused)
        #expect(memo.hits == ClassificationMemo.minimumHits)
        // One hit short in the next window: it pauses.
        for i in 0..<ClassificationMemo.window {
            _ = lookOrRemember(i < ClassificationMemo.minimumHits - 1 ? "same" : "second \(i)")
        }
        paused = memo.isPaused
        #expect(paused)
        for _ in 0..<(ClassificationMemo.pause - 1) { memo.countPaused() }
        paused = memo.isPaused
        #expect(paused)
        memo.countPaused()
        paused = memo.isPaused
        #expect(!paused)
        #expect(memo.lookups == 2 * ClassificationMemo.window + ClassificationMemo.pause)
        // What it remembered before the pause is still there.
        #expect(lookOrRemember("same"))
    }

    /// Distinct texts pause the classifier's memo; the causes stay the rules' and every classification is
    /// counted as a lookup.
    @Test func classifierWithPausedMemoGivesTheRulesCauses() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 1, .keywords(["refund"], field: .subject)),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        let total = ClassificationMemo.window + 100
        for i in 0..<total {
            let subject = i % 2 == 0 ? "refund \(i)" : "hello \(i)"
            let cause = classifier.classify(S.contact(subject: subject))
            #expect(cause.isClassified == (i % 2 == 0), "\(subject)")
        }
        #expect(classifier.memoLookups == total)
        #expect(classifier.memoHits == 0)
        // Paused: a repeated subject is classified by the rules, not answered by the memo.
        #expect(classifier.classify(S.contact(subject: "refund 0")).isClassified)
        #expect(classifier.memoHits == 0)
        #expect(classifier.memoLookups == total + 1)
    }

    @Test func identityHashSeparatesSimilarKeys() {
        var seen = Set<UInt64>()
        for i in 0..<50_000 { seen.insert(IdentityHash.of("C\(String(i).leftPadded(7))")) }
        for n in 0..<40 { seen.insert(IdentityHash.of(String(repeating: "a", count: n))) }
        #expect(seen.count == 50_040)
        #expect(IdentityHash.of("") != 0)
        #expect(IdentityHash.of("ab") == IdentityHash.of("ab"))
        #expect(IdentityHash.of("ab") != IdentityHash.of("ab\u{0}"))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Inputs longer than the memo keeps are classified by the rules every time, and still counted as lookups.
@Suite struct ClassificationMemoLongInputTests {
    @Test func longInputsAreNeverLookedUpButCounted() throws {
        let taxonomy = try ClassificationTestSupport.taxonomy([
            RootCauseRule(cause: "a", priority: 1, .keywords(["refund"], field: .text)),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        let long = String(repeating: "x ", count: ClassificationMemo.maxKeyLength) + "refund"
        let contact = ClassificationTestSupport.contact(text: long)
        let first = classifier.classify(contact)
        let second = classifier.classify(contact)
        #expect(first.isClassified)
        #expect(second == first)
        #expect(classifier.memoLookups == 2)
        #expect(classifier.memoHits == 0)
        let short = ClassificationTestSupport.contact(text: "refund")
        _ = classifier.classify(short)
        #expect(classifier.classify(short) == first)
        #expect(classifier.memoHits == 1)
        #expect(classifier.memoLookups == 4)
    }
}
