import Testing
@testable import ContactAnalytics

@Suite struct PublicHolidaysTests {
    private func dates(_ country: PublicHolidays.Country, _ year: Int) -> [String] {
        PublicHolidays(country: country).holidays(in: year).map(\.date.iso)
    }

    private func date(_ country: PublicHolidays.Country, _ year: Int, _ name: String) -> String? {
        PublicHolidays(country: country).holidays(in: year).first { $0.name == name }?.date.iso
    }

    /// Easter Sundays as published (e.g. by the US Naval Observatory), the earliest and latest possible included.
    @Test func easterByTheComputus() {
        let known = [(1818, "1818-03-22"), (1943, "1943-04-25"), (2000, "2000-04-23"), (2019, "2019-04-21"),
                     (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
                     (2038, "2038-04-25")]
        for (year, iso) in known { #expect(PublicHolidays.easterSunday(year).iso == iso) }
    }

    @Test func finlandMovingDays() {
        #expect(dates(.finland, 2024) == [
            "2024-01-01", "2024-01-06", "2024-03-29", "2024-03-31", "2024-04-01", "2024-05-01", "2024-05-09",
            "2024-05-19", "2024-06-21", "2024-06-22", "2024-11-02", "2024-12-06", "2024-12-24", "2024-12-25",
            "2024-12-26",
        ])
        #expect(date(.finland, 2025, "Midsummer Day") == "2025-06-21")
        #expect(date(.finland, 2025, "All Saints' Day") == "2025-11-01")
        #expect(date(.finland, 2025, "Ascension Day") == "2025-05-29")
        #expect(date(.finland, 2026, "Midsummer Eve") == "2026-06-19")
        #expect(date(.finland, 2026, "All Saints' Day") == "2026-10-31")
        #expect(date(.finland, 2026, "Good Friday") == "2026-04-03")
    }

    @Test func swedenHasItsNationalDayAndEves() {
        #expect(dates(.sweden, 2024) == [
            "2024-01-01", "2024-01-06", "2024-03-29", "2024-03-31", "2024-04-01", "2024-05-01", "2024-05-09",
            "2024-05-19", "2024-06-06", "2024-06-21", "2024-06-22", "2024-11-02", "2024-12-24", "2024-12-25",
            "2024-12-26", "2024-12-31",
        ])
        #expect(date(.sweden, 2025, "Midsummer Eve") == "2025-06-20")
    }

    @Test func norwayDenmarkGermany() {
        #expect(date(.norway, 2024, "Maundy Thursday") == "2024-03-28")
        #expect(date(.norway, 2024, "Whit Monday") == "2024-05-20")
        #expect(date(.norway, 2024, "Constitution Day") == "2024-05-17")
        #expect(date(.denmark, 2023, "Great Prayer Day") == "2023-05-05")
        #expect(date(.denmark, 2024, "Great Prayer Day") == nil)
        #expect(dates(.germany, 2024) == [
            "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-05-09", "2024-05-20", "2024-10-03",
            "2024-12-25", "2024-12-26",
        ])
    }

    /// gov.uk's bank holidays for England and Wales.
    @Test func englandAndWalesSubstituteAndProclaimedDays() {
        #expect(dates(.unitedKingdom, 2024) == [
            "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
            "2024-12-26",
        ])
        #expect(dates(.unitedKingdom, 2022) == [
            "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
            "2022-09-19", "2022-12-26", "2022-12-27",
        ])
        #expect(dates(.unitedKingdom, 2021).suffix(2) == ["2021-12-27", "2021-12-28"])
        #expect(date(.unitedKingdom, 2020, "Early May bank holiday") == "2020-05-08")
    }

    /// OPM's federal holidays; an observed New Year's Day can fall in the year before.
    @Test func unitedStatesObservedDays() {
        #expect(dates(.unitedStates, 2024) == [
            "2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02",
            "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25",
        ])
        let y2021 = dates(.unitedStates, 2021)
        #expect(y2021.contains("2021-06-18") && y2021.contains("2021-07-05") && y2021.contains("2021-12-24"))
        #expect(y2021.last == "2021-12-31")
        #expect(dates(.unitedStates, 2022).first == "2022-01-17")
        #expect(date(.unitedStates, 2020, "Juneteenth") == nil)
    }
}
