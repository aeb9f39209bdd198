import Foundation
import Testing
@testable import ContactAnalytics

/// Hand-computed expectations on a small timeline (see the comments for the arithmetic).
@Suite struct ContactMetricsEngineTests {
    static let day: Int64 = 86_400
    /// Monday 2026-01-05 00:00:00 UTC (ISO week 2026-W02).
    static let t0: Int64 = 1_767_571_200

    static let causes = [
        CauseDescriptor(path: "delivery/where-is-my-order", name: "Where is my order", process: "Logistics", avoidable: true),
        CauseDescriptor(path: "feedback/praise", name: "Praise", process: "Customer Service", avoidable: false),
    ]

    /// c1..c8 with explicit costs 1..8.
    static func contacts() -> [(ContactRecord, Int32)] {
        func c(_ n: Int, _ customer: String?, _ dayOffset: Int64, _ channel: Channel, _ cause: Int32,
               csat: CSATResponse? = nil, handle: Double? = nil, closedAfter: Int64? = nil) -> (ContactRecord, Int32) {
            let opened = t0 + dayOffset * day
            return (ContactRecord(contactID: "c\(n)", openedAt: opened, closedAt: closedAfter.map { opened + $0 },
                                  customer: customer, channel: channel, handleTimeSeconds: handle, csat: csat,
                                  cost: Double(n), agent: "agent\(n % 2)", queue: n <= 4 ? "orders" : nil), cause)
        }
        return [
            c(1, "A", 0, .phone, 0, csat: .score(5), handle: 60, closedAfter: 3600),
            c(2, "A", 3, .email, 0, csat: .score(3), handle: 120, closedAfter: 7200),
            c(3, "A", 10, .chat, 0, csat: .verdict(true), handle: 180),
            c(4, "A", 4, .phone, 1, csat: .score(4), handle: 240),
            c(5, "B", 1, .phone, 0, closedAfter: 60),
            c(6, "B", 1, .chat, 0, closedAfter: -5),
            c(7, nil, 2, .web, 0),
            c(8, "C", 20, .web, -1),
        ]
    }

