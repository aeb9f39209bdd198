import Foundation

/// How well the causes given agree with a labelled column of the export (`contactstat eval`).
///
/// Only contacts with a label count (a label is the column's value, trimmed; an empty value is no label).
/// With `N` labelled contacts, `C` of them classified, and `n(c, l)` the classified contacts of cause `c`
/// whose label is `l`:
///
/// - **coverage** = `C / N`, the share of labelled contacts given a cause;
/// - **purity** = `Σ over causes c of max over labels l of n(c, l)`, divided by `C`: how far each cause holds
///   one label only (a cause mixing labels lowers it);
/// - **inverse purity** = `Σ over labels l of max over causes c of n(c, l)`, divided by `C` (the classified
///   contacts; each label's share of them weighs its own `max n(c, l) / n(l)`): how far each label stays in
///   one cause (a label spread over causes lowers it);
/// - **F** = the harmonic mean of the two, `2 P I / (P + I)`.
///
/// A labelled contact **without text** is one whose subject and body are both empty or placeholders (`N/A`,
/// `none`, `-`: `PlaceholderValue`) once the label is withheld: nothing a rule could read names a matter. They
/// stay in every figure above; **text coverage** = (`C` minus the classified contacts without text) / (`N`
/// minus the contacts without text) is the coverage of the contacts that carry text, reported beside it.
///
/// Purity and inverse purity look at classified contacts only, so coverage is reported beside them: a
/// taxonomy that classifies little but rightly has a high F and a low coverage. All are `nil` when there is
/// nothing to divide by. Ties between equal counts are broken by name, so the output is deterministic.
public struct CauseAgreement: Sendable, Equatable {
    /// A cause or label with a count.
    public struct Share: Sendable, Equatable {
        public var name: String
        public var count: Int

        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// One label with the causes it was spread over, or one cause with the labels it mixes.
    public struct Breakdown: Sendable, Equatable {
        /// The label or cause path.
        public var name: String
        /// Its contacts (for a label, classified or not).
        public var count: Int
        /// For a label, how many of its contacts no cause was given; 0 for a cause.
        public var unclassified: Int
        /// The largest parts, largest first.
        public var top: [Share]
    }

    /// Labelled contacts.
    public private(set) var contacts = 0
    /// Contacts without a label (left out of every figure).
    public private(set) var unlabelled = 0
    /// Labelled contacts given a cause.
    public private(set) var classified = 0
    /// Labelled contacts whose subject and body are empty or placeholders.
    public private(set) var withoutText = 0
    /// Of those, the ones given a cause all the same (by a rule on another field: tags, queue, a column).
    public private(set) var classifiedWithoutText = 0
    /// cause path -> label -> classified contacts.
    private var table: [String: [String: Int]] = [:]
    /// label -> contacts with that label, classified or not.
    private var labelTotals: [String: Int] = [:]
    /// label -> cause path -> classified contacts.
    private var byLabel: [String: [String: Int]] = [:]

    public init() {}

    /// Counts one contact: its cause path (`nil` when unclassified), its label (`nil` or blank when the
    /// contact has none) and whether it carries text (a subject or body that is not empty or a placeholder).
    public mutating func add(cause: String?, label: String?, hasText: Bool = true) {
        guard let label = label?.trimmingCharacters(in: .whitespacesAndNewlines), !label.isEmpty else {
            unlabelled += 1
            return
        }
        contacts += 1
        if !hasText { withoutText += 1 }
        labelTotals[label, default: 0] += 1
        guard let cause else { return }
        classified += 1
        if !hasText { classifiedWithoutText += 1 }
        table[cause, default: [:]][label, default: 0] += 1
        byLabel[label, default: [:]][cause, default: 0] += 1
    }

    /// `classified / contacts`.
    public var coverage: Double? {
        contacts == 0 ? nil : Double(classified) / Double(contacts)
    }

    /// Labelled contacts that carry text: `contacts - withoutText`.
    public var contactsWithText: Int { contacts - withoutText }

    /// `(classified - classifiedWithoutText) / (contacts - withoutText)`: the coverage of the contacts that carry
    /// text, `nil` when none does.
    public var textCoverage: Double? {
        contactsWithText == 0 ? nil : Double(classified - classifiedWithoutText) / Double(contactsWithText)
    }

    /// Σ over causes of the largest count of one label within the cause, over classified contacts.
    public var purity: Double? {
        guard classified > 0 else { return nil }
        return Double(table.values.reduce(0) { $0 + ($1.values.max() ?? 0) }) / Double(classified)
    }

    /// Σ over labels of the largest count of one cause within the label, over classified contacts.
    public var inversePurity: Double? {
        guard classified > 0 else { return nil }
        return Double(byLabel.values.reduce(0) { $0 + ($1.values.max() ?? 0) }) / Double(classified)
    }

    /// The harmonic mean of purity and inverse purity.
    public var f: Double? {
        guard let p = purity, let i = inversePurity, p + i > 0 else { return nil }
        return 2 * p * i / (p + i)
    }

    /// Every label, most contacts first, with the `top` causes its classified contacts were given.
    public func labels(top: Int) -> [Breakdown] {
        labelTotals.map { label, total in
            let causes = byLabel[label] ?? [:]
            let classifiedCount = causes.values.reduce(0, +)
            return Breakdown(name: label, count: total, unclassified: total - classifiedCount,
                             top: Self.largest(causes, top))
        }
        .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }

    /// Every cause given, most contacts first, with the `top` labels it mixes.
    public func causes(top: Int) -> [Breakdown] {
        table.map { cause, labels in
            Breakdown(name: cause, count: labels.values.reduce(0, +), unclassified: 0, top: Self.largest(labels, top))
        }
        .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }

    private static func largest(_ counts: [String: Int], _ n: Int) -> [Share] {
        counts.map { Share(name: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
            .prefix(max(0, n)).map { $0 }
    }
}
