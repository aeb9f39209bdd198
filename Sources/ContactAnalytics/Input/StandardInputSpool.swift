#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Standard input copied to a temporary file, for work that reads its input twice (`classify` writes the rows
/// after settling repeats; a report whose contact ids repeat reads the contacts again to drop duplicates).
///
/// `spooling(_:)` replaces `-` in an ingest's files with the spool's path and names it `-` in messages, so
/// diagnostics and reports read as before. Call `remove()` when done.
public struct StandardInputSpool: Sendable {
    /// The temporary file.
    public let path: String

    /// Copies standard input to a new temporary file (`mkstemp` in the temporary directory), in 1 MiB pieces.
    /// Throws `ContactStatError(.io)` naming `-` when standard input cannot be read, or the file path when it
    /// cannot be written (a full disk is reported, never a silently shorter input).
    public init() throws {
        let directory = NSTemporaryDirectory()
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template.append(contentsOf: Array("contactstat-stdin-XXXXXX".utf8CString))
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ContactStatError(.io, "cannot create a file for standard input: "
                                   + FileDescriptorHandle.errorText(errno), at: directory)
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.path = path
        defer { _ = close(descriptor) }
        let input = FileDescriptorHandle(descriptor: 0, closesOnDeinit: false)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        do {
            while true {
                let count = try buffer.withUnsafeMutableBytes {
                    try input.read(into: $0.baseAddress!, count: $0.count, displayName: "-")
                }
                if count == 0 { break }
                try buffer.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < count {
                        let written = write(descriptor, bytes.baseAddress! + offset, count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            throw ContactStatError(.io, "cannot spool standard input: "
                                                   + FileDescriptorHandle.errorText(errno), at: path)
                        }
                        offset += written
                    }
                }
            }
        } catch {
            _ = unlink(path)
            throw error
        }
    }

    /// Deletes the temporary file.
    public func remove() {
        _ = unlink(path)
    }

    /// `options` reading the spool instead of standard input (shown as `-`), and the spool; `nil` when no file
    /// is `-` (then nothing is read here).
    public static func spooling(_ options: IngestOptions) throws -> (IngestOptions, StandardInputSpool)? {
        guard options.files.contains("-") else { return nil }
        let spool = try StandardInputSpool()
        var options = options
        options.files = options.files.map { $0 == "-" ? spool.path : $0 }
        options.displayNames[spool.path] = options.displayName(of: "-")
        return (options, spool)
    }
}
