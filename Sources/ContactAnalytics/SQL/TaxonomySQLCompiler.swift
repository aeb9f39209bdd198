import Foundation

/// The taxonomy's rules as one SQL `CASE` expression: a `WHEN` per rule, in the classifier's precedence order
/// (`RootCauseRule.precedenceOrder`), so the first rule that matches gives the cause, as in
/// `RootCauseClassifier`.
///
/// **How words match.** `WordTokenizer` splits text into tokens (runs of letters, digits and combining marks),
/// lower-cased. The SQL does the same once per field: every run of other characters becomes one space and the
/// field is wrapped in spaces (`tk_subject` = `' where is my order '`). A word is then a substring test for
/// `' order '`, a prefix `tilau*` for `' tilau'`, a phrase for `' where is my order '`; only a phrase with a
/// prefix before its last word needs a regular expression (`' foo[^ ]* bar '`). Tags are tokenised with `|`
/// kept between them, and `any_text` joins subject, text, category and tags with `|`, so a phrase never spans
/// two fields or two tags, as in the classifier.
///
/// **Whole values** (`equals`, `one_of`, `tags_contain`) compare the field lower-cased, trimmed and with runs
/// of white space as one space (`vl_subject`); tags as `|tag|tag|` (`vl_tags`), searched for `|value|`.
///
/// **Regular expressions** run case-insensitively on the first 4,096 characters of the raw field (the
/// classifier: 4,096 bytes), in the engine's own syntax (RE2 for DuckDB and BigQuery, Java for Spark, Joni for
/// Trino, POSIX ARE for PostgreSQL; contactstat uses ICU): a pattern using syntax one of them lacks is the
/// configuration's to adapt.
///
/// A rule that names an export column (`column:NAME`) is left out: the canonical table has no raw columns, as
/// the classifier leaves out a rule whose column the export lacks.
struct TaxonomySQLCompiler {
    let dialect: SQLDialect
    let foldDiacritics: Bool
    private let tokenizer: WordTokenizer

    /// The fields (canonical table columns) a taxonomy rule can read, in the order of `RuleField`.
    static let fieldColumns = ["subject", "text", "category", "tags", "channel", "queue", "status", "language"]

    init(dialect: SQLDialect, foldDiacritics: Bool) {
        self.dialect = dialect
        self.foldDiacritics = foldDiacritics
        self.tokenizer = WordTokenizer(foldDiacritics: foldDiacritics)
    }

    /// What compiling a taxonomy gives: the `CASE` expression over the columns it names, and those columns.
    struct Compiled {
        /// `CASE WHEN ... THEN 'cause/path' ... ELSE 'unclassified' END`.
        var expression: String
        /// The derived columns the expression reads (`tk_subject`, `vl_tags`, `rx_text`, `tk_any`, ...), sorted.
        var derivedColumns: [String]
        /// The canonical columns those are computed from, in `fieldColumns` order.
        var fields: [String]
        /// Rules left out because they name an export column, as `cause (label)`.
        var skippedRules: [String]
    }

    /// Compiles the rules of `taxonomy`. Throws `ContactStatError(.configuration)` for a keyword the classifier
    /// would refuse too (a lone `*`, no letters or digits).
    func compile(_ taxonomy: Taxonomy) throws -> Compiled {
        var state = State()
        var whens: [String] = []
        var skipped: [String] = []
        for (rank, rule) in RootCauseRule.precedenceOrder(taxonomy.rules).enumerated() {
            let named = rule.label.isEmpty ? rule.cause : "\(rule.cause) (\(rule.label))"
            if rule.condition.fields.contains(where: { if case .column = $0 { true } else { false } }) {
                skipped.append(named)
                continue
            }
            let condition = try compile(rule.condition, label: named, state: &state)
            whens.append("    -- \(rank + 1). \(Self.commentSafe(named)), priority \(rule.priority)\n"
                         + "    WHEN \(condition) THEN \(dialect.literal(rule.cause))")
        }
        let expression = whens.isEmpty
            ? dialect.literal(CauseDescriptor.unclassified.path)
            : "CASE\n" + whens.joined(separator: "\n") + "\n    ELSE \(dialect.literal(CauseDescriptor.unclassified.path))\n  END"
        var fields = Set<String>()
        for column in state.columns {
            if column == "tk_any" || column == "vl_any" {
                fields.formUnion(["subject", "text", "category", "tags"])
            } else {
                fields.insert(String(column.dropFirst(3)))
            }
        }
        return Compiled(expression: expression, derivedColumns: state.columns.sorted(),
                        fields: Self.fieldColumns.filter(fields.contains), skippedRules: skipped)
    }

