/// The agents a queue needs, by local weekday and hour, from the arrivals of the reporting range and the mean
/// handle time, by Erlang C (`ErlangC`).
///
/// **Definition.** For a staffed channel (phone and chat: the channels where a contact waits in a queue for an
/// agent; e-mail, web and social are worked from a backlog) and each weekday-hour with contacts (in the report's
/// time zone): the **average arrivals per hour** = the channel's contacts opened in that weekday and hour / the
/// number of such weekday-hours in the covered days (the whole local days from the first contact counted to the
/// last: each day counts once for each of its hours, so the days clocks change count as 24 hours). With the
/// channel's mean handle time (AHT, over its contacts with a handle time) Erlang C gives the fewest agents
/// that answer `targets.serviceLevel` of the contacts within `targets.answerWithinSeconds`, and the agents to
/// schedule after shrinkage, `⌈agents / (1 − shrinkage)⌉`.
///
/// Not measured, and said (`notMeasured`): without a `handle_time` column (no plan at all), or for a staffed
/// channel with contacts but no handle time.
public struct StaffingPlan: Sendable, Equatable {
    /// The channels staffed to answer a queue.
    public static let staffedChannels: [Channel] = [.phone, .chat]

    /// One weekday-hour of a channel.
    public struct Cell: Sendable, Equatable {
        /// ISO weekday (1 = Monday ... 7 = Sunday) and local hour (0-23).
        public var weekday: Int
        public var hour: Int
        /// Such weekday-hours in the covered days.
        public var hours: Int
        /// Contacts opened in them.
        public var contacts: Int
        /// contacts / hours.
        public var arrivalsPerHour: Double
        /// Agents needed (Erlang C) and to schedule (after shrinkage); `nil` when Erlang C gives none.
        public var agents: Int?
        public var scheduled: Int?
    }

    /// One staffed channel's plan: its mean handle time and the weekday-hours with contacts, Monday 00 first.
    public struct ChannelPlan: Sendable, Equatable {
        public var channel: Channel
        public var handleTimeSeconds: Double
        public var cells: [Cell]
    }

    public var targets: StaffingTargets
    public var channels: [ChannelPlan]
    /// Why there is no plan, or a staffed channel with contacts has none: one line each.
    public var notMeasured: [String]

    /// No plan (a report built without one).
    public init(targets: StaffingTargets = StaffingTargets()) {
        self.targets = targets
        channels = []
        notMeasured = []
    }

    /// The plan for `arrivals` over the local days `firstDay...lastDay` (days since 1970; `nil` without
    /// contacts), with each channel's mean handle time (`handleTimes`, channels without one absent);
    /// `mappedFields`: the canonical fields some column feeds (`nil`: not known).
    public init(arrivals: ArrivalGrid, firstDay: Int?, lastDay: Int?, handleTimes: [Channel: Double],
                mappedFields: Set<String>?, targets: StaffingTargets) {
        self.init(targets: targets)
        if let mapped = mappedFields, !mapped.contains(CanonicalField.handleTime.rawValue) {
            notMeasured.append("staffing: the export has no handle_time column, so the agents needed are not "
                + "computed (map a column to handle_time)")
            return
        }
        guard let firstDay, let lastDay, firstDay <= lastDay else { return }
        var weekdays = [Int](repeating: 0, count: 7)
        for day in firstDay...lastDay { weekdays[BusinessCalendar.weekday(ofDay: Int64(day))] += 1 }
        for channel in Self.staffedChannels {
            let counts = (0..<ArrivalGrid.cells).map {
                arrivals.contacts(weekday: $0 / 24 + 1, hour: $0 % 24, channel: channel)
            }
            guard counts.contains(where: { $0 > 0 }) else { continue }
            guard let handle = handleTimes[channel], handle > 0 else {
                notMeasured.append("staffing, \(channel.rawValue): no \(channel.rawValue) contact has a handle time, "
                    + "so its agents needed are not computed")
                continue
            }
            var cells: [Cell] = []
            for (index, contacts) in counts.enumerated() where contacts > 0 {
                let weekday = index / 24, hours = weekdays[weekday]
                guard hours > 0 else { continue }
                let rate = Double(contacts) / Double(hours)
                let model = ErlangC(contacts: rate, over: 3_600, handleTimeSeconds: handle)
                let agents = model.agentsNeeded(serviceLevel: targets.serviceLevel,
                                                answeredWithin: targets.answerWithinSeconds)
                cells.append(Cell(weekday: weekday + 1, hour: index % 24, hours: hours, contacts: contacts,
                                  arrivalsPerHour: rate, agents: agents,
                                  scheduled: agents.flatMap { ErlangC.scheduled(agents: $0, shrinkage: targets.shrinkage) }))
            }
            channels.append(ChannelPlan(channel: channel, handleTimeSeconds: handle, cells: cells))
        }
    }
}
