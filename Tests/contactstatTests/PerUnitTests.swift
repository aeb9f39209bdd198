import Foundation
import Testing

/// `report --per FILE`: contacts per 1,000 units, by hand on `Fixtures/e2e/partial-months.csv` (`--period month`,
/// UTC; see `PartialPeriodTests`) against `Fixtures/e2e/per-unit-volumes.csv`:
///
/// ```
/// month,orders,customers      contacts (phone / email / chat; where-is-my-order / invoice / login)
/// 2026-01,1000,500            2026-01: 2, partial (P01 phone where, P02 email invoice)
/// 2026-02-01,2000,0           2026-02: 4 (P03 phone where, P04 chat login, P05 email invoice, P06 phone where)
/// 2026-03,1 200,              2026-03: 3 (P07 phone where, P08 email login, P09 chat login)
/// 2026-05,900,450             2026-04: 2, partial, no row in the file
/// ```
///
/// orders: 2026-01 2/1000 = 2.0 (partial, marked); 2026-02 4/2000 = 2.0; 2026-03 3/1200 = 2.5; all complete
/// (2026-02 and 2026-03) 7/3200 = 2.1875 per 1,000. customers: 2026-01 2/500 = 4.0; 2026-02 is 0 (no rate);
/// 2026-03 empty (no rate); so no complete period is measured. 2026-04 has contacts but no row; 2026-05 a row
/// but no contacts.
@Suite struct PerUnitTests {
    static let contacts = "Fixtures/e2e/partial-months.csv"
    static let volumes = "Fixtures/e2e/per-unit-volumes.csv"
    static let base = ["report", "--timezone", "UTC", "--no-color", "--period", "month", "--per", volumes]

