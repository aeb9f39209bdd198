/// The same set of figures for any slice of contacts: the whole range, one channel, cause, process, queue,
/// agent or period. Every definition is in `metrics.md`; each property names its own. What the reports show of
/// it, and under which key, is declared in `MetricCatalog`.
public struct MetricSet: Sendable, Equatable {
    /// Contacts counted in this slice.
    public var contacts: Int
    /// contacts / all contacts counted in the report.
    public var share: Ratio
    /// Contacts with an identity key (customer id, e-mail or phone).
    public var identified: Int
    /// Repeats: contacts preceded by a contact of the same customer, matching in scope, within the window.
    public var repeats: Int
    /// repeats / identified contacts.
    public var repeatRate: Ratio
    /// FCR by the repeat-window method: resolved on first contact / evaluable contacts.
    public var fcr: Ratio
    /// FCR from the export's own flag or touch count: flagged / contacts with a value (`nil` when the export
    /// carries neither).
    public var exportFCR: Ratio?
    /// Avoidable contacts: cause flagged avoidable, or a repeat.
    public var avoidable: Int
    /// Avoidable because of the cause's flag.
    public var avoidableByCause: Int
    /// Avoidable only because they are repeats (their cause is not flagged avoidable).
    public var avoidableRepeatOnly: Int
    /// avoidable / contacts.
    public var avoidableRate: Ratio
    /// Summed cost of avoidable contacts.
    public var avoidableCost: Double
    public var csat: CSATSummary
    /// Summed cost of the contacts (explicit cost, else the cost model).
    public var costTotal: Double
    /// costTotal / contacts; `nil` without contacts.
    public var costPerContact: Double?
    /// costTotal / the report's total cost; `nil` when that is 0.
    public var costShare: Double?
    /// Mean and median handle time in seconds over contacts with a handle time.
    public var handleTimeMean: Double?
    /// Set for the report's summary only (no report shows it per slice, so slices do not keep handle-time
    /// histograms). Medians and the p90 below come from `QuantileHistogram`s: for the whole range exact up to
    /// `QuantileHistogram.exactLimit` values, past that within 0.05 %; for a slice exact when the value's
    /// bucket held one distinct value, otherwise within 0.4 %.
    public var handleTimeMedian: Double?
    /// Median and 90th percentile (nearest rank) of closed_at - opened_at, over contacts with both and
    /// closed_at >= opened_at.
    public var resolutionTimeMedian: Double?
    public var resolutionTimeP90: Double?
    /// Contacts given a cause / contacts.
    public var coverage: Ratio
    /// Contacts with a first-reply time (from first_reply_at, or the export's reply-time column).
    public var firstReplies: Int
    /// Median and 90th percentile (nearest rank) of the first-reply times.
    public var firstReplyTimeMedian: Double?
    public var firstReplyTimeP90: Double?
    /// First-reply SLA: contacts whose first reply came within their target / contacts with a first-reply time
    /// and a target (`ServiceTargets`); breaches are the rest of the denominator.
    public var firstReplySLA: Ratio
    /// Resolution SLA: contacts resolved within their target / contacts with a resolution time and a target.
    public var resolutionSLA: Ratio
    /// Calls (contacts with an `answered` value) answered, and abandoned.
    public var answered: Int
    public var abandoned: Int
    /// abandoned / (answered + abandoned).
    public var abandonRate: Ratio { Ratio(abandoned, of: answered + abandoned) }
    /// The mean wait time of answered calls with a wait time (average speed of answer).
    public var averageSpeedOfAnswer: Double?
    /// Answered calls with a wait at most the threshold / (answered calls with a wait time + abandoned calls,
    /// less those abandoned with a known wait at most the threshold).
    public var serviceLevel: Ratio
    /// Reopen rate: contacts reopened at least once / contacts with a reopen count.
    public var reopenRate: Ratio
    /// Contacts opened outside their channel's opening hours / contacts whose channel has opening hours
    /// (`BusinessCalendar`); an empty denominator when no contact of the slice has opening hours.
    public var outsideHours: Ratio
    /// Of the contacts outside opening hours, those opened on a public holiday or extra closed date.
    public var outsideHoursHoliday: Int
    /// Repeats whose preceding contact (the one they repeat) opened outside opening hours.
    public var repeatsAfterOutsideHours: Int
    /// Median and 90th percentile (nearest rank) of the resolution time counted in business hours only (open
    /// hours of the contact's channel, holidays closed), over contacts with both times and opening hours.
    public var businessResolutionTimeMedian: Double?
    public var businessResolutionTimeP90: Double?
    /// The summed cost of the repeats (every repeat, whether or not its cause is avoidable): what the repeats
    /// of the slice's contacts cost. Not a catalog column; the savings ledger reads it per cause.
    public var repeatCost: Double = 0
    /// Median and 90th percentile (nearest rank) of the first-reply time counted in business hours only (as
    /// `businessResolutionTimeMedian`), over contacts with a first-reply time and opening hours.
    public var businessFirstReplyTimeMedian: Double?
    public var businessFirstReplyTimeP90: Double?
    /// The backlog (`BacklogLedger` defines it): contacts open at the end of the period for a period row, at the
    /// end of the last reported period for every other slice and the whole range; and the median and 90th
    /// percentile (nearest rank) of their ages then, in days. `nil` when no counted contact has a closed_at or a
    /// status (the ages also when the backlog is empty).
    public var backlog: Int? = nil
    public var backlogAgeMedianDays: Double? = nil
    public var backlogAgeP90Days: Double? = nil

