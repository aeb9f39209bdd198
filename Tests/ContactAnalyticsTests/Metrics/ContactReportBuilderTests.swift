import Foundation
import Testing
@testable import ContactAnalytics

/// `ContactReportBuilder` on hand-summed slices (no timeline: no customers, so no repeats), with every figure
/// worked out by hand: the rows' order, the roll-ups to cause groups and processes, periods and their change,
/// emerging causes and the typed definitions.
@Suite struct ContactReportBuilderTests {
    static let day: Int64 = 86_400
    /// Monday 2026-01-05 00:00:00 UTC, the start of ISO week 2026-W02.
    static let t0: Int64 = 1_767_571_200

    static let causes = [
        CauseDescriptor(path: "delivery/where-is-my-order", name: "Where is my order", process: "Logistics", avoidable: true),
        CauseDescriptor(path: "billing/double-charge", name: "Double charge", process: "Billing", avoidable: false),
        CauseDescriptor(path: "delivery/damaged", name: "Damaged", process: "Logistics", avoidable: false),
    ]

    /// Two whole weeks: W02 holds k1 (where-is-my-order, phone, 10) and k2 (double-charge, email, 30); W03
    /// holds k3 (where-is-my-order, phone, 10), k4 (where-is-my-order, chat, 5) and k5 (damaged, email, 1,
    /// Sunday 01:00, no queue).
    static func report() -> ContactReport {
        let configuration = MetricsConfiguration()
        var calendar = ContactCalendar(configuration)
        var sums = SliceAggregates(csatThreshold: configuration.csatThreshold,
                                   avoidableSlot: [false] + causes.map(\.avoidable))
        let contacts: [(Int64, Channel, Int32, Double, String?)] = [
            (0, .phone, 0, 10, "orders"), (1 * day, .email, 1, 30, "billing"), (7 * day, .phone, 0, 10, "orders"),
            (8 * day, .chat, 0, 5, "orders"), (13 * day + 3_600, .email, 2, 1, nil),
        ]
        for (n, (offset, channel, cause, cost, queue)) in contacts.enumerated() {
            let record = ContactRecord(contactID: "k\(n + 1)", openedAt: t0 + offset, channel: channel, cost: cost,
                                       queue: queue)
            let facts = ContactFacts(record, cause: cause, causeCount: causes.count,
                                     costModel: configuration.costModel, calendar: &calendar)
            _ = sums.add(facts, queue: record.queue, agent: record.agent)
        }
        let outcomes = TimelineOutcomes(channels: Channel.allCases.count, causeSlots: causes.count + 1,
                                        queues: sums.byQueue.count, agents: sums.byAgent.count,
                                        periods: sums.byPeriod.count)
        outcomes.add(to: &sums)
        let first = t0, last = t0 + 13 * day + 3_600
        let builder = ContactReportBuilder(
            configuration: configuration, causes: causes, sums: sums, outcomes: outcomes,
            groupOfCause: [0, 1, 2, 1], groupNames: [CauseDescriptor.unclassified.group, "delivery", "billing"],
            processOfCause: [0, 1, 2, 1], processNames: [CauseDescriptor.unclassified.process, "Logistics", "Billing"],
            calendar: calendar.periods, dataStart: first, dataEnd: last, rangeFrom: first, rangeTo: last)
        return builder.report(input: InputSummary(files: ["k.csv"], rowsRead: 5, rowsRejected: 0, duplicatesDropped: 0,
                                                  fieldWarnings: 0, contactsRead: 5))
    }

    @Test func summaryAndInput() {
        let r = Self.report()
        #expect(r.input.files == ["k.csv"] && r.input.contactsRead == 5)
        #expect(r.summary.contacts == 5)
        #expect(r.summary.costTotal == 56)
        #expect(r.summary.costPerContact == 56.0 / 5)
        // Avoidable by cause: the three where-is-my-order contacts, costing 25.
        #expect(r.summary.avoidable == 3 && r.summary.avoidableCost == 25)
        #expect(r.customersIdentified == 0 && r.topCustomerShare == nil)
        #expect(r.rangeFrom == Self.t0 && r.rangeTo == Self.t0 + 13 * Self.day + 3_600)
    }

