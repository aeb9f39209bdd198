import ArgumentParsing
import ContactAnalytics

/// `contactstat impact FILE...`: the savings ledger, one statement per process owner (or the one `--owner`
/// names), in text, Markdown (to mail) or JSON.
enum ImpactCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let settings = try RunSettings(command)
        let format = command.valueOrDefault("format").flatMap(SavingsStatement.Format.init(rawValue:)) ?? .text
        let result = try ContactAnalysis.run(settings.analysis(profile: false))
        settings.printIngest(result)
        let statement = try SavingsStatement(report: result.report, owner: command.value("owner"))
        try OutputDestination(command.value("output")).write(statement.render(format))
        return settings.exitStatus(result)
    }
}
