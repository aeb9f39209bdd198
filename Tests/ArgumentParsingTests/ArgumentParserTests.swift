import ArgumentParsing
import Testing

/// One command line and what a successful parse must yield.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let argv: [String]
    let path: [String]
    var flags: Set<String> = []
    var options: [String: [String]] = [:]
    var positionals: [String] = []

    var testDescription: String { argv.map { $0.isEmpty ? "''" : $0 }.joined(separator: " ") }
}

private func report(
    _ argv: [String], flags: Set<String> = [], options: [String: [String]] = [:], positionals: [String]
) -> ParseCase {
    ParseCase(argv: ["report"] + argv, path: ["contactstat", "report"], flags: flags, options: options, positionals: positionals)
}

private func parse(_ argv: [String]) throws(ParseError) -> ParseResult {
    try ArgumentParser.parse(argv, root: SampleCommands.root)
}

private func help(_ path: [String]) -> String {
    HelpFormatter().help(root: SampleCommands.root, subcommandPath: path) ?? "unknown path \(path)"
}

@Suite("ArgumentParser")
struct ArgumentParserTests {
    static let parseCases: [ParseCase] = [
        // Plain positionals.
        report(["a.csv"], positionals: ["a.csv"]),
        report(["a.csv", "b.csv", "c.csv"], positionals: ["a.csv", "b.csv", "c.csv"]),
        report(["tiedosto-ä.csv"], positionals: ["tiedosto-ä.csv"]),
        report([""], positionals: [""]),
        report(["help"], positionals: ["help"]),  // a leaf command has no `help` word
        // Every value syntax.
        report(["--format", "json", "a.csv"], options: ["format": ["json"]], positionals: ["a.csv"]),
        report(["--format=json", "a.csv"], options: ["format": ["json"]], positionals: ["a.csv"]),
        report(["-f", "json", "a.csv"], options: ["format": ["json"]], positionals: ["a.csv"]),
        report(["-f=json", "a.csv"], options: ["format": ["json"]], positionals: ["a.csv"]),
        report(["--window", "14d", "a.csv"], options: ["window": ["14d"]], positionals: ["a.csv"]),
        report(["--output=", "a.csv"], options: ["output": [""]], positionals: ["a.csv"]),
        report(["--output=-x", "a.csv"], options: ["output": ["-x"]], positionals: ["a.csv"]),
        report(["--map=id=Ticket ID", "a.csv"], options: ["map": ["id=Ticket ID"]], positionals: ["a.csv"]),
        report(["--debug-dump", "x", "a.csv"], options: ["debug-dump": ["x"]], positionals: ["a.csv"]),
        // Ordering: options after and between positionals.
        report(["a.csv", "--format", "json"], options: ["format": ["json"]], positionals: ["a.csv"]),
        report(["a.csv", "-f", "markdown", "b.csv"], options: ["format": ["markdown"]], positionals: ["a.csv", "b.csv"]),
        report(["a.csv", "--strict", "b.csv", "-v"], flags: ["strict", "verbose"], positionals: ["a.csv", "b.csv"]),
        // Repetition: every value is kept; `value(_:)` reads the last.
        report(["--format", "text", "--format=json", "a.csv"], options: ["format": ["text", "json"]], positionals: ["a.csv"]),
        report(
            ["--map", "id=Ticket", "a.csv", "--map=channel=Via"], options: ["map": ["id=Ticket", "channel=Via"]],
            positionals: ["a.csv"]),
        report(["--strict", "--strict", "-s", "a.csv"], flags: ["strict"], positionals: ["a.csv"]),
        // Flags and clusters.
        report(["--strict", "a.csv"], flags: ["strict"], positionals: ["a.csv"]),
        report(["-s", "a.csv"], flags: ["strict"], positionals: ["a.csv"]),
        report(["-sv", "a.csv"], flags: ["strict", "verbose"], positionals: ["a.csv"]),
        report(["-vsf", "json", "a.csv"], flags: ["strict", "verbose"], options: ["format": ["json"]], positionals: ["a.csv"]),
        // `-` and `--`.
        report(["-"], positionals: ["-"]),
        report(["--output", "-", "-"], options: ["output": ["-"]], positionals: ["-"]),
        report(["-o", "-", "a.csv", "-"], options: ["output": ["-"]], positionals: ["a.csv", "-"]),
        report(["--", "--strict"], positionals: ["--strict"]),
        report(["--", "-"], positionals: ["-"]),
        report(["a.csv", "--", "-b.csv", "--format", "--help", "--"], positionals: ["a.csv", "-b.csv", "--format", "--help", "--"]),
        report(["--strict", "--", "-f", "json"], flags: ["strict"], positionals: ["-f", "json"]),
        // Everything at once.
        report(
            ["--format", "json", "--map", "a=b", "-sv", "x", "-o=out.json", "y", "--", "z"],
            flags: ["strict", "verbose"], options: ["format": ["json"], "map": ["a=b"], "output": ["out.json"]],
            positionals: ["x", "y", "z"]),
        // Other commands: allowed values are per command; commands without arguments; nesting.
        ParseCase(argv: ["classify", "--format", "csv", "a.csv"], path: ["contactstat", "classify"], options: ["format": ["csv"]], positionals: ["a.csv"]),
        ParseCase(argv: ["generate", "--rows", "100", "--seed=7"], path: ["contactstat", "generate"], options: ["rows": ["100"], "seed": ["7"]]),
        ParseCase(argv: ["generate"], path: ["contactstat", "generate"]),
        ParseCase(argv: ["merge", "a", "b", "c", "d"], path: ["contactstat", "merge"], positionals: ["a", "b", "c", "d"]),
        ParseCase(argv: ["config", "show"], path: ["contactstat", "config", "show"]),
        ParseCase(argv: ["config", "init", "--force", "x.json"], path: ["contactstat", "config", "init"], flags: ["force"], positionals: ["x.json"]),
    ]

