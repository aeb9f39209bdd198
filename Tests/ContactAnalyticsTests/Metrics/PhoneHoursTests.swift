import Foundation
import Testing
@testable import ContactAnalytics

/// Phone-queue figures by local hour of day, hand-computed in Europe/Helsinki around the change to summer time
/// (Sunday 31.3.2024): answered within 20 s counts for the service level, a short abandon (within 20 s) is left
/// out of its denominator.
///
/// | call | opened (UTC) | local | answered | wait |
/// | --- | --- | --- | --- | --- |
/// | c1 | Sun 31.3 05:30 | 08:30 EEST | yes | 10 s |
/// | c2 | Sat 30.3 06:30 | 08:30 EET | yes | 30 s |
/// | c3 | Fri 29.3 06:10 (Good Friday) | 08:10 EET | no | 5 s |
/// | c4 | Sun 31.3 06:00 | 09:00 EEST | no | – |
/// | m1 | e-mail, no answered value | | | |
///
/// Hour 08: 2 answered, 1 abandoned, abandon rate 1/3, ASA (10 + 30) / 2 = 20 s, service level 1 / (2 + 1 - 1)
/// = 0.5. Hour 09: 1 abandoned, abandon rate 1, no ASA and no service level (no answered call with a wait).
@Suite struct PhoneHoursTests {
    @Test func phoneFiguresByLocalHour() throws {
        func call(_ id: String, _ opened: String, _ answered: Bool?, _ wait: Double?, _ channel: Channel = .phone) -> ContactRecord {
            ContactRecord(contactID: id, openedAt: BusinessCalendarTests.utc(opened), channel: channel,
                          answered: answered, waitSeconds: wait)
        }
        let contacts = [
            call("c1", "2024-03-31T05:30:00Z", true, 10), call("c2", "2024-03-30T06:30:00Z", true, 30),
            call("c3", "2024-03-29T06:10:00Z", false, 5), call("c4", "2024-03-31T06:00:00Z", false, nil),
            call("m1", "2024-03-31T07:00:00Z", nil, nil, .email),
        ]
        var configuration = MetricsConfiguration()
        configuration.timeZone = OpeningHoursMetricsTests.helsinki
        var engine = ContactMetricsEngine(configuration: configuration, causes: [])
        for contact in contacts { engine.add(contact, cause: -1) }
        let report = try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 5, rowsRejected: 0,
                                                           duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 5))
        #expect(report.phoneHours.map(\.key) == ["08", "09"])
        let eight = report.phoneHours[0].metrics, nine = report.phoneHours[1].metrics
        #expect(eight.answered == 2 && eight.abandoned == 1)
        #expect(eight.abandonRate == Ratio(1, of: 3))
        #expect(eight.averageSpeedOfAnswer == 20)
        #expect(eight.serviceLevel == Ratio(1, of: 2))
        #expect(nine.answered == 0 && nine.abandoned == 1)
        #expect(MetricCatalog.abandonRate.value(of: nine) == .real(1))
        #expect(MetricCatalog.averageSpeedOfAnswer.value(of: nine) == .real(nil))
        #expect(MetricCatalog.serviceLevel.value(of: nine) == .real(nil))
        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"phone_hours\": ["))
        let csv = CSVReportRenderer().render(report)
        #expect(csv.contains("phone_hours,hour,08,service_level,0.5"))
    }
}
