import Foundation
import Testing
@testable import ContactAnalytics

/// The backlog at the end of each ISO week, hand-computed in Europe/Helsinki around the switch to summer time
/// (Sunday 31.3.2024 03:00 EET -> 04:00 EEST): week 12 ends Mon 25.3 00:00 EET = 24.3 22:00Z, week 13 ends
/// Mon 1.4 00:00 EEST = 31.3 21:00Z (an hour earlier in UTC), week 14 ends Mon 8.4 00:00 EEST = 7.4 21:00Z.
/// Good Friday 29.3 and Easter Monday 1.4 are holidays in Finland: the backlog counts calendar time, so they
/// change nothing.
///
/// | id | queue | opened (UTC) | closed (UTC) / status | open at the end of | ages (days) |
/// | --- | --- | --- | --- | --- | --- |
/// | b1 | Q1 | Fri 22.3 10:00 | Tue 26.3 10:00 (a weekend between) | W12 | 2.5 |
/// | b2 | Q1 | Sun 31.3 20:30 (23:30 EEST, W13) | none, open | W13, W14 | 0.5 h = 0.0208333; 7.0208333 |
/// | b3 | Q2 | Sun 31.3 21:30 (Mon 00:30 EEST, W14) | none, pending | W14 (not W13: its end is 21:00Z) | 6.9791667 |
/// | b4 | Q2 | Mon 18.3 07:00 | Sun 24.3 22:00, exactly W12's end | W12 (closed at or after the end) | 6.625 |
/// | b5 | Q2 | Wed 27.3 10:00 | none, resolved | none: closed, time unknown | |
/// | b6 | Q2 | Thu 28.3 10:00 | none, no status | none: state unknown | |
/// | b7 | Q1 | Tue 19.3 10:00 | Wed 20.3 10:00 | none (closed in its own week) | |
/// | b9 | Q1 | Wed 20.3 10:00 | first read open, then again closed Thu 21.3: the first is dropped | none | |
///
/// W12: b1, b4: 2, median (2.5 + 6.625) / 2 = 4.5625, p90 (2nd of 2) 6.625. W13: b2: 1. W14: b2, b3: 2, median
/// (6.9791667 + 7.0208333) / 2 = 7, p90 7.0208333. The whole range and the queues: at the end of W14.
@Suite struct BacklogTests {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki") ?? .gmt

    static func contacts() -> [ContactRecord] {
        func c(_ id: String, _ queue: String, _ opened: String, _ closed: String? = nil,
               _ status: ContactStatus? = nil) -> ContactRecord {
            ContactRecord(contactID: id, openedAt: BusinessCalendarTests.utc(opened),
                          closedAt: closed.map(BusinessCalendarTests.utc), customer: "customer-" + id,
                          channel: .email, status: status, queue: queue)
        }
        return [
            c("b1", "Q1", "2024-03-22T10:00:00Z", "2024-03-26T10:00:00Z", .closed),
            c("b2", "Q1", "2024-03-31T20:30:00Z", nil, .open),
            c("b3", "Q2", "2024-03-31T21:30:00Z", nil, .pending),
            c("b4", "Q2", "2024-03-18T07:00:00Z", "2024-03-24T22:00:00Z"),
            c("b5", "Q2", "2024-03-27T10:00:00Z", nil, .resolved),
            c("b6", "Q2", "2024-03-28T10:00:00Z"),
            c("b7", "Q1", "2024-03-19T10:00:00Z", "2024-03-20T10:00:00Z"),
            c("b9", "Q1", "2024-03-20T10:00:00Z", nil, .open),
            c("b9", "Q1", "2024-03-20T10:00:00Z", "2024-03-21T10:00:00Z", .closed),
        ]
    }

