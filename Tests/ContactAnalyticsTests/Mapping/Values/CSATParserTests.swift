import Testing
@testable import ContactAnalytics

@Suite struct CSATParserTests {
    @Test(arguments: [("4", 4.0), ("4.0", 4), ("4,5", 4.5), ("4.25", 4.25), ("4/5", 4), ("4 / 5", 4),
                      (" 5 ", 5), ("1", 1), ("★★★★☆", 4), ("⭐⭐⭐", 3), ("★★★★★", 5)])
    func readsScoresOnFivePointScale(text: String, expected: Double) {
        #expect(CSATParser().parse(text) == .score(expected))
    }

    @Test(arguments: ["0", "6", "4/10", "4/", "4.5.1", "5.01", "☆☆☆☆☆", "4 stars", "-4", "1e0"])
    func rejectsScoresOffTheFivePointScale(text: String) {
        #expect(CSATParser().read(text) == .unreadable)
    }

    @Test func elevenPointScale() {
        let parser = CSATParser(scale: .elevenPoint)
        #expect(parser.parse("0") == .score(0))
        #expect(parser.parse("10") == .score(10))
        #expect(parser.parse("9/10") == .score(9))
        #expect(parser.read("11") == .unreadable)
        #expect(parser.read("4/5") == .unreadable)
    }

    @Test(arguments: CSATParser.satisfiedWords.map { ($0, true) } + CSATParser.unsatisfiedWords.map { ($0, false) })
    func everyWordIsAVerdict(word: String, satisfied: Bool) {
        #expect(CSATParser().read(word) == .response(.verdict(satisfied)))
        #expect(CSATParser().read(word.uppercased()) == .response(.verdict(satisfied)))
    }

    @Test(arguments: [("Good, I'm satisfied", true), ("Bad, I'm unsatisfied", false), ("GOOD", true),
                      ("Erittäin tyytyväinen", true), ("ERITTAIN TYYTYMATON", false), ("Nöjd", true),
                      ("missnöjd", false), ("👍🏽", true), ("👎", false), ("Very good service", true),
                      ("Poor - slow answer", false), ("Satisfied!", true)])
    func readsWordsAndPhrases(text: String, satisfied: Bool) {
        #expect(CSATParser().parse(text) == .verdict(satisfied))
    }

    @Test(arguments: CSATParser.noResponseWords + ["", "  ", "-", "Offered", "UNOFFERED", "N/A"])
    func noResponse(text: String) {
        #expect(CSATParser().read(text) == .noResponse)
        #expect(CSATParser().parse(text) == nil)
    }

    @Test(arguments: ["not good", "No, not satisfied at all", "ei hyvä palvelu", "purple", "meh"])
    func unreadableWords(text: String) {
        #expect(CSATParser().read(text) == .unreadable)
    }

    @Test func scales() throws {
        #expect(CSATScale.fivePoint.isSatisfied(score: 4))
        #expect(!CSATScale.fivePoint.isSatisfied(score: 3.99))
        #expect(CSATScale.elevenPoint.isSatisfied(score: 9))
        #expect(!CSATScale.elevenPoint.isSatisfied(score: 8))
        #expect(CSATScale.fivePoint.isSatisfied(.verdict(true)))
        #expect(!CSATScale.fivePoint.isSatisfied(.verdict(false)))
        #expect(CSATScale.fivePoint.isSatisfied(.score(5)))
        #expect(!CSATScale.fivePoint.contains(0))
        #expect(CSATScale(lower: 1, upper: 5) == .fivePoint)
        #expect(CSATScale(lower: 0, upper: 10) == .elevenPoint)
        #expect(try #require(CSATScale(lower: 1, upper: 7)).satisfiedAt == 6)
        #expect(try #require(CSATScale(lower: 1, upper: 3)).satisfiedAt == 3)
        #expect(try #require(CSATScale(lower: 0, upper: 100)).satisfiedAt == 90)
        #expect(CSATScale(lower: 5, upper: 1) == nil)
        #expect(CSATScale(lower: 1, upper: 5, satisfiedAt: 6) == nil)
        #expect(CSATScale(lower: 1, upper: .infinity) == nil)
        #expect(CSATScale.fivePoint.description == "1-5 (satisfied at 4)")
        let custom = try #require(CSATScale(lower: 1, upper: 7, satisfiedAt: 5))
        #expect(CSATParser(scale: custom).parse("7/7") == .score(7))
        #expect(custom.isSatisfied(score: 5))
    }
}
