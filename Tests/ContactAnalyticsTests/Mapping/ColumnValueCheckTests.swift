import Testing
@testable import ContactAnalytics

/// Columns found by name alone are checked against their sampled values before they feed a field.
@Suite struct ColumnValueCheckTests {
    /// Runs `checkAliasColumns` over `rows` (under `header`) and returns the mapper.
    static func checked(_ header: [String], _ rows: [[String]], _ options: MappingOptions = MappingOptions())
        throws -> (ContactMapper, [Diagnostic]) {
        var mapper = try MappingTestSupport.mapper(header, options)
        let sample = rows.enumerated().map { RawRecord(fields: $0.element, line: $0.offset + 2) }
        let notes = mapper.checkAliasColumns(sample)
        return (mapper, notes)
    }

    @Test func aColumnOfUSStatesIsNoStatusAndTheNextAliasTakesTheField() throws {
        // `Estado` is a status alias (Spanish) but also the Spanish for a state; `State` itself is no alias.
        // 10 rows: 2 `NY` (Swedish "ny" = new, so a status), 8 other states: 8 of 10 are not statuses.
        let states = ["NY", "MA", "CA", "NY", "TX", "MA", "FL", "CA", "WA", "OH"]
        let rows = states.enumerated().map { ["2024-06-0\($0.offset % 9 + 1)T10:00:00Z", $0.element, "Open"] }
        let (mapper, notes) = try Self.checked(["Created at", "Estado", "Estado del contacto"], rows)
        #expect(mapper.bindings[.status] == ColumnBinding(field: .status, column: "Estado del contacto", index: 2,
                                                          source: .alias))
        let message = "column 'Estado' not used as status: 8 of 10 sampled values are not statuses (e.g. 'MA', 'CA')"
        #expect(mapper.refusedColumns == [ColumnRefusal(field: .status, column: "Estado", message: message)])
        #expect(notes == [Diagnostic(.note, kind: "column-refused", at: SourceLocation(file: "test.csv", line: 0),
                                     column: "Estado", message: MessageText(message))])
    }

    @Test func aStatusColumnMostlyOfOneRecognisedValueIsStillRefusedWhenMostDistinctValuesAreNot() throws {
        // 6 of 10 rows `NY`, so most rows read; but 4 of its 5 distinct values are no status.
        let states = ["NY", "NY", "NY", "NY", "NY", "NY", "MA", "CA", "TX", "FL"]
        let (mapper, _) = try Self.checked(["Created at", "Estado"], states.map { ["2024-06-01", $0] })
        #expect(mapper.bindings[.status] == nil)
        #expect(mapper.refusedColumns.map(\.message)
                == ["column 'Estado' not used as status: 4 of its 5 distinct values are not statuses (e.g. 'MA', 'CA')"])
    }

    @Test func aRealStatusColumnIsKept() throws {
        let values = ["Open", "Solved", "Pending", "Closed", "New", "Solved", "On-hold", "solved", "", "Open"]
        let (mapper, notes) = try Self.checked(["Created at", "Status"], values.map { ["2024-06-01", $0] })
        #expect(mapper.bindings[.status]?.column == "Status")
        #expect(notes.isEmpty)
    }

    @Test func aPhoneColumnOfNamesIsNoPhoneAndALaterAliasMayTakeIt() throws {
        // (`caller_id` itself is the customer by name: ServiceNow's caller is a person.)
        let rows = [["2024-06-01", "Maria Lopez", "+1 617 555 0142"], ["2024-06-01", "James Chen", "6175550199"],
                    ["2024-06-01", "(617) 555-0100", ""]]
        let (mapper, _) = try Self.checked(["Created", "Phone", "ANI"], rows)
        #expect(mapper.bindings[.phone] == ColumnBinding(field: .phone, column: "ANI", index: 2, source: .alias))
        #expect(mapper.refusedColumns.map(\.message) == [
            "column 'Phone' not used as phone: 2 of 3 sampled values are not phone numbers (e.g. 'Maria Lopez', 'James Chen')",
        ])
        let (caller, _) = try Self.checked(["Created", "caller_id", "ANI"], rows)
        #expect(caller.bindings[.customer]?.column == "caller_id")
        #expect(caller.bindings[.phone]?.column == "ANI")
    }

    @Test func aSubjectOfFewDepartmentNamesBecomesTheCategoryWhenNoneIsMapped() throws {
        let departments = ["Billing", "Technical Support", "Shipping", "Returns", "Sales"]
        let rows = (0..<50).map { ["2024-06-01", departments[$0 % 5]] }
        let (mapper, _) = try Self.checked(["Created", "SUBJECT"], rows)
        #expect(mapper.bindings[.subject] == nil)
        #expect(mapper.bindings[.category] == ColumnBinding(field: .category, column: "SUBJECT", index: 1, source: .alias))
        #expect(mapper.refusedColumns == [ColumnRefusal(
            field: .subject, column: "SUBJECT", reassignedTo: .category,
            message: "column 'SUBJECT' not used as subject: 5 distinct values in 50 sampled, a category rather than free text; used as category")])
        // With a category column of its own, the subject stays (the Buenos Aires `subcategoria` case); with
        // fewer than 50 values there is too little to tell.
        let (withCategory, _) = try Self.checked(["Created", "SUBJECT", "Category"], rows.map { $0 + ["x"] })
        #expect(withCategory.bindings[.subject]?.column == "SUBJECT")
        let (few, _) = try Self.checked(["Created", "SUBJECT"], Array(rows.prefix(49)))
        #expect(few.bindings[.subject]?.column == "SUBJECT")
    }

    @Test func explicitAndPresetColumnsAreNotChecked() throws {
        let rows = [["2024-06-01", "NY"], ["2024-06-01", "MA"]]
        let (explicit, _) = try Self.checked(["Created", "State"], rows, MappingOptions(explicit: [.status: "State"]))
        #expect(explicit.bindings[.status]?.source == .explicit)
        #expect(explicit.refusedColumns.isEmpty)
        let preset = ExportPreset(name: "us", summary: "test", mapping: [.status: ["State"]])
        let (presetMapper, _) = try Self.checked(["Created", "State"], rows, MappingOptions(preset: preset))
        #expect(presetMapper.bindings[.status]?.source == .preset)
    }

    /// Each parsed field uses its own parser: timestamps, durations, CSAT (no-response words skipped),
    /// money, e-mail, flags, whole numbers.
    @Test(arguments: [
        (["Date", "Fecha"], [["Mon", "2024-06-01"], ["Tue", "2024-06-02"]], CanonicalField.openedAt, "Fecha",
         "column 'Date' not used as opened_at: 2 of 2 sampled values are not timestamps (e.g. 'Mon', 'Tue')"),
        (["Created", "Duration"], [["2024-06-01", "short"], ["2024-06-01", "long"], ["2024-06-01", "4:05"]], .handleTime, nil,
         "column 'Duration' not used as handle_time: 2 of 3 sampled values are not durations (e.g. 'short', 'long')"),
        (["Created", "Rating"], [["2024-06-01", "PG-13"], ["2024-06-01", "offered"], ["2024-06-01", "R"]], .csat, nil,
         "column 'Rating' not used as csat: 2 of 2 sampled values are not satisfaction answers (e.g. 'PG-13', 'R')"),
        (["Created", "Cost"], [["2024-06-01", "high"], ["2024-06-01", "low"], ["2024-06-01", "€4.50"]], .cost, nil,
         "column 'Cost' not used as cost: 2 of 3 sampled values are not amounts (e.g. 'high', 'low')"),
        (["Created", "Email"], [["2024-06-01", "yes"], ["2024-06-01", "no"]], .email, nil,
         "column 'Email' not used as email: 2 of 2 sampled values are not e-mail addresses (e.g. 'yes', 'no')"),
        (["Created", "FCR"], [["2024-06-01", "Tier 1"], ["2024-06-01", "Tier 2"]], .firstContactResolved, nil,
         "column 'FCR' not used as fcr_flag: 2 of 2 sampled values are not yes/no values (e.g. 'Tier 1', 'Tier 2')"),
        (["Created", "Replies"], [["2024-06-01", "see thread"], ["2024-06-01", "-1"]], .agentReplies, nil,
         "column 'Replies' not used as agent_replies: 2 of 2 sampled values are not whole numbers (e.g. 'see thread', '-1')"),
    ] as [([String], [[String]], CanonicalField, String?, String)])
    func eachFieldIsCheckedWithItsParser(header: [String], rows: [[String]], field: CanonicalField, next: String?,
                                         message: String) throws {
        let (mapper, _) = try Self.checked(header, rows)
        #expect(mapper.bindings[field]?.column == next)
        #expect(mapper.refusedColumns.map(\.message) == [message])
    }

    @Test func halfReadableIsKept() throws {
        // Exactly half unreadable: not "mostly" unreadable; the field keeps the column and warns per value.
        let rows = [["2024-06-01", "120"], ["2024-06-01", "n/a?"]]
        let (mapper, notes) = try Self.checked(["Created", "Talk time"], rows)
        #expect(mapper.bindings[.handleTime]?.column == "Talk time")
        #expect(notes.isEmpty)
    }

    // The check reads ASCII values from the record's bytes and any other value through its NFC `String`:
    // the verdicts, counts and examples must be those of the trimmed NFC values either way.

    @Test func paddedValuesAreJudgedTrimmed() throws {
        let states = ["NY", "MA", "CA", "NY", "TX", "MA", "FL", "CA", "WA", "OH"]
        let pads = [(" ", ""), ("\t", " "), ("", "\r\n"), ("  ", "  "), ("\r", "\t")]
        let padded = states.enumerated().map { offset, state in
            let (before, after) = pads[offset % pads.count]
            return ["2024-06-0\(offset % 9 + 1)T10:00:00Z", before + state + after]
        }
        let (mapper, _) = try Self.checked(["Created at", "Estado"], padded)
        let plain = states.enumerated().map { ["2024-06-0\($0.offset % 9 + 1)T10:00:00Z", $0.element] }
        let (reference, _) = try Self.checked(["Created at", "Estado"], plain)
        let message = "column 'Estado' not used as status: 8 of 10 sampled values are not statuses (e.g. 'MA', 'CA')"
        #expect(mapper.refusedColumns.map(\.message) == [message])
        #expect(reference.refusedColumns == mapper.refusedColumns)
        // Padded readable values stay readable (a timestamp column with spaces around its values is kept), and
        // a value of white space only is no value at all.
        let rows = [["  2024-06-01 10:00  ", "\t"], ["\t2024-06-02\r", "  "], ["2024-06-03 ", "x"]]
        let (dates, notes) = try Self.checked(["Created", "Phone"], rows)
        #expect(dates.bindings[.openedAt]?.column == "Created")
        #expect(notes.count == 1)
        #expect(dates.refusedColumns.map(\.message)
                == ["column 'Phone' not used as phone: 1 of 1 sampled values are not phone numbers (e.g. 'x')"])
    }

    @Test func nonASCIIValuesAreJudgedAsTheirNFCStrings() throws {
        // `Córdoba` three times precomposed and three times decomposed (`o` + U+0301): one distinct value of
        // six, so it leads the examples; with the two forms apart it would be named twice.
        let composed = "C\u{F3}rdoba", decomposed = "Co\u{301}rdoba"
        // The first seen is decomposed: the example is still the NFC form (`String` equality would not tell).
        let states = [decomposed, "Jalisco", composed, composed, "Sinaloa", decomposed, "Puebla", composed,
                      decomposed, "Oaxaca"]
        let (mapper, _) = try Self.checked(["Created", "Estado"], states.map { ["2024-06-01", " \($0) "] })
        #expect(mapper.bindings[.status] == nil)
        #expect(mapper.refusedColumns.map { Array($0.message.utf8) } == [Array(
            "column 'Estado' not used as status: 10 of 10 sampled values are not statuses (e.g. 'C\u{F3}rdoba', 'Jalisco')".utf8)])
        // Non-ASCII values among ASCII ones, readable (`€4.50`, a no-break space inside a phone number) or not.
        let rows = [["2024-06-01", "Zoe\u{308} Mu\u{308}ller", "\u{20AC}4.50"], ["2024-06-01", "+1 617 555 0142", "4.50"],
                    ["2024-06-01", "Jos\u{E9} N\u{FA}\u{F1}ez", "\u{20AC}12"], ["2024-06-01", "6175550199", "9"]]
        let (people, _) = try Self.checked(["Created", "Phone", "Cost"], rows)
        #expect(people.bindings[.cost]?.column == "Cost")
        #expect(people.bindings[.phone]?.column == "Phone")
        let names = rows.map { [$0[0], $0[1] == "+1 617 555 0142" ? "Ana" : $0[1]] }
        let (refused, _) = try Self.checked(["Created", "Phone"], names)
        #expect(refused.refusedColumns.map { Array($0.message.utf8) } == [Array(
            "column 'Phone' not used as phone: 3 of 4 sampled values are not phone numbers (e.g. 'Zo\u{EB} M\u{FC}ller', 'Ana')".utf8)])
    }

    @Test func bytesAreTrimmedAndClassedAsTheStringsAre() {
        var record = RawRecord(fields: [" \t a b \r\n", "\t \r\n", "", "\u{7F}x", "\u{80}", "caf\u{E9}"])
        record.line = 2
        for index in 0..<6 {
            let (trimmed, ascii) = record.withBytes(at: index) { bytes in
                let trimmed = ByteCursor.trimmingSpace(bytes)
                return (String(decoding: trimmed, as: UTF8.self), ByteCursor.isASCII(trimmed))
            }
            #expect(trimmed == (record.trimmedString(at: index) ?? ""))
            #expect(ascii == (index < 4))
        }
    }

    /// A column is settled (`isSettled`) once no value left can make the check refuse it: its readable values
    /// are at least as many as its unreadable ones could become. Never a status column; a subject column once
    /// it has more distinct values than a category has, or `category` is taken.
    @Test func aColumnIsSettledOnceNoValueLeftCanRefuseIt() {
        var opened = ColumnValueCheck(field: .openedAt, column: "Created", sampleSize: 10)
        #expect(!opened.isSettled(remaining: 10, categoryIsFree: true))
        for _ in 0..<4 { opened.count(readable: true) }
        #expect(!opened.isSettled(remaining: 6, categoryIsFree: true))
        opened.observe("soon", readable: false)
        #expect(!opened.isSettled(remaining: 5, categoryIsFree: true))
        opened.count(readable: true)
        #expect(opened.isSettled(remaining: 4, categoryIsFree: true))
        var status = ColumnValueCheck(field: .status, column: "Status", sampleSize: 10)
        for _ in 0..<10 { status.observe("Open", readable: true) }
        #expect(!status.isSettled(remaining: 0, categoryIsFree: true))
        var subject = ColumnValueCheck(field: .subject, column: "Subject", sampleSize: 20)
        #expect(subject.isSettled(remaining: 20, categoryIsFree: false))
        subject.observe("a", readable: true)
        subject.observe("b", readable: true)
        #expect(!subject.isSettled(remaining: 18, categoryIsFree: true))
        subject.observe("c", readable: true)
        #expect(subject.isSettled(remaining: 17, categoryIsFree: true))
    }

    /// Stopping early decides what the whole sample decides: readable values first, then more unreadable ones
    /// than readable, is refused with the counts of the whole sample; fewer unreadable ones are not.
    @Test func aCheckThatStopsEarlyDecidesAsTheWholeSample() throws {
        let late = ["soon", "later", "soon", "soon", "later", "soon"]
        let dates = (1...5).map { "2024-06-0\($0)T10:00:00Z" }
        let (refused, notes) = try Self.checked(["Created at", "Subject"], (dates + late).map { [$0, "Hello"] })
        let message = "column 'Created at' not used as opened_at: 6 of 11 sampled values are not timestamps "
            + "(e.g. 'soon', 'later')"
        #expect(refused.refusedColumns.map(\.message) == [message])
        #expect(notes.map(\.message) == [message])
        #expect(refused.bindings[.openedAt] == nil)
        let (kept, none) = try Self.checked(["Created at", "Subject"], (dates + ["2024-06-06"] + late.prefix(5)).map { [$0, "Hello"] })
        #expect(kept.refusedColumns.isEmpty)
        #expect(none.isEmpty)
        #expect(kept.bindings[.openedAt]?.column == "Created at")
    }
}
