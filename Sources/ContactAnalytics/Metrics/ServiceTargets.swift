/// The service-level targets a report measures against: first-reply and resolution targets per channel and
/// priority (the configuration's `sla` section), and the answer threshold of the phone service level.
///
/// A target's key is `channel/priority`, `*/priority` (or just `priority`), `channel`, or `*`; the most
/// specific key that applies to a contact wins, in that order: `chat/urgent`, then `*/urgent`, then `chat`,
/// then `*`. A contact no key applies to has no target and is not evaluated. A contact **meets** its target
/// when its time is at most the target (a reply at exactly 8 h meets an 8 h target) and **breaches** it when
/// the time is longer.
public struct ServiceTargets: Sendable, Equatable {
    /// One configured target.
    public struct Target: Sendable, Equatable {
        /// `nil` = every channel (`*`).
        public var channel: Channel?
        /// `nil` = every priority.
        public var priority: ContactPriority?
        public var seconds: Double

        public init(channel: Channel?, priority: ContactPriority?, seconds: Double) {
            self.channel = channel
            self.priority = priority
            self.seconds = seconds
        }

        /// The key as the configuration writes it: `chat/urgent`, `*/urgent`, `email`, `*`.
        public var key: String {
            switch (channel, priority) {
            case (let c?, let p?): "\(c.rawValue)/\(p.rawValue)"
            case (nil, let p?): "*/\(p.rawValue)"
            case (let c?, nil): c.rawValue
            case (nil, nil): "*"
            }
        }
    }

    /// The default answer threshold of the phone service level: 20 s (the "80/20" convention).
    public static let defaultAnsweredWithin: Double = 20

    public var firstReply: [Target]
    public var resolution: [Target]
    /// The service level counts calls answered within this many seconds.
    public var answeredWithinSeconds: Double

    /// Targets; none by default, and the 20 s answer threshold.
    public init(firstReply: [Target] = [], resolution: [Target] = [],
                answeredWithinSeconds: Double = ServiceTargets.defaultAnsweredWithin) {
        self.firstReply = firstReply
        self.resolution = resolution
        self.answeredWithinSeconds = answeredWithinSeconds
    }

    /// The target of a contact of `channel` and `priority` among `targets` (most specific key first), `nil`
    /// when none applies.
    public static func target(in targets: [Target], channel: Channel, priority: ContactPriority?) -> Double? {
        func find(_ c: Channel?, _ p: ContactPriority?) -> Double? {
            targets.last { $0.channel == c && $0.priority == p }?.seconds
        }
        if let priority {
            if let t = find(channel, priority) { return t }
            if let t = find(nil, priority) { return t }
        }
        return find(channel, nil) ?? find(nil, nil)
    }

    /// The priority slots of `ServiceTargets.Table`: 0 = none or unrecognised, 1...4 = `ContactPriority.slot`.
    static let prioritySlots = 5

    /// Every (channel, priority slot) pair's target as a flat table for the hot path (NaN: no target).
    struct Table: Sendable {
        let firstReply: [Float]
        let resolution: [Float]
        let answeredWithin: Float

        init(_ targets: ServiceTargets) {
            func table(_ list: [Target]) -> [Float] {
                var values: [Float] = []
                for channel in Channel.allCases {
                    for slot in 0..<ServiceTargets.prioritySlots {
                        values.append(ServiceTargets.target(in: list, channel: channel,
                                                            priority: ContactPriority(slot: slot)).map(Float.init) ?? .nan)
                    }
                }
                return values
            }
            firstReply = table(targets.firstReply)
            resolution = table(targets.resolution)
            answeredWithin = Float(targets.answeredWithinSeconds)
        }

        @inline(__always)
        func index(channel: UInt8, priority: UInt8) -> Int {
            Int(channel) * ServiceTargets.prioritySlots + Int(priority)
        }
    }
}
