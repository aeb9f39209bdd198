import Testing
@testable import ContactAnalytics

@Suite struct DurationParserTests {
    @Test(arguments: [
        ("143", 143.0), ("0", 0), ("2.5", 2.5), ("2,5", 2.5), (" 90 ", 90),
        ("1:02:03", 3723), ("01:02:03", 3723), ("0:02:23", 143), ("10:00:00", 36_000), ("1:02:03.5", 3723.5),
        ("02:23", 143), ("2:23", 143), ("75:30", 4530), ("2:23,25", 143.25),
        ("90s", 90), ("90 s", 90), ("90 sec", 90), ("90 secs", 90), ("90 seconds", 90), ("90 sek", 90),
        ("90 sekuntia", 90), ("90 segundos", 90), ("500ms", 0.5),
        ("5 min", 300), ("5m", 300), ("5 min.", 300), ("2.5 minutes", 150), ("2,5 min", 150),
        ("5 minuuttia", 300), ("5 minuter", 300), ("5 minutos", 300), ("1 minute", 60),
        ("1h 5m", 3900), ("1h5m", 3900), ("1 h 30 min", 5400), ("1 hour, 30 minutes", 5400),
        ("1 hour and 30 minutes", 5400), ("1 t 30 min", 5400), ("1 tunti ja 5 minuuttia", 3900),
        ("2 timmar och 5 minuter", 7500), ("1 hora y 5 minutos", 3900), ("1H 2M 3S", 3723), ("1.5h", 5400),
        ("PT5M30S", 330), ("pt5m30s", 330), ("PT1.5H", 5400), ("PT0S", 0), ("PT1H", 3600), ("P0DT2H", 7200),
        ("PT36H", 129_600),
    ])
    func readsSeconds(text: String, expected: Double) {
        var parser = DurationParser(maximumSeconds: 200_000)
        #expect(parser.parse(text) == expected)
        parser.maximumSeconds = 86_400
        #expect(parser.parse(text) == (expected <= 86_400 ? expected : nil))
    }

    @Test(arguments: [("143", 8580.0), ("2,5", 150), ("0.5", 30), ("02:23", 143), ("90s", 90), ("PT1M", 60)])
    func plainNumbersUseTheDefaultUnit(text: String, expected: Double) {
        #expect(DurationParser(defaultUnit: .minutes).parse(text) == expected)
    }

    @Test func otherDefaultUnits() {
        #expect(DurationParser(defaultUnit: .hours).parse("1.5") == 5400)
        #expect(DurationParser(defaultUnit: .milliseconds).parse("1500") == 1.5)
    }

    @Test(arguments: [
        "", "abc", "-5", "-1:00", "- 5 min", "5 parsecs", "1 h 30", "1:2", "1:60", "1:02:60", "1:02:03:04",
        "1.5:30", "P1Y", "P1M", "PT", "P", "PT5X", "P1H", "5 min extra", "90000", "25:00:00", "P2D", "1e5",
        "5 min 5 min x", "1,5,5", ":30", "1 h,",
    ])
    func rejectsUnreadableNegativeAndAbsurd(text: String) {
        #expect(DurationParser().parse(text) == nil, "\(text)")
    }

    @Test func bytesOverloadAgrees() {
        let bytes = Array("1 h 30 min".utf8)
        #expect(bytes.withUnsafeBufferPointer { DurationParser().parse($0) } == 5400)
    }
}
