import Foundation
import Testing
@testable import ContactAnalytics

/// A header row made of values (a file without a header) is told from real column names, and the refusal
/// names the preset whose layout fits.
@Suite struct HeaderRowCheckTests {
    /// The first lines of the two call-detail-record fixtures, as a CSV reader returns them.
    static let asteriskFirstLine = [
        "", "cust-a88d", "211474", "stadion-pstn", "\"cust-a88d\" <cust-a88d>", "SIP/211474-00000000", "", "Hangup",
        "", "2024-01-27 15:07:24", "2024-01-27 15:07:24", "2024-01-27 15:07:51", "27", "27", "ANSWERED",
        "DOCUMENTATION", "1706368044.0", "", "", "1706368044.0", "0",
    ]
    static let freeswitchFirstLine = [
        "Outbound Call", "1002", "&", "default", "2020/2/10 22:41", "2020/2/10 22:41", "2020/2/10 22:41", "11", "9",
        "NORMAL_CLEARING", "d80e22e0-4c15-11ea-97a0-9dd79410affb", "", "1002", "PCMU", "PCMU",
    ]

    @Test func callDetailRecordsLookLikeData() {
        #expect(HeaderRowCheck.looksLikeData(Self.asteriskFirstLine))
        #expect(HeaderRowCheck.looksLikeData(Self.freeswitchFirstLine))
        // Numbers, ISO times with letters in them, phone numbers, UUIDs.
        #expect(HeaderRowCheck.looksLikeData(["2024-05-27T02:08:51Z", "+358 40 123 4567", "open"]))
        #expect(HeaderRowCheck.looksLikeData(["123e4567-e89b-12d3-a456-426614174000", "42", "x"]))
        // A pivot of years is refused too: it is not a contact export either.
        #expect(HeaderRowCheck.looksLikeData(["Region", "2019", "2020", "2021"]))
    }

    @Test func columnNamesDoNotLookLikeData() {
        #expect(!HeaderRowCheck.looksLikeData(["Ticket ID", "Created at", "Status"]))
        // Trailing empty names (a spreadsheet's) and names with digits are names.
        #expect(!HeaderRowCheck.looksLikeData(["call id", "date", "time", "", ""]))
        #expect(!HeaderRowCheck.looksLikeData(["Q1 2020", "Q2 2020", "field_3", "id"]))
        // One number alone is not enough, nor a single column.
        #expect(!HeaderRowCheck.looksLikeData(["id", "2024"]))
        #expect(!HeaderRowCheck.looksLikeData(["2024-01-01"]))
        #expect(!HeaderRowCheck.looksLikeData(["", "", "name"]))
    }

    /// Every header-row CSV fixture in the repository has a header that reads as names.
    @Test func noFixtureHeaderLooksLikeData() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
        let headerless: Set<String> = ["asterisk-cdr-master.csv", "asterisk-cdr-pjsip-lab.csv", "freeswitch-cdr-master.csv",
                                      "asterisk-cdr-custom.csv"]
        var checked = 0
        for folder in ["input", "presets", "real", "classification", "e2e"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name.hasSuffix(".csv") && !headerless.contains(name) {
                let path = directory.appendingPathComponent(name).path
                guard let reader = try? CSVReader(source: ByteChunkSource(path: path)) else { continue }
                #expect(!HeaderRowCheck.looksLikeData(reader.header), "\(folder)/\(name): \(reader.header)")
                checked += 1
            }
        }
        #expect(checked >= 15)
    }

    @Test func thePresetWhoseLayoutFitsIsNamed() {
        #expect(HeaderRowCheck.fittingPresets(for: Self.asteriskFirstLine).map(\.name) == ["asterisk-cdr"])
        #expect(HeaderRowCheck.fittingPresets(for: Self.freeswitchFirstLine).map(\.name) == ["freeswitch-cdr"])
        // The right count but no time where the layout has its start: no preset fits.
        var noTime = Self.asteriskFirstLine
        noTime[9] = "Hangup"
        #expect(HeaderRowCheck.fittingPresets(for: noTime).isEmpty)
        #expect(HeaderRowCheck.fittingPresets(for: Array(Self.asteriskFirstLine.prefix(14))).isEmpty)
        // cdr_custom's 19 columns, an unanswered call: its start (the 9th) is what is read, not cdr_csv's (the
        // 10th, here the empty answer).
        var custom = ExportPresetTests.cdrCustomLine
        custom[9] = ""
        #expect(HeaderRowCheck.fittingPresets(for: custom).map(\.name) == ["asterisk-cdr"])
        #expect(HeaderRowCheck.looksLikeData(custom))
    }

    @Test func theRefusalShowsTheFirstLineAndWhatToAdd() {
        let error = HeaderRowCheck.refusal(values: Self.freeswitchFirstLine, file: "Master.csv", line: 1)
        #expect(error == ContactStatError(
            .usage, "the file seems to have no header: its first line holds values, not column names (15 fields: "
                + "\"Outbound Call\",\"1002\",\"&\",\"default\",\"2020/2/10 22:41\",\"2020/2/10 22:41\","
                + "\"2020/2/10 22:41\",\"11\",...); its layout fits \(setting: .preset) freeswitch-cdr, or name the columns with "
                + "\(setting: .columns) NAME,NAME,... (15 names)", at: "Master.csv:1"))
        #expect(error.exitCode == 64)
        // No fitting preset: only --columns is suggested; quotes inside a value are doubled, as CSV writes them.
        let other = HeaderRowCheck.refusal(values: ["\"Ann\" <201>", "5", "7"], file: "x.csv", line: 3)
        #expect(other.text == "the file seems to have no header: its first line holds values, not column names "
                + "(3 fields: \"\"\"Ann\"\" <201>\",\"5\",\"7\"); name the columns with \(setting: .columns) NAME,NAME,... (3 names)")
        #expect(other.location == "x.csv:3")
    }
}
