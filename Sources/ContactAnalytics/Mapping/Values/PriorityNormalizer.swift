/// Normalises an export's priority text to `ContactPriority`.
///
/// Matching folds case, diacritics, spaces and punctuation, looks the whole value up in `builtInAliases`
/// (English, Finnish, Swedish, Spanish, Portuguese, French; `P1`-`P4`; the numbers `1`-`4`, 1 being the most
/// urgent, as in P1-P4 and ServiceNow), then falls back to a priority word inside the value (`1 - Critical`,
/// `Priority: High`). The export's own values (`ExportPreset.priorityValues`: Freshdesk's API writes 1 = low
/// ... 4 = urgent) win over the built-ins. Empty and unrecognised values give `nil`: the mapper keeps them as
/// written and counts them.
///
/// Choices: `critical`, `blocker`, `emergency`, `highest` are **urgent**; `medium`, `moderate`, `standard`
/// and `normal` are **normal**; `lowest`, `minor`, `planning` and `trivial` are **low**.
public struct PriorityNormalizer: Sendable {
    /// The built-in aliases per priority (as written; matching folds them).
    public static let builtInAliases: [(priority: ContactPriority, aliases: [String])] = [
        (.urgent, ["urgent", "critical", "blocker", "emergency", "highest", "p1", "prio 1", "priority 1", "1",
                   "kiireellinen", "kriittinen", "erittäin kiireellinen", "brådskande", "akut", "kritisk",
                   "urgente", "crítica", "crítico", "critique"]),
        (.high, ["high", "major", "important", "p2", "prio 2", "priority 2", "2", "korkea", "kiireinen", "tärkeä",
                 "hög", "viktig", "alta", "alto", "haute", "élevée"]),
        (.normal, ["normal", "medium", "moderate", "standard", "p3", "prio 3", "priority 3", "3", "tavallinen",
                   "normaali", "keskitaso", "keski", "medel", "mellan", "media", "medio", "média", "moyenne"]),
        (.low, ["low", "lowest", "minor", "trivial", "planning", "p4", "prio 4", "priority 4", "4", "p5", "5",
                "matala", "alhainen", "ei kiireellinen", "låg", "baja", "bajo", "baixa", "basse"]),
    ]

    /// Aliases too generic to count as a priority word inside a longer value.
    static let exactOnly: Set<String> = ["standard", "important", "major", "minor", "media", "medio",
                                         "alta", "alto", "keski", "viktig", "akut"]

    private let table: AliasTable<ContactPriority>

    /// A normaliser with the built-in aliases plus `aliases` (whole values only; they win over built-ins).
    public init(aliases: [String: ContactPriority] = [:]) {
        var table = PriorityNormalizer.builtInTable
        for (name, priority) in aliases.sorted(by: { $0.key < $1.key }) {
            table.add(priority, .exactOnly, [name])
        }
        self.table = table
    }

    /// The built-in aliases' table, folded once per process (every file of a report makes a mapper).
    private static let builtInTable: AliasTable<ContactPriority> = {
        var table = AliasTable<ContactPriority>()
        for (priority, names) in PriorityNormalizer.builtInAliases {
            for name in names {
                let exact = PriorityNormalizer.exactOnly.contains(AliasTable<ContactPriority>.foldedKey(name))
                table.add(priority, exact ? .exactOnly : .strongKeyword, [name])
            }
        }
        return table
    }()

    /// The priority of a value's UTF-8 bytes; `nil` when empty or unrecognised.
    public func priority(_ bytes: UnsafeBufferPointer<UInt8>) -> ContactPriority? {
        let key = AliasTable<ContactPriority>.foldedKey(bytes)
        if key.isEmpty { return nil }
        if let priority = table.exactMatch(key: key) { return priority }
        return table.keywordMatch(String(decoding: bytes, as: UTF8.self))
    }

    /// The priority of `text`; see `priority(_:)` for the bytes.
    public func priority(for text: String) -> ContactPriority? {
        var text = text
        return text.withUTF8 { priority($0) }
    }
}
