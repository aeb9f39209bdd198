/// Many input files said in a few words: the first few named and "and N more", with their count and total
/// size, so a report or `validate` over 158 files of one export does not spend its length on file names.
public struct FileListing: Sendable, Equatable {
    /// How many files are named before "and N more".
    public static let named = 3

    public var names: [String]
    /// The summed size in bytes, `nil` when some input has none (standard input).
    public var bytes: Int?

    public init(names: [String], bytes: Int?) {
        self.names = names
        self.bytes = bytes
    }

    /// Whether the files are many enough to be summarised rather than all named.
    public var isSummarised: Bool { names.count > FileListing.named }

    /// `a.csv, b.csv, c.csv and 155 more` (every name, comma-separated, when there are at most `named`).
    public var shortList: String {
        guard isSummarised else { return names.joined(separator: ", ") }
        return names.prefix(FileListing.named).joined(separator: ", ") + " and \(names.count - FileListing.named) more"
    }

    /// `158 files, 22.1 MiB` (without the size when it is unknown).
    public var countAndSize: String {
        let count = "\(ReportNumberFormat(currency: "").count(names.count)) file" + (names.count == 1 ? "" : "s")
        guard let bytes else { return count }
        return count + ", " + FileListing.size(bytes)
    }

    /// `812 bytes`, `14.2 KiB`, `22.1 MiB`, `1.4 GiB` (binary units, one decimal).
    public static func size(_ bytes: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) byte" + (bytes == 1 ? "" : "s") }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1023.95 && unit < units.count - 1 { // what would print as 1024.0 is the next unit
            value /= 1024
            unit += 1
        }
        return (ReportNumberFormat.fixed(value, places: 1) ?? "\(Int(value))") + " " + units[unit]
    }
}
