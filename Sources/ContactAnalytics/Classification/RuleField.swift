import Foundation

/// The value a rule condition looks at: a canonical field of the contact, all of its text, or a raw column
/// of the export.
public enum RuleField: Sendable, Hashable, CustomStringConvertible {
    case subject, text, category, tags, channel, queue, status, language
    /// `subject`, `text`, `category` and every tag, each looked at separately (a phrase never spans two of
    /// them). The default field of every condition.
    case anyText
    /// A column of the export by its header name (compared trimmed and ignoring case). A rule naming a column
    /// the export does not have is never true (see `RootCauseClassifier.unresolvedColumns`).
    case column(String)

    /// The canonical field names accepted in configuration, in documentation order.
    public static let canonicalNames = ["any_text", "subject", "text", "category", "tags", "channel", "queue",
                                        "status", "language"]

    /// Reads `subject`, `any_text`, `column:NAME`, ...; `nil` for anything else.
    public init?(name: String) {
        switch name {
        case "subject": self = .subject
        case "text": self = .text
        case "category": self = .category
        case "tags": self = .tags
        case "channel": self = .channel
        case "queue": self = .queue
        case "status": self = .status
        case "language": self = .language
        case "any_text": self = .anyText
        default:
            guard name.hasPrefix("column:") else { return nil }
            let column = name.dropFirst("column:".count).trimmingCharacters(in: .whitespaces)
            guard !column.isEmpty else { return nil }
            self = .column(column)
        }
    }

    /// The configuration spelling (`any_text`, `column:Topic`).
    public var description: String {
        switch self {
        case .subject: "subject"
        case .text: "text"
        case .category: "category"
        case .tags: "tags"
        case .channel: "channel"
        case .queue: "queue"
        case .status: "status"
        case .language: "language"
        case .anyText: "any_text"
        case .column(let name): "column:\(name)"
        }
    }
}
