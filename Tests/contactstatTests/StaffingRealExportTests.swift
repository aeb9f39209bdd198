import Foundation
import Testing

/// The staffing plan through the binary on the call-centre sample (500 calls, 1-9 January 2021, UTC), against
/// `Scripts/staffing-reference.py` (polars, and Erlang C written with exact factorials): mean talk time
/// 183.93 s; Friday and Saturday occur twice in the covered days, the other weekdays once.
@Suite struct StaffingRealExportTests {
    @Test func agentsNeededMatchTheReference() throws {
        let result = try BinaryRunner.run(["report", "-f", "json", "--preset", "call-centre",
                                           "Fixtures/real/call-centre-trends-2021.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try ReportJSON(result.stdoutBytes)
        #expect(report.double("staffing.service_level") == 0.8)
        #expect(report.double("staffing.shrinkage") == 0.3)
        // 216 avoidable calls x 183.93 s / 3,600.
        #expect(report.double("staffing.avoidable_agent_hours") == 11.0358)
        #expect(report.double("summary.avoidable_agent_hours") == 11.0358)
        let channels = report.objects("staffing.channels")
        #expect(channels.count == 1)
        #expect(channels.first?["channel"] as? String == "phone")
        #expect((channels.first?["handle_time_mean_seconds"] as? NSNumber)?.doubleValue == 183.93)
        let cells = (channels.first?["cells"] as? [[String: Any]]) ?? []
        #expect(cells.count == 64)
        func cell(_ weekday: Int, _ hour: Int) -> [Int] {
            let found = cells.first { ($0["weekday"] as? NSNumber)?.intValue == weekday && ($0["hour"] as? NSNumber)?.intValue == hour }
            return ["hours", "contacts", "agents", "scheduled"].map { (found?[$0] as? NSNumber)?.intValue ?? -1 }
        }
        #expect(cell(1, 9) == [1, 6, 2, 3])
        #expect(cell(5, 12) == [2, 20, 2, 3])
        #expect(cell(6, 11) == [2, 26, 2, 3])
        #expect(cell(5, 16) == [2, 2, 1, 2])
    }
}

/// Phone-queue figures by hour of day through the binary on the call-centre sample, against
/// `Scripts/phone-hours-reference.py` (polars).
@Suite struct PhoneHoursRealExportTests {
    @Test func phoneHoursMatchTheReference() throws {
        let result = try BinaryRunner.run(["report", "-f", "json", "--preset", "call-centre",
                                           "Fixtures/real/call-centre-trends-2021.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let hours = try ReportJSON(result.stdoutBytes).objects("phone_hours")
        #expect(hours.map { ($0["hour"] as? NSNumber)?.intValue ?? -1 } == Array(9...18))
        func figures(_ hour: Int) -> [Double?] {
            let row = hours.first { ($0["hour"] as? NSNumber)?.intValue == hour }
            return ["answered", "abandoned", "abandon_rate", "average_speed_of_answer_seconds", "service_level"].map {
                (row?[$0] as? NSNumber)?.doubleValue
            }
        }
        #expect(figures(9) == [39, 11, 0.22, 69.1538, 0.12])
        #expect(figures(11) == [75, 17, 0.1848, 69.88, 0.0543])
        #expect(figures(16) == [26, 8, 0.2353, 75.6923, 0.0294])
        #expect(figures(18) == [2, 0, 0, 94.5, 0])
    }
}
