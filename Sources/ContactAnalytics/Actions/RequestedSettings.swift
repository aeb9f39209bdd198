/// What one invocation asks for, as given (text, unparsed): the top layer of the precedence
/// command line > configuration file > preset > built-in defaults that `RunSettings` resolves. `nil` (or empty,
/// or `false`) means "not given": the next layer decides.
///
/// The `contactstat` executable fills it from its parsed command line; a test or another front end fills it
/// directly. It knows nothing of flags.
public struct RequestedSettings: Sendable, Equatable {
    /// The inputs (`-` = standard input).
    public var files: [String] = []
    /// The configuration file; `nil`: `contactstat.json` in the working directory if there is one.
    public var configurationPath: String?
    public var preset: String?
    /// `FIELD=COLUMN` pairs, each winning over the configuration's mapping and the preset.
    public var map: [String] = []
    public var records: String?
    /// The sheet of an Excel workbook to read (default: the first).
    public var sheet: String?
    public var columns: String?
    public var timeZone: String?
    /// `day-first` or `month-first`.
    public var dayMonthOrder: String?
    public var rejects: String?
    public var strict = false
    public var quiet = false
    public var foldDiacritics = false
    public var threads: String?
    public var causeFrom: String?
    public var since: String?
    public var until: String?
    public var window: String?
    public var scope: String?
    public var period: String?

    public init(files: [String] = []) {
        self.files = files
    }
}