    static func report(_ contacts: [ContactRecord]) throws -> ContactReport {
        var configuration = MetricsConfiguration()
        configuration.timeZone = helsinki
        var engine = ContactMetricsEngine(configuration: configuration, causes: [])
        for contact in contacts { engine.add(contact, cause: -1) }
        try engine.settle(replaying: contacts.map { ($0, -1) })
        return try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: contacts.count, rowsRejected: 0,
                                                     duplicatesDropped: 0, fieldWarnings: 0,
                                                     contactsRead: contacts.count))
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        value.map { abs($0 - expected) < 1e-5 } ?? false
    }

    @Test func backlogAtTheEndOfEachWeek() throws {
        let report = try Self.report(Self.contacts())
        #expect(report.periods.map(\.period) == ["2024-W12", "2024-W13", "2024-W14"])
        let periods = report.periods.map(\.metrics)
        #expect(periods.map(\.backlog) == [2, 1, 2])
        #expect(Self.close(periods[0].backlogAgeMedianDays, 4.5625))
        #expect(Self.close(periods[0].backlogAgeP90Days, 6.625))
        #expect(Self.close(periods[1].backlogAgeMedianDays, 0.5 / 24))
        #expect(Self.close(periods[1].backlogAgeP90Days, 0.5 / 24))
        #expect(Self.close(periods[2].backlogAgeMedianDays, 7))
        #expect(Self.close(periods[2].backlogAgeP90Days, 7 + 0.5 / 24))
    }

    @Test func wholeRangeAndQueuesAtTheEndOfTheLastPeriod() throws {
        let report = try Self.report(Self.contacts())
        let s = report.summary
        #expect(s.backlog == 2)
        #expect(Self.close(s.backlogAgeMedianDays, 7))
        func queue(_ name: String) -> MetricSet? { report.queues.first { $0.key == name }?.metrics }
        #expect(queue("Q1")?.backlog == 1)
        #expect(Self.close(queue("Q1")?.backlogAgeMedianDays, 7 + 0.5 / 24))
        #expect(queue("Q2")?.backlog == 1)
        #expect(Self.close(queue("Q2")?.backlogAgeP90Days, 7 - 0.5 / 24))
        // Every contact is e-mail and unclassified: their slices hold the whole backlog.
        #expect(report.channels.first { $0.key == "email" }?.metrics.backlog == 2)
        #expect(report.causes.first?.metrics.backlog == 2)
    }

    @Test func closedWithoutTimeAndUnknownStateAreCountedNotOpen() throws {
        let report = try Self.report(Self.contacts())
        #expect(report.input.closedWithoutTime == 1)
        #expect(report.input.stateUnknown == 1)
        let text = TextReportRenderer().render(report)
        #expect(text.contains("Backlog state"))
        #expect(text.contains("1 with neither closed_at nor status"))
        #expect(text.contains("Backlog at the end of each week"))
    }

    /// Without closed_at and status anywhere the backlog has no value (not 0), and the report says why.
    @Test func noStateMeansNotMeasured() throws {
        let contacts = Self.contacts().map { contact -> ContactRecord in
            var copy = contact
            copy.closedAt = nil
            copy.status = nil
            return copy
        }
        let report = try Self.report(contacts)
        #expect(report.summary.backlog == nil)
        #expect(report.periods.allSatisfy { $0.metrics.backlog == nil })
        #expect(MetricCatalog.backlog.value(of: report.summary) == .real(nil))
        #expect(report.input.stateUnknown == 8)
        let content = ReportContent(report: report)
        #expect(content.backlog.rows.isEmpty)
        #expect(content.backlog.emptyNote.contains("map columns to closed_at and status"))
    }

    /// The ledger keeps only contacts open at the end of their own period, and a duplicate taken back out
    /// cancels its entry.
    @Test func ledgerKeepsOnlyCarriedContacts() {
        var calendar = PeriodCalendar(granularity: .week, timeZone: Self.helsinki)
        let opened = BusinessCalendarTests.utc("2024-03-31T20:30:00Z")
        let key = calendar.periodKey(of: opened)
        #expect(BacklogLedger.closedKey(opened: opened, closed: nil, status: .open, periods: &calendar)
                == BacklogLedger.neverClosed)
        #expect(BacklogLedger.closedKey(opened: opened, closed: nil, status: .closed, periods: &calendar)
                == BacklogLedger.closedWithoutTime)
        #expect(BacklogLedger.closedKey(opened: opened, closed: nil, status: nil, periods: &calendar)
                == BacklogLedger.stateUnknown)
        #expect(BacklogLedger.closedKey(opened: opened, closed: opened - 1, status: .open, periods: &calendar)
                == BacklogLedger.closedBeforeOpened)
        // 20:59Z is still week 13 in Helsinki, 21:00Z is week 14.
        #expect(BacklogLedger.closedKey(opened: opened, closed: opened + 1_740, status: nil, periods: &calendar) == key)
        #expect(BacklogLedger.closedKey(opened: opened, closed: opened + 1_800, status: nil, periods: &calendar) == key + 7)
    }

    /// The cause groups' and processes' backlogs, merged from the causes' (counted while the timeline sorts): causes A
    /// (group G1, process P1), B (G1, P2) and C (G2, P1); at the end of the last week (W14) A has one contact
    /// open (b2), B two (b3 and a second pending one), C none (closed in its own week), and one unclassified
    /// contact is open. G1 = A + B = 3, G2 = 0; P1 = A + C = 1, P2 = B = 2.
    @Test func groupsAndProcessesMergeTheirCausesBacklogs() throws {
        let causes = [CauseDescriptor(path: "g1/a", name: "A", process: "P1", avoidable: false),
                      CauseDescriptor(path: "g1/b", name: "B", process: "P2", avoidable: false),
                      CauseDescriptor(path: "g2/c", name: "C", process: "P1", avoidable: false)]
        #expect(causes.map(\.group) == ["g1", "g1", "g2"])
        func c(_ id: String, _ opened: String, _ closed: String?, _ status: ContactStatus) -> ContactRecord {
            ContactRecord(contactID: id, openedAt: BusinessCalendarTests.utc(opened),
                          closedAt: closed.map(BusinessCalendarTests.utc), customer: "customer-" + id,
                          channel: .email, status: status, queue: "Q1")
        }
        let contacts: [(ContactRecord, Int32)] = [
            (c("a1", "2024-03-31T20:30:00Z", nil, .open), 0),
            (c("b1", "2024-03-31T21:30:00Z", nil, .pending), 1),
            (c("b2", "2024-03-26T10:00:00Z", nil, .pending), 1),
            (c("c1", "2024-03-19T10:00:00Z", "2024-03-20T10:00:00Z", .closed), 2),
            (c("u1", "2024-03-27T10:00:00Z", nil, .open), -1),
        ]
        var configuration = MetricsConfiguration()
        configuration.timeZone = Self.helsinki
        var engine = ContactMetricsEngine(configuration: configuration, causes: causes)
        for (contact, cause) in contacts { engine.add(contact, cause: cause) }
        try engine.settle(replaying: contacts)
        let report = try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: contacts.count,
                                                           rowsRejected: 0, duplicatesDropped: 0, fieldWarnings: 0,
                                                           contactsRead: contacts.count))
        func backlog(_ rows: [BreakdownRow], _ key: String) -> Int? { rows.first { $0.key == key }?.metrics.backlog }
        #expect(backlog(report.causes, "g1/a") == 1 && backlog(report.causes, "g1/b") == 2)
        #expect(backlog(report.causeGroups, "g1") == 3)
        #expect(backlog(report.causeGroups, "g2") == 0)
        #expect(backlog(report.processes, "P1") == 1)
        #expect(backlog(report.processes, "P2") == 2)
        #expect(report.summary.backlog == 4)
    }
}
