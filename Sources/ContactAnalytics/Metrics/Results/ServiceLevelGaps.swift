/// Why first-reply, SLA, phone-queue and reopen figures have no value, in words, so a report never shows a silent
/// zero or a bare `–`: the field the export lacks (and how to map it), or the target the configuration lacks.
/// One line per gap; an export that carries every field and a configuration with targets give none. The human
/// formats condense them into one line (`condensed(_:)`): the figures not measured and what would enable them.
public enum ServiceLevelGaps {
    /// One gap: the figures without a value, what would give them one (a column to map, a target to set), and
    /// the full sentence.
    public struct Gap: Sendable, Equatable {
        public var figures: [String]
        public var enabler: String
        public var line: String
    }

    /// The gaps' sentences (`gaps(summary:mappedFields:targets:)`).
    public static func lines(summary s: MetricSet, mappedFields: Set<String>?, targets: ServiceTargets) -> [String] {
        gaps(summary: s, mappedFields: mappedFields, targets: targets).map(\.line)
    }

    /// One line for all `gaps`, each figure and enabler once: `first-reply times, first-reply SLA, reopen rate; to
    /// measure them: map first_reply_at or first_reply_time, map reopens`; `nil` without gaps.
    public static func condensed(_ gaps: [Gap]) -> String? {
        guard !gaps.isEmpty else { return nil }
        var figures: [String] = [], enablers: [String] = []
        for gap in gaps {
            for figure in gap.figures where !figures.contains(figure) { figures.append(figure) }
            if !enablers.contains(gap.enabler) { enablers.append(gap.enabler) }
        }
        return figures.joined(separator: ", ") + "; to measure them: " + enablers.joined(separator: ", ")
    }

    /// The gaps of `summary`, given the fields some input column feeds (`nil`: not known, nothing said about
    /// columns) and the targets in force.
    public static func gaps(summary s: MetricSet, mappedFields: Set<String>?, targets: ServiceTargets) -> [Gap] {
        var found: [Gap] = []
        func gap(_ figures: [String], _ enabler: String, _ line: String) -> Gap {
            Gap(figures: figures, enabler: enabler, line: line)
        }
        let mapped = mappedFields ?? []
        let known = mappedFields != nil
        let replyMapped = mapped.contains(CanonicalField.firstReplyAt.rawValue)
            || mapped.contains(CanonicalField.firstReplyTime.rawValue)
        if known && !replyMapped {
            found.append(gap(["first-reply times", "first-reply SLA"], "map first_reply_at or first_reply_time",
                "first reply: the export has no first_reply_at or first_reply_time column, so first-reply "
                + "times and the first-reply SLA have no value (map a column to first_reply_at or "
                + "first_reply_time)"))
        } else if s.contacts > 0 && s.firstReplies == 0 {
            found.append(gap(["first-reply times", "first-reply SLA"], "readable first-reply values",
                "first reply: no contact has a readable first-reply time, so first-reply times and the "
                + "first-reply SLA have no value"))
        } else if targets.firstReply.isEmpty && s.firstReplies > 0 {
            found.append(gap(["first-reply SLA"], "set sla.first_reply",
                "first-reply SLA: no target in the configuration (sla.first_reply), so it has no value"))
        } else if s.firstReplies > 0 && s.firstReplySLA.denominator == 0 {
            found.append(gap(["first-reply SLA"], "a sla.first_reply key for their channels and priorities",
                "first-reply SLA: no contact with a first reply has a target (sla.first_reply has no key "
                + "for their channels and priorities)"))
        }
        if known && !mapped.contains(CanonicalField.closedAt.rawValue) && !targets.resolution.isEmpty {
            found.append(gap(["resolution SLA"], "map closed_at",
                "resolution SLA: the export has no closed_at column, so it has no value"))
        } else if targets.resolution.isEmpty {
            found.append(gap(["resolution SLA"], "set sla.resolution",
                "resolution SLA: no target in the configuration (sla.resolution), so it has no value"))
        }
        let priorityTargets = (targets.firstReply + targets.resolution).contains { $0.priority != nil }
        if known && priorityTargets && !mapped.contains(CanonicalField.priority.rawValue) {
            found.append(gap(["priority targets"], "map priority",
                "priority: the export has no priority column, so the priority targets do not apply "
                + "(map a column to priority)"))
        }
        if known && !mapped.contains(CanonicalField.answered.rawValue) {
            found.append(gap(["abandon rate", "service level"], "map answered",
                "phone queues: the export has no answered column, so abandoned calls, the abandon rate "
                + "and the service level have no value (map a column to answered)"))
        }
        if known && !mapped.contains(CanonicalField.waitTime.rawValue) {
            found.append(gap(["speed of answer", "service level"], "map wait_time",
                "phone queues: the export has no wait_time column (speed of answer), so the average "
                + "speed of answer and the service level have no value (map a column to wait_time)"))
        }
        if known && !mapped.contains(CanonicalField.reopens.rawValue) {
            found.append(gap(["reopen rate"], "map reopens",
                "reopens: the export has no reopens column, so the reopen rate has no value (map a column "
                + "to reopens)"))
        }
        return found
    }
}
