// libFuzzer target: arbitrary bytes through the CSV reader (built by Scripts/fuzz.sh, not by SwiftPM).
//
// The first byte picks the chunk size (1...64) and the delimiter (detected or forced), so the fuzzer also
// explores records that cross chunk boundaries at every position. Every record is read to the end of the
// input; a thrown `ContactStatError` is a clean rejection, anything else (a trap, a sanitizer report, a
// record whose field offsets do not fit its bytes) is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func csvReaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let delimiters: [CSVDelimiter?] = [nil, nil] + CSVDelimiter.allCases.map { Optional($0) }
    let delimiter = delimiters[Int(control >> 6) % delimiters.count]
    let limits = ReaderLimits(maxRecordBytes: 4096, maxFields: 256, maxJSONDepth: 16)
    let options = ReaderOptions(chunkSize: Int(control & 0x3F) + 1, delimiter: delimiter, format: .csv,
                                limits: limits)
    FuzzRecordDrain.drain(ByteChunkSource(bytes: bytes, name: "fuzz.csv", chunkSize: options.chunkSize),
                          options: options)
    // The same input read whole and cut into chunks at record boundaries (as the parallel pipeline reads it)
    // must give the same records, lines and errors.
    let whole = csvRecords(bytes, options) { reader, records in
        var record = RawRecord()
        while try reader.next(into: &record) { records.append(record) }
    }
    let target = Int(control & 0x0F) + 1
    let chunked = csvRecords(bytes, options) { reader, records in
        var record = RawRecord()
        while let piece = try reader.nextChunk(targetBytes: target) {
            switch piece {
            case .chunk(let chunk): try chunk.forEachRecord(&record) { records.append($0) }
            case .record(let long): records.append(long)
            }
        }
    }
    precondition(whole == chunked, "chunked reading differs from reading whole")
    return 0
}

/// The records (fields and lines) of `bytes` read by `body`, or the error it ended with.
private func csvRecords(_ bytes: [UInt8], _ options: ReaderOptions,
                        _ body: (inout CSVReader, inout [RawRecord]) throws -> Void) -> [String] {
    var records: [RawRecord] = []
    do {
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "fuzz.csv", chunkSize: options.chunkSize),
                                   delimiter: options.delimiter, limits: options.limits)
        try body(&reader, &records)
    } catch let error as ContactStatError {
        return records.map { "\($0.line): \($0.strings)" } + ["error: \(error)"]
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return records.map { "\($0.line): \($0.strings)" }
}
