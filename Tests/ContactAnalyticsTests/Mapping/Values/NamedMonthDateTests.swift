import Testing
@testable import ContactAnalytics

/// Dates with the month's name between separators, as Jira's CSV export and spreadsheets write them.
@Suite struct NamedMonthDateTests {
    @Test(arguments: [
        // Jira: 2024-03-12 15:04Z = 1 710 255 840.
        ("12/Mar/24 3:04 PM", EpochSeconds(1_710_255_840)), ("12/mar/2024 15:04", 1_710_255_840),
        ("12-Mar-2024", 1_710_201_600), ("12.Mar.2024", 1_710_201_600), ("1/Mar/24 12:05 AM", 1_709_251_500),
        ("31-Dec-99 23:59:59", 946_684_799), ("29-Feb-2024 12:00", 1_709_208_000),
        // The spaced form still reads as before.
        ("12 Mar 2024", 1_710_201_600),
    ])
    func reads(text: String, expected: EpochSeconds) {
        var parser = TimestampParser()
        #expect(parser.parse(text) == expected)
    }

    @Test(arguments: ["12/Mar-24", "12/Foo/24", "30/Feb/24", "12/Mar/2", "12/Mar/24 25:00", "12/Mar/24x"])
    func rejects(text: String) {
        var parser = TimestampParser()
        #expect(parser.parse(text) == nil)
    }
}
