import Testing
@testable import ContactAnalytics

/// Tokenization, case, NFC/NFD equivalence, diacritics and Finnish inflection.
@Suite struct TextMatchingTests {
    typealias S = ClassificationTestSupport

    @Test(arguments: [
        ("Hello, World!", ["hello", "world"]),
        ("Missä TILAUKSENI on?", ["missä", "tilaukseni", "on"]),
        ("e-mail: x@y.fi", ["e", "mail", "x", "y", "fi"]),
        ("ÅÄÖ åäö", ["åäö", "åäö"]),
        ("a\u{0308}iti", ["äiti"]),                          // NFD recomposed
        ("Ω ДОМ", ["ω", "дом"]),
        ("👍great👍", ["great"]),
        ("order#123", ["order", "123"]),
        ("", []),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(WordTokenizer(foldDiacritics: false).tokens(of: text) == expected)
    }

    @Test func foldingRemovesDiacriticsOnlyWhenAsked() {
        #expect(WordTokenizer(foldDiacritics: true).tokens(of: "Äiti Ö a\u{0308} Crème") == ["aiti", "o", "a", "creme"])
        #expect(WordTokenizer(foldDiacritics: false).tokens(of: "Äiti") == ["äiti"])
    }

    @Test(arguments: ["tilaus", "tilauksen", "tilaukseni", "tilausta", "Tilauksesta", "TILAUKSET"])
    func finnishInflectionsMatchAPrefix(word: String) throws {
        let taxonomy = try S.taxonomy([RootCauseRule(cause: "a", .keywords(["tilau*"]))])
        #expect(try S.classify(taxonomy, S.contact(text: "Missä \(word) on?")) == "a")
    }

    @Test(arguments: [
        ("Tilauksen toimitus on myöhässä", "delivery/late-delivery"),
        // A delay named is the more specific complaint than "it has not come" (late delivery ranks above it).
        ("Toimituksen kanssa on viivästystä, tilaukseni ei ole tullut", "delivery/late-delivery"),
        ("Tilaukseni ei ole vielä tullut", "delivery/where-is-my-order"),
        ("Laskussani on virhe", "billing/wrong-invoice"),
        ("Laskutuksesta: en ymmärrä laskua", "billing/invoice-unclear"),
        ("Palautuksen tilanne?", "returns/return-request"),
        ("Hyvityksen tila", "returns/refund"),
        ("Salasanani ei kelpaa", "account/login-problem"),
        ("En pysty kirjautumaan", "account/login-problem"),
        ("Kirjautuminen ei onnistu", "account/login-problem"),
        ("Haluan irtisanoa sopimukseni", "contract/cancel"),
        ("Sopimuksen muutos", "contract/change-plan"),
    ])
    func finnishInflectionsInTheBuiltInTaxonomy(text: String, expected: String) throws {
        #expect(try S.classify(.builtIn, S.contact(text: text)) == expected)
    }

    @Test func nfcAndNfdAreEquivalentEverywhere() throws {
        let nfc = "Tähti", nfd = "Ta\u{0308}hti"
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        for (ruleText, contactText) in [(nfc, nfd), (nfd, nfc)] {
            let taxonomy = try S.taxonomy([
                RootCauseRule(cause: "a", priority: 3, .keywords([ruleText + "*"], field: .text)),
                RootCauseRule(cause: "b", priority: 2, .equals(ruleText, field: .category)),
                RootCauseRule(cause: "c/d", priority: 1, .regex(ruleText, field: .queue)),
            ])
            #expect(try S.classify(taxonomy, S.contact(text: contactText + "istä")) == "a")
            #expect(try S.classify(taxonomy, S.contact(category: contactText)) == "b")
            #expect(try S.classify(taxonomy, S.contact(queue: contactText)) == "c/d")
            let rawTaxonomy = try S.taxonomy([RootCauseRule(cause: "a", .keywords([ruleText], field: .column("col")))])
            var classifier = try RootCauseClassifier(taxonomy: rawTaxonomy, header: ["col"])
            #expect(classifier.classify(S.contact(), raw: RawRecord(fields: [contactText])) == CauseID(0))
        }
    }

    @Test func diacriticsCountUnlessFolded() throws {
        let taxonomy = try S.taxonomy([RootCauseRule(cause: "a", .keywords(["tähti"]))])
        #expect(try S.classify(taxonomy, S.contact(text: "tahti")) == "unclassified")
        #expect(try S.classify(taxonomy, S.contact(text: "tahti"), fold: true) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: "TÄHTI"), fold: true) == "a")
        #expect(try S.classify(taxonomy, S.contact(text: "ta\u{0308}hti"), fold: true) == "a")
        let values = try S.taxonomy([RootCauseRule(cause: "a", .equals("Tránsito", field: .category))])
        #expect(try S.classify(values, S.contact(category: "TRANSITO")) == "unclassified")
        #expect(try S.classify(values, S.contact(category: "TRANSITO"), fold: true) == "a")
    }
}
