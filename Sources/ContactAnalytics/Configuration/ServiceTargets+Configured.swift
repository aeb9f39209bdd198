import Foundation

extension ServiceTargets {
    /// The keys of the configuration's `sla` section.
    static let configurationKeys = ["first_reply", "resolution", "answered_within"]

    /// Reads the configuration's `sla` section:
    ///
    /// ```
    /// "sla": {
    ///   "first_reply": { "*": "24h", "email": "8h", "chat": "10m", "*/urgent": "1h", "chat/urgent": "5m" },
    ///   "resolution":  { "*": "5d", "urgent": "8h" },
    ///   "answered_within": "20s"
    /// }
    /// ```
    ///
    /// Keys are `*`, a channel, a priority (`urgent`, the same as `*/urgent`) or `channel/priority`; values are
    /// durations (`8h`, `5 min`, `1d 12h`, `PT30M`) or a number of seconds. Unknown channels, priorities and
    /// keys are errors naming the place.
    public init(node: ConfigurationNode) throws {
        self.init()
        try node.rejectUnknownKeys(Self.configurationKeys)
        if let first = try node.member("first_reply") { firstReply = try Self.targets(first) }
        if let resolution = try node.member("resolution") { self.resolution = try Self.targets(resolution) }
        if let within = try node.member("answered_within") {
            let seconds = try Self.duration(within)
            guard seconds > 0 else { throw within.error("expected a duration above 0, such as \"20s\"") }
            answeredWithinSeconds = seconds
        }
    }

    private static func targets(_ node: ConfigurationNode) throws -> [Target] {
        var targets: [Target] = []
        for member in try node.members() {
            let parts = member.key.split(separator: "/", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            var channel: Channel?
            var priority: ContactPriority?
            func fail(_ message: String) -> ContactStatError {
                ContactStatError(.configuration, "\(node.path): '\(member.key)': \(message)", at: member.node.location)
            }
            let channels = Channel.allCases.map(\.rawValue).joined(separator: ", ")
            let priorities = ContactPriority.allCases.map(\.rawValue).joined(separator: ", ")
            switch parts.count {
            case 1:
                if parts[0] == "*" { break }
                if let c = Channel(rawValue: parts[0]) {
                    channel = c
                } else if let p = ContactPriority(rawValue: parts[0]) {
                    priority = p
                } else {
                    throw fail("not *, a channel (\(channels)) or a priority (\(priorities))")
                }
            case 2:
                if parts[0] != "*" {
                    guard let c = Channel(rawValue: parts[0]) else { throw fail("unknown channel '\(parts[0])'; known: \(channels)") }
                    channel = c
                }
                guard let p = ContactPriority(rawValue: parts[1]) else {
                    throw fail("unknown priority '\(parts[1])'; known: \(priorities)")
                }
                priority = p
            default:
                throw fail("expected channel/priority, such as chat/urgent")
            }
            let seconds = try duration(member.node)
            guard seconds > 0 else { throw member.node.error("expected a duration above 0, such as \"8h\"") }
            targets.append(Target(channel: channel, priority: priority, seconds: seconds))
        }
        return targets
    }

    /// A duration as text (`8h`, `5 min`) or a number of seconds.
    private static func duration(_ node: ConfigurationNode) throws -> Double {
        if case .number(let seconds) = node.value { return seconds }
        let text = try node.stringValue()
        let parser = DurationParser(maximumSeconds: 400 * 86_400)
        guard let seconds = parser.parse(text) else {
            throw node.error("'\(text)' is not a duration such as \"8h\", \"30 min\" or \"2d\"")
        }
        return seconds
    }
}
