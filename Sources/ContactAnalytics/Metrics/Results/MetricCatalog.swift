/// Every figure a report shows for a slice of contacts, declared once. JSON, CSV, text, Markdown and HTML take
/// their metric columns from here, in this order, and the definitions section of text, Markdown and HTML its
/// metric notes (`MetricDescriptor.reportNote`), so a new metric is one declaration (a `static let` below,
/// listed in `all`) plus its computation (`MetricAccumulator`, `MetricSet`).
///
/// Figures that are not per slice (rows read, customers identified, the top customers' share, period changes)
/// and the cause rows' own facts (name, process, avoidable flag) are not metrics of a `MetricSet` and are not
/// here.
public enum MetricCatalog {
    /// Every metric, slices' first, in the order of CSV columns and of JSON keys after the contract's.
    public static let all: [MetricDescriptor] = [
        contacts, share, identified, repeats, repeatRate, fcr, fcrEvaluable, exportFCR, avoidable,
        avoidableByCause, avoidableRepeatOnly, avoidableRate, avoidableCost, csatResponses, csat, csatMean,
        costTotal, costPerContact, costShare, handleTimeMean, resolutionTimeMedian, coverage,
        firstReplies, firstReplyTimeMedian, firstReplyTimeP90, firstReplySLA, firstReplySLABreaches, resolutionSLA,
        resolutionSLABreaches, answered, abandoned, abandonRate, averageSpeedOfAnswer, serviceLevel, reopened,
        reopenRate,
        outsideHours, outsideHoursRate, repeatsAfterOutsideHours, businessResolutionTimeMedian,
        backlog, backlogAgeMedian, backlogAgeP90, avoidableAgentHours, businessFirstReplyTimeMedian,
        fcrResolved, csatResponseRate, csatSatisfied, csatLow, csatHigh, handleTimeMedian, resolutionTimeP90,
        unclassified, openingHoursContacts, outsideHoursHoliday, businessResolutionTimeP90, businessFirstReplyTimeP90,
    ]

    /// The metrics every slice reports (scope `everySlice` or `slicesOnly`), in catalog order.
    public static let sliceMetrics: [MetricDescriptor] = all.filter { $0.scope != .summaryOnly }
    /// The metrics the whole range reports (scope `everySlice` or `summaryOnly`), in catalog order.
    public static let summaryMetrics: [MetricDescriptor] = all.filter { $0.scope != .slicesOnly }

    /// The metric with this key, `nil` for none.
    public static func metric(_ key: String) -> MetricDescriptor? {
        all.first { $0.key == key }
    }

    // MARK: Every slice

