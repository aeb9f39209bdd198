import ArgumentParsing
import ContactAnalytics
import Foundation

/// `contactstat init`: a starter configuration file with comments.
enum InitCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let destination = OutputDestination(command.valueOrDefault("output"))
        if let path = destination.path, FileManager.default.fileExists(atPath: path), !command.flag("force") {
            throw ContactStatError(.usage, "\(path) exists; use --force to overwrite it")
        }
        try destination.write(StarterConfiguration.text)
        if let path = destination.path { StandardStreams.writeError("contactstat: wrote \(path)\n") }
        return 0
    }
}
