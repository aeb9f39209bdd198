import Foundation
import Testing
@testable import ContactAnalytics

/// Arrivals, contacts outside opening hours, repeats after them and both resolution clocks, hand-computed on
/// seven contacts in Europe/Helsinki around Easter 2024 (Good Friday 29.3 and Easter Monday 1.4 are Finnish
/// holidays; clocks go forward on Sunday 31.3 at 03:00 EET = 01:00Z). Phone and e-mail are open
/// Mo-Fr 08:00-16:00; chat has no hours.
///
/// | id | customer | channel | opened (local) | state | closed (local) | calendar | business |
/// | --- | --- | --- | --- | --- | --- | --- | --- |
/// | k1 | A | phone | Thu 28.3 15:00 EET | open | Tue 2.4 09:00 EEST | 406,800 s | 1 h Thu + 1 h Tue = 7,200 s |
/// | k2 | A | email | Fri 29.3 10:00 EET | holiday | – | | |
/// | k3 | A | phone | Sat 30.3 12:00 EET | closed hours | – | | |
/// | k4 | B | email | Sun 31.3 05:00 EEST | holiday (Easter Sunday) | Mon 8.4 09:00 EEST | 705,600 s | Tue-Fri 4 x 8 h + Mon 1 h = 118,800 s (Easter Monday closed) |
/// | k5 | C | chat | Tue 2.4 10:00 EEST | no hours | Tue 2.4 11:00 | 3,600 s | – |
/// | k6 | B | email | Tue 2.4 09:30 EEST | open | – | | |
/// | k7 | D | phone | Fri 12.1 17:00 EET | closed hours | Mon 15.1 09:00 EET | 230,400 s | 0 Fri + 1 h Mon = 3,600 s (a weekend between) |
///
/// Repeats (7 days, same cause): k2 repeats k1 (open), k3 repeats k2 (holiday), k6 repeats k4 (holiday):
/// 3 repeats, 2 of them after an out-of-hours contact.
@Suite struct OpeningHoursMetricsTests {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki") ?? .gmt

    static func contacts() -> [ContactRecord] {
        func c(_ id: String, _ customer: String, _ channel: Channel, _ opened: String, _ closed: String? = nil) -> ContactRecord {
            ContactRecord(contactID: id, openedAt: BusinessCalendarTests.utc(opened),
                          closedAt: closed.map(BusinessCalendarTests.utc), customer: customer, channel: channel)
        }
        return [
            c("k1", "A", .phone, "2024-03-28T13:00:00Z", "2024-04-02T06:00:00Z"),
            c("k2", "A", .email, "2024-03-29T08:00:00Z"),
            c("k3", "A", .phone, "2024-03-30T10:00:00Z"),
            c("k4", "B", .email, "2024-03-31T02:00:00Z", "2024-04-08T06:00:00Z"),
            c("k5", "C", .chat, "2024-04-02T07:00:00Z", "2024-04-02T08:00:00Z"),
            c("k6", "B", .email, "2024-04-02T06:30:00Z"),
            c("k7", "D", .phone, "2024-01-12T15:00:00Z", "2024-01-15T07:00:00Z"),
        ]
    }

