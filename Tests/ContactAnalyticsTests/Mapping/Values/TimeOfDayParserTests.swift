import Testing
@testable import ContactAnalytics

@Suite struct TimeOfDayParserTests {
    @Test(arguments: [
        ("09:12:58", 33_178), ("9:12:58", 33_178), ("9.12", 33_120), ("09.12.58", 33_178), ("18:46", 67_560),
        ("00:00", 0), ("23:59:59", 86_399), ("24:00", 86_400), ("24:00:00", 86_400), ("23:59:60", 86_400),
        ("18:46:09.123", 67_569), ("18.46.09,5", 67_569), ("klo 9.12", 33_120), (" 18:46 ", 67_560),
        ("2:08 PM", 50_880), ("2:08pm", 50_880), ("12:00 AM", 0), ("12:30 a.m.", 1800), ("12:00 PM", 43_200),
        ("11:59:59 PM", 86_399), ("1:00 p.m.", 46_800),
    ])
    func readsTimes(text: String, expected: Int) {
        #expect(TimeOfDayParser().parse(text) == expected)
    }

    @Test(arguments: ["", "9", "25:00", "24:01", "24:00:01", "12:60", "12:00:61", "13:00 PM", "0:30 AM",
                      "9:5", "9:123", "09.12:58", "12:00 noon", "12:00 AMX", "x12:00", "123:00", "12:00:5"])
    func rejectsUnreadable(text: String) {
        #expect(TimeOfDayParser().parse(text) == nil, "\(text)")
    }
}