    @Test("parses", arguments: parseCases)
    func parses(_ testCase: ParseCase) throws {
        let result = try parse(testCase.argv)
        guard case .run(let command) = result else {
            Issue.record("expected .run, got \(result)")
            return
        }
        #expect(command.path == testCase.path)
        #expect(command.flags == testCase.flags)
        #expect(command.options == testCase.options)
        #expect(command.positionals == testCase.positionals)
    }

    @Test("typed accessors: last wins, all values, flags, defaults only on request")
    func accessors() throws {
        let result = try parse(["report", "-f", "text", "--map", "a=1", "x", "--format=json", "--map", "b=2", "-s"])
        guard case .run(let command) = result else {
            Issue.record("expected .run, got \(result)")
            return
        }
        #expect(command.value("format") == "json")
        #expect(command.values("format") == ["text", "json"])
        #expect(command.values("map") == ["a=1", "b=2"])
        #expect(command.flag("strict"))
        #expect(!command.flag("verbose"))
        #expect(command.value("window") == nil)
        #expect(command.valueOrDefault("window") == "7d")
        #expect(command.valueOrDefault("timezone") == nil)
        #expect(command.values("debug-dump") == [])
        #expect(command.argumentValues("file") == ["x"])
        #expect(command.subcommandPath == ["report"])
        #expect(command.spec.name == "report")
    }

    struct DistributionCase: Sendable, CustomTestStringConvertible {
        let argv: [String]
        let first: [String]
        let more: [String]
        let target: [String]
        var testDescription: String { argv.joined(separator: " ") }
    }

    @Test(
        "positionals fill arguments in order; the variadic one takes what later ones do not need",
        arguments: [
            DistributionCase(argv: ["a", "d"], first: ["a"], more: [], target: ["d"]),
            DistributionCase(argv: ["a", "b", "d"], first: ["a"], more: ["b"], target: ["d"]),
            DistributionCase(argv: ["a", "b", "c", "d"], first: ["a"], more: ["b", "c"], target: ["d"]),
            DistributionCase(argv: ["a", "--", "-b", "-"], first: ["a"], more: ["-b"], target: ["-"]),
        ])
    func distribution(_ testCase: DistributionCase) throws {
        let result = try parse(["merge"] + testCase.argv)
        guard case .run(let command) = result else {
            Issue.record("expected .run, got \(result)")
            return
        }
        #expect(command.argumentValues("first") == testCase.first)
        #expect(command.argumentValues("more") == testCase.more)
        #expect(command.argumentValues("target") == testCase.target)
        #expect(command.argument("target") == testCase.target.first)
        #expect(command.arguments["more"] == (testCase.more.isEmpty ? nil : testCase.more))
    }

