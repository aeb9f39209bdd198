import Foundation
@testable import ContactAnalytics

/// Shared helpers for the classification tests.
enum ClassificationTestSupport {
    static func contact(subject: String? = nil, text: String? = nil, category: String? = nil,
                        tags: [String] = [], channel: Channel = .email, queue: String? = nil,
                        status: ContactStatus? = nil, language: String? = nil) -> ContactRecord {
        ContactRecord(openedAt: 0, channel: channel, subject: subject, text: text, category: category, tags: tags,
                      status: status, queue: queue, language: language)
    }

    /// The columns of `GeneratedSample.rows` (a `contactstat generate` export).
    static let generatedHeader = ["ticket_id", "created_at", "closed_at", "customer_id", "channel", "subject",
                                  "status", "handle_time", "csat", "agent", "queue", "language"]

    /// The fields the built-in rules read of a `GeneratedSample` row, as a contact.
    static func contact(generated row: [String]) -> ContactRecord {
        contact(subject: row[.subject], channel: Channel(rawValue: row[.channel]) ?? .other, queue: row[.queue],
                language: row[.language])
    }

    /// The cause path a taxonomy assigns, or "unclassified".
    static func classify(_ taxonomy: Taxonomy, _ contact: ContactRecord, header: [String] = [],
                         raw: RawRecord = RawRecord(), fold: Bool = false) throws -> String {
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: header, foldDiacritics: fold)
        let id = classifier.classify(contact, raw: raw)
        return taxonomy.cause(id)?.path ?? "unclassified"
    }

    /// A taxonomy with causes `a`, `b`, `c/d` (and `c/d/e` when asked) and the given rules.
    static func taxonomy(_ rules: [RootCauseRule]) throws -> Taxonomy {
        try Taxonomy(causes: ["a", "b", "c/d", "c/e/f"].map {
            RootCause(path: $0, process: "P", avoidable: false)
        }, rules: rules)
    }

    /// The package root (for fixtures).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var fixtures: URL { packageRoot.appendingPathComponent("Fixtures/classification") }
}
