import Foundation

/// The main job: read and map every input, classify every contact, feed the metrics engine, and build the
/// report. One pass over the input, plus a second one (mapping only, no classification) when contact ids
/// repeat, to take the dropped duplicates back out (`ContactMetricsEngine.settle(replay:)`); standard input is
/// spooled to a temporary file for that. Memory: the engine's timeline (32 bytes a contact with a customer)
/// and 10 bytes a contact until duplicates are settled; the rest is kept by slice.
///
/// Input is mapped and classified on `AnalysisOptions.threads` threads in batches (the calling thread reads
/// and merges, in input order; CSV input is parsed by the workers too, JSON input by the calling thread), so
/// the figures are the same whatever the thread count. Every stage
/// (the column scan of `--cause-from`, ingest, the replay, the timeline's sort and walk) takes its threads from
/// one `ThreadBudget` of `AnalysisOptions.threads`, so no more run at once besides the calling thread.
public enum ContactAnalysis {
    public struct Result: Sendable {
        public var report: ContactReport
        public var ingest: IngestSummary
        public var timings: StageTimings
        /// Taxonomy rules that name export columns this input does not have.
        public var unresolvedColumns: [String]
        /// Taxonomy regular expressions switched off because they kept exceeding `RegexBudget`.
        public var disabledRegexes: [String]
        /// Per contact in input order, when asked for (`keepCauses`): its cause, whether it is a repeat, and
        /// whether it was dropped as a duplicate.
        public var causes: [CauseID]
        public var repeatFlags: [Bool]
        public var duplicateFlags: [Bool]
        /// Per contact in input order, with `keepCauses`: its outcome in the report's timeline walk
        /// (`ContactAuditEntry`) and its cost as the report adds it up.
        public var audit: [ContactAuditEntry] = []
        public var costs: [Float] = []
        /// The taxonomy the causes index: the options' one, or the column's causes (`--cause-from`).
        public var taxonomy: Taxonomy
        /// With `--cause-from`: the column's causes, its values not in the table, its empty values.
        public var columnCauses: ColumnCauses?
    }

    /// The engine's view of the taxonomy.
    public static func causeDescriptors(_ taxonomy: Taxonomy) -> [CauseDescriptor] {
        taxonomy.causes.map { CauseDescriptor(path: $0.path, name: $0.name, process: $0.process, avoidable: $0.avoidable,
                                          fix: $0.fix, suggestion: $0.suggestion) }
    }

    /// Per-thread state: a classifier compiled for the file's header (with the memo earlier files' workers
    /// filled), a calendar for periods, and the thread's slice sums.
    struct WorkerState {
        var working: WorkingClassifier
        /// With `--cause-from`: where the column is in this file's header (`nil`: not there).
        var causeColumnIndex: Int?
        var calendar: ContactCalendar
        var sums: PartialSums
        var profile: Locked<ClassifyProfile>?
        var pendingClassify = 0.0
        var pendingContacts = 0
        var reportedHits = 0
        var reportedLookups = 0
        var disabledRegexes = 0
    }

    /// What a worker makes of one contact: its facts and its cause, then (once finished:
    /// `finish(_:_:state:metrics:)`) its sums added to the worker's `PartialSums`, whose number is `partial`, in
    /// local slice `slice`.
    struct ContactOutcome: Sendable {
        var facts: ContactFacts
        var cause: CauseID
        var partial: Int
        var slice: UInt32 = 0
        /// The ids of the contact's queue and agent in the worker's sums (`SliceAggregates.queueID`, `agentID`),
        /// for a contact in the reporting range.
        var queue: UInt32 = 0
        var agent: UInt32 = 0
    }

    /// Adds the contacts of `outcomes[range]` (processed with `state`) to the worker's sums, a group at a time
    /// (`ContactIngest.finishBatch`): the sums' rows, histograms and name tables stay in the caches from one
    /// contact to the next, where one contact at a time they waited for them after the classifier's work.
    static func finish(_ outcomes: inout [ContactOutcome], _ range: Range<Int>, state: inout WorkerState,
                       metrics: MetricsConfiguration) {
        for i in range where metrics.isInRange(outcomes[i].facts.opened) {
            outcomes[i].slice = state.sums.aggregates.add(outcomes[i].facts, queueID: Int(outcomes[i].queue),
                                                          agentID: Int(outcomes[i].agent))
        }
    }

    /// Runs the analysis. With `keepCauses`, also returns each contact's cause, repeat and duplicate flags
    /// (for `classify`).
    public static func run(_ options: AnalysisOptions, keepCauses: Bool = false) throws -> Result {
        try run(options, keepCauses: keepCauses, threads: ThreadBudget(threads: options.threads))
    }

