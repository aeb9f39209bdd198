import Testing
@testable import ContactAnalytics

@Suite struct FlagParserTests {
    @Test(arguments: FlagParser.trueWords.map { ($0, true) } + FlagParser.falseWords.map { ($0, false) })
    func everyWordIsRead(word: String, expected: Bool) {
        #expect(FlagParser().parse(word) == expected)
        #expect(FlagParser().parse(" " + word.uppercased() + " ") == expected)
    }

    @Test(arguments: [("Y", true), ("N", false), ("True", true), ("False", false), ("KYLLÄ", true),
                      ("Sí", true), ("si", true), ("No", false), ("x", true)])
    func readsExportValues(text: String, expected: Bool) {
        #expect(FlagParser().parse(text) == expected)
    }

    @Test(arguments: ["", " ", "-", "maybe", "2", "yes please", "1.0", "nope"])
    func othersAreNil(text: String) {
        #expect(FlagParser().parse(text) == nil)
    }

    @Test func configuredWordsWin() {
        let parser = FlagParser(trueWords: ["resolved", "n"], falseWords: ["open"])
        #expect(parser.parse("Resolved") == true)
        #expect(parser.parse("N") == true)
        #expect(parser.parse("open") == false)
        #expect(parser.parse("Y") == true)
    }
}
