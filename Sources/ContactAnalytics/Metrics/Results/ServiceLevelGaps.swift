/// Why first-reply, SLA, phone-queue and reopen figures have no value, in words, so a report never shows a silent
/// zero or a bare `–`: the field the export lacks (and how to map it), or the target the configuration lacks.
/// One line per gap; an export that carries every field and a configuration with targets give none.
public enum ServiceLevelGaps {
    /// The gaps of `summary`, given the fields some input column feeds (`nil`: not known, nothing said about
    /// columns) and the targets in force.
    public static func lines(summary s: MetricSet, mappedFields: Set<String>?, targets: ServiceTargets) -> [String] {
        var lines: [String] = []
        let mapped = mappedFields ?? []
        let known = mappedFields != nil
        let replyMapped = mapped.contains(CanonicalField.firstReplyAt.rawValue)
            || mapped.contains(CanonicalField.firstReplyTime.rawValue)
        if known && !replyMapped {
            lines.append("first reply: the export has no first_reply_at or first_reply_time column, so first-reply "
                + "times and the first-reply SLA have no value (map a column to first_reply_at or "
                + "first_reply_time)")
        } else if s.contacts > 0 && s.firstReplies == 0 {
            lines.append("first reply: no contact has a readable first-reply time, so first-reply times and the "
                + "first-reply SLA have no value")
        } else if targets.firstReply.isEmpty && s.firstReplies > 0 {
            lines.append("first-reply SLA: no target in the configuration (sla.first_reply), so it has no value")
        } else if s.firstReplies > 0 && s.firstReplySLA.denominator == 0 {
            lines.append("first-reply SLA: no contact with a first reply has a target (sla.first_reply has no key "
                + "for their channels and priorities)")
        }
        if known && !mapped.contains(CanonicalField.closedAt.rawValue) && !targets.resolution.isEmpty {
            lines.append("resolution SLA: the export has no closed_at column, so it has no value")
        } else if targets.resolution.isEmpty {
            lines.append("resolution SLA: no target in the configuration (sla.resolution), so it has no value")
        }
        let priorityTargets = (targets.firstReply + targets.resolution).contains { $0.priority != nil }
        if known && priorityTargets && !mapped.contains(CanonicalField.priority.rawValue) {
            lines.append("priority: the export has no priority column, so the priority targets do not apply "
                + "(map a column to priority)")
        }
        if known && !mapped.contains(CanonicalField.answered.rawValue) {
            lines.append("phone queues: the export has no answered column, so abandoned calls, the abandon rate "
                + "and the service level have no value (map a column to answered)")
        }
        if known && !mapped.contains(CanonicalField.waitTime.rawValue) {
            lines.append("phone queues: the export has no wait_time column (speed of answer), so the average "
                + "speed of answer and the service level have no value (map a column to wait_time)")
        }
        if known && !mapped.contains(CanonicalField.reopens.rawValue) {
            lines.append("reopens: the export has no reopens column, so the reopen rate has no value (map a column "
                + "to reopens)")
        }
        return lines
    }
}
