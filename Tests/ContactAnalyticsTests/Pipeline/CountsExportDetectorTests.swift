import Foundation
import Testing
@testable import ContactAnalytics

/// An export of daily counts is refused; a contact export with numeric columns is not.
@Suite struct CountsExportDetectorTests {
    static func records(_ rows: [[String]]) -> [RawRecord] {
        rows.enumerated().map { RawRecord(fields: $1, line: $0 + 2) }
    }

    static func finding(_ header: [String], _ rows: [[String]],
                        _ options: MappingOptions = MappingOptions()) throws -> CountsExportDetector.Finding? {
        let mapper = try MappingTestSupport.mapper(header, options)
        return CountsExportDetector().inspect(header: header, bindings: mapper.bindings, sample: Self.records(rows))
    }

    @Test func dailyCountsAreFound() throws {
        let header = ["date", "calls", "contacts_n", "offered", "answered", "abandoned", "aht", "service level"]
        let rows = [["2024-01-01", "120", "130", "125", "118", "7", "312", "0.81"],
                    ["2024-01-02", "98", "101", "100", "95", "5", "298", "0.85"],
                    ["2024-01-03", "1,143", "1,150", "1,149", "1,140", "9", "305", "0.79"]]
        let finding = try #require(try Self.finding(header, rows))
        // `aht` and `service level` are numbers but not counts; the date column is the day.
        #expect(finding.countColumns == ["calls", "contacts_n", "offered", "answered", "abandoned"])
        #expect(finding.dateColumn == "date")
    }

    @Test func intervalVolumesWithAChannelColumnAreFound() throws {
        let header = ["Interval start", "Channel", "Volume", "Tickets created", "Tickets solved"]
        let rows = [["2024-01-01 08:00", "Email", "40", "38", "35"], ["2024-01-01 08:30", "Chat", "12", "12", ""]]
        let finding = try #require(try Self.finding(header, rows, MappingOptions(explicit: [.openedAt: "Interval start"])))
        #expect(finding.countColumns == ["Volume", "Tickets created", "Tickets solved"])
    }

    @Test func aContactExportWithNumericColumnsIsNotACountsExport() throws {
        // The call-centre log: numeric `speed of answer in seconds`, `avgtalkduration`; `call id` is one call.
        let header = ["call id", "agent", "date", "time", "topic", "answered (Y/N)", "resolved",
                      "speed of answer in seconds", "avgtalkduration", "satisfaction rating"]
        let rows = [["ID0001", "Diane", "01-01-2021", "09:12:58", "Contract related", "Y", "Y", "109", "143", "3"],
                    ["ID0002", "Becky", "01-01-2021", "09:12:58", "Technical Support", "Y", "N", "70", "242", "3"]]
        #expect(try Self.finding(header, rows, MappingOptions(preset: .callCentre)) == nil)
        // Tickets with a count-like numeric column (`Agent replies`, `Replies count`) and a subject.
        let tickets = ["Created at", "Subject", "Replies count", "Total messages"]
        #expect(try Self.finding(tickets, [["2024-01-01T10:00:00Z", "Refund", "2", "5"]]) == nil)
    }

    @Test func countLikeNamesWithTextValuesAreNotCounts() throws {
        // `answered` holding Y/N is a flag, not a count.
        #expect(try Self.finding(["date", "answered", "abandoned"], [["2024-01-01", "Y", "N"]]) == nil)
    }

    @Test func mappingAContactFieldReadsTheFileAsContacts() throws {
        let header = ["date", "calls", "note"]
        let rows = [["2024-01-01", "3", "a"], ["2024-01-02", "4", "b"]]
        #expect(try Self.finding(header, rows) != nil)
        #expect(try Self.finding(header, rows, MappingOptions(explicit: [.subject: "note"])) == nil)
    }

