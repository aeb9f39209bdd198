import Testing
@testable import ContactAnalytics

/// JSON input cut into chunks of whole objects (`JSONRecordReader.nextChunk`) and flattened elsewhere
/// (`JSONChunk.parse`): the same objects, lines, columns, values and errors as reading record by record.
@Suite("JSONChunk")
struct JSONChunkTests {
    /// JSON Lines with a byte-order mark, CRLF and LF line ends, blank lines, an object over two lines, and
    /// strings holding an escaped line break, brackets and braces, `\"` and `\\` before the closing quote.
    static let tricky: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((
        #"{"id":"a","s":"x\ny}"}"# + "\r\n" +
        "\r\n" +
        #"{"id":"b","s":"q\"]{"}"# + "\n" +
        "\n" +
        #"{"id":"c","# + "\n" + #"  "s":"back\\"}"# + "\n" +
        #"   {"id":"d","n":{"k":"[}\""}}"# + "\n").utf8)

    /// Every record's fields by key, as `chunk.parse` gives them (`records`).
    static func fieldsByKey(_ records: JSONChunk.Records, of chunk: JSONChunk) -> [[String: String]] {
        (0..<records.count).map { record in
            var fields: [String: String] = [:]
            for field in records.fields(of: record) {
                fields[records.keys[records.fieldKeys[field]]] =
                    String(decoding: chunk.value(of: field, in: records), as: UTF8.self)
            }
            return fields
        }
    }

    /// All chunks of `bytes`, read `sourceChunk` bytes at a time, cut after about `target` bytes.
    static func chunks(_ bytes: [UInt8], sourceChunk: Int, target: Int,
                       limits: ReaderLimits = ReaderLimits()) throws -> [JSONChunk] {
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: bytes, name: "t.jsonl", chunkSize: sourceChunk),
                                          limits: limits)
        var chunks: [JSONChunk] = []
        while let chunk = try reader.nextChunk(targetBytes: target, index: chunks.count) { chunks.append(chunk) }
        return chunks
    }

    @Test(arguments: [1, 3, 4096], [1, 30, 1 << 20])
    func chunksHoldWholeObjectsWhereverTheInputIsSplit(sourceChunk: Int, target: Int) throws {
        let chunks = try Self.chunks(Self.tricky, sourceChunk: sourceChunk, target: target)
        #expect(chunks.map(\.index) == Array(0..<chunks.count))
        if target == 1 { #expect(chunks.count == 4) } // one object a chunk
        if target == 1 << 20 { #expect(chunks.count == 1) }
        var flattener = JSONObjectFlattener()
        var fields: [[String: String]] = []
        var lines: [Int] = []
        var columns: [Int] = []
        for chunk in chunks {
            let records = chunk.parse(with: &flattener)
            #expect(records.error == nil)
            fields += Self.fieldsByKey(records, of: chunk)
            lines += records.lines
            columns += records.columns
        }
        #expect(fields == [["id": "a", "s": "x\ny}"], ["id": "b", "s": "q\"]{"], ["id": "c", "s": "back\\"],
                           ["id": "d", "n.k": "[}\""]])
        #expect(lines == [1, 3, 5, 7])
        #expect(columns == [1, 1, 1, 4]) // bytes on the line; the byte-order mark is not counted
    }

