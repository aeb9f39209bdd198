import Foundation
import Testing
@testable import ContactAnalytics

/// The volume file of `report --per`: its numbers (thousands separators and decimal marks only when
/// unambiguous), its periods (labels and dates inside the period), and the rates by hand.
@Suite struct UnitVolumesTests {
    @Test(arguments: [
        ("1234", 1234.0), ("12 345", 12345), ("12'345", 12345), ("1_000", 1000), ("1,234,567", 1_234_567),
        ("1.234.567", 1_234_567), ("1,234.5", 1234.5), ("1.234,5", 1234.5), ("12,5", 12.5), ("0,125", 0.125),
        ("0.125", 0.125), ("12.50", 12.5), ("1234,567", 1234.567), ("0", 0), ("1 234,56", 1234.56),
    ])
    func numbers(text: String, value: Double) {
        #expect(UnitCount.parse(text) == .value(value), "\(text)")
    }

    @Test(arguments: ["1,234", "1.234", "12,345", "999.000"])
    func aLoneSeparatorBeforeThreeDigitsIsAmbiguous(text: String) {
        guard case .problem(let problem) = UnitCount.parse(text) else {
            Issue.record("\(text) was read")
            return
        }
        #expect(problem.hasPrefix("is ambiguous"))
    }

    @Test(arguments: ["12x", "-5", "EUR 5", "1,234.5.6", "1,2,3", ".", ""])
    func notANumber(text: String) {
        guard case .problem = UnitCount.parse(text) else {
            Issue.record("\(text) was read")
            return
        }
    }

    @Test func periodsAreLabelsOrDatesInside() {
        let monday = Int32(CivilDate(year: 2026, month: 1, day: 12).daysSinceEpoch)
        #expect(PeriodLabel.key(of: "2026-W03", granularity: .week) == monday)
        #expect(PeriodLabel.key(of: "2026-w03", granularity: .week) == monday)
        #expect(PeriodLabel.key(of: "2026-01-12", granularity: .week) == monday)
        #expect(PeriodLabel.key(of: "2026-01-18", granularity: .week) == monday)   // its Sunday
        #expect(PeriodLabel.key(of: "2026-01-19", granularity: .week) == monday + 7)
        // ISO week 1 of 2026 starts on Monday 2025-12-29; 2026 has 53 weeks, 2025 does not.
        #expect(PeriodLabel.key(of: "2026-W01", granularity: .week) == Int32(CivilDate(year: 2025, month: 12, day: 29).daysSinceEpoch))
        #expect(PeriodLabel.key(of: "2026-W53", granularity: .week) == Int32(CivilDate(year: 2026, month: 12, day: 28).daysSinceEpoch))
        #expect(PeriodLabel.key(of: "2025-W53", granularity: .week) == nil)
        #expect(PeriodLabel.key(of: "2026-W00", granularity: .week) == nil)
        let march = Int32(CivilDate(year: 2026, month: 3, day: 1).daysSinceEpoch)
        #expect(PeriodLabel.key(of: "2026-03", granularity: .month) == march)
        #expect(PeriodLabel.key(of: "2026-03-31", granularity: .month) == march)
        #expect(PeriodLabel.key(of: "2026-13", granularity: .month) == nil)
        #expect(PeriodLabel.key(of: "2026-W10", granularity: .month) == nil)
        #expect(PeriodLabel.key(of: "2026-02-29", granularity: .day) == nil)
        #expect(PeriodLabel.key(of: "2026-03", granularity: .day) == nil)
        #expect(PeriodLabel.key(of: "2026-03-05", granularity: .day) == Int32(CivilDate(year: 2026, month: 3, day: 5).daysSinceEpoch))
    }

    /// Text after the closing quote of a quoted field (`"12"3`, which a contact export's reading keeps as `123`
    /// with a warning) is refused in the volume file, at the quote that closed the field, in a row or the header.
    @Test(arguments: [
        ("week,orders\n2026-W03,\"12\"3\n", "v.csv:2:13"),
        ("week,orders\n2026-W02,5\n2026-W03,\"He \"12\"\n", "v.csv:3:14"),
        ("\"week\"x,orders\n2026-W03,12\n", "v.csv:1:6"),
    ])
    func textAfterAClosingQuoteIsRefused(text: String, location: String) {
        do {
            _ = try UnitVolumes.parse(source: ByteChunkSource(bytes: Array(text.utf8), name: "v.csv"), granularity: .week)
            Issue.record("read \(text)")
        } catch let error as ContactStatError {
            #expect(error.kind == .usage)
            #expect(error.location == location)
            #expect(error.message.hasPrefix("text after the closing quote of a quoted field"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func readsAFileWithLabelsDatesAndEmptyValues() throws {
        let text = "\u{FEFF}Week;orders;customers\r\n2026-W03;\"1 200\";\r\n2026-01-19;1.234,5;0\r\n\r\n"
        let volumes = try UnitVolumes.parse(source: ByteChunkSource(bytes: Array(text.utf8), name: "v.csv"), granularity: .week)
        #expect(volumes.units == ["orders", "customers"])
        #expect(volumes.rows.map(\.period) == ["2026-W03", "2026-W04"])
        #expect(volumes.rows.map(\.values) == [[1200, nil], [1234.5, 0]])
        #expect(volumes.rows.map(\.line) == [2, 3])
    }
}