    public static let contacts = MetricDescriptor(
        key: "contacts", label: "Contacts", columnHeader: "Contacts", kind: .count, sums: true,
        definition: "Contacts counted: in the reporting range, after rejects, duplicates and exclusions.") {
            .count($0.contacts)
        }
    public static let share = MetricDescriptor(
        key: "share", label: "Share", columnHeader: "Share", kind: .rate, sums: false, scope: .slicesOnly,
        definition: "Contacts / all contacts counted in the report.") { .real($0.share.value) }
    public static let identified = MetricDescriptor(
        key: "identified", label: "Identified contacts", columnHeader: "Identified", kind: .count, sums: true,
        definition: "Contacts with an identity key (customer id, else e-mail, else phone).") {
            .count($0.identified)
        }
    public static let repeats = MetricDescriptor(
        key: "repeats", label: "Repeats", columnHeader: "Repeats", kind: .count, sums: true,
        definition: "Contacts preceded by a contact of the same customer, matching in scope, within the repeat "
            + "window.") { .count($0.repeats) }
    public static let repeatRate = MetricDescriptor(
        key: "repeat_rate", label: "Repeat rate", columnHeader: "Repeat", kind: .rate, sums: false,
        definition: "Repeats / identified contacts.") { .real($0.repeatRate.value) }
    public static let fcr = MetricDescriptor(
        key: "fcr", label: "FCR", columnHeader: "FCR", kind: .rate, sums: false,
        definition: "First-contact resolution by the repeat-window method: contacts with no later contact of the "
            + "same customer, matching in scope, within the window / evaluable contacts.",
        reportNote: ("repeat-window method",
                     "contacts opened later than the data end minus the window are not evaluable")) {
            .real($0.fcr.value)
        }
    public static let fcrEvaluable = MetricDescriptor(
        key: "fcr_evaluable", label: "FCR evaluable", columnHeader: "Evaluable", kind: .count, sums: true,
        definition: "Identified contacts opened at least one repeat window before the data end (the latest "
            + "contact read): newer ones are not final yet.") { .count($0.fcr.denominator) }
    public static let exportFCR = MetricDescriptor(
        key: "export_fcr", label: "FCR (export flag)", columnHeader: "FCR flag", kind: .rate, sums: false,
        definition: "Contacts the export flags as resolved on first contact (or with at most one agent reply) / "
            + "contacts with a value; no value when the export carries neither.") { .real($0.exportFCR?.value) }
    public static let avoidable = MetricDescriptor(
        key: "avoidable", label: "Avoidable contacts", columnHeader: "Avoidable", kind: .count, sums: true,
        definition: "Contacts whose cause is flagged avoidable, or that are repeats.",
        reportNote: ("cause flagged avoidable, or a repeat", "")) { .count($0.avoidable) }
    public static let avoidableByCause = MetricDescriptor(
        key: "avoidable_by_cause", label: "Avoidable by cause", columnHeader: "By cause", kind: .count,
        sums: true, definition: "Avoidable contacts whose cause is flagged avoidable.") {
            .count($0.avoidableByCause)
        }
    public static let avoidableRepeatOnly = MetricDescriptor(
        key: "avoidable_repeat_only", label: "Avoidable, repeat only", columnHeader: "Repeat only", kind: .count,
        sums: true, definition: "Avoidable contacts only because they are repeats (their cause is not flagged "
            + "avoidable).") { .count($0.avoidableRepeatOnly) }
    public static let avoidableRate = MetricDescriptor(
        key: "avoidable_rate", label: "Avoidable rate", columnHeader: "Avoid.", kind: .rate, sums: false,
        definition: "Avoidable contacts / contacts.") { .real($0.avoidableRate.value) }
    public static let avoidableCost = MetricDescriptor(
        key: "avoidable_cost", label: "Avoidable cost", columnHeader: "Avoid. cost", kind: .money, sums: true,
        definition: "The summed cost of avoidable contacts.") { .real($0.avoidableCost) }
    public static let csatResponses = MetricDescriptor(
        key: "csat_responses", label: "CSAT responses", columnHeader: "Responses", kind: .count, sums: true,
        definition: "Contacts with a readable satisfaction score or verdict.") { .count($0.csat.responses) }
    public static let csat = MetricDescriptor(
        key: "csat", label: "CSAT", columnHeader: "CSAT", kind: .rate, sums: false,
        definition: "Satisfied responses (a score at or above the threshold, or a satisfied verdict) / "
            + "responses.") { .real($0.csat.rate.value) }
    public static let csatMean = MetricDescriptor(
        key: "csat_mean", label: "CSAT mean score", columnHeader: "Mean score", kind: .score, sums: false,
        definition: "The mean of numeric responses, on the configured scale.") { .real($0.csat.mean) }
    public static let costTotal = MetricDescriptor(
        key: "cost_total", label: "Cost", columnHeader: "Cost", kind: .money, sums: true,
        definition: "The summed cost of the contacts: a contact's explicit cost, else the cost model's per-contact "
            + "and per-minute cost of its channel.") { .real($0.costTotal) }
    public static let costPerContact = MetricDescriptor(
        key: "cost_per_contact", label: "Cost per contact", columnHeader: "Per contact", kind: .money, sums: false,
        definition: "Cost / contacts.") { .real($0.costPerContact) }
    public static let costShare = MetricDescriptor(
        key: "cost_share", label: "Share of cost", columnHeader: "Cost %", kind: .rate, sums: false,
        scope: .slicesOnly,
        definition: "Cost / the cost of all contacts counted in the report.") { .real($0.costShare) }
    public static let handleTimeMean = MetricDescriptor(
        key: "handle_time_mean_seconds", label: "Handle time (mean)", columnHeader: "AHT", kind: .duration,
        sums: false, definition: "The mean handle time over contacts with a handle time (AHT).") {
            .real($0.handleTimeMean)
        }
    public static let resolutionTimeMedian = MetricDescriptor(
        key: "resolution_time_median_seconds", label: "Resolution time (median)", columnHeader: "Resolution",
        kind: .duration, sums: false,
        definition: "The median of closed_at - opened_at in calendar time (every hour counts) over contacts with "
            + "both and closed_at >= opened_at.",
        reportNote: ("calendar time", "closed_at - opened_at, every hour counted; median and 90th percentile")) {
            .real($0.resolutionTimeMedian)
        }
    public static let coverage = MetricDescriptor(
        key: "coverage", label: "Coverage", columnHeader: "Coverage", kind: .rate, sums: false,
        definition: "Contacts given a cause / contacts.") { .real($0.coverage.value) }

