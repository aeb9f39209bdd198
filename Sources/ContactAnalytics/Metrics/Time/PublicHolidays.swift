/// The days a country's customer service is closed, computed for any year (never a list that expires):
/// fixed dates, Easter and the days counted from it (Western computus), and days that move with the weekday
/// (Midsummer, All Saints' Day in the Nordics, Monday bank holidays, US federal holidays).
///
/// | code | country | days |
/// | --- | --- | --- |
/// | `FI` | Finland | New Year's Day, Epiphany (6.1), Good Friday, Easter Sunday and Monday, May Day (1.5), Ascension, Whit Sunday, Midsummer Eve (Friday 19-25.6) and Day (Saturday 20-26.6), All Saints' Day (Saturday 31.10-6.11), Independence Day (6.12), Christmas Eve, Christmas Day, St Stephen's Day |
/// | `SE` | Sweden | New Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, May Day, Ascension, Whit Sunday, National Day (6.6), Midsummer Eve (Friday 19-25.6) and Day (Saturday 20-26.6), All Saints' Day (Saturday 31.10-6.11), Christmas Eve, Christmas Day, Boxing Day, New Year's Eve |
/// | `NO` | Norway | New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and Monday, May Day, Constitution Day (17.5), Ascension, Whit Sunday and Monday, Christmas Eve, Christmas Day, Boxing Day |
/// | `DK` | Denmark | New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and Monday, Great Prayer Day (Easter + 26, until 2023), Ascension, Whit Sunday and Monday, Constitution Day (5.6), Christmas Eve, Christmas Day, Boxing Day |
/// | `DE` | Germany, national days only | New Year's Day, Good Friday, Easter Monday, Labour Day (1.5), Ascension, Whit Monday, German Unity Day (3.10), Christmas Day, Boxing Day |
/// | `GB` | United Kingdom, England and Wales | New Year's Day, Good Friday, Easter Monday, the early May (first Monday), spring (last Monday of May) and summer (last Monday of August) bank holidays, Christmas Day, Boxing Day; a day on a weekend is substituted by the next weekday; the bank holidays moved or added by proclamation in 2002, 2011, 2012, 2020, 2022 and 2023 |
/// | `US` | United States, federal | New Year's Day, Martin Luther King Jr. Day (third Monday of January, from 1986), Washington's Birthday (third Monday of February), Memorial Day (last Monday of May), Juneteenth (19.6, from 2021), Independence Day (4.7), Labor Day (first Monday of September), Columbus Day (second Monday of October), Veterans Day (11.11), Thanksgiving (fourth Thursday of November), Christmas Day; a day on a Saturday is observed on the Friday before, on a Sunday the Monday after |
///
/// The Nordic eves (Christmas Eve; Midsummer Eve in Finland and Sweden; New Year's Eve in Sweden) and
/// Denmark's Constitution Day are not all statutory holidays, but customer service is closed on them by custom,
/// so they count as closed. Regional holidays (German Länder, Scotland) and one-off days go in the
/// configuration's `holidays.extra`.
public struct PublicHolidays: Sendable, Equatable {
    /// The countries with built-in holidays.
    public enum Country: String, Sendable, CaseIterable {
        case finland = "FI", sweden = "SE", norway = "NO", denmark = "DK", germany = "DE", unitedKingdom = "GB"
        case unitedStates = "US"
    }

    /// One closed day.
    public struct Holiday: Sendable, Equatable {
        public var date: CivilDate
        public var name: String
    }

    public let country: Country

    public init(country: Country) {
        self.country = country
    }

    /// Easter Sunday of `year` (Gregorian calendar), by the anonymous Gregorian computus
    /// (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }

    /// The closed days of `year`, in date order (a US holiday of January 1st observed on December 31st is in
    /// the year of that December).
    public func holidays(in year: Int) -> [Holiday] {
        var all = days(of: year) + days(of: year + 1)
        if year > 1 { all += days(of: year - 1) }
        var seen = Set<CivilDate>()
        return all.filter { $0.date.year == year && seen.insert($0.date).inserted }.sorted { $0.date < $1.date }
    }

