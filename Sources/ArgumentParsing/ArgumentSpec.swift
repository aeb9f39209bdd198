/// The declaration of one positional argument.
///
/// Positionals are matched in declaration order. A variadic argument (`<file> ...`) takes every
/// positional left over after the later, non-variadic arguments have had theirs; declare at most one
/// variadic argument, normally the last.
///
/// ```swift
/// let files = ArgumentSpec("file", help: "Export to read ('-' for standard input).", isVariadic: true)
/// ```
public struct ArgumentSpec: Sendable, Hashable {
    /// The name shown in help and errors as `<name>`; also the key for
    /// ``ParsedCommand/argument(_:)`` and ``ParsedCommand/argumentValues(_:)``.
    public var name: String
    /// One-line help text shown in the ARGUMENTS section.
    public var help: String
    /// Whether the argument takes any number of values (`FILE...`).
    public var isVariadic: Bool
    /// Whether at least one value must be given. A missing required argument is a ``ParseError``.
    public var isRequired: Bool

    /// Creates a positional argument; required by default.
    public init(_ name: String, help: String = "", isVariadic: Bool = false, isRequired: Bool = true) {
        self.name = name
        self.help = help
        self.isVariadic = isVariadic
        self.isRequired = isRequired
    }

    /// How the argument appears in the usage line: `<file>`, `[<file>]`, `<file> ...` or `[<file> ...]`.
    public var usageSynopsis: String {
        let core = "<\(name)>" + (isVariadic ? " ..." : "")
        return isRequired ? core : "[\(core)]"
    }

    /// How the argument appears in a "missing expected argument" message: `<file>` or `<file> ...`.
    var errorSynopsis: String { "<\(name)>" + (isVariadic ? " ..." : "") }
}
