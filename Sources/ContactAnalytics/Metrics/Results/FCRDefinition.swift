/// FCR under one definition, for the report's side-by-side table: a repeat window and scope (the repeat-window
/// method of the headline), the export's own resolved-first-time flag, or one touch (at most one agent reply).
public struct FCRDefinition: Sendable, Equatable {
    /// How FCR is measured.
    public enum Method: Sendable, Equatable {
        /// No later contact of the same customer (and cause, with scope `cause`) within the window.
        case repeatWindow(RepeatContactWindow)
        /// The export's resolved-first-time flag (`fcr_flag`).
        case exportFlag
        /// At most one agent reply (`agent_replies`).
        case oneTouch
    }

    public var method: Method
    /// Resolved / contacts the definition can judge; `nil` when it is not measured (the field is not mapped).
    public var fcr: Ratio?
    /// `true` for the definition the headline uses (the configured window and scope).
    public var isHeadline: Bool

    public init(method: Method, fcr: Ratio?, isHeadline: Bool = false) {
        self.method = method
        self.fcr = fcr
        self.isHeadline = isHeadline
    }

    /// A stable key: `window_24h_cause`, `window_7d_any`, `export_flag`, `one_touch`.
    public var key: String {
        switch method {
        case .repeatWindow(let window): "window_\(FCRDefinition.windowText(window))_\(window.scope.rawValue)"
        case .exportFlag: "export_flag"
        case .oneTouch: "one_touch"
        }
    }

    /// What it means, for people: `repeat window 24h, same cause`, `the export's flag (fcr_flag)`.
    public var label: String {
        switch method {
        case .repeatWindow(let window):
            "repeat window \(FCRDefinition.windowText(window)), " + (window.scope == .cause ? "same cause" : "any cause")
        case .exportFlag: "the export's resolved flag (\(CanonicalField.firstContactResolved.rawValue))"
        case .oneTouch: "one touch: at most one agent reply (\(CanonicalField.agentReplies.rawValue))"
        }
    }

    /// Why there is no value: the field that is not mapped, or no contact judged; empty when there is one.
    public var note: String {
        switch (method, fcr) {
        case (.exportFlag, nil): "not measured: no \(CanonicalField.firstContactResolved.rawValue) column mapped"
        case (.oneTouch, nil): "not measured: no \(CanonicalField.agentReplies.rawValue) column mapped"
        case (_, let ratio?) where ratio.denominator == 0: "no contact to judge"
        default: ""
        }
    }

    /// A window in hours below a week when whole (`24h`, `72h`), else as the command line writes it (`7d`).
    static func windowText(_ window: RepeatContactWindow) -> String {
        let s = window.seconds
        if s < 7 * 86_400, s % 3_600 == 0 { return "\(s / 3_600)h" }
        return window.durationText
    }

    /// The windows compared side by side: 24 hours, 72 hours, 7 days, 30 days.
    public static let comparedWindows: [Int64] = [86_400, 3 * 86_400, 7 * 86_400, 30 * 86_400]
}
