import ArgumentParsing
import Testing

@Suite("CommandSpec")
struct CommandSpecTests {
    @Test("the sample tree is well formed")
    func sampleTreeIsWellFormed() {
        #expect(SampleCommands.root.definitionProblems() == [])
    }

    @Test("definition mistakes are reported with their command path")
    func problems() {
        let broken = CommandSpec(
            name: "tool",
            options: [.flag("help"), .flag("x", short: "h"), .flag("x", short: "q"), .flag("y", short: "q"), .flag("a=b")],
            arguments: [ArgumentSpec("f", isVariadic: true), ArgumentSpec("f", isVariadic: true)],
            subcommands: [CommandSpec(name: "help"), CommandSpec(name: "run", options: [.flag("")]), CommandSpec(name: "run")])
        #expect(
            broken.definitionProblems() == [
                "tool: option name '--help' is reserved",
                "tool: short name '-h' is reserved for help",
                "tool: option '--x' is declared twice",
                "tool: short name '-q' is declared twice",
                "tool: option name 'a=b' must not contain '=', spaces or leading dashes",
                "tool: more than one variadic argument",
                "tool: argument '<f>' is declared twice",
                "tool: subcommand name 'help' is reserved",
                "tool run: an option has an empty long name",
                "tool: subcommand 'run' is declared twice",
            ])
    }

    @Test("command stacks follow subcommand names")
    func stacks() {
        #expect(SampleCommands.root.commandStack(following: ["config", "init"])?.map(\.name) == ["contactstat", "config", "init"])
        #expect(SampleCommands.root.commandStack(following: [])?.map(\.name) == ["contactstat"])
        #expect(SampleCommands.root.commandStack(following: ["report", "x"]) == nil)
    }

    @Test("option synopses")
    func synopses() {
        #expect(OptionSpec.value("format", short: "f").longSynopsis == "--format <format>")
        #expect(OptionSpec.repeatable("map", valueName: "field=column").longSynopsis == "--map <field=column>")
        #expect(OptionSpec.flag("strict").longSynopsis == "--strict")
        #expect(ArgumentSpec("file", isVariadic: true, isRequired: false).usageSynopsis == "[<file> ...]")
        #expect(ArgumentSpec("file").usageSynopsis == "<file>")
    }
}