    /// Every value a chunk's records give is valid UTF-8, whatever the object's bytes: plain strings are checked,
    /// a string with a byte that is not UTF-8 is read as Windows-1252, escapes give scalars (a lone surrogate
    /// U+FFFD), nested values are re-escaped compact JSON of those, numbers and literals ASCII. The worker marks
    /// the records it gathers from them so (`IngestWorker.gatherJSONRecord`, `RawRecord.holdsValidUTF8`), and
    /// strings are then made from them without another check.
    @Test func everyValueIsValidUTF8() throws {
        let lines: [[UInt8]] = [
            Array(#"{"a":""#.utf8) + [0xFF, 0xC3, 0x28] + Array(#"","b":"ok ä","c":"\ud800 lone","d":"\udc00"}"#.utf8),
            Array(#"{"a":"esc\n"#.utf8) + [0xE4, 0x80] + Array(#"","b":[1,""#.utf8) + [0xF0, 0x9F] + Array(#"",{"x":"y"}]}"#.utf8),
            Array(#"{"a":{"b":""#.utf8) + [0xC0, 0xAF] + Array(#"","c":-1.5e3},"d":true,"e":null,"f":"🙂"}"#.utf8),
            Array(#"{"a":"\ud83d\ude42 pair","b":"\u0000\u001f","c":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
        ]
        let input: [UInt8] = lines.flatMap { $0 + [UInt8(0x0A)] }
        var flattener = JSONObjectFlattener()
        var values = 0
        for chunk in try Self.chunks(input, sourceChunk: 4096, target: 1 << 20) {
            let records = chunk.parse(with: &flattener)
            #expect(records.error == nil)
            for record in 0..<records.count {
                for field in records.fields(of: record) {
                    let bytes = Array(chunk.value(of: field, in: records))
                    #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }, "\(bytes)")
                    values += 1
                }
            }
        }
        #expect(values >= 12)
    }

    /// Every kind of value through a chunk: plain ASCII and valid UTF-8 strings stay in the chunk's bytes, the
    /// rest (escapes, a Windows-1252 byte, numbers, literals, nested objects, arrays) are decoded into `values`;
    /// each record's fields are those of flattening the object on its own (every value copied).
    @Test func valuesLeftInTheTextAreTheDecodedOnes() throws {
        let lines: [[UInt8]] = [
            Array(#"{"a":"plain","b":"Mikä","c":"q\"t","d":12.5,"e":true,"f":null,"g":{"h":"deep"},"i":[1,"x"]}"#.utf8),
            Array(#"{"a":""#.utf8) + [0xE4] + Array(#"x","b":"","c":"\u00e4","d":-0.1e3,"e":false}"#.utf8),
            Array(#"{"a":"plain again","b":"Mikä"}"#.utf8),
        ]
        let input: [UInt8] = lines.flatMap { $0 + [UInt8(0x0A)] }
        var expected: [[String: String]] = []
        for line in lines {
            var alone = JSONObjectFlattener()
            try line.withUnsafeBufferPointer { try alone.flatten($0) }
            var fields: [String: String] = [:]
            for field in alone.fields {
                fields[alone.key(of: field)] = String(decoding: alone.values[field.range], as: UTF8.self)
            }
            expected.append(fields)
        }
        #expect(expected[1]["a"] == "äx") // the Windows-1252 byte, decoded
        for target in [1, 1 << 20] {
            var flattener = JSONObjectFlattener()
            var fields: [[String: String]] = []
            var leftInText = 0
            for chunk in try Self.chunks(input, sourceChunk: 4096, target: target) {
                let records = chunk.parse(with: &flattener)
                #expect(records.error == nil)
                fields += Self.fieldsByKey(records, of: chunk)
                leftInText += records.fieldRanges.filter { JSONObjectFlattener.textRange(of: $0) != nil }.count
            }
            #expect(fields == expected, "target \(target)")
            // "plain", "Mikä", "deep", "", "plain again", "Mikä"
            #expect(leftInText == 6, "target \(target)")
        }
    }

    /// Strings longer than a word, with the bytes a string's scan stops at (an escaped quote, an escaped
    /// backslash, an escaped line break, braces and brackets, non-ASCII letters) at every offset of a word:
    /// the same values, lines and columns whatever the chunking.
    @Test(arguments: [1, 7, 4096])
    func longStringsKeepTheirValues(sourceChunk: Int) throws {
        var text = ""
        var expected: [[String: String]] = []
        for shift in 0..<9 {
            let lead = String(repeating: "x", count: shift)
            let tail = " ä ö å " + String(repeating: "long text ", count: shift + 2)
            text += #"{"id":"r"# + "\(shift)" + #"","s":""# + lead + #"a\"b\\c\nd}e]f{g[h"# + tail
                + #"","t":""# + lead + #"é"}"# + "\n"
            expected.append(["id": "r\(shift)", "s": lead + "a\"b\\c\nd}e]f{g[h" + tail, "t": lead + "é"])
        }
        let chunks = try Self.chunks(Array(text.utf8), sourceChunk: sourceChunk, target: 64)
        var flattener = JSONObjectFlattener()
        var fields: [[String: String]] = []
        var lines: [Int] = []
        for chunk in chunks {
            let records = chunk.parse(with: &flattener)
            #expect(records.error == nil)
            fields += Self.fieldsByKey(records, of: chunk)
            lines += records.lines
        }
        #expect(fields == expected)
        #expect(lines == Array(1...9))
    }

    @Test func keysAreNumberedInOrderOfFirstAppearanceInTheChunk() throws {
        let input = #"{"b":"1","a":"2"}"# + "\n" + #"{"a":"3","c":{"d":"4"},"b":"5"}"# + "\n" + #"{"e":"6"}"#
        let chunks = try Self.chunks(Array(input.utf8), sourceChunk: 4096, target: 1 << 20)
        var flattener = JSONObjectFlattener()
        let records = try #require(chunks.first).parse(with: &flattener)
        #expect(records.keys == ["b", "a", "c.d", "e"])
        #expect(records.firstRecord == [0, 0, 1, 2])
        #expect(records.fieldKeys == [0, 1, 1, 2, 0, 3])
        #expect(records.fieldEnds == [2, 5, 6])
    }

    /// A malformed object in the middle: the chunk keeps the records before it and names the error where the
    /// reader does (`FILE:LINE:COLUMN`, hand-counted); the chunk after it is not affected.
    @Test(arguments: [1, 5])
    func malformedObjectKeepsTheRecordsBeforeIt(sourceChunk: Int) throws {
        let input = #"{"id":"1"}"# + "\n" + #"{"id":"2"}"# + "\n" + #"{"id":"3","s":[1,}"# + "\n" +
            #"{"id":"4"}"# + "\n" + #"{"id":"5"}"# + "\n"
        let chunks = try Self.chunks(Array(input.utf8), sourceChunk: sourceChunk, target: 35)
        // 11 + 11 + 19 bytes, then the rest
        #expect(chunks.map(\.objects.count) == [3, 2])
        var flattener = JSONObjectFlattener()
        let first = chunks[0].parse(with: &flattener)
        #expect(Self.fieldsByKey(first, of: chunks[0]) == [["id": "1"], ["id": "2"]])
        let error = try #require(first.error)
        #expect(error.location == "t.jsonl:3:18") // the `}` where a value should be
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: Array(input.utf8), name: "t.jsonl"))
        let direct = InputTestSupport.contactStatError { _ = try InputTestSupport.readAll(&reader) }
        #expect(direct?.description == error.description)
        let second = chunks[1].parse(with: &flattener)
        #expect(second.error == nil)
        #expect(Self.fieldsByKey(second, of: chunks[1]) == [["id": "4"], ["id": "5"]])
    }

    /// An error found while cutting (between objects, nesting, size) comes after the objects before it.
    @Test func scanErrorComesAfterTheObjectsBeforeIt() throws {
        let input = Array((#"{"a":1}"# + "\n" + #"{"a":2}"# + "\nx\n").utf8)
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: input, name: "t.jsonl"))
        let chunk = try #require(try reader.nextChunk(targetBytes: 1 << 20, index: 0))
        #expect(chunk.objects.count == 2)
        let error = InputTestSupport.contactStatError { _ = try reader.nextChunk(targetBytes: 1 << 20, index: 1) }
        #expect(error?.location == "t.jsonl:3:1")
        #expect(error?.message == "expected a JSON object (JSON Lines holds one object per line)")

        let deep = Array(("{\"a\":1}\n{\"x\":" + String(repeating: "[", count: 5) + "1" + String(repeating: "]", count: 5) + "}\n").utf8)
        var limited = try JSONRecordReader(source: ByteChunkSource(bytes: deep, name: "d.jsonl"),
                                           limits: ReaderLimits(maxJSONDepth: 4))
        #expect(try limited.nextChunk(targetBytes: 1 << 20, index: 0)?.objects.count == 1)
        let depthError = InputTestSupport.contactStatError { _ = try limited.nextChunk(targetBytes: 1 << 20, index: 1) }
        #expect(depthError?.message == "JSON nesting is deeper than 4 levels")
        #expect(depthError?.location == "d.jsonl:2:9")
    }

    /// A JSON array and an envelope cut into chunks: the elements, without the array's commas and brackets.
    @Test(arguments: [1, 4096])
    func arraysAndEnvelopesAreCutBetweenElements(sourceChunk: Int) throws {
        let array = "[\n  {\"id\":\"1\",\"t\":\"a,]\"},\n  {\"id\":\"2\"} ,{\"id\":\"3\"}\n]\n"
        let envelope = "{\"tickets\":[{\"id\":\"1\",\"t\":\"a,]\"},\n{\"id\":\"2\"},{\"id\":\"3\"}],\"next\":null}\n"
        for (input, lines) in [(array, [2, 3, 3]), (envelope, [1, 2, 2])] {
            let chunks = try Self.chunks(Array(input.utf8), sourceChunk: sourceChunk, target: 1)
            var flattener = JSONObjectFlattener()
            let records = chunks.flatMap { Self.fieldsByKey($0.parse(with: &flattener), of: $0) }
            #expect(records == [["id": "1", "t": "a,]"], ["id": "2"], ["id": "3"]])
            #expect(chunks.flatMap { $0.parse(with: &flattener).lines } == lines)
        }
    }

    /// The objects are scanned straight into the chunk: its bytes are exactly the objects' texts back to back
    /// (an envelope's bytes and what a failed object left are not among them), and the size limit counts each
    /// object alone, not the chunk it is scanned into.
    @Test(arguments: [1, 3, 4096])
    func chunkBytesAreTheObjectsBackToBack(sourceChunk: Int) throws {
        let objects = [#"{"id":"1","s":"ab"}"#, #"{"id":"2","s":"cd"}"#, #"{"id":"3","s":"ef"}"#]
        let lines = Array((objects.joined(separator: "\n") + "\n").utf8)
        // Each object is 19 bytes: under a 25-byte limit, while the chunk of all three is 57.
        let limits = ReaderLimits(maxRecordBytes: 25)
        let chunks = try Self.chunks(lines, sourceChunk: sourceChunk, target: 1 << 20, limits: limits)
        #expect(chunks.count == 1)
        #expect(chunks[0].bytes == Array(objects.joined().utf8))
        #expect(chunks[0].objects.map(\.end) == [19, 38, 57])

        let envelope = Array(("{\"tickets\":[" + objects.joined(separator: ",") + "],\"next\":null}\n").utf8)
        let wrapped = try Self.chunks(envelope, sourceChunk: sourceChunk, target: 1 << 20)
        #expect(wrapped.flatMap(\.bytes) == Array(objects.joined().utf8))

        // An object over the limit after two good ones: the chunk holds the two, byte for byte; the error follows.
        let tooLong = Array((objects[0] + "\n" + objects[1] + "\n" + #"{"id":"4","s":"0123456789"}"# + "\n").utf8)
        var reader = try JSONRecordReader(source: ByteChunkSource(bytes: tooLong, name: "t.jsonl", chunkSize: sourceChunk),
                                          limits: limits)
        let chunk = try #require(try reader.nextChunk(targetBytes: 1 << 20, index: 0))
        #expect(chunk.bytes == Array((objects[0] + objects[1]).utf8))
        #expect(chunk.objects.map(\.end) == [19, 38])
        let error = InputTestSupport.contactStatError { _ = try reader.nextChunk(targetBytes: 1 << 20, index: 1) }
        #expect(error?.message == "JSON object is larger than the limit of 25 bytes")
        #expect(error?.location == "t.jsonl:3:1")
    }

    /// One flattener for two chunks, the first ending at an object the flattener refuses: each chunk's values
    /// are its own, back to back (the flattener appends the decoded ones straight to the chunk's values; plain ones
    /// stay in the chunk's bytes), the error is the
    /// reader's, and the flattener then reads a single object on its own as before.
    @Test func oneFlattenerAcrossChunksAndAFailedObject() throws {
        let input = Array((#"{"a":"one","b":"two"}"# + "\n" + #"{"a":"x",,"b":"y"}"# + "\n").utf8)
        let second = Array((#"{"b":"thr\u0065e","a":"four"}"# + "\n" + #"{"a":"fi\"ve"}"# + "\n").utf8)
        let expectedError = InputTestSupport.contactStatError {
            var reader = try JSONRecordReader(source: ByteChunkSource(bytes: input, name: "t.jsonl"))
            _ = try InputTestSupport.readAll(&reader)
        }
        #expect(expectedError != nil)
        var flattener = JSONObjectFlattener()
        let firstChunks = try Self.chunks(input, sourceChunk: 4096, target: 1 << 20)
        #expect(firstChunks.count == 1)
        let first = firstChunks[0].parse(with: &flattener)
        #expect(Self.fieldsByKey(first, of: firstChunks[0]) == [["a": "one", "b": "two"]])
        #expect(first.error == expectedError)
        let secondChunks = try Self.chunks(second, sourceChunk: 4096, target: 1 << 20)
        #expect(secondChunks.count == 1)
        let next = secondChunks[0].parse(with: &flattener)
        #expect(next.error == nil)
        #expect(Self.fieldsByKey(next, of: secondChunks[0]) == [["b": "three", "a": "four"], ["a": "fi\"ve"]])
        // Only the strings that needed decoding are copied; "four" is left in the chunk's bytes.
        #expect(next.values == Array("threefi\"ve".utf8))
        #expect(next.fieldRanges.map { JSONObjectFlattener.textRange(of: $0) == nil } == [true, false, true])
        try Array(#"{"c":"six"}"#.utf8).withUnsafeBufferPointer { try flattener.flatten($0) }
        #expect(flattener.values == Array("six".utf8))
        #expect(flattener.fields.map(\.range) == [0..<3])
    }
}
