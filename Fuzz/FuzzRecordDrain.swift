// Shared by the reader fuzz targets: opens a source, reads every record and checks the record's shape.

/// Reads a source to its end, trapping on any inconsistency a caller could trip over.
enum FuzzRecordDrain {
    /// Opens `source` with `options` and reads every record. Thrown `ContactStatError`s end the input
    /// cleanly; a record whose field offsets are not ascending within its bytes, or a header wider than the
    /// field limit, traps (a finding for libFuzzer).
    static func drain(_ source: ByteChunkSource, options: ReaderOptions) {
        drain(options: options) { try InputOpener.open(source: source, options: options) }
    }

    /// Opens the file at `path` as `contactstat` does (a zip is read as a workbook) and reads every record.
    static func drain(path: String, options: ReaderOptions) {
        drain(options: options) { try InputOpener.open(path: path, options: options) }
    }

    private static func drain(options: ReaderOptions, open: () throws -> any RecordReader) {
        do {
            var reader = try open()
            var record = RawRecord()
            var records = 0
            while try reader.next(into: &record) {
                records += 1
                var previous = 0
                for end in record.fieldEnds {
                    precondition(end >= previous && end <= record.bytes.count, "field offsets out of order")
                    previous = end
                }
                precondition(record.count <= options.limits.maxFields, "record wider than maxFields")
                precondition(reader.header.count <= options.limits.maxFields, "header wider than maxFields")
                for index in 0..<record.count {
                    _ = record.string(at: index)
                    _ = record.trimmedString(at: index)
                }
            }
        } catch is ContactStatError {
            return
        } catch {
            preconditionFailure("unexpected error type: \(error)")
        }
    }
}
