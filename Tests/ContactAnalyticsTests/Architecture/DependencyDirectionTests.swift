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

    /// The lines of `files` that use one of `types` as a whole word.
    static func uses(of types: [String], in files: [(path: String, lines: [String])]) throws -> [String] {
        let pattern = try Regex("\\b(" + types.joined(separator: "|") + ")\\b")
        return files.flatMap { file in
            file.lines.filter { $0.contains(pattern) }.map { "\(file.path): \($0.trimmingCharacters(in: .whitespaces))" }
        }
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
        // A quote, then anything but a quote, then `--` and a letter: "--map", "... with --preset x".
        let flag = try Regex(#""[^"]*--[a-z]"#)
        let named = try Self.sources().filter { !Self.flagAllowlist.contains($0.path) }.flatMap { file in
            file.lines.filter { $0.contains(flag) }.map { "\(file.path): \($0.trimmingCharacters(in: .whitespaces))" }
        }
        #expect(named == [])
        // The check itself finds a flag where one is.
        #expect(#"throw ContactStatError(.usage, "--map expects FIELD=COLUMN")"#.contains(flag))
        #expect(!#"throw ContactStatError(.usage, "\(setting: .map) expects FIELD=COLUMN")"#.contains(flag))
    }

    @Test("Input uses no Pipeline type")
    func inputBelowPipeline() throws {
        let pipeline = try Self.typeNames(in: "Pipeline")
        #expect(pipeline.contains("IngestOptions"))
        #expect(try Self.uses(of: pipeline, in: try Self.sources(in: "Input")) == [])
    }

    @Test("Text, the bottom folder, uses no type of the stages above it")
    func textAtTheBottom() throws {
        var above: [String] = []
        for folder in ["Input", "Mapping", "Classification", "Metrics", "Reports", "Pipeline", "Actions", "Configuration"] {
            above += try Self.typeNames(in: folder)
        }
        #expect(try Self.uses(of: above, in: try Self.sources(in: "Text")) == [])
    }
}
