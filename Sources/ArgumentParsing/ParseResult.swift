/// What the command line asks for.
///
/// ```swift
/// switch try ArgumentParser.parse(Array(CommandLine.arguments.dropFirst()), root: root) {
/// case .run(let command): run(command)            // normal work
/// case .help(let text):   print(text, terminator: "")  // stdout, exit 0
/// case .version(let v):   print(v)                 // stdout, exit 0
/// }
/// ```
public enum ParseResult: Sendable, Equatable {
    /// Run a command with the parsed options and arguments.
    case run(ParsedCommand)
    /// Print this help text (it ends with a newline) to standard output and exit 0. Produced by `-h`,
    /// `--help`, `help [SUBCOMMAND...]`, and by a command that has subcommands but was given none.
    case help(String)
    /// Print this version string to standard output and exit 0. Produced by `--version` on the root.
    case version(String)
}
