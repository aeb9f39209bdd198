/// A command-line usage error: a reason, the command it happened in, a one-line message and a hint.
///
/// The message has no `error:` prefix; the executable is expected to print
/// `contactstat: error: <message>` and then the ``hint`` to standard error, and exit 64:
///
/// ```text
/// contactstat: error: unknown option '--fromat'; did you mean '--format'?
/// see 'contactstat report --help'
/// ```
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong. Option texts are shown as the user spelled them (`-f` or `--format`).
    public enum Reason: Sendable, Equatable {
        /// An option not declared on the command; `suggestion` is a close declared name (`--format`).
        case unknownOption(String, suggestion: String?)
        /// A word that is not a subcommand, where a subcommand was expected.
        case unknownSubcommand(String, suggestion: String?)
        /// A value option at the end of the line, or followed by something that starts with `-`.
        /// Holds the synopsis as typed: `--format <format>`.
        case missingValue(option: String)
        /// A flag written with `=value`: `--strict=yes`.
        case flagWithValue(option: String, value: String)
        /// A value outside an option's allowed values.
        case invalidValue(String, option: String, allowed: [String])
        /// A value option inside a cluster of short flags, not in last place: `-fs` where `-f` takes a value.
        case valueOptionInCluster(option: String, cluster: String)
        /// A required positional argument that received nothing; holds `<file>` or `<file> ...`.
        case missingArgument(String)
        /// Positionals left over after every argument had its share.
        case unexpectedArguments([String])
    }

    /// What went wrong.
    public let reason: Reason
    /// The command names from the root to the command being parsed, e.g. `["contactstat", "report"]`.
    public let commandPath: [String]

    /// Creates an error; normally made by ``ArgumentParser``.
    public init(_ reason: Reason, commandPath: [String]) {
        self.reason = reason
        self.commandPath = commandPath
    }

    /// The one-line, lower-case message, without an `error:` prefix.
    public var message: String {
        switch reason {
        case .unknownOption(let option, let suggestion):
            return "unknown option '\(option)'" + Self.didYouMean(suggestion)
        case .unknownSubcommand(let name, let suggestion):
            return "unknown subcommand '\(name)'" + Self.didYouMean(suggestion)
        case .missingValue(let option):
            return "missing value for '\(option)'"
        case .flagWithValue(let option, let value):
            return "flag '\(option)' takes no value, but was given '\(value)'"
        case .invalidValue(let value, let option, let allowed):
            return "invalid value '\(value)' for '\(option)'; expected one of: "
                + allowed.joined(separator: ", ")
        case .valueOptionInCluster(let option, let cluster):
            return "option '\(option)' takes a value and must come last in '\(cluster)'"
        case .missingArgument(let synopsis):
            return "missing expected argument '\(synopsis)'"
        case .unexpectedArguments(let extra):
            let quoted = extra.map { "'\($0)'" }.joined(separator: ", ")
            return extra.count == 1 ? "unexpected argument \(quoted)" : "\(extra.count) unexpected arguments: \(quoted)"
        }
    }

    /// Where to look next: `see 'contactstat report --help'`.
    public var hint: String {
        "see '\(commandPath.joined(separator: " ")) --help'"
    }

    /// The ``message``.
    public var description: String { message }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