    // MARK: First reply and service levels (every slice)

    public static let firstReplies = MetricDescriptor(
        key: "first_replies", label: "Contacts with a first reply", columnHeader: "Replied", kind: .count,
        sums: true,
        definition: "Contacts with a first-reply time: first_reply_at - opened_at (a reply before the contact "
            + "opened is left out and counted), or the export's reply-time column.") { .count($0.firstReplies) }
    public static let firstReplyTimeMedian = MetricDescriptor(
        key: "first_reply_time_median_seconds", label: "First-reply time (median)", columnHeader: "1st reply",
        kind: .duration, sums: false,
        definition: "The median first-reply time, in calendar time (nights and weekends count).",
        reportNote: ("calendar time", "first_reply_at - opened_at, or the export's reply-time column")) {
            .real($0.firstReplyTimeMedian)
        }
    public static let firstReplyTimeP90 = MetricDescriptor(
        key: "first_reply_time_p90_seconds", label: "First-reply time (90th percentile)", columnHeader: "1st reply p90",
        kind: .duration, sums: false,
        definition: "The 90th percentile (nearest rank) of the first-reply times.") { .real($0.firstReplyTimeP90) }
    public static let firstReplySLA = MetricDescriptor(
        key: "first_reply_sla_met", label: "First-reply SLA met", columnHeader: "Reply SLA", kind: .rate,
        sums: false,
        definition: "Contacts whose first-reply time is at most their target (sla.first_reply: the most specific "
            + "of channel/priority, */priority, channel, *) / contacts with a first-reply time and a target.",
        reportNote: ("time <= target", "a reply at exactly the target meets it; contacts without a reply or a "
            + "target are not evaluated")) { .real($0.firstReplySLA.value) }
    public static let firstReplySLABreaches = MetricDescriptor(
        key: "first_reply_sla_breaches", label: "First-reply SLA breaches", columnHeader: "Reply breaches",
        kind: .count, sums: true,
        definition: "Contacts whose first-reply time is longer than their target.") {
            .count($0.firstReplySLA.denominator - $0.firstReplySLA.numerator)
        }
    public static let resolutionSLA = MetricDescriptor(
        key: "resolution_sla_met", label: "Resolution SLA met", columnHeader: "Res. SLA", kind: .rate, sums: false,
        definition: "Contacts whose resolution time is at most their target (sla.resolution, chosen as for the "
            + "first reply) / contacts with a resolution time and a target.") { .real($0.resolutionSLA.value) }
    public static let resolutionSLABreaches = MetricDescriptor(
        key: "resolution_sla_breaches", label: "Resolution SLA breaches", columnHeader: "Res. breaches",
        kind: .count, sums: true,
        definition: "Contacts whose resolution time is longer than their target.") {
            .count($0.resolutionSLA.denominator - $0.resolutionSLA.numerator)
        }
    public static let answered = MetricDescriptor(
        key: "answered", label: "Calls answered", columnHeader: "Answered", kind: .count, sums: true,
        definition: "Contacts whose answered value is yes.") { .count($0.answered) }
    public static let abandoned = MetricDescriptor(
        key: "abandoned", label: "Calls abandoned", columnHeader: "Abandoned", kind: .count, sums: true,
        definition: "Contacts whose answered value is no: the caller hung up (or the chat ended) before an "
            + "answer.") { .count($0.abandoned) }
    public static let abandonRate = MetricDescriptor(
        key: "abandon_rate", label: "Abandon rate", columnHeader: "Abandon", kind: .rate, sums: false,
        definition: "Abandoned / (answered + abandoned).") { .real($0.abandonRate.value) }
    public static let averageSpeedOfAnswer = MetricDescriptor(
        key: "average_speed_of_answer_seconds", label: "Average speed of answer", columnHeader: "ASA",
        kind: .duration, sums: false,
        definition: "The mean wait time of answered calls with a wait time (abandoned calls' waits are not in "
            + "it).") { .real($0.averageSpeedOfAnswer) }
    public static let serviceLevel = MetricDescriptor(
        key: "service_level", label: "Service level", columnHeader: "Service lvl", kind: .rate, sums: false,
        definition: "Answered calls with a wait at most the threshold (sla.answered_within, 20 s by default) / "
            + "(answered calls with a wait time + abandoned calls, less those abandoned with a known wait at most "
            + "the threshold). An abandoned call without a wait time counts against; an answered one without a "
            + "wait time is left out.",
        reportNote: ("wait <= threshold", "short abandons (within the threshold) are left out of the "
            + "denominator, other abandons count against")) { .real($0.serviceLevel.value) }

