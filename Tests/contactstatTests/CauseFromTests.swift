import Foundation
import Testing

/// `--cause-from COLUMN` through the binary, on the NYC 311 sample (500 rows, 27 complaint types, none empty).
/// The expected counts per value come from `Scripts/column-value-counts.py` (Python's csv module, no
/// contactstat code): `Fixtures/real/nyc311-2024-05-complaint-types.json`.
@Suite struct CauseFromTests {
    static let file = "Fixtures/real/nyc311-2024-05.csv"

    static func pythonCounts() throws -> [String: Int] {
        let url = BinaryRunner.packageRoot.appendingPathComponent("Fixtures/real/nyc311-2024-05-complaint-types.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Int])
    }

    static func configuration(_ text: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let path = directory.path("contactstat.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    /// Without a table every value is a cause of its own, named by the value: the causes' contacts equal the
    /// Python count of the column, on one thread and on several (ids are registered before counting).
    @Test(arguments: ["1", "4"]) func everyValueIsACauseWithItsCount(threads: String) throws {
        let expected = try Self.pythonCounts()
        #expect(expected.count == 27)
        #expect(expected[""] == nil)
        let result = try BinaryRunner.run(["report", "-f", "json", "--preset", "nyc311", "--threads", threads,
                                           "--cause-from", "Complaint Type", Self.file])
        #expect(result.status == 0)
        let report = try ReportJSON(result.stdoutBytes)
        let causes = report.objects("causes")
        var counted: [String: Int] = [:]
        for cause in causes {
            let name = try #require(cause["name"] as? String)
            counted[name] = (cause["contacts"] as? NSNumber)?.intValue
            #expect(cause["process"] as? String == "Unmapped")
            #expect(cause["avoidable"] as? Bool == false)
            #expect((cause["cause"] as? String)?.hasPrefix("unmapped/") == true)
        }
        #expect(counted == expected)
        #expect(causes.first?["cause"] as? String == "unmapped/noise-residential")
        #expect(report.int("summary.contacts") == 500)
        #expect(report.string("definitions.causes_from") == "Complaint Type")
        #expect((report.value("definitions.taxonomy_packs") as? [Any])?.isEmpty == true)
        // Not listed: no contact avoidable by its cause (the sample has no customer ids, so no repeats).
        #expect(report.int("summary.avoidable.by_cause") == 0)
        #expect(result.stderr.contains("contactstat: note: 27 values of \"Complaint Type\" not in causes_from.values "
                                       + "(500 contacts), each its own cause, counted as not avoidable: "
                                       + "\"Noise - Residential\" (199), \"Noise - Street/Sidewalk\" (129)"))
        #expect(result.stderr.contains("coverage 100.0 % (500 of 500 classified)"))
    }

    /// Standard input is spooled, so the values are read before the contacts are counted there too.
    @Test func standardInputGivesTheSameCauses() throws {
        let data = try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(Self.file))
        let result = try BinaryRunner.run(["report", "-f", "json", "--preset", "nyc311", "--cause-from", "complaint_type", "-"],
                                          stdin: data)
        #expect(result.status == 0)
        let counted = Dictionary(uniqueKeysWithValues: try ReportJSON(result.stdoutBytes).objects("causes").map {
            ($0["name"] as? String ?? "", ($0["contacts"] as? NSNumber)?.intValue ?? 0)
        })
        #expect(counted == (try Self.pythonCounts()))
    }

