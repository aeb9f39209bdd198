/// Where the records of a JSON envelope sit: the member names leading from the top-level object to the
/// array of record objects (`{"tickets": [...]}` → `tickets`; `{"data": {"payload": [...]}}` →
/// `data.payload`).
///
/// Given by the user (`--records PATH`, a dotted path or a JSON pointer), or found by the JSON reader: the
/// first member of the top-level object, or of one of its container members, whose name is a usual envelope
/// name (`recordArrayNames`, `containerNames`) and whose value is an array of objects (or empty).
public struct JSONRecordsPath: Sendable, Equatable, CustomStringConvertible {
    /// The member names, outermost first; never empty.
    public var components: [String]

    /// Member names APIs give the array of records (compared ignoring case).
    public static let recordArrayNames: Set<String> = [
        "tickets", "conversations", "results", "result", "data", "payload", "issues", "items", "records",
        "value", "values", "requests", "contacts", "incidents", "cases", "entries", "rows", "objects",
        "elements", "hits", "calls", "chats", "interactions", "complaints", "service_requests",
    ]
    /// Member names of an object that wraps the records one level down (`data.payload`, `result.items`).
    public static let containerNames: Set<String> = ["data", "result", "response", "body", "_embedded", "results"]

    /// A path from its member names.
    public init?(components: [String]) {
        guard !components.isEmpty, !components.contains(where: \.isEmpty) else { return nil }
        self.components = components
    }

    /// Reads `--records` text: a JSON pointer (`/data/payload`, `~1` for `/` and `~0` for `~` inside a name)
    /// or a dotted path (`data.payload`).
    ///
    /// - Throws: `ContactStatError(.usage)` for an empty path or an empty member name.
    public init(parsing text: String) throws {
        let parts: [String]
        if text.hasPrefix("/") {
            parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
        } else {
            parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }
        guard let path = JSONRecordsPath(components: parts) else {
            throw ContactStatError(.usage, "\(setting: .records) expects a dotted path such as data.payload or a JSON "
                                   + "pointer such as /data/payload, got '\(text)'" as MessageText)
        }
        self = path
    }

    /// Whether an array found at `components` is taken as the records when no path was given.
    static func isUsualPlace(_ components: [String]) -> Bool {
        guard let last = components.last, recordArrayNames.contains(last.lowercased()) else { return false }
        switch components.count {
        case 1: return true
        case 2: return containerNames.contains(components[0].lowercased())
        default: return false
        }
    }

    /// The dotted form (`data.payload`).
    public var description: String { components.joined(separator: ".") }
}