    @Test func theErrorNamesTheColumnsAndIsADataError() {
        let error = CountsExportDetector().error(.init(countColumns: ["calls", "offered"], dateColumn: "date"),
                                                 file: "daily.csv")
        #expect(error.exitCode == 65)
        #expect(error.description.hasPrefix("daily.csv: this looks like an export of counts per 'date' "
                                            + "(daily or interval totals in 'calls', 'offered'), not of contacts: "
                                            + "contactstat needs one row per contact"))
    }

    @Test func aCountsFileWhoseDayColumnHasNoDateNameIsStillACountsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("weekly.csv").path
        try "week,tickets_created,tickets_solved\n2024-W01,40,38\n2024-W02,52,50\n".write(toFile: path, atomically: true, encoding: .utf8)
        var options = IngestOptions(files: [path])
        options.displayNames = [path: "weekly.csv"]
        do {
            _ = try ContactIngest.run(options) { _, _, _ in }
            Issue.record("a counts file was read as contacts")
        } catch let error as ContactStatError {
            #expect(error.kind == .dataFormat)
            #expect(error.message.hasPrefix("this looks like an export of counts (daily or interval totals in "
                                            + "'tickets_created', 'tickets_solved'), not of contacts"))
        }
        // A file with neither counts nor an opened_at column is still the usage error it was.
        try "week,owner\nW01,Ann\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ContactStatError.self) { _ = try ContactIngest.run(options) { _, _, _ in } }
        do {
            _ = try ContactIngest.run(options) { _, _, _ in }
        } catch let error as ContactStatError {
            #expect(error.kind == .usage)
            #expect(error.message.hasPrefix("no column gives opened_at"))
        }
    }

    @Test func theIngestRefusesACountsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("daily.csv").path
        try "date,contacts_n,abandoned\n2024-01-01,10,1\n2024-01-02,12,0\n".write(toFile: path, atomically: true, encoding: .utf8)
        var options = IngestOptions(files: [path])
        options.displayNames = [path: "daily.csv"]
        #expect(throws: ContactStatError(.dataFormat,
                                         CountsExportDetector().error(.init(countColumns: ["contacts_n", "abandoned"],
                                                                            dateColumn: "date"), file: "daily.csv").text,
                                         at: "daily.csv")) {
            _ = try ContactIngest.run(options) { _, _, _ in }
        }
    }

    /// A contact field filled (not blank) in at least half of the sample means contacts, wherever the filled
    /// values fall; blank values and records without the column do not count.
    @Test func aContactFieldFilledInHalfTheSampleMeansContacts() {
        func records(_ values: [String]) -> [RawRecord] { values.map { RawRecord(fields: ["2024-01-01", $0, "3"]) } }
        #expect(CountsExportDetector.isFilled(1, inHalfOf: records(["a", " ", "", "b"])))
        #expect(!CountsExportDetector.isFilled(1, inHalfOf: records(["a", " \t", "", "   "])))
        #expect(CountsExportDetector.isFilled(1, inHalfOf: records(["", "", "x", "y"])))
        #expect(!CountsExportDetector.isFilled(1, inHalfOf: records(["x", "", "", "", ""])))
        #expect(CountsExportDetector.isFilled(1, inHalfOf: records(["", "x", "", "y", "z"])))
        #expect(!CountsExportDetector.isFilled(5, inHalfOf: records(["a", "b"])))
        #expect(!CountsExportDetector.isFilled(1, inHalfOf: [RawRecord(fields: ["2024-01-01"]), RawRecord(fields: ["2024-01-02", "x"]),
                                                              RawRecord(fields: ["2024-01-03"])]))
        // Through the detector: a counts file with an id column filled in one record of three is still counts.
        let header = ["date", "contact_id", "calls"]
        let bindings: [CanonicalField: ColumnBinding] = [
            .openedAt: ColumnBinding(field: .openedAt, column: "date", index: 0, source: .alias),
            .contactID: ColumnBinding(field: .contactID, column: "contact_id", index: 1, source: .alias),
        ]
        let sample = [["2024-01-01", "", "10"], ["2024-01-02", "x", "12"], ["2024-01-03", " ", "9"]].map { RawRecord(fields: $0) }
        #expect(CountsExportDetector().inspect(header: header, bindings: bindings, sample: sample)
                == CountsExportDetector.Finding(countColumns: ["calls"], dateColumn: "date"))
        let contacts = [["2024-01-01", "a", "10"], ["2024-01-02", "", "12"], ["2024-01-03", "c", "9"]].map { RawRecord(fields: $0) }
        #expect(CountsExportDetector().inspect(header: header, bindings: bindings, sample: contacts) == nil)
    }
}
