import TextDistance

/// Parses a command line against a declarative ``CommandSpec`` tree.
///
/// ```swift
/// import ArgumentParsing
///
/// let root = CommandSpec(
///     name: "contactstat", abstract: "Customer-service analytics.", version: "1.0.0",
///     subcommands: [
///         CommandSpec(
///             name: "report", abstract: "Print the full report.",
///             options: [
///                 .value("format", short: "f", allowedValues: ["text", "json"], defaultValue: "text",
///                        help: "The output format."),
///                 .repeatable("map", valueName: "field=column", help: "Map a field to a column."),
///                 .flag("strict", help: "Exit 1 when rows are rejected."),
///             ],
///             arguments: [ArgumentSpec("file", help: "An export ('-' for stdin).", isVariadic: true)])
///     ])
///
/// do {
///     switch try ArgumentParser.parse(Array(CommandLine.arguments.dropFirst()), root: root) {
///     case .run(let command):
///         let format = command.valueOrDefault("format")   // "text" unless given
///         let files = command.argumentValues("file")
///         // ...
///     case .help(let text):
///         print(text, terminator: "")                   // exit 0
///     case .version(let version):
///         print(version)                                // exit 0
///     }
/// } catch {
///     // `error` is a ParseError: print "contactstat: error: \(error.message)" and
///     // error.hint to stderr, exit 64.
/// }
/// ```
///
/// Syntax accepted (tokens are read left to right):
/// - `--name value`, `--name=value`, `-n value`, `-n=value` for value options; `--flag`, `-f` for flags;
///   clustered short flags `-abc`, where only the last letter may take a value (`-sf json`). Attached
///   short values (`-fjson`) are not supported.
/// - A value given as a separate token must not start with `-`, except `-` itself (standard input):
///   write `--name=-x` for such values. Otherwise the option reports a missing value.
/// - `--` ends options: every later token is a positional. `-` alone is a positional.
/// - Options may come before, between or after positionals. A single-value option given several times
///   keeps the last value; a repeatable option keeps all, in order; a repeated flag is simply set.
/// - While a command with subcommands has received no positional, a word selects a subcommand. Options
///   given before the subcommand name belong to the parent command and are kept in the result.
/// - `-h`/`--help` anywhere before `--` asks for help on the command reached so far, even when the
///   line has another error; `help [SUBCOMMAND...]` in place of a subcommand asks for help on that
///   command (later option tokens are ignored); `--version` on the root asks for the version when the
///   root declares one. A command with subcommands and no positional arguments of its own, given no
///   subcommand, produces its help.
/// - Positionals fill the ``ArgumentSpec``s in order; a variadic argument takes whatever the later
///   arguments do not need. Leftovers are an error, as is a required argument that got nothing.
public struct ArgumentParser: Sendable {
    /// The root of the command tree.
    public let root: CommandSpec
    /// Formats the help text returned in ``ParseResult/help(_:)``.
    public let helpFormatter: HelpFormatter

    /// Creates a parser for a command tree.
    public init(root: CommandSpec, helpFormatter: HelpFormatter = HelpFormatter()) {
        self.root = root
        self.helpFormatter = helpFormatter
    }

    /// Parses `argv` (without the executable's own name) against `root`, with an 80-column help width.
    public static func parse(_ argv: [String], root: CommandSpec) throws(ParseError) -> ParseResult {
        try ArgumentParser(root: root).parse(argv)
    }

    /// Parses `argv` (without the executable's own name).
    public func parse(_ argv: [String]) throws(ParseError) -> ParseResult {
        var scan = Scan(argv: argv, root: root)
        do {
            return try scan.run(helpFormatter: helpFormatter)
        } catch {
            // Help wins over errors: `report --fromat x --help` shows report's help.
            if scan.helpRequestedLater() {
                return .help(helpFormatter.help(for: scan.stack))
            }
            throw error
        }
    }
}

/// The mutable state of one left-to-right pass over a command line.
private struct Scan {
    /// An option name resolved against the current command.
    enum Resolved {
        case declared(OptionSpec)
        case help
        case version
    }

    let argv: [String]
    let root: CommandSpec
    var index = 0
    var stack: [CommandSpec]
    var onlyPositionals = false
    var flags: Set<String> = []
    var options: [String: [String]] = [:]
    var positionals: [String] = []

