import Testing
@testable import ContactAnalytics

/// CSV input without a header row: the columns come from `HeaderlessColumns`, the first record is data, line
/// numbers stay the file's own, and a field count no layout has is a usage error naming file, line and counts.
@Suite struct HeaderlessCSVTests {
    static let input = Array("\n\"a\",1,2024-01-27 15:07:24\n\"b\",2,2024-01-27 15:08:00\n".utf8)

    @Test func theFirstRecordIsDataAndLinesAreTheFilesOwn() throws {
        let columns = HeaderlessColumns(layouts: [["name", "n", "start"]], origin: .option)
        for chunkSize in [1, 2, 5, 4096] {
            var reader = try CSVReader(source: ByteChunkSource(bytes: Self.input, name: "x.csv", chunkSize: chunkSize),
                                       headerless: columns)
            #expect(reader.header == ["name", "n", "start"])
            #expect(reader.headerVersion == 1)
            #expect(reader.headerLine == 0)
            let records = try InputTestSupport.readAll(&reader)
            // The blank first line is skipped but counted: the records start on lines 2 and 3.
            #expect(records.map(\.strings) == [["a", "1", "2024-01-27 15:07:24"], ["b", "2", "2024-01-27 15:08:00"]],
                    "chunk size \(chunkSize)")
            #expect(records.map(\.line) == [2, 3])
        }
    }

    @Test func theLayoutIsChosenByTheFieldCount() throws {
        let columns = HeaderlessColumns(layouts: [["a", "b"], ["name", "n", "start"], ["w", "x", "y", "z"]],
                                        origin: .preset("p"))
        let reader = try CSVReader(source: ByteChunkSource(bytes: Self.input), headerless: columns)
        #expect(reader.header == ["name", "n", "start"])
    }

    @Test func chunkedReadingHandsTheFirstRecordOutFirst() throws {
        let columns = HeaderlessColumns(layouts: [["name", "n", "start"]], origin: .option)
        var reader = try CSVReader(source: ByteChunkSource(bytes: Self.input, name: "x.csv"), headerless: columns)
        var records: [RawRecord] = []
        while let piece = try reader.nextChunk(targetBytes: 4) {
            switch piece {
            case .record(let record): records.append(record)
            case .chunk(let chunk):
                var scratch = RawRecord()
                try chunk.forEachRecord(&scratch) { records.append($0) }
            }
        }
        #expect(records.map(\.line) == [2, 3])
        #expect(records.map { $0.string(at: 0) } == ["a", "b"])
    }

    @Test func aFieldCountNoLayoutHasIsAUsageErrorNamingBothCounts() {
        let option = HeaderlessColumns(layouts: [["a", "b"]], origin: .option)
        let error = InputTestSupport.contactStatError {
            _ = try CSVReader(source: ByteChunkSource(bytes: Self.input, name: "x.csv"), headerless: option)
        }
        #expect(error == ContactStatError(.usage, "\(setting: .columns) names 2 columns, but line 2 has 3 fields", at: "x.csv:2"))
        #expect(error?.exitCode == 64)

        let preset = HeaderlessColumns(layouts: [["a"], ["a", "b"], ["a", "b", "c", "d"]], origin: .preset("pbx"))
        let presetError = InputTestSupport.contactStatError {
            _ = try CSVReader(source: ByteChunkSource(bytes: Self.input, name: "x.csv"), headerless: preset)
        }
        #expect(presetError == ContactStatError(
            .usage, "the pbx preset reads headerless files of 1, 2 or 4 fields, but line 2 has 3 fields; "
                + "name the columns with \(setting: .columns) NAME,NAME,...", at: "x.csv:2"))
    }

    @Test func anEmptyFileIsStillEmpty() {
        let columns = HeaderlessColumns(layouts: [["a"]], origin: .option)
        let error = InputTestSupport.contactStatError {
            _ = try CSVReader(source: ByteChunkSource(bytes: Array("\n\n".utf8), name: "e.csv"), headerless: columns)
        }
        #expect(error?.kind == .dataFormat)
    }

    @Test func columnsOptionParsing() throws {
        #expect(try HeaderlessColumns.option(" src , dst,start ") == HeaderlessColumns(layouts: [["src", "dst", "start"]],
                                                                                      origin: .option))
        #expect(InputTestSupport.contactStatError { _ = try HeaderlessColumns.option("a,,b") }
                == ContactStatError(.usage, "\(setting: .columns) expects NAME,NAME,... with no empty name, got 'a,,b'"))
        #expect(InputTestSupport.contactStatError { _ = try HeaderlessColumns.option("a,b,a") }
                == ContactStatError(.usage, "\(setting: .columns) names the column 'a' twice"))
    }

    @Test func columnsOnJSONInputIsAUsageError() {
        let json = ByteChunkSource(bytes: Array("[{\"a\": 1}]".utf8), name: "j.json")
        let error = InputTestSupport.contactStatError {
            _ = try InputOpener.open(source: json, options: ReaderOptions(
                headerless: HeaderlessColumns(layouts: [["a"]], origin: .option)))
        }
        #expect(error?.kind == .usage)
        #expect(error?.location == "j.json")
        // A preset's layouts do not apply to JSON, whose keys name its columns.
        let fromPreset = InputTestSupport.contactStatError {
            _ = try InputOpener.open(source: ByteChunkSource(bytes: Array("[{\"a\": 1}]".utf8)), options: ReaderOptions(
                headerless: HeaderlessColumns(layouts: [["a"]], origin: .preset("p"))))
        }
        #expect(fromPreset == nil)
    }
}
