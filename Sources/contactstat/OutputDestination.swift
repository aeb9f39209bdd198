#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw ContactStatError(.io, "cannot create the output file: \(String(cString: strerror(errno)))", at: path)
        }
        return Stream(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true), path: path)
    }

    /// The system's reason for a Foundation file error, without the NSError dump.
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
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