    init(argv: [String], root: CommandSpec) {
        self.argv = argv
        self.root = root
        self.stack = [root]
    }

    var current: CommandSpec { stack[stack.count - 1] }
    var path: [String] { stack.map(\.name) }
    var offersVersion: Bool { stack.count == 1 && root.version != nil }

    func error(_ reason: ParseError.Reason) -> ParseError {
        ParseError(reason, commandPath: path)
    }

    /// Whether `-h` or `--help` appears at or after `index`, before any `--`.
    func helpRequestedLater() -> Bool {
        for token in argv[min(index, argv.count)...] {
            if token == "--" { return false }
            if token == "-h" || token == "--help" { return true }
        }
        return false
    }

    mutating func run(helpFormatter: HelpFormatter) throws(ParseError) -> ParseResult {
        while index < argv.count {
            let token = argv[index]
            index += 1
            if onlyPositionals {
                positionals.append(token)
            } else if token == "--" {
                onlyPositionals = true
            } else if token == "-" || !token.hasPrefix("-") {
                if let helpStack = try word(token) {
                    return .help(helpFormatter.help(for: helpStack))
                }
            } else if let early = try option(token) {
                switch early {
                case .help: return .help(helpFormatter.help(for: stack))
                case .version: return .version(root.version ?? "")
                case .declared: break
                }
            }
        }
        if !current.subcommands.isEmpty && current.arguments.isEmpty && positionals.isEmpty {
            return .help(helpFormatter.help(for: stack))
        }
        let arguments = try distributePositionals()
        let inherited = stack.dropLast().flatMap(\.options)
        return .run(
            ParsedCommand(
                path: path, spec: current, flags: flags, options: options, positionals: positionals,
                arguments: arguments, inheritedOptions: inherited))
    }

    // MARK: Words

    /// Handles a non-option token: a subcommand, `help ...`, or a positional. Returns a command stack
    /// when the token starts a help request.
    mutating func word(_ token: String) throws(ParseError) -> [CommandSpec]? {
        let command = current
        if positionals.isEmpty && !command.subcommands.isEmpty {
            if let subcommand = command.subcommand(named: token) {
                stack.append(subcommand)
                return nil
            }
            if token == "help" {
                return try helpStack()
            }
            if command.arguments.isEmpty {
                let names = command.subcommands.map(\.name) + ["help"]
                throw error(.unknownSubcommand(token, suggestion: EditDistance.suggestion(for: token, among: names)))
            }
        }
        positionals.append(token)
        return nil
    }

    /// Walks the words after `help` down the subcommand tree; option tokens are ignored.
    mutating func helpStack() throws(ParseError) -> [CommandSpec] {
        while index < argv.count {
            let token = argv[index]
            index += 1
            if token == "--" { break }
            if token.hasPrefix("-") && token != "-" { continue }
            if let subcommand = current.subcommand(named: token) {
                stack.append(subcommand)
            } else if current.subcommands.isEmpty {
                throw error(.unexpectedArguments([token]))
            } else {
                let names = current.subcommands.map(\.name)
                throw error(.unknownSubcommand(token, suggestion: EditDistance.suggestion(for: token, among: names)))
            }
        }
        return stack
    }

    // MARK: Options

    /// Resolves a long name against the current command only (a parent's options are accepted only
    /// before the subcommand name, while the parent is current), then the built-in help and version.
    func resolve(long name: String) -> Resolved? {
        if let spec = current.option(named: name) { return .declared(spec) }
        if name == "help" { return .help }
        if name == "version" && offersVersion { return .version }
        return nil
    }

    /// Resolves a short name against the current command, then the built-in `-h`.
    func resolve(short: Character) -> Resolved? {
        if let spec = current.option(short: short) { return .declared(spec) }
        if short == "h" { return .help }
        return nil
    }

    /// Long names offered as "did you mean" candidates (hidden options excluded).
    var suggestibleLongNames: [String] {
        current.options.filter { !$0.isHidden }.map(\.long) + ["help"] + (offersVersion ? ["version"] : [])
    }

    /// An unknown-option error, suggesting the closest long name to `body` (exactly `body` when the user
    /// wrote a long name with a single dash, as in `-strict`).
    func unknownOption(_ spelling: String, body: Substring) -> ParseError {
        let names = suggestibleLongNames
        let name = String(body)
        let suggestion = names.contains(name) ? name : EditDistance.suggestion(for: name, among: names)
        return error(.unknownOption(spelling, suggestion: suggestion.map { "--" + $0 }))
    }

