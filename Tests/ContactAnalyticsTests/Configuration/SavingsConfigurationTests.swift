import Foundation
import Testing
@testable import ContactAnalytics

/// The `savings` section and the taxonomy's `fix` and `suggestion` keys.
@Suite struct SavingsConfigurationTests {
    static func configuration(_ text: String) throws -> ContactStatConfiguration {
        try ContactStatConfiguration(node: try ConfigurationParser.parse(text, file: "c.json"), file: "c.json")
    }

    @Test func deflectionSharesAreRead() throws {
        let c = try Self.configuration(#"{"savings": {"deflection": {"faq": 0.05, "process-fix": 1}}}"#)
        #expect(c.deflection == [.faq: 0.05, .processFix: 1])
        let shares = DeflectionShares(overrides: c.deflection)
        #expect(shares.share(for: .faq) == 0.05)
        #expect(shares.share(for: .selfService) == 0.23)
    }

    @Test func deflectionErrorsNameTheKey() throws {
        #expect(throws: ContactStatError.self) { try Self.configuration(#"{"savings": {"deflection": {"fac": 0.1}}}"#) }
        do {
            _ = try Self.configuration(#"{"savings": {"deflection": {"fac": 0.1}}}"#)
        } catch let error as ContactStatError {
            #expect(error.description.contains("savings.deflection: unknown fix 'fac'; did you mean 'faq'?"))
        }
        do {
            _ = try Self.configuration(#"{"savings": {"deflection": {"faq": 1.5}}}"#)
            Issue.record("a share above 1 was accepted")
        } catch let error as ContactStatError {
            #expect(error.description.contains("expected a share from 0 to 1"))
        }
        #expect(throws: ContactStatError.self) { try Self.configuration(#"{"savings": {"shares": {}}}"#) }
    }

    @Test func causesTakeAFixAndASuggestion() throws {
        let c = try Self.configuration(#"""
        {"taxonomy": {"causes": [
          {"path": "delivery/where-is-my-order", "fix": "faq", "suggestion": "Explain tracking."},
          {"path": "delivery/parcel-locker", "process": "Logistics", "avoidable": true, "fix": "self-service",
           "rules": [{"keywords": "parcel locker"}]},
          {"path": "delivery/pickup", "process": "Logistics", "avoidable": false}
        ]}}
        """#)
        let causes = Dictionary(uniqueKeysWithValues: c.taxonomy.causes.map { ($0.path, $0) })
        #expect(causes["delivery/where-is-my-order"]?.fix == .faq)
        #expect(causes["delivery/where-is-my-order"]?.suggestion == "Explain tracking.")
        #expect(causes["delivery/parcel-locker"]?.fix == .selfService)
        #expect(causes["delivery/parcel-locker"]?.suggestion == "")
        #expect(causes["delivery/pickup"]?.fix == nil)
        // The built-in fix stays when the configuration does not name one.
        #expect(causes["delivery/late-delivery"]?.fix == .proactiveMessage)
        do {
            _ = try Self.configuration(#"{"taxonomy": {"causes": [{"path": "delivery/late-delivery", "fix": "selfservice"}]}}"#)
            Issue.record("an unknown fix was accepted")
        } catch let error as ContactStatError {
            #expect(error.description.contains("unknown fix 'selfservice'; did you mean 'self-service'?"))
        }
    }
}
