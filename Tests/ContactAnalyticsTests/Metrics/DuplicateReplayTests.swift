import Testing
@testable import ContactAnalytics

/// The replay takes dropped contacts back out with the cause they were added with, and measures the span of
/// the contacts kept.
@Suite struct DuplicateReplayTests {
    typealias F = MetricsFixtures

    static func contact(_ id: String, day: Int64, channel: Channel, cost: Double) -> ContactRecord {
        ContactRecord(contactID: id, openedAt: F.t0 + day * F.day, customer: "K", channel: channel, cost: cost,
                      queue: "q\(day)")
    }

    @Test func dropsTakenOutWithTheirOwnCause() throws {
        // Three contacts with causes 0, 1, 0; the first (day 1) is dropped (its id comes again on day 5), and
        // the second (day 40) is outside the reporting range (up to day 30).
        var configuration = MetricsConfiguration()
        configuration.until = F.t0 + 30 * F.day
        let contacts = [Self.contact("X", day: 1, channel: .phone, cost: 2),
                        Self.contact("Y", day: 40, channel: .email, cost: 8),
                        Self.contact("X", day: 5, channel: .chat, cost: 3)]
        let causes: [Int32] = [0, 1, 0]
        var sums = SliceAggregates(csatThreshold: 4, avoidableSlot: [false, true, false])
        for (contact, cause) in zip(contacts, causes) where configuration.isInRange(contact.openedAt) {
            _ = sums.add(F.named(contact, cause: cause))
        }
        #expect(sums.byCause.map(\.contacts) == [0, 2, 0])
        var replay = DuplicateReplay(dropped: [true, false, false], causeSlots: [1, 2, 1], configuration: configuration)
        // The causes fed do not matter: the first contact is taken out of slot 1, as it was added.
        for contact in contacts {
            replay.feed(F.facts(contact, cause: -1), queue: contact.queue, agent: contact.agent, into: &sums)
        }
        try replay.finish(expected: 3)
        #expect(replay.fed == 3)
        #expect(sums.byCause.map(\.contacts) == [0, 1, 0])
        #expect(sums.byChannel[Channel.phone.ordinal].contacts == 0)
        #expect(sums.byChannel[Channel.chat.ordinal].costTotal.value == 3)
        #expect(sums.byChannel.map(\.costTotal.value).reduce(0, +) == 3)
        // The span of the kept contacts: days 5 to 40; counted, day 5 only.
        #expect(replay.range.dataStart == F.t0 + 5 * F.day)
        #expect(replay.range.dataEnd == F.t0 + 40 * F.day)
        #expect(replay.range.countedFrom == F.t0 + 5 * F.day)
        #expect(replay.range.countedTo == F.t0 + 5 * F.day)
    }

    /// A replay that feeds more or fewer contacts than were added says the input changed.
    @Test func aDifferentCountIsAnError() throws {
        var sums = SliceAggregates(csatThreshold: 4, avoidableSlot: [false])
        var replay = DuplicateReplay(dropped: [false, false], causeSlots: [0, 0], configuration: MetricsConfiguration())
        let c = Self.contact("A", day: 0, channel: .web, cost: 1)
        replay.feed(F.facts(c, cause: -1, causeCount: 0), queue: c.queue, agent: c.agent, into: &sums)
        let short = #expect(throws: ContactStatError.self) { try replay.finish(expected: 2) }
        #expect(short?.message.contains("2 contacts the first time, 1 when read again") == true)
        replay.feed(F.facts(c, cause: -1, causeCount: 0), queue: c.queue, agent: c.agent, into: &sums)
        replay.feed(F.facts(c, cause: -1, causeCount: 0), queue: c.queue, agent: c.agent, into: &sums) // one more than was added: counted only
        #expect(replay.fed == 3)
        #expect(throws: ContactStatError.self) { try replay.finish(expected: 2) }
        #expect(sums.byChannel.map(\.contacts).reduce(0, +) == 0)
    }
}