    /// The closed days that the rules of `year` give (an observed day may fall in the year before).
    private func days(of year: Int) -> [Holiday] {
        let easter = Self.easterSunday(year).daysSinceEpoch
        func fixed(_ month: Int, _ day: Int, _ name: String) -> Holiday {
            Holiday(date: CivilDate(year: year, month: month, day: day), name: name)
        }
        func easterOffset(_ days: Int, _ name: String) -> Holiday {
            Holiday(date: CivilDate(daysSinceEpoch: easter + days), name: name)
        }
        /// The first day on or after `month`/`day` that is ISO weekday index `weekday` (0 = Monday).
        func weekdayOnOrAfter(_ month: Int, _ day: Int, _ weekday: Int, _ name: String) -> Holiday {
            let start = CivilDate(year: year, month: month, day: day)
            let shift = (weekday - start.weekdayFromMonday + 7) % 7
            return Holiday(date: CivilDate(daysSinceEpoch: start.daysSinceEpoch + shift), name: name)
        }
        /// The `n`th (1-based) weekday of a month; `n = 0` for the last one.
        func nthWeekday(_ n: Int, _ weekday: Int, _ month: Int, _ name: String) -> Holiday {
            if n == 0 {
                let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
                let back = (last.weekdayFromMonday - weekday + 7) % 7
                return Holiday(date: CivilDate(daysSinceEpoch: last.daysSinceEpoch - back), name: name)
            }
            let first = weekdayOnOrAfter(month, 1, weekday, name)
            return Holiday(date: CivilDate(daysSinceEpoch: first.date.daysSinceEpoch + 7 * (n - 1)), name: name)
        }
        let midsummerEve = weekdayOnOrAfter(6, 19, 4, "Midsummer Eve")
        let midsummerDay = weekdayOnOrAfter(6, 20, 5, "Midsummer Day")
        let allSaints = weekdayOnOrAfter(10, 31, 5, "All Saints' Day")

        switch country {
        case .finland:
            return [fixed(1, 1, "New Year's Day"), fixed(1, 6, "Epiphany"), easterOffset(-2, "Good Friday"),
                    easterOffset(0, "Easter Sunday"), easterOffset(1, "Easter Monday"), fixed(5, 1, "May Day"),
                    easterOffset(39, "Ascension Day"), easterOffset(49, "Whit Sunday"), midsummerEve, midsummerDay,
                    allSaints, fixed(12, 6, "Independence Day"), fixed(12, 24, "Christmas Eve"),
                    fixed(12, 25, "Christmas Day"), fixed(12, 26, "St Stephen's Day")]
        case .sweden:
            return [fixed(1, 1, "New Year's Day"), fixed(1, 6, "Epiphany"), easterOffset(-2, "Good Friday"),
                    easterOffset(0, "Easter Sunday"), easterOffset(1, "Easter Monday"), fixed(5, 1, "May Day"),
                    easterOffset(39, "Ascension Day"), easterOffset(49, "Whit Sunday"), fixed(6, 6, "National Day"),
                    midsummerEve, midsummerDay, allSaints, fixed(12, 24, "Christmas Eve"),
                    fixed(12, 25, "Christmas Day"), fixed(12, 26, "Boxing Day"), fixed(12, 31, "New Year's Eve")]
        case .norway:
            return [fixed(1, 1, "New Year's Day"), easterOffset(-3, "Maundy Thursday"), easterOffset(-2, "Good Friday"),
                    easterOffset(0, "Easter Sunday"), easterOffset(1, "Easter Monday"), fixed(5, 1, "May Day"),
                    fixed(5, 17, "Constitution Day"), easterOffset(39, "Ascension Day"),
                    easterOffset(49, "Whit Sunday"), easterOffset(50, "Whit Monday"), fixed(12, 24, "Christmas Eve"),
                    fixed(12, 25, "Christmas Day"), fixed(12, 26, "Boxing Day")]
        case .denmark:
            var days = [fixed(1, 1, "New Year's Day"), easterOffset(-3, "Maundy Thursday"),
                        easterOffset(-2, "Good Friday"), easterOffset(0, "Easter Sunday"),
                        easterOffset(1, "Easter Monday"), easterOffset(39, "Ascension Day"),
                        easterOffset(49, "Whit Sunday"), easterOffset(50, "Whit Monday"),
                        fixed(6, 5, "Constitution Day"), fixed(12, 24, "Christmas Eve"),
                        fixed(12, 25, "Christmas Day"), fixed(12, 26, "Boxing Day")]
            if year <= 2023 { days.append(easterOffset(26, "Great Prayer Day")) }
            return days
        case .germany:
            return [fixed(1, 1, "New Year's Day"), easterOffset(-2, "Good Friday"), easterOffset(1, "Easter Monday"),
                    fixed(5, 1, "Labour Day"), easterOffset(39, "Ascension Day"), easterOffset(50, "Whit Monday"),
                    fixed(10, 3, "German Unity Day"), fixed(12, 25, "Christmas Day"), fixed(12, 26, "Boxing Day")]
        case .unitedKingdom:
            return englandAndWales(year, easter: easter, fixed: fixed, nthWeekday: nthWeekday)
        case .unitedStates:
            return unitedStates(year, fixed: fixed, nthWeekday: nthWeekday)
        }
    }

