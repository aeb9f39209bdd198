import Testing
@testable import ContactAnalytics

/// The classification memo's second table, keyed by the storage of a contact's strings: it answers only for the
/// very strings it keeps alive, gives the cause the rules give, and sets itself aside where it does not pay.
@Suite struct ClassificationMemoStorageTests {
    typealias S = ClassificationTestSupport

    private static func look(_ memo: inout ClassificationMemo, _ words: [UInt64], hash: UInt64? = nil) -> CauseID? {
        words.withUnsafeBufferPointer { memo.cause(ofStorage: $0, hash: hash ?? IdentityHash.of(words: $0)) }
    }

    private static func remember(_ memo: inout ClassificationMemo, _ words: [UInt64], _ cause: Int,
                                 hash: UInt64? = nil, keyBytes: Int = 8) -> Bool {
        words.withUnsafeBufferPointer {
            memo.remember(CauseID(cause), forStorage: $0, hash: hash ?? IdentityHash.of(words: $0), keyBytes: keyBytes)
        }
    }

    /// Keys of words: found only with every word and the same length; keys whose hashes collide (forced here)
    /// are told apart by their words; a hit counts as a lookup answered, a miss counts nothing.
    @Test func storageKeysAreFoundByEveryWord() {
        var memo = ClassificationMemo()
        #expect(Self.look(&memo, [1, 2, 3]) == nil)
        #expect(Self.remember(&memo, [1, 2, 3], 1))
        #expect(Self.remember(&memo, [1, 2, 4], 2))
        #expect(Self.remember(&memo, [1, 2], 3))
        // Same hash, other words: both kept and told apart.
        #expect(Self.remember(&memo, [7, 7, 7], 4, hash: 42))
        #expect(Self.remember(&memo, [7, 7, 8], 5, hash: 42))
        #expect(Self.look(&memo, [1, 2, 3]) == CauseID(1))
        #expect(Self.look(&memo, [1, 2, 4]) == CauseID(2))
        #expect(Self.look(&memo, [1, 2]) == CauseID(3))
        #expect(Self.look(&memo, [1, 2, 3, 0]) == nil)
        #expect(Self.look(&memo, [7, 7, 7], hash: 42) == CauseID(4))
        #expect(Self.look(&memo, [7, 7, 8], hash: 42) == CauseID(5))
        #expect(Self.look(&memo, [7, 7, 9], hash: 42) == nil)
        #expect(memo.storageCount == 5)
        #expect(memo.hits == 5 && memo.lookups == 5)
    }

