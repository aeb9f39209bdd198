import Foundation
import Testing

/// Every exit code of the contract (cli-and-json.md): 0 success, 1 a check breached or (`--strict`) rows
/// rejected, 64 usage error, 65 unreadable input data, 74 I/O error. Errors go to stderr as
/// `contactstat: error: ...` and leave stdout empty.
@Suite struct ExitCodeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        /// Exact stderr, or (with `prefixOnly`) its beginning.
        var stderr: String
        var prefixOnly = false
        var testDescription: String { "\(status): \(arguments.joined(separator: " "))" }
    }

    static let week = "Fixtures/e2e/week.csv"
    static let summary = "contactstat: 23 rows read, 23 contacts counted; coverage 91.3 % (21 of 23 classified)\n"

    @Test(arguments: [
        Case(arguments: ["report", week], status: 0, stderr: summary),
        Case(arguments: ["validate", "-q", week], status: 0, stderr: ""),
        Case(arguments: ["check", "--min-fcr", "0.5", week], status: 0, stderr: summary),
        Case(arguments: ["check", "--min-fcr", "0.9", week], status: 1, stderr: summary),
        // --quiet silences the diagnostics and the --strict message; the status still tells.
        Case(arguments: ["report", "--strict", "-q", "Fixtures/e2e/rejects.csv"], status: 1, stderr: ""),
        Case(arguments: ["classify", "--strict", "-q", "Fixtures/e2e/rejects.csv"], status: 1, stderr: ""),
        Case(arguments: ["suggest", "--strict", "-q", "Fixtures/e2e/rejects.csv"], status: 1, stderr: ""),
        Case(arguments: ["report", "--bogus", week], status: 64,
             stderr: "contactstat: error: unknown option '--bogus'", prefixOnly: true),
        Case(arguments: ["check", "--max-avoidable-rate", "lots", week], status: 64,
             stderr: "contactstat: error: --max-avoidable-rate 'lots' is not a rate such as 0.7 or 70%\nsee 'contactstat check --help'\n"),
        // A usage error is found before the input is read (no summary line first).
        Case(arguments: ["report", "-f", "json", "--output-dir", "x", week], status: 64,
             stderr: "contactstat: error: --output-dir goes with --format csv\nsee 'contactstat report --help'\n"),
        Case(arguments: ["report", "Fixtures/e2e/no-such-file.csv"], status: 65,
             stderr: "contactstat: error: Fixtures/e2e/no-such-file.csv: cannot open", prefixOnly: true),
        Case(arguments: ["report", "Fixtures/e2e/unclosed-quote.csv"], status: 65,
             stderr: "contactstat: error: Fixtures/e2e/unclosed-quote.csv:3:25: quoted field opened on line 3 is never closed\n"),
        Case(arguments: ["validate", "Fixtures/e2e/binary.bin"], status: 65,
             stderr: "contactstat: error: Fixtures/e2e/binary.bin: looks like a binary file (it contains NUL bytes)\n"),
        // An export of daily counts is refused, naming its count columns (`aht_seconds` is not a count).
        Case(arguments: ["report", "Fixtures/e2e/daily-counts.csv"], status: 65,
             stderr: "contactstat: error: Fixtures/e2e/daily-counts.csv: this looks like an export of counts per 'date' "
                + "(daily or interval totals in 'calls', 'contacts_n', 'offered', 'answered', 'abandoned'), not of "
                + "contacts: contactstat needs one row per contact", prefixOnly: true),
        Case(arguments: ["validate", "Fixtures/e2e/daily-counts.csv"], status: 65,
             stderr: "contactstat: error: Fixtures/e2e/daily-counts.csv: this looks like an export of counts",
             prefixOnly: true),
        // Cases the city's staff and systems opened are excluded as internal and counted apart.
        Case(arguments: ["report", "--preset", "boston311", "Fixtures/presets/boston311-cases.csv"], status: 0,
             stderr: "contactstat: 6 rows read, 3 contacts counted, 3 internal excluded (opened by staff or systems); "
                + "coverage ", prefixOnly: true),
        Case(arguments: ["report", "--preset", "amazon-connect", "Fixtures/presets/amazon-connect-contacts.csv"], status: 0,
             stderr: "contactstat: 6 rows read, 3 contacts counted, 2 outbound excluded, 1 internal excluded "
                + "(opened by staff or systems); coverage ", prefixOnly: true),
        Case(arguments: ["report", "Fixtures/e2e"], status: 65,
             stderr: "contactstat: error: Fixtures/e2e: cannot open: Is a directory\n"),
        // A regular file used as a directory: cannot be created, even by root.
        Case(arguments: ["report", "-q", "-o", "Fixtures/e2e/week.csv/report.txt", week], status: 74,
             stderr: "contactstat: error: Fixtures/e2e/week.csv/report.txt: cannot create the output file", prefixOnly: true),
        Case(arguments: ["report", "-q", "--rejects", "Fixtures/e2e/week.csv/rejects.csv", week], status: 74,
             stderr: "contactstat: error: Fixtures/e2e/week.csv/rejects.csv: cannot create the rejects file", prefixOnly: true),
        Case(arguments: ["classify", "-q", "-o", "Fixtures/e2e/week.csv/out.csv", week], status: 74,
             stderr: "contactstat: error: Fixtures/e2e/week.csv/out.csv: cannot create the output file", prefixOnly: true),
        Case(arguments: ["generate", "-n", "5", "-o", "Fixtures/e2e/week.csv/g.csv"], status: 74,
             stderr: "contactstat: error: Fixtures/e2e/week.csv/g.csv: cannot create", prefixOnly: true),
        Case(arguments: ["init", "-o", "Fixtures/e2e/week.csv/c.json"], status: 74,
             stderr: "contactstat: error: Fixtures/e2e/week.csv/c.json: cannot create", prefixOnly: true),
        Case(arguments: ["report", "-q", "-f", "csv", "--output-dir", "Fixtures/e2e/week.csv/sections", week], status: 74,
             stderr: "contactstat: error: Fixtures/e2e/week.csv/sections: cannot create", prefixOnly: true),
    ])
    func exitStatusAndMessage(_ testCase: Case) throws {
        let result = try BinaryRunner.run(testCase.arguments)
        #expect(result.status == testCase.status, "stderr: \(result.stderr)")
        if testCase.prefixOnly {
            #expect(result.stderr.hasPrefix(testCase.stderr), "stderr: \(result.stderr)")
        } else {
            #expect(result.stderr == testCase.stderr)
        }
        if testCase.status >= 64 {
            #expect(result.stdout.isEmpty)
        }
    }

    /// A binary file on standard input is refused like a binary file on disk.
    @Test func binaryStandardInputExits65() throws {
        let data = try #require(FileManager.default.contents(atPath: BinaryRunner.fixture("e2e/binary.bin")))
        #expect(data.contains(0))
        let result = try BinaryRunner.run(["report", "-"], stdin: data)
        #expect(result.status == 65)
        #expect(result.stderr == "contactstat: error: -: looks like a binary file (it contains NUL bytes)\n")
    }

    /// `--strict` still writes the output; only the exit status changes.
    @Test func strictStillPrintsTheReport() throws {
        let result = try BinaryRunner.run(["report", "--strict", "-q", "-f", "json", "Fixtures/e2e/rejects.csv"])
        #expect(result.status == 1)
        #expect(try ReportJSON(result.stdoutBytes).int("input.rows_rejected") == 2)
    }
}
