import Foundation
import Testing

/// Arrivals and contacts outside opening hours through the binary, on the call-centre sample (500 calls,
/// 1-9 January 2021), against figures computed with DuckDB by `Scripts/arrivals-reference.py`
/// (`Fixtures/real/call-centre-trends-2021-arrivals.json`): every weekday-hour cell, the busiest three, the
/// evening and weekend counts, and the calls outside Mo-Fr 09:00-17:00 with Finnish holidays.
@Suite struct ArrivalsRealExportTests {
    static let file = "Fixtures/real/call-centre-trends-2021.csv"

    static func reference() throws -> [String: Any] {
        let url = BinaryRunner.packageRoot.appendingPathComponent("Fixtures/real/call-centre-trends-2021-arrivals.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// `[weekday, hour, contacts]` of each cell object.
    static func triples(_ cells: [[String: Any]]) -> [[Int]] {
        cells.map { cell in ["weekday", "hour", "contacts"].map { (cell[$0] as? NSNumber)?.intValue ?? -1 } }
    }

    @Test(arguments: ["1", "4"]) func arrivalsAndOutsideHoursMatchDuckDB(threads: String) throws {
        let expected = try Self.reference()
        let directory = try TemporaryDirectory()
        let configuration = directory.path("contactstat.json")
        try Data(#"{ "timezone": "Europe/Helsinki", "opening_hours": { "all": "Mo-Fr 09:00-17:00" }, "holidays": { "country": "FI" } }"#
            .utf8).write(to: URL(fileURLWithPath: configuration))
        let result = try BinaryRunner.run(["report", "-f", "json", "--config", configuration, "--preset", "call-centre",
                                           "--threads", threads, Self.file])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try ReportJSON(result.stdoutBytes)
        #expect(report.int("arrivals.contacts") == expected["contacts"] as? Int)
        #expect(report.string("arrivals.timezone") == "Europe/Helsinki")
        let cells = Self.triples(report.objects("arrivals.cells"))
        #expect(cells == Self.triples((expected["cells"] as? [[String: Any]]) ?? []))
        #expect(cells.count == 64)
        #expect(Self.triples(report.objects("arrivals.busiest"))
                == Self.triples((expected["busiest"] as? [[String: Any]]) ?? []))
        #expect(report.int("arrivals.evening.contacts") == expected["evening"] as? Int)
        #expect(report.int("arrivals.weekend.contacts") == expected["weekend"] as? Int)
        #expect(report.double("arrivals.weekend.share") == 0.344)
        #expect(report.int("summary.outside_hours") == expected["outside_hours"] as? Int)
        #expect(report.int("summary.outside_hours_holiday") == expected["outside_hours_holiday"] as? Int)
        #expect(report.int("summary.opening_hours_contacts") == 500)
        #expect(report.double("summary.outside_hours_rate") == 0.628)
        // Every call is phone: the channel row carries the same figures.
        let phone = report.objects("channels").first { $0["channel"] as? String == "phone" }
        #expect((phone?["outside_hours"] as? NSNumber)?.intValue == expected["outside_hours"] as? Int)
        // No closed_at in this export: neither clock has a value.
        #expect(report.isNull("summary.business_resolution_time_median_seconds"))
        #expect(report.isNull("summary.resolution_time.p90_seconds"))
        #expect(report.value("definitions.opening_hours") as? [String: String] == ["all": "Mo-Fr 09:00-17:00"])
    }

    /// A bad opening-hours spec stops the run with its place in the file and in the spec.
    @Test func aBadSpecIsALocatedError() throws {
        let directory = try TemporaryDirectory()
        let configuration = directory.path("contactstat.json")
        try Data("{\n  \"opening_hours\": { \"phone\": \"Mo-Fr 08:00-1800\" }\n}\n".utf8)
            .write(to: URL(fileURLWithPath: configuration))
        let result = try BinaryRunner.run(["report", "--config", configuration, Self.file])
        #expect(result.status != 0)
        #expect(result.stderr.contains("contactstat.json:2:31: opening_hours.phone: 'Mo-Fr 08:00-1800', character 13: "
                                       + "expected a time such as 08:00 (hours:minutes)"), "\(result.stderr)")
    }
}
