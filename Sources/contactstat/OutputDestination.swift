import ContactAnalytics
import Foundation

/// Where a command's output goes: standard output (`-` or no `--output`) or a file.
struct OutputDestination {
    let path: String?

    init(_ path: String?) {
        self.path = (path == "-" ? nil : path)
    }

    var isStandardOutput: Bool { path == nil }

    func write(_ bytes: [UInt8]) throws {
        guard let path else {
            StandardStreams.writeOut(bytes)
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ContactStatError(.io, "cannot write the output: \(error.localizedDescription)", at: path)
        }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }
}
