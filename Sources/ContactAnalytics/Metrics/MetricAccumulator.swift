/// Running sums for one slice of contacts (the whole range, one channel, one cause, ...). Everything is a
/// count or a sum, so accumulators merge by addition (and a contribution with negated counts takes one back
/// out); medians come from `QuantileHistogram`s.
struct MetricAccumulator: Sendable {
    // What a contact contributes in its own right (`SliceAggregates.contribute`, which adds to its slices only
    // the fields it sets: `MetricContribution`) comes first: its exact sums, then its whole counts in one run of
    // words, the ones most contacts set first. A contact's sums (cost, handle time, score) and common counts
    // are then one run of bytes from the row's start, not two runs at either end of its counts: fewer cache
    // lines of each of its eight rows. The sums only the timeline walk adds (repeats, FCR) come last;
    // `mergeContribution(_:)` adds the first part only.
    var csatNumericSum = ExactSum()
    var costTotal = ExactSum()
    var handleSum = ExactSum()
    /// The cost of the avoidable contacts: by cause (the contribution) and repeat-only (the timeline walk).
    var avoidableCost = ExactSum()
    /// The summed wait of the answered calls with a wait time.
    var waitSum = ExactSum()

    var contacts = 0
    var identified = 0
    var classified = 0
    var csatResponses = 0
    var csatSatisfied = 0
    var csatNumericCount = 0
    var handleCount = 0
    var exportFCRResolved = 0
    var exportFCRKnown = 0
    var avoidableByCause = 0
    /// Contacts with a first-reply time; of them, those with a target, and those that met it.
    var firstReplies = 0
    var firstReplyTargeted = 0
    var firstReplyMet = 0
    /// Contacts with a resolution time and a target, and those that met it.
    var resolutionTargeted = 0
    var resolutionMet = 0
    /// Calls answered and abandoned; answered with a wait time (`waitCount`, their sum `waitSum`), answered
    /// within the threshold, and abandoned with a wait time within the threshold (short abandons).
    var answered = 0
    var abandoned = 0
    var waitCount = 0
    var answeredWithin = 0
    var abandonedWithin = 0
    /// Contacts with a reopen count, and those reopened at least once.
    var reopenKnown = 0
    var reopened = 0
    /// Contacts whose channel has opening hours; of them, those opened outside the hours, and of those, on a
    /// holiday.
    var hoursKnown = 0
    var outsideHours = 0
    var outsideHoliday = 0
    /// Contacts with the export's FCR flag, and those flagged resolved; contacts with an agent-reply count, and
    /// those with at most one (the FCR definitions side by side).
    var flagKnown = 0
    var flagResolved = 0
    var touchesKnown = 0
    var oneTouch = 0

    // Added by the timeline walk only (`mergeOutcome(_:)`).
    var repeats = 0
    var evaluable = 0
    var resolved = 0
    var repeatOnly = 0
    /// Repeats of a contact that opened outside opening hours.
    var repeatsAfterOutside = 0
    /// The summed cost of the repeats.
    var repeatCost = ExactSum()

    /// Adds every count and sum of `o`. The counts add with wrapping arithmetic: no count of contacts comes
    /// near 2⁶³, and without an overflow check per field the adds of neighbouring counts become vector adds.
    @inline(__always)
    mutating func merge(_ o: MetricAccumulator) {
        mergeContribution(o)
        repeats &+= o.repeats
        evaluable &+= o.evaluable
        resolved &+= o.resolved
        repeatOnly &+= o.repeatOnly
        repeatsAfterOutside &+= o.repeatsAfterOutside
        repeatCost.add(o.repeatCost)
    }

    /// Adds the counts and sums of `o` that a contact contributes in its own right (all but those of
    /// `mergeOutcome(_:)`'s timeline walk, which `o` must hold at zero: a contribution made by
    /// `SliceAggregates.contribute`). Wrapping adds, as `merge(_:)`.
    @inline(__always)
    mutating func mergeContribution(_ o: MetricAccumulator) {
        contacts &+= o.contacts
        identified &+= o.identified
        classified &+= o.classified
        csatResponses &+= o.csatResponses
        csatSatisfied &+= o.csatSatisfied
        csatNumericCount &+= o.csatNumericCount
        handleCount &+= o.handleCount
        exportFCRResolved &+= o.exportFCRResolved
        exportFCRKnown &+= o.exportFCRKnown
        avoidableByCause &+= o.avoidableByCause
        firstReplies &+= o.firstReplies
        firstReplyTargeted &+= o.firstReplyTargeted
        firstReplyMet &+= o.firstReplyMet
        resolutionTargeted &+= o.resolutionTargeted
        resolutionMet &+= o.resolutionMet
        answered &+= o.answered
        abandoned &+= o.abandoned
        waitCount &+= o.waitCount
        answeredWithin &+= o.answeredWithin
        abandonedWithin &+= o.abandonedWithin
        reopenKnown &+= o.reopenKnown
        reopened &+= o.reopened
        hoursKnown &+= o.hoursKnown
        outsideHours &+= o.outsideHours
        outsideHoliday &+= o.outsideHoliday
        flagKnown &+= o.flagKnown
        flagResolved &+= o.flagResolved
        touchesKnown &+= o.touchesKnown
        oneTouch &+= o.oneTouch
        csatNumericSum.add(o.csatNumericSum)
        costTotal.add(o.costTotal)
        handleSum.add(o.handleSum)
        avoidableCost.add(o.avoidableCost)
        waitSum.add(o.waitSum)
    }

