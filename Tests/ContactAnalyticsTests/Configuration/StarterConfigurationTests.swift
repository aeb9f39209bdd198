import Foundation
import Testing
@testable import ContactAnalytics

/// The starter configuration `contactstat init` writes parses, and what it sets are the built-in defaults (the
/// cost model's channels aside, which it writes as examples): deflection shares, staffing targets, repeat window,
/// CSAT; the taxonomy example's cause carries a fix and a suggestion.
@Suite struct StarterConfigurationTests {
    static func starter() throws -> ContactStatConfiguration {
        try ContactStatConfiguration(node: try ConfigurationParser.parse(StarterConfiguration.text, file: "contactstat.json"),
                                     file: "contactstat.json")
    }

    @Test func savingsAndStaffingAreTheDefaults() throws {
        let c = try Self.starter()
        #expect(c.deflection == DeflectionShares.builtIn)
        #expect(c.deflection == [.selfService: 0.23, .proactiveMessage: 0.3, .faq: 0.1, .processFix: 0.5])
        #expect(DeflectionShares(overrides: c.deflection).shares == DeflectionShares().shares)
        #expect(c.staffing == StaffingTargets())
        #expect(c.staffing == StaffingTargets(serviceLevel: 0.8, answerWithinSeconds: 20, shrinkage: 0.3))
    }

    @Test func theExampleCauseHasAFixAndASuggestion() throws {
        let c = try Self.starter()
        let locker = try #require(c.taxonomy.causes.first { $0.path == "delivery/parcel-locker" })
        #expect(locker.fix == .selfService)
        #expect(locker.suggestion == "Show the locker's code and opening steps in the pick-up message.")
    }

    @Test func everyTopLevelKeyIsWritten() {
        for key in ContactStatConfiguration.knownKeys {
            #expect(StarterConfiguration.text.contains("\"\(key)\""), "\(key)")
        }
    }
}
