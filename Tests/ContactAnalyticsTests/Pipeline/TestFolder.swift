import Foundation

/// A folder of files for a test, removed when the value goes away.
final class TestFolder {
    let url: URL

    /// A new folder in the temporary directory, named `prefix` and a UUID.
    init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `lines`, each ended by a line feed, to the file `name`; returns its path.
    func write(_ name: String, _ lines: [String]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Writes `bytes` to the file `name`; returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
