import Foundation

/// How a run takes each contact's cause from an export column instead of the taxonomy's rules
/// (`--cause-from COLUMN`, or the configuration's `causes_from` section):
///
/// ```
/// "causes_from": {
///   "column": "Complaint Type",
///   "values": {
///     "HEAT/HOT WATER": { "cause": "housing/heat", "name": "No heat or hot water",
///                         "process": "Housing maintenance", "avoidable": true, "reason": "..." },
///     "Noise - Residential": { "cause": "public-service/noise" }
///   },
///   "default": { "process": "Unmapped", "avoidable": false }
/// }
/// ```
///
/// A value is looked up trimmed and ignoring case. A listed value's `cause` is a cause path; when it names a
/// cause of the taxonomy in force, the fields left out come from that cause, otherwise `process` and
/// `avoidable` are required. Several values may name one cause. A value not listed becomes a cause of its own,
/// `unmapped/<value as a path>`, named by the value, with the `default` process and avoidable flag (process
/// `Unmapped`, not avoidable, when there is no default). An empty value leaves the contact unclassified.
public struct CauseColumnTable: Sendable {
    /// One listed value: the cause it stands for.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var name: String?
        public var process: String?
        public var avoidable: Bool?
        public var reason: String?
        /// `FILE:LINE:COLUMN` of the entry, for errors.
        public var location: String

        public init(path: String, name: String? = nil, process: String? = nil, avoidable: Bool? = nil,
                    reason: String? = nil, location: String = "") {
            self.path = path
            self.name = name
            self.process = process
            self.avoidable = avoidable
            self.reason = reason
            self.location = location
        }
    }

    /// The column named by the configuration (`--cause-from` wins over it).
    public var column: String?
    /// Listed values, keyed by the value trimmed and lower-cased, in the order listed.
    public private(set) var entries: [(key: String, value: String, entry: Entry)] = []
    /// The process of values not listed.
    public var defaultProcess = "Unmapped"
    /// Whether values not listed are failure demand (`false` unless the configuration's `default` says so).
    public var defaultAvoidable = false
    /// The reason shown for values not listed.
    public var defaultReason = "not listed in causes_from.values: counted as not avoidable"

    public init(column: String? = nil) {
        self.column = column
    }

    /// Lists `value` as standing for `entry` (a later listing of the same value replaces it).
    public mutating func list(_ value: String, as entry: Entry) {
        let key = Self.key(value)
        entries.removeAll { $0.key == key }
        entries.append((key, value, entry))
    }

    /// The entry of `value`, if listed.
    public func entry(for value: String) -> Entry? {
        let key = Self.key(value)
        return entries.first { $0.key == key }?.entry
    }

    /// How values are compared with the table: trimmed, lower-cased.
    static func key(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static let keys = ["column", "values", "default"]
    static let entryKeys = ["cause", "name", "process", "avoidable", "reason"]

    /// Reads the configuration's `causes_from` section. Errors are `ContactStatError(.configuration)` naming
    /// `FILE:LINE:COLUMN`.
    public init(node: ConfigurationNode) throws {
        try node.rejectUnknownKeys(Self.keys)
        if let columnNode = try node.member("column") {
            let name = try columnNode.stringValue().trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw columnNode.error("expected the name of an export column") }
            column = name
        }
        if let valuesNode = try node.member("values") {
            for member in try valuesNode.members() {
                let entryNode = member.node
                try entryNode.rejectUnknownKeys(Self.entryKeys)
                guard let causeNode = try entryNode.member("cause") else {
                    throw entryNode.error("the value '\(member.key)' needs a 'cause': a cause path such as \"housing/heat\"")
                }
                let path = try causeNode.stringValue()
                if let problem = Taxonomy.pathProblem(path) { throw causeNode.error(problem) }
                list(member.key, as: Entry(path: path, name: try entryNode.member("name")?.stringValue(),
                                           process: try entryNode.member("process")?.stringValue(),
                                           avoidable: try entryNode.member("avoidable")?.boolValue(),
                                           reason: try entryNode.member("reason")?.stringValue(),
                                           location: entryNode.location))
            }
        }
        if let defaultNode = try node.member("default") {
            try defaultNode.rejectUnknownKeys(["process", "avoidable", "reason"])
            if let process = try defaultNode.member("process")?.stringValue() { defaultProcess = process }
            if let avoidable = try defaultNode.member("avoidable")?.boolValue() {
                defaultAvoidable = avoidable
                defaultReason = "not listed in causes_from.values: counted as "
                    + (avoidable ? "avoidable" : "not avoidable") + " (causes_from.default)"
            }
            if let reason = try defaultNode.member("reason")?.stringValue() { defaultReason = reason }
        }
    }
}
