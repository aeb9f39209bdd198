import Foundation
import Testing

/// A contact closed before it was opened (`Fixtures/e2e/closed-before-opened.csv`) is kept, located as a field
/// warning, counted in the data section of every format, and left out of resolution times.
///
/// ```
///      opened (UTC)       closed               resolution
/// A1   03-02 09:00:00     03-02 10:00:00       3,600 s
/// A2   03-02 11:00:00     03-02 10:59:59       -1 s: closed before opened (line 3)
/// A3   03-03 09:00:00     03-01 09:00:00       -2 d: closed before opened (line 4)
/// A4   03-03 12:00:00     03-03 12:00:00       0 s (equal is not "before")
/// A5   03-04 08:00:00     03-04 11:00:00       10,800 s
/// ```
/// Resolution times kept: 0, 3,600, 10,800 -> median 3,600 s (nearest rank 2 of 3).
@Suite struct ClosedBeforeOpenedTests {
    static let file = "Fixtures/e2e/closed-before-opened.csv"
    static let base = ["report", "--timezone", "UTC", "--no-color"]

    @Test func jsonCountsThemAndResolutionTimesLeaveThemOut() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", Self.file])
        #expect(result.status == 0)
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.int("input.closed_before_opened") == 2)
        #expect(json.int("input.field_warnings") == 2)
        #expect(json.int("input.contacts_read") == 5)
        #expect(json.int("summary.contacts") == 5)
        #expect(json.double("summary.resolution_time.median_seconds") == 3_600)
    }

    @Test func eachOneIsLocatedOnStandardError() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", Self.file])
        #expect(result.stderr.contains("\(Self.file):3: warning: closed_at '2026-03-02 10:59:59' is before opened_at "
            + "'2026-03-02 11:00:00'; not used for resolution time [column \"closed_at\"]"))
        #expect(result.stderr.contains("\(Self.file):4: warning: closed_at '2026-03-01 09:00:00' is before opened_at "
            + "'2026-03-03 09:00:00'; not used for resolution time [column \"closed_at\"]"))
    }

    @Test(arguments: [("text", "Closed before opened"), ("markdown", "Closed before opened"),
                      ("html", "Closed before opened"), ("csv", "input,,,closed_before_opened,2")])
    func everyFormatShowsTheCount(format: String, needle: String) throws {
        let result = try BinaryRunner.run(Self.base + ["-f", format, Self.file])
        #expect(result.status == 0)
        #expect(result.stdout.contains(needle))
        if format != "csv" {
            let line = result.stdout.split(separator: "\n").first { $0.contains("Closed before opened") } ?? ""
            #expect(line.contains("2"))
        }
    }

    @Test func validateCountsThem() throws {
        let result = try BinaryRunner.run(["validate", "--timezone", "UTC", Self.file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("field warnings 2 (unreadable values left empty, closed before opened 2)"))
    }
}
