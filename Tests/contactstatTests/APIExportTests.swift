import Foundation
import Testing

/// API-shaped dumps (`Fixtures/api`, written from the vendors' public API references: envelopes, nested
/// fields, codes) read through the binary with at most `--preset`, and the equivalent CSV exports giving the
/// same figures. Expected figures are hand-computed from the fixtures (see each test).
@Suite("API dumps, through the binary")
struct APIExportTests {
    struct Figures: Equatable, CustomStringConvertible {
        var contacts: Int
        var channels: [String: Int]
        var csatResponses: Int
        var csatSatisfied: Int
        var resolutionMedian: Double?

        var description: String {
            "\(contacts) contacts, channels \(channels), CSAT \(csatSatisfied)/\(csatResponses), "
                + "resolution median \(resolutionMedian.map { "\($0)" } ?? "none")"
        }
    }

    static func figures(_ arguments: [String]) throws -> Figures {
        let output = try BinaryRunner.run(["report", "--format", "json", "--quiet"] + arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        let report = try ReportJSON(output.stdoutBytes)
        var channels: [String: Int] = [:]
        for row in report.objects("channels") {
            if let name = row["channel"] as? String, let count = (row["contacts"] as? NSNumber)?.intValue {
                channels[name] = count
            }
        }
        return Figures(contacts: report.int("summary.contacts") ?? -1, channels: channels,
                       csatResponses: report.int("summary.csat.responses") ?? -1,
                       csatSatisfied: report.int("summary.csat.satisfied") ?? -1,
                       resolutionMedian: report.double("summary.resolution_time.median_seconds"))
    }

    static func validate(_ arguments: [String]) throws -> String {
        let output = try BinaryRunner.run(["validate"] + arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return output.stdout
    }

    /// Zendesk: six tickets. via.channel email 2, web 1, voice 1 (phone), chat 1, native_messaging 1
    /// (messaging); satisfaction good 2, bad 1, offered 2 and unoffered 1 (no response): 2 of 3 satisfied;
    /// solved after 4 h, 24 h, 2 h and 8 h: median 6 h. The incremental export (one envelope), the same
    /// tickets as two pages of JSON Lines, and the CSV export agree.
    @Test func zendesk() throws {
        let expected = Figures(contacts: 6, channels: ["email": 2, "web": 1, "phone": 1, "chat": 1, "messaging": 1],
                               csatResponses: 3, csatSatisfied: 2, resolutionMedian: 6 * 3600)
        for file in ["zendesk-incremental-tickets.json", "zendesk-tickets-pages.jsonl", "zendesk-tickets-export.csv"] {
            #expect(try Self.figures(["--preset", "zendesk", BinaryRunner.fixture("api/" + file)]) == expected, "\(file)")
        }
        let envelope = try Self.validate(["--preset", "zendesk", BinaryRunner.fixture("api/zendesk-incremental-tickets.json")])
        #expect(envelope.contains("json (records in \"tickets\", 1 envelope)"))
        #expect(envelope.contains("channel           <- \"via.channel\"  (preset, 6 filled)"))
        #expect(envelope.contains("csat              <- \"satisfaction_rating.score\"  (preset, 3 filled)"))
        #expect(envelope.contains("closed_at         <- \"metric_set.solved_at\"  (preset, 4 filled)"))
        #expect(envelope.contains("\"custom_fields.360011111\""))
        // The metric set's calendar reply time (minutes) and reopens, and the priority.
        #expect(envelope.contains("first_reply_time  <- \"metric_set.reply_time_in_minutes.calendar\"  (preset, 6 filled)"))
        #expect(envelope.contains("priority          <- \"priority\"  (preset, 6 filled)"))
        let pages = try Self.validate(["--preset", "zendesk", BinaryRunner.fixture("api/zendesk-tickets-pages.jsonl")])
        #expect(pages.contains("json (records in \"tickets\", 2 envelopes)"))
    }

    /// Two page files of one dump, each an envelope, in one run: the same figures as the whole dump.
    @Test func pageFilesTogether() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lines = try String(contentsOfFile: BinaryRunner.fixture("api/zendesk-tickets-pages.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 2)
        for (index, line) in lines.enumerated() {
            try Data(line.utf8).write(to: URL(fileURLWithPath: directory.path("page-\(index + 1).json")))
        }
        let pages = [directory.path("page-1.json"), directory.path("page-2.json")]
        #expect(try Self.figures(["--preset", "zendesk"] + pages)
                == Self.figures(["--preset", "zendesk", BinaryRunner.fixture("api/zendesk-incremental-tickets.json")]))
        let text = try Self.validate(["--preset", "zendesk"] + pages)
        #expect(text.contains("rows read 6 = contacts 6 + rejected 0 + duplicates dropped 0"))
    }

    /// Freshdesk: source codes 1 and 10 are email, 2 (portal) and 9 (feedback widget) web, 3 phone, 7 chat;
    /// resolved after 2 h, 24 h, 6 h and 4 h: median 5 h. The API list and the CSV export agree.
    @Test func freshdesk() throws {
        let expected = Figures(contacts: 6, channels: ["email": 2, "web": 2, "phone": 1, "chat": 1],
                               csatResponses: 0, csatSatisfied: 0, resolutionMedian: 5 * 3600)
        for file in ["freshdesk-tickets.json", "freshdesk-tickets-export.csv"] {
            #expect(try Self.figures(["--preset", "freshdesk", BinaryRunner.fixture("api/" + file)]) == expected, "\(file)")
        }
        let api = try Self.validate(["--preset", "freshdesk", BinaryRunner.fixture("api/freshdesk-tickets.json")])
        #expect(api.contains("text            <- \"description_text\""))
        #expect(api.contains("closed_at       <- \"stats.resolved_at\"  (preset, 4 filled)"))
    }

    /// Intercom: six conversations, one admin-initiated (excluded); source.type conversation 4 (chat) and
    /// email 1; ratings 5, 2 and 4: 2 of 3 satisfied; closed (statistics.last_close_at, Unix seconds) after
    /// 30 min, 24 h and 4 h: median 4 h.
    @Test func intercom() throws {
        let path = BinaryRunner.fixture("api/intercom-conversations.json")
        #expect(try Self.figures(["--preset", "intercom", path])
                == Figures(contacts: 5, channels: ["chat": 4, "email": 1], csatResponses: 3, csatSatisfied: 2,
                           resolutionMedian: 4 * 3600))
        let text = try Self.validate(["--preset", "intercom", path])
        #expect(text.contains("json (records in \"conversations\", 1 envelope)"))
        #expect(text.contains("rows 6: mapped 5, rejected 0, excluded 1"))
        #expect(text.contains("csat        <- \"conversation_rating.rating\"  (preset, 3 filled)"))
        #expect(text.contains("customer    <- \"contacts.contacts.id\"  (preset, 5 filled)"))
    }

    /// Chatwoot: records in data.payload; Channel::WebWidget 2 (chat), Channel::Email 2, Channel::Whatsapp 1
    /// (messaging); the conversation gives no close time.
    @Test func chatwoot() throws {
        let path = BinaryRunner.fixture("api/chatwoot-conversations.json")
        #expect(try Self.figures(["--preset", "chatwoot", path])
                == Figures(contacts: 5, channels: ["chat": 2, "email": 2, "messaging": 1], csatResponses: 0,
                           csatSatisfied: 0, resolutionMedian: nil))
        let text = try Self.validate(["--preset", "chatwoot", path])
        #expect(text.contains("json (records in \"data.payload\", 1 envelope)"))
        #expect(text.contains("text        <- \"messages.content\"  (preset, 5 filled)"))
        #expect(text.contains("customer    <- \"meta.sender.id\"  (preset, 5 filled)"))
    }

