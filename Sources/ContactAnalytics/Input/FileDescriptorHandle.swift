#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open POSIX file descriptor, closed when the last reference goes away (standard input is never closed).
///
/// Immutable, so it is `Sendable`; copies of a `ByteChunkSource` share it (and the file position).
final class FileDescriptorHandle: Sendable {
    /// The descriptor.
    let descriptor: Int32
    /// Whether `deinit` closes the descriptor (`false` for standard input).
    let closesOnDeinit: Bool

    init(descriptor: Int32, closesOnDeinit: Bool) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
    }

    deinit {
        if closesOnDeinit { _ = close(descriptor) }
    }

    /// Opens `path` for reading, or throws `ContactStatError(.dataFormat, "cannot open: <reason>", at: path)`
    /// (a missing or unreadable input is unreadable input data, exit code 65). A directory is refused here
    /// rather than failing on the first read.
    static func open(path: String, displayName: String) throws -> FileDescriptorHandle {
        let descriptor = path.withCString { systemOpen($0, O_RDONLY | O_CLOEXEC) }
        if descriptor < 0 {
            throw ContactStatError(.dataFormat, "cannot open: \(errorText(errno))", at: displayName)
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            _ = close(descriptor)
            throw ContactStatError(.dataFormat, "cannot open: \(errorText(EISDIR))", at: displayName)
        }
        return FileDescriptorHandle(descriptor: descriptor, closesOnDeinit: true)
    }

    /// Reads up to `count` bytes into `destination`, retrying on `EINTR`. Returns 0 at the end of input;
    /// throws `ContactStatError(.io, "cannot read: <reason>")` on a read error.
    func read(into destination: UnsafeMutableRawPointer, count: Int, displayName: String) throws -> Int {
        while true {
            let result = systemRead(descriptor, destination, count)
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw ContactStatError(.io, "cannot read: \(FileDescriptorHandle.errorText(code))", at: displayName)
        }
    }

    /// `strerror` as a `String`.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

@inline(__always)
private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 {
    open(path, flags)
}

@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
