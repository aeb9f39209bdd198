import Testing
@testable import ContactAnalytics

@Suite struct SuggestedRuleTests {
    /// The snippet is read back by the configuration reader as a cause with one rule of the term.
    @Test func snippetReadsBackAsACauseWithTheTermsRule() throws {
        let terms = [UnclassifiedTermCounter.Term(text: "kääpiö", count: 3, isPhrase: false, example: ""),
                     UnclassifiedTermCounter.Term(text: "kaapio", count: 2, isPhrase: false, example: ""),
                     UnclassifiedTermCounter.Term(text: "say \"hi\"", count: 1, isPhrase: true, example: "")]
        let rules = SuggestedRule.rules(for: terms)
        #expect(rules.map(\.path) == ["suggested/kaapio", "suggested/kaapio-2", "suggested/say-hi"])
        #expect(rules[0].name == "Kääpiö")
        #expect(rules[0].snippet == #"{ "path": "suggested/kaapio", "name": "Kääpiö", "process": "To be assigned", "avoidable": false, "reason": "Suggested by contactstat suggest: set the process and flag.", "rules": [ { "keywords": "kääpiö" } ] },"#)
        #expect(rules[2].snippet.contains(#""rules": [ { "phrase": "say \"hi\"" } ]"#))
        let text = "{ \"causes\": [\n" + rules.map(\.snippet).joined(separator: "\n") + "\n] }"
        let taxonomy = try Taxonomy.configured(from: try ConfigurationParser.parse(text, file: "pasted.json"))
        let cause = try #require(taxonomy.id(of: "suggested/kaapio").flatMap { taxonomy.cause($0) })
        #expect(cause.process == "To be assigned")
        #expect(!cause.avoidable)
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: [])
        var contact = ContactRecord(openedAt: 0)
        contact.subject = "Outo kääpiö puutarhassa"
        #expect(classifier.classify(contact) == taxonomy.id(of: "suggested/kaapio"))
        contact.subject = "They say hi"
        #expect(classifier.classify(contact) == taxonomy.id(of: "suggested/say-hi"))
    }
}
