import Foundation
import Testing

/// First reply, SLAs and phone queues through the binary, on `Fixtures/e2e/service-levels.csv` with the targets
/// of `Fixtures/e2e/service-levels.json` (`*` 24 h, email 8 h, urgent 1 h, chat 10 min, chat/urgent 5 min;
/// resolution `*` 1 d; answered within 20 s by default). Hand-computed:
///
/// ```
///      channel priority (read)     first reply          target     SLA        resolution (1 d)
/// T1   email   High (high)         8 h exactly          email 8 h  met        8 h: met
/// T2   email   Kiireellinen (urg.) 1 h 0 min 1 s        urgent 1 h breach     –
/// T3   email   P3 (normal)         before opened: none  –          –          2 d 1 s: breach
/// T4   chat    brådskande (urg.)   5 min exactly        chat/urg.  met        30 min: met
/// T5   chat    2 (high)            10 min 1 s           chat 10min breach     –
/// T6   chat    Whenever (unknown)  9 min                chat 10min met        –
/// T7   chat    low                 no reply             –          –          –
/// P1-P6 phone: answered Y 20 s, Y 45 s, N 5 s, N 60 s, N (no wait), Y (no wait); resolved P1 5 min,
///              P2 10 min, P6 5 min: met
/// ```
/// First replies 300, 540, 601, 3,601, 28,800 s: median 601, p90 (rank 5 of 5) 28,800; SLA met 3 of 5, 2
/// breaches. Resolution SLA 5 of 6, 1 breach. Phone: 3 answered, 3 abandoned (50 %), ASA (20 + 45) / 2 =
/// 32.5 s; service level 1 (P1, at exactly 20 s) / (2 answered with a wait + 3 abandoned - 1 short abandon P3)
/// = 25 %.
@Suite struct ServiceLevelTests {
    static let file = "Fixtures/e2e/service-levels.csv"
    static let base = ["report", "--config", "Fixtures/e2e/service-levels.json", "--no-color"]

    static func json() throws -> ReportJSON {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", Self.file])
        #expect(result.status == 0)
        return try ReportJSON(result.stdoutBytes)
    }

