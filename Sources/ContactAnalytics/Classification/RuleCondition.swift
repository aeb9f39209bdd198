/// A condition of a root-cause rule: a tree of tests on the contact's fields.
///
/// All comparisons ignore case and treat text as Unicode NFC, so a decomposed `a` + combining diaeresis
/// equals `ä`. Diacritics count (Finnish `ä` is not `a`) unless the classifier is asked to fold them.
///
/// Text is split into **tokens**: maximal runs of Unicode letters, digits and combining marks; everything
/// else (spaces, punctuation, emoji) separates tokens. So `e-mail` is the two tokens `e` `mail`.
public indirect enum RuleCondition: Sendable, Hashable {
    /// True when any of `terms` occurs in `field`. A term is a word (`order`), matched as a whole token, or a
    /// word prefix (`tilau*`, matching `tilaus`, `tilauksen`, `tilaukseni`: Finnish inflects). A term of
    /// several words (`where is my order`) is a phrase: its tokens must follow one another; each word of it may
    /// end in `*`.
    case keywords([String], field: RuleField = .anyText)
    /// True when any of the phrases occurs in `field`: the same matching as `keywords`, kept separate so a
    /// configuration reads as it means.
    case phrase([String], field: RuleField = .anyText)
    /// True when the regular expression (ICU syntax, case-insensitive) finds a match in the first 4 KiB of
    /// `field`. Regular expressions are evaluated only for rules that get that far, and never on more than
    /// 4 KiB, which bounds the cost of a catastrophic pattern. Pattern and text are compared in NFC; the text is
    /// never folded, even when the classifier folds diacritics.
    case regex(String, field: RuleField = .anyText)
    /// True when the whole value of `field` (trimmed, runs of white space as one space, ignoring case) is one of
    /// `values`. For `tags`, true when some tag is. For `any_text`, when subject, text, category or a tag is.
    case oneOf([String], field: RuleField)
    /// True when some tag equals one of `values` (ignoring case). With a raw `column:NAME` field the column is
    /// split on `,` `;` and `|` into tags.
    case tagsContain([String], field: RuleField = .tags)
    /// True when every condition is true (an empty list is true).
    case all([RuleCondition])
    /// True when some condition is true (an empty list is false).
    case any([RuleCondition])
    /// True when the condition is false.
    case not(RuleCondition)

    /// `oneOf` with one value.
    public static func equals(_ value: String, field: RuleField) -> RuleCondition {
        .oneOf([value], field: field)
    }

    /// The specificity used to break ties between rules of equal priority (higher wins):
    /// a word, value, tag or regular-expression test counts 1, a phrase counts its number of words (the
    /// shortest alternative of the list), `all` sums its parts, `any` takes its weakest part, `not` counts 0.
    public var specificity: Int {
        switch self {
        case .keywords(let terms, _), .phrase(let terms, _):
            return terms.map { RuleCondition.wordCount($0) }.min() ?? 0
        case .regex, .oneOf, .tagsContain:
            return 1
        case .all(let parts):
            return parts.reduce(0) { $0 + $1.specificity }
        case .any(let parts):
            return parts.map(\.specificity).min() ?? 0
        case .not:
            return 0
        }
    }

    /// The fields the condition reads.
    public var fields: [RuleField] {
        switch self {
        case .keywords(_, let field), .phrase(_, let field), .regex(_, let field), .oneOf(_, let field),
             .tagsContain(_, let field):
            return [field]
        case .all(let parts), .any(let parts):
            return parts.flatMap(\.fields)
        case .not(let part):
            return part.fields
        }
    }

    /// The number of words of `term`, split on spaces and tabs (at least 1). An ASCII term is counted by its
    /// bytes (each byte its own `Character`, or CR LF one, neither a separator) without making the words; any
    /// other by `Character`, where a space with a mark on it is no separator.
    static func wordCount(_ term: String) -> Int {
        guard term.utf8.allSatisfy({ $0 < 0x80 }) else {
            return max(1, term.split(whereSeparator: { $0 == " " || $0 == "\t" }).count)
        }
        var count = 0
        var inWord = false
        for byte in term.utf8 {
            if byte == 0x20 || byte == 0x09 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return max(1, count)
    }
}
