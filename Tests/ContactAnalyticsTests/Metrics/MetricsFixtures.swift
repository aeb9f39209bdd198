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
}
