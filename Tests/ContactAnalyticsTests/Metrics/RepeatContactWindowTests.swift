import Testing
@testable import ContactAnalytics

/// The window's defaults and how it is written back, in one place.
@Suite struct RepeatContactWindowTests {
    @Test func theStandardWindowIsSevenDaysSameCause() {
        #expect(RepeatContactWindow.standard.seconds == 604_800)
        #expect(RepeatContactWindow.standard.scope == .cause)
        #expect(MetricsConfiguration().window == .standard)
        #expect(ReportFormat.standard == .text)
    }

    @Test(arguments: [(604_800, "7d"), (259_200, "3d"), (90_000, "25h"), (5_400, "90m"), (45, "45s"), (0, "0d")])
    func durationTextUsesTheLargestWholeUnit(seconds: Int64, text: String) {
        #expect(RepeatContactWindow(seconds: seconds, scope: .any).durationText == text)
    }

    @Test func fractionalDaysRoundToTheSecond() {
        #expect(RepeatContactWindow(days: 1.5, scope: .cause).seconds == 129_600)
        #expect(RepeatContactWindow(days: 1.5, scope: .cause).days == 1.5)
    }
}
