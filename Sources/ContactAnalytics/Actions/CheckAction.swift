/// `check`: analyse the input and compare the report's figures with thresholds (`ThresholdCheck`). The
/// outcome's output names each breach, each threshold that could not be checked and the figures; its status is
/// 1 when a threshold is breached (or records were rejected under `strict`), else 0.
public struct CheckAction: Sendable {
    public var settings: RunSettings
    public var check: ThresholdCheck

    public init(settings: RunSettings, check: ThresholdCheck) {
        self.settings = settings
        self.check = check
    }

    /// The thresholds read from text (`nil`: not checked): rates as `0.7` or `70%`, the cost as an amount
    /// (`2.5` or `2,5`). At least one must be given.
    public static func thresholds(minimumFCR: String?, maximumAvoidableRate: String?, minimumCSAT: String?,
                                  maximumCostPerContact: String?, minimumSLAMet: String? = nil) throws -> ThresholdCheck {
        try thresholds(minimumFCR: minimumFCR.map { [$0] } ?? [], maximumAvoidableRate: maximumAvoidableRate.map { [$0] } ?? [],
                       minimumCSAT: minimumCSAT.map { [$0] } ?? [],
                       maximumCostPerContact: maximumCostPerContact.map { [$0] } ?? [],
                       minimumSLAMet: minimumSLAMet.map { [$0] } ?? [])
    }

    /// The thresholds read from the values of each (repeatable) option: a plain limit (`70%`, at most once per
    /// option) applies to the whole report; `DIMENSION=PATTERN:LIMIT` (`cause=billing/*:40%`) to every channel,
    /// cause, process or queue matching the pattern (`SliceThreshold`). `changes` are `--max-change` values
    /// (`ChangeGate.parse`), `significance` their level (default 0.05, strictly between 0 and 1). At least one
    /// gate must be given. `minimumSliceContacts` is the smallest slice a slice threshold checks (a whole number,
    /// default `ThresholdCheck.defaultMinSliceContacts`).
    public static func thresholds(minimumFCR: [String], maximumAvoidableRate: [String], minimumCSAT: [String],
                                  maximumCostPerContact: [String], minimumSLAMet: [String], changes: [String] = [],
                                  significance: String? = nil, minimumSliceContacts: String? = nil) throws -> ThresholdCheck {
        func rate(_ setting: Setting) -> (String) throws -> Double {
            { text in
                guard let value = ThresholdCheck.parseRate(text) else {
                    throw ContactStatError(.usage, "\(setting: setting) '\(text)' is not a rate such as 0.7 or 70%")
                }
                return value
            }
        }
        let amount: (String) throws -> Double = { text in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")),
                  value >= 0, value.isFinite else {
                throw ContactStatError(.usage, "\(setting: .maximumCostPerContact) '\(text)' is not an amount")
            }
            return value
        }
        var slices: [SliceThreshold] = []
        func read(_ values: [String], _ metric: ThresholdCheck.Metric, _ setting: Setting,
                  _ limit: (String) throws -> Double) throws -> Double? {
            var overall: Double?
            for text in values {
                if text.contains("=") {
                    slices.append(try SliceThreshold.parse(text, metric: metric, setting: setting, limit: limit))
                } else {
                    guard overall == nil else {
                        throw ContactStatError(.usage, "\(setting: setting) is given twice for the whole report")
                    }
                    overall = try limit(text)
                }
            }
            return overall
        }
        let minFCR = try read(minimumFCR, .fcr, .minimumFCR, rate(.minimumFCR))
        let maxAvoidable = try read(maximumAvoidableRate, .avoidableRate, .maximumAvoidableRate, rate(.maximumAvoidableRate))
        let minCSAT = try read(minimumCSAT, .csat, .minimumCSAT, rate(.minimumCSAT))
        let maxCost = try read(maximumCostPerContact, .costPerContact, .maximumCostPerContact, amount)
        let minSLA = try read(minimumSLAMet, .firstReplySLA, .minimumSLAMet, rate(.minimumSLAMet))
        var level = ThresholdCheck.defaultSignificance
        if let significance {
            guard let value = Double(significance.trimmingCharacters(in: .whitespaces)), value > 0, value < 1 else {
                throw ContactStatError(.usage, "\(setting: .significance) '\(significance)' is not a level between 0 and 1 such as 0.05")
            }
            level = value
        }
        var minSlice = ThresholdCheck.defaultMinSliceContacts
        if let minimumSliceContacts {
            guard let value = Int(minimumSliceContacts.trimmingCharacters(in: .whitespaces)), value >= 1 else {
                throw ContactStatError(.usage, "\(setting: .minimumSliceContacts) '\(minimumSliceContacts)' is not a whole number of contacts, 1 or more")
            }
            minSlice = value
        }
        let check = ThresholdCheck(minFCR: minFCR, maxAvoidableRate: maxAvoidable, minCSAT: minCSAT,
                                   maxCostPerContact: maxCost, minSLAMet: minSLA, slices: slices,
                                   changes: try changes.map(ChangeGate.parse), significance: level,
                                   minSliceContacts: minSlice)
        if check.isEmpty {
            throw ContactStatError(.usage, "give at least one threshold: \(setting: .minimumFCR), \(setting: .maximumAvoidableRate), "
                                   + "\(setting: .minimumCSAT), \(setting: .maximumCostPerContact), \(setting: .minimumSLAMet) or \(setting: .maximumChange)")
        }
        return check
    }

