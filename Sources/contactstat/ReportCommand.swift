import ArgumentParsing
import ContactAnalytics

enum ReportCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        throw ContactStatError(.usage, "not available yet")
    }
}