    /// The table: two values (one written in another case) share a cause, a listed cause of the built-in
    /// taxonomy lends its process and flag, another is avoidable with its reason; the 23 values not listed take
    /// the default process. Figures by hand from the Python counts: noise 199 + 129 = 328, parking 55,
    /// blocked driveway 25 (avoidable), unlisted 500 - 328 - 55 - 25 = 92.
    @Test func tableMapsValuesToCausesProcessesAndFlags() throws {
        let (directory, config) = try Self.configuration("""
            { "causes_from": {
                "column": "complaint_type",
                "values": {
                  "noise - residential": { "cause": "city/noise", "name": "Noise", "process": "Neighbourhood",
                                           "avoidable": false },
                  "Noise - Street/Sidewalk": { "cause": "city/noise", "process": "Neighbourhood", "avoidable": false },
                  "Illegal Parking": { "cause": "public-service/parking-and-traffic" },
                  "Blocked Driveway": { "cause": "city/blocked-driveway", "process": "Parking enforcement",
                                        "avoidable": true, "reason": "a driveway kept clear needs no call" }
                },
                "default": { "process": "Other 311" } } }
            """)
        defer { directory.remove() }
        let result = try BinaryRunner.run(["report", "-f", "json", "--config", config, "--preset", "nyc311", Self.file])
        #expect(result.status == 0)
        let report = try ReportJSON(result.stdoutBytes)
        let causes = Dictionary(uniqueKeysWithValues: report.objects("causes").map { ($0["cause"] as? String ?? "", $0) })
        #expect((causes["city/noise"]?["contacts"] as? NSNumber)?.intValue == 328)
        #expect(causes["city/noise"]?["name"] as? String == "Noise")
        #expect(causes["city/noise"]?["process"] as? String == "Neighbourhood")
        #expect((causes["public-service/parking-and-traffic"]?["contacts"] as? NSNumber)?.intValue == 55)
        #expect(causes["public-service/parking-and-traffic"]?["process"] as? String == "Traffic enforcement")
        #expect(causes["public-service/parking-and-traffic"]?["avoidable"] as? Bool == false)
        #expect((causes["city/blocked-driveway"]?["contacts"] as? NSNumber)?.intValue == 25)
        #expect(causes["city/blocked-driveway"]?["avoidable"] as? Bool == true)
        let unlisted = causes.filter { $0.key.hasPrefix("unmapped/") }
        #expect(unlisted.count == 23)
        #expect(unlisted.values.reduce(0) { $0 + (($1["contacts"] as? NSNumber)?.intValue ?? 0) } == 92)
        #expect(unlisted.values.allSatisfy { $0["process"] as? String == "Other 311" && $0["avoidable"] as? Bool == false })
        #expect(report.objects("causes").count == 26)
        #expect(report.int("summary.avoidable.by_cause") == 25)
        #expect(report.string("definitions.causes_from") == "complaint_type")

        // validate lists every unlisted value with its count, most first.
        let validate = try BinaryRunner.run(["validate", "--config", config, "--preset", "nyc311", Self.file])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("""
            causes from column "complaint_type": 500 contacts = 408 with a value in causes_from.values + 92 with a value not listed + 0 empty (unclassified)
            values not in causes_from.values (23; each its own cause, process "Other 311", counted as not avoidable):
              31  Noise - Commercial
              18  Noise - Vehicle
            """))
        #expect(validate.stdout.contains("   1  Abandoned Vehicle\n"))

