import Foundation
import Testing
@testable import ContactAnalytics

/// The staffing plan, hand-computed on the published Erlang C worked example (Call Centre Helper, "Erlang C
/// Formula – Made Simple": 100 calls in 30 minutes = 200 an hour, 180 s handle time, 80 % answered in 20 s:
/// 14 agents, 20 to schedule with 30 % shrinkage; `ErlangCTests.publishedWorkedExample` checks the formula).
///
/// In Europe/Helsinki, 200 phone calls of 180 s on Monday 25.3.2024 09:00-09:59 EET (07:xxZ) and 200 on Monday
/// 1.4 (Easter Monday, a holiday: arrivals count it like any day) 09:00-09:59 EEST (06:xxZ, after the change to
/// summer time): the same local hour 9. The covered days 25.3-1.4 hold two Mondays, so Monday 09:00 has 400 / 2
/// = 200 calls an hour: 14 agents, 20 scheduled. A chat on Wednesday 27.3 without a handle time: chat is not
/// measured, and said. An e-mail on Sunday 31.3 spans the weekend to Tuesday: e-mail is not staffed.
@Suite struct StaffingPlanTests {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki") ?? .gmt

    static func contacts() -> [ContactRecord] {
        var contacts: [ContactRecord] = []
        for (day, hourZ) in [("2024-03-25", "07"), ("2024-04-01", "06")] {
            for i in 0..<200 {
                let minute = i % 60, second = i / 60
                let opened = BusinessCalendarTests.utc("\(day)T\(hourZ):\(minute < 10 ? "0" : "")\(minute):0\(second)Z")
                contacts.append(ContactRecord(contactID: "\(day)-\(i)", openedAt: opened, channel: .phone,
                                              handleTimeSeconds: 180))
            }
        }
        contacts.append(ContactRecord(contactID: "chat", openedAt: BusinessCalendarTests.utc("2024-03-27T10:00:00Z"),
                                      channel: .chat))
        contacts.append(ContactRecord(contactID: "mail", openedAt: BusinessCalendarTests.utc("2024-03-31T10:00:00Z"),
                                      closedAt: BusinessCalendarTests.utc("2024-04-02T10:00:00Z"), channel: .email))
        return contacts
    }

    static func report(staffing: StaffingTargets = StaffingTargets(), mapped: Set<String>? = nil) throws -> ContactReport {
        var configuration = MetricsConfiguration()
        configuration.timeZone = helsinki
        configuration.staffing = staffing
        var engine = ContactMetricsEngine(configuration: configuration, causes: [])
        let contacts = Self.contacts()
        for contact in contacts { engine.add(contact, cause: -1) }
        return try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: contacts.count, rowsRejected: 0,
                                                     duplicatesDropped: 0, fieldWarnings: 0,
                                                     contactsRead: contacts.count, mappedFields: mapped))
    }

    @Test func agentsNeededFromThePublishedExample() throws {
        let plan = try Self.report().staffing
        #expect(plan.channels.map(\.channel) == [.phone])
        let phone = try #require(plan.channels.first)
        #expect(phone.handleTimeSeconds == 180)
        #expect(phone.cells == [StaffingPlan.Cell(weekday: 1, hour: 9, hours: 2, contacts: 400, arrivalsPerHour: 200,
                                                  agents: 14, scheduled: 20)])
        #expect(plan.notMeasured == ["staffing, chat: no chat contact has a handle time, so its agents needed are "
                                     + "not computed"])
    }

    @Test func targetsAndShrinkageFromTheConfiguration() throws {
        // 90 % in 20 s: 13 agents reach 79.56 %, 14 88.84 %, 15 94.15 % (the published table): 15; no shrinkage.
        let plan = try Self.report(staffing: StaffingTargets(serviceLevel: 0.9, answerWithinSeconds: 20, shrinkage: 0)).staffing
        #expect(plan.channels.first?.cells.first?.agents == 15)
        #expect(plan.channels.first?.cells.first?.scheduled == 15)
    }

    @Test func noHandleTimeColumnIsNotMeasured() throws {
        let plan = try Self.report(mapped: ["opened_at", "channel"]).staffing
        #expect(plan.channels.isEmpty)
        #expect(plan.notMeasured == ["staffing: the export has no handle_time column, so the agents needed are not "
                                     + "computed (map a column to handle_time)"])
        let text = TextReportRenderer().render(try Self.report(mapped: ["opened_at", "channel"]))
        #expect(text.contains("map a column to handle_time"))
    }

    /// 400 calls of 180 s, none avoidable here; the catalog's figure is avoidable x AHT / 3,600.
    @Test func avoidableAgentHours() {
        var metrics = MetricSet(avoidable: 50, handleTimeMean: 288)
        #expect(MetricCatalog.avoidableAgentHours.value(of: metrics) == .real(4))
        metrics.handleTimeMean = nil
        #expect(MetricCatalog.avoidableAgentHours.value(of: metrics) == .real(nil))
    }

    @Test func everyFormatShowsThePlan() throws {
        let report = try Self.report()
        let text = TextReportRenderer().render(report)
        #expect(text.contains("Staffing: agents needed by hour and weekday (Europe/Helsinki)"))
        #expect(text.contains("14 / 20"))
        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"agents\": 14"))
        #expect(json.contains("\"scheduled\": 20"))
        let csv = CSVReportRenderer().render(report)
        #expect(csv.contains("staffing,channel_weekday_hour,phone-1-09,agents,14"))
        #expect(csv.contains("definitions,,,staffing.shrinkage,0.3"))
    }

    @Test func theConfigurationSectionIsRead() throws {
        let node = try ConfigurationParser.parse(
            #"{ "staffing": { "service_level": 0.9, "answer_within_seconds": 30, "shrinkage": 0.25 } }"#, file: "c.json")
        let staffing = try #require(try ContactStatConfiguration(node: node, file: "c.json").staffing)
        #expect(staffing == StaffingTargets(serviceLevel: 0.9, answerWithinSeconds: 30, shrinkage: 0.25))
        #expect(StaffingTargets() == StaffingTargets(serviceLevel: 0.8, answerWithinSeconds: 20, shrinkage: 0.3))
    }

    @Test(arguments: [
        (#"{ "staffing": { "service_level": 1 } }"#, "expected a share above 0 and below 1"),
        (#"{ "staffing": { "answer_within_seconds": 0 } }"#, "expected a number of seconds above 0"),
        (#"{ "staffing": { "shrinkage": 1 } }"#, "expected a share of at least 0 and below 1"),
        (#"{ "staffing": { "shrinkage": "lots" } }"#, "number"),
        (#"{ "staffing": { "service": 0.8 } }"#, "service"),
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
