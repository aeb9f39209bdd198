import Foundation
import Testing

/// `classify`'s audit columns (`repeat_of`, `evaluable`, `fcr_resolved`, `switch_from`, `cost`, `language`):
/// hand-computed on the week fixture, and a pivot of them (done here, from the CSV text) against the report's
/// own figures on generated data.
@Suite struct ClassifyAuditTests {
    /// A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF), independent of the product's reader.
    static func parseCSV(_ text: String, delimiter: Character = ",") -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case delimiter: row.append(field); field = ""; afterQuote = false
            case "\r\n", "\n":
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The output as dictionaries keyed by column name.
    static func records(_ text: String, delimiter: Character = ",") -> [[String: String]] {
        let rows = parseCSV(text, delimiter: delimiter)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }

    /// The week fixture, by hand (window 7 d, scope cause; data end T22 2026-02-27 17:00, so contacts after
    /// 2026-02-20 17:00 are not evaluable). Costs from the built-in model: phone 1.00 + 0.90/min, e-mail
    /// 0.80 + 0.80/min (8 min default), chat 0.50 + 0.60/min, web 0.80 + 0.80 x 7 min.
    @Test func weekFixtureByHand() throws {
        let result = try BinaryRunner.run(["classify", "--timezone", "UTC", ClassifyCommandTests.week])
        #expect(result.status == 0)
        let rows = Dictionary(uniqueKeysWithValues: Self.records(result.stdout).map { ($0["ticket_id"] ?? "", $0) })
        func audit(_ id: String) -> [String] {
            let row = rows[id] ?? [:]
            return ["repeat_of", "evaluable", "fcr_resolved", "switch_from", "cost", "language"].map { row[$0] ?? "?" }
        }
        // T02 repeats T01 (2 days, phone -> email); T03 repeats T02 exactly 7 d later, so T02 is not resolved.
        #expect(audit("T01") == ["", "true", "false", "", "5.5", "en"])     // 300 s: 1.00 + 0.90 x 5
        #expect(audit("T02") == ["T01", "true", "false", "phone", "4.0", "en"])  // 240 s: 0.80 + 0.80 x 4
        #expect(audit("T03") == ["T02", "true", "true", "email", "6.5", "en"])   // 600 s: 0.50 + 0.60 x 10
        // T06 is 7 d + 1 s after T05: not a repeat, but T07 repeats it (e-mail -> phone).
        #expect(audit("T05") == ["", "true", "true", "", "6.4", "unknown"])     // 420 s: 0.80 + 0.80 x 7
        #expect(audit("T06") == ["", "true", "false", "", "5.6", "unknown"])
        #expect(audit("T07") == ["T06", "true", "true", "email", "8.5", "unknown"])
        // Same channel: a repeat without a switch.
        #expect(audit("T09") == ["T08", "true", "true", "", "3.0", "en"])
        // No customer: never evaluable, never a repeat; 330 s of phone. No language column: the language is the one
        // detected from the subject, as the report counts it ("en", or "unknown" for a short or mixed subject).
        #expect(audit("T14") == ["", "false", "", "", "5.95", "en"])
        // After 2026-02-20 17:00: not evaluable (T20 still a repeat of T19, which is not resolved).
        #expect(audit("T19") == ["", "true", "false", "", "10.0", "unknown"])
        #expect(audit("T20") == ["T19", "false", "", "", "8.5", "unknown"])
        #expect(audit("T22") == ["", "false", "", "", "3.4666667", "en"])  // 200 s of e-mail: 0.80 + 0.80 x 10/3
        // Handle time 05:00; chat -> e-mail two days later.
        #expect(audit("T23") == ["T12", "true", "true", "chat", "4.8", "unknown"])
        #expect(audit("T13") == ["", "true", "true", "", "7.2", "en"])      // no handle time: 8 min of e-mail
    }

