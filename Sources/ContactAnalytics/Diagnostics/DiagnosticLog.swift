/// Collects diagnostics, grouped by file, kind and column, keeping the first few of each group in full and
/// counting the rest, so a file with a million bad rows still prints a readable summary.
public struct DiagnosticLog: Sendable {
    /// How many diagnostics of one group are kept in full.
    public let examplesPerGroup: Int

    public struct GroupKey: Sendable, Hashable {
        public var file: String
        public var kind: String
        public var column: String?
        public var severity: Diagnostic.Severity
    }

    public struct Group: Sendable {
        public var key: GroupKey
        public var count: Int
        public var examples: [Diagnostic]
    }

    private var groupIndex: [GroupKey: Int] = [:]
    public private(set) var groups: [Group] = []

    public init(examplesPerGroup: Int = 5) {
        self.examplesPerGroup = examplesPerGroup
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        let key = GroupKey(file: diagnostic.location.file, kind: diagnostic.kind, column: diagnostic.column,
                           severity: diagnostic.severity)
        if let index = groupIndex[key] {
            groups[index].count += 1
            if groups[index].examples.count < examplesPerGroup {
                groups[index].examples.append(diagnostic)
            }
        } else {
            groupIndex[key] = groups.count
            groups.append(Group(key: key, count: 1, examples: [diagnostic]))
        }
    }

    /// Adds every diagnostic of `other`, keeping this log's order first (used to merge per-worker logs).
    public mutating func merge(_ other: DiagnosticLog) {
        for group in other.groups {
            if let index = groupIndex[group.key] {
                groups[index].count += group.count
                let room = examplesPerGroup - groups[index].examples.count
                if room > 0 { groups[index].examples.append(contentsOf: group.examples.prefix(room)) }
            } else {
                groupIndex[group.key] = groups.count
                var kept = group
                kept.examples = Array(group.examples.prefix(examplesPerGroup))
                groups.append(kept)
            }
        }
    }

    /// The number of diagnostics of a severity (all of them, not just the examples kept).
    public func count(_ severity: Diagnostic.Severity) -> Int {
        groups.lazy.filter { $0.key.severity == severity }.reduce(0) { $0 + $1.count }
    }

    /// The number of diagnostics of a kind.
    public func count(kind: String) -> Int {
        groups.lazy.filter { $0.key.kind == kind }.reduce(0) { $0 + $1.count }
    }

    public var isEmpty: Bool { groups.isEmpty }

    /// How many files' groups of one kind (and column and severity) are printed before the rest are summed.
    public static let filesShownPerKind = 3

    /// Lines to print: each kept diagnostic, then `... and N more like this` for a group that was capped. The
    /// same kind of problem in many files (an export split over 158 files) is printed for the first
    /// `filesShownPerKind` files and summed for the rest in one line: `FILE and 154 more files: warning: ...
    /// and 310 more unreadable-csat in column "Rating" not shown`.
    /// Settings the messages refer to are named by `names`.
    public func formattedLines(_ names: SettingNames = .plain) -> [String] {
        struct Kind: Hashable {
            var kind: String
            var column: String?
            var severity: Diagnostic.Severity
        }
        var lines: [String] = []
        var filesShown: [Kind: Int] = [:]
        var hiddenFiles: [(kind: Kind, first: String, files: Int, count: Int)] = []
        var hiddenIndex: [Kind: Int] = [:]
        for group in groups {
            let kind = Kind(kind: group.key.kind, column: group.key.column, severity: group.key.severity)
            let what = group.key.column.map { " in column \"\($0)\"" } ?? ""
            if filesShown[kind, default: 0] >= DiagnosticLog.filesShownPerKind {
                if let at = hiddenIndex[kind] {
                    hiddenFiles[at].files += 1
                    hiddenFiles[at].count += group.count
                } else {
                    hiddenIndex[kind] = hiddenFiles.count
                    hiddenFiles.append((kind, group.key.file, 1, group.count))
                }
                continue
            }
            filesShown[kind, default: 0] += 1
            for example in group.examples { lines.append(example.formatted(names)) }
            let hidden = group.count - group.examples.count
            if hidden > 0 {
                lines.append("\(group.key.file): \(group.key.severity.rawValue): ... and \(hidden) more "
                             + "\(group.key.kind)\(what) not shown")
            }
        }
        for rest in hiddenFiles {
            let what = rest.kind.column.map { " in column \"\($0)\"" } ?? ""
            let files = rest.files == 1 ? rest.first : "\(rest.first) and \(rest.files - 1) more files"
            lines.append("\(files): \(rest.kind.severity.rawValue): ... and \(rest.count) more \(rest.kind.kind)\(what) not shown")
        }
        return lines
    }
}
