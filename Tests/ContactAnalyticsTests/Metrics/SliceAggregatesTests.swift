import Testing
@testable import ContactAnalytics

/// Hand-computed sums by slice for three contacts (A, B, C below), taking one back out, and merging parts.
@Suite struct SliceAggregatesTests {
    typealias F = MetricsFixtures
    static let phone = Channel.phone.ordinal, email = Channel.email.ordinal

    /// Slot 0 unclassified, slot 1 (cause 0) avoidable, slot 2 (cause 1) not.
    static func empty() -> SliceAggregates {
        SliceAggregates(csatThreshold: 4, avoidableSlot: [false, true, false])
    }

    /// A: phone, avoidable cause, CSAT 5, handle 60 s, resolved in 3,600 s, queue orders, agent ann, cost 2.5.
    static let a = F.named(ContactRecord(contactID: "A", openedAt: F.t0, closedAt: F.t0 + 3600, customer: "X",
                                         channel: .phone, handleTimeSeconds: 60, csat: .score(5), cost: 2.5,
                                         agent: "ann", queue: "orders"), cause: 0)
    /// B: email, the other cause, unsatisfied verdict, no handle or resolution time, no queue, agent bob,
    /// no customer, cost 1.25.
    static let b = F.named(ContactRecord(contactID: "B", openedAt: F.t0 + 3 * F.day, channel: .email,
                                         csat: .verdict(false), cost: 1.25, agent: "bob"), cause: 1)
    /// C: phone, unclassified, CSAT 3, handle 30 s, resolved in 600 s, queue orders, agent ann, cost 4, the
    /// export says resolved on first contact; a week later (the next period).
    static let c = F.named(ContactRecord(contactID: "C", openedAt: F.t0 + 8 * F.day, closedAt: F.t0 + 8 * F.day + 600,
                                         customer: "Y", channel: .phone, handleTimeSeconds: 30, csat: .score(3),
                                         cost: 4, agent: "ann", queue: "orders", firstContactResolved: true), cause: -1)

    @Test func sumsEveryContactInItsSlices() {
        var sums = Self.empty()
        #expect(sums.add(Self.a) == 1) // its (queue, agent, period) slice
        #expect(sums.add(Self.b) == 0) // no customer: no slice
        #expect(sums.add(Self.c) == 2)
        #expect(sums.slices.slices[1] == DimensionSliceTable.Slice(queue: 1, agent: 1, period: 0))
        #expect(sums.slices.slices[2] == DimensionSliceTable.Slice(queue: 1, agent: 1, period: 1))

        let phone = sums.byChannel[Self.phone]
        #expect(phone.contacts == 2)
        #expect(phone.identified == 2)
        #expect(phone.classified == 1)
        #expect(phone.costTotal.value == 6.5)
        #expect(phone.handleSum.value == 90)
        #expect(phone.handleCount == 2)
        #expect(phone.csatResponses == 2)
        #expect(phone.csatSatisfied == 1) // 5 >= 4; 3 is not
        #expect(phone.csatNumericSum.value == 8)
        #expect(phone.csatNumericCount == 2)
        #expect(phone.avoidableByCause == 1)
        #expect(phone.avoidableCost.value == 2.5)
        #expect(phone.exportFCRKnown == 1)
        #expect(phone.exportFCRResolved == 1)
        let email = sums.byChannel[Self.email]
        #expect(email.contacts == 1)
        #expect(email.identified == 0)
        #expect(email.csatResponses == 1)
        #expect(email.csatSatisfied == 0)
        #expect(email.csatNumericCount == 0)
        #expect(email.handleCount == 0)
        #expect(email.costTotal.value == 1.25)

        #expect(sums.byCause.map(\.contacts) == [1, 1, 1])
        #expect(sums.queues.names == ["", "orders"])
        #expect(sums.byQueue.map(\.contacts) == [1, 2])
        #expect(sums.agents.names == ["", "ann", "bob"])
        #expect(sums.byAgent.map(\.contacts) == [0, 2, 1])
        #expect(sums.periodKeys.count == 2)
        #expect(sums.byPeriod.map(\.contacts) == [2, 1])
        let channels = Channel.allCases.count
        #expect(sums.periodChannels[Self.phone] == 1)
        #expect(sums.periodChannels[Self.email] == 1)
        #expect(sums.periodChannels[channels + Self.phone] == 1)
        #expect(sums.periodCause == [0, 1, 1, 1, 0, 0])
        #expect(sums.handleTimes.median == 45)
        #expect(sums.resolutionTimesTotal.median == 2100) // (600 + 3600) / 2
        #expect(sums.resolutionTimes.byChannel[Self.phone].median == 2100)
        #expect(sums.resolutionTimes.byPeriod[1].median == 600)
    }

