/// What the metrics need to know of a cause: how it is printed, the process that owns it, and whether it is
/// failure demand. Causes are referred to by their index in the engine's cause list; `-1` is unclassified.
public struct CauseDescriptor: Sendable, Equatable {
    public var path: String
    public var name: String
    public var process: String
    public var avoidable: Bool
    /// The candidate fix for its avoidable contacts, and the one-line suggestion (the savings ledger).
    public var fix: CauseFix?
    public var suggestion: String

    public init(path: String, name: String, process: String, avoidable: Bool, fix: CauseFix? = nil,
                suggestion: String = "") {
        self.path = path
        self.name = name
        self.process = process
        self.avoidable = avoidable
        self.fix = fix
        self.suggestion = suggestion
    }

    /// The first path component (`delivery` of `delivery/where-is-my-order`).
    public var group: String {
        path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? path
    }

    /// The row used for unclassified contacts.
    public static let unclassified = CauseDescriptor(path: "unclassified", name: "Unclassified",
                                                     process: "Unassigned", avoidable: false)
}
