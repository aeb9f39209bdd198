import Testing
@testable import ContactAnalytics

/// The pool of workers' classifiers: one compiled per worker and header (never a copy sharing another worker's
/// rules, whose reference counts both cores would write), and released classifiers handed on with their memos.
@Suite struct ClassifierPoolTests {
    let header = ["id", "created_at", "channel", "subject"]
    let other = ["id", "created_at", "channel", "subject", "queue"]

    /// Counts the compiles the pool asks for.
    final class CompileCount: @unchecked Sendable {
        var count = 0
    }

    private func classifier(_ pool: Locked<ClassifierPool>, _ header: [String], _ compiles: CompileCount) throws
        -> WorkingClassifier {
        try pool.classifier(for: header) {
            compiles.count += 1
            return try RootCauseClassifier(taxonomy: .builtIn, header: header)
        }
    }

    @Test func eachWorkerGetsRulesOfItsOwn() throws {
        let pool = Locked(ClassifierPool())
        let compiles = CompileCount()
        let first = try classifier(pool, header, compiles)
        let second = try classifier(pool, header, compiles)
        #expect(compiles.count == 2)
        #expect(first !== second)
        #expect(!first.classifier.sharesRules(with: second.classifier))
        // A copy shares them (what the pool never hands out).
        let copy = first.classifier
        #expect(copy.sharesRules(with: first.classifier))
    }

    @Test func releasedClassifiersAreReusedForTheSameHeaderOnly() throws {
        let pool = Locked(ClassifierPool())
        let compiles = CompileCount()
        let first = try classifier(pool, header, compiles)
        let subject = "Where is my parcel? No tracking number"
        _ = first.classifier.classify(ContactRecord(openedAt: 0, subject: subject))
        #expect(first.classifier.memoLookups == 1)
        pool.withLock { $0.release() }
        // Another header compiles; the same header takes the released classifier, memo and all.
        let forOther = try classifier(pool, other, compiles)
        #expect(compiles.count == 2)
        #expect(forOther.header == other)
        let again = try classifier(pool, header, compiles)
        #expect(compiles.count == 2)
        #expect(again === first)
        _ = again.classifier.classify(ContactRecord(openedAt: 0, subject: subject))
        #expect(again.classifier.memoHits == 1)
        // Until it is released again, a second worker on that header gets a classifier compiled for it.
        let fresh = try classifier(pool, header, compiles)
        #expect(compiles.count == 3)
        #expect(fresh !== first)
    }

    /// A compile that fails leaves nothing in the pool: the next worker compiles again.
    @Test func aFailedCompileAdoptsNothing() throws {
        struct Refused: Error {}
        let pool = Locked(ClassifierPool())
        #expect(throws: Refused.self) { _ = try pool.classifier(for: header) { throw Refused() } }
        pool.withLock { $0.release() }
        #expect(pool.withLock { $0.reuse(for: header) } == nil)
        let compiles = CompileCount()
        _ = try classifier(pool, header, compiles)
        #expect(compiles.count == 1)
    }

    /// `reuse` finds nothing for a header until a classifier `adopt`ed for it is released, and then hands that
    /// very classifier out once.
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
