import Foundation
import Testing

/// The backlog through the binary on the ServiceNow incident event log (84 incidents after keeping each
/// number's last event, all opened on 2016-02-29), against figures computed with DuckDB by
/// `Scripts/backlog-reference.py`: open at the end of the day (2016-03-01 00:00Z) and of ISO week 2016-W09
/// (2016-03-07 00:00Z), with the median and p90 age in days, by queue (assignment group) too.
@Suite struct BacklogRealExportTests {
    static let file = "Fixtures/real/servicenow-incident-event-log.csv"

    static func report(period: String, threads: String) throws -> ReportJSON {
        let result = try BinaryRunner.run(["report", "-f", "json", "--preset", "servicenow", "--period", period,
                                           "--threads", threads, Self.file])
        #expect(result.status == 0, "\(result.stderr)")
        return try ReportJSON(result.stdoutBytes)
    }

    static func queue(_ report: ReportJSON, _ name: String) -> [String: Any]? {
        report.objects("queues").first { $0["queue"] as? String == name }
    }

    static func number(_ row: [String: Any]?, _ key: String) -> Double? {
        (row?[key] as? NSNumber)?.doubleValue
    }

    @Test(arguments: ["1", "4"]) func backlogAtTheEndOfTheDayMatchesDuckDB(threads: String) throws {
        let report = try Self.report(period: "day", threads: threads)
        #expect(report.int("summary.backlog") == 64)
        #expect(report.double("summary.backlog_age_median_days") == 0.6104)
        #expect(report.double("summary.backlog_age_p90_days") == 0.6646)
        let period = report.objects("periods").first
        #expect((period?["backlog"] as? NSNumber)?.intValue == 64)
        let group54 = Self.queue(report, "Group 54"), group24 = Self.queue(report, "Group 24")
        #expect(Self.number(group54, "backlog") == 23)
        #expect(Self.number(group54, "backlog_age_median_days") == 0.5903)
        #expect(Self.number(group54, "backlog_age_p90_days") == 0.6382)
        #expect(Self.number(group24, "backlog") == 6)
        #expect(Self.number(group24, "backlog_age_median_days") == 0.6104)
        #expect(Self.number(group24, "backlog_age_p90_days") == 0.8056)
        // Two incidents end Resolved or Closed without a resolved_at: in no backlog, counted.
        #expect(report.int("input.closed_without_closed_at") == 2)
        #expect(report.int("input.state_unknown") == 0)
    }

    @Test func backlogAtTheEndOfTheWeekMatchesDuckDB() throws {
        let report = try Self.report(period: "week", threads: "2")
        #expect(report.int("summary.backlog") == 12)
        #expect(report.double("summary.backlog_age_median_days") == 6.6104)
        #expect(report.double("summary.backlog_age_p90_days") == 6.6507)
        let group66 = Self.queue(report, "Group 66")
        #expect(Self.number(group66, "backlog") == 3)
        #expect(Self.number(group66, "backlog_age_median_days") == 6.6396)
        #expect(Self.number(group66, "backlog_age_p90_days") == 6.6507)
        // An incident resolved within the week is in no queue's backlog.
        #expect(Self.number(Self.queue(report, "Group 54"), "backlog") == 0)
    }
}
