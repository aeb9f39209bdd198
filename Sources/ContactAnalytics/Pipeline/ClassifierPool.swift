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

/// The workers' classifiers, by header (shared by the workers as a `Locked` value; `Locked.classifier(for:compile:)`
/// hands them out). The rules are compiled once per header and run: each worker starts from a copy of that
/// compiled classifier, whose scratch memory (stamps, matches, token cache, memo) becomes its own on its first
/// write. Workers serve every file of a run and keep their classifier while the header stays the same; on one
/// thread a file's state is done when the file is, and its classifier is then `release`d, memo and all, for the
/// next file with the same header. With many small files, each file's workers starting with an empty memo had
/// them classify the same subjects again in every file (158 files of 1,000 generated rows: a fifth of the
/// report's CPU).
///
/// The memo only saves work: a contact's cause is the same whichever worker classifies it and whatever its
/// memo holds, so the report does not depend on which classifier a worker is given.
struct ClassifierPool: Sendable {
    /// Classifiers in use by the current file's workers, and classifiers free for the next ones, by header.
    private var inUse: [WorkingClassifier] = []
    private var free: [[String]: [WorkingClassifier]] = [:]
    /// The classifier compiled for each header, never used to classify: the next worker starts from a copy.
    private var compiled: [[String]: RootCauseClassifier] = [:]

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

    /// A copy of the classifier compiled for `header` (its rules shared, its scratch memory and memo empty), in
    /// use; `nil` when none was compiled.
    mutating func copy(for header: [String]) -> WorkingClassifier? {
        guard let rules = compiled[header] else { return nil }
        let working = WorkingClassifier(rules, header: header)
        inUse.append(working)
        return working
    }

    /// Keeps `classifier`, just compiled for `header` and not used yet, for the workers that come next (`copy`).
    mutating func keep(_ classifier: RootCauseClassifier, for header: [String]) {
        compiled[header] = classifier
    }

    /// The current workers are done with their classifiers: the next ones may use them.
    mutating func release() {
        for working in inUse { free[working.header, default: []].append(working) }
        inUse = []
    }
}

extension Locked where Value == ClassifierPool {
    /// A classifier for `header`: one released by an earlier file's worker, else a copy of the one compiled for
    /// `header`, else one compiled by `compile` (kept for the next workers).
    ///
    /// Workers share the compiled rules: the program and the automaton are read through pointers taken once
    /// (`CompiledRuleProgram.tables`, `TermAutomaton.tables`), so classifying a contact writes no reference
    /// count of theirs, and each copy's scratch memory is its own before it writes (on 1M realistic contacts,
    /// 2 threads: `swift_retain` and `swift_release` together 0.75-1.0 % of the samples with shared rules,
    /// 0.96-1.1 % with rules compiled per worker; when each contact still retained the rules, sharing them cost
    /// 7.9 %). Compiling the built-in taxonomy takes about 118 M instructions (25 ms), once per header instead
    /// of once per worker: `compile` runs inside the lock, so a worker that starts meanwhile waits for it rather
    /// than compiling the same rules again.
    func classifier(for header: [String], compile: () throws -> RootCauseClassifier) rethrows
        -> WorkingClassifier {
        try withLock { pool in
            if let reused = pool.reuse(for: header) ?? pool.copy(for: header) { return reused }
            let made = try compile()
            pool.keep(made, for: header)
            let working = WorkingClassifier(made, header: header)
            pool.adopt(working)
            return working
        }
    }
}
