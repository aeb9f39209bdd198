import Foundation
import Testing
@testable import ContactAnalytics

/// closed_at before opened_at: the contact keeps both times and one located field warning says so.
@Suite struct ClosedBeforeOpenedMappingTests {
    static let header = ["id", "created_at", "closed_at"]

    @Test func closedBeforeOpenedIsAWarningAndTheContactIsKept() throws {
        var mapper = try MappingTestSupport.mapper(Self.header)
        let (outcome, log) = MappingTestSupport.map(&mapper, ["1", "2026-03-02 11:00:00", "2026-03-02 10:59:59"], line: 7)
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.openedAt == 1_772_449_200)     // 2026-03-02T11:00:00Z
        #expect(contact.closedAt == 1_772_449_199)
        #expect(MappingTestSupport.all(log) == [Diagnostic(
            .warning, kind: "closed-before-opened", at: ContactAnalytics.SourceLocation(file: "test.csv", line: 7),
            column: "closed_at",
            message: "closed_at '2026-03-02 10:59:59' is before opened_at '2026-03-02 11:00:00'; not used for resolution time")])
    }

    @Test(arguments: ["2026-03-02 11:00:00", "2026-03-02 11:00:01", ""])
    func closedAtOrAfterOpenedOrEmptyIsNoWarning(closed: String) throws {
        var mapper = try MappingTestSupport.mapper(Self.header)
        let (outcome, log) = MappingTestSupport.map(&mapper, ["1", "2026-03-02 11:00:00", closed])
        #expect(MappingTestSupport.contact(outcome) != nil)
        #expect(log.isEmpty)
    }

    @Test func ingestSummaryCountsThemAmongFieldWarnings() {
        var summary = IngestSummary()
        let location = ContactAnalytics.SourceLocation(file: "a.csv", line: 2)
        summary.diagnostics.report(Diagnostic(.warning, kind: "closed-before-opened", at: location, message: "x"))
        summary.diagnostics.report(Diagnostic(.warning, kind: "closed-before-opened", at: location, message: "y"))
        summary.diagnostics.report(Diagnostic(.warning, kind: "unreadable-csat", at: location, message: "z"))
        summary.diagnostics.report(Diagnostic(.note, kind: "day-month-order", at: location, message: "n"))
        #expect(summary.closedBeforeOpened == 2)
        #expect(summary.fieldWarnings == 3)
    }
}
