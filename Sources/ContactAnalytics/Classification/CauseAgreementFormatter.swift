import Foundation

/// Writes a `CauseAgreement` as text or JSON (`contactstat eval`).
public struct CauseAgreementFormatter: Sendable {
    /// The label column's name, as given.
    public var labelColumn: String
    /// The canonical fields withheld from the rules because they were bound to the label column.
    public var withheldFields: [CanonicalField]
    /// How many labels and causes the text lists (JSON lists all).
    public var rows: Int
    /// How many causes per label, and labels per cause.
    public var parts: Int

    public init(labelColumn: String, withheldFields: [CanonicalField], rows: Int = 20, parts: Int = 3) {
        self.labelColumn = labelColumn
        self.withheldFields = withheldFields
        self.rows = rows
        self.parts = parts
    }

    /// A figure with three decimals, `n/a` when `nil`.
    public static func decimal(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "n/a"
    }

    static func list(_ shares: [CauseAgreement.Share]) -> String {
        shares.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }

    /// The summary figures, then the labels and the causes, `rows` of each.
    public func text(_ agreement: CauseAgreement) -> String {
        var out = "Agreement with the column \"\(labelColumn)\""
        out += withheldFields.isEmpty ? "\n" : " (withheld from the rules: \(withheldFields.map(\.rawValue).joined(separator: ", ")))\n"
        let coverage = agreement.coverage.map { String(format: "%.1f %%", $0 * 100) } ?? "n/a"
        out += "  contacts        \(agreement.contacts) labelled"
            + (agreement.unlabelled > 0 ? " (\(agreement.unlabelled) without a label left out)" : "") + "\n"
        out += "  coverage        \(coverage) (\(agreement.classified) classified)\n"
        if agreement.withoutText > 0 {
            let textCoverage = agreement.textCoverage.map { String(format: "%.1f %%", $0 * 100) } ?? "n/a"
            out += "  without text    \(agreement.withoutText) (subject and body empty or a placeholder such as N/A)\n"
            out += "  text coverage   \(textCoverage) of the \(agreement.contactsWithText) with text\n"
        }
        out += "  purity          \(Self.decimal(agreement.purity))\n"
        out += "  inverse purity  \(Self.decimal(agreement.inversePurity))\n"
        out += "  F               \(Self.decimal(agreement.f))\n"

        let labels = agreement.labels(top: parts)
        out += "\nLabels and the causes they were given (top \(parts))\n"
        for label in labels.prefix(rows) {
            out += "  \(label.name) (\(label.count)): "
            var pieces = label.top.isEmpty ? [] : [Self.list(label.top)]
            if label.unclassified > 0 { pieces.append("unclassified \(label.unclassified)") }
            out += pieces.joined(separator: "; ") + "\n"
        }
        if labels.count > rows { out += "  ... \(labels.count - rows) more labels\n" }

        let causes = agreement.causes(top: parts)
        out += "\nCauses and the labels they mix (top \(parts))\n"
        for cause in causes.prefix(rows) {
            out += "  \(cause.name) (\(cause.count)): \(Self.list(cause.top))\n"
        }
        if causes.isEmpty { out += "  (no contact classified)\n" }
        if causes.count > rows { out += "  ... \(causes.count - rows) more causes\n" }
        return out
    }

    /// The same as a JSON document, listing every label and cause.
    public func json(_ agreement: CauseAgreement) -> String {
        func shares(_ list: [CauseAgreement.Share], key: String) -> JSONValue {
            .array(list.map { .object([(key, .string($0.name)), ("contacts", .integer($0.count))]) })
        }
        let labels = agreement.labels(top: parts).map { label -> JSONValue in
            .object([("label", .string(label.name)), ("contacts", .integer(label.count)),
                     ("unclassified", .integer(label.unclassified)), ("causes", shares(label.top, key: "cause"))])
        }
        let causes = agreement.causes(top: parts).map { cause -> JSONValue in
            .object([("cause", .string(cause.name)), ("contacts", .integer(cause.count)),
                     ("labels", shares(cause.top, key: "label"))])
        }
        let document: JSONValue = .object([
            ("label_column", .string(labelColumn)),
            ("withheld_fields", .array(withheldFields.map { .string($0.rawValue) })),
            ("contacts", .integer(agreement.contacts)),
            ("unlabelled", .integer(agreement.unlabelled)),
            ("classified", .integer(agreement.classified)),
            ("coverage", .fraction(agreement.coverage)),
            ("without_text", .integer(agreement.withoutText)),
            ("text_coverage", .fraction(agreement.textCoverage)),
            ("purity", .fraction(agreement.purity)),
            ("inverse_purity", .fraction(agreement.inversePurity)),
            ("f", .fraction(agreement.f)),
            ("labels", .array(labels)),
            ("causes", .array(causes)),
        ])
        return document.serialized()
    }
}
