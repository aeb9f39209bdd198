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

    /// Reads up to `count` bytes at `offset` (without moving the file position; `pread(2)`), fewer only at the
    /// end of the file.
    func read(at offset: Int, count: Int, displayName: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var done = 0
        while done < count {
            let result = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return systemReadAt(descriptor, base + done, count - done, off_t(offset + done))
            }
            if result == 0 { break }
            if result < 0 {
                let code = errno
                if code == EINTR { continue }
                throw ContactStatError(.io, "cannot read: \(FileDescriptorHandle.errorText(code))", at: displayName)
            }
            done += result
        }
        bytes.removeLast(count - done)
        return bytes
    }

    /// The size of the open file in bytes (`fstat`), `nil` when it is not a regular file.
    var fileSize: Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
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
private func systemReadAt(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: off_t) -> Int {
    pread(descriptor, buffer, count, offset)
}

@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