    /// HubSpot: records in results; source_type EMAIL 2, CHAT 1, FORM 1 (web), PHONE 1; closed after 6 h,
    /// 1 h and 24 h: median 6 h.
    @Test func hubspot() throws {
        let path = BinaryRunner.fixture("api/hubspot-tickets.json")
        #expect(try Self.figures(["--preset", "hubspot", path])
                == Figures(contacts: 5, channels: ["email": 2, "chat": 1, "web": 1, "phone": 1], csatResponses: 0,
                           csatSatisfied: 0, resolutionMedian: 6 * 3600))
        #expect(try Self.validate(["--preset", "hubspot", path]).contains("json (records in \"results\", 1 envelope)"))
    }

    /// ServiceNow Table API with display values (`{display_value, value}` pairs): contact_type Email 2,
    /// Phone 2, Self-service 1; resolved after 4 h, 24 h and 2 h: median 4 h.
    @Test func serviceNow() throws {
        let path = BinaryRunner.fixture("api/servicenow-incidents.json")
        let map = ["--preset", "servicenow"]
        #expect(try Self.figures(map + [path])
                == Figures(contacts: 5, channels: ["email": 2, "phone": 2, "self_service": 1], csatResponses: 0,
                           csatSatisfied: 0, resolutionMedian: 4 * 3600))
        let text = try Self.validate(map + [path])
        #expect(text.contains("json (records in \"result\", 1 envelope)"))
        #expect(text.contains("\"contact_type.value\""))
    }

    /// Jira search results: records in issues; resolved after 8 h, 24 h and 2 h: median 8 h; no channel.
    @Test func jira() throws {
        let path = BinaryRunner.fixture("api/jira-issues.json")
        let map = ["--preset", "jira-service-management"]
        #expect(try Self.figures(map + [path])
                == Figures(contacts: 5, channels: ["other": 5], csatResponses: 0, csatSatisfied: 0,
                           resolutionMedian: 8 * 3600))
        #expect(try Self.validate(map + [path]).contains("json (records in \"issues\", 1 envelope)"))
    }

    /// Zammad tickets (a bare array): create_article_type email 3, phone 1, web 1; closed after 2 h, 24 h
    /// and 6 h: median 6 h.
    @Test func zammad() throws {
        let path = BinaryRunner.fixture("api/zammad-tickets.json")
        let map = ["--preset", "zammad"]
        #expect(try Self.figures(map + [path])
                == Figures(contacts: 5, channels: ["email": 3, "phone": 1, "web": 1], csatResponses: 0,
                           csatSatisfied: 0, resolutionMedian: 6 * 3600))
    }

    /// `--records` in every command that reads exports, and its usage errors.
    @Test func recordsOption() throws {
        let path = BinaryRunner.fixture("api/chatwoot-conversations.json")
        for command in [["validate"], ["report"], ["check", "--max-avoidable-rate", "1"], ["classify"], ["suggest"]] {
            let given = try BinaryRunner.run(command + ["--preset", "chatwoot", "--records", "/data/payload", path])
            #expect(given.status == 0, "\(command): \(given.stderr)")
            let missing = try BinaryRunner.run(command + ["--preset", "chatwoot", "--records", "data.items", path])
            #expect(missing.status == 64, "\(command)")
            #expect(missing.stderr.contains("--records data.items: the object on line 1 has no array at 'data.items'"),
                    "\(command): \(missing.stderr)")
        }
        let empty = try BinaryRunner.run(["validate", "--records", "a..b", path])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--records expects a dotted path"))
    }
}
