import Testing
@testable import ContactAnalytics

/// Precedence: priority, then specificity, then path depth, then declaration order.
@Suite struct PrecedenceTests {
    typealias S = ClassificationTestSupport

    struct Case: Sendable, CustomStringConvertible {
        var rules: [RootCauseRule]
        var text: String
        var expected: String
        var note: String
        var description: String { note }
    }

    static let cases: [Case] = [
        Case(rules: [RootCauseRule(cause: "a", priority: 0, .keywords(["x"])),
                     RootCauseRule(cause: "b", priority: 5, .keywords(["x"]))],
             text: "x", expected: "b", note: "higher priority wins over declaration order"),
        Case(rules: [RootCauseRule(cause: "a", priority: -1, .phrase(["x y z"])),
                     RootCauseRule(cause: "b", priority: 0, .keywords(["x"]))],
             text: "x y z", expected: "b", note: "priority beats specificity"),
        Case(rules: [RootCauseRule(cause: "a", .keywords(["order"])),
                     RootCauseRule(cause: "b", .phrase(["where is my order"]))],
             text: "where is my order", expected: "b", note: "a longer phrase is more specific"),
        Case(rules: [RootCauseRule(cause: "a", .keywords(["order"])),
                     RootCauseRule(cause: "b", .all([.keywords(["order"]), .keywords(["late"])]))],
             text: "order late", expected: "b", note: "all adds up its parts"),
        Case(rules: [RootCauseRule(cause: "a", .all([.keywords(["order"]), .keywords(["late"])])),
                     RootCauseRule(cause: "b", .any([.phrase(["order is late"]), .phrase(["late order is here"])]))],
             text: "the order is late", expected: "b", note: "any takes its weakest part (3 > 2)"),
        Case(rules: [RootCauseRule(cause: "a", .all([.keywords(["order"]), .not(.keywords(["spam"]))])),
                     RootCauseRule(cause: "b", .keywords(["order"]))],
             text: "order", expected: "a", note: "not counts 0: a tie, so declaration order"),
        Case(rules: [RootCauseRule(cause: "a", .keywords(["x"])),
                     RootCauseRule(cause: "c/e/f", .keywords(["x"])),
                     RootCauseRule(cause: "c/d", .keywords(["x"]))],
             text: "x", expected: "c/e/f", note: "same priority and specificity: the deeper path"),
        Case(rules: [RootCauseRule(cause: "b", .keywords(["x"])),
                     RootCauseRule(cause: "a", .keywords(["x"]))],
             text: "x", expected: "b", note: "full tie: declaration order"),
        Case(rules: [RootCauseRule(cause: "b", priority: 9, .keywords(["never"])),
                     RootCauseRule(cause: "a", .keywords(["x"]))],
             text: "x", expected: "a", note: "a higher rule that does not match is skipped"),
    ]

    @Test(arguments: cases)
    func precedence(_ c: Case) throws {
        let taxonomy = try S.taxonomy(c.rules)
        #expect(try S.classify(taxonomy, S.contact(text: c.text)) == c.expected)
    }

    @Test(arguments: [
        (RuleCondition.keywords(["a", "b c"]), 1),
        (.phrase(["a b c"]), 3),
        (.all([.keywords(["a"]), .phrase(["b c"]), .regex("x")]), 4),
        (.any([.phrase(["a b"]), .phrase(["c d e"])]), 2),
        (.not(.phrase(["a b"])), 0),
        (.equals("x", field: .category), 1),
        (.tagsContain(["x", "y"]), 1),
    ])
    func specificity(condition: RuleCondition, expected: Int) {
        #expect(condition.specificity == expected)
    }
}
