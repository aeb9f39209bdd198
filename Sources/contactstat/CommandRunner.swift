import ArgumentParsing
import ContactAnalytics
import Foundation

/// Parses the command line and runs the command, turning every error into a message on stderr and an exit
/// code.
enum CommandRunner {
    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedCommand
        do {
            switch try ArgumentParser.parse(arguments, root: CommandTree.root) {
            case .help(let text):
                StandardStreams.writeOut(text.hasSuffix("\n") ? text : text + "\n")
                return 0
            case .version(let version):
                StandardStreams.writeOut(version + "\n")
                return 0
            case .run(let command):
                parsed = command
            }
        } catch {
            StandardStreams.writeError("contactstat: error: \(error.message)\n\(error.hint)\n")
            return 64
        }
        do {
            switch parsed.subcommandPath.first {
            case "report": return try ReportCommand.run(parsed)
            case "impact": return try ImpactCommand.run(parsed)
            case "classify": return try ClassifyCommand.run(parsed)
            case "validate": return try ValidateCommand.run(parsed)
            case "check": return try CheckCommand.run(parsed)
            case "causes": return try CausesCommand.run(parsed)
            case "suggest": return try SuggestCommand.run(parsed)
            case "eval": return try EvalCommand.run(parsed)
            case "init": return try InitCommand.run(parsed)
            case "generate": return try GenerateCommand.run(parsed)
            case "sql": return try SQLCommand.run(parsed)
            default:
                if let help = HelpFormatter().help(root: CommandTree.root, subcommandPath: []) {
                    StandardStreams.writeOut(help.hasSuffix("\n") ? help : help + "\n")
                }
                return 0
            }
        } catch let error as ContactStatError {
            StandardStreams.writeError("contactstat: error: \(error.description(SettingFlags.names))\n")
            if error.kind == .usage, let command = parsed.subcommandPath.first {
                StandardStreams.writeError("see 'contactstat \(command) --help'\n")
            }
            return error.exitCode
        } catch {
            StandardStreams.writeError("contactstat: error: \(error)\n")
            return 74
        }
    }
}
