import Foundation
@testable import ContactAnalytics

/// Contacts and their facts for the metrics parts' unit tests.
enum MetricsFixtures {
    static let day: Int64 = 86_400
    /// Monday 2026-01-05 00:00:00 UTC (ISO week 2026-W02).
    static let t0: Int64 = 1_767_571_200

    /// The facts of `contact` with cause index `cause` (-1 = unclassified) among two causes, weekly periods
    /// in UTC.
    static func facts(_ contact: ContactRecord, cause: Int32, causeCount: Int = 2) -> ContactFacts {
        var calendar = ContactCalendar(MetricsConfiguration())
        return ContactFacts(contact, cause: cause, causeCount: causeCount, costModel: .builtIn, calendar: &calendar)
    }

    /// A contact's facts with its queue and agent names, which the facts do not hold.
    struct NamedFacts {
        let facts: ContactFacts
        let queue: String?
        let agent: String?
    }

    /// `facts(_:cause:causeCount:)` with the contact's queue and agent.
    static func named(_ contact: ContactRecord, cause: Int32, causeCount: Int = 2) -> NamedFacts {
        NamedFacts(facts: facts(contact, cause: cause, causeCount: causeCount), queue: contact.queue,
                   agent: contact.agent)
    }
}

extension SliceAggregates {
    /// Adds a contact with its names (`add(_:queue:agent:)`).
    mutating func add(_ named: MetricsFixtures.NamedFacts) -> UInt32 {
        add(named.facts, queue: named.queue, agent: named.agent)
    }
}
