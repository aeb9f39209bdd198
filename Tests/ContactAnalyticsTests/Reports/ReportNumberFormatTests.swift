import Testing
@testable import ContactAnalytics

@Suite struct ReportNumberFormatTests {
    let format = ReportNumberFormat(currency: "EUR")

    @Test(arguments: [
        (0.7142, "71.4 %"), (0.71449, "71.4 %"), (0.71451, "71.5 %"), (1.0, "100.0 %"), (0.0, "0.0 %"),
        (-0.0004, "0.0 %"), (-0.05, "-5.0 %"), (0.00049, "0.0 %"),
    ])
    func percentages(value: Double, expected: String) {
        #expect(format.percent(value) == expected)
    }

    @Test func missingValuesAreAnEnDashNeverNaN() {
        #expect(format.percent(Ratio(3, of: 0)) == "–")
        #expect(format.percent(Double?.none) == "–")
        #expect(format.percent(Double.nan) == "–")
        #expect(format.money(.infinity) == "–")
        #expect(format.moneyWithCurrency(nil) == "–")
        #expect(format.duration(nil) == "–")
        #expect(format.duration(-1) == "–")
        #expect(format.percentagePoints(nil) == "–")
        #expect(format.growth(nil) == "–")
        #expect(ReportNumberFormat.fraction(.nan) == nil)
    }

    @Test(arguments: [
        (31_540.0, "31,540.00"), (0.005, "0.01"), (0.004, "0.00"), (999.995, "1,000.00"), (1_234_567.891, "1,234,567.89"),
        (-1_234.5, "-1,234.50"), (12.0, "12.00"), (-0.001, "0.00"),
    ])
    func money(value: Double, expected: String) {
        #expect(format.money(value) == expected)
    }

    @Test func moneyWithCurrencyAndSigns() {
        #expect(format.moneyWithCurrency(31_540) == "EUR 31,540.00")
        #expect(ReportNumberFormat(currency: "").moneyWithCurrency(5) == "5.00")
        #expect(format.signedMoney(1_250) == "+1,250.00")
        #expect(format.signedMoney(-30.1) == "-30.10")
        #expect(format.signedMoney(0) == "0.00")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (4_210, "4,210"), (1_234_567, "1,234,567"), (-12_345, "-12,345")])
    func counts(value: Int, expected: String) {
        #expect(format.count(value) == expected)
    }

    @Test func signedChanges() {
        #expect(format.signedCount(12) == "+12")
        #expect(format.signedCount(-3) == "-3")
        #expect(format.signedCount(0) == "0")
        #expect(format.percentagePoints(0.021) == "+2.1 pp")
        #expect(format.percentagePoints(-0.004) == "-0.4 pp")
        #expect(format.percentagePoints(0.0004) == "0.0 pp")
        #expect(format.growth(0.125) == "+12.5 %")
        #expect(format.growth(-1) == "-100.0 %")
    }

    @Test(arguments: [(0.0, "0 s"), (45.4, "45 s"), (390, "6 min 30 s"), (14_700, "4 h 05 min"), (190_800, "2 d 05 h")])
    func durations(seconds: Double, expected: String) {
        #expect(format.duration(seconds) == expected)
    }

    @Test(arguments: [
        (0.734, "0.734"), (1.0, "1"), (0.0, "0"), (-0.05, "-0.05"), (0.123456, "0.1235"), (7.5, "7.5"), (-0.00001, "0"),
        (412.3, "412.3"),
    ])
    func fractions(value: Double, expected: String) {
        #expect(ReportNumberFormat.fraction(value) == expected)
    }

    @Test func fixedKeepsItsDecimals() {
        #expect(ReportNumberFormat.fixed(31_540, places: 2) == "31540.00")
        #expect(ReportNumberFormat.fixed(0.5, places: 0) == "1")
        #expect(ReportNumberFormat.fixed(-2.25, places: 1) == "-2.3")
        #expect(ReportNumberFormat.fixed(1e300, places: 2)?.hasPrefix("9") == true)
    }

    @Test func timestampsInTheReportZone() {
        let helsinki = ReportTimestampFormat(timeZoneIdentifier: "Europe/Helsinki")
        #expect(helsinki.iso8601(1_770_016_320) == "2026-02-02T09:12:00+02:00")
        #expect(helsinki.iso8601(1_782_900_000) == "2026-07-01T13:00:00+03:00")   // summer time
        #expect(helsinki.display(1_770_016_320) == "2026-02-02 09:12")
        let unknown = ReportTimestampFormat(timeZoneIdentifier: "Mars/Olympus")
        #expect(unknown.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(unknown.iso8601(-1) == "1969-12-31T23:59:59Z")
        #expect(unknown.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
    }
}
