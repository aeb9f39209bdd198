import Foundation
import Testing

/// Golden files of the end-to-end tests, under `Fixtures/e2e/`.
///
/// ``check(_:against:sourceLocation:)`` compares bytes (so a byte-order mark or CRLF line endings count).
/// With `CONTACTSTAT_RECORD_GOLDEN=1` in the environment it writes the actual output instead and records a
/// failure saying so, so a recording run never passes silently. A missing golden file fails with the
/// command to record it; a mismatch names the first differing line.
enum GoldenFile {
    static let recordVariable = "CONTACTSTAT_RECORD_GOLDEN"

    /// `Fixtures/e2e/<relativePath>` in the package.
    static func url(_ relativePath: String) -> URL {
        URL(fileURLWithPath: BinaryRunner.fixture("e2e/" + relativePath))
    }

    static func check(_ actual: String, against relativePath: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        check(Data(actual.utf8), against: relativePath, sourceLocation: sourceLocation)
    }

    static func check(_ actual: Data, against relativePath: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let url = url(relativePath)
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try actual.write(to: url)
                Issue.record("re-recorded golden file Fixtures/e2e/\(relativePath); review the diff, then run again without \(recordVariable)",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file Fixtures/e2e/\(relativePath); run `\(recordVariable)=1 swift test --filter contactstatTests` to record it",
                         sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        Issue.record(Comment(rawValue: difference(expected: expected, actual: actual, name: relativePath)),
                     sourceLocation: sourceLocation)
    }

    /// A description of the first difference: line number and both lines.
    static func difference(expected: Data, actual: Data, name: String) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let expectedLine = first < expectedLines.count ? "\(expectedLines[first].debugDescription)" : "<end of file>"
        let actualLine = first < actualLines.count ? "\(actualLines[first].debugDescription)" : "<end of file>"
        return """
            output differs from golden file Fixtures/e2e/\(name) at line \(first + 1) \
            (expected \(expected.count) bytes, got \(actual.count)):
              expected: \(expectedLine)
              actual:   \(actualLine)
            (set \(recordVariable)=1 to re-record if the change is intended)
            """
    }
}
