/// What to read and how: the files (`-` = standard input), the column mapping, the reader settings and the
/// rejects file.
public struct IngestOptions: Sendable {
    public var files: [String]
    public var mapping: MappingOptions
    public var reader: ReaderOptions
    /// Where to write rejected records (CSV), if anywhere.
    public var rejectsPath: String?
    /// How many records of each file are looked at to decide the day/month order before mapping starts.
    public var dateOrderSample: Int
    /// With several threads, CSV and JSON input are cut into chunks of about this many bytes (at record
    /// boundaries) for the workers to parse; tests make it tiny to cut everywhere.
    public var chunkBytes = 512 * 1024
    /// How the rejects file's reasons name settings (the executable names its flags).
    public var settingNames: SettingNames = .plain
    /// The name messages use for a file, when it is not its path (a spooled standard input is `-`).
    public var displayNames: [String: String] = [:]

    /// The name of `file` in messages, reports and the rejects file.
    public func displayName(of file: String) -> String { displayNames[file] ?? file }

    public init(files: [String], mapping: MappingOptions = MappingOptions(), reader: ReaderOptions = ReaderOptions(),
                rejectsPath: String? = nil, dateOrderSample: Int = 1000) {
        self.files = files
        self.mapping = mapping
        self.reader = reader
        self.rejectsPath = rejectsPath
        self.dateOrderSample = dateOrderSample
    }
}
