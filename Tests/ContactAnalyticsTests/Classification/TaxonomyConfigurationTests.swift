import Testing
@testable import ContactAnalytics

@Suite struct TaxonomyConfigurationTests {
    typealias S = ClassificationTestSupport

    private func taxonomy(_ json: String) throws -> Taxonomy {
        let root = try ConfigurationParser.parse(json, file: "c.json")
        return try Taxonomy.configured(from: try root.member("taxonomy"))
    }

    @Test func noSectionMeansBuiltIn() throws {
        let root = try ConfigurationParser.parse("{}", file: "c.json")
        let t = try Taxonomy.configured(from: try root.member("taxonomy"))
        #expect(t.causes == Taxonomy.builtIn.causes)
        #expect(t.origin == "built-in")
    }

    @Test func extendsTheBuiltInByDefault() throws {
        let t = try taxonomy("""
        { "taxonomy": {
            "remove": ["public-service", "feedback/suggestion"],
            "groups": { "delivery": "Toimitukset" },
            "causes": [
              { "path": "delivery/parcel-locker", "process": "Logistics", "avoidable": true,
                "reason": "Lockers should work.",
                "rules": [ { "keywords": ["pakettiautomaat*"], "priority": 30 }, "parcel locker" ] },
              { "path": "billing/invoice-question", "process": "Finance", "avoidable": true },
              { "path": "returns/refund", "replace_rules": true, "rules": [ { "phrase": "money please" } ] },
            ] } }
        """)
        let builtIn = Taxonomy.builtIn
        let publicCount = builtIn.causes.filter { $0.group == "public-service" }.count
        #expect(t.causes.count == builtIn.causes.count - publicCount - 1 + 1)
        #expect(t.id(of: "public-service/noise") == nil)
        #expect(t.id(of: "feedback/suggestion") == nil)
        #expect(!t.rules.contains { $0.cause.hasPrefix("public-service/") })
        #expect(t.causes.last?.path == "delivery/parcel-locker")
        #expect(t.causes.last?.name == "Parcel locker")
        #expect(t.groupName("delivery") == "Toimitukset")
        #expect(t.origin == "built-in + c.json")
        let invoice = try #require(t.id(of: "billing/invoice-question").flatMap { t.cause($0) })
        #expect(invoice.process == "Finance" && invoice.avoidable)
        #expect(invoice.avoidableReason == builtIn.cause(builtIn.id(of: "billing/invoice-question")!)?.avoidableReason)
        #expect(t.rules.filter { $0.cause == "returns/refund" }.count == 1)
        // The new rules work, and the built-in ones still do.
        #expect(try S.classify(t, S.contact(text: "Pakettiautomaatti ei aukea, tilaus jumissa")) == "delivery/parcel-locker")
        #expect(try S.classify(t, S.contact(text: "the parcel locker is full")) == "delivery/parcel-locker")
        #expect(try S.classify(t, S.contact(text: "money please")) == "returns/refund")
        #expect(try S.classify(t, S.contact(text: "where is my refund")) == "unclassified")
        #expect(try S.classify(t, S.contact(text: "Missä tilaukseni on?")) == "delivery/where-is-my-order")
        #expect(try S.classify(t, S.contact(text: "loud music next door")) == "unclassified")
    }

    @Test func noneReplacesTheBuiltIn() throws {
        let t = try taxonomy("""
        { taxonomy: { extends: "none", fold_diacritics: true, causes: [
            { path: "orders", process: "Ops", avoidable: false, rules: [
              { field: "category", any: [ { equals: "Orders" }, { one_of: ["tilaus", "order"] } ] },
              { all: [ "where", { not: { tags_contain: "spam" } } ], name: "where, not spam" },
              { regex: "#[0-9]{5}", field: "subject" },
            ] },
        ] } }
        """)
        #expect(t.causes.map(\.path) == ["orders"])
        #expect(t.foldDiacritics)
        #expect(try S.classify(t, S.contact(category: "ORDERS")) == "orders")
        #expect(try S.classify(t, S.contact(category: "Tilaus")) == "orders")
        #expect(try S.classify(t, S.contact(subject: "orders")) == "unclassified")   // field inherited
        #expect(try S.classify(t, S.contact(text: "where?")) == "orders")
        #expect(try S.classify(t, S.contact(text: "where?", tags: ["SPAM"])) == "unclassified")
        #expect(try S.classify(t, S.contact(subject: "ref #12345")) == "orders")
        #expect(t.rules[1].label.hasPrefix("'where, not spam' taxonomy.causes[0].rules[1] (c.json:4:"))
    }

    @Test func theStarterExampleParsesAndWorks() throws {
        let t = try taxonomy("{\n" + Taxonomy.starterConfigurationExample + "\n}")
        #expect(t.id(of: "delivery/parcel-locker") != nil)
        #expect(t.causes.count == Taxonomy.builtIn.causes.count + 1)
        #expect(try S.classify(t, S.contact(text: "The locker will not open")) == "delivery/parcel-locker")
        #expect(try S.classify(t, S.contact(subject: "Copy of my invoice INV-123456")) == "billing/invoice-question")
        #expect(try S.classify(t, S.contact(category: "laskutus")) == "billing/invoice-question")
        let classifier = try RootCauseClassifier(taxonomy: t, header: ["a"])
        #expect(classifier.unresolvedColumns.isEmpty)
    }

