import Foundation
import Testing

/// Call-detail records without a header row, through the binary: refused with a message naming the fitting
/// preset (exit 64), read with `--preset asterisk-cdr` / `freeswitch-cdr` or `--columns`, with figures
/// computed by hand from the files (Scripts/real-export-figures.py computes the same independently).
@Suite struct HeaderlessInputTests {
    static let asterisk = "Fixtures/real/asterisk-cdr-master.csv"
    static let freeswitch = "Fixtures/real/freeswitch-cdr-master.csv"
    /// Asterisk's Master.csv as cdr_custom's sample mapping writes it (19 columns, invented values).
    static let asteriskCustom = "Fixtures/input/asterisk-cdr-custom.csv"

    @Test func withoutAPresetTheFileIsRefusedAsHeaderless() throws {
        for command in [["report"], ["validate"], ["classify"], ["check", "--min-fcr", "0.5"], ["suggest"],
                        ["eval", "--gold", "disposition"]] {
            let output = try BinaryRunner.run(command + [Self.asterisk])
            #expect(output.status == 64, "\(command)")
            #expect(output.stdout.isEmpty, "\(command)")
            #expect(output.stderr.hasPrefix("contactstat: error: \(Self.asterisk):1: the file seems to have no header: "
                                            + "its first line holds values, not column names (21 fields: \"\",\"cust-a88d\","),
                    "\(command): \(output.stderr)")
            #expect(output.stderr.contains("its layout fits --preset asterisk-cdr, or name the columns with "
                                           + "--columns NAME,NAME,... (21 names)"), "\(command)")
        }
        let output = try BinaryRunner.run(["report", Self.freeswitch])
        #expect(output.status == 64)
        #expect(output.stderr.contains("(15 fields: \"Outbound Call\",\"1002\",\"&\",\"default\",\"2020/2/10 22:41\""))
        #expect(output.stderr.contains("its layout fits --preset freeswitch-cdr"))
    }

    @Test func asteriskPresetCountsCallsNotLegs() throws {
        let output = try BinaryRunner.run(["report", "-f", "json", "-q", "--preset", "asterisk-cdr", Self.asterisk])
        try #require(output.status == 0, "\(output.stderr)")
        let json = try ReportJSON(Data(output.stdout.utf8))
        // 84 legs, the first line among them; 36 distinct linkedids; 48 legs of the same calls dropped.
        #expect(json.int("input.rows_read") == 84)
        #expect(json.int("input.rows_rejected") == 0)
        #expect(json.int("input.duplicates_dropped") == 48)
        #expect(json.int("summary.contacts") == 36)
        #expect(json.value("range.from") as? String == "2024-01-27T15:07:24Z")
        #expect(json.value("range.to") as? String == "2024-01-28T12:36:51Z")
        let channels = json.value("channels") as? [[String: Any]] ?? []
        #expect(channels.map { $0["channel"] as? String } == ["phone"])
        #expect((channels.first?["contacts"] as? NSNumber)?.intValue == 36)
        // Handle time: each call's last leg's billsec, 386 s over 36 calls; no resolution (end is not mapped).
        #expect(abs((json.double("summary.handle_time.mean_seconds") ?? 0) - 386.0 / 36) < 0.01)
        #expect(json.value("summary.resolution_time.median_seconds") is NSNull)
    }

    @Test func asteriskPresetReadsCdrCustomsLayoutByItsValues() throws {
        // Refused without a preset, the fitting one named.
        let refused = try BinaryRunner.run(["report", Self.asteriskCustom])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("(19 fields: \"\"\"Ann\"\" <201>\",\"201\",\"300\""), "\(refused.stderr)")
        #expect(refused.stderr.contains("its layout fits --preset asterisk-cdr"))
        let output = try BinaryRunner.run(["report", "-f", "json", "-q", "--preset", "asterisk-cdr", Self.asteriskCustom])
        try #require(output.status == 0, "\(output.stderr)")
        let json = try ReportJSON(Data(output.stdout.utf8))
        // 4 rows, uniqueids 1709542805.1, 1709547300.3 (twice: the last row kept), 1709649000.5: 3 calls.
        #expect(json.int("input.rows_read") == 4)
        #expect(json.int("input.rows_rejected") == 0)
        #expect(json.int("input.duplicates_dropped") == 1)
        #expect(json.int("summary.contacts") == 3)
        // start is the 9th column (cdr_csv's 10th would be answer, 09:00:12 and an empty one).
        #expect(json.value("range.from") as? String == "2024-03-04T09:00:05Z")
        #expect(json.value("range.to") as? String == "2024-03-05T14:30:00Z")
        // billsec, the 13th column: 120, 60 (the kept row), 300 -> mean 160, median 120.
        #expect(json.double("summary.handle_time.mean_seconds") == 160)
        #expect(json.double("summary.handle_time.median_seconds") == 120)
        let validate = try BinaryRunner.run(["validate", "--preset", "asterisk-cdr", Self.asteriskCustom])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("csv (delimiter ,), 19 columns"))
        #expect(validate.stdout.contains("contact_id   <- \"uniqueid\"  (preset, 4 filled)"))
        #expect(validate.stdout.contains("customer     <- \"src\"  (preset, 4 filled)"))
    }

    @Test func freeswitchPresetCountsOneContactPerUUID() throws {
        let output = try BinaryRunner.run(["report", "-f", "json", "-q", "--preset", "freeswitch-cdr", Self.freeswitch])
        try #require(output.status == 0, "\(output.stderr)")
        let json = try ReportJSON(Data(output.stdout.utf8))
        // 10 rows, one call logged three times: 8 calls.
        #expect(json.int("input.rows_read") == 10)
        #expect(json.int("input.duplicates_dropped") == 2)
        #expect(json.int("summary.contacts") == 8)
        #expect(json.value("range.from") as? String == "2020-02-10T22:40:00Z")
        #expect(json.value("range.to") as? String == "2020-02-11T11:13:00Z")
        // billsec of the 8 calls: 9, 61, 0, 21, 327, 20, 32, 20 -> mean 490 / 8, median (20 + 21) / 2.
        #expect(json.double("summary.handle_time.mean_seconds") == 61.25)
        #expect(json.double("summary.handle_time.median_seconds") == 20.5)
    }

    @Test func columnsNameAHeaderlessFile() throws {
        // The user's own names, found by the built-in aliases ("call id", "opened"): the same 8 calls.
        let names = "caller,number,dest,context,opened,answered,ended,dur,talk time,cause,call id,bleg,account,rc,wc"
        let output = try BinaryRunner.run(["report", "-f", "json", "-q", "--columns", names, Self.freeswitch])
        try #require(output.status == 0, "\(output.stderr)")
        let json = try ReportJSON(Data(output.stdout.utf8))
        #expect(json.int("input.rows_read") == 10)
        #expect(json.int("summary.contacts") == 8)
        #expect(json.double("summary.handle_time.mean_seconds") == 61.25)
        // --columns wins over a preset's layouts.
        let both = try BinaryRunner.run(["report", "-f", "json", "-q", "--preset", "asterisk-cdr", "--columns", names,
                                         Self.freeswitch])
        #expect(both.status == 0, "\(both.stderr)")
    }

    @Test func aColumnCountThatDoesNotFitIsAUsageError() throws {
        let output = try BinaryRunner.run(["validate", "--columns", "a,b,c", Self.freeswitch])
        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("contactstat: error: \(Self.freeswitch):1: --columns names 3 columns, "
                                        + "but line 1 has 15 fields\n"))
        let preset = try BinaryRunner.run(["report", "--preset", "asterisk-cdr", Self.freeswitch])
        #expect(preset.status == 64)
        #expect(preset.stderr.hasPrefix("contactstat: error: \(Self.freeswitch):1: the asterisk-cdr preset reads "
                                        + "headerless files of 16, 17, 18, 19, 20 or 21 fields, but line 1 has 15 fields"))
        let empty = try BinaryRunner.run(["report", "--columns", "a,,b", Self.freeswitch])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("contactstat: error: --columns expects NAME,NAME,... with no empty name"))
    }

    @Test func validateShowsThePresetsColumnsAndCountsTheFirstLine() throws {
        let output = try BinaryRunner.run(["validate", "--preset", "asterisk-cdr", Self.asterisk])
        #expect(output.status == 0)
        #expect(output.stdout.contains("csv (delimiter ,), 21 columns"))
        #expect(output.stdout.contains("contact_id   <- \"linkedid\"  (preset, 84 filled)"))
        #expect(output.stdout.contains("rows read 84 = contacts 36 + rejected 0 + duplicates dropped 48"))
    }
}