    /// Runs the analysis and checks the thresholds.
    public func perform() throws -> ActionOutcome {
        try evaluate().outcome
    }

    /// Runs the analysis and checks the thresholds: the outcome `perform()` returns, and every gate's result
    /// (for `JUnitReport` and `GitHubAnnotations`).
    public func evaluate() throws -> (outcome: ActionOutcome, result: ThresholdCheck.Result) {
        let result = try ContactAnalysis.run(settings.analysis(profile: false))
        let evaluation = check.evaluate(result.report)
        var outcome = ActionOutcome(output: Self.verdict(evaluation, report: result.report),
                                    diagnostics: settings.quiet ? DiagnosticLog() : result.ingest.diagnostics,
                                    notes: settings.ingestNotes(result))
        if !evaluation.passed {
            outcome.status = 1
        } else {
            let strict = settings.strictStatus(rejected: result.report.input.rowsRejected)
            outcome.status = strict.status
            if let note = strict.note { outcome.notes.append(note) }
        }
        return (outcome, evaluation)
    }

    /// The breaches, the notes, the figures and the verdict, one per line.
    public static func verdict(_ outcome: ThresholdCheck.Result, report: ContactReport) -> String {
        var out = ""
        for breach in outcome.breaches { out += "breach: \(breach.message)\n" }
        for note in outcome.notes { out += "note: \(note)\n" }
        for change in outcome.changes { out += "change: \(change)\n" }
        let s = report.summary
        let format = ReportNumberFormat(currency: report.definitions.currency)
        out += "figures: \(s.contacts) contacts, FCR \(format.percent(s.fcr)), avoidable rate \(format.percent(s.avoidableRate)), "
            + "CSAT \(format.percent(s.csat.rate)), cost per contact \(format.moneyWithCurrency(s.costPerContact))\n"
        if s.firstReplySLA.denominator + s.resolutionSLA.denominator > 0 {
            out += "figures: first-reply SLA met \(format.percent(s.firstReplySLA)) (\(s.firstReplySLA.numerator) of "
                + "\(s.firstReplySLA.denominator)), resolution SLA met \(format.percent(s.resolutionSLA)) "
                + "(\(s.resolutionSLA.numerator) of \(s.resolutionSLA.denominator))\n"
        }
        out += outcome.passed ? "check passed\n" : "check failed: \(outcome.breaches.count) threshold\(outcome.breaches.count == 1 ? "" : "s") breached\n"
        return out
    }
}
