import Testing
@testable import ContactAnalytics

/// JSON arrays and JSON Lines, each read in several chunk sizes, against hand-written expectations.
@Suite("JSONRecordReader")
struct JSONRecordReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        /// The header after the last record.
        var header: [String]
        /// Each record's fields as returned (as many as the header had at that time).
        var records: [[String]]
        var lines: [Int]
        var headerVersion: Int

        init(_ name: String, _ input: String, header: [String], records: [[String]], lines: [Int],
             headerVersion: Int) {
            self.init(name, Array(input.utf8), header: header, records: records, lines: lines,
                      headerVersion: headerVersion)
        }

        init(_ name: String, _ input: [UInt8], header: [String], records: [[String]], lines: [Int],
             headerVersion: Int) {
            self.name = name
            self.input = input
            self.header = header
            self.records = records
            self.lines = lines
            self.headerVersion = headerVersion
        }

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case("nested objects flattened", """
            [
              {"id": 1, "via": {"channel": "phone", "queue": {"name": "L1"}}, "ok": true},
              {"id": 2, "via": {"channel": "chat"}, "note": null, "ok": false}
            ]
            """,
             header: ["id", "via.channel", "via.queue.name", "ok", "note"],
             records: [["1", "phone", "L1", "true"], ["2", "chat", "", "false", ""]], lines: [2, 3],
             headerVersion: 2),
        Case("JSON Lines with late keys and blank lines", "{\"a\":\"x\"}\n\n{\"b\":\"y\",\"a\":\"z\"}\r\n{\"c\":[1,2,3]}\n",
             header: ["a", "b", "c"], records: [["x"], ["z", "y"], ["", "", "1, 2, 3"]], lines: [1, 3, 4],
             headerVersion: 3),
        Case("string escapes and surrogate pairs",
             #"{"s":"q\"b\\s\/n\nt\tu\u00e4\u20AC\ud83d\ude00 lone\ud800x\udc00\b\f\r"}"#,
             header: ["s"], records: [["q\"b\\s/n\nt\tuä€😀 lone\u{FFFD}x\u{FFFD}\u{8}\u{C}\r"]], lines: [1],
             headerVersion: 1),
        Case("arrays", #"{"tags":["a","b",null,true,1.5e3],"objs":[{"k":"v","n":[1, 2]}, {"k":"w\"q\u0001"}],"# +
             #""empty":[ ],"nested":[[1,2],[3]],"eo":{},"mixed":[1,{"x":null}]}"#,
             header: ["tags", "objs", "objs.k", "objs.n", "empty", "nested", "mixed", "mixed.x"],
             records: [["a, b, , true, 1.5e3", #"[{"k":"v","n":[1,2]},{"k":"w\"q\u0001"}]"#, "v, w\"q\u{1}", "1, 2",
                        "", "[[1,2],[3]]", #"[1,{"x":null}]"#, ""]], lines: [1], headerVersion: 1),
        Case("API shapes: value pairs, custom fields by id, arrays of objects",
             #"{"contact_type":{"display_value":"Phone","value":"phone"},"caller_id":{"link":"https://x.invalid/u/1","value":"u1"},"# +
             #""assignment_group":{"display_value":"Service Desk","link":"https://x.invalid/g/7","value":"g7"},"# +
             #""custom_fields":[{"id":360001,"value":"billing"},{"id":360002,"value":null}],"# +
             #""tags":{"type":"tag.list","tags":[{"id":"1","name":"refund"},{"id":"2","name":"vip"}]},"# +
             #""pair":{"display_value":"x","value":"y","other":1}}"#,
             header: ["contact_type", "contact_type.value", "caller_id", "assignment_group", "assignment_group.value",
                      "custom_fields", "custom_fields.360001", "custom_fields.360002", "tags.type", "tags.tags",
                      "tags.tags.id", "tags.tags.name", "pair.display_value", "pair.value", "pair.other"],
             records: [["Phone", "phone", "u1", "Service Desk", "g7",
                        #"[{"id":360001,"value":"billing"},{"id":360002,"value":null}]"#, "billing", "", "tag.list",
                        #"[{"id":"1","name":"refund"},{"id":"2","name":"vip"}]"#, "1, 2", "refund, vip", "x", "y", "1"]],
             lines: [1], headerVersion: 1),
        Case("numbers keep their text", #"[{"n":-0.50,"e":1E+10,"z":0,"big":123456789012345678901234567890}]"#,
             header: ["n", "e", "z", "big"], records: [["-0.50", "1E+10", "0", "123456789012345678901234567890"]],
             lines: [1], headerVersion: 1),
        Case("repeated key keeps the last value", #"{"a":1,"a":2}"#, header: ["a"], records: [["2"]], lines: [1],
             headerVersion: 1),
        Case("empty array", "[ ]\n", header: [], records: [], lines: [], headerVersion: 0),
        Case("byte-order mark and leading whitespace", "\u{FEFF}\n [ {\"a\":1} ]", header: ["a"], records: [["1"]],
             lines: [2], headerVersion: 1),
        Case("NFD key normalised", "{\"a\u{308}\":\"a\u{308}\"}", header: ["\u{E4}"], records: [["\u{E4}"]], lines: [1],
             headerVersion: 1),
        Case("pretty-printed", """
            [
              {
                "a": 1,
                "b": {
                  "c": "x"
                }
              },
              {
                "a": 2
              }
            ]
            """, header: ["a", "b.c"], records: [["1", "x"], ["2", ""]], lines: [2, 8], headerVersion: 1),
        Case("several objects on one line", "{\"a\":1} {\"a\":2}\r{\"a\":3}", header: ["a"],
             records: [["1"], ["2"], ["3"]], lines: [1, 1, 2], headerVersion: 1),
        Case("brackets inside strings", #"[{"a":"}{][","b":"\"}"}]"#, header: ["a", "b"],
             records: [["}{][", "\"}"]], lines: [1], headerVersion: 1),
        Case("empty object", "[{},{\"a\":\"\"}]", header: ["a"], records: [[], [""]], lines: [1, 1],
             headerVersion: 1),
        Case("Windows-1252 inside a string", Array("{\"a\":\"".utf8) + [0xE4, 0x80] + Array("\\u00e4\"}".utf8),
             header: ["a"], records: [["ä€ä"]], lines: [1], headerVersion: 1),
    ]

    @Test(arguments: cases)
    func readsAsExpected(_ testCase: Case) throws {
        for chunkSize in [1, 2, 3, 5, 7, 13, 64, 65_536] {
            var reader = try JSONRecordReader(source: ByteChunkSource(bytes: testCase.input, name: "t.json",
                                                                      chunkSize: chunkSize))
            #expect(reader.header.isEmpty)
            let records = try InputTestSupport.readAll(&reader)
            #expect(records.map(\.strings) == testCase.records, "chunk size \(chunkSize)")
            #expect(records.map(\.line) == testCase.lines, "chunk size \(chunkSize)")
            #expect(reader.header == testCase.header, "chunk size \(chunkSize)")
            #expect(reader.headerVersion == testCase.headerVersion, "chunk size \(chunkSize)")
            var record = RawRecord()
            #expect(try reader.next(into: &record) == false, "reading past the end stays at the end")
        }
    }

    @Test func headerGrowsWhileReading() throws {
        let input = "{\"a\":1}\n{\"a\":2}\n{\"b\":3}\n"
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: Array(input.utf8)))
        var record = RawRecord()
        var seen: [([String], Int, Int)] = []
        while try reader.next(into: &record) { seen.append((reader.header, reader.headerVersion, record.count)) }
        #expect(seen.map(\.0) == [["a"], ["a"], ["a", "b"]])
        #expect(seen.map(\.1) == [1, 1, 2])
        #expect(seen.map(\.2) == [1, 1, 2])
    }

    @Test func windows1252IsReportedOnce() throws {
        let input = Array("{\"a\":\"ok\"}\n{\"a\":\"".utf8) + [0xE4] + Array("\"}\n{\"a\":\"".utf8) + [0xE4]
            + Array("\"}".utf8)
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: input, name: "w.jsonl"))
        let records = try InputTestSupport.readAll(&reader)
        #expect(records.map(\.decodedAsWindows1252) == [false, true, true])
        #expect(reader.diagnostics.map(\.location) == [SourceLocation(file: "w.jsonl", line: 2)])
        #expect(reader.diagnostics.map(\.kind) == ["windows-1252"])
    }
}
