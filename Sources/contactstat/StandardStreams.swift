#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ContactAnalytics

/// Writes to standard output / error with POSIX `write`, so a reader that went away (EPIPE) ends the run
/// quietly with status 0 instead of an error.
enum StandardStreams {
    static func writeOut(_ bytes: [UInt8]) {
        write(bytes, to: 1)
    }

    static func writeOut(_ text: String) {
        writeOut(Array(text.utf8))
    }

    static func writeError(_ text: String) {
        write(Array(text.utf8), to: 2)
    }

    /// `true` when standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(1) == 1 }
    static var errorIsTerminal: Bool { isatty(2) == 1 }

    private static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                #else
                let n = Darwin.write(fd, base + offset, raw.count - offset)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    return
                }
                offset += n
            }
        }
    }
}