    public static let reopened = MetricDescriptor(
        key: "reopened", label: "Reopened contacts", columnHeader: "Reopened", kind: .count, sums: true,
        definition: "Contacts whose reopen count (the export's reopens column) is at least 1.") {
            .count($0.reopenRate.numerator)
        }
    public static let reopenRate = MetricDescriptor(
        key: "reopen_rate", label: "Reopen rate", columnHeader: "Reopen", kind: .rate, sums: false,
        definition: "Reopened contacts / contacts with a reopen count; no value without a reopens column.") {
            .real($0.reopenRate.value)
        }

    /// A count of the contacts with opening hours, no value when the slice has none (not a silent 0).
    private static func withHours(_ count: Int, _ metrics: MetricSet) -> MetricValue {
        .real(metrics.outsideHours.denominator == 0 ? nil : Double(count))
    }

    public static let outsideHours = MetricDescriptor(
        key: "outside_hours", label: "Outside opening hours", columnHeader: "Outside hrs", kind: .count,
        sums: true,
        definition: "Contacts opened outside their channel's opening hours (in the report's time zone): outside "
            + "the day's hours, or on a public holiday or extra closed date; no value when no contact of the slice "
            + "has opening hours.",
        reportNote: ("outside opening hours",
                     "in the report's time zone; holidays and extra closed dates are closed all day, except for a "
                        + "channel open 24/7")) { withHours($0.outsideHours.numerator, $0) }
    public static let outsideHoursRate = MetricDescriptor(
        key: "outside_hours_rate", label: "Outside opening hours rate", columnHeader: "Outside %", kind: .rate,
        sums: false,
        definition: "Contacts opened outside opening hours / contacts whose channel has opening hours.") {
            .real($0.outsideHours.value)
        }
    public static let repeatsAfterOutsideHours = MetricDescriptor(
        key: "repeats_after_outside_hours", label: "Repeats after an out-of-hours contact",
        columnHeader: "After closed", kind: .count, sums: true,
        definition: "Repeats whose preceding contact (the one they repeat) opened outside opening hours; no value "
            + "when no contact of the slice has opening hours.",
        reportNote: ("after out-of-hours",
                     "counted in the slice of the repeat; the repeat itself may be in or out of hours")) {
            withHours($0.repeatsAfterOutsideHours, $0)
        }
    public static let businessResolutionTimeMedian = MetricDescriptor(
        key: "business_resolution_time_median_seconds", label: "Resolution time in business hours (median)",
        columnHeader: "Res. business", kind: .duration, sums: false,
        definition: "The median of the time from opened_at to closed_at that falls in the opening hours of the "
            + "contact's channel (business time: closed hours, weekends without hours and holidays do not count), "
            + "over contacts with both times and opening hours.",
        reportNote: ("business time", "only the open hours of the contact's channel between opened_at and "
                        + "closed_at count, holidays closed; median and 90th percentile")) {
            .real($0.businessResolutionTimeMedian)
        }

