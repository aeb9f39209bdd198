import Testing
@testable import ContactAnalytics

/// `ContactRecord.reset(openedAt:location:)`, which the mapper uses instead of assigning a fresh record, gives
/// exactly the fresh record, whatever the record held before.
@Suite struct ContactRecordResetTests {
    /// A record with every stored field set to something other than its default, on line 7 of `file`.
    static func filledRecord(file: String) -> ContactRecord {
        var record = ContactRecord(
            contactID: "T1", openedAt: 100, closedAt: 200, customer: "C1", channel: .email, rawChannel: "mail",
            subject: "Where is my order", text: "It has not arrived", category: "delivery", tags: ["a", "b"],
            status: .resolved, handleTimeSeconds: 30, csat: .score(4), cost: 2.5, agent: "agent1", queue: "q",
            language: "fi", firstContactResolved: true, agentReplies: 2, answered: true, waitSeconds: 12,
            firstReplySeconds: 60, priority: .high, rawPriority: "P1", reopens: 1,
            location: SourceLocation(file: file, line: 7))
        record.subjectOrdinal = MemoOrdinal(value: 3)
        record.subjectColumn = 4
        record.textColumn = 5
        return record
    }

    @Test func resetGivesTheFreshRecord() {
        var record = Self.filledRecord(file: "a.csv")
        let location = SourceLocation(file: "b.csv", line: 9)
        let fresh = ContactRecord(openedAt: 300, location: location)
        // Every stored field was set above (none equals its default), so a field that `reset` forgot shows.
        for (child, freshChild) in zip(Mirror(reflecting: record).children, Mirror(reflecting: fresh).children) {
            #expect(String(describing: child.value) != String(describing: freshChild.value), "\(child.label ?? "?")")
        }
        record.reset(openedAt: 300, location: location)
        #expect(record == fresh)
        // The subject's ordinal is no part of the value (`==` ignores it), so it is checked on its own.
        #expect(record.subjectOrdinal.value == -1)
        // A new stored field must be set in the record above and emptied by `reset`.
        #expect(Mirror(reflecting: record).children.count == 29)
    }

    /// `resetForMapping` empties every field but the eight the mapper assigns on every record, which it leaves
    /// as they were; the location is the new one, its file string kept when it is the same storage.
    @Test func resetForMappingLeavesOnlyTheMapperAssignedFields() {
        let file = "a.csv"
        var record = Self.filledRecord(file: file)
        let before = record
        record.resetForMapping(openedAt: 300, location: SourceLocation(file: file, line: 9))
        var expected = ContactRecord(openedAt: 300, location: SourceLocation(file: "a.csv", line: 9))
        expected.contactID = "T1"
        expected.rawChannel = "mail"
        expected.subject = "Where is my order"
        expected.text = "It has not arrived"
        expected.category = "delivery"
        expected.agent = "agent1"
        expected.queue = "q"
        expected.language = "fi"
        #expect(record == expected)
        #expect(record.subjectOrdinal.value == -1)
        #expect(record != before)
        #expect(ContactRecord.isSameStorage(record.location.file, file))
        record.resetForMapping(openedAt: 5, location: SourceLocation(file: "b.csv", line: 1))
        #expect(record.location == SourceLocation(file: "b.csv", line: 1))
        #expect(record.openedAt == 5)
    }

    /// `resetForMapping(openedAt:file:line:)` (the mapper's, with no `SourceLocation` made) gives the same record
    /// as `resetForMapping(openedAt:location:)`, and keeps the file string when it is the same storage.
    @Test func resetForMappingWithFileAndLineIsTheSame() {
        let file = String(decoding: Array("/data/exports/a file name longer than 15 bytes.csv".utf8), as: UTF8.self)
        var byLocation = Self.filledRecord(file: file)
        var byFileAndLine = byLocation
        byLocation.resetForMapping(openedAt: 300, location: SourceLocation(file: file, line: 9))
        byFileAndLine.resetForMapping(openedAt: 300, file: file, line: 9)
        #expect(byFileAndLine == byLocation)
        #expect(byFileAndLine.location == SourceLocation(file: file, line: 9))
        #expect(ContactRecord.isSameStorage(byFileAndLine.location.file, file))
        byFileAndLine.resetForMapping(openedAt: 5, file: "b.csv", line: 1)
        #expect(byFileAndLine.location == SourceLocation(file: "b.csv", line: 1))
        #expect(byFileAndLine.openedAt == 5 && byFileAndLine.contactID == "T1")
    }

    /// A small string written over a field that holds no storage (`nil`, a small string) takes its bits in
    /// place; over a string with storage it is assigned. Either way the field is the string made the usual way,
    /// bit for bit, and a string with storage is never written in place.
    @Test func smallStringsAreWrittenInPlaceOnlyOverFieldsWithoutStorage() {
        #expect(StringStorageWords.nilIsZero)
        #expect(IdentityHash.smallStringsAreReadable)
        let heap = String(decoding: Array("a string longer than fifteen bytes".utf8), as: UTF8.self)
        for start in [nil, "ab", "fifteen bytes!!", heap] as [String?] {
            for value in ["x", "agent23", "accounts", "fifteen bytes!!"] {
                var field = start
                let words = Array(value.utf8).withUnsafeBufferPointer { SmallASCIIString.words($0) }
                guard let words else {
                    Issue.record("no words for \(value)")
                    continue
                }
                let inPlace = ContactRecord.replaceInPlace(&field, with: words)
                #expect(inPlace == (start != heap), "\(start ?? "nil") <- \(value)")
                var kept = start
                ContactRecord.keep(smallWords: words, in: &kept)
                let usual = String(decoding: Array(value.utf8), as: UTF8.self)
                #expect(ContactRecord.isSameStorage(kept ?? "", usual) && kept == value)
                var general = start
                ContactRecord.keep(usual, in: &general)
                #expect(ContactRecord.isSameStorage(general ?? "", usual))
            }
            // A value with storage is never written in place.
            var field = start
            ContactRecord.keep(heap, in: &field)
            #expect(ContactRecord.isSameStorage(field ?? "", heap))
        }
    }

    /// `keep` compares storage, never Unicode equivalence: a canonically equivalent string with other bytes
    /// replaces the held one; an equal string in another allocation is not the same storage but is equal.
    @Test func keepComparesStorageNotUnicodeEquivalence() {
        var field: String? = "caf\u{E9} and more than fifteen bytes"
        let decomposed = "cafe\u{301} and more than fifteen bytes"
        #expect(field == decomposed)  // Swift's == is canonical equivalence
        ContactRecord.keep(decomposed, in: &field)
        #expect(field.map { Array($0.utf8) } == Array(decomposed.utf8))
        let copy = String(decoding: Array(decomposed.utf8), as: UTF8.self)
        #expect(!ContactRecord.isSameStorage(copy, decomposed))
        #expect(ContactRecord.isSameStorage(decomposed, decomposed))
        ContactRecord.keep(nil, in: &field)
        #expect(field == nil)
        ContactRecord.keep(nil, in: &field)
        #expect(field == nil)
        var plain = "x"
        ContactRecord.keep("y", in: &plain)
        #expect(plain == "y")
    }
}
