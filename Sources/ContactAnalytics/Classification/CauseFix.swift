/// The kind of change that would take a cause's avoidable contacts away: what a process owner would do first.
///
/// Each kind has its own deflection share in the savings ledger (`DeflectionShares`): the part of the
/// avoidable contacts the fix is assumed to take away.
public enum CauseFix: String, Sendable, Hashable, CaseIterable {
    /// The customer does it alone: a tracking page, a password reset, a self-service form or flow.
    case selfService = "self-service"
    /// The organisation tells the customer before they ask: a delivery update, an outage notice, a claim status.
    case proactiveMessage = "proactive-message"
    /// An answer written once where customers look: a FAQ entry, a help-centre article, a chatbot answer.
    case faq
    /// The process that failed is fixed, so the contact is not needed: a billing error, a picking error, an outage.
    case processFix = "process-fix"

    /// The kinds as written in the configuration, in declaration order (`self-service, proactive-message, ...`).
    public static var names: [String] { allCases.map(\.rawValue) }
}
