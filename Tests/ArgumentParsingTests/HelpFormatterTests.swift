@testable import ArgumentParsing
import Testing

@Suite("HelpFormatter")
struct HelpFormatterTests {
    struct GoldenCase: Sendable, CustomTestStringConvertible {
        let path: [String]
        let golden: String
        var width = 80
        var testDescription: String { golden }
    }

    @Test(
        "help text matches the golden files",
        arguments: [
            GoldenCase(path: [], golden: "root"),
            GoldenCase(path: ["report"], golden: "report"),
            GoldenCase(path: ["report"], golden: "report-width-50", width: 50),
            GoldenCase(path: ["classify"], golden: "classify"),
            GoldenCase(path: ["generate"], golden: "generate"),
            GoldenCase(path: ["merge"], golden: "merge"),
            GoldenCase(path: ["config"], golden: "config"),
            GoldenCase(path: ["config", "init"], golden: "config-init"),
        ])
    func golden(_ testCase: GoldenCase) {
        let text = HelpFormatter(width: testCase.width).help(root: SampleCommands.root, subcommandPath: testCase.path)
        assertGolden(text ?? "<no such command>", named: testCase.golden)
    }

    @Test("help is derived from the specs: every visible option and argument appears, hidden ones do not")
    func derivedFromSpecs() {
        let text = HelpFormatter().help(for: [SampleCommands.root, SampleCommands.report])
        for option in SampleCommands.report.options {
            #expect(text.contains("--\(option.long)") == !option.isHidden, "--\(option.long)")
        }
        #expect(text.contains("<file>"))
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("--format <format> The output format. (values: text, markdown, json; default: text)"))
        #expect(words.contains("--map <field=column> Map a canonical field"))
        #expect(words.contains("overriding the preset. (repeatable)"))
        #expect(!text.contains("--version"))  // only on the root
    }

    @Test("no line exceeds the width unless a single word is longer (example invocations are kept whole)", arguments: [40, 60, 80, 100])
    func width(_ width: Int) {
        let formatter = HelpFormatter(width: width)
        for path in [[], ["report"], ["classify"], ["merge"], ["config", "init"]] {
            let text = formatter.help(root: SampleCommands.root, subcommandPath: path) ?? ""
            for line in text.split(separator: "\n") where line.count > width && !line.hasPrefix("    $ ") {
                #expect(!line.trimmingPrefix(while: { $0 == " " }).contains(" "), "too long at \(width): \(line)")
            }
        }
    }

    @Test("usage line", arguments: [
        ([String](), "contactstat <subcommand>"),
        (["report"], "contactstat report [<options>] <file> ..."),
        (["merge"], "contactstat merge <first> [<more> ...] <target>"),
        (["config"], "contactstat config <subcommand>"),
        (["config", "init"], "contactstat config init [<options>] [<path>]"),
        (["config", "show"], "contactstat config show"),
    ])
    func usage(_ path: [String], _ expected: String) {
        let stack = SampleCommands.root.commandStack(following: path) ?? []
        #expect(HelpFormatter().usage(for: stack) == expected)
    }

    @Test("an unknown path gives no help")
    func unknownPath() {
        #expect(HelpFormatter().help(root: SampleCommands.root, subcommandPath: ["nope"]) == nil)
        #expect(HelpFormatter().help(for: []) == "")
    }

    struct WrapCase: Sendable, CustomTestStringConvertible {
        let text: String
        let width: Int
        let firstIndent: Int
        let indent: Int
        let lines: [String]
        var testDescription: String { "\(text.debugDescription) @\(width)" }
    }

    @Test(
        "word wrapping",
        arguments: [
            WrapCase(text: "one two three", width: 80, firstIndent: 0, indent: 0, lines: ["one two three"]),
            WrapCase(text: "one two three", width: 7, firstIndent: 0, indent: 0, lines: ["one two", "three"]),
            WrapCase(text: "one two three", width: 8, firstIndent: 2, indent: 4, lines: ["  one", "    two", "    three"]),
            WrapCase(text: "a verylongword b", width: 5, firstIndent: 0, indent: 1, lines: ["a", " verylongword", " b"]),
            WrapCase(text: "a  b   c  ", width: 80, firstIndent: 0, indent: 0, lines: ["a  b   c"]),  // fits: kept
            WrapCase(text: "a  b   c", width: 7, firstIndent: 0, indent: 0, lines: ["a b c"]),  // refilled
            WrapCase(text: "0   ok\n1   a longer line", width: 10, firstIndent: 2, indent: 2, lines: ["  0   ok", "  1 a", "  longer", "  line"]),
            WrapCase(text: "p1\n\n  x y z", width: 5, firstIndent: 0, indent: 0, lines: ["p1", "", "  x y", "  z"]),
            WrapCase(text: "", width: 10, firstIndent: 3, indent: 3, lines: [""]),
        ])
    func wrapping(_ testCase: WrapCase) {
        let lines = LineWrapper(width: testCase.width).wrap(testCase.text, firstIndent: testCase.firstIndent, indent: testCase.indent)
        #expect(lines == testCase.lines)
    }
}
