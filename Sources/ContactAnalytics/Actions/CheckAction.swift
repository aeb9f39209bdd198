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
        func rate(_ text: String?, _ setting: Setting) throws -> Double? {
            guard let text else { return nil }
            guard let value = ThresholdCheck.parseRate(text) else {
                throw ContactStatError(.usage, "\(setting: setting) '\(text)' is not a rate such as 0.7 or 70%")
            }
            return value
        }
        var maxCost: Double?
        if let text = maximumCostPerContact {
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value >= 0 else {
                throw ContactStatError(.usage, "\(setting: .maximumCostPerContact) '\(text)' is not an amount")
            }
            maxCost = value
        }
        let check = ThresholdCheck(minFCR: try rate(minimumFCR, .minimumFCR),
                                   maxAvoidableRate: try rate(maximumAvoidableRate, .maximumAvoidableRate),
                                   minCSAT: try rate(minimumCSAT, .minimumCSAT), maxCostPerContact: maxCost,
                                   minSLAMet: try rate(minimumSLAMet, .minimumSLAMet))
        if check == ThresholdCheck() {
            throw ContactStatError(.usage, "give at least one threshold: \(setting: .minimumFCR), \(setting: .maximumAvoidableRate), "
                                   + "\(setting: .minimumCSAT), \(setting: .maximumCostPerContact) or \(setting: .minimumSLAMet)")
        }
        return check
    }

    /// Runs the analysis and checks the thresholds.
    public func perform() throws -> ActionOutcome {
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
        return outcome
    }

    /// The breaches, the notes, the figures and the verdict, one per line.
    public static func verdict(_ outcome: ThresholdCheck.Result, report: ContactReport) -> String {
        var out = ""
        for breach in outcome.breaches { out += "breach: \(breach.message)\n" }
        for note in outcome.notes { out += "note: \(note)\n" }
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
