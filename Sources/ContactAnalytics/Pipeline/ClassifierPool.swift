/// One worker's classifier, compiled for one header, with the memo it has filled; mutated by that worker only.
final class WorkingClassifier: @unchecked Sendable {
    /// Not checked for exclusive access at run time (about 80 instructions a check, and every contact reads and
    /// mutates it): the pool hands an object to one worker's state at a time (`make`) and takes it back only
    /// once every state made so far is done with (`release`, on the calling thread after the workers' jobs have
    /// ended); the worker's accesses (classifying a contact, then reading its counters) follow one another and
    /// never nest, as the classifier knows nothing of this object. So no two accesses ever overlap.
    @exclusivity(unchecked) var classifier: RootCauseClassifier
    let header: [String]

    init(_ classifier: RootCauseClassifier, header: [String]) {
        self.classifier = classifier
        self.header = header
    }
}

/// The workers' classifiers, each compiled for its worker and a header (shared by the workers as a `Locked`
/// value; `Locked.classifier(for:compile:)` hands them out). Workers serve every file of a run and keep their classifier while the header stays the
/// same; on one thread a file's state is done when the file is, and its classifier is then `release`d, memo and
/// all, for the next file with the same header. With many small files,
/// each file's workers starting with an empty memo had them classify the same subjects again in every file
/// (158 files of 1,000 generated rows: a fifth of the report's CPU).
///
/// The memo only saves work: a contact's cause is the same whichever worker classifies it and whatever its
/// memo holds, so the report does not depend on which classifier a worker is given.
struct ClassifierPool: Sendable {
    /// Classifiers in use by the current file's workers, and classifiers free for the next ones, by header.
    private var inUse: [WorkingClassifier] = []
    private var free: [[String]: [WorkingClassifier]] = [:]

    /// A classifier for `header` released by an earlier file's worker, now in use; `nil` when none is free.
    mutating func reuse(for header: [String]) -> WorkingClassifier? {
        guard let reused = free[header]?.popLast() else { return nil }
        inUse.append(reused)
        return reused
    }

    /// `working`, compiled for a worker, is in use (released with the others).
    mutating func adopt(_ working: WorkingClassifier) {
        inUse.append(working)
    }

    /// The current workers are done with their classifiers: the next ones may use them.
    mutating func release() {
        for working in inUse { free[working.header, default: []].append(working) }
        inUse = []
    }
}

extension Locked where Value == ClassifierPool {
    /// A classifier for `header`: one released by an earlier file's worker, else one compiled by `compile`.
    ///
    /// Each worker's classifier is compiled for it, not copied from another worker's: copies share their
    /// compiled rules, and the reference counts of shared objects (the rule program, the automaton's tables)
    /// that every contact retains and releases would be written by both cores, each write taking the cache line
    /// from the other (on 1M realistic contacts, 2 threads: `swift_retain` 7.9 % of the samples, against 1.7 %
    /// with rules of its own). A pool compiles at most one classifier per worker and header. Compiling the
    /// built-in taxonomy takes about 130 M instructions, so `compile` runs outside the lock: workers starting
    /// together compile at the same time.
    func classifier(for header: [String], compile: () throws -> RootCauseClassifier) rethrows
        -> WorkingClassifier {
        if let reused = withLock({ $0.reuse(for: header) }) { return reused }
        let working = WorkingClassifier(try compile(), header: header)
        withLock { $0.adopt(working) }
        return working
    }
}
