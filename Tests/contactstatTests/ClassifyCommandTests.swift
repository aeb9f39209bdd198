import Foundation
import Testing

/// `contactstat classify`: the input rows as CSV with `cause,process,avoidable,repeat` and the audit columns
/// added (the audit columns are tested in `ClassifyAuditTests`).
/// Repeats are hand-computed in `ReportCommandTests` (the fixture table is there).
@Suite struct ClassifyCommandTests {
    static let week = "Fixtures/e2e/week.csv"
    static let coverage = "contactstat: 23 rows read, 23 contacts counted; coverage 91.3 % (21 of 23 classified)\n"

    /// Output rows keyed by their first column.
    static func rows(_ stdout: String) -> [String: [Substring]] {
        var rows: [String: [Substring]] = [:]
        for line in stdout.split(separator: "\r\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            rows[String(fields[0])] = fields
        }
        return rows
    }

    @Test func addsFourColumnsToEveryInputRow() throws {
        let result = try BinaryRunner.run(["classify", "--timezone", "UTC", Self.week])
        #expect(result.status == 0)
        let input = try String(contentsOfFile: BinaryRunner.fixture("e2e/week.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let output = result.stdout.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(output.count == input.count + 1)  // CRLF after the last row too
        #expect(output.last == "")
        #expect(output.first == input[0] + ",cause,process,avoidable,repeat,repeat_of,evaluable,fcr_resolved,switch_from,cost,language")
        for (inputLine, outputLine) in zip(input.dropFirst(), output.dropFirst()) {
            #expect(outputLine.hasPrefix(inputLine + ","), "\(outputLine)")
            #expect(outputLine.split(separator: ",", omittingEmptySubsequences: false).count == 19, "\(outputLine)")
        }
        let rows = Self.rows(result.stdout)
        #expect(rows["T01"]?.dropLast(6).suffix(4) == ["delivery/where-is-my-order", "Logistics", "true", "false"])
        #expect(rows["T13"]?.dropLast(6).suffix(4) == ["unclassified", "Unassigned", "false", "false"])
        #expect(rows["T23"]?.dropLast(6).suffix(4) == ["delivery/change-delivery", "Logistics", "false", "true"])
    }

    /// `cause` scope, 7 days: see the table in `ReportCommandTests`. 10 days adds T06 (7 d + 1 s after T05).
    /// `any` scope, 10 days also adds T04 (9 d after T03), T10 (8 d 9 h after T09), T22 (7 d 8 h after T04).
    @Test(arguments: [
        ([String](), ["T02", "T03", "T07", "T09", "T18", "T20", "T23"]),
        (["--scope", "any"], ["T02", "T03", "T07", "T09", "T18", "T20", "T23"]),
        (["--window", "10d"], ["T02", "T03", "T06", "T07", "T09", "T18", "T20", "T23"]),
        (["--window", "10d", "--scope", "any"], ["T02", "T03", "T04", "T06", "T07", "T09", "T10", "T18", "T20", "T22", "T23"]),
    ])
    func repeatColumnMatchesHandComputation(options: [String], repeats: [String]) throws {
        let result = try BinaryRunner.run(["classify", "--timezone", "UTC"] + options + [Self.week])
        #expect(result.status == 0)
        let rows = Self.rows(result.stdout)
        #expect(rows.count == 23)
        let flagged = rows.filter { $0.value.dropLast(6).last == "true" }.keys.sorted()
        #expect(flagged == repeats)
        #expect(rows.values.allSatisfy { $0.dropLast(6).last == "true" || $0.dropLast(6).last == "false" })
        // repeat_of is filled exactly for the repeats.
        #expect(rows.filter { !$0.value[$0.value.count - 6].isEmpty }.keys.sorted() == repeats)
    }

    @Test func jsonRecordsBeforeAKeyFirstAppearsKeepTheirColumns() throws {
        // `channel` first appears in the second record: the first row gets an empty channel, not a shifted cause.
        let json = """
            [{"id": "J1", "created_at": "2026-03-02T09:00:00Z", "subject": "Where is my order?"},
             {"id": "J2", "created_at": "2026-03-02T10:00:00Z", "subject": "Refund, please", "channel": "chat"}]
            """
        let result = try BinaryRunner.run(["classify", "-"], stdin: Data(json.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == """
            id,created_at,subject,channel,cause,process,avoidable,repeat,repeat_of,evaluable,fcr_resolved,switch_from,cost,language\r
            J1,2026-03-02T09:00:00Z,Where is my order?,,delivery/where-is-my-order,Logistics,true,false,,false,,,5.6,en\r
            J2,2026-03-02T10:00:00Z,"Refund, please",chat,returns/refund,Returns,true,false,,false,,,6.5,unknown\r

            """)
    }

    @Test func rejectedRowsAreLeftOut() throws {
        let result = try BinaryRunner.run(["classify", "Fixtures/e2e/rejects.csv"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            ticket_id,created_at,customer_id,channel,subject,cause,process,avoidable,repeat,repeat_of,evaluable,fcr_resolved,switch_from,cost,language\r
            R1,2026-03-02T09:00:00Z,K1,chat,Where is my order?,delivery/where-is-my-order,Logistics,true,false,,false,,,6.5,en\r
            R4,2026-03-02T10:00:00Z,K4,web,"Refund, please",returns/refund,Returns,true,false,,false,,,6.4,unknown\r

            """)
        #expect(result.stderr.contains("rejects.csv:3: error: record rejected"))
        #expect(result.stderr.hasSuffix("contactstat: 4 rows read, 2 contacts counted, 2 rejected; coverage 100.0 % (2 of 2 classified)\n"))
    }

    @Test func standardInputGivesTheSameOutputAsTheFile() throws {
        let data = try #require(FileManager.default.contents(atPath: BinaryRunner.fixture("e2e/week.csv")))
        let fromFile = try BinaryRunner.run(["classify", "--timezone", "UTC", Self.week])
        let fromStdin = try BinaryRunner.run(["classify", "--timezone", "UTC", "-"], stdin: data)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdoutBytes == fromFile.stdoutBytes)
        #expect(fromStdin.stderr.hasSuffix(Self.coverage))
        #expect(fromFile.stderr.hasSuffix(Self.coverage))
    }

    /// Diagnostics for standard input name it `-`, as `report` and `validate` do, not a temporary file.
    @Test func standardInputDiagnosticsNameTheInputDash() throws {
        let data = try #require(FileManager.default.contents(atPath: BinaryRunner.fixture("e2e/rejects.csv")))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try BinaryRunner.run(["classify", "--rejects", directory.path("rejects.csv"), "-"], stdin: data)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("-:3: error: record rejected: opened_at is empty [column \"created_at\"]\n"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("contactstat-stdin-"))
        let rejects = String(decoding: directory.contents("rejects.csv") ?? Data(), as: UTF8.self)
        #expect(rejects.contains("\r\n-,3,opened_at is empty,"), "\(rejects)")
    }

    @Test func delimiterAndOutputFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try BinaryRunner.run(["classify", "--csv-delimiter", ";", "-o", directory.path("out.csv"), Self.week])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = String(decoding: directory.contents("out.csv") ?? Data(), as: UTF8.self)
        #expect(written.hasPrefix("ticket_id;created_at;closed_at;customer_id;channel;subject;status;handle_time;csat;cause;process;avoidable;repeat;repeat_of;evaluable;fcr_resolved;switch_from;cost;language\r\n"))
        #expect(written.contains("\r\nT01;2026-02-02T09:00:00Z;2026-02-02T09:30:00Z;C1;phone;Where is my order?;solved;300;2;delivery/where-is-my-order;Logistics;true;false;;true;false;;5.5;en\r\n"))
    }
}
