import Foundation
import Testing

/// Mapping end to end: a mapped column the export lacks, a forced day/month order the data contradicts, a
/// column refused by its values, and what `validate` says about them.
@Suite struct MappingErrorTests {
    static let receivedVia = "Fixtures/broken/received-via.csv"
    static let columns = "columns: 'Ticket ID', 'Subject', 'Received Via', 'Created time', 'Status', 'Agent'"

    /// Every command that reads an export refuses a `--map` column the export lacks, before any output.
    @Test(arguments: [["report"], ["validate"], ["classify"], ["suggest"], ["check", "--min-fcr", "0.5"]])
    func aMappedColumnTheExportLacksIsAUsageError(command: [String]) throws {
        let output = try BinaryRunner.run(command + ["--map", "channel=Recieved_Via", Self.receivedVia])
        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "contactstat: error: \(Self.receivedVia): column 'Recieved_Via' is not in this export "
                    + "(--map maps channel to it); did you mean 'Received Via'?; \(Self.columns)\n"
                    + "see 'contactstat \(command[0]) --help'\n")
    }

    /// JSON input finds its keys as it reads: the check runs once the first records are in.
    @Test func aMappedKeyAJSONExportLacksIsAUsageError() throws {
        let tickets = #"[{"id": 1, "created_at": "2024-03-04T08:15:22Z", "via": {"channel": "email"}}]"#
        let output = try BinaryRunner.run(["validate", "--map", "channel=via.chanel", "-"], stdin: Data(tickets.utf8))
        #expect(output.status == 64)
        #expect(output.stderr == "contactstat: error: -: column 'via.chanel' is not in this export (--map maps channel "
                    + "to it); did you mean 'via.channel'?; columns: 'id', 'created_at', 'via.channel'\n"
                    + "see 'contactstat validate --help'\n")
    }

    @Test func aConfigurationMappingTheExportLacksIsAUsageErrorNamingTheConfiguration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = directory.url.appendingPathComponent("contactstat.json").path
        try #"{ "mapping": { "opened_at": "Created" } }"#.write(toFile: config, atomically: true, encoding: .utf8)
        let output = try BinaryRunner.run(["validate", "--config", config, Self.receivedVia])
        #expect(output.status == 64)
        #expect(output.stderr == "contactstat: error: \(Self.receivedVia): column 'Created' is not in this export "
                    + "(the configuration's mapping (\(config)) maps opened_at to it); did you mean 'Created time'?; "
                    + "\(Self.columns)\nsee 'contactstat validate --help'\n")
    }

    @Test func aPresetWhoseOpenedAtColumnIsAbsentIsAUsageError() throws {
        // The log's date column renamed `Call date`: no candidate of the preset, no alias; the message names it.
        let log = "call id,agent,Call date,time,topic\nID0001,Diane,01-01-2021,09:12:58,Contract related\n"
        let output = try BinaryRunner.run(["report", "--preset", "call-centre", "-"], stdin: Data(log.utf8))
        #expect(output.status == 64)
        #expect(output.stderr == "contactstat: error: -: the preset 'call-centre' reads opened_at from 'date', "
                    + "which this export lacks, and no other column gives opened_at; "
                    + "columns: 'call id', 'agent', 'Call date', 'time', 'topic'; columns holding dates: 'Call date'; "
                    + "name one with --map opened_at=COLUMN\n"
                    + "see 'contactstat report --help'\n")
    }

    @Test func aCorrectMappingStillWorks() throws {
        let output = try BinaryRunner.run(["validate", "--map", "channel=received via", Self.receivedVia])
        #expect(output.status == 0)
        #expect(output.stdout.contains("<- \"Received Via\"  (mapping, 4 filled)"))
        // ISO timestamps only: nothing to say about day/month order (issue 20.4), forced or not.
        #expect(!output.stdout.contains("dates read"))
        let forced = try BinaryRunner.run(["validate", "--day-month-order", "month-first", Self.receivedVia])
        #expect(!forced.stdout.contains("dates read"))
    }

    static let dayFirst = "Fixtures/broken/day-first-dates.csv"

    /// Day-first dates read with month-first forced: the two opened_at values that cannot be month-first
    /// reject their rows, the closed_at one is a field warning; nothing is read the other way round.
    @Test func aForcedOrderTheDataContradictsMakesUnreadableValues() throws {
        let output = try BinaryRunner.run(["validate", "--day-month-order", "month-first", Self.dayFirst])
        #expect(output.status == 0)
        #expect(output.stdout.contains("  rows 5: mapped 3, rejected 2\n"))
        #expect(output.stdout.contains("field warnings 1 (unreadable values left empty, closed before opened 0)"))
        let why = "is not a month-first date (set with --day-month-order or the configuration; the data says otherwise)"
        #expect(output.stderr == """
            \(Self.dayFirst):2: error: record rejected: opened_at '21-04-2015 09:14' \(why) [column "Created"]
            \(Self.dayFirst):4: error: record rejected: opened_at '22-04-2015 13:05' \(why) [column "Created"]
            \(Self.dayFirst):5: warning: closed_at '22-04-2015 09:00' \(why); left empty [column "Closed"]

            """)
        // --strict makes the rejections fail the run; left to the data, every row reads day-first.
        let strict = try BinaryRunner.run(["report", "--strict", "-q", "--day-month-order", "month-first", Self.dayFirst])
        #expect(strict.status == 1)
        let decided = try BinaryRunner.run(["validate", Self.dayFirst])
        #expect(decided.stdout.contains("  rows 5: mapped 5, rejected 0\n"))
        #expect(decided.stdout.contains("  dates read day-first (a day above 12)\n"))
    }

    /// The identity is the customer id, else the e-mail, else the phone: with a customer id mapped, the
    /// e-mail column is not "never filled" but used where the customer id is empty.
    @Test func validateSaysWhichColumnGivesTheIdentity() throws {
        let export = """
            Ticket ID,Created at,Customer ID,Email,Phone
            T1,2026-03-02T09:00:00Z,C-1001,aino@example.fi,+358401234567
            T2,2026-03-02T10:00:00Z,C-1002,mikko@example.fi,
            T3,2026-03-02T11:00:00Z,,sanna@example.fi,+358401234569
            T4,2026-03-02T12:00:00Z,,,+358401234570

            """
        let output = try BinaryRunner.run(["validate", "-"], stdin: Data(export.utf8))
        #expect(output.status == 0)
        #expect(output.stdout.contains("customer    <- \"Customer ID\"  (alias, 2 filled)\n"))
        #expect(output.stdout.contains("email       <- \"Email\"  (alias, identity from customer; email used for 1 row without it)\n"))
        #expect(output.stdout.contains("phone       <- \"Phone\"  (alias, identity from customer, then email; "
                                       + "phone used for 1 row without it)\n"))
        #expect(!output.stdout.contains("never filled"))
    }

    static let usStates = "Fixtures/broken/us-state-column.csv"

    /// 120 cases: `State` (15 US states, 7 rows NY), `caller_id` (names), `SUBJECT` (8 departments): none
    /// is what its name once suggested. `State` is no status alias (a US state in 311 data) and `caller_id`
    /// is the customer (a person), by name; `SUBJECT` is refused by its values. Figures from the file: 8
    /// departments, 120 caller names.
    @Test func columnsWhoseValuesDoNotFitAreNotAutoMapped() throws {
        let output = try BinaryRunner.run(["validate", Self.usStates])
        #expect(output.status == 0)
        let refusals = [
            "column 'SUBJECT' not used as subject: 8 distinct values in 120 sampled, a category rather than free text; used as category",
        ]
        for refusal in refusals { #expect(output.stdout.contains("  \(refusal)\n")) }
        #expect(!output.stdout.contains("not used as status"))
        #expect(output.stdout.contains("category    <- \"SUBJECT\"  (alias, 120 filled)"))
        #expect(output.stdout.contains("customer    <- \"caller_id\"  (alias, 120 filled)"))
        #expect(output.stdout.contains("  unused columns: \"State\"\n"))
        // The report says it too, as notes with the file and column.
        let report = try BinaryRunner.run(["report", Self.usStates])
        #expect(report.status == 0)
        #expect(report.stderr.contains("\(Self.usStates): note: \(refusals[0]) [column \"SUBJECT\"]\n"))
        // Named with --map, the column is used as asked.
        let mapped = try BinaryRunner.run(["validate", "--map", "status=State", Self.usStates])
        #expect(mapped.stdout.contains("status      <- \"State\"  (mapping, 7 filled)"))
        #expect(!mapped.stdout.contains("not used as status"))
    }

    /// JSON input: the keys seen in the first records are checked like CSV columns.
    @Test func jsonKeysAreCheckedToo() throws {
        let rows = ["NY", "MA", "CA", "TX", "FL", "CA"].enumerated().map { i, state in
            #"{"id": "J\#(i)", "created_at": "2024-06-0\#(i + 1)T09:00:00Z", "estado": "\#(state)"}"#
        }
        let output = try BinaryRunner.run(["validate", "-"], stdin: Data(("[" + rows.joined(separator: ",") + "]").utf8))
        #expect(output.stdout.contains("  column 'estado' not used as status: 5 of 6 sampled values are not statuses (e.g. 'CA', 'MA')\n"),
                "\(output.stdout)\n\(output.stderr)")
    }

    /// The call-centre log's first 12 calls (and one more) as a spreadsheet saves them: `time` as fractions of
    /// a day, `avgtalkduration` as `12:02:23 AM`. Talk times of the original file: 143, 242, 131, 37, 60, 0,
    /// 220, 38, 398, 64, 0, 32, plus 143 (`00:02:23`): mean 1508 / 13 = 116 s, median 64 s.
    @Test func spreadsheetTimesAreReadPerColumn() throws {
        let file = "Fixtures/broken/call-centre-spreadsheet.csv"
        let output = try BinaryRunner.run(["validate", "--preset", "call-centre", file])
        #expect(output.status == 0)
        #expect(output.stdout.contains("  opened_time read as fractions of a day (0.5 = 12:00)\n"))
        #expect(output.stdout.contains("  handle_time read as times of day (12:02:23 AM = 2 min 23 s)\n"))
        #expect(output.stdout.contains("field warnings 0"))
        let report = try BinaryRunner.run(["report", "-f", "json", "-q", "--preset", "call-centre", file])
        let json = try #require(try JSONSerialization.jsonObject(with: report.stdoutBytes) as? [String: Any])
        let handle = try #require((json["summary"] as? [String: Any])?["handle_time"] as? [String: Any])
        #expect((handle["mean_seconds"] as? NSNumber)?.intValue == 116)
        #expect((handle["median_seconds"] as? NSNumber)?.intValue == 64)
    }

    /// Issue 12: the Comcast export's `Date` mixes orders as a spreadsheet re-save leaves it (`22-04-15`, but
    /// `04-08-15` is 8 April): 374 values prove day-first, the 126 ambiguous ones are read month-first, and the
    /// range is the export's April..June 2015 (computed by Scripts/real-export-figures.py), with one warning.
    @Test func aColumnThatMixesOrdersIsReadBothWaysWithOneWarning() throws {
        let comcast = BinaryRunner.fixture("real/comcast-fcc-complaints.csv")
        let output = try BinaryRunner.run(["report", "-f", "json", comcast])
        #expect(output.status == 0)
        let report = try ReportJSON(output.stdoutBytes)
        #expect(report.string("range.from") == "2015-04-01T13:26:53Z")
        #expect(report.string("range.to") == "2015-06-30T22:30:02Z")
        let warnings: [String] = output.stderr.split(separator: "\n").filter { $0.contains("warning:") }.map(String.init)
        var expected: String = "\(comcast):3: warning: dates mix orders, as a spreadsheet re-save leaves them: 374 values "
        expected += "can only be read day-first, but the 126 ambiguous ones (such as '04-08-15') fall in the "
        expected += "same months (2015-04 to 2015-06) only when read month-first; read 126 ambiguous values "
        expected += "in the first 500 records month-first and the rest the one way they can be read. If that "
        expected += "is wrong, force one order with --day-month-order day-first or month-first [column \"Date\"]"
        #expect(warnings == [expected])
        let validate = try BinaryRunner.run(["validate", comcast])
        #expect(validate.stdout.contains("  dates read day-first (a day above 12; 126 ambiguous values read month-first: "
                                         + "the column mixes orders)\n"))
        // The report's data section says what was decided.
        let text = try BinaryRunner.run(["report", "-q", "-f", "markdown", comcast])
        #expect(text.stdout.contains("| Dates | \(comcast) 'Date': day-first; 126 ambiguous values read month-first: "
                                     + "the column mixes orders |"))
        // A forced order is kept: all day-first, 4 January .. 6 December, no warning.
        let forced = try BinaryRunner.run(["report", "-f", "json", "--day-month-order", "day-first", comcast])
        let forcedReport = try ReportJSON(forced.stdoutBytes)
        #expect(forcedReport.string("range.from") == "2015-01-04T13:26:53Z")
        #expect(forcedReport.string("range.to") == "2015-12-06T23:52:11Z")
        #expect(!forced.stderr.contains("warning:"))
    }

    /// Issue 12: an export with no creation-time column. The usage error names the sampled columns that hold
    /// timestamps (`Date of Purchase` holds dates only); none is mapped by itself.
    @Test func noOpenedAtNamesTheColumnsHoldingTimestamps() throws {
        let helpdesk = BinaryRunner.fixture("real/helpdesk-customer-support-tickets.csv")
        let output = try BinaryRunner.run(["report", helpdesk])
        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        var expected = "contactstat: error: \(helpdesk): no column gives opened_at (when each contact was opened); "
        expected += "columns: 'Ticket ID', 'Customer Name', 'Customer Email', 'Customer Age', 'Customer Gender', "
        expected += "'Product Purchased', 'Date of Purchase', 'Ticket Type', 'Ticket Subject', 'Ticket Description', "
        expected += "'Ticket Status', 'Resolution', 'Ticket Priority', 'Ticket Channel', 'First Response Time', "
        expected += "'Time to Resolution', 'Customer Satisfaction Rating'; columns holding timestamps: "
        expected += "'First Response Time', 'Time to Resolution'; name one with --map opened_at=COLUMN or pick a "
        expected += "--preset\nsee 'contactstat report --help'\n"
        #expect(output.stderr == expected)
        // With them named: 2023-06-01 00:06:56 .. 23:59:00, median resolution 27 355 s over the 77 tickets
        // resolved after their first response (Scripts/real-export-figures.py).
        let mapped = try BinaryRunner.run(["report", "-f", "json", "-q", "--map", "opened_at=First Response Time",
                                           "--map", "closed_at=Time to Resolution", helpdesk])
        #expect(mapped.status == 0)
        let report = try ReportJSON(mapped.stdoutBytes)
        #expect(report.string("range.from") == "2023-06-01T00:06:56Z")
        #expect(report.string("range.to") == "2023-06-01T23:59:00Z")
        #expect(report.double("summary.resolution_time.median_seconds") == 27_355)
    }

    /// Without a column of timestamps, columns of dates are named; with neither, no candidate is named.
    @Test func noOpenedAtNamesDateColumnsOrNothing() throws {
        let dates = "id,Purchase day,Note\n1,2024-03-04,x\n2,05/03/2024,y\n3,,z\n"
        let withDates = try BinaryRunner.run(["validate", "-"], stdin: Data(dates.utf8))
        #expect(withDates.status == 64)
        #expect(withDates.stderr.contains("columns: 'id', 'Purchase day', 'Note'; columns holding dates: 'Purchase day'; name one with"))
        let none = try BinaryRunner.run(["validate", "-"], stdin: Data("id,Note\n1,x\n".utf8))
        #expect(none.status == 64)
        #expect(none.stderr.contains("columns: 'id', 'Note'; name one with --map opened_at=COLUMN or pick a --preset"))
    }
}
