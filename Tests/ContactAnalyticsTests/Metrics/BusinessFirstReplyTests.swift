import Foundation
import Testing
@testable import ContactAnalytics

/// First-reply time in business hours beside the calendar one, hand-computed in Europe/Helsinki with phone open
/// Mo-Fr 08:00-16:00 and Finnish holidays (chat has no hours), by the same business calendar as resolution:
///
/// | id | channel | opened (local) | first reply (local) | calendar | business |
/// | --- | --- | --- | --- | --- | --- |
/// | r1 | phone | Thu 28.3.2024 15:00 EET | Tue 2.4 09:00 EEST (Good Friday, a weekend with the change to summer time, Easter Monday between) | 406,800 s | 1 h Thu + 1 h Tue = 7,200 s |
/// | r2 | phone | Fri 12.1 17:00 EET | Mon 15.1 09:00 | 230,400 s | 0 Fri + 1 h Mon = 3,600 s |
/// | r3 | phone | Wed 10.1 10:00 | Wed 10.1 10:30 | 1,800 s | 1,800 s |
/// | r4 | chat | Wed 10.1 11:00 | 60 s later | 60 s | – (no hours) |
/// | r5 | phone | Wed 10.1 12:00 | none (missing) | – | – |
///
/// Business: 1,800, 3,600, 7,200: median 3,600, p90 (3rd of 3) 7,200. Calendar: 60, 1,800, 230,400, 406,800:
/// median 116,100, p90 (4th of 4) 406,800.
@Suite struct BusinessFirstReplyTests {
    static func report() throws -> ContactReport {
        func c(_ id: String, _ channel: Channel, _ opened: String, _ reply: Double?) -> ContactRecord {
            ContactRecord(contactID: id, openedAt: BusinessCalendarTests.utc(opened), customer: id, channel: channel,
                          firstReplySeconds: reply)
        }
        let contacts = [
            c("r1", .phone, "2024-03-28T13:00:00Z", 406_800),
            c("r2", .phone, "2024-01-12T15:00:00Z", 230_400),
            c("r3", .phone, "2024-01-10T08:00:00Z", 1_800),
            c("r4", .chat, "2024-01-10T09:00:00Z", 60),
            c("r5", .phone, "2024-01-10T10:00:00Z", nil),
        ]
        var configuration = MetricsConfiguration()
        configuration.timeZone = OpeningHoursMetricsTests.helsinki
        configuration.businessCalendar = try BusinessCalendarTests.calendar([("phone", "Mo-Fr 08:00-16:00")])
        var engine = ContactMetricsEngine(configuration: configuration, causes: [])
        for contact in contacts { engine.add(contact, cause: -1) }
        return try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 5, rowsRejected: 0,
                                                     duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 5))
    }

    @Test func bothFirstReplyClocks() throws {
        let report = try Self.report()
        let s = report.summary
        #expect(s.firstReplies == 4)
        #expect(s.firstReplyTimeMedian == 116_100)
        #expect(s.firstReplyTimeP90 == 406_800)
        #expect(s.businessFirstReplyTimeMedian == 3_600)
        #expect(s.businessFirstReplyTimeP90 == 7_200)
        func channel(_ name: String) -> MetricSet? { report.channels.first { $0.key == name }?.metrics }
        #expect(channel("phone")?.businessFirstReplyTimeMedian == 3_600)
        // Chat has no opening hours: no business time, not 0.
        #expect(channel("chat")?.businessFirstReplyTimeMedian == nil)
        #expect(MetricCatalog.businessFirstReplyTimeMedian.value(of: report.summary) == .real(3_600))
        #expect(MetricCatalog.businessFirstReplyTimeP90.value(of: report.summary) == .real(7_200))
        let text = TextReportRenderer().render(report)
        #expect(text.contains("First reply, business"))
    }
}
