import Foundation
import Testing
@testable import ContactAnalytics

/// The `opening_hours` and `holidays` sections: read into the business calendar in the run's time zone, and
/// every mistake reported with its key path and place in the file.
@Suite struct OpeningHoursSettingsTests {
    @Test func sectionsBecomeTheBusinessCalendar() throws {
        let settings = try RunSettingsTests.settings(RequestedSettings(files: ["x.csv"]), """
            {
              "timezone": "Europe/Helsinki",
              "opening_hours": { "phone": "Mo-Fr 08:00-18:00", "all": "Mo-Fr 09:00-17:00; Sa 10:00-14:00",
                                 "web": "24/7" },
              "holidays": { "country": "fi", "extra": ["2024-12-23"] }
            }
            """)
        guard var calendar = settings.metrics.businessCalendar else {
            Issue.record("no business calendar")
            return
        }
        #expect(calendar.timeZone.identifier == "Europe/Helsinki")
        #expect(calendar.configured.map(\.key) == ["phone", "all", "web"])
        #expect(calendar.hours(of: .email)?.text == "Mo-Fr 09:00-17:00; Sa 10:00-14:00")
        #expect(calendar.holidays?.country == .finland)
        #expect(calendar.extraClosedDays == [CivilDate(year: 2024, month: 12, day: 23)])
        // Saturday 2024-06-01 11:00 EEST (08:00Z): e-mail (all) open, phone closed.
        let saturday = BusinessCalendarTests.utc("2024-06-01T08:00:00Z")
        #expect(calendar.state(at: saturday, channel: .email) == .open)
        #expect(calendar.state(at: saturday, channel: .phone) == .closedHours)
    }

    @Test func noSectionsNoCalendar() throws {
        #expect(try RunSettingsTests.settings().metrics.businessCalendar == nil)
    }

    @Test func mistakesAreLocated() {
        let cases: [(String, String)] = [
            (#"{"opening_hours": {"phnoe": "Mo-Fr 08:00-18:00"}}"#,
             "test.json:1:29: opening_hours: unknown channel 'phnoe'; did you mean 'phone'?"),
            (#"{"opening_hours": {"phone": "Mo-Fr 18:00-08:00"}}"#,
             "test.json:1:29: opening_hours.phone: 'Mo-Fr 18:00-08:00', character 7: the range closes before it opens"),
            (#"{"opening_hours": {"phone": 8}}"#, "test.json:1:29: opening_hours.phone: expected a string, found a number"),
            (#"{"holidays": {"country": "XX"}}"#,
             "test.json:1:26: holidays.country: no built-in holidays for 'XX'; known: FI, SE, NO, DK, DE, GB, US"),
            (#"{"holidays": {"extra": ["2024-02-30"]}}"#,
             "test.json:1:25: holidays.extra[0]: expected a date as YYYY-MM-DD, found '2024-02-30'"),
            (#"{"holidays": {"contry": "FI"}}"#, "test.json:1:25: holidays: unknown key 'contry'; did you mean 'country'?"),
        ]
        for (text, message) in cases {
            do {
                _ = try RunSettingsTests.configuration(text)
                Issue.record("accepted \(text)")
            } catch let error as ContactStatError {
                #expect(error.kind == .configuration)
                #expect(error.description.hasPrefix(message), "\(error.description)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
