/// Normalises an export's status text to `ContactStatus` (`open`, `pending`, `resolved`, `closed`).
///
/// Matching folds case, diacritics, spaces and punctuation (`On-hold`, `on hold`, `ON_HOLD` are the same),
/// looks the whole value up in `builtInAliases` (English, Finnish, Swedish, Spanish, and the statuses of
/// Zendesk, Freshdesk, NYC 311 and Buenos Aires 147), and otherwise falls back to the first status word in the
/// value (`Closed - duplicate` is closed, `Waiting on customer reply` is pending).
///
/// Choices: work in progress (`In Progress`, `Assigned`, `Escalated`, `En proceso`) is **open**; `Done`,
/// `Completed`, `Cancelled` and `Archived` are **closed**; `Solved`/`Resolved`/`Fixed` are **resolved**
/// (Zendesk's solved-then-closed distinction is kept). Swedish `Löst` folds to `lost`, read as resolved.
/// Empty and unrecognised values give `nil`.
public struct StatusNormalizer: Sendable {
    /// The built-in aliases per status (as written; matching folds them).
    public static let builtInAliases: [(status: ContactStatus, aliases: [String])] = [
        (.open, ["open", "opened", "new", "reopened", "re-opened", "active", "assigned", "in progress",
                 "working", "started", "escalated", "triage", "avoin", "auki", "uusi", "avattu", "käsittelyssä",
                 "työn alla", "öppen", "öppet", "ny", "pågående", "abierto", "abierta", "nuevo", "nueva",
                 "en proceso", "en curso", "en progreso", "asignado", "reabierto"]),
        (.pending, ["pending", "on hold", "hold", "waiting", "awaiting", "waiting on customer",
                    "awaiting customer", "awaiting reply", "snoozed", "deferred", "odottaa", "odottava",
                    "odottaa asiakasta", "väntar", "väntande", "vilande", "pendiente", "en espera"]),
        (.resolved, ["solved", "resolved", "fixed", "answered", "ratkaistu", "selvitetty", "löst", "åtgärdad",
                     "resuelto", "resuelta", "solucionado", "solucionada"]),
        (.closed, ["closed", "close", "done", "completed", "complete", "finished", "cancelled", "canceled",
                   "archived", "suljettu", "valmis", "peruttu", "arkistoitu", "stängd", "avslutad", "klar",
                   "cerrado", "cerrada", "finalizado", "terminado", "cancelado"]),
    ]

    /// Aliases that are too generic to count as a status word inside a longer value.
    static let exactOnly: Set<String> = ["new", "active", "working", "started", "ny", "close", "complete", "klar",
                                         "valmis", "answered", "hold", "auki", "uusi", "nuevo", "nueva"]

    private let table: AliasTable<ContactStatus>

    /// A normaliser with the built-in aliases plus `aliases` (whole values only; they win over built-ins).
    public init(aliases: [String: ContactStatus] = [:]) {
        var table = StatusNormalizer.builtInTable
        for (name, status) in aliases.sorted(by: { $0.key < $1.key }) {
            table.add(status, .exactOnly, [name])
        }
        self.table = table
    }

    /// The built-in aliases' table, folded once per process (every file of a report makes a mapper).
    private static let builtInTable: AliasTable<ContactStatus> = {
        var table = AliasTable<ContactStatus>()
        for (status, names) in StatusNormalizer.builtInAliases {
            for name in names {
                let exact = StatusNormalizer.exactOnly.contains(AliasTable<ContactStatus>.foldedKey(name))
                table.add(status, exact ? .exactOnly : .strongKeyword, [name])
            }
        }
        return table
    }()

    /// The status of a value's UTF-8 bytes; `nil` when empty or unrecognised.
    public func status(_ bytes: UnsafeBufferPointer<UInt8>) -> ContactStatus? {
        let key = AliasTable<ContactStatus>.foldedKey(bytes)
        if key.isEmpty { return nil }
        if let status = table.exactMatch(key: key) { return status }
        return table.keywordMatch(String(decoding: bytes, as: UTF8.self))
    }

    /// The status of `text`; see `status(_:)` for the bytes.
    public func status(for text: String) -> ContactStatus? {
        var text = text
        return text.withUTF8 { status($0) }
    }
}
