import Testing
@testable import ContactAnalytics

/// Slices of the real sample exports (Fixtures/input, see its README), read through `InputOpener`.
@Suite("Real export fixtures")
struct RealExportFixtureTests {
    static func read(_ name: String, chunkSize: Int) throws -> (header: [String], records: [RawRecord]) {
        var reader = try InputOpener.open(path: InputTestSupport.fixturePath(name), displayName: name,
                                          options: ReaderOptions(chunkSize: chunkSize))
        let records = try InputTestSupport.readAll(&reader)
        #expect(reader.diagnostics.isEmpty)
        return (reader.header, records)
    }

    @Test(arguments: [1, 999, ByteChunkSource.defaultChunkSize])
    func nyc311CSV(_ chunkSize: Int) throws {
        let (header, records) = try Self.read("nyc311-2024-05-first30.csv", chunkSize: chunkSize)
        #expect(header.count == 47)
        #expect(header.prefix(3) == ["unique_key", "created_date", "agency"])
        #expect(records.count == 30)
        #expect(records.allSatisfy { $0.count == 47 })
        #expect(records.map(\.line) == Array(2...31))
        #expect(records.first?.string(at: 0) == "61276295")
        #expect(records.first?.string(at: 4) == "Street Condition")
        #expect(records.last?.string(at: 0) == "61274295")
        #expect(records.last?.string(at: 3) == "New York City Police Department")
    }

    @Test(arguments: [1, 999, ByteChunkSource.defaultChunkSize])
    func nyc311JSONArray(_ chunkSize: Int) throws {
        let (header, records) = try Self.read("nyc311-2024-05-first30.json", chunkSize: chunkSize)
        #expect(records.count == 30)
        #expect(records.map(\.line) == Array(1...30))
        #expect(header.count == 41)
        #expect(header[24...26] == ["location.latitude", "location.longitude", "location.human_address"])
        let first = try #require(records.first)
        #expect(first.string(at: 0) == "61276295")
        #expect(first.string(at: 26) == #"{"address": "", "city": "", "state": "", "zip": ""}"#)
        #expect(records.last?.string(at: 0) == "61274295")
    }

    @Test(arguments: [1, 999, ByteChunkSource.defaultChunkSize])
    func callCentreCSV(_ chunkSize: Int) throws {
        let (header, records) = try Self.read("call-centre-trends-first30.csv", chunkSize: chunkSize)
        #expect(header == ["call id", "agent", "date", "time", "topic", "answered (Y/N)", "resolved",
                           "speed of answer in seconds", "avgtalkduration", "satisfaction rating", "", ""])
        #expect(records.count == 30)
        #expect(records.map(\.line) == Array(2...31))
        #expect(records.first?.strings == ["ID0001", "Diane", "01-01-2021", "09:12:58", "Contract related", "Y", "Y",
                                           "109", "143", "3", "", ""])
        #expect(records[5].strings == ["ID0006", "Stewart", "01-01-2021", "10:00:29", "Technical Support", "N", "N",
                                       "", "0", "", "", ""])
    }

    @Test(arguments: [1, 999, ByteChunkSource.defaultChunkSize])
    func buenosAiresSemicolonCSV(_ chunkSize: Int) throws {
        let (header, records) = try Self.read("buenos-aires-147-2021-01-first30.csv", chunkSize: chunkSize)
        #expect(header.count == 17)
        #expect(header.first == "categoria")
        #expect(header.last == "hora_cierre_contacto")
        #expect(records.count == 30)
        #expect(records.allSatisfy { $0.count == 17 })
        #expect(records.first?.string(at: 0) == "TRÁMITES Y SERVICIOS")
        #expect(records.first?.string(at: 12) == "GCS Web")
        #expect(records.last?.string(at: 1) == "REPARACIÓN DE VEREDA")
    }

    @Test(arguments: [1, 999, ByteChunkSource.defaultChunkSize])
    func twitterMultiLineCSV(_ chunkSize: Int) throws {
        let (header, records) = try Self.read("twitter-customer-care-first40.csv", chunkSize: chunkSize)
        #expect(header == ["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id",
                           "in_response_to_tweet_id"])
        #expect(records.count == 40)
        #expect(records.allSatisfy { $0.count == 7 })
        // Record 37 holds a tweet spanning three physical lines (LF inside quotes, CRLF between records).
        #expect(records[35].line == 37)
        #expect(records[36].line == 38)
        #expect(records[36].string(at: 0) == "119276")
        #expect(records[36].string(at: 4).hasSuffix("messed up. \n\n@77245"))
        #expect(records[37].line == 41)
        #expect(records[37].string(at: 0) == "119277")
        #expect(records[1].string(at: 4).hasPrefix("@105835 Your business means a lot to us. Please DM your name, zip"))
    }
}
