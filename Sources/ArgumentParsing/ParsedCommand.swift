/// The outcome of a successful parse: which command to run and what it was given.
///
/// Options are keyed by their long name (without dashes), whichever spelling the user typed. Options of
/// a parent command given before the subcommand name are kept too (``inheritedOptions``).
/// Accessors assert (in debug builds) that the name is declared, so a typo in the executable is caught
/// by its tests rather than silently reading `nil`.
///
/// ```swift
/// // contactstat report --format=json --map id=Ticket --map channel=Via a.csv -
/// command.path                     // ["contactstat", "report"]
/// command.value("format")          // "json"
/// command.values("map")            // ["id=Ticket", "channel=Via"]
/// command.flag("strict")           // false
/// command.argumentValues("file")   // ["a.csv", "-"]
/// ```
public struct ParsedCommand: Sendable, Equatable {
    /// Command names from the root to the command that runs, e.g. `["contactstat", "report"]`.
    public let path: [String]
    /// The declaration of the command that runs.
    public let spec: CommandSpec
    /// Long names of the flags that were given (at least once).
    public let flags: Set<String>
    /// Every value given for each value or repeatable option, in command-line order.
    public let options: [String: [String]]
    /// Every positional, in command-line order (including `-` and everything after `--`).
    public let positionals: [String]
    /// The positionals distributed over the command's ``ArgumentSpec``s, keyed by argument name.
    /// Arguments that received nothing are absent.
    public let arguments: [String: [String]]
    /// Options declared on the parent commands (root first), which may be given before the subcommand.
    public let inheritedOptions: [OptionSpec]

    /// Creates a parsed command; normally made by ``ArgumentParser``.
    public init(
        path: [String],
        spec: CommandSpec,
        flags: Set<String> = [],
        options: [String: [String]] = [:],
        positionals: [String] = [],
        arguments: [String: [String]] = [:],
        inheritedOptions: [OptionSpec] = []
    ) {
        self.path = path
        self.spec = spec
        self.flags = flags
        self.options = options
        self.positionals = positionals
        self.arguments = arguments
        self.inheritedOptions = inheritedOptions
    }

    /// The declaration of `--long` on this command or, failing that, on a parent.
    public func declaredOption(_ long: String) -> OptionSpec? {
        spec.option(named: long) ?? inheritedOptions.last { $0.long == long }
    }

    /// The subcommand path below the root: `["report"]` for `contactstat report`, `[]` for the root.
    public var subcommandPath: [String] { Array(path.dropFirst()) }

    /// Whether the flag `--long` was given.
    public func flag(_ long: String) -> Bool {
        assert(declaredOption(long) != nil, "'--\(long)' is not declared on '\(spec.name)'")
        return flags.contains(long)
    }

    /// The value of `--long` as given last (last wins), or `nil` when not given. Never the default.
    public func value(_ long: String) -> String? {
        assert(declaredOption(long) != nil, "'--\(long)' is not declared on '\(spec.name)'")
        return options[long]?.last
    }

    /// The value of `--long` as given last, else the option's declared ``OptionSpec/defaultValue``.
    public func valueOrDefault(_ long: String) -> String? {
        value(long) ?? declaredOption(long)?.defaultValue
    }

    /// Every value given for `--long`, in order (empty when not given).
    public func values(_ long: String) -> [String] {
        assert(declaredOption(long) != nil, "'--\(long)' is not declared on '\(spec.name)'")
        return options[long] ?? []
    }

    /// The first value of the positional argument `name`, or `nil` when it received none.
    public func argument(_ name: String) -> String? {
        argumentValues(name).first
    }

    /// Every value of the positional argument `name` (several only for a variadic argument).
    public func argumentValues(_ name: String) -> [String] {
        assert(spec.arguments.contains { $0.name == name }, "'<\(name)>' is not declared on '\(spec.name)'")
        return arguments[name] ?? []
    }
}
