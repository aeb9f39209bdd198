import Foundation
import Testing
@testable import ContactAnalytics

/// Format detection, the opener, and the chunked byte source.
@Suite("InputOpener and ByteChunkSource")
struct InputOpenerTests {
    @Test(arguments: [
        ("[{\"a\":1}]", InputFormat?.some(.jsonArray)),
        ("\u{FEFF}  \n[", .jsonArray),
        ("{\"a\":1}\n", .jsonLines),
        ("\r\n\t{", .jsonLines),
        ("a,b\n", .csv),
        ("\u{FEFF}id;name", .csv),
        ("  x", .csv),
        ("\"[\",b", .csv),
        ("", nil),
        ("\u{FEFF} \n\t", nil),
    ])
    func detectsFormat(_ prefix: String, _ expected: InputFormat?) {
        #expect(InputFormat.detect(prefix: Array(prefix.utf8)) == expected)
    }

    @Test(arguments: [("a,b\n1,2\n", "CSVReader"), ("[{\"a\":1}]", "JSONRecordReader"),
                      ("{\"a\":1}", "JSONRecordReader")])
    func opensTheRightReader(_ input: String, _ readerType: String) throws {
        let reader = try InputOpener.open(source: ByteChunkSource(bytes: Array(input.utf8)))
        #expect("\(type(of: reader))" == readerType)
    }

    @Test func forcedOptionsAreApplied() throws {
        var reader = try InputOpener.open(source: ByteChunkSource(bytes: Array("a;b,c\n1;2,3\n".utf8)),
                                          options: ReaderOptions(chunkSize: 2, delimiter: .semicolon))
        #expect(reader.header == ["a", "b,c"])
        var record = RawRecord()
        #expect(try reader.next(into: &record))
        #expect(record.strings == ["1", "2,3"])
    }

    @Test(arguments: [1, 7, 4096])
    func fileSourceDeliversEveryByteInBoundedChunks(_ chunkSize: Int) throws {
        let path = InputTestSupport.fixturePath("call-centre-trends-first30.csv")
        let expected = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var source = try ByteChunkSource(path: path, displayName: "calls.csv", chunkSize: chunkSize)
        #expect(source.name == "calls.csv")
        #expect(Array(try source.peek(5)) == Array(expected.prefix(5)))
        var all: [UInt8] = []
        while true {
            let before = all.count
            let delivered = try source.read(appendingTo: &all)
            #expect(delivered == all.count - before)
            #expect(delivered <= chunkSize)
            if delivered == 0 { break }
        }
        #expect(all == expected)
        #expect(try source.read(appendingTo: &all) == 0)
    }

    @Test func peekAndSkip() throws {
        var source = ByteChunkSource(bytes: Array("abcdef".utf8), chunkSize: 2)
        #expect(Array(try source.peek(3)) == Array("abc".utf8))
        #expect(Array(try source.peek(10)) == Array("abcdef".utf8))
        source.skip(1)
        var out: [UInt8] = []
        while try source.read(appendingTo: &out) > 0 {}
        #expect(out == Array("bcdef".utf8))
    }

    @Test func opensAFileByPathWithADisplayName() throws {
        let path = InputTestSupport.fixturePath("nyc311-2024-05-first30.json")
        var reader = try InputOpener.open(path: path, displayName: "nyc.json")
        var record = RawRecord()
        #expect(try reader.next(into: &record))
        #expect(record.string(at: 0) == "61276295")
    }
}
