import Foundation

/// A fresh, empty directory under the system's temporary directory, for tests that write files.
/// Call ``remove()`` (usually in a `defer`) when done.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("contactstat-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// The contents of `name` inside the directory, or `nil` when it does not exist.
    func contents(_ name: String) -> Data? {
        FileManager.default.contents(atPath: path(name))
    }

    /// The names of the files in the directory, sorted.
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
