import Foundation
import Testing

/// First-reply time in business hours through the binary on the help-desk analytics export (500 tickets with
/// `first_response_minutes`), against `Scripts/business-first-reply-reference.py` (polars): opening hours
/// Mo-Fr 06:00-22:00 UTC, no holidays.
@Suite struct BusinessFirstReplyRealExportTests {
    @Test func businessFirstReplyMatchesTheReference() throws {
        let directory = try TemporaryDirectory()
        let configuration = directory.path("contactstat.json")
        try Data(#"{ "timezone": "UTC", "opening_hours": { "all": "Mo-Fr 06:00-22:00" } }"#.utf8)
            .write(to: URL(fileURLWithPath: configuration))
        let result = try BinaryRunner.run(["report", "-f", "json", "--config", configuration,
                                           "Fixtures/real/support-analytics-tickets-2024.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try ReportJSON(result.stdoutBytes)
        #expect(report.int("summary.first_replies") == 500)
        #expect(report.double("summary.first_reply_time_median_seconds") == 1824.6299)
        #expect(report.double("summary.business_first_reply_time_median_seconds") == 0)
        #expect(report.double("summary.business_first_reply_time_p90_seconds") == 5524)
        func channel(_ name: String) -> Double? {
            (report.objects("channels").first { $0["channel"] as? String == name }?["business_first_reply_time_median_seconds"]
                as? NSNumber)?.doubleValue
        }
        #expect(channel("phone") == 80)
        #expect(channel("email") == 60)
        #expect(channel("self_service") == 117)
        #expect(channel("chat") == 0)
    }
}
