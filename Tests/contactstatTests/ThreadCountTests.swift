import Foundation
import Testing

/// The report is byte-for-byte the same whatever `--threads` says.
@Suite struct ThreadCountTests {
    @Test func reportIsByteIdenticalForOneTwoAndFourThreads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = try BinaryRunner.run(["generate", "--rows", "1500", "--seed", "14"])
        #expect(generated.status == 0)
        // Two ids again at the end: the input is read twice to drop the earlier ones.
        let lines = generated.stdout.split(separator: "\n", omittingEmptySubsequences: true)
        let again = lines.dropFirst().prefix(2).map { $0.replacingOccurrences(of: "2026-01-0", with: "2026-02-1") }
        let path = directory.appendingPathComponent("export.csv").path
        try (generated.stdout + again.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        for format in ["json", "text"] {
            var outputs: [Data] = []
            for threads in ["1", "2", "4"] {
                let run = try BinaryRunner.run(["report", "-f", format, "--timezone", "UTC", "--threads", threads, path])
                #expect(run.status == 0, "\(run.stderr)")
                outputs.append(run.stdoutBytes)
            }
            #expect(outputs[0].count > 500)
            #expect(outputs[1] == outputs[0], "format \(format), 2 threads")
            #expect(outputs[2] == outputs[0], "format \(format), 4 threads")
        }
    }
}