    static func report(hours: Bool = true) throws -> ContactReport {
        var configuration = MetricsConfiguration()
        configuration.timeZone = helsinki
        if hours {
            configuration.businessCalendar = try BusinessCalendarTests.calendar(
                [("phone", "Mo-Fr 08:00-16:00"), ("email", "Mo-Fr 08:00-16:00")])
        }
        let cause = CauseDescriptor(path: "billing/invoice", name: "Invoice", process: "Billing", avoidable: false)
        var engine = ContactMetricsEngine(configuration: configuration, causes: [cause])
        for contact in contacts() { engine.add(contact, cause: 0) }
        return try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 7, rowsRejected: 0,
                                                     duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 7))
    }

    @Test func outsideHoursAndRepeatsAfterThem() throws {
        let report = try Self.report()
        let s = report.summary
        #expect(s.outsideHours == Ratio(4, of: 6))
        #expect(s.outsideHoursHoliday == 2)
        #expect(s.repeats == 3)
        #expect(s.repeatsAfterOutsideHours == 2)
        func channel(_ name: String) -> MetricSet? { report.channels.first { $0.key == name }?.metrics }
        #expect(channel("phone")?.outsideHours == Ratio(2, of: 3))
        #expect(channel("email")?.outsideHours == Ratio(2, of: 3))
        #expect(channel("phone")?.repeatsAfterOutsideHours == 1)
        #expect(channel("email")?.repeatsAfterOutsideHours == 1)
        // Chat has no hours: no value, not 0.
        if let chat = channel("chat") {
            #expect(MetricCatalog.outsideHours.value(of: chat) == .real(nil))
            #expect(MetricCatalog.outsideHoursRate.value(of: chat) == .real(nil))
        } else {
            Issue.record("no chat row")
        }
        #expect(report.definitions.openingHours.map(\.key) == ["phone", "email"])
        #expect(report.definitions.holidays == "FI")
    }

    @Test func bothResolutionClocks() throws {
        let s = try Self.report().summary
        // Calendar: 3,600, 230,400, 406,800, 705,600 s: median (230,400 + 406,800) / 2, p90 the 4th.
        #expect(s.resolutionTimeMedian == 318_600)
        #expect(s.resolutionTimeP90 == 705_600)
        // Business: 3,600, 7,200, 118,800 s (chat has no hours): median the 2nd, p90 the 3rd.
        #expect(s.businessResolutionTimeMedian == 7_200)
        #expect(s.businessResolutionTimeP90 == 118_800)
    }

    /// Local weekday and hour, with daylight saving: k4 at 02:00Z on 31.3 is 05:00 EEST, not 04:00.
    @Test func arrivalsByLocalWeekdayAndHour() throws {
        let grid = try Self.report().arrivals
        #expect(grid.total == 7)
        let expected: [(Int, Int)] = [(4, 15), (5, 10), (6, 12), (7, 5), (2, 10), (2, 9), (5, 17)]
        for (weekday, hour) in expected { #expect(grid.contacts(weekday: weekday, hour: hour) == 1, "\(weekday) \(hour)") }
        #expect(grid.contacts(weekday: 7, hour: 4) == 0)
        #expect(grid.contacts(weekday: 7, hour: 5, channel: .email) == 1)
        #expect(grid.contacts(weekday: 7, hour: 5, channel: .phone) == 0)
        #expect(grid.channels.map(\.channel) == [.phone, .email, .chat])
        #expect(grid.weekend == Ratio(2, of: 7))
        #expect(grid.evening == Ratio(0, of: 7))
        // Ties keep the week's order: Tue 09, Tue 10, Thu 15.
        #expect(grid.busiest(3).map(\.label) == ["Tue 09:00-10:00", "Tue 10:00-11:00", "Thu 15:00-16:00"])
    }

    /// Without opening hours: no outside-hours figure, no business clock, and the definitions say so.
    @Test func withoutOpeningHoursNothingIsZero() throws {
        let report = try Self.report(hours: false)
        let s = report.summary
        #expect(s.outsideHours == Ratio(0, of: 0))
        #expect(MetricCatalog.outsideHours.value(of: s) == .real(nil))
        #expect(MetricCatalog.repeatsAfterOutsideHours.value(of: s) == .real(nil))
        #expect(s.businessResolutionTimeMedian == nil && s.businessResolutionTimeP90 == nil)
        #expect(report.arrivals.total == 7)
        let facts = ReportContent(report: report).definitions
        #expect(facts.contains { $0.label == "Opening hours" && $0.value == "not configured" })
        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"outside_hours\": null"))
        #expect(json.contains("\"opening_hours\": null"))
    }

    /// The JSON `arrivals` object: ISO weekday 1-7, hour 0-23, per channel.
    @Test func jsonArrivals() throws {
        let document = JSONReportRenderer().render(try Self.report())
        #expect(document.contains("\"arrivals\": {"))
        #expect(document.contains("\"outside_hours\": 4,"))
        #expect(document.contains("\"outside_hours_rate\": 0.6667,"))
        #expect(document.contains("\"repeats_after_outside_hours\": 2,"))
        #expect(document.contains("\"business_resolution_time_median_seconds\": 7200,"))
        let cell = """
              {
                "weekday": 7,
                "hour": 5,
                "contacts": 1,
                "channels": {
                  "email": 1
                }
              }
        """
        #expect(document.contains(cell))
        let csv = CSVReportRenderer().render(try Self.report())
        #expect(csv.contains("arrivals,weekday_hour,7-05,contacts,1\r\n"))
        #expect(csv.contains("arrivals,weekday_hour,7-05,contacts_email,1\r\n"))
        #expect(csv.contains("summary,,,outside_hours,4\r\n"))
        #expect(csv.contains("definitions,,,opening_hours.phone,Mo-Fr 08:00-16:00\r\n"))
    }
}

/// The HTML heatmap and the text table of the arrivals, on the report fixture.
@Suite struct ArrivalsRenderingTests {
    @Test func heatmapShadesAgainstTheBusiestCell() throws {
        let report = ReportFixture.report
        let html = HTMLReportRenderer().render(report)
        let busiest = try #require(report.arrivals.busiest(1).first)
        #expect(busiest.contacts == report.arrivals.counts.max())
        #expect(html.contains("<td class=\"num heat8\">\(busiest.contacts)</td>"))
        // Sunday 03:00 has no contact: the lightest class and no number.
        #expect(report.arrivals.contacts(weekday: 7, hour: 3) == 0)
        #expect(html.contains("<td class=\"num heat0\"></td>"))
        #expect(html.contains("<table id=\"table-arrivals\" class=\"heatmap\">"))
        // Seven weekday rows, each with 24 hour cells and a total.
        let rows = html.components(separatedBy: "<table id=\"table-arrivals\"")[1].components(separatedBy: "</table>")[0]
        #expect(rows.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 7)
        #expect(rows.components(separatedBy: "class=\"num heat").count - 1 == 7 * 24)
    }

    @Test func textTableHasEveryHourAndTheBusiestNamed() {
        let text = TextReportRenderer().render(ReportFixture.report)
        let section = text.components(separatedBy: "Arrivals by hour and weekday (Europe/Helsinki)")[1]
            .components(separatedBy: "Opening hours:")[0]
        for hour in 0..<24 { #expect(section.contains("\n\(hour < 10 ? "0" : "")\(hour):00 ")) }
        #expect(section.contains("Busiest hour "))
        #expect(section.contains("3rd busiest "))
        #expect(!section.contains("more hours"))
        // The Total column sums to the contacts.
        #expect(ReportFixture.arrivals.total == ReportFixture.totalContacts)
    }
}
