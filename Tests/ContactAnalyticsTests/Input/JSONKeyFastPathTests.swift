import Testing
@testable import ContactAnalytics

/// The flattener finds a plain-ASCII key's number by comparing its bytes with the previous object's keys
/// (`JSONObjectFlattener`): keys in another order, a key missing, a new key appearing late, the same bytes
/// under another parent, a top-level key spelled like a nested one, a repeated key, and keys written with
/// escapes, in NFD, or in Windows-1252 all land in the column their text names, read record by record and
/// in chunks.
@Suite struct JSONKeyFastPathTests {
    static let input: [UInt8] = Array((
        #"{"id":"1","name":"A","nested":{"x":"p","y":"q"},"kä":"n1"}"# + "\n" +
        #"{"name":"B","id":"2","nested":{"y":"r","x":"s"},"kä":"n2"}"# + "\n" +
        #"{"id":"3","nested":{"x":"t"},"late":"L","k\u00e4":"e3"}"# + "\n" +
        #"{"id":"4","name":"D","nested":{"x":"u","y":"v"},"ka\u0308":"nfd4","late":"L4"}"# + "\n" +
        #"{"id":"5","name":"E","id":"5b"}"# + "\n" +
        #"{"nested.x":"top6","id":"6"}"# + "\n" +
        #"{"id":"7","nested":{"id":"inner"}}"# + "\n" +
        #"{"nested":{"x":"x8"},"id":"8"}"# + "\n" +
        #"{"id":"9","name":"I","nested":{"x":"p9","y":"q9"},"kä":"n9"}"# + "\n" +
        #"{"id":"10","k"#).utf8) + [0xE4] + Array(#"":"w10"}"#.utf8) + [0x0A]

    static let header = ["id", "name", "nested.x", "nested.y", "kä", "late", "nested.id"]

    /// Each record's values in the columns of `header` ("" where the record has no such key).
    static let rows: [[String]] = [
        ["1", "A", "p", "q", "n1", "", ""],
        ["2", "B", "s", "r", "n2", "", ""],
        ["3", "", "t", "", "e3", "L", ""],
        ["4", "D", "u", "v", "nfd4", "L4", ""],
        ["5b", "E", "", "", "", "", ""],
        ["6", "", "top6", "", "", "", ""],
        ["7", "", "", "", "", "", "inner"],
        ["8", "", "x8", "", "", "", ""],
        ["9", "I", "p9", "q9", "n9", "", ""],
        ["10", "", "", "", "w10", "", ""],
    ]

    @Test func readRecordByRecordEveryKeyFindsItsColumn() throws {
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: Self.input, name: "k.jsonl"))
        let records = try InputTestSupport.readAll(&reader)
        #expect(reader.header == Self.header)
        #expect(reader.headerVersion == 3) // records 1, 3 and 7 add keys
        #expect(records.map(\.count) == [5, 5, 6, 6, 6, 6, 7, 7, 7, 7])
        let padded = records.map { record in
            record.strings + Array(repeating: "", count: Self.header.count - record.count)
        }
        #expect(padded == Self.rows)
        #expect(records.map(\.decodedAsWindows1252) == Array(repeating: false, count: 9) + [true])
    }

    @Test(arguments: [1, 1 << 20])
    func chunksNameTheSameKeys(target: Int) throws {
        var flattener = JSONObjectFlattener()
        var fields: [[String: String]] = []
        for chunk in try JSONChunkTests.chunks(Self.input, sourceChunk: 4096, target: target) {
            let records = chunk.parse(with: &flattener)
            #expect(records.error == nil)
            fields += JSONChunkTests.fieldsByKey(records, of: chunk)
        }
        let expected = Self.rows.map { row in
            var byKey: [String: String] = [:]
            for (key, value) in zip(Self.header, row) where !value.isEmpty { byKey[key] = value }
            return byKey
        }
        #expect(fields == expected)
    }

    /// One flattener over objects of the same keys: the same key number for the same text, whatever the path
    /// that found it.
    @Test func sameKeyTextGetsTheSameNumber() throws {
        var flattener = JSONObjectFlattener()
        var keysSeen: [[String]] = []
        var numbers: [String: Set<Int>] = [:]
        for line in [#"{"a":"1","b":{"c":"2"}}"#, #"{"b":{"c":"3"},"a":"4"}"#, #"{"\u0061":"5","b.c":"6"}"#,
                     #"{"a":"7","b":{"c":"8"}}"#] {
            let bytes = Array(line.utf8)
            try bytes.withUnsafeBufferPointer { (text) throws(JSONObjectFlattener.SyntaxError) in
                try flattener.flatten(text)
            }
            keysSeen.append(flattener.fields.map { flattener.key(of: $0) })
            for field in flattener.fields { numbers[flattener.key(of: field), default: []].insert(field.keyID) }
        }
        #expect(keysSeen == [["a", "b.c"], ["b.c", "a"], ["a", "b.c"], ["a", "b.c"]])
        #expect(numbers == ["a": [0], "b.c": [2]])
        #expect(flattener.keys == ["a", "b", "b.c"]) // "b" numbered as the parent of "b.c"
    }

    /// Long keys compared eight bytes at a time: keys of one length that differ only after their first eight
    /// bytes, or only in their last byte, each keep their own column; a key whose ninth byte is not ASCII takes
    /// the slow path (NFC) and still lands in the column its text names.
    @Test func longKeysDifferingLateKeepTheirColumns() throws {
        let input = Array((
            #"{"customer_id":"c1","customer_ix":"x1","order_number_a":"a1"}"# + "\n" +
            #"{"customer_ix":"x2","customer_id":"c2","order_number_b":"b2"}"# + "\n" +
            #"{"customer_id":"c3","customer_ix":"x3","order_number_a":"a3","customer_\u00e4d":"u3"}"# + "\n" +
            #"{"customer_id":"c4","customer_\#u{E4}d":"n4","order_number_b":"b4"}"# + "\n").utf8)
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: input, name: "k.jsonl"))
        let records = try InputTestSupport.readAll(&reader)
        #expect(reader.header == ["customer_id", "customer_ix", "order_number_a", "order_number_b", "customer_äd"])
        let padded = records.map { record in record.strings + Array(repeating: "", count: 5 - record.count) }
        #expect(padded == [
            ["c1", "x1", "a1", "", ""],
            ["c2", "x2", "", "b2", ""],
            ["c3", "x3", "a3", "", "u3"],
            ["c4", "", "", "b4", "n4"],
        ])
    }

    /// The key at the place of the previous object's key is compared by that key's length and its closing
    /// quote (`repeatedKeyID`): a key one byte shorter or longer than the previous one, or the same bytes
    /// followed by an escape, is not taken for it.
    @Test func keysThatStartLikeThePreviousOnesFindTheirOwnColumns() throws {
        let input = Array((#"{"id":"1","ab":"x"}"# + "\n" + #"{"id":"2","a":"y"}"# + "\n" + #"{"id":"3","abc":"z"}"#
            + "\n" + #"{"id":"4","ab\u0063":"v","ab":"w"}"# + "\n" + #"{"id":"5","ab":"u"}"# + "\n").utf8)
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: input, name: "p.jsonl"))
        let records = try InputTestSupport.readAll(&reader)
        #expect(reader.header == ["id", "ab", "a", "abc"])
        let padded = records.map { $0.strings + Array(repeating: "", count: 4 - $0.count) }
        #expect(padded == [["1", "x", "", ""], ["2", "", "y", ""], ["3", "", "", "z"], ["4", "w", "", "v"],
                           ["5", "u", "", ""]])
    }
}