    /// Every breakdown's slices by id, and one slice written through the subscript: A (phone, cause slot 1,
    /// queue orders, agent ann, week 0) and B (email, cause slot 2, no queue, agent bob, week 0).
    @Test func slicesByBreakdownAndID() {
        var sums = Self.empty()
        _ = sums.add(Self.a)
        _ = sums.add(Self.b)
        #expect(sums.count(of: .channel) == Channel.allCases.count)
        #expect(sums.count(of: .cause) == 3)
        #expect(sums.count(of: .queue) == 2) // none, orders
        #expect(sums.count(of: .agent) == 3) // none, ann, bob
        #expect(sums.count(of: .period) == 1)
        #expect(sums.count(of: .priority) == ServiceTargets.prioritySlots)
        #expect(sums.count(of: .language) == ContactLanguage.slotCount)
        #expect(sums.count(of: .hour) == 24)
        #expect(sums[.channel, Self.phone].costTotal.value == 2.5)
        #expect(sums[.channel, Self.email].costTotal.value == 1.25)
        #expect(sums[.cause, 1].contacts == 1)
        #expect(sums[.queue, 0].costTotal.value == 1.25)
        #expect(sums[.agent, 2].csatResponses == 1)
        #expect(sums[.period, 0].contacts == 2)
        #expect(sums[.priority, 0].contacts == 2)
        #expect(sums.byLanguage.map(\.contacts).reduce(0, +) == 2)
        // Neither has an answered value: no hour has sums.
        #expect(sums.byHour.allSatisfy { $0.contacts == 0 })
        var outcome = TimelineOutcomeSums()
        outcome.repeats = 3
        sums[.agent, 1].mergeOutcome(outcome)
        #expect(sums.byAgent.map(\.repeats) == [0, 3, 0])
        #expect(sums.byAgent.map(\.contacts) == [0, 1, 1])
        #expect(sums.byQueue.map(\.repeats) == [0, 0])
    }

    /// A contact's sums go to its (channel, priority, language) triple's row, which reads add to the three
    /// slices: the same figures before and after a write through the subscript moves them into the slices' rows,
    /// with contacts added after that write, and merged from a part whose triples were not moved.
    @Test func tripleRowsReadAsTheirSlices() {
        var sums = Self.empty()
        _ = sums.add(Self.a)
        _ = sums.add(Self.b)
        var outcome = TimelineOutcomeSums()
        outcome.repeats = 2
        sums[.channel, Self.phone].mergeOutcome(outcome)
        #expect(sums[.channel, Self.phone].contacts == 1)
        #expect(sums[.channel, Self.phone].repeats == 2)
        #expect(sums[.channel, Self.email].contacts == 1)
        #expect(sums.byCause.map(\.contacts) == [0, 1, 1])
        _ = sums.add(Self.c)
        #expect(sums[.channel, Self.phone].contacts == 2)
        #expect(sums[.channel, Self.phone].repeats == 2)
        #expect(sums[.channel, Self.phone].costTotal.value == 6.5)
        #expect(sums.byCause.map(\.contacts) == [1, 1, 1])
        #expect(sums.byCause.map(\.costTotal.value) == [4, 2.5, 1.25])
        #expect(sums.byPriority.map(\.contacts) == [3, 0, 0, 0, 0]) // no priority: slot 0
        #expect(sums.byLanguage.map(\.contacts).reduce(0, +) == 3)
        sums[.language, 0].mergeOutcome(outcome)
        #expect(sums.byLanguage.map(\.repeats) == [2, 0, 0, 0, 0, 0, 0, 0])
        #expect(sums.byLanguage.map(\.contacts).reduce(0, +) == 3)
        #expect(sums.byChannel.map(\.contacts).reduce(0, +) == 3)
        #expect(sums[.channel, Self.phone].repeats == 2)
        sums.applyPendingUpdates()
        #expect(sums[.channel, Self.phone].contacts == 2)
        #expect(sums.byPriority.map(\.contacts) == [3, 0, 0, 0, 0])

        var first = Self.empty(), second = Self.empty()
        _ = first.add(Self.a)
        first[.channel, Self.phone].mergeOutcome(outcome) // moved into the rows
        _ = second.add(Self.b) // left in the triples
        _ = second.add(Self.c)
        first.merge(second)
        #expect(first.byChannel.map(\.contacts) == sums.byChannel.map(\.contacts))
        #expect(first.byChannel.map(\.costTotal) == sums.byChannel.map(\.costTotal))
        #expect(first[.channel, Self.phone].repeats == 2)
        #expect(first.byCause.map(\.contacts) == [1, 1, 1])
        #expect(first.byPriority.map(\.contacts) == [3, 0, 0, 0, 0])
        #expect(first.byLanguage.map(\.contacts) == sums.byLanguage.map(\.contacts))
    }

