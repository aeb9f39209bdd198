/// One worked example shown in a command's help under `EXAMPLES:`.
///
/// Rendered as the explanation followed by the invocation, indented and prefixed with `$ `:
///
/// ```text
/// EXAMPLES:
///   The full report of one export, as Markdown:
///     $ contactstat report --format markdown export.csv
/// ```
public struct CommandExample: Sendable, Hashable {
    /// What the example does, e.g. `"The full report of one export, as Markdown:"`.
    public var explanation: String
    /// The command line, e.g. `"contactstat report --format markdown export.csv"`.
    public var invocation: String

    /// Creates an example.
    public init(_ explanation: String, _ invocation: String) {
        self.explanation = explanation
        self.invocation = invocation
    }
}
