import ArgumentParsing
import ContactAnalytics

/// `contactstat suggest FILE...`: frequent words and phrases among unclassified contacts, each with a
/// cause and rule ready to paste into the configuration (`SuggestedRule`).
enum SuggestCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let settings = try RunSettings(command)
        guard let top = Int(command.valueOrDefault("top") ?? ""), top > 0 else {
            throw ContactStatError(.usage, "--top expects a positive whole number")
        }
        let taxonomy = try settings.taxonomy()
        var classifier: RootCauseClassifier?
        var key = ""
        var counter = UnclassifiedTermCounter()
        var total = 0, unclassified = 0
        let summary = try ContactIngest.run(settings.ingest) { contact, raw, context in
            let current = "\(context.file)#\(context.headerVersion)"
            if classifier == nil || current != key {
                classifier = try RootCauseClassifier(taxonomy: taxonomy, header: context.header,
                                                     foldDiacritics: settings.foldDiacritics)
                key = current
            }
            total += 1
            if classifier?.classify(contact, raw: raw).isClassified != true {
                unclassified += 1
                counter.add(contact: contact)
            }
        }
        var out = "\(unclassified) of \(total) contacts unclassified"
            + (total > 0 ? String(format: " (coverage %.1f %%)", 100 * Double(total - unclassified) / Double(total)) : "") + "\n\n"
        let terms = counter.top(top)
        let width = min(40, (terms.map { $0.text.count }.max() ?? 4) + 2)
        out += "count  " + "term".padding(toLength: width, withPad: " ", startingAt: 0) + "example\n"
        for term in terms {
            let count = String(term.count)
            out += String(repeating: " ", count: max(0, 5 - count.count)) + count + "  "
                + term.text.padding(toLength: width, withPad: " ", startingAt: 0) + term.example + "\n"
        }
        if !terms.isEmpty {
            out += "\nTo classify them, paste into the configuration's \"taxonomy\": { \"causes\": [ ... ] } "
                + "(then rename the path and name, and set the process and avoidable flag):\n"
            for rule in SuggestedRule.rules(for: terms) { out += rule.snippet + "\n" }
        }
        StandardStreams.writeOut(out)
        DiagnosticPrinter.print(summary.diagnostics, quiet: settings.quiet)
        return settings.strict && summary.rejected > 0 ? 1 : 0
    }
}
