/// The declaration of one command: its options, positional arguments, subcommands and help text.
///
/// A tree of `CommandSpec` values is the single source of truth for both ``ArgumentParser`` and
/// ``HelpFormatter``. Every command implicitly accepts `-h`/`--help`; the root also accepts
/// `--version` when ``version`` is set; a command with subcommands also accepts `help [SUBCOMMAND...]`.
/// Those names are reserved: do not declare options named `help`, `version` or `-h`
/// (``definitionProblems()`` reports it).
///
/// ```swift
/// let report = CommandSpec(
///     name: "report",
///     abstract: "Print the full report.",
///     options: [
///         .value("format", short: "f", allowedValues: ["text", "json"], defaultValue: "text",
///                help: "The output format."),
///         .flag("strict", help: "Exit 1 when any row is rejected."),
///     ],
///     arguments: [ArgumentSpec("file", help: "An export to read.", isVariadic: true)],
///     examples: [CommandExample("Report as JSON:", "contactstat report -f json export.csv")])
/// let root = CommandSpec(
///     name: "contactstat", abstract: "Customer-service analytics.", version: "1.0.0",
///     subcommands: [report])
/// ```
public struct CommandSpec: Sendable, Hashable {
    /// The command's name as typed (`"report"`); for the root, the executable's name.
    public var name: String
    /// One-line summary shown after `OVERVIEW:` and in the parent's `SUBCOMMANDS:` list.
    public var abstract: String
    /// Longer text shown after the abstract, separated by a blank line. Explicit newlines are kept;
    /// each line is word-wrapped, keeping its leading indentation for continuation lines.
    public var discussion: String
    /// The version printed for `--version`; only consulted on the root command. `nil` disables
    /// `--version` (it is then an unknown option).
    public var version: String?
    /// Named options, in the order shown in help.
    public var options: [OptionSpec]
    /// Positional arguments, in the order they are matched.
    public var arguments: [ArgumentSpec]
    /// Subcommands, in the order shown in help.
    public var subcommands: [CommandSpec]
    /// Worked examples shown at the end of help.
    public var examples: [CommandExample]

    /// Creates a command declaration.
    public init(
        name: String,
        abstract: String = "",
        discussion: String = "",
        version: String? = nil,
        options: [OptionSpec] = [],
        arguments: [ArgumentSpec] = [],
        subcommands: [CommandSpec] = [],
        examples: [CommandExample] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.options = options
        self.arguments = arguments
        self.subcommands = subcommands
        self.examples = examples
    }

    /// The option with this long name, if declared (hidden ones included).
    public func option(named long: String) -> OptionSpec? {
        options.first { $0.long == long }
    }

    /// The option with this short name, if declared (hidden ones included).
    public func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }

    /// The direct subcommand with this name, if any.
    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// The chain of commands from this one down a path of subcommand names (`["report"]`), this command
    /// first; `nil` when a name along the path is not a subcommand.
    public func commandStack(following path: [String]) -> [CommandSpec]? {
        var stack = [self]
        for name in path {
            guard let next = stack[stack.count - 1].subcommand(named: name) else { return nil }
            stack.append(next)
        }
        return stack
    }

    /// Mistakes in this declaration tree, one readable sentence each (empty when well formed): duplicate
    /// long, short or subcommand names; reserved names (`help`, `version`, `-h`); options without a long
    /// name; short names that are `-` or `=`; names containing `=` or spaces; more than one variadic
    /// argument; subcommands named `help`. Meant for a unit test of the executable's command tree.
    public func definitionProblems() -> [String] {
        var problems: [String] = []
        collectProblems(path: name, into: &problems)
        return problems
    }

    private func collectProblems(path: String, into problems: inout [String]) {
        var seenLong: Set<String> = []
        var seenShort: Set<Character> = []
        for option in options {
            if option.long.isEmpty {
                problems.append("\(path): an option has an empty long name")
            }
            if option.long.contains("=") || option.long.contains(" ") || option.long.hasPrefix("-") {
                problems.append("\(path): option name '\(option.long)' must not contain '=', spaces or leading dashes")
            }
            if option.long == "help" || option.long == "version" {
                problems.append("\(path): option name '--\(option.long)' is reserved")
            }
            if !seenLong.insert(option.long).inserted {
                problems.append("\(path): option '--\(option.long)' is declared twice")
            }
            if let short = option.short {
                if short == "h" {
                    problems.append("\(path): short name '-h' is reserved for help")
                }
                if short == "-" || short == "=" || short == " " {
                    problems.append("\(path): short name '-\(short)' is not allowed")
                }
                if !seenShort.insert(short).inserted {
                    problems.append("\(path): short name '-\(short)' is declared twice")
                }
            }
        }
        if arguments.filter(\.isVariadic).count > 1 {
            problems.append("\(path): more than one variadic argument")
        }
        var seenArguments: Set<String> = []
        for argument in arguments where !seenArguments.insert(argument.name).inserted {
            problems.append("\(path): argument '<\(argument.name)>' is declared twice")
        }
        var seenCommands: Set<String> = []
        for command in subcommands {
            if command.name == "help" {
                problems.append("\(path): subcommand name 'help' is reserved")
            }
            if !seenCommands.insert(command.name).inserted {
                problems.append("\(path): subcommand '\(command.name)' is declared twice")
            }
            command.collectProblems(path: path + " " + command.name, into: &problems)
        }
    }
}
