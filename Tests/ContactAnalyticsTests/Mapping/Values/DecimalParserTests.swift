import Testing
@testable import ContactAnalytics

@Suite struct DecimalParserTests {
    @Test(arguments: [
        ("12.50", 12.5), ("12,50", 12.5), ("1 234,56", 1234.56), ("1\u{A0}234,56", 1234.56),
        ("1\u{202F}234,56", 1234.56), ("1,234.56", 1234.56), ("1.234,56", 1234.56), ("1'234.56", 1234.56),
        ("1,234,567.5", 1_234_567.5), ("1.234.567", 1_234_567), ("1,23,456.78", 123_456.78),
        ("€12.50", 12.5), ("€ 12.50", 12.5), ("12,50 €", 12.5), ("12.50 EUR", 12.5), ("USD 12.50", 12.5),
        ("$1,234", 1234), ("£3", 3), ("12 kr", 12), ("₹ 500", 500), ("¥1000", 1000),
        ("0", 0), ("0.5", 0.5), (".5", 0.5), (",5", 0.5), ("0,125", 0.125), ("1,234", 1234), ("1.234", 1234),
        ("12345,678", 12_345.678), ("1.2345", 1.2345), ("  7  ", 7), ("+3.5", 3.5), ("-0", 0),
    ])
    func readsNumbers(text: String, expected: Double) {
        #expect(DecimalParser().parse(text) == expected)
    }

    @Test(arguments: ["", "abc", "12.50.30", "1,234,56", "12,5.0", "1 23", "12 apples", "€", "12€€",
                      "1e5", "--5", "12-", "(12.50", "1.2.3,4,5", "1,2345,678", "€-", "EURO 12"])
    func rejectsUnreadable(text: String) {
        #expect(DecimalParser().parse(text) == nil, "\(text)")
    }

    @Test(arguments: [("-12.50", -12.5), ("−12,50", -12.5), ("(12.50)", -12.5), ("-€12.50", -12.5),
                      ("€-12.50", -12.5), ("(€ 1,234.00)", -1234)])
    func negativesOnlyWhenAllowed(text: String, expected: Double) {
        #expect(DecimalParser().parse(text) == nil)
        #expect(DecimalParser(allowsNegative: true).parse(text) == expected)
    }

    @Test func explicitDecimalMark() {
        #expect(DecimalParser(decimalMark: .comma).parse("1,234") == 1.234)
        #expect(DecimalParser(decimalMark: .comma).parse("1.234,5") == 1234.5)
        #expect(DecimalParser(decimalMark: .comma).parse("1,234.5") == nil)
        #expect(DecimalParser(decimalMark: .point).parse("1.234") == 1.234)
        #expect(DecimalParser(decimalMark: .point).parse("1,234") == 1234)
        #expect(DecimalParser(decimalMark: .point).parse("12,50") == nil)
    }
}
