import ArgumentParsing
import ContactAnalytics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `contactstat generate --rows N --seed S`: a synthetic export, deterministic for a seed.
enum GenerateCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        guard let rows = Int(command.valueOrDefault("rows") ?? ""), rows >= 0, rows <= 1_000_000_000 else {
            throw ContactStatError(.usage, "--rows expects a whole number from 0 to 1000000000")
        }
        guard let seed = UInt64(command.valueOrDefault("seed") ?? "") else {
            throw ContactStatError(.usage, "--seed expects a whole number")
        }
        let textName = command.valueOrDefault("text") ?? SyntheticTextStyle.repeating.rawValue
        guard let text = SyntheticTextStyle(rawValue: textName) else {
            throw ContactStatError(.usage, "--text expects repeating or realistic, got '\(textName)'")
        }
        let export = try SyntheticExport(SyntheticExportConfiguration(rows: rows, seed: seed, text: text))
        let destination = OutputDestination(command.value("output"))
        if let path = destination.path {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else {
                throw ContactStatError(.io, "cannot create the file: \(String(cString: strerror(errno)))", at: path)
            }
            defer { close(fd) }
            try export.write(toFileDescriptor: fd)
        } else {
            do {
                try export.write(toFileDescriptor: 1)
            } catch {
                // A reader that went away (`generate | head`) ends the run quietly.
                if errno == EPIPE { return 0 }
                throw error
            }
        }
        return 0
    }
}