    /// The subject table: a key of three words taken or found by storage with a subject's ordinal is found by
    /// that ordinal and those words only (another key on the same ordinal takes its place; other words, another
    /// length or no ordinal are not found there); forgetting the storage table forgets it.
    @Test func subjectKeysAreFoundByOrdinalAndEveryWord() {
        var memo = ClassificationMemo()
        let first = MemoOrdinal(value: 7), other = MemoOrdinal(value: 8)
        func bySubject(_ ordinal: MemoOrdinal, _ words: [UInt64]) -> CauseID? {
            words.withUnsafeBufferPointer { memo.cause(ofSubject: ordinal, key: $0) }
        }
        func remember(_ words: [UInt64], _ cause: Int, _ ordinal: MemoOrdinal) -> Bool {
            words.withUnsafeBufferPointer {
                memo.remember(CauseID(cause), forStorage: $0, hash: IdentityHash.of(words: $0), keyBytes: 8, subject: ordinal)
            }
        }
        #expect(bySubject(first, [1, 2, 3]) == nil)
        #expect(remember([1, 2, 3], 1, first))
        #expect(bySubject(first, [1, 2, 3]) == CauseID(1))
        #expect(memo.subjectHits == 1 && memo.hits == 1)
        #expect(bySubject(other, [1, 2, 3]) == nil)
        #expect(bySubject(first, [1, 2, 4]) == nil)
        #expect(bySubject(first, [1, 2]) == nil)
        #expect(bySubject(.none, [1, 2, 3]) == nil)
        // Another key on the same ordinal (another mapper's memo): it takes the slot, and each is found right.
        #expect(remember([5, 6, 7], 2, first))
        #expect(bySubject(first, [5, 6, 7]) == CauseID(2))
        #expect(bySubject(first, [1, 2, 3]) == nil)
        // Found by storage with an ordinal: noted again.
        #expect([1, 2, 3].withUnsafeBufferPointer { memo.cause(ofStorage: $0, hash: IdentityHash.of(words: $0), subject: first) }
                    == CauseID(1))
        #expect(bySubject(first, [1, 2, 3]) == CauseID(1))
        #expect(memo.subjectHits == 3)
        // Ordinals past the table are never held.
        #expect(remember([9, 9, 9], 3, MemoOrdinal(value: Int32(ClassificationMemo.subjectSlots))))
        #expect(bySubject(MemoOrdinal(value: Int32(ClassificationMemo.subjectSlots)), [9, 9, 9]) == nil)
        Array("abc".utf8).withUnsafeBufferPointer { memo.remember(CauseID(2), for: $0, hash: IdentityHash.of(bytes: $0)) }
        memo.removeAll()
        #expect(bySubject(first, [1, 2, 3]) == nil)
        #expect(memo.subjectHits == 3)
    }

    /// Contacts mapped from rows whose subjects repeat (the mapper's memo gives each its ordinal): classified by
    /// the subject table, with the causes the rules give, also where a queue or language joins the key (then not
    /// by the subject table) and for contacts of two mappers whose ordinals collide.
    @Test func mappedSubjectsAreClassifiedByTheirOrdinal() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "a", priority: 2, .keywords(["refund"], field: .subject)),
            RootCauseRule(cause: "b", priority: 1, .keywords(["order"], field: .anyText)),
            RootCauseRule(cause: "c/d", .keywords(["tilaus"], field: .queue)),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        var plain = classifier
        plain.memoizes = false
        let subjects = ["Please refund the second payment", "Where is my order, it has not come",
                        "A question about my account", "Ändra min beställning, tack så mycket"]
        var first = try MappingTestSupport.mapper(["opened_at", "subject", "queue"])
        var second = try MappingTestSupport.mapper(["opened_at", "subject", "queue"])
        var wrong = 0
        func classify(_ mapper: inout ContactMapper, _ n: Int, _ subject: String) {
            let queue = n % 5 == 0 ? "tilaus ja laskutus" : ""
            guard let contact = MappingTestSupport.contact(
                MappingTestSupport.map(&mapper, ["2024-01-0\(1 + n % 9)", subject, queue]).outcome) else {
                wrong += 1
                return
            }
            if contact.subjectOrdinal.value < 0 { wrong += 1 }
            if classifier.classify(contact) != plain.classify(contact) { wrong += 1 }
        }
        for n in 0..<200 { classify(&first, n, subjects[n % 4]) }
        #expect(wrong == 0)
        // 160 rows without a queue, each subject taken by bytes, then by storage: the rest by the subject table.
        #expect(classifier.memoSubjectHits == 160 - 8)
        #expect(classifier.memoHits == 200 - 8)
        // The second mapper takes the subjects in another order: the same ordinals, other subjects.
        for n in 0..<200 {
            classify(&first, n, subjects[n % 4])
            classify(&second, n, subjects[3 - n % 4])
        }
        #expect(wrong == 0)
    }

    /// A key whose input is longer than the memo keeps is not taken; forgetting the byte table forgets the
    /// storage table with it; a full storage table starts again on its own.
    @Test func storageKeysAreBoundedAndForgotten() {
        var memo = ClassificationMemo()
        #expect(!Self.remember(&memo, [1], 1, keyBytes: ClassificationMemo.maxKeyLength + 1))
        #expect(Self.remember(&memo, [1], 1))
        // The byte table holds a key: removeAll empties both.
        Array("abc".utf8).withUnsafeBufferPointer { memo.remember(CauseID(2), for: $0, hash: IdentityHash.of(bytes: $0)) }
        memo.removeAll()
        #expect(memo.count == 0 && memo.storageCount == 0)
        #expect(Self.look(&memo, [1]) == nil)
        for i in 0..<ClassificationMemo.maxEntries { _ = Self.remember(&memo, [UInt64(i)], i % 3) }
        #expect(memo.storageCount == ClassificationMemo.maxEntries)
        #expect(Self.look(&memo, [100]) == CauseID(100 % 3))
        #expect(Self.remember(&memo, [UInt64.max], 2))
        #expect(memo.storageCount == 1)
        #expect(Self.look(&memo, [100]) == nil)
        #expect(Self.look(&memo, [UInt64.max]) == CauseID(2))
        // The keys' byte lengths are bounded as the byte table's arena is.
        var bytesBound = ClassificationMemo()
        let perKey = ClassificationMemo.maxKeyLength
        let fit = ClassificationMemo.maxKeyBytes / perKey
        for i in 0..<fit { _ = Self.remember(&bytesBound, [UInt64(i)], 1, keyBytes: perKey) }
        #expect(bytesBound.storageCount == fit)
        _ = Self.remember(&bytesBound, [UInt64(fit)], 1, keyBytes: perKey)
        #expect(bytesBound.storageCount == 1)
    }

    /// After a window of lookups of which storage answered fewer than the minimum, it is set aside for
    /// `storageRest` windows, then used again; a window with enough storage hits keeps it.
    @Test func storageRestsWhereItDoesNotPay() {
        var memo = ClassificationMemo()
        _ = Self.remember(&memo, [9], 1)
        func byteLookup(_ n: Int) {
            Array("k\(n)".utf8).withUnsafeBufferPointer { _ = memo.cause(of: $0, hash: IdentityHash.of(bytes: $0)) }
        }
        // Exactly the minimum of storage hits: kept.
        for i in 0..<ClassificationMemo.window {
            if i < ClassificationMemo.minimumHits { #expect(Self.look(&memo, [9]) != nil) } else { byteLookup(i) }
        }
        #expect(memo.usesStorage)
        // One short: set aside.
        for i in 0..<ClassificationMemo.window {
            if i < ClassificationMemo.minimumHits - 1 { _ = Self.look(&memo, [9]) } else { byteLookup(i) }
        }
        #expect(!memo.usesStorage)
        for window in 0..<ClassificationMemo.storageRest {
            #expect(!memo.usesStorage, "window \(window)")
            for i in 0..<ClassificationMemo.window { byteLookup(i) }
        }
        #expect(memo.usesStorage)
    }

    /// The same strings come again: the first is classified by the rules, the second found by bytes (and
    /// remembered by storage), the third by storage; an equal subject in other storage is found by bytes, a
    /// contact with tags never by storage. The causes are the rules' all along.
    @Test func classifierFindsRepeatedStringsByStorage() throws {
        let taxonomy = try S.taxonomy([
            RootCauseRule(cause: "b", priority: 4, .keywords(["vip"], field: .tags)),
            RootCauseRule(cause: "c/e/f", priority: 3, .all([.oneOf(["chat"], field: .channel),
                                                            .oneOf(["open"], field: .status)])),
            RootCauseRule(cause: "a", priority: 2, .all([.keywords(["refund"], field: .subject),
                                                        .not(.oneOf(["sv"], field: .language))])),
            RootCauseRule(cause: "c/d", .keywords(["päivitys"], field: .queue)),
        ])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        var plain = classifier
        plain.memoizes = false
        let subject = String(repeating: "Please refund my order ", count: 2)  // heap storage, not a small string
        let queue = "päivitys ja laskutus"
        let contact = S.contact(subject: subject, queue: queue, language: "fi")
        let expected = plain.classify(contact)
        #expect(taxonomy.cause(expected)?.path == "a")
        for _ in 0..<3 { #expect(classifier.classify(contact) == expected) }
        #expect(classifier.memoHits == 2)
        #expect(classifier.memoStorageCount == 1)
        // Equal bytes, other storage: a miss by storage, a hit by bytes.
        let copy = S.contact(subject: String(decoding: Array(subject.utf8), as: UTF8.self), queue: queue, language: "fi")
        #expect(!ContactRecord.isSameStorage(copy.subject ?? "", subject))
        #expect(classifier.classify(copy) == expected)
        #expect(classifier.memoHits == 3 && classifier.memoStorageCount == 2)
        // Another status, channel or language is another input; a missing field is not an empty one.
        let others = [S.contact(subject: subject, channel: .chat, queue: queue, status: .open, language: "fi"),
                      S.contact(subject: subject, channel: .chat, queue: queue, status: .closed, language: "fi"),
                      S.contact(subject: subject, channel: .phone, queue: queue, status: .open, language: "fi"),
                      S.contact(subject: subject, queue: queue, language: "sv"),
                      S.contact(subject: subject, queue: queue),
                      S.contact(subject: subject, queue: queue, language: ""),
                      S.contact(subject: "", queue: queue, language: "fi"),
                      S.contact(queue: queue, language: "fi"),
                      S.contact(subject: subject, language: "fi")]
        let paths = others.map { taxonomy.cause(plain.classify($0))?.path ?? "unclassified" }
        #expect(paths == ["c/e/f", "a", "a", "c/d", "a", "a", "c/d", "c/d", "a"])
        for _ in 0..<3 {
            for other in others { #expect(classifier.classify(other) == plain.classify(other), "\(other)") }
        }
        // Tags: never by storage.
        let tagged = S.contact(subject: "hello", tags: ["vip"], queue: queue)
        let before = classifier.memoStorageCount
        for _ in 0..<3 { #expect(classifier.classify(tagged) == plain.classify(tagged)) }
        #expect(classifier.memoStorageCount == before)
    }

    /// Strings made and dropped one after another (their storage freed and reused by the next ones): a cause
    /// found by storage is always the rules' cause, as the memo keeps alive the strings its keys are made of.
    @Test func storageOfDroppedStringsIsNeverTakenForOthers() throws {
        let taxonomy = try S.taxonomy([RootCauseRule(cause: "a", priority: 1, .keywords(["refund"], field: .subject))])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        var wrong = 0
        for i in 0..<3000 {
            let subject = (i % 2 == 0 ? "refund of order number " : "hello there, order number ") + String(i)
            let contact = S.contact(subject: subject)
            for _ in 0..<2 where classifier.classify(contact).isClassified != (i % 2 == 0) { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(classifier.memoStorageCount > 0)
    }

    /// The recent table: a key of up to five words found there after it was taken or found by storage (one
    /// read), longer keys only by storage; keys on the same recent slot (hashes with the same high half) take
    /// it in turn and are all still found, each with its own cause; a key and the same words with a zero more
    /// are told apart; forgetting the storage table forgets the recent one.
    @Test func recentKeysAnswerOnlyForKeysTheStorageTableHolds() {
        var memo = ClassificationMemo()
        #expect(Self.remember(&memo, [1, 2], 1))
        #expect(Self.remember(&memo, [1, 2, 0], 2))
        #expect(Self.remember(&memo, [1, 2, 3, 4, 5], 3))
        #expect(Self.remember(&memo, [1, 2, 3, 4, 5, 6], 4))
        #expect(Self.look(&memo, [1, 2]) == CauseID(1))
        #expect(Self.look(&memo, [1, 2, 0]) == CauseID(2))
        #expect(Self.look(&memo, [1, 2, 3, 4, 5]) == CauseID(3))
        #expect(memo.recentHits == 3)
        #expect(Self.look(&memo, [1, 2, 3, 4, 5, 6]) == CauseID(4))
        #expect(memo.recentHits == 3)
        #expect(Self.look(&memo, [1, 2, 3, 4, 6]) == nil)
        // Same recent slot (high halves equal), other low halves: each takes the slot in turn.
        let high: UInt64 = 0x1234 << 32
        #expect(Self.remember(&memo, [7], 5, hash: high | 1))
        #expect(Self.remember(&memo, [8], 6, hash: high | 2))
        #expect(Self.look(&memo, [7], hash: high | 1) == CauseID(5))
        #expect(memo.recentHits == 3)
        #expect(Self.look(&memo, [7], hash: high | 1) == CauseID(5))
        #expect(memo.recentHits == 4)
        #expect(Self.look(&memo, [8], hash: high | 2) == CauseID(6))
        #expect(Self.look(&memo, [8], hash: high | 2) == CauseID(6))
        #expect(memo.recentHits == 5)
        // A key the storage table does not hold, on a slot that holds another: not found.
        #expect(Self.look(&memo, [9], hash: high | 3) == nil)
        Array("abc".utf8).withUnsafeBufferPointer { memo.remember(CauseID(2), for: $0, hash: IdentityHash.of(bytes: $0)) }
        memo.removeAll()
        #expect(Self.look(&memo, [8], hash: high | 2) == nil)
        #expect(Self.look(&memo, [1, 2]) == nil)
        #expect(memo.recentHits == 5)
        // A full storage table starts again: the recent table with it.
        for i in 0..<ClassificationMemo.maxEntries { _ = Self.remember(&memo, [UInt64(i)], i % 3) }
        #expect(Self.look(&memo, [5]) == CauseID(2))
        #expect(Self.remember(&memo, [UInt64.max], 1))
        #expect(Self.look(&memo, [5]) == nil)
        #expect(Self.look(&memo, [UInt64.max]) == CauseID(1))
    }

    /// More distinct subjects than the recent table has slots. Each comes three times in a row (by the rules,
    /// by bytes, then from the recent table, which took it with the storage table), then all once more in
    /// turn: all found by storage, those whose recent slot no other key took since (about e^(-10192/8192),
    /// 29 %) by the recent table. Every cause is the rules' cause.
    @Test func manySubjectsThroughTheRecentTableGetTheRulesCauses() throws {
        let taxonomy = try S.taxonomy([RootCauseRule(cause: "a", priority: 1, .keywords(["refund"], field: .subject)),
                                       RootCauseRule(cause: "b", .keywords(["login"], field: .subject))])
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        var plain = classifier
        plain.memoizes = false
        let contacts = (0..<(ClassificationMemo.recentSlots + 2000)).map { i in
            S.contact(subject: ["refund for order number ", "cannot login with account ", "hello, my parcel number "][i % 3]
                      + String(i))
        }
        let n = contacts.count
        var wrong = 0
        for contact in contacts {
            let expected = plain.classify(contact)
            for _ in 0..<3 where classifier.classify(contact) != expected { wrong += 1 }
        }
        #expect(classifier.memoStorageCount == n)
        #expect(classifier.memoHits == 2 * n)
        #expect(classifier.memoRecentHits == n)
        for contact in contacts where classifier.classify(contact) != plain.classify(contact) { wrong += 1 }
        #expect(wrong == 0)
        #expect(classifier.memoHits == 3 * n)
        #expect(classifier.memoRecentHits > n + n / 5)
        #expect(classifier.memoRecentHits < n + n / 2)
    }

    /// The hash of words: never 0, the number of words folded in, the order of words counted.
    @Test func wordHashesSeparateKeys() {
        func hash(_ words: [UInt64]) -> UInt64 { words.withUnsafeBufferPointer { IdentityHash.of(words: $0) } }
        var seen = Set<UInt64>()
        for n in 0..<5 { seen.insert(hash([UInt64](repeating: 0, count: n))) }
        for a in 1...100 { for b in 1...100 { seen.insert(hash([UInt64(a), UInt64(b) << 32])) } }
        #expect(seen.count == 5 + 100 * 100)
        #expect(!seen.contains(0))
        #expect(hash([1, 2]) != hash([2, 1]))
        #expect(hash([5]) == hash([5]))
    }
}