    /// Contributing with sign -1 takes a contact back out of every sum and histogram.
    @Test func aContactTakenBackOutLeavesNoTrace() {
        var sums = Self.empty()
        _ = sums.add(Self.a)
        _ = sums.add(Self.b)
        _ = sums.add(Self.c)
        let (period, queue, agent) = sums.dimensionIDs(periodKey: Self.a.facts.periodKey, queue: Self.a.queue, agent: Self.a.agent)
        #expect((period, queue, agent) == (0, 1, 1))
        sums.contribute(Self.a.facts, slot: 1, period: period, queue: queue, agent: agent, sign: -1)
        let phone = sums.byChannel[Self.phone]
        #expect(phone.contacts == 1)
        #expect(phone.costTotal.value == 4)
        #expect(phone.avoidableByCause == 0)
        #expect(phone.avoidableCost.value == 0)
        #expect(phone.csatNumericSum.value == 3)
        #expect(sums.byCause.map(\.contacts) == [1, 0, 1])
        #expect(sums.byQueue.map(\.contacts) == [1, 1])
        #expect(sums.byPeriod.map(\.contacts) == [1, 1])
        #expect(sums.periodCause == [0, 0, 1, 1, 0, 0])
        #expect(sums.handleTimes.median == 30)
        #expect(sums.resolutionTimesTotal.median == 600)
        #expect(sums.resolutionTimes.byChannel[Self.phone].count == 1)
    }

    /// Parts summed apart and merged give the sums of one; queues and agents are matched by name, periods by
    /// key, and the merge says which ids the part's became.
    @Test func partsMergeByNameAndKey() {
        var whole = Self.empty()
        let d = MetricsFixtures.named(ContactRecord(openedAt: F.t0 + 9 * F.day, customer: "Z", channel: .chat,
                                                    cost: 1, queue: "billing"), cause: 1)
        for f in [Self.a, d, Self.b, Self.c] { _ = whole.add(f) }
        var first = Self.empty(), second = Self.empty()
        _ = first.add(Self.a)
        for f in [d, Self.b, Self.c] { _ = second.add(f) }
        #expect(second.queues.names == ["", "billing", "orders"])
        let ids = first.merge(second)
        #expect(ids.queues == [0, 2, 1])
        #expect(ids.agents == [0, 2, 1]) // second met bob before ann
        #expect(ids.periods == [1, 0]) // second met week 2 (d) before week 1 (b)
        #expect(first.queues.names == ["", "orders", "billing"])
        #expect(first.byQueue.map(\.contacts) == [1, 2, 1])
        #expect(first.byChannel.map(\.contacts) == whole.byChannel.map(\.contacts))
        #expect(first.byChannel.map(\.costTotal) == whole.byChannel.map(\.costTotal))
        #expect(first.byCause.map(\.contacts) == whole.byCause.map(\.contacts))
        #expect(first.periodKeys == whole.periodKeys)
        #expect(first.periodCause == whole.periodCause)
        #expect(first.periodChannels == whole.periodChannels)
        #expect(first.resolutionTimesTotal.median == whole.resolutionTimesTotal.median)
        #expect(first.handleTimes.median == 45)
    }
    /// Facts hold no names: added with the record's queue and agent, they give the slices, sums and histograms
    /// the engine's own path gives (`ContactMetricsEngine.add(_:cause:)`, which passes the same names).
    @Test func namesGoAlongsideTheFacts() {
        let records = [
            ContactRecord(contactID: "A", openedAt: F.t0, closedAt: F.t0 + 3600, customer: "X", channel: .phone,
                          handleTimeSeconds: 60, csat: .score(5), cost: 2.5, agent: "ann", queue: "orders"),
            ContactRecord(contactID: "B", openedAt: F.t0 + 3 * F.day, channel: .email, csat: .verdict(false),
                          cost: 1.25, agent: "bob"),
            ContactRecord(contactID: "C", openedAt: F.t0 + 8 * F.day, closedAt: F.t0 + 8 * F.day + 600,
                          customer: "Y", channel: .phone, handleTimeSeconds: 30, csat: .score(3), cost: 4,
                          agent: "ann", queue: "orders", firstContactResolved: true),
        ]
        var sums = Self.empty()
        #expect(MemoryLayout<ContactFacts>.size > 0 && _isPOD(ContactFacts.self)) // copied as plain bytes
        var calendar = ContactCalendar(MetricsConfiguration())
        let slices = records.enumerated().map { i, record in
            let facts = ContactFacts(record, cause: Int32(i) - 1, causeCount: 2, costModel: .builtIn,
                                     calendar: &calendar)
            return sums.add(facts, queue: record.queue, agent: record.agent)
        }
        #expect(slices == [1, 0, 2])
        #expect(sums.queues.names == ["", "orders"])
        #expect(sums.agents.names == ["", "ann", "bob"])
        #expect(sums.byAgent.map(\.contacts) == [0, 2, 1])
        #expect(sums.byQueue.map(\.contacts) == [1, 2])
        #expect(sums.byAgent[1].costTotal.value == 6.5) // ann: A 2.5 + C 4
        #expect(sums.byQueue[0].costTotal.value == 1.25) // B, no queue
        #expect(sums.resolutionTimes.byAgent[1].median == 2100) // ann: (3600 + 600) / 2
        #expect(sums.resolutionTimes.byQueue[1].percentile(0.9) == 3600)
    }
}