    struct HelpCase: Sendable, CustomTestStringConvertible {
        let argv: [String]
        let helpPath: [String]
        var testDescription: String { argv.isEmpty ? "(nothing)" : argv.joined(separator: " ") }
    }

    @Test(
        "help requests return the help of the right command",
        arguments: [
            HelpCase(argv: [], helpPath: []),
            HelpCase(argv: ["--help"], helpPath: []),
            HelpCase(argv: ["-h"], helpPath: []),
            HelpCase(argv: ["help"], helpPath: []),
            HelpCase(argv: ["help", "report"], helpPath: ["report"]),
            HelpCase(argv: ["help", "report", "--format"], helpPath: ["report"]),
            HelpCase(argv: ["report", "--help"], helpPath: ["report"]),
            HelpCase(argv: ["report", "-h", "a.csv"], helpPath: ["report"]),
            HelpCase(argv: ["report", "a.csv", "--strict", "--help"], helpPath: ["report"]),
            HelpCase(argv: ["report", "-sh"], helpPath: ["report"]),
            HelpCase(argv: ["report", "--fromat", "json", "--help"], helpPath: ["report"]),  // help wins over errors
            HelpCase(argv: ["report", "--format", "--help"], helpPath: ["report"]),
            HelpCase(argv: ["reprot", "--help"], helpPath: []),
            HelpCase(argv: ["config"], helpPath: ["config"]),
            HelpCase(argv: ["config", "--help"], helpPath: ["config"]),
            HelpCase(argv: ["help", "config", "init"], helpPath: ["config", "init"]),
            HelpCase(argv: ["config", "help", "init"], helpPath: ["config", "init"]),
            HelpCase(argv: ["config", "init", "-h"], helpPath: ["config", "init"]),
            HelpCase(argv: ["generate", "-h"], helpPath: ["generate"]),
        ])
    func helpRequests(_ testCase: HelpCase) throws {
        let result = try parse(testCase.argv)
        #expect(result == .help(help(testCase.helpPath)))
    }

    @Test("--version on the root returns the version")
    func version() throws {
        #expect(try parse(["--version"]) == .version("1.2.3"))
        #expect(try parse(["--version", "report"]) == .version("1.2.3"))
    }

    @Test("--version is unknown without a declared version and on subcommands")
    func versionUnavailable() {
        let bare = CommandSpec(name: "tool", subcommands: [CommandSpec(name: "run")])
        #expect(throws: ParseError(.unknownOption("--version", suggestion: nil), commandPath: ["tool"])) {
            try ArgumentParser.parse(["--version"], root: bare)
        }
        #expect(throws: ParseError(.unknownOption("--version", suggestion: nil), commandPath: ["contactstat", "report"])) {
            try parse(["report", "--version"])
        }
    }

    @Test("options of a parent are accepted before the subcommand and kept")
    func parentOptions() throws {
        let root = CommandSpec(
            name: "tool",
            options: [.value("config", short: "c", defaultValue: "tool.json", help: "Configuration file.")],
            subcommands: [CommandSpec(name: "run", options: [.flag("dry-run")])])
        let result = try ArgumentParser.parse(["-c", "x.json", "run", "--dry-run"], root: root)
        guard case .run(let command) = result else {
            Issue.record("expected .run, got \(result)")
            return
        }
        #expect(command.path == ["tool", "run"])
        #expect(command.value("config") == "x.json")
        #expect(command.flag("dry-run"))
        // After the subcommand name, only the subcommand's own options are known.
        #expect(throws: ParseError(.unknownOption("--config", suggestion: nil), commandPath: ["tool", "run"])) {
            try ArgumentParser.parse(["run", "--config", "x.json"], root: root)
        }
    }

    @Test("a root with positionals of its own runs without a subcommand")
    func rootWithArguments() throws {
        let root = CommandSpec(
            name: "tool", arguments: [ArgumentSpec("file", isRequired: false)],
            subcommands: [CommandSpec(name: "run")])
        #expect(try ArgumentParser.parse([], root: root) == .run(ParsedCommand(path: ["tool"], spec: root)))
        #expect(
            try ArgumentParser.parse(["x"], root: root)
                == .run(ParsedCommand(path: ["tool"], spec: root, positionals: ["x"], arguments: ["file": ["x"]])))
    }
}
