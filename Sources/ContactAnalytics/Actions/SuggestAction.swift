import Foundation

/// `suggest`: the frequent words and phrases among unclassified contacts, each with a cause and rule ready to
/// paste into the configuration (`SuggestedRule`). Performed with `perform()`, the table is a value
/// (`ActionOutcome.output`).
public struct SuggestAction: Sendable {
    public var settings: RunSettings
    /// How many terms to list.
    public var top: Int

    public init(settings: RunSettings, top: Int) {
        self.settings = settings
        self.top = top
    }

    /// `top` read from text: a positive whole number.
    public init(settings: RunSettings, top text: String) throws {
        guard let top = Int(text), top > 0 else {
            throw ContactStatError(.usage, "\(setting: .top) expects a positive whole number")
        }
        self.init(settings: settings, top: top)
    }

    /// Classifies the input and counts the terms of the contacts left unclassified.
    public func perform() throws -> ActionOutcome {
        let taxonomy = settings.taxonomy
        let foldDiacritics = settings.foldDiacritics
        var classifier: RootCauseClassifier?
        var key = ""
        var counter = UnclassifiedTermCounter()
        var total = 0, unclassified = 0
        let summary = try ContactIngest.run(settings.ingest) { contact, raw, context in
            let current = "\(context.file)#\(context.headerVersion)"
            if classifier == nil || current != key {
                classifier = try RootCauseClassifier(taxonomy: taxonomy, header: context.header,
                                                     foldDiacritics: foldDiacritics)
                key = current
            }
            total += 1
            if classifier?.classify(contact, raw: raw).isClassified != true {
                unclassified += 1
                counter.add(contact: contact)
            }
        }
        return ActionOutcome(output: Self.table(unclassified: unclassified, of: total, terms: counter.top(top)),
                             diagnostics: settings.quiet ? DiagnosticLog() : summary.diagnostics,
                             status: settings.strict && summary.rejected > 0 ? 1 : 0)
    }

    /// The coverage line, the terms with their counts and examples, and a rule for each to paste.
    public static func table(unclassified: Int, of total: Int, terms: [UnclassifiedTermCounter.Term]) -> String {
        var out = "\(unclassified) of \(total) contacts unclassified"
            + (total > 0 ? String(format: " (coverage %.1f %%)", 100 * Double(total - unclassified) / Double(total)) : "") + "\n\n"
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
        return out
    }
}
