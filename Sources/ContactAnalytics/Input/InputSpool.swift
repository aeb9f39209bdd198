#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Inputs that cannot be read twice, copied to temporary files, for work that reads its input twice
/// (`classify` writes the rows after settling repeats; a report whose contact ids repeat reads the contacts
/// again to take the dropped ones out).
///
/// `spooling(_:)` copies standard input (`-`) and every input that is not a regular file (a named pipe,
/// `/dev/stdin`, a shell's `<(zcat x.csv.gz)`) and points the ingest at the copies, naming each as before in
/// messages and reports. A second `-` reads nothing, as it would have without the copy (standard input is
/// used up by the first). Call `remove()` when done.
public struct InputSpool: Sendable {
    /// The temporary files.
    public private(set) var paths: [String] = []

    /// Copies the input behind `descriptor` (named `name` in messages) to a new temporary file (`mkstemp` in the
    /// temporary directory), in 1 MiB pieces. Throws `ContactStatError(.io)` naming the input when it cannot be
    /// read, or the temporary file when it cannot be written (a full disk is reported, never a silently
    /// shorter input).
    static func copy(_ input: FileDescriptorHandle, name: String) throws -> String {
        let directory = NSTemporaryDirectory()
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template.append(contentsOf: Array("contactstat-input-XXXXXX".utf8CString))
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ContactStatError(.io, "cannot create a file to copy \(name) to: "
                                   + FileDescriptorHandle.errorText(errno), at: directory)
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { _ = close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        do {
            while true {
                let count = try buffer.withUnsafeMutableBytes {
                    try input.read(into: $0.baseAddress!, count: $0.count, displayName: name)
                }
                if count == 0 { break }
                try buffer.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < count {
                        let written = write(descriptor, bytes.baseAddress! + offset, count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            throw ContactStatError(.io, "cannot copy \(name): "
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
        return path
    }

    /// Deletes the temporary files.
    public func remove() {
        for path in paths { _ = unlink(path) }
    }

    /// The inputs to read instead of `files` (copies of standard input and of every input that is not a regular
    /// file) with the names messages use for the copies, and the spool; `nil` when every input is a regular
    /// file (then nothing is copied). `displayName` names an input in messages. Inputs that cannot be opened are
    /// left for the reader to report.
    public static func spooling(_ files: [String], displayName: (String) -> String)
        throws -> (files: [String], displayNames: [String: String], spool: InputSpool)? {
        var spool = InputSpool()
        var files = files
        var displayNames: [String: String] = [:]
        var readStandardInput = false
        do {
            for (i, file) in files.enumerated() {
                let name = displayName(file)
                let copy: String
                if file == "-" {
                    // Standard input is used up by the first `-`: later ones read nothing.
                    copy = readStandardInput ? "/dev/null"
                        : try Self.copy(FileDescriptorHandle(descriptor: 0, closesOnDeinit: false), name: name)
                    readStandardInput = true
                } else {
                    var status = stat()
                    guard stat(file, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG,
                          (status.st_mode & S_IFMT) != S_IFDIR,
                          let handle = try? FileDescriptorHandle.open(path: file, displayName: name) else { continue }
                    copy = try Self.copy(handle, name: name)
                }
                if copy != "/dev/null" { spool.paths.append(copy) }
                files[i] = copy
                displayNames[copy] = name
            }
        } catch {
            spool.remove()
            throw error
        }
        return spool.paths.isEmpty && !readStandardInput ? nil : (files, displayNames, spool)
    }
}
