import Foundation
import Testing

/// `contactstat report` on `Fixtures/e2e/week.csv`, through the built binary.
///
/// The fixture, with the cause the built-in taxonomy gives each subject (A = avoidable cause), CSAT on 1–5:
///
/// ```
///      opened (UTC)         cust ch     cause                          A  handle csat  repeat of
/// T01  02-02 09:00:00       C1   phone  delivery/where-is-my-order     A  300    2
/// T02  02-04 10:00:00       C1   email  delivery/where-is-my-order     A  240    -     T01 (2 d 1 h)
/// T03  02-11 10:00:00       C1   chat   delivery/where-is-my-order     A  600    1     T02 (exactly 7 d: window edge, inclusive)
/// T04  02-20 09:00:00       C1   phone  billing/invoice-question          180    5
/// T05  02-03 08:00:00       C2   email  billing/duplicate-charge       A  420    -
/// T06  02-10 08:00:01       C2   email  billing/duplicate-charge       A  360    3     - (T05 is 7 d + 1 s before: outside)
/// T07  02-12 12:00:00       C2   phone  billing/duplicate-charge       A  500    4     T06
/// T08  02-08 23:59:59       C3   chat   account/login-problem          A  200    -
/// T09  02-09 00:00:00       C3   chat   account/login-problem          A  250    2     T08 (1 s; T08 is just before --since 2026-02-09)
/// T10  02-17 09:00:00       C3   web    delivery/change-delivery          -      5
/// T11  02-02 11:00:00       C4   phone  feedback/praise                   120    5
/// T12  02-05 13:00:00       C5   chat   delivery/change-delivery          300    4
/// T13  02-06 14:00:00       C6   email  unclassified                      -      -
/// T14  02-09 15:00:00       -    phone  delivery/where-is-my-order     A  330    -     (anonymous)
/// T15  02-10 16:00:00       C7   web    contract/cancel                   -      4
/// T16  02-13 10:00:00       C8   chat   unclassified                      90     -
/// T17  02-16 09:00:00       C9   email  returns/refund                 A  400    1
/// T18  02-18 09:00:00       C9   email  returns/refund                 A  420    2     T17
/// T19  02-19 09:00:00       C10  phone  technical/app-or-website-error A  600    3
/// T20  02-23 09:00:00       C10  phone  technical/app-or-website-error A  500    -     T19
/// T21  02-25 09:00:00       C11  web    delivery/where-is-my-order     A  -      5
/// T22  02-27 17:00:00       C1   email  delivery/where-is-my-order     A  200    -     - (T03 is 16 d before)
/// T23  02-07 10:00:00       C5   email  delivery/change-delivery          05:00  bad   T12 (a repeat in a value cause)
/// ```
@Suite struct ReportCommandTests {
    static let week = "Fixtures/e2e/week.csv"
    static let base = ["report", "--timezone", "UTC", "--no-color"]
    static let stderrSummary = "contactstat: 23 rows read, 23 contacts counted; coverage 91.3 % (21 of 23 classified)\n"

    @Test(arguments: [("text", "txt"), ("markdown", "md"), ("json", "json"), ("csv", "csv"), ("html", "html"),
                      ("html-email", "email.html")])
    func everyFormatMatchesItsGoldenFile(format: String, fileExtension: String) throws {
        let result = try BinaryRunner.run(Self.base + ["-f", format, Self.week])
        #expect(result.status == 0)
        #expect(result.stderr == Self.stderrSummary)
        GoldenFile.check(result.stdoutBytes, against: "report/week.\(fileExtension)")
    }

