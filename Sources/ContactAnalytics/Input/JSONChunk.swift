/// A run of whole record objects of JSON input, cut by `JSONRecordReader.nextChunk` on the reading thread
/// (whose scanner found where each object starts and ends), unparsed, with where each object starts, so that
/// another thread can flatten them (`parse`) exactly as the reader would have.
///
/// The objects' keys are numbered per chunk, in order of first appearance (`Records.keys`): which column a key
/// is in the input as a whole depends on the chunks before, and is settled when the chunk's turn comes
/// (`JSONColumnLedger`).
struct JSONChunk: Sendable {
    /// Where one object's text is, and where it starts in the input.
    struct Object: Sendable {
        /// The end (exclusive) of its text in `bytes`; it starts where the previous one ends.
        var end: Int
        var line: Int
        var column: Int
        /// The scanner saw it end at a closing bracket of the wrong kind.
        var endedAtMismatch: Bool
    }

    /// The chunk's place among the input's chunks (0, 1, 2, … in input order).
    var index: Int
    /// The input's name in messages.
    var file: String
    var limits: ReaderLimits
    /// The objects' texts, back to back (`JSONRecordReader.nextChunk` scans them straight in).
    var bytes: [UInt8] = []
    var objects: [Object] = []
    /// The reader's pool the bytes go back to once flattened (`recycle`), if it keeps one.
    var bufferPool: ChunkBufferPool?

    init(index: Int, file: String, limits: ReaderLimits) {
        self.index = index
        self.file = file
        self.limits = limits
    }

    /// Hands the bytes back to the reader's pool for a later chunk (call once the records `parse` made are
    /// read: their plain string values are still in the bytes).
    func recycle() {
        bufferPool?.give(bytes)
    }


    /// The bytes of field `field` of `records` (made by this chunk's `parse`): in `records.values`, or where
    /// they were left in `bytes`.
    func value(of field: Int, in records: Records) -> ArraySlice<UInt8> {
        let range = records.fieldRanges[field]
        if let text = JSONObjectFlattener.textRange(of: range) { return bytes[text] }
        return records.values[range]
    }

    /// The objects flattened, each field naming its key by the chunk's own numbering.
    struct Records: Sendable {
        /// The keys in order of first appearance in the chunk.
        var keys: [String] = []
        /// For each key, the record in which it first appears.
        var firstRecord: [Int] = []
        /// The values' bytes, back to back: those of the string values that needed no decoding stay in the
        /// chunk's `bytes` instead (`JSONObjectFlattener.textRange(of:)`).
        var values: [UInt8] = []
        /// Every record's fields, record after record: the key's number and the value's bytes in `values`, or
        /// (a range of `JSONObjectFlattener.textReference` or more) in the chunk's `bytes`, at the range less
        /// `textReference`.
        var fieldKeys: [Int] = []
        var fieldRanges: [Range<Int>] = []
        /// `fieldEnds[r]`: the end (exclusive) of record `r`'s fields in `fieldKeys`.
        var fieldEnds: [Int] = []
        var lines: [Int] = []
        var columns: [Int] = []
        var decodedAsWindows1252: [Bool] = []
        /// The first object that could not be flattened (the records before it are kept), as the reader
        /// would have thrown it.
        var error: ContactStatError?

        /// The number of records flattened.
        var count: Int { fieldEnds.count }

        /// The fields of record `record` (indexes into `fieldKeys` and `fieldRanges`).
        func fields(of record: Int) -> Range<Int> {
            (record == 0 ? 0 : fieldEnds[record - 1])..<fieldEnds[record]
        }
    }

    /// Flattens the objects in order with `flattener`, stopping at the first that cannot be (`Records.error`).
    func parse(with flattener: inout JSONObjectFlattener) -> Records {
        var records = Records()
        // The chunk's number of each of the flattener's keys (-1: not seen in this chunk).
        var numberOfKeyID: [Int] = []
        records.lines.reserveCapacity(objects.count)
        records.columns.reserveCapacity(objects.count)
        records.fieldEnds.reserveCapacity(objects.count)
        records.decodedAsWindows1252.reserveCapacity(objects.count)
        records.values.reserveCapacity(bytes.count)
        var start = 0
        // The flattener appends each object's values straight to the chunk's (its ranges then index them), and
        // gets its own buffer back at the end.
        flattener.exchangeValues(with: &records.values)
        bytes.withUnsafeBufferPointer { all in
            for object in objects {
                let text = UnsafeBufferPointer(rebasing: all[start..<object.end])
                defer { start = object.end }
                do throws(JSONObjectFlattener.SyntaxError) {
                    try flattener.flatten(text, keepingValues: true, textOffset: start)
                } catch {
                    records.error = ContactStatError(.dataFormat, error.message, at: JSONRecordReader.location(
                        ofOffset: error.offset, in: text, file: file, line: object.line, column: object.column))
                    return
                }
                if object.endedAtMismatch {
                    // The flattener stops at a mismatched bracket at the latest; this is a safety net.
                    records.error = ContactStatError(.dataFormat, "mismatched bracket", at: JSONRecordReader.location(
                        ofOffset: text.count - 1, in: text, file: file, line: object.line, column: object.column))
                    return
                }
                let recordIndex = records.count
                for field in flattener.fields {
                    let id = field.keyID
                    if id >= numberOfKeyID.count {
                        numberOfKeyID.append(contentsOf: repeatElement(-1, count: id + 1 - numberOfKeyID.count))
                    }
                    var number = numberOfKeyID[id]
                    if number < 0 {
                        number = records.keys.count
                        numberOfKeyID[id] = number
                        records.keys.append(flattener.keys[id])
                        records.firstRecord.append(recordIndex)
                    }
                    records.fieldKeys.append(number)
                    records.fieldRanges.append(field.range)
                }
                records.fieldEnds.append(records.fieldKeys.count)
                records.lines.append(object.line)
                records.columns.append(object.column)
                records.decodedAsWindows1252.append(flattener.decodedAsWindows1252)
            }
        }
        flattener.exchangeValues(with: &records.values)
        return records
    }
}