    @Test func causesGroupsAndProcessesByCost() {
        let r = Self.report()
        #expect(r.causes.map(\.key) == ["billing/double-charge", "delivery/where-is-my-order", "delivery/damaged"])
        #expect(r.causes.map(\.metrics.costTotal) == [30, 25, 1])
        #expect(r.causes.map(\.process) == ["Billing", "Logistics", "Logistics"])
        #expect(r.causes[1].avoidableCause == true && r.causes[1].name == "Where is my order")
        #expect(r.causes[0].metrics.costShare == 30.0 / 56)
        // delivery = where-is-my-order + damaged: 4 contacts, 26; billing: 1 contact, 30.
        #expect(r.causeGroups.map(\.key) == ["billing", "delivery"])
        #expect(r.causeGroups.map(\.metrics.contacts) == [1, 4])
        #expect(r.causeGroups.map(\.metrics.costTotal) == [30, 26])
        #expect(r.processes.map(\.key) == ["Billing", "Logistics"])
        #expect(r.processes.map(\.metrics.contacts) == [1, 4])
        #expect(r.processes[1].metrics.share == Ratio(4, of: 5))
    }

    @Test func channelsInChannelOrderQueuesByContacts() {
        let r = Self.report()
        #expect(r.channels.map(\.key) == ["phone", "email", "chat"])
        #expect(r.channels.map(\.metrics.contacts) == [2, 2, 1])
        #expect(r.queues.map(\.key) == ["orders", "billing"])
        #expect(r.queues.map(\.metrics.contacts) == [3, 1])
        #expect(r.agents.isEmpty)
    }

    @Test func periodsChangeAndEmergingCauses() throws {
        let r = Self.report()
        #expect(r.periods.map(\.period) == ["2026-W02", "2026-W03"])
        #expect(r.periods.map(\.partial) == [false, false])
        #expect(r.periods[0].change == nil)
        let change = try #require(r.periods[1].change)
        // 3 contacts costing 16 against 2 costing 40.
        #expect(change.previousPeriod == "2026-W02" && change.contacts == 1 && change.contactsGrowth == 0.5)
        #expect(change.costTotal == -24)
        #expect(change.costPerContact == 16.0 / 3 - 20)
        #expect(r.periods[1].channels == [.phone: 1, .chat: 1, .email: 1])
        // W03 against W02: damaged 1 (was 0) and where-is-my-order 2 (was 1) grew by one each; ties by path.
        #expect(r.emergingCauses.map(\.cause) == ["delivery/damaged", "delivery/where-is-my-order"])
        #expect(r.emergingCauses.map(\.previousContacts) == [0, 1])
        #expect(r.emergingCauses.allSatisfy { $0.period == "2026-W03" && $0.previousPeriod == "2026-W02" })
    }

    @Test func definitionsStayTyped() {
        let d = Self.report().definitions
        #expect(d.window == .standard)
        #expect(d.dataEnd == Self.t0 + 13 * Self.day + 3_600)
        #expect(d.coveredFrom == "2026-01-05" && d.coveredTo == "2026-01-18")
        #expect(d.period == "week" && d.currency == MetricsConfiguration().costModel.currency)
    }

    /// current - previous for every headline figure, `nil` where either side has no value.
    @Test func periodChangeBetweenTwoSets() {
        let previous = MetricSet(contacts: 4, repeatRate: Ratio(1, of: 4), fcr: Ratio(1, of: 2),
                                 avoidableRate: Ratio(2, of: 4), costTotal: 20, costPerContact: 5)
        let current = MetricSet(contacts: 6, repeatRate: Ratio(3, of: 6), fcr: Ratio(0, of: 0),
                                avoidableRate: Ratio(3, of: 6), costTotal: 42, costPerContact: 7)
        let change = PeriodChange.between(current, previous, previousPeriod: "2026-W01")
        #expect(change == PeriodChange(previousPeriod: "2026-W01", contacts: 2, contactsGrowth: 0.5, fcr: nil,
                                       repeatRate: 0.25, avoidableRate: 0, csat: nil, costPerContact: 2,
                                       costTotal: 22))
        #expect(PeriodChange.between(current, MetricSet(), previousPeriod: "x").contactsGrowth == nil)
    }
}
