import Foundation
import Testing

/// Runs the built `contactstat` binary and captures stdout, stderr and the exit status.
struct BinaryRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable, next to the test bundle.
    static var executable: URL {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("contactstat"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("contactstat"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/contactstat"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    static func fixture(_ path: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(path).path
    }

    /// Runs `contactstat arguments...` in `directory` (default: the package root), feeding `stdin`. The
    /// environment is the test's, without `GITHUB_ACTIONS` (so `check` writes no annotations when the tests run
    /// in GitHub Actions), with `NO_COLOR=1`, and with `environment` on top.
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
                    environment extra: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_ACTIONS"] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        // stderr goes to a file, stdout through a pipe read to its end before waiting (no deadlock).
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("contactstat-test-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = errHandle
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
        }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }
}
