import Testing
@testable import ContactAnalytics

/// Which column feeds which field: explicit mapping over preset over aliases, missing columns, the required
/// opened_at, and the per-field fill counts.
@Suite struct ContactMapperBindingTests {
    /// Three columns that can each give opened_at: an alias, the Salesforce preset's column, and a custom one.
    static let header = ["Created at", "Date/Time Opened", "Logged", "Subject"]

    @Test(arguments: [
        // (explicit, preset, bound column, index, source)
        ([CanonicalField.openedAt: "Logged"], ExportPreset.salesforce, "Logged", 2, ColumnBinding.Source.explicit),
        ([:], .salesforce, "Date/Time Opened", 1, .preset),
        ([:], .generic, "Created at", 0, .alias),
        // An explicit column is found ignoring case, spaces and punctuation.
        ([.openedAt: "LOGGED"], .generic, "Logged", 2, .explicit),
        ([.openedAt: "date_time_opened"], .generic, "Date/Time Opened", 1, .explicit),
    ])
    func explicitOverPresetOverAlias(explicit: [CanonicalField: String], preset: ExportPreset, column: String,
                                     index: Int, source: ColumnBinding.Source) throws {
        let mapper = try MappingTestSupport.mapper(Self.header, MappingOptions(explicit: explicit, preset: preset))
        #expect(mapper.bindings[.openedAt] == ColumnBinding(field: .openedAt, column: column, index: index,
                                                           source: source))
        #expect(mapper.bindings[.subject] == ColumnBinding(field: .subject, column: "Subject", index: 3,
                                                          source: preset.mapping[.subject] == nil ? .alias : .preset))
    }

    @Test func boundValuesComeFromTheWinningColumn() throws {
        var mapper = try MappingTestSupport.mapper(Self.header, MappingOptions(explicit: [.openedAt: "Logged"],
                                                                               preset: .salesforce))
        // 2024-01-01T00:00Z = 1 704 067 200.
        let (outcome, _) = MappingTestSupport.map(&mapper, ["garbage", "also garbage", "2024-01-01", "s"])
        #expect(MappingTestSupport.contact(outcome)?.openedAt == 1_704_067_200)
    }

    @Test func aPresetFieldTakesTheFirstOfItsColumnsThatTheInputHas() throws {
        // A CSV export's name and an API dump's name for the same field: whichever the input has.
        let preset = ExportPreset(name: "two-shapes", summary: "test",
                                  mapping: [.openedAt: ["Created at", "created_at"], .channel: ["Via", "via.channel"]])
        let api = try MappingTestSupport.mapper(["id", "created_at", "via.channel"], MappingOptions(preset: preset))
        #expect(api.bindings[.openedAt] == ColumnBinding(field: .openedAt, column: "created_at", index: 1, source: .preset))
        #expect(api.bindings[.channel] == ColumnBinding(field: .channel, column: "via.channel", index: 2, source: .preset))
        #expect(api.missingColumns.isEmpty)
        // Both present: the first listed wins. Neither present: missing, naming every candidate.
        let both = try MappingTestSupport.mapper(["created_at", "Created at"], MappingOptions(preset: preset))
        #expect(both.bindings[.openedAt]?.index == 1)
        #expect(MappingTestSupport.missing(both) == ["channel=Via' or 'via.channel (preset)"])
    }

    @Test func aPresetsOwnValuesWinOverTheBuiltInWords() throws {
        // An API's codes: Freshdesk-like `source` 1 = email, `status` 4 = resolved; an export's own marker of
        // the organisation's messages. Values the preset does not list still go through the built-in words.
        let preset = ExportPreset(name: "codes", summary: "test",
                                  mapping: [.openedAt: ["created"], .channel: ["source"], .status: ["status"],
                                            .inbound: ["direction"]],
                                  channelValues: ["1": .email, "Text us": .sms], statusValues: ["4": .resolved],
                                  inboundValues: ["customer": true, "agent": false])
        var mapper = try MappingTestSupport.mapper(["created", "source", "status", "direction"], MappingOptions(preset: preset))
        let coded = MappingTestSupport.contact(MappingTestSupport.map(&mapper, ["2024-01-01T00:00:00Z", "1", "4", "customer"]).outcome)
        #expect(coded?.channel == .email)
        #expect(coded?.status == .resolved)
        let worded = MappingTestSupport.contact(MappingTestSupport.map(&mapper, ["2024-01-01T00:00:00Z", "Chat", "Open", "yes"]).outcome)
        #expect(worded?.channel == .chat)
        #expect(worded?.status == .open)
        if case .excluded = MappingTestSupport.map(&mapper, ["2024-01-01T00:00:00Z", "1", "4", "Agent"]).outcome {} else {
            Issue.record("a value the preset marks as the organisation's own must exclude the row")
        }
    }

    @Test func aColumnFeedsOneFieldOnly() throws {
        // `Created at` is taken by subject explicitly, so opened_at cannot have it and falls to the next alias
        // in its list that the header has (`date`).
        let mapper = try MappingTestSupport.mapper(["Created at", "Date"], MappingOptions(explicit: [.subject: "Created at"]))
        #expect(mapper.bindings[.subject]?.index == 0)
        #expect(mapper.bindings[.openedAt] == ColumnBinding(field: .openedAt, column: "Date", index: 1, source: .alias))
    }

    @Test func missingPresetColumnsAreListed() throws {
        // A preset's optional columns may be absent: listed, and the field falls back to an alias.
        let mapper = try MappingTestSupport.mapper(["tweet_id", "created_at", "text", "Subject"], MappingOptions(preset: .twitter))
        #expect(MappingTestSupport.missing(mapper) == ["customer=author_id (preset)", "inbound=inbound (preset)"])
        #expect(mapper.bindings[.subject] == ColumnBinding(field: .subject, column: "Subject", index: 3, source: .alias))
        #expect(mapper.bindings[.channel] == ColumnBinding(field: .channel, column: "social", index: nil, source: .constant))
    }

    /// A help-desk export's header (Freshdesk-like), for the "did you mean" of a misspelt mapping.
    static let helpDeskHeader = ["Ticket ID", "Subject", "Received Via", "Created time", "Status", "Agent"]

    @Test func anExplicitColumnTheExportLacksIsAUsageErrorWithTheClosestColumn() {
        let error = InputTestSupport.contactStatError {
            _ = try MappingTestSupport.mapper(Self.helpDeskHeader, MappingOptions(explicit: [.channel: "Recieved_Via"]))
        }
        #expect(error == ContactStatError(
            .usage,
            "column 'Recieved_Via' is not in this export (\(setting: .map) maps channel to it); did you mean 'Received Via'?; "
                + "columns: 'Ticket ID', 'Subject', 'Received Via', 'Created time', 'Status', 'Agent'",
            at: MappingTestSupport.file))
        #expect(error?.exitCode == 64)
    }

    @Test func theMessageSaysWhenTheColumnCameFromTheConfiguration() {
        let options = MappingOptions(explicit: [.openedAt: "Created"],
                                     explicitOrigin: [.openedAt: "the configuration's mapping (contactstat.json)"])
        let error = InputTestSupport.contactStatError { _ = try MappingTestSupport.mapper(["Id", "Opened"], options) }
        // Nothing is close to `Created`: no suggestion, even though an alias (`Opened`) could give opened_at.
        #expect(error?.message == "column 'Created' is not in this export (the configuration's mapping "
                    + "(contactstat.json) maps opened_at to it); columns: 'Id', 'Opened'")
    }

    @Test func aPresetsOpenedAtColumnIsRequiredWhenNoAliasGivesIt() {
        let error = InputTestSupport.contactStatError {
            _ = try MappingTestSupport.mapper(["Call ID", "Agent", "Dates", "Topic"], MappingOptions(preset: .callCentre))
        }
        #expect(error == ContactStatError(
            .usage,
            "the preset 'call-centre' reads opened_at from 'date', which this export lacks, and no other column gives "
                + "opened_at; did you mean 'Dates'?; columns: 'Call ID', 'Agent', 'Dates', 'Topic'; "
                + "name one with \(setting: .map) opened_at=COLUMN",
            at: MappingTestSupport.file))
    }

    @Test func aPresetsMissingOpenedAtIsOnlyListedWhenAnAliasGivesIt() throws {
        let mapper = try MappingTestSupport.mapper(["call id", "created at"], MappingOptions(preset: .callCentre))
        #expect(mapper.bindings[.openedAt]?.column == "created at")
        #expect(MappingTestSupport.missing(mapper).contains("opened_at=date (preset)"))
    }

    @Test func noMissingColumnsWithAliasesOnly() throws {
        let mapper = try MappingTestSupport.mapper(["Created at"])
        #expect(mapper.missingColumns.isEmpty)
        #expect(mapper.bindings.count == 1)
    }

    @Test func noOpenedAtColumnIsAUsageError() {
        let error = InputTestSupport.contactStatError {
            _ = try ContactMapper(header: ["Ticket", "", "Subject", "Body"], options: MappingOptions(),
                                  file: "tickets.csv", checksFieldCount: true)
        }
        #expect(error == ContactStatError(
            .usage,
            "no column gives opened_at (when each contact was opened); columns: 'Ticket', 'Subject', 'Body'; "
                + "name one with \(setting: .map) opened_at=COLUMN or pick a \(setting: .preset)",
            at: "tickets.csv"))
        #expect(error?.exitCode == 64)
    }

    @Test func missingExplicitOpenedAtColumnIsAUsageErrorWhenNoAliasHelps() {
        let error = InputTestSupport.contactStatError {
            _ = try MappingTestSupport.mapper(["When", "Subject"], MappingOptions(explicit: [.openedAt: "Opened on"]))
        }
        #expect(error?.kind == .usage)
        #expect(error?.message.hasSuffix("columns: 'When', 'Subject'") == true)
    }

    @Test func openedAtCanBeRequiredLater() throws {
        // JSON input discovers its keys while reading: the check waits until the header has grown.
        var mapper = try ContactMapper(header: [], options: MappingOptions(), file: "t.json", checksFieldCount: false,
                                       requiresOpenedAt: false)
        #expect(throws: ContactStatError.self) { try mapper.requireColumns() }
        mapper.updateHeader(["id", "created_at"])
        #expect(mapper.bindings[.openedAt] == ColumnBinding(field: .openedAt, column: "created_at", index: 1, source: .alias))
        #expect(mapper.bindings[.contactID]?.index == 0)
        try mapper.requireColumns()
    }

    @Test func filledCountsCountEachFieldPerContact() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "Subject", "Agent", "CSAT"])
        let rows = [
            ["2024-01-01", "a", "Bob", "5"],
            ["2024-01-02", "", "Bob", "offered"],
            ["2024-01-03", "c", " ", "9"],      // csat off the scale: a warning, not counted
            ["", "d", "Bob", "4"],               // rejected: nothing counted
            ["2024-01-05", "e", "Eve", "good"],
        ]
        var diagnostics = DiagnosticLog()
        for (i, row) in rows.enumerated() {
            _ = mapper.map(RawRecord(fields: row, line: i + 2), diagnostics: &diagnostics)
        }
        #expect(mapper.filledCounts == [.openedAt: 4, .subject: 3, .agent: 3, .csat: 2])
        #expect(diagnostics.count(kind: "unreadable-csat") == 1)
        #expect(mapper.takeFilledCounts() == [.openedAt: 4, .subject: 3, .agent: 3, .csat: 2])
        #expect(mapper.filledCounts.isEmpty)
        _ = mapper.map(RawRecord(fields: ["2024-01-06", "f", "", ""], line: 9), diagnostics: &diagnostics)
        #expect(mapper.filledCounts == [.openedAt: 1, .subject: 1])
    }

    /// Records come in runs that fill the same fields (counted as a run, added when the run ends): counts
    /// asked for at any point, and taken in the middle of a run, are what each record filled, added up.
    @Test func filledCountsAddUpRunsOfRecordsFillingTheSameFields() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "Subject", "Agent", "CSAT"])
        var generator = SystemRandomNumberGenerator()
        var diagnostics = DiagnosticLog()
        var expected: [CanonicalField: Int] = [:]
        var row = ["2024-01-01", "a", "Bob", "5"]
        for line in 0..<2000 {
            // A new pattern now and then (runs of 1 to about 30 records), some rows rejected.
            if Int.random(in: 0..<15, using: &generator) == 0 {
                row = ["2024-01-01", Bool.random(using: &generator) ? "a" : "", Bool.random(using: &generator) ? "Bob" : " ",
                       Bool.random(using: &generator) ? "4" : ""]
                if Int.random(in: 0..<4, using: &generator) == 0 { row[0] = "" }
            }
            _ = mapper.map(RawRecord(fields: row, line: line + 2), diagnostics: &diagnostics)
            if !row[0].isEmpty {
                expected[.openedAt, default: 0] += 1
                if !row[1].isEmpty { expected[.subject, default: 0] += 1 }
                if row[2] != " " { expected[.agent, default: 0] += 1 }
                if !row[3].isEmpty { expected[.csat, default: 0] += 1 }
            }
            if Int.random(in: 0..<50, using: &generator) == 0 { #expect(mapper.filledCounts == expected) }
            if Int.random(in: 0..<300, using: &generator) == 0 {
                #expect(mapper.takeFilledCounts() == expected)
                #expect(mapper.filledCounts.isEmpty)
                expected = [:]
            }
        }
        #expect(mapper.filledCounts == expected)
        #expect(mapper.copyForThread().filledCounts == expected)
    }
}
