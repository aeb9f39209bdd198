import Testing
@testable import ContactAnalytics

@Suite struct BuiltInTaxonomyTests {
    typealias S = ClassificationTestSupport

    @Test func hasEnoughDocumentedLeavesInEveryRequiredFamily() throws {
        let taxonomy = Taxonomy.builtIn
        #expect(taxonomy.causes.count >= 25)
        for cause in taxonomy.causes {
            #expect(!cause.process.isEmpty, "\(cause.path) has no process")
            #expect(!cause.avoidableReason.isEmpty, "\(cause.path) has no reason")
            #expect(!cause.description.isEmpty, "\(cause.path) has no description")
            #expect(taxonomy.rules.contains { $0.cause == cause.path }, "\(cause.path) has no rule")
        }
        let groups = Set(taxonomy.groups)
        for group in ["delivery", "returns", "billing", "payments", "account", "contract", "technical",
                      "presales", "booking", "service", "feedback", "public-service"] {
            #expect(groups.contains(group), "missing group \(group)")
            #expect(taxonomy.groupName(group) != group, "group \(group) has no display name")
        }
        #expect(try Taxonomy(causes: taxonomy.causes, rules: taxonomy.rules).causes.count == taxonomy.causes.count)
    }

    @Test(arguments: [
        // English
        ("Where is my order? Tracking has not updated", "delivery/where-is-my-order"),
        ("My parcel has not arrived yet", "delivery/where-is-my-order"),
        ("Delivery is late again, ordered two weeks ago", "delivery/late-delivery"),
        ("The package arrived damaged", "delivery/damaged-in-transit"),
        ("I received the wrong item in my order", "delivery/wrong-or-missing-item"),
        ("One item is missing from my order", "delivery/wrong-or-missing-item"),
        ("Please change the delivery address", "delivery/change-delivery"),
        ("How do I return these shoes?", "returns/return-request"),
        ("When will I get my refund?", "returns/refund"),
        ("Can I exchange for a different size?", "returns/exchange"),
        ("I was charged twice for the same order", "billing/duplicate-charge"),
        ("My invoice is wrong", "billing/wrong-invoice"),
        ("I don't understand my bill", "billing/invoice-unclear"),
        ("Can I get a copy of my invoice", "billing/invoice-question"),
        ("I got a payment reminder although I paid", "billing/reminders-and-collection"),
        ("My card payment failed at checkout", "payments/payment-failed"),
        ("Can I pay with PayPal?", "payments/payment-question"),
        ("Forgot my password, cannot log in", "account/login-problem"),
        ("My account is locked", "account/account-locked"),
        ("Please update my email address", "account/account-details"),
        ("Delete my account and personal data", "account/close-or-privacy"),
        ("I want to upgrade my plan", "contract/change-plan"),
        ("I want to cancel my subscription", "contract/cancel"),
        ("The app keeps crashing when I open it", "technical/app-or-website-error"),
        ("Internet is down since this morning", "technical/service-outage"),
        ("Streaming keeps buffering", "technical/streaming-and-playback"),
        ("The kettle is broken after one week", "technical/product-defect"),
        ("How do I set up the router?", "technical/how-to"),
        ("Is this jacket in stock in size M?", "presales/product-question"),
        ("Do you have a discount code?", "presales/pricing-and-offers"),
        ("I need to reschedule my appointment", "booking/change-booking"),
        ("Please cancel my booking for Friday", "booking/cancel-booking"),
        ("My flight was delayed by four hours", "booking/travel-disruption"),
        ("I waited 40 minutes on hold", "service/waiting-time"),
        ("The agent was rude to me", "service/service-quality"),
        ("Still no reply to my email from last week", "service/no-response"),
        ("This is unacceptable, I am very disappointed", "service/general-complaint"),
        ("Thanks for the great service!", "feedback/praise"),
        ("Suggestion: add dark mode", "feedback/suggestion"),
        // Finnish
        ("Missä tilaukseni on?", "delivery/where-is-my-order"),
        ("Tilauksen tila ei päivity", "delivery/where-is-my-order"),
        ("Toimitus on myöhässä", "delivery/late-delivery"),
        ("Paketti saapui rikki", "delivery/damaged-in-transit"),
        ("Sain väärän tuotteen", "delivery/wrong-or-missing-item"),
        ("Haluan palauttaa tuotteen", "returns/return-request"),
        ("Palautuksen hyvitys ei ole tullut", "returns/refund"),
        ("Lasku on väärin", "billing/wrong-invoice"),
        ("Minua on veloitettu kahdesti", "billing/duplicate-charge"),
        ("Korttimaksu epäonnistui", "payments/payment-failed"),
        ("Salasanan vaihto ei onnistu", "account/login-problem"),
        ("Tilini on lukittu", "account/account-locked"),
        ("Haluan irtisanoa sopimuksen", "contract/cancel"),
        ("Sovellus kaatuu käynnistyksessä", "technical/app-or-website-error"),
        ("Jonotin puhelimessa tunnin", "service/waiting-time"),
        ("Kiitos hyvästä palvelusta", "feedback/praise"),
        // Swedish
        ("Var är min beställning?", "delivery/where-is-my-order"),
        ("Jag har glömt mitt lösenord", "account/login-problem"),
        // Public service
        ("Noise - Residential: Loud Music/Party", "public-service/noise"),
        ("Illegal Parking: Blocked Hydrant", "public-service/parking-and-traffic"),
        ("Street Condition: Pothole", "public-service/streets-and-infrastructure"),
        ("HEAT/HOT WATER: ENTIRE BUILDING", "public-service/heat-and-hot-water"),
        ("PLUMBING: WATER SUPPLY", "public-service/plumbing"),
        ("Rodent: Rat Sighting", "public-service/pests"),
        ("Sewer: Catch Basin Clogged/Flooding", "public-service/sewer-and-water"),
        ("Missed Collection: Trash", "public-service/missed-collection"),
        ("TRÁNSITO: VEHÍCULO MAL ESTACIONADO", "public-service/parking-and-traffic"),
        ("ALUMBRADO: REPARACIÓN DE LUMINARIA", "public-service/street-lights"),
        // Call-centre topics
        ("Contract related", "contract/contract-question"),
        ("Technical Support", "technical/technical-support"),
        ("Payment related", "payments/payment-question"),
        ("Admin Support", "account/account-details"),
        ("Streaming", "technical/streaming-and-playback"),
        // Nothing to go on
        ("Hello", "unclassified"),
        // A generic word never decides alone (see PrecisionTests)
        ("I want to make a complaint", "unclassified"),
    ])
    func classifiesTypicalSubjects(subject: String, expected: String) throws {
        #expect(try S.classify(.builtIn, S.contact(subject: subject)) == expected)
    }
}
