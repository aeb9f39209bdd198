import Foundation
import Testing

/// Compares `actual` with `Golden/<name>.txt` next to this file.
///
/// With `CONTACTSTAT_RECORD_GOLDEN=1` in the environment the file is (re)written instead and the test
/// fails, saying so, so a recording run never passes silently. A missing file fails with instructions.
/// On a mismatch the failure names the first differing line.
func assertGolden(
    _ actual: String,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)
        .appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["CONTACTSTAT_RECORD_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record(
                "re-recorded golden file \(url.path); check the diff, then run again without CONTACTSTAT_RECORD_GOLDEN",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "missing golden file \(url.path); run with CONTACTSTAT_RECORD_GOLDEN=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actualLines.count, expectedLines.count)
    let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end of text>"
    let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end of text>"
    Issue.record(
        """
        output differs from golden file \(name).txt at line \(firstDifference + 1):
          expected: \(expectedLine)
          actual:   \(actualLine)
        (set CONTACTSTAT_RECORD_GOLDEN=1 to re-record if the change is intended)
        """,
        sourceLocation: sourceLocation)
}
