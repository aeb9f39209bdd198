import Testing
@testable import ContactAnalytics

/// `DurationParser.parse` reads a whole number of up to 15 digits at once: it gives exactly what every form's
/// reading (`parseAnyForm`) gives, in every unit, at the maximum and around it, and leaves anything else
/// (blanks, signs, fractions, 16 digits, units, spreadsheet forms) to it.
@Suite struct DurationWholeNumberTests {
    static func both(_ parser: DurationParser, _ text: String) -> (Double?, Double?) {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let view = UnsafeBufferPointer(buffer)
            return (parser.parse(view), parser.parseAnyForm(view))
        }
    }

    @Test func wholeNumbersReadAsEveryFormReads() {
        var texts = (0...100_000).map { String($0) }
        texts += ["0000494", "00", "86400", "86401", "999999999999999", "9999999999999999", "123456789012345",
                  " 494", "494 ", "+494", "-494", "494.5", "4,5", "494s", "1:02", "", " ", "٣", "１２", "4\u{0}",
                  "PT5M", "12:02:23 AM", "0.5"]
        var wrong: [String] = []
        for unit in DurationParser.Unit.allCases {
            for maximum: Double in [86_400, 400 * 86_400, 1e18] {
                let parser = DurationParser(defaultUnit: unit, maximumSeconds: maximum)
                for text in texts {
                    let (fast, any) = Self.both(parser, text)
                    if fast != any { wrong.append("\(unit) \(maximum) '\(text)'") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func spreadsheetFormsAreNotTakenForWholeNumbers() {
        var fractions = DurationParser()
        fractions.readsDayFractions = true
        #expect(Self.both(fractions, "1").0 == 86_400)
        #expect(Self.both(fractions, "0").0 == 0)
        #expect(Self.both(fractions, "2").0 == nil)
        var clock = DurationParser()
        clock.readsTimeOfDay = true
        #expect(Self.both(clock, "494").0 == 494)
        #expect(Self.both(DurationParser(defaultUnit: .minutes), "3").0 == 180)
        #expect(Self.both(DurationParser(defaultUnit: .milliseconds), "494").0 == 494 * 0.001)
        #expect(Self.both(DurationParser(), "86401").0 == nil)
        #expect(DurationParser.wholeNumber(UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }
}
