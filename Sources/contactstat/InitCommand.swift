import ArgumentParsing
import ContactAnalytics

enum InitCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        throw ContactStatError(.usage, "not available yet")
    }
}