    /// Handles a token starting with `-` (not `-` or `--` alone). Returns `.help` or `.version` when the
    /// token asks for them, `.declared` when consumed as an option.
    mutating func option(_ token: String) throws(ParseError) -> Resolved? {
        if token.hasPrefix("--") {
            let body = token.dropFirst(2)
            let name: Substring
            let inline: Substring?
            if let equals = body.firstIndex(of: "=") {
                name = body[..<equals]
                inline = body[body.index(after: equals)...]
            } else {
                name = body
                inline = nil
            }
            let spelling = name.isEmpty ? token : "--" + name
            guard let resolved = resolve(long: String(name)) else {
                throw unknownOption(spelling, body: name)
            }
            return try apply(resolved, spelling: spelling, inline: inline)
        }

        let body = token.dropFirst()
        if let equals = body.firstIndex(of: "=") {
            let name = body[..<equals]
            let inline = body[body.index(after: equals)...]
            guard name.count == 1, let short = name.first, let resolved = resolve(short: short) else {
                throw unknownOption("-" + name, body: name)
            }
            return try apply(resolved, spelling: "-" + name, inline: inline)
        }
        if body.count == 1, let short = body.first {
            guard let resolved = resolve(short: short) else {
                throw error(.unknownOption(token, suggestion: nil))
            }
            return try apply(resolved, spelling: token, inline: nil)
        }
        // A cluster of short options: every letter must resolve; only the last may take a value.
        var cluster: [(Character, Resolved)] = []
        for letter in body {
            guard let resolved = resolve(short: letter) else { throw unknownOption(token, body: body) }
            cluster.append((letter, resolved))
        }
        for (position, (letter, resolved)) in cluster.enumerated() {
            if case .declared(let spec) = resolved, !spec.isFlag, position != cluster.count - 1 {
                throw error(.valueOptionInCluster(option: spec.synopsis(spelling: "-\(letter)"), cluster: token))
            }
        }
        var outcome: Resolved?
        for (letter, resolved) in cluster {
            let applied = try apply(resolved, spelling: "-\(letter)", inline: nil)
            if case .help = applied { outcome = .help }
            if outcome == nil { outcome = applied }
        }
        return outcome
    }

    /// Records one resolved option, reading its value inline or from the next token.
    mutating func apply(_ resolved: Resolved, spelling: String, inline: Substring?) throws(ParseError) -> Resolved {
        guard case .declared(let spec) = resolved else {
            if let inline { throw error(.flagWithValue(option: spelling, value: String(inline))) }
            return resolved
        }
        if spec.isFlag {
            if let inline { throw error(.flagWithValue(option: spelling, value: String(inline))) }
            flags.insert(spec.long)
            return resolved
        }
        let value: String
        if let inline {
            value = String(inline)
        } else if index < argv.count, argv[index] == "-" || !argv[index].hasPrefix("-") {
            value = argv[index]
            index += 1
        } else {
            throw error(.missingValue(option: spec.synopsis(spelling: spelling)))
        }
        if !spec.allowedValues.isEmpty && !spec.allowedValues.contains(value) {
            throw error(.invalidValue(value, option: spec.synopsis(spelling: spelling), allowed: spec.allowedValues))
        }
        options[spec.long, default: []].append(value)
        return resolved
    }

    // MARK: Positionals

    /// Distributes the positionals over the current command's arguments, in order.
    func distributePositionals() throws(ParseError) -> [String: [String]] {
        let specs = current.arguments
        var remaining = positionals[...]
        var result: [String: [String]] = [:]
        for (position, spec) in specs.enumerated() {
            let taken: ArraySlice<String>
            if spec.isVariadic {
                let neededLater = specs[(position + 1)...].filter { !$0.isVariadic }.count
                taken = remaining.prefix(max(0, remaining.count - neededLater))
            } else {
                taken = remaining.prefix(1)
            }
            remaining = remaining.dropFirst(taken.count)
            if taken.isEmpty {
                if spec.isRequired { throw error(.missingArgument(spec.errorSynopsis)) }
            } else {
                result[spec.name] = Array(taken)
            }
        }
        if !remaining.isEmpty {
            throw error(.unexpectedArguments(Array(remaining)))
        }
        return result
    }
}
