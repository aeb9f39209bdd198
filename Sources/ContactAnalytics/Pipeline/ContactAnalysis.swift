/// The main job: read and map every input, classify every contact, feed the metrics engine, and build the
/// report. One pass over the input; memory stays at a few dozen bytes a contact.
public enum ContactAnalysis {
    public struct Result: Sendable {
        public var report: ContactReport
        public var ingest: IngestSummary
        public var timings: StageTimings
        /// Taxonomy rules that name export columns this input does not have.
        public var unresolvedColumns: [String]
        /// Per contact in input order, when asked for (`keepCauses`): its cause, whether it is a repeat, and
        /// whether it was dropped as a duplicate.
        public var causes: [CauseID]
        public var repeatFlags: [Bool]
        public var duplicateFlags: [Bool]
    }

    /// The engine's view of the taxonomy.
    public static func causeDescriptors(_ taxonomy: Taxonomy) -> [CauseDescriptor] {
        taxonomy.causes.map { CauseDescriptor(path: $0.path, name: $0.name, process: $0.process, avoidable: $0.avoidable) }
    }

    /// Runs the analysis. With `keepCauses`, also returns each contact's cause (for `classify`).
    public static func run(_ options: AnalysisOptions, keepCauses: Bool = false) throws -> Result {
        var engine = ContactMetricsEngine(configuration: options.metrics, causes: causeDescriptors(options.taxonomy))
        var timings = StageTimings()
        var classifier: RootCauseClassifier?
        var classifierKey = ""
        var unresolved = Set<String>()
        var causes: [CauseID] = []
        let profile = options.profile
        let start = StageTimings.now()
        var classifySeconds = 0.0, engineSeconds = 0.0

        let ingest = try ContactIngest.run(options.ingest) { contact, raw, context in
            let key = "\(context.file)#\(context.headerVersion)"
            if classifier == nil || key != classifierKey {
                let compiled = try RootCauseClassifier(taxonomy: options.taxonomy, header: context.header,
                                                       foldDiacritics: options.foldDiacritics)
                unresolved.formUnion(compiled.unresolvedColumns)
                classifier = compiled
                classifierKey = key
            }
            let t0 = profile ? StageTimings.now() : 0
            let cause = classifier?.classify(contact, raw: raw) ?? .unclassified
            let t1 = profile ? StageTimings.now() : 0
            engine.add(contact, cause: cause.rawValue)
            if profile {
                classifySeconds += t1 - t0
                engineSeconds += StageTimings.now() - t1
            }
            if keepCauses { causes.append(cause) }
        }
        let ingestEnd = StageTimings.now()
        let report = engine.report(input: InputSummary(
            files: options.ingest.files, rowsRead: ingest.rowsRead, rowsRejected: ingest.rejected,
            duplicatesDropped: 0, fieldWarnings: ingest.fieldWarnings, contactsRead: ingest.contacts,
            rowsExcluded: ingest.excluded))
        let end = StageTimings.now()
        timings.classify = classifySeconds
        timings.readAndMap = ingestEnd - start - classifySeconds - engineSeconds
        timings.metrics = engineSeconds + (end - ingestEnd)
        let flags = keepCauses ? engine.contactFlags() : (repeats: [], duplicates: [])
        return Result(report: report, ingest: ingest, timings: timings, unresolvedColumns: unresolved.sorted(),
                      causes: causes, repeatFlags: flags.repeats, duplicateFlags: flags.duplicates)
    }
}
