/// A rule assigning a cause to the contacts its condition matches.
///
/// Rules are tried in **precedence** order and the first match wins:
/// 1. higher `priority` first (default 0);
/// 2. then higher specificity (`RuleCondition.specificity`: the number of words and tests that must hold);
/// 3. then the deeper cause path (`a/b/c` before `a/b`);
/// 4. then declaration order (built-in rules before configured ones, file order within each).
/// The order is total, so classification is deterministic.
public struct RootCauseRule: Sendable, Hashable {
    /// The path of the cause the rule assigns.
    public var cause: String
    /// What must hold for the rule to match.
    public var condition: RuleCondition
    /// Higher priorities are tried first.
    public var priority: Int
    /// A label for messages (configuration location or a name); not used for matching.
    public var label: String

    public init(cause: String, priority: Int = 0, label: String = "", _ condition: RuleCondition) {
        self.cause = cause
        self.condition = condition
        self.priority = priority
        self.label = label
    }

    /// `rules` in precedence order (the order the classifier tries them, first match wins): priority,
    /// specificity, cause depth, then declaration order. The one definition of that order, used by the
    /// compiled classifier and the SQL taxonomy (`TaxonomySQLCompiler`).
    public static func precedenceOrder(_ rules: [RootCauseRule]) -> [RootCauseRule] {
        // The keys once per rule, not once per comparison (specificity walks the condition tree).
        let keys = rules.enumerated().map { offset, rule in
            (priority: rule.priority, specificity: rule.condition.specificity, depth: depth(rule.cause),
             offset: offset)
        }
        return keys.sorted { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.specificity != b.specificity { return a.specificity > b.specificity }
            if a.depth != b.depth { return a.depth > b.depth }
            return a.offset < b.offset
        }.map { rules[$0.offset] }
    }

    /// The number of segments of a cause path (`a/b` = 2).
    static func depth(_ path: String) -> Int { path.split(separator: "/").count }
}