    public init(contacts: Int = 0, share: Ratio = Ratio(0, of: 0), identified: Int = 0, repeats: Int = 0,
                repeatRate: Ratio = Ratio(0, of: 0), fcr: Ratio = Ratio(0, of: 0), exportFCR: Ratio? = nil,
                avoidable: Int = 0, avoidableByCause: Int = 0, avoidableRepeatOnly: Int = 0,
                avoidableRate: Ratio = Ratio(0, of: 0), avoidableCost: Double = 0,
                csat: CSATSummary = CSATSummary(responses: 0, responseRate: Ratio(0, of: 0), satisfied: 0,
                                                rate: Ratio(0, of: 0), mean: nil, confidenceLow: nil,
                                                confidenceHigh: nil),
                costTotal: Double = 0, costPerContact: Double? = nil, costShare: Double? = nil,
                handleTimeMean: Double? = nil, handleTimeMedian: Double? = nil,
                resolutionTimeMedian: Double? = nil, resolutionTimeP90: Double? = nil,
                coverage: Ratio = Ratio(0, of: 0), firstReplies: Int = 0, firstReplyTimeMedian: Double? = nil,
                firstReplyTimeP90: Double? = nil, firstReplySLA: Ratio = Ratio(0, of: 0),
                resolutionSLA: Ratio = Ratio(0, of: 0), answered: Int = 0, abandoned: Int = 0,
                averageSpeedOfAnswer: Double? = nil, serviceLevel: Ratio = Ratio(0, of: 0),
                reopenRate: Ratio = Ratio(0, of: 0), outsideHours: Ratio = Ratio(0, of: 0),
                outsideHoursHoliday: Int = 0, repeatsAfterOutsideHours: Int = 0,
                businessResolutionTimeMedian: Double? = nil, businessResolutionTimeP90: Double? = nil,
                businessFirstReplyTimeMedian: Double? = nil, businessFirstReplyTimeP90: Double? = nil) {
        self.businessFirstReplyTimeMedian = businessFirstReplyTimeMedian
        self.businessFirstReplyTimeP90 = businessFirstReplyTimeP90
        self.reopenRate = reopenRate
        self.firstReplies = firstReplies
        self.firstReplyTimeMedian = firstReplyTimeMedian
        self.firstReplyTimeP90 = firstReplyTimeP90
        self.firstReplySLA = firstReplySLA
        self.resolutionSLA = resolutionSLA
        self.answered = answered
        self.abandoned = abandoned
        self.averageSpeedOfAnswer = averageSpeedOfAnswer
        self.serviceLevel = serviceLevel
        self.contacts = contacts
        self.share = share
        self.identified = identified
        self.repeats = repeats
        self.repeatRate = repeatRate
        self.fcr = fcr
        self.exportFCR = exportFCR
        self.avoidable = avoidable
        self.avoidableByCause = avoidableByCause
        self.avoidableRepeatOnly = avoidableRepeatOnly
        self.avoidableRate = avoidableRate
        self.avoidableCost = avoidableCost
        self.csat = csat
        self.costTotal = costTotal
        self.costPerContact = costPerContact
        self.costShare = costShare
        self.handleTimeMean = handleTimeMean
        self.handleTimeMedian = handleTimeMedian
        self.resolutionTimeMedian = resolutionTimeMedian
        self.resolutionTimeP90 = resolutionTimeP90
        self.coverage = coverage
        self.outsideHours = outsideHours
        self.outsideHoursHoliday = outsideHoursHoliday
        self.repeatsAfterOutsideHours = repeatsAfterOutsideHours
        self.businessResolutionTimeMedian = businessResolutionTimeMedian
        self.businessResolutionTimeP90 = businessResolutionTimeP90
    }
}
