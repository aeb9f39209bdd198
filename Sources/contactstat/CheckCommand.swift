import ArgumentParsing
import ContactAnalytics
import Foundation

/// `contactstat check FILE... --min-fcr X ...`: performs `CheckAction`: exit 1 naming each breached threshold,
/// 0 otherwise. Breaches are also written as GitHub annotations (`--github-annotations`, or `GITHUB_ACTIONS=true`
/// in the environment) and every gate as a JUnit test case (`--junit FILE`).
enum CheckCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let check = try CheckAction.thresholds(minimumFCR: command.values("min-fcr"),
                                               maximumAvoidableRate: command.values("max-avoidable-rate"),
                                               minimumCSAT: command.values("min-csat"),
                                               maximumCostPerContact: command.values("max-cost-per-contact"),
                                               minimumSLAMet: command.values("min-sla-met"),
                                               changes: command.values("max-change"),
                                               significance: command.value("significance"),
                                               minimumSliceContacts: command.value("min-slice-contacts"))
        let (outcome, result) = try CheckAction(settings: try RunSettings(command), check: check).evaluate()
        if let path = command.value("junit") {
            try OutputDestination(path).write(Array(JUnitReport.render(result.gates).utf8))
        }
        var output = outcome.output
        if command.flag("github-annotations") || ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
            output += GitHubAnnotations.lines(result.gates)
        }
        StandardStreams.writeOut(output)
        DiagnosticPrinter.print(outcome)
        return outcome.status
    }
}
