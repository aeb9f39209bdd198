import ArgumentParsing
import ContactAnalytics

/// `contactstat causes`: the taxonomy in force as a tree.
enum CausesCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let settings = try RunSettings(command, needsFiles: false)
        StandardStreams.writeOut(TaxonomyTreeFormatter().format(settings.taxonomy))
        return 0
    }
}
