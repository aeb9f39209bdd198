/// Recognises an export of counts, not contacts: a row per day or interval with numeric columns like
/// `calls`, `contacts_n`, `offered`, `answered`, `abandoned`, `volume` or `tickets_created`, and nothing that
/// belongs to a single contact. Read as contacts, such a file would be reported as one contact a row, so the
/// ingest refuses it (a data error, exit 65) with a message naming the count columns.
///
/// A file is a counts export when, over the sampled records:
/// - at least one column has a count-like name (a word such as `calls`, `contacts`, `offered`, `answered`,
///   `abandoned`, `handled`, `volume`, `tickets`, `count`, `total`, `n`) and holds only non-negative numbers
///   (at least 95 % of its non-empty values, and at least one value), and
/// - no field that belongs to one contact is bound and filled in at least half the sampled records:
///   `contact_id`, `customer`, `email`, `phone`, `subject`, `text`, `closed_at`, `status`.
///
/// A contact export with a numeric column (`Agent replies`, `talk time`) has an id, a subject or a customer,
/// and is never refused; a counts file can still be read as contacts by mapping one of those fields
/// explicitly (`--map contact_id=COLUMN`).
public struct CountsExportDetector: Sendable {
    /// What was found: the count columns, in header order.
    public struct Finding: Sendable, Equatable {
        public var countColumns: [String]
        /// The column read as `opened_at` (the day or interval), when one is bound.
        public var dateColumn: String?
    }

    /// Folded words that make a column name count-like.
    static let countWords: Set<String> = [
        "calls", "contacts", "offered", "answered", "abandoned", "abandons", "handled", "volume", "volumes",
        "tickets", "cases", "chats", "emails", "messages", "requests", "interactions", "conversations",
        "count", "counts", "total", "totals", "n", "num", "qty", "quantity", "received", "created", "missed",
        "queued", "transferred", "inbound", "outbound", "incoming", "solved", "resolved", "closed", "opened",
        "puhelut", "yhteydenotot", "samtal", "llamadas", "contactos", "cantidad", "lukumäärä", "antal",
    ]

    /// The fields whose presence means one row is one contact.
    static let contactFields: [CanonicalField] = [
        .contactID, .customer, .email, .phone, .subject, .text, .closedAt, .status,
    ]

    public init() {}

    /// The counts-export finding for `header` bound as `bindings`, over `sample`; `nil` when the file
    /// looks like contacts (or there is nothing to judge).
    public func inspect(header: [String], bindings: [CanonicalField: ColumnBinding],
                        sample: [RawRecord]) -> Finding? {
        guard !sample.isEmpty else { return nil }
        for field in Self.contactFields {
            guard let column = bindings[field]?.index else { continue }
            if Self.isFilled(column, inHalfOf: sample) { return nil }
        }
        let dateColumn = bindings[.openedAt]?.index
        var countColumns: [String] = []
        for (index, name) in header.enumerated() where index != dateColumn && Self.isCountName(name) {
            var numbers = 0, others = 0
            for record in sample where index < record.count {
                guard let value = record.trimmedString(at: index) else { continue }
                if Self.isCount(value) { numbers += 1 } else { others += 1 }
            }
            if numbers > 0, Double(numbers) >= 0.95 * Double(numbers + others) { countColumns.append(name) }
        }
        guard !countColumns.isEmpty else { return nil }
        return Finding(countColumns: countColumns, dateColumn: bindings[.openedAt]?.column)
    }

    /// Whether `column` has a value (not only white space) in at least half of `sample`'s records. Looks at the
    /// bytes (a value is blank exactly when its trimmed `String` would be `nil`), and stops as soon as it knows.
    static func isFilled(_ column: Int, inHalfOf sample: [RawRecord]) -> Bool {
        var filled = 0
        for (position, record) in sample.enumerated() {
            if filled * 2 >= sample.count { return true }
            if (filled + sample.count - position) * 2 < sample.count { return false }
            if column < record.count, !record.withBytes(at: column, { ByteCursor.trimmingSpace($0).isEmpty }) {
                filled += 1
            }
        }
        return filled * 2 >= sample.count
    }

    /// The error a finding becomes: what the file looks like, and what contactstat needs instead.
    public func error(_ finding: Finding, file: String) -> ContactStatError {
        let columns = finding.countColumns.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            + (finding.countColumns.count > 8 ? " and \(finding.countColumns.count - 8) more" : "")
        let per = finding.dateColumn.map { " per '\($0)'" } ?? ""
        return ContactStatError(
            .dataFormat,
            "this looks like an export of counts\(per) (daily or interval totals in \(columns)), not of contacts: "
                + "contactstat needs one row per contact (a ticket, call, chat or message), and would count each row "
                + "as one contact. Export the contacts themselves; if each row really is one contact, map one of its "
                + "fields (\(setting: .map) contact_id=COLUMN, subject, text or customer) to read it as such" as MessageText,
            at: file)
    }

    /// Whether a column name has a count-like word (`calls`, `contacts_n`, `Tickets created`).
    static func isCountName(_ name: String) -> Bool {
        let words = name.lowercased().split { !$0.isLetter }.map(String.init)
        return words.contains { countWords.contains($0) }
    }

    /// A non-negative number: digits, with thousands separators (`1,234`, `1 234`) or one decimal point.
    static func isCount(_ value: String) -> Bool {
        var digits = 0
        var points = 0
        for character in value {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "." || character == "," {
                points += 1
            } else if character != " " && character != "\u{00A0}" {
                return false
            }
        }
        return digits > 0 && points <= 3
    }
}
