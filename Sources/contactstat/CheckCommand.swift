import ArgumentParsing
import ContactAnalytics

/// `contactstat check FILE... --min-fcr X ...`: exit 1 naming each breached threshold, 0 otherwise.
enum CheckCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        func rate(_ name: String) throws -> Double? {
            guard let text = command.value(name) else { return nil }
            guard let value = ThresholdCheck.parseRate(text) else {
                throw ContactStatError(.usage, "--\(name) '\(text)' is not a rate such as 0.7 or 70%")
            }
            return value
        }
        var maxCost: Double?
        if let text = command.value("max-cost-per-contact") {
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value >= 0 else {
                throw ContactStatError(.usage, "--max-cost-per-contact '\(text)' is not an amount")
            }
            maxCost = value
        }
        let check = ThresholdCheck(minFCR: try rate("min-fcr"), maxAvoidableRate: try rate("max-avoidable-rate"),
                                   minCSAT: try rate("min-csat"), maxCostPerContact: maxCost)
        if check == ThresholdCheck() {
            throw ContactStatError(.usage, "give at least one threshold: --min-fcr, --max-avoidable-rate, --min-csat or --max-cost-per-contact")
        }
        let settings = try RunSettings(command)
        let result = try ContactAnalysis.run(settings.analysis(profile: false))
        try settings.finishIngest(result)
        let outcome = check.evaluate(result.report)
        var out = ""
        for breach in outcome.breaches { out += "breach: \(breach.message)\n" }
        for note in outcome.notes { out += "note: \(note)\n" }
        let s = result.report.summary
        let format = ReportNumberFormat(currency: result.report.definitions.currency)
        out += "figures: \(s.contacts) contacts, FCR \(format.percent(s.fcr)), avoidable rate \(format.percent(s.avoidableRate)), "
            + "CSAT \(format.percent(s.csat.rate)), cost per contact \(format.moneyWithCurrency(s.costPerContact))\n"
        out += outcome.passed ? "check passed\n" : "check failed: \(outcome.breaches.count) threshold\(outcome.breaches.count == 1 ? "" : "s") breached\n"
        StandardStreams.writeOut(out)
        if !outcome.passed { return 1 }
        return settings.exitStatus(result)
    }
}
