import Foundation
import Testing

/// `--help`, `-h` and `help COMMAND`: golden text under `Fixtures/e2e/help/`, identical for every spelling.
@Suite struct HelpCommandTests {
    static let commands = ["report", "impact", "classify", "validate", "check", "causes", "suggest", "eval", "init", "generate", "sql"]

    @Test func rootHelpIsGoldenAndTheSameForEverySpelling() throws {
        let long = try BinaryRunner.run(["--help"])
        #expect(long.status == 0)
        #expect(long.stderr.isEmpty)
        GoldenFile.check(long.stdout, against: "help/contactstat.txt")
        for spelling in [["-h"], ["help"]] {
            let other = try BinaryRunner.run(spelling)
            #expect(other.status == 0, "\(spelling)")
            #expect(other.stdout == long.stdout, "\(spelling) differs from --help")
            #expect(other.stderr.isEmpty)
        }
        // Every command is listed with its one-line abstract.
        for command in Self.commands {
            #expect(long.stdout.contains("\n  \(command) "), "\(command) missing from the command list")
        }
    }

    @Test(arguments: commands)
    func commandHelpIsGoldenAndTheSameForEverySpelling(command: String) throws {
        let help = try BinaryRunner.run(["help", command])
        #expect(help.status == 0)
        #expect(help.stderr.isEmpty)
        #expect(help.stdout.hasPrefix("OVERVIEW: "))
        #expect(help.stdout.contains("\nUSAGE: contactstat \(command) [<options>]"))
        GoldenFile.check(help.stdout, against: "help/\(command).txt")
        for spelling in [[command, "--help"], [command, "-h"]] {
            let other = try BinaryRunner.run(spelling)
            #expect(other.status == 0, "\(spelling)")
            #expect(other.stdout == help.stdout, "\(spelling) differs from help \(command)")
            #expect(other.stderr.isEmpty)
        }
    }

    /// Help is wrapped at 80 columns (not the terminal's width) so it reads the same everywhere; only
    /// example command lines (`$ contactstat ...`) are left whole so they can be copied.
    @Test(arguments: [nil] + commands.map { Optional($0) })
    func helpFitsEightyColumns(command: String?) throws {
        let help = try BinaryRunner.run(["help"] + (command.map { [$0] } ?? []))
        let long = help.stdout.split(separator: "\n")
            .filter { $0.count > 80 && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("$ contactstat ") }
        #expect(long.isEmpty, "lines over 80 columns: \(long)")
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        let result = try BinaryRunner.run(["help", "reprot"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "contactstat: error: unknown subcommand 'reprot'; did you mean 'report'?\nsee 'contactstat --help'\n")
    }
}
