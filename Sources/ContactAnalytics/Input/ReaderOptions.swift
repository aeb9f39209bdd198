/// How `InputOpener` reads an input.
public struct ReaderOptions: Sendable, Equatable {
    /// Bytes per read (default 256 KiB; at least 1).
    public var chunkSize: Int
    /// The CSV delimiter to use instead of detecting it (ignored for JSON).
    public var delimiter: CSVDelimiter?
    /// The format to use instead of recognising it from the content.
    public var format: InputFormat?
    /// Size bounds.
    public var limits: ReaderLimits
    /// Where a JSON envelope holds its records (`--records`); `nil` finds them (see `JSONObjectScanner`).
    /// Ignored for CSV.
    public var recordsPath: JSONRecordsPath?
    /// The column names of CSV input that has no header row (`--columns`, or a preset's layouts); `nil` = the
    /// first record is the header.
    public var headerless: HeaderlessColumns?
    /// The sheet of an Excel workbook to read (`--sheet`, case-insensitive); `nil` = the first. Ignored for
    /// text input.
    public var sheet: String?

    /// Options; the defaults read 256 KiB chunks, detect the delimiter and format, use default limits and read
    /// the first CSV record as the header.
    public init(chunkSize: Int = ByteChunkSource.defaultChunkSize, delimiter: CSVDelimiter? = nil,
                format: InputFormat? = nil, limits: ReaderLimits = ReaderLimits(),
                recordsPath: JSONRecordsPath? = nil, headerless: HeaderlessColumns? = nil) {
        self.chunkSize = chunkSize
        self.delimiter = delimiter
        self.format = format
        self.limits = limits
        self.recordsPath = recordsPath
        self.headerless = headerless
    }
}
