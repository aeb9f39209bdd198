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
}
