import Foundation
import Testing

/// `contactstat ... | head`: a closed pipe ends the run quietly (no message, no signal death).
@Suite struct BrokenPipeTests {
    /// Runs `script` with `/bin/sh -c`, `$0` being the contactstat binary.
    static func shell(_ script: String) throws -> BinaryRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, BinaryRunner.executable.path]
        process.currentDirectoryURL = BinaryRunner.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is small here; read stdout to its end first, then stderr.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BinaryRunner.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                   stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    @Test func generateIntoHeadEndsQuietly() throws {
        let result = try Self.shell(#""$0" generate --rows 200000 | head -c 100"#)
        #expect(result.status == 0)
        #expect(result.stdoutBytes.count == 100)
        #expect(result.stdout.hasPrefix("ticket_id,created_at,"))
        #expect(result.stderr.isEmpty)
    }

    /// contactstat's own status on a closed pipe (the pipeline's status is head's).
    @Test func contactstatItselfExitsZeroOnAClosedPipe() throws {
        let result = try Self.shell(#"{ "$0" generate --rows 200000; echo "status=$?" >&2; } | head -c 10 >/dev/null"#)
        #expect(result.status == 0)
        #expect(result.stderr == "status=0\n")
    }
}
