/// One problem found while reading or mapping input: a value with a location, printed separately
/// (see `DiagnosticLog`).
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable, Equatable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    public var severity: Severity
    /// A stable kind, used to group repeated diagnostics (`unreadable-timestamp`, `field-count`, ...).
    public var kind: String
    /// File and 1-based line of the record; `line` 0 means the file as a whole.
    public var location: SourceLocation
    /// The 1-based byte column in `location.line` of the place meant, for a diagnostic about a place in a line
    /// rather than a record (text after a closing quote); 0 when there is none.
    public var byteColumn: Int
    /// The export column concerned, if any.
    public var column: String?
    /// The message; the settings it refers to stay typed for the front end to name (`formatted(_:)`).
    public var text: MessageText

    public init(_ severity: Severity, kind: String, at location: SourceLocation, byteColumn: Int = 0,
                column: String? = nil, message: MessageText) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.byteColumn = byteColumn
        self.column = column
        self.text = message
    }

    /// The message with settings in plain words.
    public var message: String { text.description }

    /// `FILE:LINE: warning: message [column "X"]` (`FILE:LINE:COLUMN: ...` with a `byteColumn`), the format
    /// compilers use, so editors can jump to it; settings named by `names`.
    public func formatted(_ names: SettingNames) -> String {
        var place = location.file
        if location.line > 0 {
            place += ":\(location.line)"
            if byteColumn > 0 { place += ":\(byteColumn)" }
        }
        var line = "\(place): \(severity.rawValue): \(text.rendered(names))"
        if let column { line += " [column \"\(column)\"]" }
        return line
    }

    /// `formatted(_:)` with settings in plain words.
    public var formatted: String { formatted(.plain) }
}
