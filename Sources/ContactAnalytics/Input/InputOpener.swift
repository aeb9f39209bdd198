/// Opens an input and picks the reader for its format.
public enum InputOpener {
    /// A reader for the file at `path` (`-` reads standard input), its format recognised from the content
    /// (`InputFormat.detect(prefix:)`) unless `options.format` says otherwise.
    ///
    /// - Parameter displayName: the name in messages; defaults to `path`.
    /// - Throws: `ContactStatError(.dataFormat, "cannot open: <reason>", at: name)` for a missing or
    ///   unreadable file; the binary / empty checks of `InputFormat.probe`; what the reader throws while
    ///   reading the CSV header; a usage error for `--columns` on JSON input.
    public static func open(path: String, displayName: String? = nil, options: ReaderOptions = ReaderOptions())
    throws -> any RecordReader {
        var source = try ByteChunkSource(path: path, displayName: displayName, chunkSize: options.chunkSize)
        if try source.peek(4).elementsEqual(ZipArchive.magic) {
            return try XLSXReader(path: path, displayName: displayName ?? path, sheet: options.sheet, limits: options.limits)
        }
        return try open(source: source, options: options)
    }

    /// A reader for `source` (see `open(path:displayName:options:)`).
    public static func open(source: ByteChunkSource, options: ReaderOptions = ReaderOptions())
    throws -> any RecordReader {
        var source = source
        source = try source.decompressingGzip()
        source = try source.transcodingUTF16()
        let detected = try InputFormat.probe(&source)
        switch options.format ?? detected {
        case .csv:
            return try CSVReader(source: source, delimiter: options.delimiter, limits: options.limits,
                                 headerless: options.headerless)
        case .jsonArray, .jsonLines:
            if options.headerless?.origin == .option {
                throw ContactStatError(.usage, "\(setting: .columns) names the columns of CSV input without a header; this is "
                                       + "JSON, whose keys are its columns" as MessageText, at: source.name)
            }
            return try JSONRecordReader(source: source, limits: options.limits, recordsPath: options.recordsPath)
        }
    }
}
