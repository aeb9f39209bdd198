import Testing
@testable import ContactAnalytics

/// `RawRecord.holdsValidUTF8`: set by the CSV parser (which checks every non-ASCII field), cleared whenever the
/// record may hold unchecked bytes; the mapper's strings are the same whether it is set or not.
@Suite struct RawRecordValidUTF8Tests {
    /// The records of a CSV file's bytes.
    private static func records(_ bytes: [UInt8], chunkSize: Int = 4096) throws -> [RawRecord] {
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, chunkSize: chunkSize))
        return try InputTestSupport.readAll(&reader)
    }

    /// ASCII, UTF-8 and Windows-1252 records (the last decoded to UTF-8), empty and blank fields: every CSV
    /// record says its fields are valid UTF-8, and reads the same as with the flag cleared.
    @Test func csvRecordsHoldValidUTF8() throws {
        let input = Array("id,subject,text\n1,Login fails,\n2,Kirjautuminen ei toimi,Äiti ei pääse sisään\n".utf8)
            + Array("3,caf".utf8) + [0xE9] + Array(",  \n4,\"  Var är min beställning? \",\t\n".utf8)
        for chunkSize in [1, 5, 4096] {
            let records = try Self.records(input, chunkSize: chunkSize)
            #expect(records.count == 4)
            #expect(records.allSatisfy { $0.holdsValidUTF8 })
            #expect(records.map(\.decodedAsWindows1252) == [false, false, true, false])
            #expect(records.map { $0.trimmedString(at: 1) }
                    == ["Login fails", "Kirjautuminen ei toimi", "café", "Var är min beställning?"])
            #expect(records.map { $0.trimmedString(at: 2) } == [nil, "Äiti ei pääse sisään", nil, nil])
            #expect(records.map { $0.string(at: 2) } == ["", "Äiti ei pääse sisään", "  ", "\t"])
            for record in records {
                var unchecked = record
                unchecked.holdsValidUTF8 = false
                #expect(unchecked.strings == record.strings)
                #expect((0..<3).map { unchecked.trimmedString(at: $0) } == (0..<3).map { record.trimmedString(at: $0) })
            }
        }
    }

    /// Emptying a record or appending raw bytes clears the flag; appending a `String` (valid by nature) or
    /// nothing keeps it; a record built from strings or bytes is not known valid.
    @Test func theFlagIsClearedWhenBytesMayBeUnchecked() throws {
        var record = try #require(try Self.records(Array("a,b\n1,2\n".utf8)).first)
        #expect(record.holdsValidUTF8)
        record.append("ä")
        #expect(record.holdsValidUTF8)
        record.append(bytes: [UInt8]())
        #expect(record.holdsValidUTF8)
        record.append(bytes: [0xFF])
        #expect(!record.holdsValidUTF8)
        #expect(record.string(at: 3) == "")
        #expect(record.string(at: 4) == "\u{FFFD}")
        var emptied = try #require(try Self.records(Array("a\n1\n".utf8)).first)
        emptied.removeAll()
        #expect(!emptied.holdsValidUTF8)
        #expect(!RawRecord(fields: ["x"]).holdsValidUTF8)
    }

    /// A record whose bytes were not checked (JSON objects, tests, any reader that does not say so) is
    /// checked when mapped: invalid bytes in a text field are repaired (U+FFFD) exactly as
    /// `String(decoding:as:)` repairs them, in the plain and the memoized text columns.
    @Test func uncheckedInvalidBytesAreRepairedWhenMapped() throws {
        var mapper = try MappingTestSupport.mapper(["opened_at", "subject", "agent", "contact_id"])
        var record = RawRecord()
        record.append(bytes: Array("2024-01-01T10:00:00Z".utf8))
        let subject: [UInt8] = Array(" Tilaus ".utf8) + [0xE4, 0xC3] + Array("iti ".utf8)
        record.append(bytes: subject)
        record.append(bytes: [0x41, 0xED, 0xA0, 0x80])
        record.append(bytes: Array("  ".utf8))
        record.line = 2
        #expect(!record.holdsValidUTF8)
        var diagnostics = DiagnosticLog()
        let contact = try #require(MappingTestSupport.contact(mapper.map(record, diagnostics: &diagnostics)))
        #expect(contact.subject == String(decoding: subject.dropFirst().dropLast(), as: UTF8.self))
        #expect(contact.subject == "Tilaus \u{FFFD}\u{FFFD}iti")
        #expect(contact.agent == String(decoding: [0x41, 0xED, 0xA0, 0x80], as: UTF8.self))
        #expect(contact.agent == "A\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(contact.contactID == nil)
    }
}
