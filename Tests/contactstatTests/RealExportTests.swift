import Foundation
import Testing

/// The real exports of `Fixtures/real/`, through the binary, against figures computed without contactstat.
///
/// Each export runs as a user would: `contactstat report -f json -q FLAGS FILE` with the flags recorded in
/// `expected.json` (most none or one `--preset`). An export whose `status` is "ok" must agree on every
/// figure; a "pending" one is recorded as a known issue (it may pass: the lead then flips it to "ok" with
/// `python3 Scripts/real-export-figures.py --check .build/debug/contactstat --update-status`).
@Suite struct RealExportTests {
    @Test func theCorpusHasEnoughExportsSystemsAndHoldouts() throws {
        let exports = RealExport.all
        #expect(exports.count >= 17, "Fixtures/real/expected.json missing or short")
        #expect(Set(exports.map(\.systemFamily)).count >= 12)
        let holdouts = exports.filter(\.holdout)
        #expect(holdouts.count == 4)
        #expect(Set(holdouts.map(\.systemFamily)).count == holdouts.count, "holdouts must be of different systems")
        for export in exports {
            #expect(FileManager.default.fileExists(atPath: BinaryRunner.fixture("real/" + export.file)), "\(export.file)")
            #expect(["ok", "pending"].contains(export.status), "\(export.id): status \(export.status)")
            #expect(export.figures.rows <= 500, "\(export.id): a fixture holds at most 500 records")
        }
    }

    @Test(arguments: RealExport.all)
    func figuresAgreeWithTheIndependentComputation(export: RealExport) throws {
        if export.status == "ok" {
            try check(export)
        } else {
            withKnownIssue("\(export.id) is pending (see Fixtures/real/README.md)", isIntermittent: true) {
                try check(export)
            }
        }
    }

    /// Runs the binary on `export` and compares every figure the JSON report carries.
    private func check(_ export: RealExport) throws {
        let arguments = ["report", "-f", "json", "-q"] + export.flags + [BinaryRunner.fixture("real/" + export.file)]
        let output = try BinaryRunner.run(arguments)
        try #require(output.status == 0, "\(export.id): exit \(output.status): \(output.stderr)")
        let report = try ReportJSON(output.stdoutBytes)
        let expected = export.figures

        #expect(report.int("input.rows_read") == expected.rows, "\(export.id): rows")
        #expect(report.int("summary.contacts") == expected.contacts, "\(export.id): contacts")

        var channels: [String: Int] = [:]
        for channel in report.objects("channels") {
            if let name = channel["channel"] as? String, let count = (channel["contacts"] as? NSNumber)?.intValue,
               count > 0 {
                channels[name] = count
            }
        }
        // Internal contacts: a channel "internal" in channels[], else a count under a key naming them.
        let counts = [report.value("input"), report.value("summary")].compactMap { $0 as? [String: Any] }
        let internalContacts = channels.removeValue(forKey: "internal")
            ?? counts.lazy.flatMap { $0 }.first { $0.key.contains("internal") && $0.value is NSNumber }
                .flatMap { ($0.value as? NSNumber)?.intValue } ?? 0
        #expect(channels == expected.channels, "\(export.id): contacts per channel")
        #expect(internalContacts == expected.internal, "\(export.id): internal contacts")

        // Wall-clock time in the export's own zone, to the second (the report adds the zone's offset).
        #expect(report.string("range.from").map { String($0.prefix(19)) } == expected.first_opened.map { String($0.prefix(19)) },
                "\(export.id): first opened")
        #expect(report.string("range.to").map { String($0.prefix(19)) } == expected.last_opened.map { String($0.prefix(19)) },
                "\(export.id): last opened")

        if let csat = expected.csat {
            let mean = try #require(report.double("summary.csat.mean"), "\(export.id): no CSAT mean")
            #expect(abs(mean - csat.mean) < 0.0005, "\(export.id): CSAT mean \(mean), expected \(csat.mean)")
            #expect(report.int("summary.csat.responses") == csat.responses, "\(export.id): CSAT responses")
        } else {
            #expect((report.int("summary.csat.responses") ?? 0) == 0, "\(export.id): CSAT responses")
        }

        let median = report.double("summary.resolution_time.median_seconds")
        if let expectedMedian = expected.resolution.median_seconds {
            let actual = try #require(median, "\(export.id): no resolution median")
            // Timestamps are read to the whole second: a median of durations with fractions is within 1 s.
            #expect(abs(actual - expectedMedian) < 1.0, "\(export.id): median resolution \(actual), expected \(expectedMedian)")
        } else {
            #expect(median == nil, "\(export.id): a resolution median where the export has none")
        }

        // The count of closes before opens: under whatever `input` key names it (issue 12, item 5).
        let input = report.value("input") as? [String: Any] ?? [:]
        let closedBefore = input.first { $0.key.contains("closed_before") }.flatMap { ($0.value as? NSNumber)?.intValue } ?? 0
        #expect(closedBefore == expected.resolution.closed_before_opened, "\(export.id): closed before opened")
    }
}
