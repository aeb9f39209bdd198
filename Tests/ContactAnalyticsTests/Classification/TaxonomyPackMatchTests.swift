import Testing
@testable import ContactAnalytics

/// The report's tally of the packs whose causes were given (`taxonomy_packs_matched`).
@Suite struct TaxonomyPackMatchTests {
    @Test func countsContactsPerPackInPackOrder() {
        let causes: [(path: String, contacts: Int)] = [
            ("telecom/slow-internet", 7), ("unclassified", 40), ("billing/duplicate-charge", 2),
            ("telecom/data-caps", 3), ("booking/lost-baggage", 0), ("loyalty/points", 5),
            ("public-service/noise", 1), ("payments/payment-failed", 1),
        ]
        // general = billing 2 + payments 1; telecom = 7 + 3; a group outside every pack counts as configuration;
        // unclassified and a cause with no contacts are left out.
        #expect(TaxonomyPackMatch.tally(causes) == [
            TaxonomyPackMatch(pack: "general", contacts: 3), TaxonomyPackMatch(pack: "telecom", contacts: 10),
            TaxonomyPackMatch(pack: "public-service", contacts: 1),
            TaxonomyPackMatch(pack: "configuration", contacts: 5),
        ])
        #expect(TaxonomyPackMatch.describe(TaxonomyPackMatch.tally(causes))
                == "general 3, telecom 10, public-service 1, configuration 5")
    }

    @Test func nothingClassifiedIsNone() {
        let causes: [(path: String, contacts: Int)] = [("unclassified", 3)]
        #expect(TaxonomyPackMatch.tally(causes).isEmpty)
        #expect(TaxonomyPackMatch.describe([]) == "none")
    }
}
