import Foundation
import Testing

/// `contactstat init`: writes a commented starter configuration that the other commands accept.
@Suite struct InitCommandTests {
    static let week = BinaryRunner.fixture("e2e/week.csv")

    @Test func writesRefusesToOverwriteAndIsAcceptedByReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try BinaryRunner.run(["init"], in: directory.url)
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        #expect(first.stderr == "contactstat: wrote contactstat.json\n")
        let written = try #require(directory.contents("contactstat.json"))
        #expect(String(decoding: written, as: UTF8.self).hasPrefix("// contactstat configuration"))

        // A second run refuses, and leaves the file alone.
        try Data("{}".utf8).write(to: directory.url.appendingPathComponent("contactstat.json"))
        let again = try BinaryRunner.run(["init"], in: directory.url)
        #expect(again.status == 64)
        #expect(again.stderr.hasPrefix("contactstat: error: contactstat.json exists; use --force to overwrite it\n"))
        #expect(directory.contents("contactstat.json") == Data("{}".utf8))
        let forced = try BinaryRunner.run(["init", "--force"], in: directory.url)
        #expect(forced.status == 0)
        #expect(directory.contents("contactstat.json") == written)

        // The starter file is accepted: its time zone and cost model are in force.
        let report = try BinaryRunner.run(["report", "-f", "json", "--config", "contactstat.json", Self.week], in: directory.url)
        #expect(report.status == 0, "\(report.stderr)")
        let json = try ReportJSON(report.stdoutBytes)
        #expect(json.string("definitions.timezone") == "Europe/Helsinki")
        #expect(json.int("summary.contacts") == 23)
        let sources = Dictionary(uniqueKeysWithValues: json.objects("definitions.cost_model").map {
            ($0["channel"] as? String ?? "?", $0["source"] as? String ?? "?")
        })
        #expect(sources["phone"] == "configuration")
        #expect(sources["web"] == "built-in")

        // ./contactstat.json is also found without --config.
        let discovered = try BinaryRunner.run(["report", "-f", "json", Self.week], in: directory.url)
        #expect(discovered.status == 0)
        #expect(try ReportJSON(discovered.stdoutBytes).string("definitions.timezone") == "Europe/Helsinki")
        // The command line wins over the file.
        let overridden = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", Self.week], in: directory.url)
        #expect(try ReportJSON(overridden.stdoutBytes).string("definitions.timezone") == "UTC")
    }

    @Test func dashPrintsToStandardOutput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let printed = try BinaryRunner.run(["init", "-o", "-"], in: directory.url)
        #expect(printed.status == 0)
        #expect(try directory.fileNames().isEmpty)
        #expect(printed.stdout.hasPrefix("// contactstat configuration"))
        let written = try BinaryRunner.run(["init", "-o", "starter.json"], in: directory.url)
        #expect(written.status == 0)
        #expect(written.stderr == "contactstat: wrote starter.json\n")
        #expect(directory.contents("starter.json") == printed.stdoutBytes)
        // The printed configuration documents every contract key.
        for key in ["\"timezone\"", "\"mapping\"", "\"fcr\"", "\"window_days\"", "\"scope\"", "\"csat\"", "\"costs\"", "\"taxonomy\""] {
            #expect(printed.stdout.contains(key), "\(key) missing")
        }
    }
}