    // MARK: Backlog (every slice)

    public static let backlog = MetricDescriptor(
        key: "backlog", label: "Backlog (open at period end)", columnHeader: "Backlog", kind: .count, sums: true,
        definition: "Contacts open at the end of the period (for a period row) or of the last reported period "
            + "(every other slice and the whole range): opened before that instant, and closed at or after it, or "
            + "with no closed_at and an open or pending status. A contact with no closed_at and a resolved or "
            + "closed status, or with neither closed_at nor status, is in no backlog (both counted under input); "
            + "no value when no contact has a closed_at or a status. Queues', channels', causes' and agents' "
            + "backlogs add up to the whole range's; periods' do not.",
        reportNote: ("open at the period end", "opened before it, closed at or after it (or no closed_at and "
            + "status open or pending); other slices at the end of the last period")) {
            $0.backlog.map { .count($0) } ?? .real(nil)
        }
    public static let backlogAgeMedian = MetricDescriptor(
        key: "backlog_age_median_days", label: "Backlog age (median, days)", columnHeader: "Age (d)",
        kind: .score, sums: false,
        definition: "The median age in days (period end - opened_at) of the contacts in the backlog; no value when "
            + "the backlog is empty.") { .real($0.backlogAgeMedianDays) }
    public static let backlogAgeP90 = MetricDescriptor(
        key: "backlog_age_p90_days", label: "Backlog age (90th percentile, days)", columnHeader: "Age p90 (d)",
        kind: .score, sums: false,
        definition: "The 90th percentile (nearest rank) of the backlog's ages in days.") {
            .real($0.backlogAgeP90Days)
        }

    public static let avoidableAgentHours = MetricDescriptor(
        key: "avoidable_agent_hours", label: "Agent hours of avoidable contacts", columnHeader: "Avoid. hours",
        kind: .score, sums: false,
        definition: "Avoidable contacts x the slice's mean handle time (AHT), in hours: the agent time avoidable "
            + "contacts take; no value when no contact of the slice has a handle time.") {
            metrics in .real(metrics.handleTimeMean.map { Double(metrics.avoidable) * $0 / 3_600 })
        }

    public static let businessFirstReplyTimeMedian = MetricDescriptor(
        key: "business_first_reply_time_median_seconds", label: "First-reply time in business hours (median)",
        columnHeader: "1st reply business", kind: .duration, sums: false,
        definition: "The median of the part of the first-reply time (opened_at to the first reply) that falls in "
            + "the opening hours of the contact's channel, counted as the business resolution time is, over "
            + "contacts with a first-reply time and opening hours.") { .real($0.businessFirstReplyTimeMedian) }

    // MARK: The whole range only

