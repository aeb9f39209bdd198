import ArgumentParsing
import ContactAnalytics

/// `contactstat sql --dialect D [--table NAME]`: performs `SQLAction`, writing the script to `--output` (or
/// standard output).
enum SQLCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let settings = try RunSettings(command, needsFiles: false)
        let dialect = try SQLAction.dialect(command.valueOrDefault("dialect") ?? SQLDialect.duckdb.rawValue)
        let action = SQLAction(settings: settings, dialect: dialect, table: command.valueOrDefault("table") ?? "contacts")
        let outcome = try action.perform()
        try OutputDestination(command.value("output")).write(outcome.output)
        DiagnosticPrinter.print(outcome)
        return outcome.status
    }
}
