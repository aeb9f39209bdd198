import Testing
@testable import ContactAnalytics

/// JSON envelopes (`{"tickets": [...]}`), found or named with a records path, read in many chunk sizes.
@Suite("JSON envelopes")
struct JSONEnvelopeTests {
    /// Reads `input` with every chunk size; checks each gives the same records, lines, path and page count.
    private func read(_ input: String, path: String? = nil) throws
    -> (records: [[String]], lines: [Int], header: [String], path: String?, pages: Int) {
        var results: [([[String]], [Int], [String], String?, Int)] = []
        for chunkSize in [1, 2, 3, 7, 13, 65_536] {
            var reader = try JSONRecordReader(
                source: ByteChunkSource(bytes: Array(input.utf8), name: "e.json", chunkSize: chunkSize),
                recordsPath: try path.map { try JSONRecordsPath(parsing: $0) })
            let records = try InputTestSupport.readAll(&reader)
            results.append((records.map(\.strings), records.map(\.line), reader.header,
                            reader.recordsPath?.description, reader.envelopes))
        }
        for other in results.dropFirst() {
            #expect(other.0 == results[0].0)
            #expect(other.1 == results[0].1)
            #expect(other.3 == results[0].3)
            #expect(other.4 == results[0].4)
        }
        return results[0]
    }

    @Test func zendeskEnvelopeIsFoundAndTheRestSkipped() throws {
        let input = """
            {"count": 2, "tickets": [
              {"id": 1, "via": {"channel": "email"}},
              {"id": 2, "custom_fields": [{"id": 7, "value": "x"}], "tags": ["a", "b"]}
            ], "users": [{"id": 9, "name": "skipped"}], "next_page": "https://x.invalid/?page=2"}
            """
        let result = try read(input)
        #expect(result.path == "tickets")
        #expect(result.pages == 1)
        #expect(result.lines == [2, 3])
        #expect(result.records[0] == ["1", "email"])
        #expect(result.header.prefix(2) == ["id", "via.channel"])
        #expect(!result.header.contains("users"))
        #expect(!result.header.contains("count"))
    }

    @Test func nestedEnvelopeAndJSONLinesOfPages() throws {
        let input = "{\"data\":{\"meta\":{\"all\":[{\"n\":3}]},\"payload\":[{\"id\":1},{\"id\":2}]}}\n"
            + "{\"data\":{\"payload\":[]}}\n{\"data\":{\"payload\":[{\"id\":3}]},\"more\":[1]}\n"
        let result = try read(input)
        #expect(result.path == "data.payload")
        #expect(result.pages == 3)
        #expect(result.records == [["1"], ["2"], ["3"]])
        #expect(result.lines == [1, 1, 3])
    }

    @Test func emptyPageGivesNoRecord() throws {
        let result = try read(#"{"tickets": [], "count": 0}"#)
        #expect(result.records.isEmpty)
        #expect(result.path == "tickets")
    }

    @Test func recordsWithArraysOfObjectsStayRecords() throws {
        // custom_fields and comments are not usual envelope names: the objects are JSON Lines of records.
        let input = "{\"id\":1,\"comments\":[{\"a\":1}],\"custom_fields\":[{\"id\":5,\"value\":\"v\"}]}\n{\"id\":2}\n"
        let result = try read(input)
        #expect(result.path == nil)
        #expect(result.records.map { $0[0] } == ["1", "2"])
        // A usual name deeper than one container is not looked into (Intercom's contacts.contacts).
        let intercom = try read(#"{"id":"1","contacts":{"type":"contact.list","contacts":[{"id":"c"}]}}"#)
        #expect(intercom.path == nil)
        #expect(intercom.records.count == 1)
    }

    @Test func givenPathAsDottedOrPointer() throws {
        let input = #"{"odd":{"list":[{"a":"x"},{"a":"y"}]},"tickets":[{"a":"no"}]}"#
        #expect(try read(input, path: "odd.list").records == [["x"], ["y"]])
        #expect(try read(input, path: "/odd/list").records == [["x"], ["y"]])
        #expect(try read(#"{"a/b":{"c~d":[{"k":1}]}}"#, path: "/a~1b/c~0d").records == [["1"]])
    }

    @Test func errors() throws {
        func failure(_ input: String, path: String? = nil) -> ContactStatError? {
            do {
                _ = try read(input, path: path)
                return nil
            } catch let error as ContactStatError {
                return error
            } catch {
                return nil
            }
        }
        let missing = failure(#"{"tickets":[{"a":1}]}"#, path: "data.payload")
        #expect(missing?.kind == .usage)
        #expect(missing?.text == "\(setting: .records) data.payload: the object on line 1 has no array at 'data.payload'")
        let notArray = failure(#"{"count": 3}"#, path: "count")
        #expect(notArray?.kind == .usage)
        #expect(notArray?.location == "e.json:1:11")
        #expect(failure(#"[{"a":1}]"#, path: "x")?.kind == .usage)
        #expect(failure(#"{"tickets":[1]}"#, path: "tickets")?.message == "the 'tickets' array holds values, not record objects")
        #expect(failure(#"{"tickets":[{"a":1} {"a":2}]}"#)?.message
                == "expected ',' or ']' after record 1 of the 'tickets' array")
        #expect(failure(#"{"tickets":[{"a":1},2]}"#)?.message == "element 2 of the 'tickets' array is not an object")
        #expect(failure("{\"tickets\":[{\"a\":1}]\n")?.message == "JSON object opened on line 1 is never closed")
        #expect(failure(#"{"tickets":[{"a":1}], "x": [}"#)?.message == "mismatched bracket")
        let laterPage = failure("{\"tickets\":[{\"a\":1}]}\n{\"a\":2}\n")
        #expect(laterPage?.kind == .dataFormat)
        #expect(laterPage?.location == "e.json:2:1")
        #expect(throws: ContactStatError.self) { try JSONRecordsPath(parsing: "a..b") }
        #expect(throws: ContactStatError.self) { try JSONRecordsPath(parsing: "") }
    }
}
