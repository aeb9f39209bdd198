import Foundation
import Testing
@testable import ContactAnalytics

/// `validate`, `suggest`, `check` and `classify` performed as library actions: their output and status are
/// values, no binary is started.
@Suite("Actions")
struct ActionTests {
    /// Five rows: one with an unreadable date (rejected), two "where is my order" contacts of C1 (classified,
    /// the second a repeat within 7 days) and two "zorblax frobnicate" contacts nothing classifies.
    static let csv = """
        id,created,customer,channel,subject
        1,2026-03-02 09:00,C1,email,Where is my order
        2,2026-03-03 10:00,C1,phone,Where is my order still
        3,2026-03-04 11:00,C2,chat,zorblax frobnicate
        4,2026-03-05 12:00,C3,chat,zorblax frobnicate again
        5,not a date,C4,chat,hello

        """

    /// Runs `body` with the sample written to a fresh file, and settings for it.
    @discardableResult
    static func withSample<T>(_ change: (inout RequestedSettings) -> Void = { _ in },
                              _ body: (RunSettings, String) throws -> T) throws -> T {
        let directory = NSTemporaryDirectory() + "contactstat-actions-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/small.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        var requested = RequestedSettings(files: [path])
        requested.threads = "1"
        change(&requested)
        return try body(try RunSettings(requested, configuration: ContactStatConfiguration()), path)
    }

