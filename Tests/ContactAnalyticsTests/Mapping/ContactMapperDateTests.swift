import Foundation
import Testing
@testable import ContactAnalytics

/// Dates in `ContactMapper`: a date column completed by a time column, and the day/month order decided from
/// the records observed before mapping.
@Suite struct ContactMapperDateTests {
    /// `date` -> opened_at, `time` -> opened_time, `Closed at` -> closed_at (all by alias).
    static let dateTimeHeader = ["date", "time", "Closed at"]

    @Test(arguments: [
        // (date, time, opened_at, time column counted)
        // 2021-01-01T09:12:58Z = 1 609 459 200 + 9 * 3 600 + 12 * 60 + 58 = 1 609 492 378.
        ("2021-01-01", "09:12:58", EpochSeconds(1_609_492_378), true),
        ("01-01-2021", "9:12:58", 1_609_492_378, true),
        ("2021-01-01", " 09:12:58 ", 1_609_492_378, true),
        // 09:12 without seconds: 1 609 459 200 + 33 120.
        ("2021-01-01", "09:12", 1_609_492_320, true),
        // An empty time column: the date alone, local midnight.
        ("2021-01-01", "", 1_609_459_200, false),
        // A date column that already has a time and an empty time column: the date's own time.
        // 2021-01-01T10:00:00Z = 1 609 459 200 + 36 000.
        ("2021-01-01 10:00:00", "", 1_609_495_200, false),
        // A spreadsheet's date column at midnight, completed by the time column.
        ("2021-01-01 00:00:00", "09:12:58", 1_609_492_378, true),
        // An offset on the time applies to the combination: 11:12:58+02:00 is 09:12:58Z.
        ("2021-01-01", "11:12:58+02:00", 1_609_492_378, true),
    ])
    func dateAndTimeColumnsCombine(date: String, time: String, opened: EpochSeconds, timeCounted: Bool) throws {
        var mapper = try MappingTestSupport.mapper(Self.dateTimeHeader)
        #expect(mapper.bindings[.openedTime] == ColumnBinding(field: .openedTime, column: "time", index: 1,
                                                              source: .alias))
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, [date, time, ""])
        #expect(MappingTestSupport.contact(outcome)?.openedAt == opened)
        #expect(diagnostics.isEmpty)
        #expect(mapper.filledCounts[.openedAt] == 1)
        #expect(mapper.filledCounts[.openedTime] == (timeCounted ? 1 : nil))
    }

    @Test func timeColumnWinsOverTheTimeInTheDateColumn() throws {
        // `TimestampParser.parse(date:time:)` ignores a time inside the date when a time column has a value.
        var mapper = try MappingTestSupport.mapper(Self.dateTimeHeader)
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2021-01-01 10:00:00", "09:12:58", ""])
        #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_609_492_378)
    }

    @Test func closedTimeColumnCompletesClosedAt() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "Closed at", "Closed time"])
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2021-01-01 09:00", "2021-01-01", "10:00:00"])
        // Opened 1 609 459 200 + 32 400; closed 1 609 459 200 + 36 000.
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.openedAt == 1_609_491_600)
        #expect(contact.closedAt == 1_609_495_200)
        #expect(mapper.filledCounts[.closedTime] == 1)
    }

    @Test func unreadableTimeColumnIsReported() throws {
        var mapper = try MappingTestSupport.mapper(Self.dateTimeHeader)
        let (outcome, diagnostics) = MappingTestSupport.map(&mapper, ["2021-01-01", "half past nine", ""], line: 9)
        // The date alone is kept (midnight) ...
        #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_609_459_200)
        // ... and the time that could not be read does not vanish silently: it is a field warning.
        #expect(diagnostics.count(kind: "unreadable-opened_time") == 1)
    }

    // MARK: Day/month order

    /// `Created at` -> opened_at, `Closed at` -> closed_at.
    static let header = ["Created at", "Closed at"]

    struct OrderCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// Observed (opened_at, closed_at) values.
        var observed: [(String, String)]
        var forced: DayMonthOrder?
        var order: DayMonthOrder
        var how: String
        /// What `03/04/2021` is read as.
        var mapped: EpochSeconds
        var testDescription: String { name }
    }

    /// 2021-04-03T00:00Z = 1 617 408 000 (day-first); 2021-03-04T00:00Z = 1 614 816 000 (month-first).
    static let orderCases: [OrderCase] = [
        OrderCase(name: "day above 12", observed: [("13/01/2021", ""), ("03/04/2021", "")], forced: nil,
                  order: .dayFirst, how: "a day above 12", mapped: 1_617_408_000),
        OrderCase(name: "second part above 12", observed: [("01/13/2021", ""), ("03/04/2021", "")], forced: nil,
                  order: .monthFirst, how: "a month-first value with a second part above 12", mapped: 1_614_816_000),
        // The closed_at column is evidence too.
        OrderCase(name: "evidence in closed_at", observed: [("03/04/2021", "03/14/2021")], forced: nil,
                  order: .monthFirst, how: "a month-first value with a second part above 12", mapped: 1_614_816_000),
        // Nothing settles it: slashes without AM/PM default to day-first.
        OrderCase(name: "unsettled", observed: [("03/04/2021", ""), ("2021-01-05", "")], forced: nil,
                  order: .dayFirst, how: "default: no value settled the order", mapped: 1_617_408_000),
        // The configured order wins over the evidence.
        OrderCase(name: "forced month-first", observed: [("13/01/2021", ""), ("14/01/2021", "")],
                  forced: .monthFirst, order: .monthFirst, how: "configured", mapped: 1_614_816_000),
        OrderCase(name: "forced day-first", observed: [("01/13/2021", "")], forced: .dayFirst, order: .dayFirst,
                  how: "configured", mapped: 1_617_408_000),
    ]

    @Test(arguments: orderCases)
    func dayMonthOrderFromObservedRecords(_ testCase: OrderCase) throws {
        var mapper = try MappingTestSupport.mapper(Self.header, MappingOptions(dayMonthOrder: testCase.forced))
        for (opened, closed) in testCase.observed { mapper.observe(RawRecord(fields: [opened, closed])) }
        #expect(mapper.decideDateOrder().isEmpty)
        #expect(mapper.dateOrders[.openedAt]?.order == testCase.order)
        #expect(mapper.dateOrders[.openedAt]?.how == testCase.how)
        #expect(mapper.dateOrders[.closedAt]?.order == testCase.order)
        let (outcome, _) = MappingTestSupport.map(&mapper, ["03/04/2021", "03/04/2021"])
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.openedAt == testCase.mapped)
        #expect(contact.closedAt == testCase.mapped)
        // A value that reads only one way is read that way when the order comes from the data (13 January
        // 2021 = 1 610 496 000); a forced order is never reversed (see `aForcedOrderIsNeverReversed`).
        guard testCase.forced == nil else { return }
        let (unambiguous, _) = MappingTestSupport.map(&mapper, ["13/01/2021", "01/13/2021"])
        #expect(MappingTestSupport.contact(unambiguous)?.openedAt == 1_610_496_000)
        #expect(MappingTestSupport.contact(unambiguous)?.closedAt == 1_610_496_000)
    }

    /// `22-04-2015` cannot be month-first: with month-first forced it is unreadable, located like any bad
    /// value (a rejected record in opened_at, a field warning in closed_at), and never read day-first.
    @Test func aForcedOrderIsNeverReversed() throws {
        var mapper = try MappingTestSupport.mapper(Self.header, MappingOptions(dayMonthOrder: .monthFirst))
        mapper.observe(RawRecord(fields: ["22-04-2015", ""]))
        #expect(mapper.decideDateOrder().isEmpty)
        let (rejected, _) = MappingTestSupport.map(&mapper, ["22-04-2015 10:15", ""], line: 7)
        #expect(rejected == .rejected(reason: "opened_at '22-04-2015 10:15' is not a month-first date (set with "
                                          + "\(setting: .dayMonthOrder) or the configuration; the data says otherwise)",
                                      column: "Created at"))
        // 2015-04-21T00:00Z = 1 429 574 400 (04-21 month-first); closed_at 22-04-2015 is a warning, left empty.
        let (outcome, log) = MappingTestSupport.map(&mapper, ["04-21-2015", "22-04-2015"], line: 8)
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.openedAt == 1_429_574_400)
        #expect(contact.closedAt == nil)
        #expect(MappingTestSupport.all(log) == [
            Diagnostic(.warning, kind: "unreadable-closed_at", at: ContactAnalytics.SourceLocation(file: "test.csv", line: 8),
                       column: "Closed at", message: "closed_at '22-04-2015' is not a month-first date (set with "
                           + "\(setting: .dayMonthOrder) or the configuration; the data says otherwise); left empty"),
        ])
        // A value that is no date in either order stays "not a readable timestamp".
        let (nonsense, _) = MappingTestSupport.map(&mapper, ["31-31-2015", ""])
        #expect(nonsense == .rejected(reason: "opened_at '31-31-2015' is not a readable timestamp", column: "Created at"))
    }

    @Test func aPresetsForcedOrderIsNamedAsThePresets() throws {
        let preset = ExportPreset(name: "us-desk", summary: "test", mapping: [.openedAt: ["Opened"]],
                                  dayMonthOrder: .monthFirst)
        var mapper = try MappingTestSupport.mapper(["Opened"], MappingOptions(preset: preset))
        let (rejected, _) = MappingTestSupport.map(&mapper, ["13/01/2021"])
        #expect(rejected == .rejected(reason: "opened_at '13/01/2021' is not a month-first date (the preset's order; "
                                          + "the data says otherwise)", column: "Opened"))
    }

    @Test func conflictingEvidenceGivesOneWarningAndFollowsTheMajority() throws {
        var mapper = try MappingTestSupport.mapper(Self.header)
        for value in ["13/01/2021", "14/01/2021", "01/13/2021", "03/04/2021"] {
            mapper.observe(RawRecord(fields: [value, ""]))
        }
        let diagnostics = mapper.decideDateOrder()
        #expect(diagnostics == [
            Diagnostic(.warning, kind: "date-order", at: ContactAnalytics.SourceLocation(file: "test.csv", line: 0), column: "Created at",
                       message: "dates are written both day-first (2) and month-first (1); reading them day-first"),
        ])
        #expect(mapper.dateOrders[.openedAt]?.order == .dayFirst)
        #expect(mapper.dateOrders[.openedAt]?.how == "majority of conflicting values")
        let (outcome, _) = MappingTestSupport.map(&mapper, ["03/04/2021", ""])
        #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_617_408_000)
    }

    @Test func conflictingMonthFirstMajority() throws {
        var mapper = try MappingTestSupport.mapper(Self.header)
        for (opened, closed) in [("01/13/2021", "01/14/2021"), ("13/01/2021", "")] {
            mapper.observe(RawRecord(fields: [opened, closed]))
        }
        #expect(mapper.decideDateOrder().map(\.message)
                == ["dates are written both day-first (1) and month-first (2); reading them month-first"])
        let (outcome, _) = MappingTestSupport.map(&mapper, ["03/04/2021", ""])
        #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_614_816_000)
    }

    @Test func presetOrderIsUsedAndNamed() throws {
        let preset = ExportPreset(name: "us-desk", summary: "test", mapping: [.openedAt: ["Opened"]],
                                  dayMonthOrder: .monthFirst)
        var mapper = try MappingTestSupport.mapper(["Opened"], MappingOptions(preset: preset))
        mapper.observe(RawRecord(fields: ["01/13/2021"]))
        #expect(mapper.decideDateOrder().isEmpty)
        #expect(mapper.dateOrders[.openedAt]?.how == "preset")
        let (outcome, _) = MappingTestSupport.map(&mapper, ["03/04/2021"])
        #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_614_816_000)
        // The configured order wins over the preset's.
        var configured = try MappingTestSupport.mapper(["Opened"], MappingOptions(preset: preset, dayMonthOrder: .dayFirst))
        configured.observe(RawRecord(fields: ["03/04/2021"]))
        #expect(configured.decideDateOrder().isEmpty)
        #expect(configured.dateOrders[.openedAt]?.how == "configured")
        let (dayFirst, _) = MappingTestSupport.map(&configured, ["03/04/2021"])
        #expect(MappingTestSupport.contact(dayFirst)?.openedAt == 1_617_408_000)
    }

    @Test func timeZoneAppliesToValuesWithoutAnOffset() throws {
        let helsinki = try #require(TimeZone(identifier: "Europe/Helsinki"))
        var mapper = try MappingTestSupport.mapper(Self.header, MappingOptions(timeZone: helsinki))
        // 2021-01-01 12:00 in Helsinki (UTC+2 in winter) is 10:00Z = 1 609 495 200; an explicit Z stays as is.
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2021-01-01 12:00", "2021-01-01T12:00:00Z"])
        let contact = try #require(MappingTestSupport.contact(outcome))
        #expect(contact.openedAt == 1_609_495_200)
        #expect(contact.closedAt == 1_609_502_400)
    }

    /// Issue 20.4: ISO timestamps have no day/month order to tell; a forced order is not mentioned either
    /// when no value is a day/month date. One `03/04/2026` is enough to say how it was read.
    @Test func theOrderIsDecidedOnlyWhenSomeValueIsADayMonthDate() throws {
        for forced in [nil, DayMonthOrder.monthFirst] {
            var iso = try MappingTestSupport.mapper(Self.header, MappingOptions(dayMonthOrder: forced))
            for value in ["2026-04-03T09:00:00Z", "2026-04-04 10:00", "1775206800"] {
                iso.observe(RawRecord(fields: [value, value]))
            }
            #expect(iso.decideDateOrder().isEmpty)
            #expect(iso.dateOrders.isEmpty)
            var mixed = try MappingTestSupport.mapper(Self.header, MappingOptions(dayMonthOrder: forced))
            mixed.observe(RawRecord(fields: ["2026-04-03T09:00:00Z", "03/04/2026"]))
            #expect(mixed.decideDateOrder().isEmpty)
            #expect(mixed.dateOrders[.openedAt]?.order == forced ?? .dayFirst)
            #expect(mixed.dateOrders[.openedAt]?.how == (forced == nil ? "default: no value settled the order" : "configured"))
        }
    }

    /// Issue 12: a month-first export re-saved day-first by a spreadsheet (`22-04-15`, but `04-08-15` is
    /// 8 April): the ambiguous values are read month-first, the others day-first, with one warning.
    @Test func aColumnThatMixesOrdersReadsItsAmbiguousValuesTheOtherWay() throws {
        var mapper = try MappingTestSupport.mapper(Self.header)
        let values = DayMonthOrderEvidenceTests.resavedMonthFirst(DayMonthOrderEvidenceTests.days(from: (2015, 4, 1), count: 91))
        for (offset, value) in values.enumerated() { mapper.observe(RawRecord(fields: [value, ""], line: offset + 2)) }
        let diagnostics = mapper.decideDateOrder()
        #expect(diagnostics == [
            Diagnostic(.warning, kind: "date-order-mixed", at: ContactAnalytics.SourceLocation(file: "test.csv", line: 2),
                       column: "Created at",
                       message: "dates mix orders, as a spreadsheet re-save leaves them: 55 values can only be read "
                           + "day-first, but the 36 ambiguous ones (such as '04-01-15') fall in the same months "
                           + "(2015-04 to 2015-06) only when read month-first; read 36 ambiguous values in the first "
                           + "91 records month-first and the rest the one way they can be read. If that is wrong, "
                           + "force one order with \(setting: .dayMonthOrder) day-first or month-first"),
        ])
        #expect(mapper.dateOrders[.openedAt]?.order == .dayFirst)
        #expect(mapper.dateOrders[.openedAt]?.how
                == "a day above 12; 36 ambiguous values read month-first: the column mixes orders")
        // 2015-04-08T00:00Z = 1 428 451 200; 2015-04-22 = 1 429 660 800; closed_at is read the same way.
        let (ambiguous, _) = MappingTestSupport.map(&mapper, ["04-08-15", "04-08-15"])
        #expect(MappingTestSupport.contact(ambiguous)?.openedAt == 1_428_451_200)
        #expect(MappingTestSupport.contact(ambiguous)?.closedAt == 1_428_451_200)
        let (proving, _) = MappingTestSupport.map(&mapper, ["22-04-15", ""])
        #expect(MappingTestSupport.contact(proving)?.openedAt == 1_429_660_800)
    }

    /// A forced order (flag, configuration or preset) is never overridden by the mixed-order rule.
    @Test func aForcedOrderIsKeptOnAMixedColumn() throws {
        let values = DayMonthOrderEvidenceTests.resavedMonthFirst(DayMonthOrderEvidenceTests.days(from: (2015, 4, 1), count: 91))
        let preset = ExportPreset(name: "eu-desk", summary: "test", mapping: [.openedAt: ["Created at"]],
                                  dayMonthOrder: .dayFirst)
        for (options, how) in [(MappingOptions(dayMonthOrder: .dayFirst), "configured"), (MappingOptions(preset: preset), "preset")] {
            var mapper = try MappingTestSupport.mapper(Self.header, options)
            for value in values { mapper.observe(RawRecord(fields: [value, ""])) }
            #expect(mapper.decideDateOrder().isEmpty)
            #expect(mapper.dateOrders[.openedAt]?.order == .dayFirst)
            #expect(mapper.dateOrders[.openedAt]?.how == how)
            // 4 August 2015 = 1 438 646 400.
            let (outcome, _) = MappingTestSupport.map(&mapper, ["04-08-15", ""])
            #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_438_646_400)
        }
    }
}
