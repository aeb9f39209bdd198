import Testing
@testable import ContactAnalytics

/// SLA targets: the most specific key applies; the configuration's `sla` section and its errors.
@Suite struct ServiceTargetsTests {
    static let targets: [ServiceTargets.Target] = [
        .init(channel: nil, priority: nil, seconds: 86_400), .init(channel: .email, priority: nil, seconds: 28_800),
        .init(channel: nil, priority: .urgent, seconds: 3_600), .init(channel: .chat, priority: .urgent, seconds: 300),
    ]

    @Test(arguments: [
        (Channel.chat, ContactPriority?.some(.urgent), 300.0), (.email, .urgent, 3_600), (.email, .high, 28_800),
        (.email, nil, 28_800), (.phone, .low, 86_400), (.phone, nil, 86_400), (.phone, .urgent, 3_600),
    ])
    func theMostSpecificKeyApplies(channel: Channel, priority: ContactPriority?, seconds: Double) {
        #expect(ServiceTargets.target(in: Self.targets, channel: channel, priority: priority) == seconds)
    }

    @Test func withoutADefaultSomeContactsHaveNoTarget() {
        let only = [ServiceTargets.Target(channel: .email, priority: nil, seconds: 60)]
        #expect(ServiceTargets.target(in: only, channel: .chat, priority: .urgent) == nil)
        #expect(ServiceTargets.target(in: [], channel: .email, priority: nil) == nil)
    }

    @Test func theConfigurationSectionIsRead() throws {
        let node = try ConfigurationParser.parse("""
            { "sla": { "first_reply": { "*": "24h", "email": "8h", "urgent": "1h", "chat/urgent": "5m",
                                        "*/low": 172800 },
                       "resolution": { "*": "5d" }, "answered_within": "30s" } }
            """, file: "c.json")
        let configuration = try ContactStatConfiguration(node: node, file: "c.json")
        let targets = try #require(configuration.serviceTargets)
        #expect(targets.firstReply.map(\.key) == ["*", "email", "*/urgent", "chat/urgent", "*/low"])
        #expect(targets.firstReply.map(\.seconds) == [86_400, 28_800, 3_600, 300, 172_800])
        #expect(targets.resolution.map(\.seconds) == [432_000])
        #expect(targets.answeredWithinSeconds == 30)
        #expect(ServiceTargets().answeredWithinSeconds == 20)
    }

    @Test(arguments: [
        (#"{ "sla": { "first_reply": { "fax": "1h" } } }"#, "'fax': not *, a channel"),
        (#"{ "sla": { "first_reply": { "chat/asap": "1h" } } }"#, "'chat/asap': unknown priority 'asap'"),
        (#"{ "sla": { "first_reply": { "pigeon/urgent": "1h" } } }"#, "'pigeon/urgent': unknown channel 'pigeon'"),
        (#"{ "sla": { "first_reply": { "email": "soon" } } }"#, "'soon' is not a duration"),
        (#"{ "sla": { "first_reply": { "email": "0s" } } }"#, "expected a duration above 0"),
        (#"{ "sla": { "answered_within": "0s" } }"#, "expected a duration above 0"),
        (#"{ "sla": { "first_replies": {} } }"#, "did you mean 'first_reply'?"),
    ])
    func mistakesAreConfigurationErrors(text: String, message: String) throws {
        let node = try ConfigurationParser.parse(text, file: "c.json")
        do {
            _ = try ContactStatConfiguration(node: node, file: "c.json")
            Issue.record("no error for \(text)")
        } catch let error as ContactStatError {
            #expect(error.kind == .configuration)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
