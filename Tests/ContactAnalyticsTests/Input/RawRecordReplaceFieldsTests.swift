import Testing
@testable import ContactAnalytics

/// `RawRecord.replaceFields(bytes:ends:)` (how the CSV parser hands over each record: fields one separator byte
/// apart): the record reads as one emptied and appended to, whatever it held before, and appending lays the
/// fields out the same way.
@Suite struct RawRecordReplaceFieldsTests {
    private static func replace(_ record: inout RawRecord, _ fields: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for field in fields {
            if !ends.isEmpty { bytes.append(UInt8(ascii: ";")) }
            bytes += Array(field.utf8)
            ends.append(bytes.count)
        }
        bytes.withUnsafeBufferPointer { b in ends.withUnsafeBufferPointer { record.replaceFields(bytes: b, ends: $0) } }
    }

    /// Longer, shorter, as many fields, fewer, more, none, empty fields and non-ASCII text, one after another
    /// into the same record.
    @Test func aReusedRecordHoldsExactlyTheLastFields() {
        var record = RawRecord(fields: ["left", "over"])
        record.holdsValidUTF8 = true
        record.decodedAsWindows1252 = true
        let sequence: [[String]] = [
            ["a", "bc", "def"], ["a much longer first field", "", "x"], ["1", "2", "3"], ["Äiti", "pääse"],
            ["", "", "", "", ""], [], ["only"], ["", "é", "long enough to grow the buffer again, and again"],
        ]
        for fields in sequence {
            Self.replace(&record, fields)
            #expect(record.count == fields.count)
            #expect(record.strings == fields)
            // One separator byte between two fields.
            #expect(record.bytes == Array(fields.joined(separator: ";").utf8))
            #expect(record.fieldByteCount == fields.reduce(0) { $0 + $1.utf8.count })
            #expect(!record.holdsValidUTF8 && !record.decodedAsWindows1252)
            #expect(record.fieldEnds == Array(fields.indices).map { i in fields[0...i].reduce(i) { $0 + $1.utf8.count } })
        }
    }

    /// Appended fields (strings, bytes, empty ones) are laid out as the parser lays them out.
    @Test func appendedFieldsAreOneSeparatorApart() {
        var record = RawRecord(fields: ["ab", "", "cde"])
        record.append(bytes: Array("f".utf8))
        #expect(record.bytes == Array("ab,,cde,f".utf8))
        #expect(record.fieldEnds == [2, 3, 7, 9])
        #expect(record.strings == ["ab", "", "cde", "f"])
        record.removeAll()
        #expect(record.count == 0 && record.bytes.isEmpty)
        record.append("")
        record.append("x")
        #expect(record.strings == ["", "x"] && record.fieldEnds == [0, 2])
    }

    /// A record shared with a copy is replaced without changing the copy.
    @Test func aCopyKeepsItsFields() {
        var record = RawRecord(fields: ["one", "two"])
        let copy = record
        Self.replace(&record, ["uno", "dos"])
        #expect(copy.strings == ["one", "two"])
        #expect(record.strings == ["uno", "dos"])
        Self.replace(&record, ["tres"])
        #expect(copy.strings == ["one", "two"] && record.strings == ["tres"])
    }
}
