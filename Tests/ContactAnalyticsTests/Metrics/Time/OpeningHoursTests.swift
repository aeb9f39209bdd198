import Testing
@testable import ContactAnalytics

@Suite struct OpeningHoursTests {
    private func minutes(_ hours: OpeningHours, _ weekday: Int) -> [[Int]] {
        hours.ranges[weekday].map { [$0.start, $0.end] }
    }

    @Test func rulesDaysAndRanges() throws {
        let hours = try OpeningHours(parsing: "Mo-Fr 08:00-12:00,13:00-18:00; Sa 10:00-14:00")
        #expect(minutes(hours, 0) == [[480, 720], [780, 1080]])
        #expect(minutes(hours, 4) == [[480, 720], [780, 1080]])
        #expect(minutes(hours, 5) == [[600, 840]])
        #expect(hours.ranges[6].isEmpty)
        #expect(hours.minutesPerWeek == 5 * 540 + 240)
        #expect(hours.isOpen(weekday: 0, minute: 479) == false)
        #expect(hours.isOpen(weekday: 0, minute: 480))
        #expect(hours.isOpen(weekday: 0, minute: 720) == false)
        #expect(hours.isOpen(weekday: 0, minute: 1079))
        #expect(hours.isOpen(weekday: 0, minute: 1080) == false)
    }

    @Test func laterRulesReplaceDaysAndOffCloses() throws {
        let hours = try OpeningHours(parsing: "mo-su 9:00-17:00; Fr 09:00-15:00; Su off;")
        #expect(minutes(hours, 3) == [[540, 1020]])
        #expect(minutes(hours, 4) == [[540, 900]])
        #expect(hours.ranges[6].isEmpty)
        let wrap = try OpeningHours(parsing: "Fr-Mo 00:00-24:00, 10:00-12:00")
        #expect(minutes(wrap, 4) == [[0, 1440]] && minutes(wrap, 0) == [[0, 1440]])
        #expect(wrap.ranges[1].isEmpty && wrap.ranges[3].isEmpty)
        let list = try OpeningHours(parsing: "Mo,We 08:00-10:00")
        #expect(!list.ranges[0].isEmpty && list.ranges[1].isEmpty && !list.ranges[2].isEmpty)
    }

    @Test func alwaysOpen() throws {
        let hours = try OpeningHours(parsing: " 24/7 ")
        #expect(hours.isAlwaysOpen)
        #expect(hours.minutesPerWeek == 7 * 1440)
    }

    @Test func errorsNameThePosition() {
        let cases: [(String, String, Int)] = [
            ("", "expected a day", 1),
            ("Mx 08:00-10:00", "unknown day 'Mx'", 1),
            ("Mo-Fr", "expected a time such as 08:00 or 'off'", 6),
            ("Mo-Fr 8-10", "expected a time such as 08:00 (hours:minutes)", 7),
            ("Mo-Fr 08:00 18:00", "expected '-' after the opening time", 13),
            ("Mo-Fr 18:00-08:00", "the range closes before it opens", 7),
            ("Mo 08:00-24:30", "no such time of day: 24:30", 10),
            ("Mo 08:5-09:00", "expected two digits of minutes", 4),
            ("Mo 24:00-24:00", "a range cannot open at 24:00", 4),
            ("Mo 08:00-10:00 Tu 08:00-10:00", "expected ';' between rules", 16),
        ]
        for (text, message, position) in cases {
            #expect(throws: OpeningHours.SyntaxError.self) { try OpeningHours(parsing: text) }
            do {
                _ = try OpeningHours(parsing: text)
            } catch {
                #expect(error.message.hasPrefix(message), "\(text): \(error.message)")
                #expect(error.position == position, "\(text): \(error.position)")
            }
        }
    }
}