    static func run(_ extra: [String]) throws -> BinaryRunner.Output {
        let result = try BinaryRunner.run(base + extra + [contacts])
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// The rate object of `unit` in the row of `period` (`nil`: all), `dimension` and `key`.
    static func rate(_ rows: [[String: Any]], _ period: String?, _ dimension: String, _ key: String,
                     _ unit: String) -> [String: Any]? {
        let row = rows.first {
            ($0["period"] as? String) == period && $0["dimension"] as? String == dimension && $0["key"] as? String == key
        }
        return (row?["rates"] as? [String: Any])?[unit] as? [String: Any]
    }

    static func perThousand(_ rate: [String: Any]?) -> Double? { (rate?["per_1000"] as? NSNumber)?.doubleValue }

    @Test func jsonByHand() throws {
        let json = try ReportJSON(try Self.run(["-f", "json"]).stdoutBytes)
        #expect(json.value("per_unit.units") as? [String] == ["orders", "customers"])
        let rows = json.objects("per_unit.rows")
        // Totals per period.
        #expect(Self.perThousand(Self.rate(rows, "2026-01", "total", "all", "orders")) == 2.0)
        #expect(Self.perThousand(Self.rate(rows, "2026-01", "total", "all", "customers")) == 4.0)
        #expect(Self.perThousand(Self.rate(rows, "2026-02", "total", "all", "orders")) == 2.0)
        #expect(Self.perThousand(Self.rate(rows, "2026-03", "total", "all", "orders")) == 2.5)
        #expect(rows.filter { $0["period"] as? String == "2026-01" }.allSatisfy { $0["partial"] as? Bool == true })
        #expect(rows.filter { $0["period"] as? String == "2026-02" }.allSatisfy { $0["partial"] as? Bool == false })
        // No rate: zero units, an empty value, no row; never a division by zero or a silent 0.
        let zero = Self.rate(rows, "2026-02", "total", "all", "customers")
        #expect(zero?["status"] as? String == "zero_units")
        #expect(zero?["per_1000"] is NSNull)
        #expect((zero?["units"] as? NSNumber)?.doubleValue == 0)
        #expect(Self.rate(rows, "2026-03", "total", "all", "customers")?["status"] as? String == "no_value")
        let april = Self.rate(rows, "2026-04", "total", "all", "orders")
        #expect(april?["status"] as? String == "no_volume_row")
        #expect((april?["contacts"] as? NSNumber)?.intValue == 2)
        #expect(april?["per_1000"] is NSNull)
        // Over the complete periods measured: 2026-02 and 2026-03 for orders, none for customers.
        let all = Self.rate(rows, nil, "total", "all", "orders")
        #expect((all?["contacts"] as? NSNumber)?.intValue == 7)
        #expect((all?["units"] as? NSNumber)?.doubleValue == 3200)
        #expect(Self.perThousand(all) == 2.1875)
        #expect((all?["periods"] as? NSNumber)?.intValue == 2)
        #expect(Self.rate(rows, nil, "total", "all", "customers")?["status"] as? String == "no_period")
        // Per channel and per cause.
        #expect(Self.perThousand(Self.rate(rows, "2026-02", "channel", "phone", "orders")) == 1.0)
        #expect(Self.perThousand(Self.rate(rows, "2026-02", "channel", "chat", "orders")) == 0.5)
        #expect(Self.perThousand(Self.rate(rows, nil, "channel", "phone", "orders")) == 0.9375)
        #expect(Self.perThousand(Self.rate(rows, nil, "channel", "email", "orders")) == 0.625)
        #expect(Self.perThousand(Self.rate(rows, "2026-03", "cause", "account/login-problem", "orders")) == 1.6667)
        #expect(Self.perThousand(Self.rate(rows, "2026-03", "cause", "delivery/where-is-my-order", "orders")) == 0.8333)
        #expect(Self.perThousand(Self.rate(rows, nil, "cause", "delivery/where-is-my-order", "orders")) == 0.9375)
        #expect(Self.perThousand(Self.rate(rows, nil, "cause", "billing/invoice-question", "orders")) == 0.3125)
        #expect(Self.perThousand(Self.rate(rows, "2026-01", "cause", "billing/invoice-question", "customers")) == 2.0)
        // Every gap named, in period order.
        let gaps = json.objects("per_unit.not_measured").map {
            "\($0["period"] as? String ?? "") \($0["unit"] as? String ?? "-") \($0["reason"] as? String ?? "")"
        }
        #expect(gaps == ["2026-02 customers zero_units", "2026-03 customers no_value", "2026-04 - missing_volume",
                         "2026-05 - no_contacts"])
    }

    @Test func textMarkdownCSVAndHTMLShowTheSameFigures() throws {
        let text = try Self.run(["-f", "text"]).stdout
        let section = try #require(text.components(separatedBy: "Contacts per 1,000 units (Fixtures/e2e/per-unit-volumes.csv)").last)
        let flat = section.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Not measured 4 2026-02: customers is 0, no rate; 2026-03: no customers value in "
                              + "Fixtures/e2e/per-unit-volumes.csv; 2026-04: contacts, but no row in "
                              + "Fixtures/e2e/per-unit-volumes.csv; 2026-05: in Fixtures/e2e/per-unit-volumes.csv, but no "
                              + "contacts in the report"))
        let lines = section.split(separator: "\n").map(String.init)
        func cells(_ prefix: String) -> [String] {
            (lines.first { $0.hasPrefix(prefix) } ?? "").split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        #expect(cells("all complete") == ["all", "complete", "7", "3,200", "2.19", "–", "–"])
        #expect(cells("2026-01 *") == ["2026-01", "*", "2", "1,000", "2.00", "500", "4.00"])
        #expect(cells("2026-02 ") == ["2026-02", "4", "2,000", "2.00", "0", "no", "rate", "(0)"])
        #expect(cells("2026-03 ") == ["2026-03", "3", "1,200", "2.50", "–", "–"])
        #expect(cells("2026-04 *") == ["2026-04", "*", "2", "–", "–", "–", "–"])
        let markdown = try Self.run(["-f", "markdown"]).stdout
        #expect(markdown.contains("Contacts per 1,000 units by cause"))
        #expect(markdown.contains("| 2026-03 | account/login-problem | 2 | 1.67 | – |"))
        let html = try Self.run(["-f", "html"]).stdout
        #expect(html.contains("id=\"per-unit\""))
        #expect(html.contains("id=\"per-unit-causes\""))
        let csv = try Self.run(["-f", "csv"]).stdout
        #expect(csv.contains("per_unit,slice,all total=all orders,per_1000,2.1875"))
        #expect(csv.contains("per_unit,slice,2026-02 total=all customers,status,zero_units"))
        #expect(csv.contains("per_unit_not_measured,period,2026-04,reason,missing_volume"))
    }

    @Test func withoutPerTheReportHasNoPerUnitSection() throws {
        let result = try BinaryRunner.run(["report", "--timezone", "UTC", "--period", "month", "-f", "json", Self.contacts])
        #expect(result.status == 0)
        #expect(try ReportJSON(result.stdoutBytes).value("per_unit") == nil)
    }

    @Test func datesInsideTheWeekAndLabelsGiveTheSameRates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let generated = try BinaryRunner.run(["generate", "--rows", "1200", "--seed", "17"])
        #expect(generated.status == 0)
        let export = directory.path("export.csv")
        try generated.stdout.write(toFile: export, atomically: true, encoding: .utf8)
        let weeks = try ReportJSON(try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", export]).stdoutBytes)
            .objects("periods").compactMap { $0["period"] as? String }
        #expect(weeks.count >= 3)
        // One file with the labels, one with a date (the Wednesday) of each week, thousands grouped.
        var labels = "period,orders\n", dates = "date;orders\n"
        for (index, week) in weeks.enumerated() {
            labels += "\(week),\(1000 + index)\n"
            let year = Int(week.prefix(4)) ?? 0, number = Int(week.suffix(2)) ?? 0
            var january4 = DateComponents(calendar: Calendar(identifier: .iso8601), year: year, month: 1, day: 4)
            january4.timeZone = TimeZone(identifier: "UTC")
            var calendar = Calendar(identifier: .iso8601)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
            let jan4 = try #require(calendar.date(from: january4))
            let weekday = (calendar.component(.weekday, from: jan4) + 5) % 7   // Monday 0
            let wednesday = try #require(calendar.date(byAdding: .day, value: -weekday + (number - 1) * 7 + 2, to: jan4))
            let c = calendar.dateComponents([.year, .month, .day], from: wednesday)
            dates += String(format: "%04d-%02d-%02d;\"1 %03d\"\n", c.year ?? 0, c.month ?? 0, c.day ?? 0, index)
        }
        try labels.write(toFile: directory.path("labels.csv"), atomically: true, encoding: .utf8)
        try dates.write(toFile: directory.path("dates.csv"), atomically: true, encoding: .utf8)
        var outputs: [[String: Any]] = []
        for (file, threads) in [("labels.csv", "1"), ("dates.csv", "4"), ("labels.csv", "4")] {
            let run = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", "--threads", threads,
                                            "--per", directory.path(file), export])
            #expect(run.status == 0, "\(run.stderr)")
            var perUnit = try #require(try ReportJSON(run.stdoutBytes).value("per_unit") as? [String: Any])
            perUnit["file"] = nil
            perUnit["not_measured"] = (perUnit["not_measured"] as? [[String: Any]])?.map { $0.filter { $0.key != "text" } }
            outputs.append(perUnit)
        }
        #expect(NSDictionary(dictionary: outputs[0]) == NSDictionary(dictionary: outputs[1]))
        #expect(NSDictionary(dictionary: outputs[0]) == NSDictionary(dictionary: outputs[2]))
        #expect((outputs[0]["not_measured"] as? [Any])?.isEmpty == true)
        // The per-cause rows add up to the period's contacts.
        let rows = try #require(outputs[0]["rows"] as? [[String: Any]])
        for week in weeks {
            let inWeek = rows.filter { $0["period"] as? String == week }
            func contacts(_ row: [String: Any]) -> Int {
                (((row["rates"] as? [String: Any])?["orders"] as? [String: Any])?["contacts"] as? NSNumber)?.intValue ?? -1
            }
            let total = inWeek.filter { $0["dimension"] as? String == "total" }.map(contacts)
            #expect(total.count == 1)
            #expect(inWeek.filter { $0["dimension"] as? String == "cause" }.map(contacts).reduce(0, +) == total.first)
            #expect(inWeek.filter { $0["dimension"] as? String == "channel" }.map(contacts).reduce(0, +) == total.first)
        }
    }

    /// Every error of the volume file, through the binary: its message, located, and its exit status (the
    /// file's content: 64 like any configuration; a file that cannot be read: 74 like `--config`).
    @Test(arguments: [
        ("period,orders\n2026-02,10\n2026-02-14,12\n", "v.csv:3:1: 2026-02 is given twice (also on line 2)", Int32(64)),
        ("month,orders\n2026-13,10\n", "v.csv:2:1: '2026-13' is not a month: write a month like 2026-03, or a date in it like 2026-03-01", 64),
        ("month,orders\n2026-W05,10\n", "v.csv:2:1: '2026-W05' is not a month", 64),
        ("month,orders\n2026-02,12x\n", "v.csv:2:2: '12x' in column 'orders' is not a number", 64),
        ("month,orders,customers\n2026-02,10,\"1,234\"\n",
         "v.csv:2:3: '1,234' in column 'customers' is ambiguous (1234 or 1.234?): write it without a thousands separator (1234) or with a fourth decimal place (1.2340)", 64),
        ("month,orders\n2026-02,-5\n", "v.csv:2:2: '-5' in column 'orders' is negative", 64),
        ("orders,customers\n10,20\n", "v.csv:1: the volume file has no period column: name one column 'period', 'week', 'month', 'day' or 'date' (columns: 'orders', 'customers')", 64),
        ("month\n2026-02\n", "v.csv:1: the volume file has no unit column", 64),
        ("month,orders\n2026-02,10,11\n", "v.csv:2: the row has 3 fields, the header 2", 64),
        ("", "the volume file is empty", 64),
    ])
    func errors(content: String, message: String, status: Int32) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try content.write(toFile: directory.path("v.csv"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["report", "--period", "month", "--per", "v.csv",
                                           BinaryRunner.packageRoot.appendingPathComponent(Self.contacts).path],
                                          in: directory.url)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A real export (the call-centre log, by day) against a hand-written volume file (`1,250.0` and `1 310`
    /// grouped, a 0, an empty value, a missing day, a day without calls): the figures `Scripts/per-unit-reference.py`
    /// computes with DuckDB.
    @Test func realExportAgreesWithDuckDB() throws {
        let result = try BinaryRunner.run(["report", "-q", "--preset", "call-centre", "--period", "day", "--timezone", "UTC",
                                           "--per", "Fixtures/real/call-centre-trends-2021-volumes.csv", "-f", "json",
                                           "Fixtures/real/call-centre-trends-2021.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try ReportJSON(result.stdoutBytes).objects("per_unit.rows")
        let byDay: [(String, Double?, Double?)] = [
            ("2021-01-01", 46.4, 72.5), ("2021-01-02", 45.8015, 73.1707), ("2021-01-03", 48.7395, nil),
            ("2021-01-04", 44.8133, 68.3544), ("2021-01-05", nil, nil), ("2021-01-06", 41.4286, nil),
            ("2021-01-07", 40.0, 63.9053), ("2021-01-08", 43.6364, 68.5714), ("2021-01-09", 42.3529, 66.6667),
        ]
        for (day, orders, customers) in byDay {
            #expect(Self.perThousand(Self.rate(rows, day, "total", "all", "orders")) == orders, "\(day)")
            #expect(Self.perThousand(Self.rate(rows, day, "total", "all", "customers")) == customers, "\(day)")
        }
        let allOrders = Self.rate(rows, nil, "total", "all", "orders")
        #expect((allOrders?["contacts"] as? NSNumber)?.intValue == 444)
        #expect((allOrders?["units"] as? NSNumber)?.doubleValue == 10_080)
        #expect(Self.perThousand(allOrders) == 44.0476)
        let allCustomers = Self.rate(rows, nil, "total", "all", "customers")
        #expect((allCustomers?["contacts"] as? NSNumber)?.intValue == 328)
        #expect(Self.perThousand(allCustomers) == 68.8353)
        #expect(Self.perThousand(Self.rate(rows, "2021-01-02", "cause", "technical/technical-support", "orders")) == 15.2672)
        #expect(Self.perThousand(Self.rate(rows, "2021-01-02", "cause", "payments/payment-question", "orders")) == 5.3435)
        #expect(Self.perThousand(Self.rate(rows, nil, "cause", "technical/technical-support", "orders")) == 10.0198)
        #expect(Self.perThousand(Self.rate(rows, nil, "cause", "contract/contract-question", "orders")) == 7.8373)
        #expect(Self.perThousand(Self.rate(rows, nil, "channel", "phone", "orders")) == 44.0476)
    }

    @Test func missingVolumeFileIsAnIOError() throws {
        let result = try BinaryRunner.run(["report", "--per", "no-such-volumes.csv", Self.contacts])
        #expect(result.status == 74)
        #expect(result.stderr.contains("no-such-volumes.csv: cannot read the volume file"), "\(result.stderr)")
    }
}
