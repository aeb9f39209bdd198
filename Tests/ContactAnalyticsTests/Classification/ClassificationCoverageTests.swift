import Foundation
import Testing
@testable import ContactAnalytics

/// Coverage of the built-in taxonomy on small slices of real exports and on synthetic subjects
/// (`Fixtures/classification/`). The bounds are the ones the README states; they sit a little below the
/// measured figures so that vocabulary tuning does not fail the suite, but a regression does.
@Suite struct ClassificationCoverageTests {
    @Test(arguments: [
        ("nyc311-slice.csv", 0.97),
        ("call-centre-slice.csv", 1.0),
        ("buenos-aires-147-slice.csv", 0.97),
        ("twitter-slice.csv", 0.45),
        ("synthetic-subjects.csv", 0.95),
    ])
    func coverageOnFixtures(file: String, lowerBound: Double) throws {
        let rows = try FixtureCSV.rows(ClassificationTestSupport.fixtures.appendingPathComponent(file))
        #expect(rows.count >= 40)
        var classifier = try RootCauseClassifier(taxonomy: .builtIn, header: ["category", "subject", "text"])
        var coverage = ClassificationCoverage()
        for row in rows {
            func value(_ key: String) -> String? { row[key].flatMap { $0.isEmpty ? nil : $0 } }
            let contact = ClassificationTestSupport.contact(subject: value("subject"), text: value("text"),
                                                            category: value("category"))
            coverage.add(classifier.classify(contact))
        }
        let measured = try #require(coverage.coverage)
        #expect(measured >= lowerBound, "\(file): coverage \(measured) < \(lowerBound)")
    }

    @Test func coverageValue() {
        var c = ClassificationCoverage()
        #expect(c.coverage == nil)
        c.add(.unclassified)
        c.add(CauseID(3))
        c.add(CauseID(0))
        #expect(c.classified == 2 && c.total == 3 && c.unclassified == 1)
        var d = ClassificationCoverage(classified: 1, total: 1)
        d.merge(c)
        #expect(d.coverage == 0.75)
        #expect(CauseID.unclassified.isClassified == false && CauseID(0).isClassified)
        #expect(CauseID.unclassified < CauseID(0))
    }
}
