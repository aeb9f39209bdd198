import Foundation
import Testing

/// `contactstat sql` and `classify --canonical`: the golden script of every dialect for a configuration with
/// every kind of rule (`Fixtures/e2e/sql/`), the canonical export's columns hand-checked, and the errors. The
/// scripts are run in DuckDB and PostgreSQL by `Scripts/sql-check.sh`, outside `swift test` (CI has neither).
@Suite struct SQLCommandTests {
    static let config = "Fixtures/e2e/sql/sample-config.json"
    static let options = ["--config", config, "--since", "2026-01-05", "--until", "2026-03-01", "--scope", "any",
                          "--window", "3d", "--period", "month"]

    @Test(arguments: ["duckdb", "spark", "trino", "bigquery", "postgres"])
    func scriptMatchesItsGoldenFile(dialect: String) throws {
        let result = try BinaryRunner.run(["sql", "--dialect", dialect] + Self.options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        GoldenFile.check(result.stdout, against: "sql/\(dialect).sql")
    }

    @Test func scriptCompilesTheConfigurationIn() throws {
        let script = try BinaryRunner.run(["sql"] + Self.options).stdout
        // 3 days, scope any: the window partitions by customer only.
        #expect(script.contains("f.opened_at - f.previous_at <= 259200"))
        #expect(script.contains("PARTITION BY c.customer ORDER BY c.opened_at, c.input_order"))
        // --since 2026-01-05 and --until 2026-03-01 (end of that day) in Europe/Helsinki (UTC+2 in winter).
        #expect(script.contains("c.opened_at >= 1767564000 AND c.opened_at < 1772402400"))
        #expect(script.contains("TIMEZONE('Europe/Helsinki', TO_TIMESTAMP(c.opened_at))"))
        #expect(script.contains("DATE_TRUNC('month'"))
        // CSAT 0-10 satisfied at 9; phone costs 2.5 + 1.1 / min, 4 min by default.
        #expect(script.contains(">= CAST(9 AS DOUBLE)"))
        #expect(script.contains("WHEN 'phone' THEN CAST(2.5 AS DOUBLE) + CAST(1.1 AS DOUBLE) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE), CAST(4 AS DOUBLE))"))
        // The rule naming an export column is left out, and says so.
        #expect(script.contains("-- Configuration compiled in:"))
        #expect(script.contains("left out (names an export column the canonical table lacks): billing/invoice"))
        // Every section, in order.
        let sections = script.split(separator: "\n").filter { $0.hasPrefix("-- section: ") }
        #expect(sections == ["summary", "channels", "causes", "processes", "periods", "channel_switches"]
            .map { "-- section: \($0)" })
    }

    @Test func tableNameIsQuotedPartByPart() throws {
        let duck = try BinaryRunner.run(["sql", "--table", "lake.support.contacts\"x"]).stdout
        #expect(duck.contains("FROM \"lake\".\"support\".\"contacts\"\"x\" t"))
        let spark = try BinaryRunner.run(["sql", "--dialect", "spark", "--table", "db.contacts"]).stdout
        #expect(spark.contains("FROM `db`.`contacts` t"))
    }

    @Test func unknownDialectIsAUsageError() throws {
        let result = try BinaryRunner.run(["sql", "--dialect", "oracle"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("oracle"))
    }

    @Test func foldingDiacriticsInSparkIsRefused() throws {
        let result = try BinaryRunner.run(["sql", "--dialect", "spark", "--fold-diacritics"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("fold_diacritics cannot be written for spark"))
        let duck = try BinaryRunner.run(["sql", "--fold-diacritics"])
        #expect(duck.status == 0)
        #expect(duck.stdout.contains("STRIP_ACCENTS(LOWER(subject))"))
    }

    @Test func sqlWritesToOutputFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("report.sql").path
        let result = try BinaryRunner.run(["sql", "--dialect", "postgres", "-o", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("-- contactstat sql for postgres: "))
        #expect(written.contains("CREATE TEMP TABLE cs_outcomes AS"))
    }

    // MARK: classify --canonical

    static let header = "input_order,contact_id,opened_at,closed_at,customer,channel,raw_channel,subject,text,"
        + "category,tags,status,handle_time_seconds,csat_score,csat_satisfied,cost,agent,queue,language,"
        + "first_contact_resolved,agent_replies,first_reply_seconds,priority,raw_priority,answered,wait_seconds,reopens"

    @Test func canonicalCSVHasTheCanonicalFields() throws {
        let result = try BinaryRunner.run(["classify", "--canonical", "Fixtures/e2e/sql/canonical.csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The rejected row (no opened_at) is not written; both rows of A1 are (the SQL keeps the last).
        #expect(lines == [
            Self.header,
            // 2026-03-02T08:00:00Z = 1,772,438,400 s; e-mail trimmed and lower-cased; Twitter -> social; NFD text
            // recomposed; tags joined with |; the word "good" is a satisfied verdict.
            "0,A1,1772438400,,ann@example.com,social,Twitter,\"Tilaus my\u{F6}h\u{E4}ss\u{E4}, miss\u{E4}?\",,,vip|invoice,,,,1,,,,,,,,,,,,",
            // 10:00+02:00 is 08:00Z; no formula guard (the export feeds databases, not spreadsheets).
            "1,A3,1772438400,1772440200,,phone,phone,\"=SUM(1) \"\"quoted\"\"\",,,,,,4,,3.5,,,,,,,,,,,",
            "2,A1,1772524800,,ann@example.com,email,email,Second time,,,,,,,0,,,,,,,,,,,,",
            "",
        ])
        #expect(result.stderr.contains("record rejected: opened_at is empty"))
        #expect(result.stderr.contains("4 rows read, 3 contacts written, 1 rejected"))
    }

    @Test func canonicalJSONLinesHasNullForMissingValues() throws {
        let result = try BinaryRunner.run(["classify", "--canonical", "--canonical-format", "jsonl", "-q",
                                           "Fixtures/e2e/sql/canonical.csv"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first.count == 27)
        #expect(first["opened_at"] as? Int == 1_772_438_400)
        #expect(first["closed_at"] is NSNull)
        #expect(first["tags"] as? String == "vip|invoice")
        #expect(first["csat_satisfied"] as? Int == 1)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["subject"] as? String == "=SUM(1) \"quoted\"")
        #expect(second["cost"] as? Double == 3.5)
        #expect(second["csat_score"] as? Int == 4)
        #expect(second["customer"] is NSNull)
    }

    @Test func canonicalExportUnderStrictFailsOnRejects() throws {
        let result = try BinaryRunner.run(["classify", "--canonical", "--strict", "Fixtures/e2e/sql/canonical.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 records rejected"))
    }
}
