import Foundation
import Testing

/// The library's dependencies point one way (ARCHITECTURE.md): it does not import the command-line parser,
/// its messages name settings (`Setting`) rather than flags, Input knows nothing of Pipeline, and the bottom
/// folder Text knows nothing of the stages above it. Checked by reading the sources, so a slip fails here.
@Suite("Dependency direction")
struct DependencyDirectionTests {
    static let library = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ContactAnalytics")

    /// Report texts that still name flags: the narrative is rendered inside the library, with no front end to
    /// word it (`ReportNarrative` tells a command-line user how to map a missing column).
    static let flagAllowlist: Set<String> = ["Reports/ReportNarrative.swift"]

    /// The Swift files of `folder` (relative paths), with their lines outside `///` and `//` comments.
    static func sources(in folder: String = "") throws -> [(path: String, lines: [String])] {
        let root = library.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [(String, [String])] = []
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            files.append(((folder.isEmpty ? "" : folder + "/") + relative, code))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The types a folder declares, taken from its file names (one main type per file, named after it).
    static func typeNames(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: library.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".swift") && !$0.contains("+") }
            .map { String($0.dropLast(6)) }
    }

    /// The lines of `files` that use one of `types` as a whole word (an identifier).
    static func uses(of types: [String], in files: [(path: String, lines: [String])]) -> [String] {
        let names = Set(types)
        return files.flatMap { file in
            file.lines.filter { line in
                line.split { !($0.isLetter || $0.isNumber || $0 == "_") }.contains { names.contains(String($0)) }
            }.map { "\(file.path): \($0.trimmingCharacters(in: .whitespaces))" }
        }
    }

    /// Whether `line` has a string literal holding `--` and a lower-case letter (`"--map"`, `"... --preset x"`).
    static func namesFlag(_ line: String) -> Bool {
        var inString = false
        var previous: [Character] = []
        for character in line {
            if character == "\"" { inString.toggle() }
            if inString, previous.suffix(2) == ["-", "-"], character.isLowercase, character.isLetter { return true }
            previous.append(character)
        }
        return false
    }

    @Test("the library does not import the command-line parser")
    func noParserImport() throws {
        let sources = try Self.sources()
        #expect(sources.count > 100)
        let imports = sources.flatMap { file in
            file.lines.filter { $0.hasPrefix("import ArgumentParsing") }.map { "\(file.path): \($0)" }
        }
        #expect(imports == [])
    }

    @Test("the library's string literals name no command-line flag (a setting is a Setting)")
    func noFlagsInMessages() throws {
        let named = try Self.sources().filter { !Self.flagAllowlist.contains($0.path) }.flatMap { file in
            file.lines.filter(Self.namesFlag).map { "\(file.path): \($0.trimmingCharacters(in: .whitespaces))" }
        }
        #expect(named == [])
        // The check itself finds a flag where one is, and only there.
        #expect(Self.namesFlag(#"throw ContactStatError(.usage, "--map expects FIELD=COLUMN")"#))
        #expect(Self.namesFlag(#"message += "; run with --threads 1""#))
        #expect(!Self.namesFlag(#"throw ContactStatError(.usage, "\(setting: .map) expects FIELD=COLUMN")"#))
        #expect(!Self.namesFlag(#"let x = y -- z // "--"#))
    }

    @Test("Input uses no Pipeline type")
    func inputBelowPipeline() throws {
        let pipeline = try Self.typeNames(in: "Pipeline")
        #expect(pipeline.contains("IngestOptions"))
        #expect(Self.uses(of: pipeline, in: try Self.sources(in: "Input")) == [])
        // The check itself finds a use where one is.
        #expect(Self.uses(of: pipeline, in: [("x.swift", ["func f(_ options: IngestOptions) {"])]) == ["x.swift: func f(_ options: IngestOptions) {"])
    }

    @Test("Text, the bottom folder, uses no type of the stages above it")
    func textAtTheBottom() throws {
        var above: [String] = []
        for folder in ["Input", "Mapping", "Classification", "Metrics", "Reports", "Pipeline", "Actions", "Configuration"] {
            above += try Self.typeNames(in: folder)
        }
        #expect(Self.uses(of: above, in: try Self.sources(in: "Text")) == [])
    }
}