        // classify writes the column's cause, process and flag on each row.
        let classify = try BinaryRunner.run(["classify", "--config", config, "--preset", "nyc311", Self.file])
        #expect(classify.status == 0)
        let rows = classify.stdout.split(whereSeparator: \.isNewline)
        #expect(rows.count == 501)
        // The four classify columns come before the six audit columns.
        #expect(rows.filter { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast(6).suffix(4)
            .joined(separator: ",") == "city/blocked-driveway,Parking enforcement,true,false" }.count == 25)
        #expect(rows.filter { $0.contains(",city/noise,Neighbourhood,false,") }.count == 328)
    }

    /// The definitions say where causes came from in every format that has them.
    @Test func definitionsNameTheSource() throws {
        let text = try BinaryRunner.run(["report", "--preset", "nyc311", "--cause-from", "complaint_type", Self.file])
        let causesLine = text.stdout.split(separator: "\n").first { $0.hasPrefix("Causes ") }.map(String.init) ?? ""
        #expect(causesLine.contains(" column \"complaint_type\" "))
        #expect(causesLine.contains("each contact's value, mapped by causes_from where listed;"))
        let csv = try BinaryRunner.run(["report", "-f", "csv", "--preset", "nyc311", "--cause-from", "complaint_type", Self.file])
        #expect(csv.stdout.contains("definitions,,,causes_from,complaint_type"))
        let rules = try BinaryRunner.run(["report", "-f", "csv", "--preset", "nyc311", Self.file])
        #expect(rules.stdout.contains("definitions,,,causes,\"rules, all packs\""))
        #expect(rules.stdout.contains("definitions,,,causes_from,\r\n"))
        let (directory, config) = try Self.configuration(#"{ "taxonomy": { "packs": ["public-service"] } }"#)
        defer { directory.remove() }
        let packs = try BinaryRunner.run(["report", "-f", "markdown", "--config", config, "--preset", "nyc311", Self.file])
        #expect(packs.stdout.contains("rules, packs general, public-service"))
        let html = try BinaryRunner.run(["report", "-f", "html", "--config", config, "--preset", "nyc311", Self.file])
        #expect(html.stdout.contains("rules, packs general, public-service"))
    }

    /// The column decides: an empty value is unclassified even where the rules would give a cause (T2's
    /// subject is a where-is-my-order), values are trimmed, and values differing in case are different causes.
    @Test func emptyValuesAreUnclassifiedAndNoRulesRun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("topics.csv")
        try Data("""
            ticket_id,created_at,channel,subject,Topic
            T1,2026-02-02T09:00:00Z,phone,Where is my order?,Delivery
            T2,2026-02-02T10:00:00Z,phone,Where is my order?,
            T3,2026-02-02T11:00:00Z,phone,refund please,  Delivery \u{20}
            T4,2026-02-02T12:00:00Z,email,x,delivery

            """.utf8).write(to: URL(fileURLWithPath: path))
        let result = try BinaryRunner.run(["classify", "--cause-from", "topic", path])
        #expect(result.status == 0)
        let causes = result.stdout.split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropLast(6).suffix(4).joined(separator: ",")
        }
        #expect(causes == ["unmapped/delivery,Unmapped,false,false", "unclassified,Unassigned,false,false",
                           "unmapped/delivery,Unmapped,false,false", "unmapped/delivery-2,Unmapped,false,false"])
        #expect(result.stderr.contains("coverage 75.0 % (3 of 4 classified)"))
    }

    @Test func eval() throws {
        // The complaint type against the descriptor: every contact classified.
        let result = try BinaryRunner.run(["eval", "-f", "json", "--preset", "nyc311", "--cause-from", "Complaint Type",
                                           "--gold", "descriptor", Self.file])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(object["classified"] as? Int == 500)
        #expect(object["withheld_fields"] as? [String] == [])
        let same = try BinaryRunner.run(["eval", "--preset", "nyc311", "--cause-from", "Complaint Type",
                                         "--gold", "complaint_type", Self.file])
        #expect(same.status == 64)
        #expect(same.stderr.contains("is the label column"))
    }

    @Test func errors() throws {
        let missing = try BinaryRunner.run(["report", "--preset", "nyc311", "--cause-from", "Complaint Kind", Self.file])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("the input has no column \"Complaint Kind\" to take causes from"))
        let empty = try BinaryRunner.run(["report", "--cause-from", " ", Self.file])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--cause-from expects the name of an export column"))

        let cases: [(String, String)] = [
            (#"{ "causes_from": { "colum": "x" } }"#, "unknown key 'colum'"),
            (#"{ "causes_from": { "values": { "A": { "process": "P" } } } }"#, "the value 'A' needs a 'cause'"),
            (#"{ "causes_from": { "values": { "A": { "cause": "Bad Path" } } } }"#, "'Bad Path' is not a valid cause path"),
            (#"{ "causes_from": { "column": "complaint_type", "values": { "Illegal Parking": { "cause": "x/new" } } } }"#,
             "'Illegal Parking' names the cause 'x/new', which the taxonomy does not have: give it a 'process' and 'avoidable'"),
            (#"{ "causes_from": { "column": "complaint_type", "values": { "A": { "cause": "x/y", "process": "P", "avoidable": true }, "B": { "cause": "x/y", "process": "P", "avoidable": false } } } }"#,
             "'B' gives the cause 'x/y' another process or avoidable flag"),
            (#"{ "causes_from": { "default": { "avoidable": "yes" } } }"#, "causes_from.default.avoidable"),
        ]
        for (text, message) in cases {
            let (directory, config) = try Self.configuration(text)
            defer { directory.remove() }
            let result = try BinaryRunner.run(["report", "--config", config, "--preset", "nyc311", Self.file])
            #expect(result.status == 64, "\(text)")
            #expect(result.stderr.contains(message), "\(text): \(result.stderr)")
        }
    }
}