    /// Input newest first: every repeat names a contact later in the input (read once more for the ids); a
    /// contact without an id is named by its data row (`#N`).
    @Test(arguments: [true, false])
    func repeatOfNamesLaterContacts(withIDs: Bool) throws {
        let lines = [("A3", "2026-03-05T09:00:00Z", "chat"), ("A2", "2026-03-03T09:00:00Z", "phone"),
                     ("A1", "2026-03-01T09:00:00Z", "email")]
        let csv = (withIDs ? "ticket_id," : "") + "created_at,customer_id,channel,subject\n"
            + lines.map { (withIDs ? $0.0 + "," : "") + "\($0.1),K1,\($0.2),Where is my order?\n" }.joined()
        let result = try BinaryRunner.run(["classify", "-"], stdin: Data(csv.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = Self.records(result.stdout)
        #expect(records.map { $0["repeat_of"] ?? "?" } == (withIDs ? ["A2", "A1", ""] : ["#2", "#3", ""]))
        #expect(records.map { $0["switch_from"] ?? "?" } == ["phone", "email", ""])
    }

    /// `--decimal-comma` (then `;` unless a delimiter is given) and `--bom`, as `report` has them.
    @Test func spreadsheetOptions() throws {
        let result = try BinaryRunner.run(["classify", "--decimal-comma", "--bom", "--timezone", "UTC",
                                           ClassifyCommandTests.week])
        #expect(result.status == 0)
        #expect(result.stdoutBytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: result.stdoutBytes.dropFirst(3), as: UTF8.self)
        let rows = Dictionary(uniqueKeysWithValues: Self.records(text, delimiter: ";").map { ($0["ticket_id"] ?? "", $0) })
        #expect(rows["T14"]?["cost"] == "5,95")
        #expect(rows["T14"]?["subject"] == "Where is my order?")  // text is never touched
        let preset = try BinaryRunner.run(["classify", "--spreadsheet", "excel-comma-decimal", "--timezone", "UTC",
                                           ClassifyCommandTests.week])
        #expect(preset.stdoutBytes == result.stdoutBytes)
        let commas = try BinaryRunner.run(["classify", "--decimal-comma", "--csv-delimiter", ",", "--timezone", "UTC",
                                           ClassifyCommandTests.week])
        #expect(commas.stdout.contains(",\"5,95\",en\r\n"), "\(commas.stdout)")
    }

    /// A pivot of the audit columns gives exactly the report's figures, overall, per channel and per cause, on
    /// generated data (which has a `language` column of its own: ours is then `contactstat_language`).
    @Test func pivotEqualsTheReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let export = directory.path("export.csv")
        #expect(try BinaryRunner.run(["generate", "-n", "3000", "--seed", "7", "-o", export]).status == 0)
        let classified = try BinaryRunner.run(["classify", "-q", export])
        #expect(classified.status == 0)
        let reported = try BinaryRunner.run(["report", "-q", "-f", "json", export])
        let report = try ReportJSON(Data(reported.stdout.utf8))
        let header = Self.parseCSV(classified.stdout).first ?? []
        #expect(header.suffix(10) == ["cause", "process", "avoidable", "repeat", "repeat_of", "evaluable", "fcr_resolved",
                                      "switch_from", "cost", "contactstat_language"])
        let records = Self.records(classified.stdout)
        #expect(records.count == 3000)

        struct Pivot: Equatable {
            var contacts = 0, evaluable = 0, resolved = 0, repeats = 0, avoidable = 0
            var cost = 0.0, avoidableCost = 0.0
            mutating func add(_ row: [String: String]) {
                contacts += 1
                if row["evaluable"] == "true" { evaluable += 1 }
                if row["fcr_resolved"] == "true" { resolved += 1 }
                let isRepeat = row["repeat"] == "true"
                if isRepeat { repeats += 1 }
                // Cost parsed as the Float it was written from: sums of a few thousand are exact in a Double.
                let amount = Double(Float(row["cost"] ?? "") ?? .nan)
                cost += amount
                if row["avoidable"] == "true" || isRepeat {
                    avoidable += 1
                    avoidableCost += amount
                }
            }
        }
        var total = Pivot(), byChannel: [String: Pivot] = [:], byCause: [String: Pivot] = [:]
        var switches: [String: Int] = [:]
        for row in records {
            total.add(row)
            byChannel[row["channel"] ?? "", default: Pivot()].add(row)
            byCause[row["cause"] ?? "", default: Pivot()].add(row)
            if let from = row["switch_from"], !from.isEmpty { switches["\(from)>\(row["channel"] ?? "")", default: 0] += 1 }
        }
        func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        #expect(total.contacts == report.int("summary.contacts"))
        #expect(total.evaluable == report.int("summary.fcr.evaluable"))
        #expect(total.resolved == report.int("summary.fcr.resolved"))
        #expect(total.repeats == report.int("summary.repeat.count"))
        #expect(total.avoidable == report.int("summary.avoidable.count"))
        #expect(cents(total.avoidableCost) == report.double("summary.avoidable.cost"))
        #expect(cents(total.cost) == report.double("summary.cost.total"))
        #expect(total.repeats > 100 && total.evaluable > 1000)  // the data exercises every column

