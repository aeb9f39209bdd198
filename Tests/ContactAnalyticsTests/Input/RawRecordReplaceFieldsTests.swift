import Testing
@testable import ContactAnalytics

/// `RawRecord.replaceFields(bytes:ends:)` (how the CSV parser hands over each record): the record reads as one
/// emptied and appended to, whatever it held before.
@Suite struct RawRecordReplaceFieldsTests {
    private static func replace(_ record: inout RawRecord, _ fields: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for field in fields {
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
            #expect(record.bytes.count == fields.reduce(0) { $0 + $1.utf8.count })
            #expect(!record.holdsValidUTF8 && !record.decodedAsWindows1252)
            #expect(record.fieldEnds == Array(fields.indices).map { i in fields[0...i].reduce(0) { $0 + $1.utf8.count } })
        }
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