    private func englandAndWales(_ year: Int, easter: Int, fixed: (Int, Int, String) -> Holiday,
                                 nthWeekday: (Int, Int, Int, String) -> Holiday) -> [Holiday] {
        /// The date moved to the next Monday when it falls on a weekend (`skipping` days already taken).
        func substitute(_ holiday: Holiday, skipping taken: Set<CivilDate>) -> Holiday {
            var day = holiday.date.daysSinceEpoch
            while CivilDate(daysSinceEpoch: day).weekdayFromMonday >= 5 || taken.contains(CivilDate(daysSinceEpoch: day)) {
                day += 1
            }
            return Holiday(date: CivilDate(daysSinceEpoch: day), name: holiday.name)
        }
        let christmas = substitute(fixed(12, 25, "Christmas Day"), skipping: [])
        let boxing = substitute(fixed(12, 26, "Boxing Day"), skipping: [christmas.date])
        var days = [substitute(fixed(1, 1, "New Year's Day"), skipping: []),
                    Holiday(date: CivilDate(daysSinceEpoch: easter - 2), name: "Good Friday"),
                    Holiday(date: CivilDate(daysSinceEpoch: easter + 1), name: "Easter Monday"),
                    nthWeekday(1, 0, 5, "Early May bank holiday"), nthWeekday(0, 0, 5, "Spring bank holiday"),
                    nthWeekday(0, 0, 8, "Summer bank holiday"), christmas, boxing]
        // Moved or added by royal proclamation.
        func replace(_ name: String, with date: CivilDate) {
            if let index = days.firstIndex(where: { $0.name == name }) { days[index].date = date }
        }
        switch year {
        case 2002:
            replace("Spring bank holiday", with: CivilDate(year: 2002, month: 6, day: 4))
            days.append(fixed(6, 3, "Golden Jubilee"))
        case 2011: days.append(fixed(4, 29, "Royal wedding"))
        case 2012:
            replace("Spring bank holiday", with: CivilDate(year: 2012, month: 6, day: 4))
            days.append(fixed(6, 5, "Diamond Jubilee"))
        case 2020: replace("Early May bank holiday", with: CivilDate(year: 2020, month: 5, day: 8))
        case 2022:
            replace("Spring bank holiday", with: CivilDate(year: 2022, month: 6, day: 2))
            days.append(fixed(6, 3, "Platinum Jubilee"))
            days.append(fixed(9, 19, "State Funeral of Queen Elizabeth II"))
        case 2023: days.append(fixed(5, 8, "Coronation of King Charles III"))
        default: break
        }
        return days
    }

    private func unitedStates(_ year: Int, fixed: (Int, Int, String) -> Holiday,
                              nthWeekday: (Int, Int, Int, String) -> Holiday) -> [Holiday] {
        /// Saturday to the Friday before, Sunday to the Monday after.
        func observed(_ holiday: Holiday) -> Holiday {
            let day = holiday.date.daysSinceEpoch
            switch holiday.date.weekdayFromMonday {
            case 5: return Holiday(date: CivilDate(daysSinceEpoch: day - 1), name: holiday.name)
            case 6: return Holiday(date: CivilDate(daysSinceEpoch: day + 1), name: holiday.name)
            default: return holiday
            }
        }
        var days = [observed(fixed(1, 1, "New Year's Day"))]
        if year >= 1986 { days.append(nthWeekday(3, 0, 1, "Martin Luther King Jr. Day")) }
        days += [nthWeekday(3, 0, 2, "Washington's Birthday"), nthWeekday(0, 0, 5, "Memorial Day")]
        if year >= 2021 { days.append(observed(fixed(6, 19, "Juneteenth"))) }
        days += [observed(fixed(7, 4, "Independence Day")), nthWeekday(1, 0, 9, "Labor Day"),
                 nthWeekday(2, 0, 10, "Columbus Day"), observed(fixed(11, 11, "Veterans Day")),
                 nthWeekday(4, 3, 11, "Thanksgiving Day"), observed(fixed(12, 25, "Christmas Day"))]
        return days
    }
}
