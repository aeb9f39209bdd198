import Dispatch
import Testing
@testable import ContactAnalytics

/// The pool of workers' classifiers: the rules compiled once per header, each worker starting from a copy with
/// scratch memory and a memo of its own, and released classifiers handed on with their memos.
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

    @Test func workersOnOneHeaderShareOneCompile() throws {
        let pool = Locked(ClassifierPool())
        let compiles = CompileCount()
        let first = try classifier(pool, header, compiles)
        let second = try classifier(pool, header, compiles)
        #expect(compiles.count == 1)
        #expect(first !== second)
        #expect(first.classifier.sharesRules(with: second.classifier))
        // Each has a memo of its own: what one classifies is not in the other's.
        let subject = "Where is my parcel? No tracking number"
        let cause = first.classifier.classify(ContactRecord(openedAt: 0, subject: subject))
        _ = first.classifier.classify(ContactRecord(openedAt: 0, subject: subject))
        #expect(first.classifier.memoLookups == 2 && first.classifier.memoHits == 1)
        #expect(second.classifier.memoLookups == 0)
        #expect(second.classifier.classify(ContactRecord(openedAt: 0, subject: subject)) == cause)
        #expect(second.classifier.memoHits == 0 && second.classifier.memoLookups == 1)
        #expect(cause != .unclassified)
    }

    /// Two workers classifying at once with the rules they share give every contact the cause one classifier alone
    /// gives it.
    @Test func sharedRulesClassifyAlikeOnTwoThreads() throws {
        let pool = Locked(ClassifierPool())
        let compiles = CompileCount()
        let workers = [try classifier(pool, header, compiles), try classifier(pool, header, compiles)]
        #expect(compiles.count == 1)
        let subjects = (0..<4_000).map { i in
            ["Where is my parcel \(i)? No tracking number", "Invoice \(i) charged twice", "password reset link \(i) fails",
             "kiitos \(i)", "Tilaus \(i) ei ole saapunut", "refund for order \(i) not received"][i % 6]
        }
        var alone = try RootCauseClassifier(taxonomy: .builtIn, header: header)
        let expected = subjects.map { alone.classify(ContactRecord(openedAt: 0, subject: $0)) }
        let results = Locked([[CauseID]](repeating: [], count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            let causes = subjects.map { workers[w].classifier.classify(ContactRecord(openedAt: 0, subject: $0)) }
            results.withLock { $0[w] = causes }
        }
        #expect(results.current[0] == expected)
        #expect(results.current[1] == expected)
        #expect(Set(expected).count >= 4)
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
        // Until it is released again, a second worker on that header gets a copy of the rules compiled for it,
        // with an empty memo.
        let fresh = try classifier(pool, header, compiles)
        #expect(compiles.count == 2)
        #expect(fresh !== first)
        #expect(fresh.classifier.sharesRules(with: first.classifier))
        #expect(fresh.classifier.memoLookups == 0)
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
