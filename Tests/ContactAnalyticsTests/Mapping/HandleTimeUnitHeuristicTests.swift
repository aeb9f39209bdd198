import Testing
@testable import ContactAnalytics

/// Column names that merely contain the letters of a unit.
@Suite struct HandleTimeUnitHeuristicTests {
    @Test(arguments: [
        // "admin" holds "min"; "claims" holds "ms". Both columns are in seconds.
        "Admin handle time", "Claims handle time",
    ])
    func unitLettersInsideAWordDoNotChangeTheUnit(column: String) throws {
        var mapper = try MappingTestSupport.mapper(["Created at", column], MappingOptions(explicit: [.handleTime: column]))
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2024-01-01", "90"])
        #expect(MappingTestSupport.contact(outcome)?.handleTimeSeconds == 90)
    }
}
