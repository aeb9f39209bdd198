/// A cause with one rule, written for a term `suggest` found among unclassified contacts, as a snippet ready to
/// paste into the configuration's `taxonomy.causes` list (`TaxonomyConfigurationReader` reads it as is):
///
/// ```
/// { "path": "suggested/loyalty-points", "name": "Loyalty points", "process": "To be assigned", "avoidable": false, "reason": "...", "rules": [ { "phrase": "loyalty points" } ] },
/// ```
///
/// A word becomes a `keywords` rule, a two-word phrase a `phrase` rule (its words adjacent, as counted). The
/// path, name, process and flag are placeholders for the owner to change; as pasted, the cause classifies the
/// unclassified contacts that contain the term (a phrase, more specific, wins over one of its words).
public struct SuggestedRule: Sendable, Equatable {
    /// The suggested cause's path: `suggested/<term as a path>`, numbered when taken.
    public var path: String
    /// The term with a capital first letter.
    public var name: String
    /// The counted word or phrase.
    public var term: String
    public var isPhrase: Bool

    /// The process given until the owner names one.
    public static let placeholderProcess = "To be assigned"

    /// The rule for `term`; `used` holds the paths given so far (so each is unique).
    public init(term: UnclassifiedTermCounter.Term, usedPaths: inout Set<String>) {
        self.term = term.text
        self.isPhrase = term.isPhrase
        self.path = RootCause.uniquePath(for: term.text, in: "suggested", avoiding: &usedPaths)
        self.name = (term.text.first.map { String($0).uppercased() } ?? "") + term.text.dropFirst()
    }

    /// The rules for `terms`, in order, with distinct paths.
    public static func rules(for terms: [UnclassifiedTermCounter.Term]) -> [SuggestedRule] {
        var used = Set<String>()
        return terms.map { SuggestedRule(term: $0, usedPaths: &used) }
    }

    /// One line of configuration (JSON with a trailing comma, which the configuration accepts).
    public var snippet: String {
        var out = "{ \"path\": "
        JSONValue.writeString(path, into: &out)
        out += ", \"name\": "
        JSONValue.writeString(name, into: &out)
        out += ", \"process\": "
        JSONValue.writeString(Self.placeholderProcess, into: &out)
        out += ", \"avoidable\": false, \"reason\": \"Suggested by contactstat suggest: set the process and flag.\""
        out += ", \"rules\": [ { \"\(isPhrase ? "phrase" : "keywords")\": "
        JSONValue.writeString(term, into: &out)
        out += " } ] },"
        return out
    }
}