    public static let fcrResolved = MetricDescriptor(
        key: "fcr_resolved", label: "Resolved on first contact", columnHeader: "Resolved", kind: .count,
        sums: true, scope: .summaryOnly,
        definition: "Evaluable contacts with no later contact of the same customer, matching in scope, within the "
            + "window.") { .count($0.fcr.numerator) }
    public static let csatResponseRate = MetricDescriptor(
        key: "csat_response_rate", label: "CSAT response rate", columnHeader: "Response rate", kind: .rate,
        sums: false, scope: .summaryOnly, definition: "CSAT responses / contacts.") {
            .real($0.csat.responseRate.value)
        }
    public static let csatSatisfied = MetricDescriptor(
        key: "csat_satisfied", label: "Satisfied responses", columnHeader: "Satisfied", kind: .count, sums: true,
        scope: .summaryOnly,
        definition: "Responses at or above the threshold, or with a satisfied verdict.") { .count($0.csat.satisfied) }
    public static let csatLow = MetricDescriptor(
        key: "csat_ci_low", label: "CSAT interval, low", columnHeader: "CI low", kind: .rate, sums: false,
        scope: .summaryOnly, definition: "The lower bound of the 95 % Wilson score interval of CSAT.") {
            .real($0.csat.confidenceLow)
        }
    public static let csatHigh = MetricDescriptor(
        key: "csat_ci_high", label: "CSAT interval, high", columnHeader: "CI high", kind: .rate, sums: false,
        scope: .summaryOnly, definition: "The upper bound of the 95 % Wilson score interval of CSAT.") {
            .real($0.csat.confidenceHigh)
        }
    public static let handleTimeMedian = MetricDescriptor(
        key: "handle_time_median_seconds", label: "Handle time (median)", columnHeader: "Median handle",
        kind: .duration, sums: false, scope: .summaryOnly,
        definition: "The median handle time over contacts with a handle time.") { .real($0.handleTimeMedian) }
    public static let resolutionTimeP90 = MetricDescriptor(
        key: "resolution_time_p90_seconds", label: "Resolution time (90th percentile)", columnHeader: "Res. p90",
        kind: .duration, sums: false, scope: .summaryOnly,
        definition: "The 90th percentile (nearest rank) of the resolution times.") { .real($0.resolutionTimeP90) }
    public static let unclassified = MetricDescriptor(
        key: "unclassified", label: "Unclassified contacts", columnHeader: "Unclassified", kind: .count,
        sums: true, scope: .summaryOnly, definition: "Contacts no rule or cause column gave a cause.") {
            .count($0.coverage.denominator - $0.coverage.numerator)
        }
    public static let openingHoursContacts = MetricDescriptor(
        key: "opening_hours_contacts", label: "Contacts with opening hours", columnHeader: "With hours",
        kind: .count, sums: true, scope: .summaryOnly,
        definition: "Contacts whose channel has opening hours (its own or the `all` entry): the denominator of "
            + "the outside-hours rate.") { .count($0.outsideHours.denominator) }
    public static let outsideHoursHoliday = MetricDescriptor(
        key: "outside_hours_holiday", label: "Outside opening hours on a holiday", columnHeader: "On holidays",
        kind: .count, sums: true, scope: .summaryOnly,
        definition: "Of the contacts outside opening hours, those opened on a public holiday or extra closed "
            + "date.") { withHours($0.outsideHoursHoliday, $0) }
    public static let businessFirstReplyTimeP90 = MetricDescriptor(
        key: "business_first_reply_time_p90_seconds", label: "First-reply time in business hours (90th percentile)",
        columnHeader: "1st reply business p90", kind: .duration, sums: false, scope: .summaryOnly,
        definition: "The 90th percentile (nearest rank) of the first-reply times in business hours.") {
            .real($0.businessFirstReplyTimeP90)
        }
    public static let businessResolutionTimeP90 = MetricDescriptor(
        key: "business_resolution_time_p90_seconds", label: "Resolution time in business hours (90th percentile)",
        columnHeader: "Res. business p90", kind: .duration, sums: false, scope: .summaryOnly,
        definition: "The 90th percentile (nearest rank) of the resolution times in business hours.") {
            .real($0.businessResolutionTimeP90)
        }
}