    @Test func jsonSummaryMatchesHandComputation() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", Self.week])
        #expect(result.status == 0)
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.string("schema") == "contactstat.report/1")
        #expect(json.value("input.files") as? [String] == [Self.week])
        #expect(json.int("input.rows_read") == 23)
        #expect(json.int("input.rows_rejected") == 0)
        #expect(json.int("input.duplicates_dropped") == 0)
        #expect(json.string("range.from") == "2026-02-02T09:00:00Z")
        #expect(json.string("range.to") == "2026-02-27T17:00:00Z")
        #expect(json.int("definitions.repeat_window_days") == 7)
        #expect(json.string("definitions.repeat_scope") == "cause")
        #expect(json.string("definitions.timezone") == "UTC")
        #expect(json.string("definitions.data_end") == "2026-02-27T17:00:00Z")

        // 23 rows, all with a readable opened_at; 11 customers (C1-C11); T14 is anonymous -> 22 identified.
        #expect(json.int("summary.contacts") == 23)
        #expect(json.int("summary.customers_identified") == 11)

        // Repeats (same customer, same cause, 0 <= gap <= 7 d): T02, T03 (edge), T07, T09, T18, T20, T23 = 7.
        // Not: T06 (7 d + 1 s after T05), T22 (16 d after T03). Rate = 7 / 22 identified = 0.31818.
        #expect(json.int("summary.repeat.count") == 7)
        #expect(json.int("summary.repeat.identified") == 22)
        expectRate(json.double("summary.repeat.rate"), 7, 22)

        // FCR: data_end = T22 02-27 17:00; evaluable = identified and opened <= 02-20 17:00
        // = 22 identified - T20, T21, T22 = 19. Not resolved (a same-cause contact follows within 7 d):
        // T01 (T02), T02 (T03, exactly 7 d), T06 (T07), T08 (T09), T12 (T23), T17 (T18), T19 (T20, itself
        // not evaluable but context) = 7. Resolved = 19 - 7 = 12 (T05 resolved: T06 comes 1 s too late).
        #expect(json.int("summary.fcr.evaluable") == 19)
        #expect(json.int("summary.fcr.resolved") == 12)
        expectRate(json.double("summary.fcr.rate"), 12, 19)

        // Avoidable: avoidable cause T01-T03, T05-T09, T14, T17-T22 = 15; repeat only: T23 (change-delivery is
        // value demand) = 1; 16 / 23 = 0.69565.
        #expect(json.int("summary.avoidable.count") == 16)
        #expect(json.int("summary.avoidable.by_cause") == 15)
        #expect(json.int("summary.avoidable.repeat_only") == 1)
        expectRate(json.double("summary.avoidable.rate"), 16, 23)

        // CSAT: scores on T01 2, T03 1, T04 5, T06 3, T07 4, T09 2, T10 5, T11 5, T12 4, T15 4, T17 1, T18 2,
        // T19 3, T21 5 (14 numeric) + T23 "bad" = 15 responses; satisfied (>= 4): T04 T07 T10 T11 T12 T15 T21
        // = 7; rate 7 / 15 = 0.46667; response rate 15 / 23; mean over numeric = 46 / 14 = 3.2857.
        // Wilson 95 %: centre (7/15 + 1.96²/30) / (1 + 1.96²/15) = 0.47346, half-width 0.22537.
        #expect(json.int("summary.csat.responses") == 15)
        #expect(json.int("summary.csat.satisfied") == 7)
        expectRate(json.double("summary.csat.rate"), 7, 15)
        expectRate(json.double("summary.csat.response_rate"), 15, 23)
        expectRate(json.double("summary.csat.mean"), 46, 14)
        #expect(json.double("summary.csat.ci_low") == 0.2481)
        #expect(json.double("summary.csat.ci_high") == 0.6988)

        // Cost, built-in model (per contact + per minute x minutes; default minutes when no handle time):
        // phone 1.00+0.90/min (6), email 0.80+0.80/min (8), chat 0.50+0.60/min (10), web 0.80+0.80/min (7).
        // T01 5.50 T02 4.00 T03 6.50 T04 3.70 T05 6.40 T06 5.60 T07 8.50 T08 2.50 T09 3.00 T10 6.40 T11 2.80
        // T12 3.50 T13 7.20 T14 5.95 T15 6.40 T16 1.40 T17 6.1333 T18 6.40 T19 10.00 T20 8.50 T21 6.40
        // T22 3.4667 T23 4.80 -> total 125.05; per contact 125.05 / 23 = 5.4370.
        // Avoidable cost = total - (T04 T10 T11 T12 T13 T15 T16 = 31.40) = 93.65.
        #expect(json.double("summary.cost.total") == 125.05)
        #expect(json.double("summary.cost.per_contact") == 5.44)
        #expect(json.double("summary.avoidable.cost") == 93.65)

        // Handle time over the 19 contacts with one: sum 6310 s -> mean 332.1053; median (10th) 300.
        expectRate(json.double("summary.handle_time.mean_seconds"), 6310, 19)
        #expect(json.double("summary.handle_time.median_seconds") == 300)
        // Resolution time T01 30 min, T02 2 h, T03 20 min, T04 10 min: median (1200+1800)/2; p90 rank 4 = 7200.
        #expect(json.double("summary.resolution_time.median_seconds") == 1500)
        #expect(json.double("summary.resolution_time.p90_seconds") == 7200)
        // Coverage: T13 and T16 unclassified -> 21 / 23.
        #expect(json.int("summary.classification.unclassified") == 2)
        expectRate(json.double("summary.classification.coverage"), 21, 23)
    }

    @Test func jsonBreakdownsMatchHandComputation() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", Self.week])
        let json = try ReportJSON(result.stdoutBytes)

        // Repeats in another channel: T02 phone->email, T03 email->chat, T07 email->phone, T23 chat->email.
        let switches = Set(json.objects("channel_switches").map {
            "\($0["from"] as? String ?? "?")->\($0["to"] as? String ?? "?"):\(($0["count"] as? NSNumber)?.intValue ?? -1)"
        })
        #expect(switches == ["phone->email:1", "email->chat:1", "email->phone:1", "chat->email:1"])

        // Channels: phone T01 T04 T07 T11 T14 T19 T20 = 7; email T02 T05 T06 T13 T17 T18 T22 T23 = 8;
        // chat T03 T08 T09 T12 T16 = 5; web T10 T15 T21 = 3.
        let channels = Dictionary(uniqueKeysWithValues: json.objects("channels").map {
            ($0["channel"] as? String ?? "?", ($0["contacts"] as? NSNumber)?.intValue ?? -1)
        })
        #expect(channels == ["phone": 7, "email": 8, "chat": 5, "web": 3])

        // delivery/where-is-my-order: T01 T02 T03 T14 T21 T22 = 6 contacts, repeats T02 T03; evaluable T01 T02
        // T03 (T14 anonymous, T21 T22 too new), resolved T03 only -> 1/3; cost 5.50+4.00+6.50+5.95+6.40+3.4667.
        let causes = json.objects("causes")
        let first = try #require(causes.first)
        #expect(first["cause"] as? String == "delivery/where-is-my-order")
        #expect((first["contacts"] as? NSNumber)?.intValue == 6)
        #expect((first["repeats"] as? NSNumber)?.intValue == 2)
        expectRate((first["fcr"] as? NSNumber)?.doubleValue, 1, 3)
        #expect((first["cost_total"] as? NSNumber)?.doubleValue == 31.82)
        // Sorted by cost_total, descending; every contact is in exactly one cause.
        let costs = causes.compactMap { ($0["cost_total"] as? NSNumber)?.doubleValue }
        #expect(costs == costs.sorted(by: >))
        #expect(causes.compactMap { ($0["contacts"] as? NSNumber)?.intValue }.reduce(0, +) == 23)
        let processCosts = json.objects("processes").compactMap { ($0["cost_total"] as? NSNumber)?.doubleValue }
        #expect(processCosts == processCosts.sorted(by: >))

        // ISO weeks: W06 (02-02..02-08) T01 T02 T05 T08 T11 T12 T13 T23 = 8; W07 T03 T06 T07 T09 T14 T15 T16 = 7;
        // W08 T04 T10 T17 T18 T19 = 5; W09 T20 T21 T22 = 3. Ascending.
        let periods = json.objects("periods").map { "\($0["period"] as? String ?? "?"):\(($0["contacts"] as? NSNumber)?.intValue ?? -1)" }
        #expect(periods == ["2026-W06:8", "2026-W07:7", "2026-W08:5", "2026-W09:3"])
    }

    /// `--since 2026-02-09` counts T09 (opened exactly at the boundary) but not T08 (one second before), and
    /// T08 still makes T09 a repeat.
    @Test func sinceCountsFromTheBoundaryAndKeepsEarlierContactsAsContext() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", "--since", "2026-02-09", Self.week])
        #expect(result.status == 0)
        #expect(result.stderr == "contactstat: 23 rows read, 15 contacts counted; coverage 93.3 % (14 of 15 classified)\n")
        let json = try ReportJSON(result.stdoutBytes)
        // Counted: T03 T04 T06 T07 T09 T10 T14 T15 T16 T17 T18 T19 T20 T21 T22 = 15.
        #expect(json.int("summary.contacts") == 15)
        #expect(json.string("range.from") == "2026-02-09T00:00:00Z")
        #expect(json.string("definitions.since") == "2026-02-09")
        // Repeats counted: T03 (of T02, before the range), T07, T09 (of T08, before the range), T18, T20 = 5,
        // of 14 identified (T14 anonymous).
        #expect(json.int("summary.repeat.count") == 5)
        expectRate(json.double("summary.repeat.rate"), 5, 14)
        // Evaluable: T03 T04 T06 T07 T09 T10 T15 T16 T17 T18 T19 = 11; not resolved T06 T17 T19 -> 8.
        #expect(json.int("summary.fcr.evaluable") == 11)
        #expect(json.int("summary.fcr.resolved") == 8)
        // Avoidable: T03 T06 T07 T09 T14 T17 T18 T19 T20 T21 T22 = 11, all by cause.
        #expect(json.int("summary.avoidable.count") == 11)
        #expect(json.int("summary.avoidable.repeat_only") == 0)
    }

    @Test func emptyRangeGivesNullRatesNotZero() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", "--since", "2026-03-09", Self.week])
        #expect(result.status == 0)
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.int("summary.contacts") == 0)
        #expect(json.isNull("range.from"))
        #expect(json.isNull("summary.fcr.rate"))
        #expect(json.int("summary.fcr.evaluable") == 0)
        #expect(json.isNull("summary.csat.rate"))
        #expect(json.isNull("summary.csat.mean"))
        #expect(json.isNull("summary.cost.per_contact"))
    }

    @Test func outputFileGetsTheReportAndStdoutStaysEmpty() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("report.json")
        let result = try BinaryRunner.run(Self.base + ["-f", "json", "--output", path, Self.week])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == Self.stderrSummary)
        let toStdout = try BinaryRunner.run(Self.base + ["-f", "json", Self.week])
        #expect(directory.contents("report.json") == toStdout.stdoutBytes)
        // `-o -` is standard output.
        let dash = try BinaryRunner.run(Self.base + ["-f", "json", "-o", "-", Self.week])
        #expect(dash.stdoutBytes == toStdout.stdoutBytes)
    }

    @Test func csvOutputDirectoryWritesTheContractFilesWithHeaders() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.path("sections")  // created by the command
        let result = try BinaryRunner.run(Self.base + ["--format", "csv", "--output-dir", target, Self.week])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        // (header prefix, data rows): 4 channels, 10 causes (9 + unclassified), 7 processes, 4 weeks, 4 switches.
        let expected: [String: (header: String, rows: Int?)] = [
            "summary.csv": ("section,metric,value\r\n", nil),
            "channels.csv": ("channel,contacts,share,", 4),
            "causes.csv": ("cause,name,process,avoidable_cause,contacts,", 10),
            "processes.csv": ("process,contacts,share,", 7),
            "periods.csv": ("period,start,partial,contacts,", 4),
            "channel_switches.csv": ("switch,from,to,count\r\n", 4),
        ]
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: target))
        #expect(names.isSuperset(of: expected.keys), "missing: \(Set(expected.keys).subtracting(names).sorted())")
        for (name, expectation) in expected {
            let text = String(decoding: FileManager.default.contents(atPath: target + "/" + name) ?? Data(), as: UTF8.self)
            #expect(text.hasPrefix(expectation.header), "\(name) starts with \(text.prefix(60).debugDescription)")
            if let rows = expectation.rows {
                #expect(text.split(separator: "\r\n").count == rows + 1, "\(name)")
            }
        }
        let summary = String(decoding: FileManager.default.contents(atPath: target + "/summary.csv") ?? Data(), as: UTF8.self)
        #expect(summary.contains("\r\nsummary,contacts,23\r\n"))
        #expect(summary.contains("\r\nsummary,fcr,0.6316\r\n"))
    }

    @Test func excelCommaDecimalPresetWritesBOMSemicolonsAndDecimalCommas() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "csv", "--spreadsheet", "excel-comma-decimal", Self.week])
        #expect(result.status == 0)
        #expect(Array(result.stdoutBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: result.stdoutBytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("section;dimension;key;metric;value\r\n"))
        #expect(text.contains("\r\nsummary;;;fcr;0,6316\r\n"))
        #expect(text.contains("\r\nsummary;;;cost_total;125,05\r\n"))
        #expect(!text.contains("summary,"))
    }

    /// Repeated contact ids: the input is read a second time to take the dropped occurrences out, from a file
    /// or from standard input (spooled), with rejects written and diagnostics printed once.
    @Test func duplicatesAreDroppedFromAFileAndFromStandardInputAlike() throws {
        let input = "Fixtures/broken/broken-rows.csv"
        let data = try #require(FileManager.default.contents(atPath: BinaryRunner.fixture("broken/broken-rows.csv")))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fromFile = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", "--rejects",
                                             directory.path("file.csv"), input])
        let fromStdin = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", "--rejects",
                                              directory.path("stdin.csv"), "-"], stdin: data)
        for (result, name) in [(fromFile, input), (fromStdin, "-")] {
            #expect(result.status == 0)
            let json = try ReportJSON(result.stdoutBytes)
            #expect(json.int("input.rows_read") == 7)
            #expect(json.int("input.rows_rejected") == 4)
            #expect(json.int("input.duplicates_dropped") == 1)
            #expect(json.int("summary.contacts") == 2)
            // T1's first occurrence (09:00, 300 s) is dropped, its last (next day, 240 s) kept; T6 has no
            // readable handle time. The range starts at T6 now.
            #expect(json.double("summary.handle_time.mean_seconds") == 240)
            #expect(json.double("summary.handle_time.median_seconds") == 240)
            #expect(json.string("range.from") == "2026-02-02T12:00:00Z")
            #expect(json.string("range.to") == "2026-02-03T09:00:00Z")
            let rejected = result.stderr.components(separatedBy: "\n").filter { $0.contains("record rejected") }
            #expect(rejected.count == 4, "\(result.stderr)")
            #expect(rejected.allSatisfy { $0.hasPrefix(name + ":") })
        }
        let fileText = String(decoding: fromFile.stdoutBytes, as: UTF8.self)
        #expect(fileText.replacingOccurrences(of: "\"\(input)\"", with: "\"-\"")
                == String(decoding: fromStdin.stdoutBytes, as: UTF8.self))
        let rows = { (name: String) in
            String(decoding: directory.contents(name) ?? Data(), as: UTF8.self).split(separator: "\r\n").count
        }
        #expect(rows("file.csv") == 5)
        #expect(rows("stdin.csv") == 5)
    }

    /// An input that cannot be read twice (a named pipe) is copied first, so dropping duplicates can read it
    /// again; a second `-` reads nothing, standard input being used up by the first (an empty input, as
    /// without the copy), never the same rows twice.
    @Test func aNamedPipeAndARepeatedDashAreReadOnce() throws {
        let input = BinaryRunner.fixture("broken/broken-rows.csv")
        let data = try #require(FileManager.default.contents(atPath: input))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.path("export.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$1\" > \"$2\"", "sh", input, fifo]
        try writer.run()
        let fromPipe = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", fifo])
        writer.waitUntilExit()
        #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
        let json = try ReportJSON(fromPipe.stdoutBytes)
        #expect(json.int("input.duplicates_dropped") == 1)
        #expect(json.int("summary.contacts") == 2)
        #expect(json.value("input.files") as? [String] == [fifo])
        #expect(fromPipe.stderr.contains(fifo + ":3: error: record rejected"))

        let twice = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", "-", "-"], stdin: data)
        #expect(twice.status == 65)
        #expect(twice.stderr.hasSuffix("contactstat: error: -: is empty\n"), "\(twice.stderr)")
    }

    @Test func rejectsFileGetsTheRejectedRowsWithReasons() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rejects = directory.path("rejects.csv")
        let input = "Fixtures/e2e/rejects.csv"
        let result = try BinaryRunner.run(["report", "-f", "json", "--rejects", rejects, input])
        #expect(result.status == 0)
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.int("input.rows_read") == 4)
        #expect(json.int("input.rows_rejected") == 2)
        #expect(json.int("summary.contacts") == 2)
        #expect(result.stderr.contains("rejects.csv:3: error: record rejected: opened_at is empty [column \"created_at\"]\n"))
        #expect(result.stderr.contains("rejects.csv:4: error: record rejected: opened_at 'yesterday' is not a readable timestamp [column \"created_at\"]\n"))
        let written = String(decoding: directory.contents("rejects.csv") ?? Data(), as: UTF8.self)
        #expect(written == """
            file,line,reason,column,ticket_id,created_at,customer_id,channel,subject\r
            Fixtures/e2e/rejects.csv,3,opened_at is empty,created_at,R2,,K2,email,Invoice is wrong\r
            Fixtures/e2e/rejects.csv,4,opened_at 'yesterday' is not a readable timestamp,created_at,R3,yesterday,K3,phone,Cannot log in\r

            """)
    }
}

/// Expects `actual` to be `numerator / denominator` as the report rounds it (4 decimals).
func expectRate(_ actual: Double?, _ numerator: Double, _ denominator: Double,
                sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = numerator / denominator
    guard let actual else {
        Issue.record("missing value; expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= 0.00005, "\(actual) is not \(numerator)/\(denominator) = \(expected)",
            sourceLocation: sourceLocation)
}