    @Test(arguments: [
        ("{taxonomy: {extend: 'none'}}", "c.json:1:21", "taxonomy: unknown key 'extend'; did you mean 'extends'?"),
        ("{taxonomy: {extends: 'nothing'}}", "c.json:1:22",
         "taxonomy.extends: unknown value 'nothing'; expected \"built-in\" (extend the built-in taxonomy) or \"none\" (replace it)"),
        ("{taxonomy: {remove: ['delivery/wismo']}}", "c.json:1:22",
         "taxonomy.remove[0]: there is no cause or group 'delivery/wismo' to remove"),
        ("{taxonomy: {remove: ['deliverx']}}", "c.json:1:22",
         "taxonomy.remove[0]: there is no cause or group 'deliverx' to remove; did you mean 'delivery'?"),
        ("{taxonomy: {causes: [\n  {name: 'x'}]}}", "c.json:2:3",
         "taxonomy.causes[0]: a cause needs a 'path', such as \"delivery/where-is-my-order\""),
        ("{taxonomy: {causes: [{path: 'Bad Path'}]}}", "c.json:1:29",
         "taxonomy.causes[0].path: 'Bad Path' is not a valid cause path: use lower-case segments of letters, digits, '-' and '_', separated by '/'"),
        ("{taxonomy: {causes: [{path: 'x/y', avoidable: true}]}}", "c.json:1:22",
         "taxonomy.causes[0]: the new cause 'x/y' needs a 'process' (the owning business process, such as \"Logistics\")"),
        ("{taxonomy: {causes: [{path: 'x/y', process: 'P'}]}}", "c.json:1:22",
         "taxonomy.causes[0]: the new cause 'x/y' needs 'avoidable': true (failure demand) or false (value demand)"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: 'yes'}]}}", "c.json:1:59",
         "taxonomy.causes[0].avoidable: expected true or false, found a string"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {keyword: 'a'}]}]}}", "c.json:2:12",
         "taxonomy.causes[0].rules[0]: unknown key 'keyword'; did you mean 'keywords'?"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {priority: 2}]}]}}", "c.json:2:2",
         "taxonomy.causes[0].rules[0]: a condition needs one of: keywords, phrase, regex, equals, one_of, tags_contain, all, any, not"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {keywords: 'a', regex: 'b'}]}]}}", "c.json:2:25",
         "taxonomy.causes[0].rules[0]: 'keywords' and 'regex' in one condition; combine them with all: [...] or any: [...]"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {regex: '(unclosed'}]}]}}", "c.json:2:10",
         "taxonomy.causes[0].rules[0].regex: invalid regular expression '(unclosed'"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {keywords: ['ok', '!!']}]}]}}", "c.json:2:20",
         "taxonomy.causes[0].rules[0].keywords[1]: '!!' contains no letters or digits to match"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {keywords: 'ti*laus'}]}]}}", "c.json:2:13",
         "taxonomy.causes[0].rules[0].keywords: 'ti*laus': '*' is allowed only at the end of a word"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {field: 'body', keywords: 'a'}]}]}}", "c.json:2:10",
         "taxonomy.causes[0].rules[0].field: unknown field 'body'; expected one of any_text, subject, text, category, tags, channel, queue, status, language, or column:NAME"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {all: [{not: {}}]}]}]}}", "c.json:2:15",
         "taxonomy.causes[0].rules[0].all[0].not: a condition needs one of: keywords, phrase, regex, equals, one_of, tags_contain, all, any, not"),
        ("{taxonomy: {causes: [{path: 'x', process: 'P', avoidable: true, rules: [\n {keywords: 'a', priority: 1.5}]}]}}", "c.json:2:28",
         "taxonomy.causes[0].rules[0].priority: expected a whole number, found 1.5"),
        ("{taxonomy: {causes: [{path: 'x/y', process: 'P', avoidable: true},\n {path: 'x/y', process: 'P', avoidable: true}]}}", "c.json:2:9",
         "taxonomy.causes[1].path: the cause 'x/y' is already listed at c.json:1:29"),
        ("{taxonomy: {causes: [{path: 'delivery', process: 'P', avoidable: true}]}}", "c.json:1:12",
         "taxonomy: 'delivery' is both a cause and the parent of the cause 'delivery/where-is-my-order'"),
    ])
    func errorsNameTheKeyPathAndLocation(json: String, location: String, message: String) {
        do {
            _ = try taxonomy(json)
            Issue.record("expected an error")
        } catch let error as ContactStatError {
            #expect(error.kind == .configuration)
            #expect(error.location == location)
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func programmaticTaxonomiesAreValidated() {
        let p = RootCause(path: "a", process: "P", avoidable: false)
        #expect(throws: ContactStatError.self) { try Taxonomy(causes: [p, p], rules: []) }
        #expect(throws: ContactStatError.self) {
            try Taxonomy(causes: [p], rules: [RootCauseRule(cause: "b", .keywords(["x"]))])
        }
        #expect(throws: ContactStatError.self) {
            try Taxonomy(causes: [RootCause(path: "A/b", process: "P", avoidable: false)], rules: [])
        }
        // Invalid patterns in code-built rules are reported when compiling.
        #expect(throws: ContactStatError.self) {
            try RootCauseClassifier(taxonomy: try Taxonomy(causes: [p], rules: [RootCauseRule(cause: "a", .regex("("))]),
                                    header: [])
        }
    }
}