    /// The SQL computing derived column `name` (`tk_subject`, `vl_tags`, `rx_text`, `tk_any`) from the canonical
    /// columns of a relation whose text columns are never NULL.
    func definition(of name: String) -> String {
        let kind = name.prefix(3), field = String(name.dropFirst(3))
        switch (kind, field) {
        case ("tk_", "any"):
            return dialect.concat(["tk_subject", "'|'", "tk_text", "'|'", "tk_category", "'|'", "tk_tags"])
        case ("tk_", "tags"):
            let spaced = "REPLACE(\(folded(dialect.lower("tags"))), '|', ' | ')"
            return dialect.concat(["' '", dialect.replaceAll(spaced, pattern: dialect.nonTokenClassKeepingBar + "+", with: " "), "' '"])
        case ("tk_", _):
            return dialect.concat(["' '", dialect.replaceAll(folded(dialect.lower(field)), pattern: dialect.nonTokenClass + "+", with: " "), "' '"])
        case ("vl_", "tags"):
            let whole = "TRIM(\(dialect.replaceAll(folded(dialect.lower("tags")), pattern: dialect.spaceClass + "+", with: " ")))"
            return dialect.concat(["'|'", dialect.replaceAll(whole, pattern: " ?\\| ?", with: "|"), "'|'"])
        case ("vl_", _):
            return "TRIM(\(dialect.replaceAll(folded(dialect.lower(field)), pattern: dialect.spaceClass + "+", with: " ")))"
        default:
            return dialect.prefix(field, CompiledRuleProgram.regexByteLimit)
        }
    }

    /// The derived columns `definition(of:)` needs computed before `name` (`tk_any` needs the four `tk_`).
    static func prerequisites(of name: String) -> [String] {
        name == "tk_any" ? ["tk_subject", "tk_text", "tk_category", "tk_tags"] : []
    }

    private func folded(_ expression: String) -> String {
        guard foldDiacritics else { return expression }
        return dialect.foldDiacritics(expression) ?? expression
    }

    private struct State {
        var columns: Set<String> = []
    }

    private func compile(_ condition: RuleCondition, label: String, state: inout State) throws -> String {
        switch condition {
        case .keywords(let terms, let field), .phrase(let terms, let field):
            let column = tokenColumn(field)
            state.columns.insert(column)
            for prerequisite in Self.prerequisites(of: column) { state.columns.insert(prerequisite) }
            var tests: [String] = []
            for text in terms {
                switch TermPattern.parse(text, tokenizer: tokenizer) {
                case .success(let pattern): tests.append(test(pattern, in: column))
                case .failure(let error): throw ContactStatError(.configuration, "rule \(label): \(error.message)")
                }
            }
            return Self.either(tests)
        case .oneOf(let values, let field), .tagsContain(let values, let field):
            let keys = values.map { String(decoding: tokenizer.normalizedValue($0), as: UTF8.self) }
            let slots: [RuleField] = field == .anyText ? [.subject, .text, .category, .tags] : [field]
            var tests: [String] = []
            for slot in slots {
                let column = "vl_\(slot)"
                state.columns.insert(column)
                if slot == .tags {
                    tests += keys.map { dialect.contains(column, "|\($0)|") }
                } else {
                    tests.append("\(column) IN (\(keys.map(dialect.literal).joined(separator: ", ")))")
                }
            }
            return Self.either(tests)
        case .regex(let pattern, let field):
            let slots: [RuleField] = field == .anyText ? [.subject, .text, .category, .tags] : [field]
            let nfc = TextNormalization.nfc(pattern)
            return Self.either(slots.map { slot in
                let column = "rx_\(slot)"
                state.columns.insert(column)
                return dialect.matches(column, pattern: nfc, caseInsensitive: true)
            })
        case .all(let parts):
            guard !parts.isEmpty else { return "TRUE" }
            let compiled = try parts.map { try compile($0, label: label, state: &state) }
            return compiled.count == 1 ? compiled[0] : "(" + compiled.joined(separator: " AND ") + ")"
        case .any(let parts):
            guard !parts.isEmpty else { return "FALSE" }
            return Self.either(try parts.map { try compile($0, label: label, state: &state) })
        case .not(let part):
            return "(NOT \(try compile(part, label: label, state: &state)))"
        }
    }

    /// The token column of `field`: `tk_any` for `any_text`, else `tk_<field>`.
    private func tokenColumn(_ field: RuleField) -> String {
        field == .anyText ? "tk_any" : "tk_\(field)"
    }

    /// The test for one keyword or phrase in a token column: a substring test, or a regular expression when a
    /// word before the last is a prefix.
    func test(_ pattern: TermPattern, in column: String) -> String {
        let words = pattern.terms.map { String(decoding: $0.bytes, as: UTF8.self) }
        let lastIsPrefix = pattern.terms.last?.isPrefix ?? false
        if !pattern.terms.dropLast().contains(where: \.isPrefix) {
            return dialect.contains(column, " " + words.joined(separator: " ") + (lastIsPrefix ? "" : " "))
        }
        let parts = zip(words, pattern.terms).map { word, term in
            Self.regexEscaped(word) + (term.isPrefix ? "[^ ]*" : "")
        }
        return dialect.matches(column, pattern: " " + parts.joined(separator: " ") + (lastIsPrefix ? "" : " "),
                               caseInsensitive: false)
    }

    /// A token as a literal inside a regular expression (tokens are letters, digits and marks, so this only
    /// guards against a future tokenizer keeping other characters).
    static func regexEscaped(_ word: String) -> String {
        var out = ""
        for character in word {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func either(_ tests: [String]) -> String {
        switch tests.count {
        case 0: "FALSE"
        case 1: tests[0]
        default: "(" + tests.joined(separator: " OR ") + ")"
        }
    }

    /// `text` safe inside a `--` comment: one line.
    static func commentSafe(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
