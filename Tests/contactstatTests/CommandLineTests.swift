import Foundation
import Testing

/// End-to-end: the built binary's stdout, stderr and exit codes.
@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try BinaryRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: contactstat <subcommand>"))
        #expect(help.stdout.contains("report"))
        #expect(help.stderr.isEmpty)
        let reportHelp = try BinaryRunner.run(["report", "--help"])
        let helpReport = try BinaryRunner.run(["help", "report"])
        #expect(reportHelp.status == 0)
        #expect(reportHelp.stdout == helpReport.stdout)
        #expect(reportHelp.stdout.contains("--format <format>"))
    }

    @Test(arguments: [
        (["report", "--fromat", "json", "x.csv"], "unknown option '--fromat'; did you mean '--format'?"),
        (["reprot"], "unknown subcommand 'reprot'; did you mean 'report'?"),
        (["report", "--format", "xml", "x.csv"], "'xml'"),
        (["report"], "missing expected argument"),
        (["report", "--window", "soon", "x.csv"], "--window 'soon' is not a duration"),
        (["report", "--map", "opened=Created", "x.csv"], "--map: unknown field 'opened'"),
        (["check", "x.csv"], "give at least one threshold"),
        (["report", "--since", "yesterday", "x.csv"], "--since 'yesterday' is not a date"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let result = try BinaryRunner.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("contactstat: error: "))
        #expect(result.stderr.contains(message))
        #expect(result.stdout.isEmpty)
    }

    @Test func unreadableInputExits65WithLocation() throws {
        let unclosed = try BinaryRunner.run(["validate", BinaryRunner.fixture("broken/unclosed-quote.csv")])
        #expect(unclosed.status == 65)
        #expect(unclosed.stderr.contains("unclosed-quote.csv:2:25: quoted field opened on line 2 is never closed"))
        let missing = try BinaryRunner.run(["report", "no-such-file.csv"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no-such-file.csv: cannot open"))
    }

    @Test func validateCountsLocatesAndWritesRejects() throws {
        let rejects = FileManager.default.temporaryDirectory.appendingPathComponent("rejects-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: rejects) }
        let file = BinaryRunner.fixture("broken/broken-rows.csv")
        let result = try BinaryRunner.run(["validate", file, "--rejects", rejects.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("rows read 7 = contacts 2 + rejected 4 + duplicates dropped 1"))
        #expect(result.stdout.contains("field warnings 2"))
        #expect(result.stderr.contains("broken-rows.csv:3: error: record rejected: opened_at is empty [column \"created_at\"]"))
        #expect(result.stderr.contains("broken-rows.csv:5: error: record rejected: has 8 fields; the header has 7"))
        #expect(result.stderr.contains("broken-rows.csv:7: warning: handle_time 'abc' is not a duration"))
        let written = try String(contentsOf: rejects, encoding: .utf8)
        let lines = written.split(separator: "\r\n")
        #expect(lines.count == 5)
        #expect(lines[0] == "file,line,reason,column,ticket_id,created_at,customer_id,channel,subject,handle_time,csat")
        #expect(lines[2].hasSuffix(",4,opened_at 'not a date' is not a readable timestamp,created_at,T3,not a date,C3,chat,Password reset fails,100,3"))
        let strict = try BinaryRunner.run(["validate", "--strict", "--quiet", file])
        #expect(strict.status == 1)
        #expect(strict.stderr.isEmpty)
    }

    @Test func readsStandardInput() throws {
        let csv = "id,created_at,customer,subject\n1,2026-03-02 09:00,a,Where is my order\n2,2026-03-03 10:00,a,Where is my order?\n"
        let result = try BinaryRunner.run(["validate", "-"], stdin: Data(csv.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("rows read 2 = contacts 2 + rejected 0 + duplicates dropped 0"))
    }

    @Test func generateIsDeterministic() throws {
        let a = try BinaryRunner.run(["generate", "--rows", "50", "--seed", "9"])
        let b = try BinaryRunner.run(["generate", "--rows", "50", "--seed", "9"])
        #expect(a.status == 0)
        #expect(a.stdoutBytes == b.stdoutBytes)
        #expect(a.stdout.hasPrefix("ticket_id,created_at,closed_at,customer_id,channel,subject,status"))
    }
}
