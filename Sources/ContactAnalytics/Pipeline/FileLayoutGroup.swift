/// Input files of one layout: the same format, delimiter and header, read with the same column bindings (and
/// the same columns refused and time forms, which are decided from each file's values).
/// `validate` describes each layout once, however many files share it (an export split over 158 files is one
/// layout), with the files' rows summed.
public struct FileLayoutGroup: Sendable {
    /// The files, in input order (at least one).
    public var files: [IngestSummary.FileSummary]

    /// The first file: its format, header, bindings and missing columns stand for the group's.
    public var layout: IngestSummary.FileSummary { files[0] }

    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    public var contacts: Int { files.reduce(0) { $0 + $1.contacts } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var excluded: Int { files.reduce(0) { $0 + $1.excluded } }
    /// Of `excluded`, the internal contacts (opened by the organisation's staff or systems).
    public var internalContacts: Int { files.reduce(0) { $0 + $1.internalContacts } }

    /// How many contacts had a value for each field, over the group's files.
    public var filledCounts: [CanonicalField: Int] {
        var counts: [CanonicalField: Int] = [:]
        for file in files { counts.merge(file.filledCounts, uniquingKeysWith: +) }
        return counts
    }

    /// Each day/month order the group's files were read in, with how it was decided and how many files.
    public var dateOrders: [(order: DayMonthOrder, how: String, files: Int)] {
        var seen: [(order: DayMonthOrder, how: String, files: Int)] = []
        for file in files {
            guard let decided = file.dateOrder else { continue }
            if let index = seen.firstIndex(where: { $0.order == decided.order && $0.how == decided.how }) {
                seen[index].files += 1
            } else {
                seen.append((decided.order, decided.how, 1))
            }
        }
        return seen
    }

    /// The files grouped by layout, groups in order of their first file.
    public static func grouping(_ files: [IngestSummary.FileSummary]) -> [FileLayoutGroup] {
        var groups: [FileLayoutGroup] = []
        var index: [LayoutKey: Int] = [:]
        for file in files {
            let key = LayoutKey(file)
            if let at = index[key] {
                groups[at].files.append(file)
            } else {
                index[key] = groups.count
                groups.append(FileLayoutGroup(files: [file]))
            }
        }
        return groups
    }

    /// What makes two files one layout.
    private struct LayoutKey: Hashable {
        var format: String
        var delimiter: String?
        var header: [String]
        var bindings: [String]
        var missing: [String]
        var refused: [String]
        var timeForms: [String]

        init(_ file: IngestSummary.FileSummary) {
            format = file.format
            delimiter = file.delimiter
            header = file.header
            bindings = file.bindings.map { "\($0.field.rawValue)=\($0.column)@\($0.index ?? -1)/\($0.source.rawValue)" }
            missing = file.missingColumns.map { "\($0.field.rawValue)=\($0.column)/\($0.source.rawValue)" }
            refused = file.refusedColumns.map(\.message)
            timeForms = file.timeForms.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
        }
    }
}