    @Test("validate describes the layout and the row accounting")
    func validate() throws {
        try Self.withSample { settings, path in
            let outcome = try ValidateAction(settings: settings).perform()
            #expect(outcome.output == """
                \(path): csv (delimiter ,), 5 columns
                  contact_id  <- "id"  (alias, 4 filled)
                  opened_at   <- "created"  (alias, 4 filled)
                  customer    <- "customer"  (alias, 4 filled)
                  channel     <- "channel"  (alias, 4 filled)
                  subject     <- "subject"  (alias, 4 filled)
                  not in this export: opened_time, closed_at, closed_time, email, phone, text, category, tags, status, \
                handle_time, csat, cost, agent, queue, language, fcr_flag, agent_replies, inbound, first_reply_at, \
                first_reply_time, priority, answered, wait_time, reopens
                  rows 5: mapped 4, rejected 1

                rows read 5 = contacts 4 + rejected 1 + duplicates dropped 0
                field warnings 0 (unreadable values left empty, closed before opened 0)

                """)
            #expect(outcome.diagnostics.count(.error) == 1)
            #expect(outcome.notes.isEmpty)
            #expect(outcome.status == 0)
        }
    }

    /// `validate` leaves long bodies in the row (no string made of each) and reserves the ids' room from each
    /// file's estimate: the description is filled on the rows whose trimmed value is not empty (a long ASCII
    /// body, a short one, a long Finnish one, a long one decoded as Windows-1252: 4 of 6; blank and empty are
    /// not), the repeated id 1 is dropped once, and the one encoding warning names line 7; the same on one
    /// thread and on workers.
    @Test("validate counts bodies left in the row as filled, and drops the repeated id")
    func validateBodiesInTheRow() throws {
        let rows: [[UInt8]] = [
            Array("id,created,customer,channel,subject,description".utf8),
            Array("1,2026-03-02 09:00,C1,email,Login,\"Hello, I cannot log in to my account at all\"".utf8),
            Array("2,2026-03-03 10:00,C2,email,Order,\"   \"".utf8),
            Array("3,2026-03-04 11:00,C3,chat,Order,".utf8),
            Array("4,2026-03-05 12:00,C4,chat,Order,short".utf8),
            Array("5,2026-03-06 12:00,C5,email,Tilaus,\"Tilaus ei ole saapunut viel\u{E4}, auttakaa\"".utf8),
            Array("1,2026-03-07 12:00,C1,email,Login,Maksoin kaksi kertaa: summa n".utf8) + [0xE4]
                + Array("kyy tilill".utf8) + [0xE4] + Array("ni kahdesti".utf8),
        ]
        let directory = NSTemporaryDirectory() + "contactstat-actions-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bodies.csv"
        try Data(rows.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: path))
        for threads in ["1", "2"] {
            var requested = RequestedSettings(files: [path])
            requested.threads = threads
            let outcome = try ValidateAction(settings: try RunSettings(requested, configuration: ContactStatConfiguration())).perform()
            #expect(outcome.output.contains("  text        <- \"description\"  (alias, 4 filled)\n"), "\(outcome.output)")
            #expect(outcome.output.contains("  contact_id  <- \"id\"  (alias, 6 filled)\n"))
            #expect(outcome.output.contains("rows read 6 = contacts 5 + rejected 0 + duplicates dropped 1\n"))
            #expect(outcome.diagnostics.count(.warning) == 1)
            #expect(outcome.diagnostics.count(kind: "windows-1252") == 1)
            #expect(outcome.diagnostics.groups.first?.examples.first?.location.line == 7)
        }
    }

    @Test("validate under strict exits 1 for the rejected row; quiet keeps the diagnostics back")
    func validateStrictQuiet() throws {
        try Self.withSample({ $0.strict = true; $0.quiet = true }) { settings, _ in
            let outcome = try ValidateAction(settings: settings).perform()
            #expect(outcome.status == 1)
            #expect(outcome.diagnostics.isEmpty)
        }
    }

    @Test("suggest lists the unclassified contacts' terms with a rule each")
    func suggest() throws {
        try Self.withSample { settings, _ in
            let outcome = try SuggestAction(settings: settings, top: "2").perform()
            let reason = "\"reason\": \"Suggested by contactstat suggest: set the process and flag.\""
            #expect(outcome.output == """
                2 of 4 contacts unclassified (coverage 50.0 %)

                count  term        example
                    2  frobnicate  zorblax frobnicate
                    2  zorblax     zorblax frobnicate

                To classify them, paste into the configuration's "taxonomy": { "causes": [ ... ] } (then rename the \
                path and name, and set the process and avoidable flag):
                { "path": "suggested/frobnicate", "name": "Frobnicate", "process": "To be assigned", "avoidable": false, \
                \(reason), "rules": [ { "keywords": "frobnicate" } ] },
                { "path": "suggested/zorblax", "name": "Zorblax", "process": "To be assigned", "avoidable": false, \
                \(reason), "rules": [ { "keywords": "zorblax" } ] },

                """)
            #expect(outcome.status == 0)
            #expect(outcome.diagnostics.count(.error) == 1)
        }
    }

    @Test("suggest needs a positive number of terms", arguments: ["0", "-1", "ten", ""])
    func suggestTop(_ text: String) throws {
        try Self.withSample { settings, _ in
            #expect(throws: ContactStatError(.usage, "\(setting: .top) expects a positive whole number")) {
                try SuggestAction(settings: settings, top: text)
            }
        }
    }

    @Test("check: a breached maximum fails with status 1, naming it and the figures")
    func checkBreach() throws {
        try Self.withSample { settings, _ in
            // Avoidable: the two "where is my order" contacts of four = 50 %, above 40 %.
            let check = try CheckAction.thresholds(minimumFCR: nil, maximumAvoidableRate: "40%", minimumCSAT: nil,
                                                   maximumCostPerContact: nil)
            let outcome = try CheckAction(settings: settings, check: check).perform()
            #expect(outcome.output == """
                breach: Avoidable-contact rate 50.0 % is above the maximum 40.0 %
                figures: 4 contacts, FCR –, avoidable rate 50.0 %, CSAT –, cost per contact EUR 6.65
                check failed: 1 threshold breached

                """)
            #expect(outcome.status == 1)
            #expect(outcome.notes == [RunNote(nil, "5 rows read, 4 contacts counted, 1 rejected; coverage 50.0 % (2 of 4 classified)")])
        }
    }

    @Test("check: an unmeasurable minimum is a note, not a breach; strict still fails on the rejected row")
    func checkNoteStrict() throws {
        try Self.withSample({ $0.strict = true }) { settings, _ in
            let check = try CheckAction.thresholds(minimumFCR: "0.9", maximumAvoidableRate: nil, minimumCSAT: nil,
                                                   maximumCostPerContact: "7")
            let outcome = try CheckAction(settings: settings, check: check).perform()
            #expect(outcome.output == """
                note: FCR has no value (no evaluable contacts); the minimum 90.0 % was not checked.
                figures: 4 contacts, FCR –, avoidable rate 50.0 %, CSAT –, cost per contact EUR 6.65
                check passed

                """)
            #expect(outcome.status == 1)
            #expect(outcome.notes.last == RunNote(.error, "1 records rejected (\(setting: .strict))"))
        }
    }

    @Test("check's thresholds: each bad value names its setting; none at all is an error", arguments: [
        ("x", nil, nil, nil, "\(setting: .minimumFCR) 'x' is not a rate such as 0.7 or 70%" as MessageText),
        (nil, "150%", nil, nil, "\(setting: .maximumAvoidableRate) '150%' is not a rate such as 0.7 or 70%"),
        (nil, nil, "y", nil, "\(setting: .minimumCSAT) 'y' is not a rate such as 0.7 or 70%"),
        (nil, nil, nil, "-2", "\(setting: .maximumCostPerContact) '-2' is not an amount"),
        (nil, nil, nil, nil, "give at least one threshold: \(setting: .minimumFCR), \(setting: .maximumAvoidableRate), "
            + "\(setting: .minimumCSAT), \(setting: .maximumCostPerContact), \(setting: .minimumSLAMet) or \(setting: .maximumChange)"),
    ] as [(String?, String?, String?, String?, MessageText)])
    func thresholds(_ fcr: String?, _ avoidable: String?, _ csat: String?, _ cost: String?, _ message: MessageText) {
        #expect(throws: ContactStatError(.usage, message)) {
            try CheckAction.thresholds(minimumFCR: fcr, maximumAvoidableRate: avoidable, minimumCSAT: csat,
                                       maximumCostPerContact: cost)
        }
    }

    @Test("check's thresholds read rates as fractions or percentages and amounts with a decimal comma")
    func thresholdValues() throws {
        #expect(try CheckAction.thresholds(minimumFCR: "70%", maximumAvoidableRate: "0.25", minimumCSAT: nil,
                                           maximumCostPerContact: "2,5")
            == ThresholdCheck(minFCR: 0.7, maxAvoidableRate: 0.25, maxCostPerContact: 2.5))
    }

    @Test("classify writes the rows with cause, process, avoidable and repeat, after saying what reading found")
    func classify() throws {
        try Self.withSample { settings, _ in
            var written: [UInt8] = []
            var read: ActionOutcome?
            let outcome = try ClassifyAction(settings: settings, delimiter: try ClassifyAction.delimiter(";"))
                .perform(read: { read = $0 }, write: { written += $0 })
            let lines = String(decoding: written, as: UTF8.self).split(separator: "\r\n").map(String.init)
            #expect(lines.count == 5)
            #expect(lines[0] == "id;created;customer;channel;subject;cause;process;avoidable;repeat;repeat_of;evaluable;fcr_resolved;switch_from;cost;language")
            #expect(lines[3] == "3;2026-03-04 11:00;C2;chat;zorblax frobnicate;unclassified;\(CauseDescriptor.unclassified.process);false;false;;false;;;6.5;unknown")
            // C1's second contact about the same order, a day later, is a repeat.
            #expect(lines[1].split(separator: ";", omittingEmptySubsequences: false)[8] == "false")
            #expect(lines[2].split(separator: ";", omittingEmptySubsequences: false)[8...9] == ["true", "1"])
            #expect(lines[1].split(separator: ";")[7] == "true")
            #expect(read?.diagnostics.count(.error) == 1)
            #expect(read?.notes.count == 1)
            #expect(outcome.status == 0 && outcome.notes.isEmpty)
            #expect(throws: ContactStatError(.usage, "\(setting: .csvDelimiter) expects , ; tab or |")) {
                try ClassifyAction.delimiter("::")
            }
        }
    }
}
