import Testing
@testable import ContactAnalytics

/// The pool of workers' classifiers: one compiled per worker and header (never a copy sharing another worker's
/// rules, whose reference counts both cores would write), and released classifiers handed on with their memos.
@Suite struct ClassifierPoolTests {
    let header = ["id", "created_at", "channel", "subject"]
    let other = ["id", "created_at", "channel", "subject", "queue"]

    private func compiled(_ header: [String], counting count: inout Int) throws -> RootCauseClassifier {
        count += 1
        return try RootCauseClassifier(taxonomy: .builtIn, header: header)
    }

    @Test func eachWorkerGetsRulesOfItsOwn() throws {
        var pool = ClassifierPool()
        var compiles = 0
        let first = try pool.make(for: header) { try compiled(header, counting: &compiles) }
        let second = try pool.make(for: header) { try compiled(header, counting: &compiles) }
        #expect(compiles == 2)
        #expect(first !== second)
        #expect(!first.classifier.sharesRules(with: second.classifier))
        // A copy shares them (what the pool no longer hands out).
        let copy = first.classifier
        #expect(copy.sharesRules(with: first.classifier))
    }

    @Test func releasedClassifiersAreReusedForTheSameHeaderOnly() throws {
        var pool = ClassifierPool()
        var compiles = 0
        let first = try pool.make(for: header) { try compiled(header, counting: &compiles) }
        let subject = "Where is my parcel? No tracking number"
        _ = first.classifier.classify(ContactRecord(openedAt: 0, subject: subject))
        #expect(first.classifier.memoLookups == 1)
        pool.release()
        // Another header compiles; the same header takes the released classifier, memo and all.
        let forOther = try pool.make(for: other) { try compiled(other, counting: &compiles) }
        #expect(compiles == 2)
        #expect(forOther.header == other)
        let again = try pool.make(for: header) { try compiled(header, counting: &compiles) }
        #expect(compiles == 2)
        #expect(again === first)
        _ = again.classifier.classify(ContactRecord(openedAt: 0, subject: subject))
        #expect(again.classifier.memoHits == 1)
        // Until it is released again, a second worker on that header gets a classifier compiled for it.
        let fresh = try pool.make(for: header) { try compiled(header, counting: &compiles) }
        #expect(compiles == 3)
        #expect(fresh !== first)
    }

    /// The analysis compiles outside the pool's lock: `reuse` finds nothing for a header until a classifier
    /// `adopt`ed for it is released, and then hands that very classifier out once.
    @Test func reuseFindsOnlyReleasedClassifiers() throws {
        var pool = ClassifierPool()
        #expect(pool.reuse(for: header) == nil)
        let compiledForWorker = WorkingClassifier(try RootCauseClassifier(taxonomy: .builtIn, header: header),
                                                  header: header)
        pool.adopt(compiledForWorker)
        #expect(pool.reuse(for: header) == nil)
        pool.release()
        #expect(pool.reuse(for: other) == nil)
        #expect(pool.reuse(for: header) === compiledForWorker)
        #expect(pool.reuse(for: header) == nil)
    }
}
