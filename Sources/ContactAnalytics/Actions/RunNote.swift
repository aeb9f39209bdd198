/// One line a run has to say besides its output (on standard error in `contactstat`): a note, a warning, an
/// error, or (no severity) a summary such as the row accounting. The front end prefixes its name and renders
/// the settings the text refers to.
public struct RunNote: Sendable, Equatable {
    public var severity: Diagnostic.Severity?
    public var text: MessageText

    public init(_ severity: Diagnostic.Severity?, _ text: MessageText) {
        self.severity = severity
        self.text = text
    }

    /// `severity: text` (or just the text), settings named by `names`.
    public func rendered(_ names: SettingNames) -> String {
        (severity.map { "\($0.rawValue): " } ?? "") + text.rendered(names)
    }
}
