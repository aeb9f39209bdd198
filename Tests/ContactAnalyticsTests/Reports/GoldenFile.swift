import Foundation
import Testing

/// Golden-file comparison: the expected output lives in `Fixtures/reports/NAME`. A difference fails the
/// test. With `CONTACTSTAT_RECORD_GOLDEN=1` in the environment the file is (re)written and the test fails
/// anyway, saying so, so a recording never passes silently.
enum GoldenFile {
    /// `Fixtures/reports/` of this package, found from this source file's path.
    static func directory(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()   // Reports
            .deletingLastPathComponent()   // ContactAnalyticsTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()   // package root
            .appendingPathComponent("Fixtures/reports", isDirectory: true)
    }

    static func assertGolden(_ actual: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CONTACTSTAT_RECORD_GOLDEN"] == "1" {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual).write(to: url)
                Issue.record("Recorded golden file \(name); unset CONTACTSTAT_RECORD_GOLDEN and run again.",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Missing golden file \(url.path); record it with CONTACTSTAT_RECORD_GOLDEN=1.",
                         sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != actual else { return }
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let actualLines = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        var detail = "line counts \(expectedLines.count) vs \(actualLines.count)"
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let e = index < expectedLines.count ? expectedLines[index] : "<end>"
            let a = index < actualLines.count ? actualLines[index] : "<end>"
            if e != a {
                detail = "first difference at line \(index + 1):\n  expected: \(e)\n  actual:   \(a)"
                break
            }
        }
        let message = "Output differs from golden file \(name) (\(detail)). If the change is intended, re-record "
            + "with CONTACTSTAT_RECORD_GOLDEN=1."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    static func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertGolden(Array(actual.utf8), named: name, sourceLocation: sourceLocation)
    }
}
