import Foundation
import Testing

/// `contactstat impact` and the report's savings section through the binary.
@Suite struct ImpactCommandTests {
    /// On generated data, the ledger's total is the report's avoidable cost (and count), the owners add up to it,
    /// and `impact --format json` is the report's `savings` object.
    @Test func theLedgerAddsUpToTheReportsAvoidableCostOnGeneratedData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let generated = try BinaryRunner.run(["generate", "--rows", "4000", "--seed", "17"])
        #expect(generated.status == 0)
        let path = directory.path("export.csv")
        try generated.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try ReportJSON(run.stdoutBytes)
        let avoidableCost = try #require(json.double("summary.avoidable.cost"))
        #expect(avoidableCost > 1000)
        #expect(json.double("savings.total.avoidable_cost") == avoidableCost)
        #expect(json.int("savings.total.avoidable") == json.int("summary.avoidable.count"))
        let owners = try #require(json.value("savings.owners") as? [[String: Any]])
        let ownerCents = owners.reduce(0) { $0 + Int((($1["avoidable_cost"] as? NSNumber)?.doubleValue ?? 0) * 100 + 0.5) }
        #expect(abs(ownerCents - Int(avoidableCost * 100 + 0.5)) <= owners.count, "owners' costs round to cents")
        #expect(owners.reduce(0) { $0 + (($1["avoidable"] as? NSNumber)?.intValue ?? 0) } == json.int("summary.avoidable.count"))

        let impact = try BinaryRunner.run(["impact", "-f", "json", "--timezone", "UTC", path])
        #expect(impact.status == 0, "\(impact.stderr)")
        let ledger = try #require(try JSONSerialization.jsonObject(with: impact.stdoutBytes) as? [String: Any])
        let inReport = try #require(json.value("savings") as? [String: Any])
        #expect(NSDictionary(dictionary: ledger).isEqual(to: inReport))

        let markdown = try BinaryRunner.run(["impact", "-f", "markdown", "--owner", "Logistics", path])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Savings ledger\n"))
        #expect(markdown.stdout.contains("\n## Logistics\n"))
        #expect(!markdown.stdout.contains("\n## Billing\n"))

        let unknown = try BinaryRunner.run(["impact", "--owner", "Logistcs", path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'Logistics'?"))
    }
}
