import Testing
@testable import ContactAnalytics

/// Times and durations as a spreadsheet saves them: fractions of a day, durations formatted as times.
@Suite struct SpreadsheetTimeEvidenceTests {
    static func evidence(_ values: [String]) -> SpreadsheetTimeEvidence {
        var evidence = SpreadsheetTimeEvidence()
        for value in values { evidence.observe(value) }
        return evidence
    }

    @Test func aColumnOfFractionsIsReadAsFractionsOfADay() {
        let fractions = Self.evidence(["0.38400462962963", "0.46", "", "0.5", ".25"])
        #expect(fractions.values == 4)
        #expect(fractions.timeOfDayIsDayFraction)
        // `H.MM` times: `9.12` has an hour, so `0.46` there is 00:46.
        #expect(!Self.evidence(["9.12", "0.46", "14.30"]).timeOfDayIsDayFraction)
        #expect(!Self.evidence(["09:12:58", "0.46", "10:00:29"]).timeOfDayIsDayFraction)
        #expect(!Self.evidence([]).timeOfDayIsDayFraction)
    }

    @Test func aDurationColumnSavedAsTimesOfDay() {
        #expect(Self.evidence(["12:02:23 AM", "12:04:02 AM", "00:02:23"]).durationIsTimeOfDay)
        #expect(!Self.evidence(["0:02:23", "0:04:02", "12:00:37 AM"]).durationIsTimeOfDay)
        // Fractions with five decimals or more and none above 1; seconds and short minute values are not.
        #expect(Self.evidence(["0.00165509259259259", "0.0028009259", "0"]).durationIsDayFraction)
        #expect(!Self.evidence(["143", "0.00165509259259259", "0.0028009259"]).durationIsDayFraction)
        #expect(!Self.evidence(["0.5", "0.25", "0.75"]).durationIsDayFraction)
    }

    /// 0.38400462962963 × 86 400 = 33 178.0 s = 09:12:58; 0.46 × 86 400 = 39 744 s = 11:02:24.
    @Test func timeOfDayParserReadsDayFractionsWhenTold() {
        let fractions = TimeOfDayParser(readsDayFractions: true)
        #expect(fractions.parse("0.38400462962963") == 33_178)
        #expect(fractions.parse("0.46") == 39_744)
        #expect(fractions.parse("0,5") == 43_200)
        #expect(fractions.parse("1") == 86_400)
        #expect(fractions.parse("0") == 0)
        #expect(fractions.parse("09:12:58") == 33_178)
        #expect(fractions.parse("1.5") == nil)
        #expect(fractions.parse("0.46x") == nil)
        // Without the column's evidence, `0.46` is `H.MM`: 00:46.
        #expect(TimeOfDayParser().parse("0.46") == 2_760)
        #expect(TimeOfDayParser().parse("0.38400462962963") == nil)
    }

    /// 2021-01-01 + 09:12:58 UTC = 1 609 492 378.
    @Test func aDateAndAFractionColumnMakeATimestamp() {
        var parser = TimestampParser()
        #expect(parser.parse(date: "01-01-2021", time: "0.38400462962963") == nil)
        parser.timeOfDay.readsDayFractions = true
        #expect(parser.parse(date: "01-01-2021", time: "0.38400462962963") == 1_609_492_378)
        #expect(parser.parse(date: "01-01-2021", time: "09:12:58") == 1_609_492_378)
    }

    @Test func durationParserReadsSpreadsheetForms() {
        #expect(DurationParser().parse("12:02:23 AM") == nil)
        var clock = DurationParser()
        clock.readsTimeOfDay = true
        #expect(clock.parse("12:02:23 AM") == 143)
        #expect(clock.parse("1:15:00 AM") == 4_500)
        #expect(clock.parse("12:30:00 PM") == 45_000)
        #expect(clock.parse("00:02:23") == 143)
        #expect(clock.parse("143") == 143)
        var fractions = DurationParser()
        fractions.readsDayFractions = true
        #expect(fractions.parse("0.00165509259259259") == 143)
        #expect(fractions.parse("0") == 0)
        #expect(fractions.parse("2:23") == 143)
    }

    /// The call-centre log as a spreadsheet saved it: the mapper decides per column from the observed records.
    @Test func theMapperDecidesPerColumn() throws {
        var mapper = try MappingTestSupport.mapper(["call id", "date", "time", "avgtalkduration"],
                                                   MappingOptions(preset: .callCentre))
        let rows = [["ID0001", "01-01-2021", "0.38400462962963", "12:02:23 AM"],
                    ["ID0002", "01-01-2021", "0.38400462962963", "12:04:02 AM"],
                    ["ID0013", "01-02-2021", "0.46", "00:02:23"]]
        for row in rows { mapper.observe(RawRecord(fields: row)) }
        _ = mapper.decideDateOrder()
        #expect(mapper.timeForms == [.openedTime: "fractions of a day (0.5 = 12:00)",
                                     .handleTime: "times of day (12:02:23 AM = 2 min 23 s)"])
        let first = try #require(MappingTestSupport.contact(MappingTestSupport.map(&mapper, rows[0]).outcome))
        #expect(first.openedAt == 1_609_492_378)
        #expect(first.handleTimeSeconds == 143)
        // The call-centre preset is month-first (its file's dashed dates are too): 01-02-2021 = 2021-01-02
        // (1 609 545 600) + 11:02:24 (39 744) = 1 609 585 344.
        let last = try #require(MappingTestSupport.contact(MappingTestSupport.map(&mapper, rows[2]).outcome))
        #expect(last.openedAt == 1_609_585_344)
        #expect(last.handleTimeSeconds == 143)
    }
}
