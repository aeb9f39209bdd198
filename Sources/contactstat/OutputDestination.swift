import ContactAnalytics
import Foundation

/// Where a command's output goes: standard output (`-` or no `--output`) or a file.
struct OutputDestination {
    let path: String?

    init(_ path: String?) {
        self.path = (path == "-" ? nil : path)
    }

    var isStandardOutput: Bool { path == nil }

    /// Writes everything at once.
    func write(_ bytes: [UInt8]) throws {
        let stream = try self.stream()
        try stream.write(bytes)
        try stream.close()
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// A stream for output written piece by piece.
    func stream() throws -> Stream {
        guard let path else { return Stream(handle: nil, path: nil) }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ContactStatError(.io, "cannot create the output file", at: path)
        }
        return Stream(handle: handle, path: path)
    }

    struct Stream {
        let handle: FileHandle?
        let path: String?

        func write(_ bytes: [UInt8]) throws {
            guard let handle else {
                StandardStreams.writeOut(bytes)
                return
            }
            do {
                try handle.write(contentsOf: bytes)
            } catch {
                throw ContactStatError(.io, "cannot write the output: \(error.localizedDescription)", at: path)
            }
        }

        func close() throws {
            try handle?.close()
        }
    }
}
