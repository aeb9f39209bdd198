import ArgumentParsing
import ContactAnalytics

/// `contactstat validate FILE...`: performs `ValidateAction` and prints its outcome.
enum ValidateCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let outcome = try ValidateAction(settings: try RunSettings(command)).perform()
        StandardStreams.writeOut(outcome.output)
        DiagnosticPrinter.print(outcome)
        return outcome.status
    }
}
