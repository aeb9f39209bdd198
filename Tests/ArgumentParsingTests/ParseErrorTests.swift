import ArgumentParsing
import Testing

/// A command line that must fail, with the exact message and hint.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let argv: [String]
    let message: String
    let hint: String

    init(_ argv: [String], _ message: String, hint: String = "see 'contactstat report --help'") {
        self.argv = argv
        self.message = message
        self.hint = hint
    }

    var testDescription: String { argv.joined(separator: " ") }
}

@Suite("ParseError messages")
struct ParseErrorTests {
    static let rootHint = "see 'contactstat --help'"

    static let cases: [ErrorCase] = [
        // Unknown options, with and without a suggestion.
        ErrorCase(["report", "--fromat", "json", "a.csv"], "unknown option '--fromat'; did you mean '--format'?"),
        ErrorCase(["report", "--frmat=json", "a.csv"], "unknown option '--frmat'; did you mean '--format'?"),
        ErrorCase(["report", "a.csv", "--stirct"], "unknown option '--stirct'; did you mean '--strict'?"),
        ErrorCase(["report", "--hlep"], "unknown option '--hlep'; did you mean '--help'?"),
        ErrorCase(["report", "--out", "x", "a.csv"], "unknown option '--out'; did you mean '--output'?"),
        ErrorCase(["report", "--timezon=UTC", "a.csv"], "unknown option '--timezon'; did you mean '--timezone'?"),
        ErrorCase(["report", "--xyz", "a.csv"], "unknown option '--xyz'"),
        ErrorCase(["report", "--debug-dumb", "a.csv"], "unknown option '--debug-dumb'"),  // hidden: never suggested
        ErrorCase(["report", "-q", "a.csv"], "unknown option '-q'"),
        ErrorCase(["report", "-q=1", "a.csv"], "unknown option '-q'"),
        ErrorCase(["report", "-strict", "a.csv"], "unknown option '-strict'; did you mean '--strict'?"),
        ErrorCase(["report", "-format=json", "a.csv"], "unknown option '-format'; did you mean '--format'?"),
        ErrorCase(["report", "-sx", "a.csv"], "unknown option '-sx'"),
        ErrorCase(["report", "--=x", "a.csv"], "unknown option '--=x'"),
        ErrorCase(["report", "--version"], "unknown option '--version'"),
        ErrorCase(["--strict", "report"], "unknown option '--strict'", hint: rootHint),
        ErrorCase(["--verison"], "unknown option '--verison'; did you mean '--version'?", hint: rootHint),
        // Unknown subcommands.
        ErrorCase(["reprot", "a.csv"], "unknown subcommand 'reprot'; did you mean 'report'?", hint: rootHint),
        ErrorCase(["clasify"], "unknown subcommand 'clasify'; did you mean 'classify'?", hint: rootHint),
        ErrorCase(["hlep"], "unknown subcommand 'hlep'; did you mean 'help'?", hint: rootHint),
        ErrorCase(["frobnicate"], "unknown subcommand 'frobnicate'", hint: rootHint),
        ErrorCase(["-"], "unknown subcommand '-'", hint: rootHint),
        ErrorCase(["help", "reprot"], "unknown subcommand 'reprot'; did you mean 'report'?", hint: rootHint),
        ErrorCase(["config", "shwo"], "unknown subcommand 'shwo'; did you mean 'show'?", hint: "see 'contactstat config --help'"),
        ErrorCase(["help", "report", "extra"], "unexpected argument 'extra'"),
        // Values.
        ErrorCase(["report", "a.csv", "--format"], "missing value for '--format <format>'"),
        ErrorCase(["report", "a.csv", "-f"], "missing value for '-f <format>'"),
        ErrorCase(["report", "--format", "--strict", "a.csv"], "missing value for '--format <format>'"),
        ErrorCase(["report", "--output", "--", "a.csv"], "missing value for '--output <path>'"),
        ErrorCase(["report", "-vf"], "missing value for '-f <format>'"),
        ErrorCase(["report", "--strict=yes", "a.csv"], "flag '--strict' takes no value, but was given 'yes'"),
        ErrorCase(["report", "-s=", "a.csv"], "flag '-s' takes no value, but was given ''"),
        ErrorCase(["report", "--help=me"], "flag '--help' takes no value, but was given 'me'"),
        ErrorCase(["--version=2"], "flag '--version' takes no value, but was given '2'", hint: rootHint),
        ErrorCase(
            ["report", "--format", "png", "a.csv"],
            "invalid value 'png' for '--format <format>'; expected one of: text, markdown, json"),
        ErrorCase(["report", "-f=JSON", "a.csv"], "invalid value 'JSON' for '-f <format>'; expected one of: text, markdown, json"),
        ErrorCase(
            ["classify", "--format", "markdown", "a.csv"], "invalid value 'markdown' for '--format <format>'; expected one of: csv, json",
            hint: "see 'contactstat classify --help'"),
        ErrorCase(["report", "-fs", "json", "a.csv"], "option '-f <format>' takes a value and must come last in '-fs'"),
        // Positionals.
        ErrorCase(["report"], "missing expected argument '<file> ...'"),
        ErrorCase(["report", "--strict", "--"], "missing expected argument '<file> ...'"),
        ErrorCase(["merge", "a"], "missing expected argument '<target>'", hint: "see 'contactstat merge --help'"),
        ErrorCase(["merge"], "missing expected argument '<first>'", hint: "see 'contactstat merge --help'"),
        ErrorCase(["generate", "extra"], "unexpected argument 'extra'", hint: "see 'contactstat generate --help'"),
        ErrorCase(["generate", "a", "--rows", "5", "b"], "2 unexpected arguments: 'a', 'b'", hint: "see 'contactstat generate --help'"),
        ErrorCase(["config", "show", "x"], "unexpected argument 'x'", hint: "see 'contactstat config show --help'"),
    ]

    @Test("exact message and hint", arguments: cases)
    func message(_ testCase: ErrorCase) {
        do {
            let result = try ArgumentParser.parse(testCase.argv, root: SampleCommands.root)
            Issue.record("expected an error, got \(result)")
        } catch {
            #expect(error.message == testCase.message)
            #expect(error.hint == testCase.hint)
            #expect(error.description == testCase.message)
        }
    }

    @Test("the reason carries the structured details")
    func reason() {
        #expect(throws: ParseError(.unknownOption("--fromat", suggestion: "--format"), commandPath: ["contactstat", "report"])) {
            try ArgumentParser.parse(["report", "--fromat", "json", "x"], root: SampleCommands.root)
        }
        #expect(
            throws: ParseError(.invalidValue("png", option: "-f <format>", allowed: ["text", "markdown", "json"]), commandPath: ["contactstat", "report"])
        ) {
            try ArgumentParser.parse(["report", "-f", "png", "x"], root: SampleCommands.root)
        }
    }
}
