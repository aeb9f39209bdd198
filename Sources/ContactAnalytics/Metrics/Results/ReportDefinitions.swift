/// The definitions and parameters in force for a report, printed with it so every figure can be audited.
public struct ReportDefinitions: Sendable, Equatable {
    /// The repeat window and its scope, formatted only by the renderers (`days`, `scope.rawValue`).
    public var window: RepeatContactWindow
    public var csatScaleLow: Double
    public var csatScaleHigh: Double
    public var csatThreshold: Double
    public var currency: String
    /// IANA time zone name used for timestamps without an offset and for periods.
    public var timezone: String
    /// `week`, `month` or `day`.
    public var period: String
    /// The reporting range asked for (`--since`, `--until`), ISO 8601, if any.
    public var since: String?
    public var until: String?
    /// The latest opened_at among all contacts read (UTC seconds; printed as ISO 8601 UTC), which bounds FCR
    /// evaluability; `nil` without contacts.
    public var dataEnd: EpochSeconds?
    /// The cost model per channel, and where each figure came from.
    public var costModel: [ChannelCostDefinition]
    /// The whole local days (ISO dates) the data covers: from the day of the first contact read (or `since`,
    /// when later) to the day of the last one (or the day before `until`, when earlier); `nil` without contacts.
    /// A period that reaches outside these days is partial.
    public var coveredFrom: String?
    public var coveredTo: String?
    /// The built-in taxonomy packs in force (`TaxonomyPack`, `general` first); empty when the taxonomy does not
    /// extend the built-in one or the causes came from a column; `nil` when not known (a report made by the
    /// metrics engine alone, without `ContactAnalysis`).
    public var taxonomyPacks: [String]?
    /// The packs whose causes were given, with their contacts (`TaxonomyPackMatch.tally`): which industries'
    /// words the export matched; `nil` when causes came from a column or the report was made without
    /// `ContactAnalysis`.
    public var taxonomyPacksMatched: [TaxonomyPackMatch]?
    /// The first-reply and resolution targets and the answer threshold the SLA figures were measured with.
    public var serviceTargets = ServiceTargets()
    /// Why first-reply, SLA or phone-queue figures have no value (`ServiceLevelGaps`); empty when not known.
    public var serviceLevelGaps: [String] = []
    /// The same gaps with the figures and what would enable them, for the one condensed line of the human
    /// formats (`ServiceLevelGaps.condensed`); empty when not known.
    public var notMeasured: [ServiceLevelGaps.Gap] = []
    /// The export column the causes were taken from (`--cause-from`); `nil` when the taxonomy's rules gave them.
    public var causeColumn: String?
    /// The opening hours configured (`opening_hours`), in the order given; empty when none are: the
    /// outside-hours figures and the business-hours clock then have no value.
    public var openingHours: [OpeningHoursDefinition] = []
    /// The country whose public holidays close every channel not open 24/7 (`holidays.country`), if any.
    public var holidays: String?
    /// Extra closed dates (`holidays.extra`), ISO.
    public var extraClosedDays: [String] = []

    /// How causes were given, in words: `column "Complaint Type"`, `rules, all packs`,
    /// `rules, packs general, telecom` or `rules of the configured taxonomy (no built-in packs)`; `nil` when
    /// not known.
    public var causeSource: String? {
        if let causeColumn { return "column \"\(causeColumn)\"" }
        guard let taxonomyPacks else { return nil }
        if taxonomyPacks.isEmpty { return "rules of the configured taxonomy (no built-in packs)" }
        if Set(taxonomyPacks) == Set(TaxonomyPack.all.map(\.name)) { return "rules, all packs" }
        return "rules, packs " + taxonomyPacks.joined(separator: ", ")
    }

    public init(window: RepeatContactWindow, csatScaleLow: Double, csatScaleHigh: Double,
                csatThreshold: Double, currency: String, timezone: String, period: String, since: String?,
                until: String?, dataEnd: EpochSeconds?, costModel: [ChannelCostDefinition], coveredFrom: String? = nil,
                coveredTo: String? = nil) {
        self.coveredFrom = coveredFrom
        self.coveredTo = coveredTo
        self.window = window
        self.csatScaleLow = csatScaleLow
        self.csatScaleHigh = csatScaleHigh
        self.csatThreshold = csatThreshold
        self.currency = currency
        self.timezone = timezone
        self.period = period
        self.since = since
        self.until = until
        self.dataEnd = dataEnd
        self.costModel = costModel
    }
}

/// One channel's cost parameters as used in a report.
public struct ChannelCostDefinition: Sendable, Equatable {
    public var channel: Channel
    public var perContact: Double
    public var perMinute: Double
    public var defaultHandleMinutes: Double
    /// `built-in` or `configuration`.
    public var source: String

    public init(channel: Channel, perContact: Double, perMinute: Double, defaultHandleMinutes: Double,
                source: String) {
        self.channel = channel
        self.perContact = perContact
        self.perMinute = perMinute
        self.defaultHandleMinutes = defaultHandleMinutes
        self.source = source
    }
}
