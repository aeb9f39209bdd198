// libFuzzer target: arbitrary bytes through the JSON array / JSON Lines reader (built by Scripts/fuzz.sh).
//
// The first byte picks the chunk size (1...64) and whether the format is recognised from the content or
// forced to JSON, so records cross chunk boundaries everywhere. A thrown `ContactStatError` is a clean
// rejection; a trap, a sanitizer report or an inconsistent record is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonReaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let format: InputFormat? = control & 0x40 == 0 ? .jsonArray : nil
    let limits = ReaderLimits(maxRecordBytes: 4096, maxFields: 256, maxJSONDepth: 16)
    let options = ReaderOptions(chunkSize: Int(control & 0x3F) + 1, format: format, limits: limits)
    FuzzRecordDrain.drain(ByteChunkSource(bytes: bytes, name: "fuzz.json", chunkSize: options.chunkSize),
                          options: options)
    // The same bytes cut into chunks and flattened as the workers do (`JSONChunk.parse`): every field's value
    // read where it is, in the chunk's values or left in its bytes, under the address sanitizer.
    if var reader = try? JSONRecordReader(source: ByteChunkSource(bytes: bytes, name: "fuzz.json",
                                                                  chunkSize: options.chunkSize), limits: limits) {
        var flattener = JSONObjectFlattener()
        var index = 0
        var sum = 0
        while let chunk = try? reader.nextChunk(targetBytes: Int(control & 0x3F) + 1, index: index) {
            let records = chunk.parse(with: &flattener)
            for record in 0..<records.count {
                // A range outside its buffer traps here (the slice is bounds-checked).
                for field in records.fields(of: record) { for byte in chunk.value(of: field, in: records) { sum &+= Int(byte) } }
            }
            if records.error != nil { break }
            index += 1
        }
        precondition(sum >= 0, "value bytes sum below zero")
    }
    return 0
}