        func compare(_ objects: [[String: Any]], key: String, avoidableKey: String = "avoidable", _ pivots: [String: Pivot]) {
            #expect(objects.count == pivots.count)
            for object in objects {
                let name = object[key] as? String ?? ""
                let pivot = pivots[name] ?? Pivot()
                #expect(pivot.contacts == (object["contacts"] as? Int), "\(name)")
                #expect(pivot.evaluable == (object["fcr_evaluable"] as? Int), "\(name)")
                let fcr = pivot.evaluable == 0 ? nil : (Double(pivot.resolved) / Double(pivot.evaluable) * 10_000).rounded() / 10_000
                #expect(fcr == (object["fcr"] as? Double), "\(name)")
                #expect(pivot.repeats == (object["repeats"] as? Int), "\(name)")
                #expect(pivot.avoidable == (object[avoidableKey] as? Int), "\(name)")
                #expect(cents(pivot.avoidableCost) == (object["avoidable_cost"] as? Double), "\(name)")
                #expect(cents(pivot.cost) == (object["cost_total"] as? Double), "\(name)")
            }
        }
        compare(report.objects("channels"), key: "channel", byChannel)
        compare(report.objects("causes"), key: "cause", avoidableKey: "avoidable_contacts", byCause)
        var reportedSwitches: [String: Int] = [:]
        for object in report.objects("channel_switches") {
            reportedSwitches["\(object["from"] as? String ?? "")>\(object["to"] as? String ?? "")"] = object["count"] as? Int
        }
        #expect(switches == reportedSwitches)
        // The language breakdown: here from the export's own language column.
        var byLanguage: [String: Pivot] = [:]
        for row in records { byLanguage[row["contactstat_language"] ?? "", default: Pivot()].add(row) }
        compare(report.objects("languages"), key: "language", byLanguage)
    }

    /// Without a language column the audit column holds the detected language, as the report counts it: the
    /// pivot of `language` equals the report's languages breakdown (generated data with its language column
    /// renamed, so nothing maps it).
    @Test func detectedLanguagePivotEqualsTheReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let generated = try BinaryRunner.run(["generate", "-n", "1500", "--seed", "11"])
        #expect(generated.status == 0)
        var lines = generated.stdout.components(separatedBy: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header.contains("language"))
        lines[0] = header.map { $0 == "language" ? "tongue" : $0 }.joined(separator: ",")
        let export = directory.path("export.csv")
        try lines.joined(separator: "\n").write(toFile: export, atomically: true, encoding: .utf8)
        let classified = try BinaryRunner.run(["classify", "-q", export])
        #expect(classified.status == 0)
        var counts: [String: Int] = [:]
        for row in Self.records(classified.stdout) { counts[row["language"] ?? "?", default: 0] += 1 }
        let report = try ReportJSON(try BinaryRunner.run(["report", "-q", "-f", "json", export]).stdoutBytes)
        var reported: [String: Int] = [:]
        for object in report.objects("languages") {
            reported[object["language"] as? String ?? ""] = object["contacts"] as? Int
        }
        #expect(counts == reported)
        #expect(counts.count >= 2 && counts.values.reduce(0, +) == 1500, "\(counts)")
    }
}