    static func report(scope: RepeatContactWindow.Scope = .cause, since: Int64? = nil, until: Int64? = nil) throws -> ContactReport {
        var configuration = MetricsConfiguration()
        configuration.window = RepeatContactWindow(days: 7, scope: scope)
        configuration.since = since
        configuration.until = until
        var engine = ContactMetricsEngine(configuration: configuration, causes: causes)
        for (contact, cause) in contacts() { engine.add(contact, cause: cause) }
        return try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 8, rowsRejected: 0, duplicatesDropped: 0,
                                                 fieldWarnings: 0, contactsRead: 8))
    }

    @Test func repeatsAndFCRWithCauseScope() throws {
        let s = try Self.report().summary
        #expect(s.contacts == 8)
        #expect(s.identified == 7)
        // c2 repeats c1 (3 d), c3 repeats c2 (exactly 7 d: the edge is inside), c6 repeats c5 (same second).
        #expect(s.repeats == 3)
        #expect(s.repeatRate == Ratio(3, of: 7))
        // data_end = day 20, evaluable: opened <= day 13 and identified: c1..c6. Resolved: c3, c4, c6.
        #expect(s.fcr == Ratio(3, of: 6))
        // Avoidable by cause: cause 0 contacts c1, c2, c3, c5, c6, c7 (c7 is anonymous but its cause counts).
        #expect(s.avoidableByCause == 6)
        #expect(s.avoidableRepeatOnly == 0)
        #expect(s.avoidableRate == Ratio(6, of: 8))
        #expect(s.avoidableCost == 1 + 2 + 3 + 5 + 6 + 7)
        #expect(s.costTotal == 36)
        #expect(s.costPerContact == 4.5)
        #expect(s.coverage == Ratio(7, of: 8))
    }

    @Test func repeatsAndFCRWithAnyScope() throws {
        let r = try Self.report(scope: .any)
        let s = r.summary
        // A in time order: c1 d0, c2 d3, c4 d4, c3 d10 -> c2, c4, c3 repeat; B: c6 repeats c5.
        #expect(s.repeats == 4)
        // c4 (praise) is avoidable only as a repeat.
        #expect(s.avoidableRepeatOnly == 1)
        #expect(s.avoidable == 7)
        #expect(s.avoidableCost == 1 + 2 + 3 + 5 + 6 + 7 + 4)
        // Resolved: c3 (last of A) and c6 (last of B) out of c1..c6.
        #expect(s.fcr == Ratio(2, of: 6))
        let switches = Set(r.channelSwitches.map { "\($0.from.rawValue)>\($0.to.rawValue)=\($0.count)" })
        #expect(switches == ["phone>email=1", "email>phone=1", "phone>chat=2"])
    }

    @Test func channelSwitchesWithCauseScope() throws {
        // c2 phone -> email, c3 email -> chat, c6 phone -> chat.
        let switches = try Self.report().channelSwitches.map { "\($0.from.rawValue)>\($0.to.rawValue)=\($0.count)" }
        #expect(Set(switches) == ["phone>email=1", "email>chat=1", "phone>chat=1"])
    }

    @Test func csatHandleAndResolutionTimes() throws {
        let s = try Self.report().summary
        #expect(s.csat.responses == 4)
        #expect(s.csat.responseRate == Ratio(4, of: 8))
        #expect(s.csat.satisfied == 3)
        #expect(s.csat.rate == Ratio(3, of: 4))
        #expect(s.csat.mean == 4)
        #expect(abs(try #require(s.csat.confidenceLow) - 0.30064184258240184) < 1e-12)
        #expect(abs(try #require(s.csat.confidenceHigh) - 0.9544127391902995) < 1e-12)
        #expect(s.handleTimeMean == 150)
        #expect(s.handleTimeMedian == 150)
        // Resolution: 3600, 7200, 60 (c6 closed before it opened: excluded).
        #expect(s.resolutionTimeMedian == 3600)
        #expect(s.resolutionTimeP90 == 7200)
    }

    @Test func breakdownsByCauseProcessAndChannel() throws {
        let r = try Self.report()
        // Causes sorted by cost: cause 0 (1+2+3+5+6+7 = 24), unclassified (8), praise (4).
        #expect(r.causes.map(\.key) == ["delivery/where-is-my-order", "unclassified", "feedback/praise"])
        #expect(r.causes[0].metrics.costTotal == 24)
        #expect(r.causes[0].metrics.repeats == 3)
        #expect(r.causes[0].process == "Logistics")
        #expect(r.causes[0].avoidableCause == true)
        #expect(r.processes.map(\.key) == ["Logistics", "Unassigned", "Customer Service"])
        #expect(r.causeGroups.map(\.key) == ["delivery", "unclassified", "feedback"])
        let costShare = try #require(r.processes[0].metrics.costShare)
        #expect(abs(costShare - 24.0 / 36.0) < 1e-12)
        #expect(r.channels.map(\.key) == ["phone", "email", "chat", "web"])
        #expect(r.channels[0].metrics.contacts == 3)
        #expect(r.channels[0].metrics.share == Ratio(3, of: 8))
        #expect(r.queues.map(\.key) == ["orders"])
        #expect(r.queues[0].metrics.contacts == 4)
        #expect(r.agents.map(\.key) == ["agent0", "agent1"])
        #expect(r.customersIdentified == 3)
        // 1 % of 3 customers rounds up to one: A with 4 of the 7 identified contacts.
        #expect(r.topCustomerShare == Ratio(4, of: 7))
    }

    @Test func periodsAndEmergingCauses() throws {
        let r = try Self.report()
        #expect(r.periods.map(\.period) == ["2026-W02", "2026-W03", "2026-W04"])
        #expect(r.periods.map(\.metrics.contacts) == [6, 1, 1])
        #expect(r.periods[0].start == Self.t0)
        #expect(r.periods[0].channels == [.phone: 3, .email: 1, .chat: 1, .web: 1])
        let change = try #require(r.periods[1].change)
        #expect(change.contacts == -5)
        #expect(change.previousPeriod == "2026-W02")
        #expect(r.periods[0].change == nil)
        // W04 against W03: unclassified 0 -> 1.
        #expect(r.emergingCauses.map(\.cause) == ["unclassified"])
        #expect(r.emergingCauses[0].growth == nil)
    }

    @Test func sinceKeepsEarlierContactsAsContext() throws {
        let r = try Self.report(since: Self.t0 + 2 * Self.day)
        let s = r.summary
        // Counted: c7 (d2), c2 (d3), c4 (d4), c3 (d10), c8 (d20).
        #expect(s.contacts == 5)
        // c2 is still a repeat of c1, which lies before --since; c3 repeats c2.
        #expect(s.repeats == 2)
        // Evaluable: c2, c4, c3 (c7 anonymous, c8 too new). Resolved: c4, c3.
        #expect(s.fcr == Ratio(2, of: 3))
        #expect(r.rangeFrom == Self.t0 + 2 * Self.day)
        #expect(r.rangeTo == Self.t0 + 20 * Self.day)
        // data_end is still the latest contact read.
        #expect(r.definitions.dataEnd.map(ISOTimestamp.format) == "2026-01-25T00:00:00Z")
    }

    @Test func untilUsesLaterContactsForFCR() throws {
        // Counted: days 0..4 (c1, c2, c4, c5, c6, c7). c1's FCR is decided by c2 (inside); c2's by c3 (after --until).
        let s = try Self.report(until: Self.t0 + 5 * Self.day).summary
        #expect(s.contacts == 6)
        #expect(s.fcr == Ratio(2, of: 5)) // evaluable c1, c2, c4, c5, c6; resolved c4, c6
    }

    @Test func emptyInputGivesNoValuesNotZeros() throws {
        var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: Self.causes)
        let r = try engine.report(input: InputSummary(files: [], rowsRead: 0, rowsRejected: 0, duplicatesDropped: 0,
                                                  fieldWarnings: 0, contactsRead: 0))
        #expect(r.summary.contacts == 0)
        #expect(r.summary.fcr.value == nil)
        #expect(r.summary.repeatRate.value == nil)
        #expect(r.summary.csat.rate.value == nil)
        #expect(r.summary.csat.mean == nil)
        #expect(r.summary.csat.confidenceLow == nil)
        #expect(r.summary.costPerContact == nil)
        #expect(r.summary.handleTimeMedian == nil)
        #expect(r.topCustomerShare == nil)
        #expect(r.periods.isEmpty)
        #expect(r.rangeFrom == nil)
    }

    @Test func exportFCRFromFlagOrReplies() throws {
        var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: [])
        engine.add(ContactRecord(openedAt: Self.t0, firstContactResolved: true), cause: -1)
        engine.add(ContactRecord(openedAt: Self.t0, firstContactResolved: false), cause: -1)
        engine.add(ContactRecord(openedAt: Self.t0, agentReplies: 1), cause: -1)
        engine.add(ContactRecord(openedAt: Self.t0, agentReplies: 3), cause: -1)
        engine.add(ContactRecord(openedAt: Self.t0), cause: -1)
        let r = try engine.report(input: InputSummary(files: [], rowsRead: 5, rowsRejected: 0, duplicatesDropped: 0,
                                                  fieldWarnings: 0, contactsRead: 5))
        #expect(r.summary.exportFCR == Ratio(2, of: 4))
    }

    @Test func repeatFlagsInInputOrder() throws {
        var configuration = MetricsConfiguration()
        configuration.window = .standard
        var engine = ContactMetricsEngine(configuration: configuration, causes: Self.causes)
        for (contact, cause) in Self.contacts() { engine.add(contact, cause: cause) }
        #expect(try engine.repeatFlags() == [false, true, true, false, false, true, false, false])
    }

    /// The audit trail of the same timeline (window 7 d, scope cause; data_end day 20, so evaluable means opened
    /// by day 13 with a customer): c2 repeats c1 (phone -> e-mail), c3 repeats c2 exactly 7 d later (e-mail ->
    /// chat), c6 repeats c5 in the same second (phone -> chat); c1, c2 and c5 are followed within the window, so
    /// not resolved; c7 has no customer; c8 opened after day 13.
    @Test func contactAuditInInputOrder() throws {
        var configuration = MetricsConfiguration()
        configuration.window = .standard
        var engine = ContactMetricsEngine(configuration: configuration, causes: Self.causes)
        for (contact, cause) in Self.contacts() { engine.add(contact, cause: cause) }
        let (entries, duplicates) = try engine.contactAudit()
        #expect(duplicates == Array(repeating: false, count: 8))
        #expect(entries == [
            ContactAuditEntry(repeatOf: nil, switchFrom: nil, evaluable: true, resolved: false),
            ContactAuditEntry(repeatOf: 0, switchFrom: .phone, evaluable: true, resolved: false),
            ContactAuditEntry(repeatOf: 1, switchFrom: .email, evaluable: true, resolved: true),
            ContactAuditEntry(repeatOf: nil, switchFrom: nil, evaluable: true, resolved: true),
            ContactAuditEntry(repeatOf: nil, switchFrom: nil, evaluable: true, resolved: false),
            ContactAuditEntry(repeatOf: 4, switchFrom: .phone, evaluable: true, resolved: true),
            .none,
            ContactAuditEntry(repeatOf: nil, switchFrom: nil, evaluable: false, resolved: false),
        ])
    }

    /// Reserving too little (the file-size estimate can fall short) or nothing changes no figure: the
    /// columns grow together past the reserved room.
    @Test func reservedRoomDoesNotChangeTheReport() throws {
        var generator = SeededGenerator(seed: 5)
        let contacts = (0..<90_000).map { i in
            ContactRecord(contactID: "T\(generator.uniform(80_000))", openedAt: Self.t0 + Int64(i * 7),
                          customer: "C\(generator.uniform(30_000))", channel: Channel.allCases[generator.uniform(4)],
                          handleTimeSeconds: Double(generator.uniform(900)), queue: "q\(generator.uniform(9))")
        }
        let withCauses = contacts.enumerated().map { i, contact in (contact, Int32(i % 3) - 1) }
        func report(reserving: Int?) throws -> ContactReport {
            var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: Self.causes)
            if let reserving { engine.reserveCapacity(adding: reserving) }
            for (contact, cause) in withCauses { engine.add(contact, cause: cause) }
            try engine.settle(replaying: withCauses)
            return try engine.report(input: InputSummary(files: [], rowsRead: contacts.count, rowsRejected: 0,
                                                     duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 0))
        }
        let exact = try report(reserving: contacts.count)
        #expect(exact.input.duplicatesDropped > 0)
        #expect(try report(reserving: nil) == exact)
        #expect(try report(reserving: 10) == exact)
        #expect(try report(reserving: 60_000) == exact)
    }

    /// Freeing the timeline during the report (to save memory) changes no figure.
    @Test func releasingTheTimelineChangesNoFigure() throws {
        var configuration = MetricsConfiguration()
        configuration.window = .standard
        var keeping = ContactMetricsEngine(configuration: configuration, causes: Self.causes)
        for (contact, cause) in Self.contacts() { keeping.add(contact, cause: cause) }
        var releasing = keeping
        let input = InputSummary(files: [], rowsRead: 8, rowsRejected: 0, duplicatesDropped: 0, fieldWarnings: 0,
                                 contactsRead: 0)
        let flags = try releasing.repeatFlags()
        #expect(try releasing.report(input: input, releasingTimeline: true) == keeping.report(input: input))
        #expect(try flags == keeping.repeatFlags())
        #expect(flags.contains(true))
    }

    @Test func duplicateContactIDsKeepTheLastOccurrence() throws {
        var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: Self.causes)
        // x appears three times; the last (email, cost 30) is kept. y once. The dropped x at t0+120 was the
        // latest contact: data_end moves back to y's t0+60.
        let contacts: [(ContactRecord, Int32)] = [
            (ContactRecord(contactID: "x", openedAt: Self.t0, customer: "A", channel: .phone, handleTimeSeconds: 600, cost: 10), 0),
            (ContactRecord(contactID: "y", openedAt: Self.t0 + 60, customer: "A", channel: .chat, cost: 5), 0),
            (ContactRecord(contactID: "x", openedAt: Self.t0 + 120, customer: "A", channel: .phone, cost: 20), 1),
            (ContactRecord(contactID: "x", openedAt: Self.t0 + 30, customer: "A", channel: .email, handleTimeSeconds: 300, cost: 30), 0),
        ]
        for (contact, cause) in contacts { engine.add(contact, cause: cause) }
        // The replay's causes are ignored: each contact leaves the cause it was added with.
        try engine.settle(replaying: contacts.map { ($0.0, -1) })
        let r = try engine.report(input: InputSummary(files: [], rowsRead: 4, rowsRejected: 0, duplicatesDropped: 0,
                                                  fieldWarnings: 0, contactsRead: 0))
        #expect(r.input.duplicatesDropped == 2)
        #expect(r.input.contactsRead == 2)
        #expect(r.summary.contacts == 2)
        #expect(r.summary.costTotal == 35)
        #expect(r.summary.handleTimeMedian == 300)
        #expect(r.channels.map(\.key) == ["email", "chat"])
        #expect(r.causes.map(\.key) == [Self.causes[0].path])
        #expect(r.definitions.dataEnd == Self.t0 + 60)
        #expect(r.rangeFrom == Self.t0 + 30 && r.rangeTo == Self.t0 + 60)
        // Remaining timeline: x (email, t0+30) then y (chat, t0+60): y repeats x.
        #expect(r.summary.repeats == 1)
        #expect(r.channelSwitches == [ChannelSwitch(from: .email, to: .chat, count: 1)])
        #expect(try engine.repeatFlags() == [false, true, false, false])
    }

    /// Without a replay, repeated ids are an error, not a crash or a silently wrong report; a replay that fails
    /// before feeding anything can be tried again, one that fails halfway leaves an engine that reports nothing.
    @Test func repeatedIDsNeedAReplay() throws {
        struct ReadFailed: Error {}
        let contacts: [(ContactRecord, Int32)] = [
            (ContactRecord(contactID: "x", openedAt: Self.t0, cost: 1), 0),
            (ContactRecord(contactID: "x", openedAt: Self.t0 + 1, cost: 2), 0),
            (ContactRecord(contactID: "y", openedAt: Self.t0 + 2, cost: 4), 0),
        ]
        let input = InputSummary(files: [], rowsRead: 3, rowsRejected: 0, duplicatesDropped: 0, fieldWarnings: 0,
                                 contactsRead: 0)
        var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: Self.causes)
        for (contact, cause) in contacts { engine.add(contact, cause: cause) }
        #expect(throws: ContactStatError.self) { try engine.report(input: input) }
        #expect(throws: ContactStatError.self) { try engine.contactFlags() }
        #expect(throws: ReadFailed.self) { try engine.settle { _ in throw ReadFailed() } }
        try engine.settle(replaying: contacts)
        #expect(try engine.report(input: input).summary.costTotal == 6)

        var broken = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: Self.causes)
        for (contact, cause) in contacts { broken.add(contact, cause: cause) }
        var calendar = broken.factsCalendar
        #expect(throws: ReadFailed.self) {
            try broken.settle { feed in
                feed(ContactFacts(contacts[0].0, cause: 0, causeCount: Self.causes.count,
                                  costModel: MetricsConfiguration().costModel, calendar: &calendar),
                     contacts[0].0.queue, contacts[0].0.agent)
                throw ReadFailed()
            }
        }
        #expect(throws: ContactStatError.self) { try broken.settle(replaying: contacts) }
        #expect(throws: ContactStatError.self) { try broken.report(input: input) }
    }

    /// A replay that feeds a different number of contacts (the input changed between two reads) is an error.
    @Test func aReplayOfOtherContactsIsAnError() throws {
        var engine = ContactMetricsEngine(configuration: MetricsConfiguration(), causes: Self.causes)
        let contacts: [(ContactRecord, Int32)] = [
            (ContactRecord(contactID: "x", openedAt: Self.t0), 0), (ContactRecord(contactID: "x", openedAt: Self.t0 + 1), 0),
        ]
        for (contact, cause) in contacts { engine.add(contact, cause: cause) }
        #expect(throws: ContactStatError.self) { try engine.settle(replaying: Array(contacts.prefix(1))) }
    }

    /// Dropping duplicates by taking them back out gives exactly the report of the contacts kept, on random
    /// contacts with every kind of value, with and without a reporting range. (Times are whole seconds below
    /// 256, which have histogram buckets of their own: a bucket that mixed values stays mixed when one is
    /// taken out, see `QuantileHistogram`.)
    @Test(arguments: [false, true])
    func takingDuplicatesOutEqualsNeverAddingThem(withRange: Bool) throws {
        var generator = SeededGenerator(seed: withRange ? 41 : 40)
        let causes = Self.causes
        let contacts: [(ContactRecord, Int32)] = (0..<3_000).map { i in
            let opened = Self.t0 + Int64(generator.uniform(40 * 86_400))
            let csat: CSATResponse? = switch generator.uniform(4) {
            case 0: .score(Double(1 + generator.uniform(5)))
            case 1: .verdict(generator.uniform(2) == 0)
            default: nil
            }
            let contact = ContactRecord(
                contactID: generator.uniform(10) == 0 ? nil : "T\(generator.uniform(2_000))", openedAt: opened,
                closedAt: generator.uniform(3) == 0 ? nil : opened + Int64(generator.uniform(256)),
                customer: generator.uniform(8) == 0 ? nil : "C\(generator.uniform(400))",
                channel: Channel.allCases[generator.uniform(5)],
                handleTimeSeconds: generator.uniform(4) == 0 ? nil : Double(generator.uniform(256)), csat: csat,
                cost: generator.uniform(2) == 0 ? nil : Double(generator.uniform(5_000)) / 7,
                agent: "a\(generator.uniform(12))", queue: generator.uniform(5) == 0 ? nil : "q\(generator.uniform(4))",
                firstContactResolved: generator.uniform(3) == 0 ? nil : generator.uniform(2) == 0)
            _ = i
            return (contact, Int32(generator.uniform(causes.count + 1)) - 1)
        }
        var configuration = MetricsConfiguration()
        if withRange {
            configuration.since = Self.t0 + 5 * 86_400
            configuration.until = Self.t0 + 30 * 86_400
        }
        var lastOf: [String: Int] = [:]
        for (i, (contact, _)) in contacts.enumerated() { if let id = contact.contactID { lastOf[id] = i } }
        let kept = contacts.enumerated().filter { i, c in c.0.contactID.map { lastOf[$0] == i } ?? true }.map(\.element)
        #expect(kept.count < contacts.count - 500)
        let input = InputSummary(files: [], rowsRead: 0, rowsRejected: 0, duplicatesDropped: 0, fieldWarnings: 0,
                                 contactsRead: 0)

        var all = ContactMetricsEngine(configuration: configuration, causes: causes)
        for (contact, cause) in contacts { all.add(contact, cause: cause) }
        try all.settle(replaying: contacts)
        let flags = try all.contactFlags()
        var reference = ContactMetricsEngine(configuration: configuration, causes: causes)
        for (contact, cause) in kept { reference.add(contact, cause: cause) }
        let referenceFlags = try reference.contactFlags()

        var report = try all.report(input: input)
        #expect(report.input.duplicatesDropped == contacts.count - kept.count)
        report.input = try reference.report(input: input).input
        report.input.duplicatesDropped = 0
        var expected = try reference.report(input: input)
        expected.input.duplicatesDropped = 0
        #expect(report == expected)
        #expect(flags.repeats.enumerated().filter { !flags.duplicates[$0.offset] }.map(\.element) == referenceFlags.repeats)
    }
}
