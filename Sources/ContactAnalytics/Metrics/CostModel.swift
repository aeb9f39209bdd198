/// What contacts cost, per channel (`metrics.md`, "Cost").
///
/// A contact's cost is its explicit `cost` when present; otherwise
/// `perContact[channel] + perMinute[channel] * handleMinutes`, where a missing handle time uses the
/// channel's `defaultHandleMinutes`.
///
/// **Built-in defaults.** Order-of-magnitude figures for a European contact centre, meant to be replaced by
/// your own (`costs` in the configuration). Per-minute rates come from a fully loaded agent cost of about
/// EUR 40 an hour at roughly 75 % occupancy (EUR 0.90 per handled minute); chat and messaging agents handle
/// about 1.5 conversations at once, so their minute costs less; per-contact amounts cover telephony,
/// licences and after-contact work. Default handle times are typical published averages (phone 6 min,
/// e-mail 8, chat 10). Self-service costs a few cents per session. The resulting per-contact costs (phone
/// about EUR 6.40, e-mail 7.20, chat 6.50, self-service 0.10) sit within the ranges that industry surveys
/// (Gartner, ContactBabel) report for assisted and self-service contacts. A letter or fax costs its
/// postage or line and scanning (EUR 1.50) and 12 minutes of an agent's time to read, log and answer in
/// writing (about EUR 12.30). `internal` contacts are excluded from customer demand before any figure is
/// computed, so their zero figures are never used.
public struct CostModel: Sendable, Equatable {
    public struct ChannelCost: Sendable, Equatable {
        public var perContact: Double
        public var perMinute: Double
        public var defaultHandleMinutes: Double

        public init(perContact: Double, perMinute: Double, defaultHandleMinutes: Double) {
            self.perContact = perContact
            self.perMinute = perMinute
            self.defaultHandleMinutes = defaultHandleMinutes
        }

        /// The cost of a contact with `handleSeconds` (or the default handle time when `nil`).
        @inline(__always)
        public func cost(handleSeconds: Double?) -> Double {
            let minutes = handleSeconds.map { $0 / 60 } ?? defaultHandleMinutes
            return perContact + perMinute * minutes
        }
    }

    /// ISO 4217 code printed with amounts.
    public var currency: String
    /// Every channel has an entry.
    public private(set) var channels: [Channel: ChannelCost]
    /// The same figures indexed by `Channel.ordinal`, for the hot path.
    private var byOrdinal: [ChannelCost]
    /// Channels whose figures came from the configuration rather than the built-in defaults.
    public private(set) var configuredChannels: Set<Channel>

    /// The built-in default figures per channel (see the type's documentation).
    public static let builtInChannelCosts: [Channel: ChannelCost] = [
        .phone: ChannelCost(perContact: 1.00, perMinute: 0.90, defaultHandleMinutes: 6),
        .email: ChannelCost(perContact: 0.80, perMinute: 0.80, defaultHandleMinutes: 8),
        .letter: ChannelCost(perContact: 1.50, perMinute: 0.90, defaultHandleMinutes: 12),
        .chat: ChannelCost(perContact: 0.50, perMinute: 0.60, defaultHandleMinutes: 10),
        .social: ChannelCost(perContact: 0.50, perMinute: 0.80, defaultHandleMinutes: 5),
        .messaging: ChannelCost(perContact: 0.50, perMinute: 0.60, defaultHandleMinutes: 8),
        .web: ChannelCost(perContact: 0.80, perMinute: 0.80, defaultHandleMinutes: 7),
        .selfService: ChannelCost(perContact: 0.10, perMinute: 0.00, defaultHandleMinutes: 0),
        .sms: ChannelCost(perContact: 0.30, perMinute: 0.80, defaultHandleMinutes: 3),
        .inPerson: ChannelCost(perContact: 2.00, perMinute: 0.90, defaultHandleMinutes: 10),
        .internal: ChannelCost(perContact: 0.00, perMinute: 0.00, defaultHandleMinutes: 0),
        .other: ChannelCost(perContact: 0.80, perMinute: 0.80, defaultHandleMinutes: 6),
    ]

    /// The built-in model, in euros.
    public static let builtIn = CostModel(currency: "EUR", overrides: [:])

    /// The built-in figures with `overrides` for some channels.
    public init(currency: String, overrides: [Channel: ChannelCost]) {
        self.currency = currency
        var channels = CostModel.builtInChannelCosts
        for (channel, cost) in overrides { channels[channel] = cost }
        self.channels = channels
        self.configuredChannels = Set(overrides.keys)
        byOrdinal = Channel.allCases.map {
            channels[$0] ?? ChannelCost(perContact: 0, perMinute: 0, defaultHandleMinutes: 0)
        }
    }

    /// The figures for `channel`.
    @inline(__always)
    public func channelCost(_ channel: Channel) -> ChannelCost {
        byOrdinal[channel.ordinal]
    }

    /// The cost of one contact: its explicit cost, else the channel's formula.
    @inline(__always)
    public func cost(of contact: borrowing ContactRecord) -> Double {
        if let explicit = contact.cost { return explicit }
        return channelCost(contact.channel).cost(handleSeconds: contact.handleTimeSeconds)
    }

    /// The model as printed in a report's definitions, in channel order. `internal` is left out: its contacts
    /// are excluded before anything is costed.
    public var definitions: [ChannelCostDefinition] {
        Channel.allCases.filter { $0 != .internal }.map { channel in
            let c = channelCost(channel)
            return ChannelCostDefinition(channel: channel, perContact: c.perContact, perMinute: c.perMinute,
                                         defaultHandleMinutes: c.defaultHandleMinutes,
                                         source: configuredChannels.contains(channel) ? "configuration" : "built-in")
        }
    }
}
