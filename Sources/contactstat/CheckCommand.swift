import ArgumentParsing
import ContactAnalytics

/// `contactstat check FILE... --min-fcr X ...`: performs `CheckAction`: exit 1 naming each breached threshold,
/// 0 otherwise.
enum CheckCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let check = try CheckAction.thresholds(minimumFCR: command.value("min-fcr"),
                                               maximumAvoidableRate: command.value("max-avoidable-rate"),
                                               minimumCSAT: command.value("min-csat"),
                                               maximumCostPerContact: command.value("max-cost-per-contact"),
                                               minimumSLAMet: command.value("min-sla-met"))
        let outcome = try CheckAction(settings: try RunSettings(command), check: check).perform()
        StandardStreams.writeOut(outcome.output)
        DiagnosticPrinter.print(outcome)
        return outcome.status
    }
}