    /// `run(_:keepCauses:)` on the threads of `threads` (whose `peak` tells afterwards how many ran at once).
    static func run(_ options: AnalysisOptions, keepCauses: Bool, threads: ThreadBudget) throws -> Result {
        var options = options
        let files = options.ingest.files
        let spool = try InputSpool.spooling(options.ingest)
        defer { spool?.1.remove() }
        if let (spooled, _) = spool { options.ingest = spooled }
        // Every contact is handed on with its row (classified, then counted): long subjects and bodies are read
        // there, with no string made of each.
        options.ingest.mapping.textStaysInRow = true
        // Causes from a column: every value is registered before the first contact is counted.
        var columnCauses: ColumnCauses?
        if let column = options.causeColumn {
            let found = try ColumnCauses.scan(options.ingest, column: column, table: options.causeTable,
                                              base: options.taxonomy, threads: threads)
            columnCauses = found
            options.taxonomy = found.taxonomy
        }
        let lookup = columnCauses
        var engine = ContactMetricsEngine(configuration: options.metrics, causes: causeDescriptors(options.taxonomy),
                                          threads: threads)
        let taxonomy = options.taxonomy
        let fold = options.foldDiacritics
        let calendar = engine.factsCalendar
        let causeCount = taxonomy.causes.count
        let costModel = options.metrics.costModel
        let clock = options.profile ? Locked(ClassifyProfile()) : nil
        let unresolved = Locked(TaxonomyFindings())
        var causes: [CauseID] = []
        var costs: [Float] = []
        // Each worker adds the contacts it classifies to sums of its own; they are merged when all are read.
        let partials = Locked(PartialSumsPool(empty: engine.emptySums()))
        // The taxonomy compiled once per worker and distinct header (compiling costs far more than classifying a
        // small file's contacts), and the workers' classifiers handed on from file to file with their memos.
        let classifiers = Locked(ClassifierPool())
        let metrics = options.metrics

        let start = StageTimings.now()
        let ingest = try ContactIngest.runInBatches(
            options.ingest, threads: threads,
            makeState: { context in
                let working = try classifiers.classifier(for: context.header) {
                    let made = try RootCauseClassifier(taxonomy: taxonomy, header: context.header, foldDiacritics: fold)
                    unresolved.withLock { $0.columns.formUnion(made.unresolvedColumns) }
                    return made
                }
                let classifier = working.classifier
                return WorkerState(working: working,
                                   causeColumnIndex: lookup.flatMap { ColumnCauses.index(of: $0.column, in: context.header) },
                                   calendar: calendar, sums: partials.withLock { $0.make() }, profile: clock,
                                   reportedHits: classifier.memoHits, reportedLookups: classifier.memoLookups,
                                   disabledRegexes: classifier.disabledRegexCount)
            },
            process: { state, contact, raw in
                let t0 = state.profile == nil ? 0 : StageTimings.now()
                let cause = lookup.map { $0.cause(of: raw, columnIndex: state.causeColumnIndex) }
                    ?? state.working.classifier.classify(contact, raw: raw)
                if state.working.classifier.disabledRegexCount != state.disabledRegexes {
                    state.disabledRegexes = state.working.classifier.disabledRegexCount
                    let patterns = state.working.classifier.disabledRegexPatterns
                    unresolved.withLock { $0.disabled.formUnion(patterns) }
                }
                if let profile = state.profile {
                    state.pendingClassify += StageTimings.now() - t0
                    state.pendingContacts += 1
                    if state.pendingContacts == 4096 {
                        let classifier = state.working.classifier
                        let (seconds, hits) = (state.pendingClassify, classifier.memoHits - state.reportedHits)
                        let lookups = classifier.memoLookups - state.reportedLookups
                        profile.withLock { $0.add(classify: seconds, memoHits: hits, lookups: lookups) }
                        state.reportedHits = classifier.memoHits
                        state.reportedLookups = classifier.memoLookups
                        state.pendingClassify = 0
                        state.pendingContacts = 0
                    }
                }
                // Added to the sums when finished (`finish`); the ids stand for the queue and agent from here on
                // (the facts hold no names).
                let facts = ContactFacts(contact, cause: cause.rawValue, causeCount: causeCount, costModel: costModel,
                                         calendar: &state.calendar)
                var outcome = ContactOutcome(facts: facts, cause: cause, partial: state.sums.index)
                if metrics.isInRange(facts.opened) {
                    outcome.queue = UInt32(state.sums.aggregates.queueID(contact.queue))
                    outcome.agent = UInt32(state.sums.aggregates.agentID(contact.agent))
                }
                return outcome
            },
            finish: { state, outcomes, range in finish(&outcomes, range, state: &state, metrics: metrics) },
            reserve: { engine.reserveCapacity(adding: $0) },
            merge: { outcome in
                engine.append(outcome.facts, partial: (outcome.partial, outcome.slice))
                if keepCauses {
                    causes.append(outcome.cause)
                    costs.append(outcome.facts.cost)
                }
            },
            finishedFile: {
                // Every state made so far is done with (after each file on one thread, after the last on
                // several): the next states add to their sums and carry on with their classifiers.
                partials.withLock { $0.release() }
                classifiers.withLock { $0.release() }
            })
        for part in partials.withLock({ $0.drain() }) { engine.merge(part.aggregates, partial: part.index) }
        let ingestEnd = StageTimings.now()
        // Duplicate contact ids: the contacts are read again (mapped, not classified) so the dropped ones can
        // be taken back out.
        try engine.settle { feed in
            var again = options.ingest
            again.rejectsPath = nil
            _ = try ContactIngest.runInBatches(
                again, threads: threads,
                makeState: { _ in calendar },
                process: { calendar, contact, _ in
                    (ContactFacts(contact, cause: -1, causeCount: causeCount, costModel: costModel, calendar: &calendar),
                     contact.queue, contact.agent)
                },
                merge: { feed($0.0, $0.1, $0.2) })
        }
        // Flags first: the report frees the timeline they come from.
        let audit = keepCauses ? try engine.contactAudit() : (entries: [], duplicates: [])
        var input = InputSummary(
            files: files, rowsRead: ingest.rowsRead, rowsRejected: ingest.rejected,
            duplicatesDropped: 0, fieldWarnings: ingest.fieldWarnings, contactsRead: ingest.contacts,
            rowsExcluded: ingest.excluded, rowsInternal: ingest.internalContacts,
            closedBeforeOpened: ingest.closedBeforeOpened,
            mappedFields: Set(ingest.files.flatMap { $0.bindings.map(\.field.rawValue) }), bytes: ingest.bytes)
        input.dateOrderNotes = ingest.files.compactMap { file in file.mixedDateOrder.map { "\(file.name) \($0)" } }
        input.replyBeforeOpened = ingest.replyBeforeOpened
        input.unknownPriorities = ingest.unknownPriorities
        var report = try engine.report(input: input, releasingTimeline: true)
        report.definitions.notMeasured = ServiceLevelGaps.gaps(
            summary: report.summary, mappedFields: input.mappedFields, targets: report.definitions.serviceTargets)
        report.definitions.serviceLevelGaps = report.definitions.notMeasured.map(\.line)
        report.definitions.taxonomyPacks = columnCauses == nil ? taxonomy.packs : []
        report.definitions.causeColumn = columnCauses?.column
        report.definitions.taxonomyPacksMatched = columnCauses == nil
            ? TaxonomyPackMatch.tally(report.causes.lazy.map { (path: $0.key, contacts: $0.metrics.contacts) }) : nil
        let end = StageTimings.now()
        var timings = StageTimings()
        timings.threads = options.threads
        let profile = clock?.current ?? ClassifyProfile()
        timings.classify = profile.classifySeconds
        timings.memoShare = profile.memoShare
        timings.readAndMap = ingestEnd - start
        timings.metrics = end - ingestEnd
        let findings = unresolved.current
        return Result(report: report, ingest: ingest, timings: timings, unresolvedColumns: findings.columns.sorted(),
                      disabledRegexes: findings.disabled.sorted(), causes: causes,
                      repeatFlags: audit.entries.map { $0.repeatOf != nil }, duplicateFlags: audit.duplicates,
                      audit: audit.entries, costs: costs, taxonomy: taxonomy, columnCauses: columnCauses)
    }
}

extension ContactAnalysis {
    /// Classification time summed over worker threads, and how often the memo answered (`--profile`; counted
    /// in blocks of 4,096 contacts per thread). Shared as a `Locked` value.
    struct ClassifyProfile: Sendable {
        private(set) var classifySeconds = 0.0
        private var hits = 0
        private var lookups = 0

        mutating func add(classify seconds: Double, memoHits: Int, lookups: Int) {
            classifySeconds += seconds
            hits += memoHits
            self.lookups += lookups
        }

        /// The share of sampled classifications the memo answered.
        var memoShare: Double { lookups == 0 ? 0 : Double(hits) / Double(lookups) }
    }

    /// What workers find about the taxonomy: columns named by rules but missing from an input, and regular
    /// expressions switched off for running too long. Shared as a `Locked` value.
    struct TaxonomyFindings: Sendable {
        var columns = Set<String>()
        var disabled = Set<String>()
    }
}
