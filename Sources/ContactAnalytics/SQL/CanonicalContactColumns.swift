import Foundation

/// The canonical contact table: the columns `classify --canonical` writes and the script of `contactstat sql`
/// reads, one row per mapped contact, in input order.
///
/// Times are whole seconds since 1970-01-01 UTC (every engine does arithmetic on them alike); flags are 1 or
/// 0; `tags` are joined with `|`; text is in Unicode NFC, as the classifier compares it. Rejected rows,
/// outbound and internal contacts are not written (they are not contacts); duplicate contact ids are (the SQL
/// keeps the last, as the report does), so a table that grows by appending exports stays correct.
public enum CanonicalContactColumns {
    /// The column names, in order. `input_order` numbers the contacts from 0 in the order they were read.
    public static let names = [
        "input_order", "contact_id", "opened_at", "closed_at", "customer", "channel", "raw_channel",
        "subject", "text", "category", "tags", "status", "handle_time_seconds", "csat_score", "csat_satisfied",
        "cost", "agent", "queue", "language", "first_contact_resolved", "agent_replies", "first_reply_seconds",
        "priority", "raw_priority", "answered", "wait_seconds", "reopens",
    ]

    /// A value of one column.
    enum Value: Equatable {
        case text(String?)
        case integer(Int64?)
        case number(Double?)
    }

    /// The values of `contact`, numbered `order`, in `names` order.
    static func values(of contact: ContactRecord, order: Int) -> [Value] {
        func flag(_ value: Bool?) -> Value { .integer(value.map { $0 ? 1 : 0 }) }
        func nfc(_ value: String?) -> Value {
            guard let value, !value.isEmpty else { return .text(nil) }
            return .text(value.utf8.contains { $0 >= 0x80 } ? value.precomposedStringWithCanonicalMapping : value)
        }
        var score: Double?, satisfied: Bool?
        switch contact.csat {
        case .score(let s)?: score = s
        case .verdict(let v)?: satisfied = v
        case nil: break
        }
        return [
            .integer(Int64(order)), .text(contact.contactID), .integer(contact.openedAt), .integer(contact.closedAt),
            .text(contact.customer), .text(contact.channel.rawValue), .text(contact.rawChannel),
            nfc(contact.subject), nfc(contact.text), nfc(contact.category),
            nfc(contact.tags.isEmpty ? nil : contact.tags.joined(separator: "|")),
            .text(contact.status?.rawValue), .number(contact.handleTimeSeconds), .number(score), flag(satisfied),
            .number(contact.cost), .text(contact.agent), nfc(contact.queue), .text(contact.language),
            flag(contact.firstContactResolved), .integer(contact.agentReplies.map(Int64.init)),
            .number(contact.firstReplySeconds), .text(contact.priority?.rawValue), .text(contact.rawPriority),
            flag(contact.answered), .number(contact.waitSeconds), .integer(contact.reopens.map(Int64.init)),
        ]
    }

    /// A number as written: whole numbers without a fraction, others in the shortest form that reads back
    /// to the same `Double`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
