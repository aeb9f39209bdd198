import Testing
@testable import ContactAnalytics

/// The service-level fields as the mapper reads them: priorities and their aliases, first reply from a timestamp
/// or a duration in the column's unit, a reply before the contact, answered flags and wait times.
@Suite struct ServiceLevelFieldTests {
    @Test(arguments: [
        ("Urgent", ContactPriority.urgent), ("critical", .urgent), ("P1", .urgent), ("1", .urgent),
        ("1 - Critical", .urgent), ("Kiireellinen", .urgent), ("kriittinen", .urgent), ("Brådskande", .urgent),
        ("High", .high), ("p2", .high), ("2 - High", .high), ("korkea", .high), ("Hög", .high), ("Alta", .high),
        ("normal", .normal), ("Medium", .normal), ("3 - Moderate", .normal), ("P3", .normal), ("2 normal", .normal),
        ("Normaali", .normal), ("medel", .normal), ("Low", .low), ("4", .low), ("P4", .low), ("5 - Planning", .low),
        ("matala", .low), ("Låg", .low), ("baja", .low),
    ])
    func prioritiesAndTheirAliases(value: String, expected: ContactPriority) {
        #expect(PriorityNormalizer().priority(for: value) == expected)
    }

    @Test(arguments: ["", "Whenever", "not_priority", "7", "soon"])
    func unknownPrioritiesAreNotGuessed(value: String) {
        #expect(PriorityNormalizer().priority(for: value) == nil)
    }

    /// Freshdesk's API writes 1 = Low ... 4 = Urgent: its preset's values win over the P1-P4 reading.
    @Test func aPresetsOwnCodesWin() throws {
        let freshdesk = PriorityNormalizer(aliases: ExportPreset.freshdesk.priorityValues)
        #expect(freshdesk.priority(for: "1") == .low && freshdesk.priority(for: "4") == .urgent)
        #expect(freshdesk.priority(for: "Urgent") == .urgent)
    }

    @Test func anUnknownPriorityIsKeptAsWrittenAndNoted() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "Priority"])
        let (outcome, log) = MappingTestSupport.map(&mapper, ["2026-03-02 09:00", "Someday"], line: 5)
        let contact = MappingTestSupport.contact(outcome)
        #expect(contact?.priority == nil && contact?.rawPriority == "Someday")
        let notes = MappingTestSupport.all(log)
        #expect(notes.map(\.kind) == [ContactMapper.unknownPriorityKind])
        #expect(notes.first?.location.line == 5 && notes.first?.severity == .note)
    }

    @Test func aFirstReplyTimestampGivesSecondsFromOpening() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "First reply at"])
        let (outcome, log) = MappingTestSupport.map(&mapper, ["2026-03-02 09:00:00", "2026-03-02 17:00:00"])
        #expect(MappingTestSupport.contact(outcome)?.firstReplySeconds == 28_800)
        #expect(MappingTestSupport.all(log).isEmpty)
    }

    /// A reply before the contact opened is no negative time: the contact is kept, located and counted.
    @Test func aReplyBeforeOpenedIsAWarningNotANegativeTime() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "First reply at"])
        let (outcome, log) = MappingTestSupport.map(&mapper, ["2026-03-02 10:00:00", "2026-03-02 09:59:00"], line: 4)
        let contact = MappingTestSupport.contact(outcome)
        #expect(contact != nil && contact?.firstReplySeconds == nil)
        let warnings = MappingTestSupport.all(log)
        #expect(warnings.map(\.kind) == [ContactMapper.replyBeforeOpenedKind])
        #expect(warnings.first?.location.line == 4 && warnings.first?.column == "First reply at")
        // At the same second it is 0 s, not "before".
        let (same, sameLog) = MappingTestSupport.map(&mapper, ["2026-03-02 10:00:00", "2026-03-02 10:00:00"])
        #expect(MappingTestSupport.contact(same)?.firstReplySeconds == 0 && MappingTestSupport.all(sameLog).isEmpty)
    }

    /// A reply-time duration column: the unit of bare numbers comes from the column's name.
    @Test(arguments: [
        ("First reply time in minutes", "30", 1_800.0), ("First response time (in hrs)", "1.5", 5_400),
        ("first_response_minutes", "261.5", 15_690), ("Time to first response", "90", 90),
        ("Time to first response", "1h 30min", 5_400),
    ])
    func aReplyTimeColumnIsReadInItsUnit(column: String, value: String, seconds: Double) throws {
        var mapper = try MappingTestSupport.mapper(["Created at", column])
        #expect(mapper.bindings[.firstReplyTime]?.column == column)
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2026-03-02 09:00:00", value])
        #expect(MappingTestSupport.contact(outcome)?.firstReplySeconds == seconds)
    }

    @Test func aNegativeReplyTimeIsUnreadable() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "First reply time in minutes"])
        let (outcome, log) = MappingTestSupport.map(&mapper, ["2026-03-02 09:00:00", "-5"])
        #expect(MappingTestSupport.contact(outcome)?.firstReplySeconds == nil)
        #expect(MappingTestSupport.all(log).map(\.kind) == ["unreadable-first_reply_time"])
    }

    @Test func answeredAndWaitTimeOfACallLog() throws {
        var mapper = try MappingTestSupport.mapper(["Date", "Answered (Y/N)", "Speed of answer in seconds"])
        #expect(mapper.bindings[.answered]?.column == "Answered (Y/N)")
        #expect(mapper.bindings[.waitTime]?.column == "Speed of answer in seconds")
        let (answered, _) = MappingTestSupport.map(&mapper, ["2021-01-01 09:12:58", "Y", "109"])
        #expect(MappingTestSupport.contact(answered)?.answered == true)
        #expect(MappingTestSupport.contact(answered)?.waitSeconds == 109)
        let (abandoned, _) = MappingTestSupport.map(&mapper, ["2021-01-01 10:00:29", "N", ""])
        #expect(MappingTestSupport.contact(abandoned)?.answered == false)
        #expect(MappingTestSupport.contact(abandoned)?.waitSeconds == nil)
        let (unreadable, log) = MappingTestSupport.map(&mapper, ["2021-01-01 10:00:29", "maybe", "1"])
        #expect(MappingTestSupport.contact(unreadable)?.answered == nil)
        #expect(MappingTestSupport.all(log).map(\.kind) == ["unreadable-answered"])
    }

    /// Asterisk's `disposition`: ANSWERED is answered, NO ANSWER / BUSY / FAILED are not.
    @Test func asteriskDispositionIsTheAnsweredFlag() throws {
        let header = ["start", "disposition", "linkedid"]
        var mapper = try MappingTestSupport.mapper(header, MappingOptions(preset: .asteriskCDR))
        for (value, expected) in [("ANSWERED", true), ("NO ANSWER", false), ("BUSY", false), ("FAILED", false)] {
            let (outcome, _) = MappingTestSupport.map(&mapper, ["2024-01-27 15:07:24", value, "1.0"])
            #expect(MappingTestSupport.contact(outcome)?.answered == expected, "\(value)")
        }
    }

    @Test func reopensAreAWholeNumber() throws {
        var mapper = try MappingTestSupport.mapper(["Created at", "Reopens"])
        let (outcome, _) = MappingTestSupport.map(&mapper, ["2026-03-02 09:00:00", "2"])
        #expect(MappingTestSupport.contact(outcome)?.reopens == 2)
    }
}
