import ArgumentParsing
import ContactAnalytics

/// `contactstat suggest FILE...`: performs `SuggestAction` and prints its outcome.
enum SuggestCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let action = try SuggestAction(settings: try RunSettings(command), top: command.valueOrDefault("top") ?? "")
        let outcome = try action.perform()
        StandardStreams.writeOut(outcome.output)
        DiagnosticPrinter.print(outcome)
        return outcome.status
    }
}
