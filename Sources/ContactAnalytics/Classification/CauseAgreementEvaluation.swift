import Foundation

/// Classifies every contact of an input as `report` does (same mapping, same taxonomy) and counts its cause
/// against a labelled column of the export (`contactstat eval`): a `CauseAgreement`.
///
/// The label column is **withheld from the rules**, so agreement measures what the text says, not a copy of
/// the label: every canonical field the mapping binds to that column (e.g. `category` when the label is
/// `complaint_type` under the `nyc311` preset) is emptied before classification, and `column:NAME` rules
/// naming it never match (they are compiled as for an export without that column). Every mapped contact counts
/// (rejected and outbound rows are not contacts; duplicate contact ids are not dropped: each row is one labelled
/// case).
public enum CauseAgreementEvaluation {
    /// What the evaluation found.
    public struct Result: Sendable {
        public var agreement: CauseAgreement
        public var ingest: IngestSummary
        /// The canonical fields the mapping bound to the label column, emptied for classification.
        public var withheldFields: [CanonicalField]
        /// Whether some input had the label column.
        public var foundColumn: Bool
    }

    /// One worker's compiled classifier and where the label is.
    struct WorkerState {
        var classifier: RootCauseClassifier
        var labelIndex: Int?
        var withheld: Set<CanonicalField>
        /// With `columnCauses`: where the cause column is.
        var causeIndex: Int?
    }

    /// Runs the evaluation; `labelColumn` is matched against the header trimmed and ignoring case. With
    /// `columnCauses` (`--cause-from`), each contact's cause is its value of that column instead of the rules'
    /// (the rules and `taxonomy` are not used); it may not be the label column.
    public static func run(_ ingest: IngestOptions, taxonomy: Taxonomy, foldDiacritics: Bool,
                           labelColumn: String, threads: Int, columnCauses: ColumnCauses? = nil) throws -> Result {
        let taxonomy = columnCauses?.taxonomy ?? taxonomy
        let wanted = labelColumn.trimmingCharacters(in: .whitespaces).lowercased()
        // The fields withheld and whether the label column was found, gathered from the workers.
        let seen = Locked((fields: Set<CanonicalField>(), found: false))
        let mapping = ingest.mapping
        var agreement = CauseAgreement()
        let summary = try ContactIngest.runInBatches(
            ingest, threads: ThreadBudget(threads: threads),
            makeState: { context in
                let index = context.header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
                var withheld = Set<CanonicalField>()
                var header = context.header
                if let index {
                    // An empty name matches no `column:` rule.
                    header[index] = ""
                    let mapper = try ContactMapper(header: context.header, options: mapping, file: context.file,
                                                   checksFieldCount: false, requiresOpenedAt: false)
                    withheld = Set(mapper.bindings.values.filter { $0.index == index }.map(\.field))
                }
                seen.withLock { seen in
                    seen.fields.formUnion(withheld)
                    seen.found = seen.found || index != nil
                }
                let classifier = try RootCauseClassifier(taxonomy: taxonomy, header: header,
                                                         foldDiacritics: foldDiacritics)
                let causeIndex = columnCauses.flatMap { ColumnCauses.index(of: $0.column, in: context.header) }
                if let causeIndex, causeIndex == index {
                    throw ContactStatError(.usage, "the column the causes come from (\(context.header[causeIndex])) "
                                           + "is the label column: compare another column with it")
                }
                return WorkerState(classifier: classifier, labelIndex: index, withheld: withheld,
                                   causeIndex: causeIndex)
            },
            process: { state, contact, raw -> (CauseID, String?, Bool) in
                let label = state.labelIndex.flatMap { raw.trimmedString(at: $0) }
                if let columnCauses {
                    return (columnCauses.cause(of: raw, columnIndex: state.causeIndex), label, hasText(contact))
                }
                if state.withheld.isEmpty { return (state.classifier.classify(contact, raw: raw), label, hasText(contact)) }
                var text = copy contact
                for field in state.withheld { withhold(field, from: &text) }
                return (state.classifier.classify(text, raw: raw), label, hasText(text))
            },
            merge: { cause, label, hasText in
                agreement.add(cause: taxonomy.cause(cause)?.path, label: label, hasText: hasText)
            })
        let withheld = seen.current
        return Result(agreement: agreement, ingest: summary,
                      withheldFields: columnCauses != nil ? []
                        : CanonicalField.allCases.filter { withheld.fields.contains($0) },
                      foundColumn: withheld.found)
    }

    /// Whether a contact carries text: a subject or body that is not empty or a placeholder (`N/A`, `-`).
    static func hasText(_ contact: ContactRecord) -> Bool {
        !PlaceholderValue.isEmptyOrPlaceholder(contact.subject) || !PlaceholderValue.isEmptyOrPlaceholder(contact.text)
    }

    /// Empties the field a rule could read.
    static func withhold(_ field: CanonicalField, from contact: inout ContactRecord) {
        switch field {
        case .subject: contact.subject = nil
        case .text: contact.text = nil
        case .category: contact.category = nil
        case .tags: contact.tags = []
        case .channel: contact.channel = .other
        case .queue: contact.queue = nil
        case .status: contact.status = nil
        case .language: contact.language = nil
        default: break
        }
    }
}
