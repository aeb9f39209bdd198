import Testing
@testable import ContactAnalytics

/// CSAT in `ContactMetricsEngine` on a 0-10 scale (`metrics.md`: satisfied at 9 by default), hand-computed.
@Suite struct CSATScaleEngineTests {
    /// Monday 2026-01-05 00:00:00 UTC.
    static let t0: EpochSeconds = 1_767_571_200

    /// Scores 10, 9, 8, 0, a satisfied verdict, and one contact without an answer.
    static let answers: [CSATResponse?] = [.score(10), .score(9), .score(8), .score(0), .verdict(true), nil]

    static func summary(threshold: Double) throws -> CSATSummary {
        let configuration = MetricsConfiguration(csatScaleLow: 0, csatScaleHigh: 10, csatThreshold: threshold)
        var engine = ContactMetricsEngine(configuration: configuration, causes: [])
        for (i, answer) in answers.enumerated() {
            engine.add(ContactRecord(contactID: "c\(i)", openedAt: t0 + EpochSeconds(i) * 3_600, customer: "k\(i)",
                                     channel: .email, csat: answer), cause: -1)
        }
        let report = try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 6, rowsRejected: 0,
                                                       duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 6))
        #expect(report.definitions.csatScaleLow == 0)
        #expect(report.definitions.csatScaleHigh == 10)
        #expect(report.definitions.csatThreshold == threshold)
        #expect(report.channels.first?.metrics.csat == report.summary.csat)
        return report.summary.csat
    }

    @Test func zeroToTenSatisfiedAtNine() throws {
        let csat = try Self.summary(threshold: 9)
        // Responses: 4 scores + 1 verdict = 5, of 6 contacts. Satisfied: 10, 9 and the verdict = 3 (8 is not).
        #expect(csat.responses == 5)
        #expect(csat.responseRate == Ratio(5, of: 6))
        #expect(csat.satisfied == 3)
        #expect(csat.rate == Ratio(3, of: 5))
        // Mean over the numeric scores only (the verdict has no number): (10 + 9 + 8 + 0) / 4 = 27 / 4 = 6.75.
        #expect(csat.mean == 6.75)
        // Wilson, 95 %: z = 1.959963984540054, z² = 3.841458820694124, n = 5, p = 3/5 = 0.6.
        //   denominator = 1 + z²/n = 1 + 0.7682917641388248 = 1.7682917641388248
        //   center = (p + z²/2n) / denominator = (0.6 + 0.3841458820694124) / 1.7682917641388248
        //          = 0.5565517535216824
        //   half = z / denominator * sqrt(p(1-p)/n + z²/4n²) = 1.108396... * sqrt(0.048 + 0.03841458820694124)
        //        = 1.108396... * 0.293963... = 0.3258274722456696
        //   low = 0.2307242812760128, high = 0.882379225767352   (python3, same formula)
        let low = try #require(csat.confidenceLow), high = try #require(csat.confidenceHigh)
        #expect(abs(low - 0.2307242812760128) < 1e-12)
        #expect(abs(high - 0.882379225767352) < 1e-12)
    }

    @Test(arguments: [
        // (threshold, satisfied, Wilson low, Wilson high) — python3 with the formula above, n = 5.
        (8.0, 4, 0.3755346297625253, 0.9637758913675698),    // 10, 9, 8, verdict
        (9.0, 3, 0.2307242812760128, 0.882379225767352),     // 10, 9, verdict
        (10.0, 2, 0.11762077423264783, 0.769275718723987),   // 10, verdict
    ])
    func thresholdDecidesNumericScoresOnly(threshold: Double, satisfied: Int, low: Double, high: Double) throws {
        let csat = try Self.summary(threshold: threshold)
        #expect(csat.responses == 5)
        #expect(csat.satisfied == satisfied)
        #expect(csat.rate == Ratio(satisfied, of: 5))
        #expect(csat.mean == 6.75)
        #expect(abs(try #require(csat.confidenceLow) - low) < 1e-12)
        #expect(abs(try #require(csat.confidenceHigh) - high) < 1e-12)
    }

    @Test func mappedZeroToTenAnswersReachTheEngine() throws {
        // The same answers through the mapper with the 0-10 scale: 10 and 0 are on it, 11 is not.
        var mapper = try MappingTestSupport.mapper(["Created at", "CSAT"], MappingOptions(csatScale: .elevenPoint))
        var diagnostics = DiagnosticLog()
        let values = ["10", "9", "8", "0", "satisfied", "", "11"]
        let outcomes = values.enumerated().map { i, value in
            mapper.map(RawRecord(fields: ["2026-01-05", value], line: i + 2), diagnostics: &diagnostics)
        }
        let answers = outcomes.map { MappingTestSupport.contact($0)?.csat }
        #expect(answers == [.score(10), .score(9), .score(8), .score(0), .verdict(true), nil, nil])
        #expect(diagnostics.count(kind: "unreadable-csat") == 1)
        #expect(MappingTestSupport.all(diagnostics).first?.message
                == "csat '11' is not a satisfaction answer on the scale 0-10 (satisfied at 9); left empty")
    }
}