    @Test func summaryFiguresAreTheHandComputedOnes() throws {
        let json = try Self.json()
        #expect(json.int("summary.first_replies") == 5)
        #expect(json.double("summary.first_reply_time_median_seconds") == 601)
        #expect(json.double("summary.first_reply_time_p90_seconds") == 28_800)
        #expect(json.double("summary.first_reply_sla_met") == 0.6)
        #expect(json.int("summary.first_reply_sla_breaches") == 2)
        #expect(json.double("summary.resolution_sla_met") == 0.8333)
        #expect(json.int("summary.resolution_sla_breaches") == 1)
        #expect(json.int("summary.answered") == 3)
        #expect(json.int("summary.abandoned") == 3)
        #expect(json.double("summary.abandon_rate") == 0.5)
        #expect(json.double("summary.average_speed_of_answer_seconds") == 32.5)
        #expect(json.double("summary.service_level") == 0.25)
        #expect(json.int("input.reply_before_opened") == 1)
        #expect(json.int("input.unknown_priorities") == 1)
        #expect(json.int("input.field_warnings") == 1)
        // Every service-level field is there; only the reopen count is not.
        #expect(json.value("definitions.service_levels.gaps") as? [String] == [
            "reopens: the export has no reopens column, so the reopen rate has no value (map a column to reopens)",
        ])
        let targets = json.value("definitions.service_levels.first_reply") as? [String: Any]
        #expect((targets?["chat/urgent"] as? NSNumber)?.doubleValue == 300)
        #expect((targets?["*/urgent"] as? NSNumber)?.doubleValue == 3_600)
        #expect(json.double("definitions.service_levels.answered_within_seconds") == 20)
    }

    /// Channels, queues and agents carry the same figures (email: 8 h met, 1 h 0 min 1 s breached: median of
    /// two 16,200.5 s; agent bo: 300 and 601 s).
    @Test func everySliceCarriesThem() throws {
        let json = try Self.json()
        func row(_ section: String, _ key: String, _ name: String) -> [String: Any] {
            json.objects(section).first { $0[key] as? String == name } ?? [:]
        }
        func number(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }
        let email = row("channels", "channel", "email"), chat = row("channels", "channel", "chat")
        let phone = row("channels", "channel", "phone")
        #expect(number(email, "first_reply_sla_met") == 0.5 && number(email, "first_reply_sla_breaches") == 1)
        #expect(number(email, "first_reply_time_median_seconds") == 16_200.5)
        #expect(number(chat, "first_reply_sla_met") == 0.6667 && number(chat, "first_reply_time_median_seconds") == 540)
        #expect(phone["first_reply_sla_met"] is NSNull && number(phone, "service_level") == 0.25)
        #expect(number(email, "service_level") == nil && email["abandon_rate"] is NSNull)
        let bo = row("agents", "agent", "bo"), cai = row("agents", "agent", "cai")
        #expect(number(bo, "first_reply_time_median_seconds") == 450.5 && number(bo, "first_reply_sla_met") == 0.5)
        #expect(number(cai, "answered") == 3 && number(cai, "abandoned") == 0 && number(cai, "service_level") == 0.5)
        let phones = row("queues", "queue", "Phones")
        #expect(number(phones, "abandon_rate") == 0.5 && number(phones, "average_speed_of_answer_seconds") == 32.5)
    }

    /// By priority: urgent T2 (breach) and T4 (met), median 1,950.5 s; high T1 (met) and T5 (breach); normal T3
    /// (no reply, resolution breached); low T7; `none`: T6 (unknown priority, met) and the six calls.
    @Test func priorityRowsCarryTheFigures() throws {
        let json = try Self.json()
        let rows = json.objects("priorities")
        #expect(rows.map { $0["priority"] as? String } == ["urgent", "high", "normal", "low", "none"])
        func number(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }
        #expect(rows.map { number($0, "contacts") } == [2, 2, 1, 1, 7])
        #expect(rows.map { number($0, "first_reply_sla_breaches") } == [1, 1, 0, 0, 0])
        #expect(number(rows[0], "first_reply_time_median_seconds") == 1_950.5 && number(rows[0], "first_reply_sla_met") == 0.5)
        #expect(number(rows[1], "first_reply_time_median_seconds") == 14_700.5)
        #expect(number(rows[2], "resolution_sla_met") == 0 && number(rows[2], "resolution_sla_breaches") == 1)
        #expect(rows[3]["first_reply_sla_met"] is NSNull)
        #expect(number(rows[4], "answered") == 3 && number(rows[4], "first_reply_sla_met") == 1)
        // An export without a priority column has no priority rows.
        let week = try ReportJSON(try BinaryRunner.run(["report", "--timezone", "UTC", "-f", "json",
                                                         "Fixtures/e2e/week.csv"]).stdoutBytes)
        #expect(week.objects("priorities").isEmpty)
    }

    @Test func aReplyBeforeOpenedAndAnUnknownPriorityAreLocated() throws {
        let result = try BinaryRunner.run(Self.base + ["-f", "json", Self.file])
        #expect(result.stderr.contains("\(Self.file):4: warning: first_reply_at '2026-03-02 09:59:00' is before opened_at "
            + "'2026-03-02 10:00:00'; not used for first-reply time [column \"First reply at\"]"))
        #expect(result.stderr.contains("\(Self.file):7: note: priority 'Whenever' is not urgent, high, normal or low "
            + "(nor an alias); kept as written, no priority target applies [column \"Priority\"]"))
    }

    @Test(arguments: [("text", "Reply SLA"), ("markdown", "Reply SLA"), ("html", "Reply SLA"),
                      ("csv", "first_reply_sla_met")])
    func everyFormatShowsThem(format: String, needle: String) throws {
        let result = try BinaryRunner.run(Self.base + ["-f", format, Self.file])
        #expect(result.status == 0)
        #expect(result.stdout.contains(needle))
        #expect(result.stdout.contains(format == "csv" ? "reply_before_opened,1" : "Replied before opened"))
    }

    @Test func theTextTablesShowTheFiguresByChannel() throws {
        let result = try BinaryRunner.run(Self.base + [Self.file])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        guard let reply = lines.firstIndex(of: "First reply and SLAs by channel"),
              let phone = lines.firstIndex(of: "Phone queues by channel") else {
            Issue.record("no service-level tables")
            return
        }
        let email = lines[reply...].first { $0.hasPrefix("email") } ?? ""
        #expect(email.contains("50.0 %") && email.contains("4 h 30 min"))
        let calls = lines[phone...].first { $0.hasPrefix("phone") } ?? ""
        #expect(calls.contains("50.0 %") && calls.contains("33 s") && calls.contains("25.0 %"))
    }

    /// Without the fields, the figures have no value and the report says which field is missing.
    @Test func missingFieldsAreNamedNotZero() throws {
        let result = try BinaryRunner.run(["report", "--timezone", "UTC", "-f", "json", "Fixtures/e2e/week.csv"])
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.isNull("summary.first_reply_time_median_seconds"))
        #expect(json.isNull("summary.first_reply_sla_met"))
        #expect(json.isNull("summary.abandon_rate") && json.isNull("summary.service_level"))
        #expect(json.int("summary.first_replies") == 0)
        let gaps = json.value("definitions.service_levels.gaps") as? [String] ?? []
        #expect(gaps.contains { $0.hasPrefix("first reply: the export has no first_reply_at or first_reply_time column") })
        #expect(gaps.contains { $0.hasPrefix("resolution SLA: no target in the configuration (sla.resolution)") })
        #expect(gaps.contains { $0.hasPrefix("phone queues: the export has no answered column") })
        #expect(gaps.contains { $0.hasPrefix("phone queues: the export has no wait_time column") })
        let text = try BinaryRunner.run(["report", "--timezone", "UTC", "--no-color", "Fixtures/e2e/week.csv"])
        // The human formats condense the gaps into one line: the figures, then what would enable them.
        #expect(text.stdout.contains("Not measured     first-reply times, first-reply SLA, resolution SLA, abandon rate,"))
        #expect(text.stdout.contains("to measure them: map first_reply_at or"))
        #expect(text.stdout.components(separatedBy: "Not measured").count == 2)
    }

    /// `check --min-sla-met`: first-reply SLA 60.0 % (3 of 5), resolution SLA 83.3 % (5 of 6).
    @Test func checkGatesOnTheSLAMet() throws {
        let check = ["check", "--config", "Fixtures/e2e/service-levels.json", Self.file]
        let below = try BinaryRunner.run(check + ["--min-sla-met", "70%"])
        #expect(below.status == 1)
        #expect(below.stdout.hasPrefix("breach: First-reply SLA met 60.0 % is below the minimum 70.0 %\n"))
        #expect(below.stdout.contains("figures: first-reply SLA met 60.0 % (3 of 5), resolution SLA met 83.3 % (5 of 6)\n"))
        let both = try BinaryRunner.run(check + ["--min-sla-met", "0.9"])
        #expect(both.status == 1)
        #expect(both.stdout.contains("breach: Resolution SLA met 83.3 % is below the minimum 90.0 %"))
        #expect(both.stdout.hasSuffix("check failed: 2 thresholds breached\n"))
        let atLimit = try BinaryRunner.run(check + ["--min-sla-met", "0.6"])
        #expect(atLimit.status == 0)
        let noTargets = try BinaryRunner.run(["check", "--timezone", "UTC", "Fixtures/e2e/week.csv", "--min-sla-met", "0.9"])
        #expect(noTargets.status == 0)
        #expect(noTargets.stdout.contains("note: First-reply SLA met has no value (no contact with a first-reply time "
            + "and a target in sla.first_reply); the minimum 90.0 % was not checked."))
        let bad = try BinaryRunner.run(check + ["--min-sla-met", "90"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--min-sla-met '90' is not a rate such as 0.7 or 70%"))
    }

    /// Real exports, figures computed independently with DuckDB from the files (see the README).
    @Test func realHelpDeskExportWithReplyMinutes() throws {
        let result = try BinaryRunner.run(["report", "-f", "json", "--config", "Fixtures/e2e/service-levels-real.json",
                                           "Fixtures/real/support-analytics-tickets-2024.csv"])
        #expect(result.status == 0)
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.int("summary.first_replies") == 500)
        #expect(json.double("summary.first_reply_sla_met") == 0.892)
        #expect(json.int("summary.first_reply_sla_breaches") == 54)
        #expect(json.double("summary.first_reply_time_median_seconds") == 1_824.6299)
        #expect(json.double("summary.first_reply_time_p90_seconds") == 10_570.9746)
        #expect(json.int("summary.resolution_sla_breaches") == 135)
        #expect(json.double("summary.resolution_sla_met") == 0.6186)
        let chat = json.objects("channels").first { $0["channel"] as? String == "chat" } ?? [:]
        #expect((chat["first_reply_sla_breaches"] as? NSNumber)?.intValue == 54)
        #expect((chat["first_reply_sla_met"] as? NSNumber)?.doubleValue == 0.7188)
        // By priority (Critical is urgent, Medium normal): breaches 0, 1, 16, 37; resolution breaches 0, 2, 53, 80.
        let priorities = json.objects("priorities")
        #expect(priorities.map { $0["priority"] as? String } == ["urgent", "high", "normal", "low"])
        #expect(priorities.map { ($0["contacts"] as? NSNumber)?.intValue } == [18, 98, 191, 193])
        #expect(priorities.map { ($0["first_reply_sla_breaches"] as? NSNumber)?.intValue } == [0, 1, 16, 37])
        #expect(priorities.map { ($0["resolution_sla_breaches"] as? NSNumber)?.intValue } == [0, 2, 53, 80])
    }

    @Test(arguments: [("Fixtures/real/call-centre-trends-2021.csv", 406, 94, 0.188, 69.5911, 0.062),
                      ("Fixtures/spreadsheets/call-centre-trends-excel.xlsx", 245, 55, 0.1833, 70.9469, 0.0567)])
    func realCallCentreLog(file: String, answered: Int, abandoned: Int, abandonRate: Double, asa: Double,
                           serviceLevel: Double) throws {
        let result = try BinaryRunner.run(["report", "-f", "json", "--preset", "call-centre", file])
        #expect(result.status == 0)
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.int("summary.answered") == answered)
        #expect(json.int("summary.abandoned") == abandoned)
        #expect(json.double("summary.abandon_rate") == abandonRate)
        #expect(json.double("summary.average_speed_of_answer_seconds") == asa)
        #expect(json.double("summary.service_level") == serviceLevel)
    }
}