    /// Adds the sums only the timeline walk knows: repeats, evaluable and resolved contacts, repeat-only
    /// avoidable contacts and their cost, repeats after an out-of-hours contact.
    @inline(__always)
    mutating func mergeOutcome(_ o: TimelineOutcomeSums) {
        repeats &+= o.repeats
        evaluable &+= o.evaluable
        resolved &+= o.resolved
        repeatOnly &+= o.repeatOnly
        avoidableCost.add(o.avoidableCost)
        repeatsAfterOutside &+= o.repeatsAfterOutside
        repeatCost.add(o.repeatCost)
    }

    /// The figures, given the report's totals and the slice's time quantiles.
    func metricSet(totalContacts: Int, totalCost: Double, quantiles: SliceQuantiles, exportFCRPresent: Bool)
        -> MetricSet {
        let avoidable = avoidableByCause + repeatOnly
        let costTotal = self.costTotal.value
        let interval = WilsonInterval.bounds(successes: csatSatisfied, trials: csatResponses)
        let csat = CSATSummary(
            responses: csatResponses, responseRate: Ratio(csatResponses, of: contacts), satisfied: csatSatisfied,
            rate: Ratio(csatSatisfied, of: csatResponses),
            mean: csatNumericCount == 0 ? nil : csatNumericSum.value / Double(csatNumericCount),
            confidenceLow: interval?.low, confidenceHigh: interval?.high)
        var set = MetricSet(
            contacts: contacts, share: Ratio(contacts, of: totalContacts), identified: identified, repeats: repeats,
            repeatRate: Ratio(repeats, of: identified), fcr: Ratio(resolved, of: evaluable),
            exportFCR: exportFCRPresent ? Ratio(exportFCRResolved, of: exportFCRKnown) : nil,
            avoidable: avoidable, avoidableByCause: avoidableByCause, avoidableRepeatOnly: repeatOnly,
            avoidableRate: Ratio(avoidable, of: contacts), avoidableCost: avoidableCost.value, csat: csat,
            costTotal: costTotal, costPerContact: contacts == 0 ? nil : costTotal / Double(contacts),
            costShare: totalCost > 0 ? costTotal / totalCost : nil,
            handleTimeMean: handleCount == 0 ? nil : handleSum.value / Double(handleCount),
            handleTimeMedian: quantiles.handleMedian, resolutionTimeMedian: quantiles.resolutionMedian,
            resolutionTimeP90: quantiles.resolutionP90, coverage: Ratio(classified, of: contacts),
            firstReplies: firstReplies, firstReplyTimeMedian: quantiles.firstReplyMedian,
            firstReplyTimeP90: quantiles.firstReplyP90, firstReplySLA: Ratio(firstReplyMet, of: firstReplyTargeted),
            resolutionSLA: Ratio(resolutionMet, of: resolutionTargeted), answered: answered, abandoned: abandoned,
            averageSpeedOfAnswer: waitCount == 0 ? nil : waitSum.value / Double(waitCount),
            serviceLevel: waitCount == 0 ? Ratio(0, of: 0) : Ratio(answeredWithin, of: waitCount + abandoned - abandonedWithin),
            reopenRate: Ratio(reopened, of: reopenKnown),
            outsideHours: Ratio(outsideHours, of: hoursKnown), outsideHoursHoliday: outsideHoliday,
            repeatsAfterOutsideHours: repeatsAfterOutside,
            businessResolutionTimeMedian: quantiles.businessResolutionMedian,
            businessResolutionTimeP90: quantiles.businessResolutionP90,
            businessFirstReplyTimeMedian: quantiles.businessFirstReplyMedian,
            businessFirstReplyTimeP90: quantiles.businessFirstReplyP90)
        set.repeatCost = repeatCost.value
        return set
    }
}

/// The order statistics of one slice.
struct SliceQuantiles: Sendable {
    var handleMedian: Double?
    var resolutionMedian: Double?
    var resolutionP90: Double?
    var firstReplyMedian: Double?
    var firstReplyP90: Double?
    /// The same in business hours (`BusinessCalendar`).
    var businessResolutionMedian: Double?
    var businessResolutionP90: Double?
    var businessFirstReplyMedian: Double?
    var businessFirstReplyP90: Double?
}
