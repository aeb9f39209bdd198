import TextDistance
import Foundation

/// The causes of a run that takes them from an export column (`--cause-from`): every distinct value of the
/// column, each given a cause by a `CauseColumnTable`, found by reading the input once before the contacts are
/// classified (`scan`).
///
/// The metrics engine keys causes by `CauseID`, an index into a taxonomy fixed before the first contact is
/// counted; so the values are all registered first, and the analysis then runs on `taxonomy` (these causes,
/// no rules), each worker looking its contacts' values up in a table it only reads (`cause(of:columnIndex:)`).
/// Ids are given in order of first appearance in the input, so the figures do not depend on the thread count.
public struct ColumnCauses: Sendable {
    /// One value of the column that the table does not list, and how many contacts carry it.
    public struct UnmappedValue: Sendable, Equatable {
        public var value: String
        public var contacts: Int
    }

    /// The column as asked for.
    public let column: String
    /// The causes (no rules): the table's causes that occur, then a cause per unlisted value.
    public let taxonomy: Taxonomy
    /// Values not in the table, most contacts first (then by value).
    public let unmapped: [UnmappedValue]
    /// Contacts whose value is empty (unclassified).
    public let emptyContacts: Int
    /// Contacts read.
    public let contacts: Int
    /// Whether some input has the column.
    public let foundColumn: Bool
    /// Trimmed value -> cause.
    private let causeOfValue: [String: CauseID]

    /// At most this many unlisted values get a cause of their own; the rest share `unmapped/other-values`
    /// (a free-text column would otherwise make a cause of every contact).
    public static let maximumUnmappedCauses = 500

    /// The index of `column` in `header`, if it is there: the same name, else the first whose letters and digits
    /// are the same ignoring case (`Complaint Type` finds `complaint_type`).
    public static func index(of column: String, in header: [String]) -> Int? {
        let wanted = column.trimmingCharacters(in: .whitespaces)
        if let exact = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == wanted }) { return exact }
        let key = looseKey(wanted)
        return header.firstIndex { looseKey($0) == key }
    }

    static func looseKey(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            CharacterSet.alphanumerics.contains($0)
        }))
    }

    /// The cause of a contact whose export row is `raw`, the column being at `columnIndex`: unclassified when
    /// the value is empty or the column missing.
    @inline(__always)
    public func cause(of raw: borrowing RawRecord, columnIndex: Int?) -> CauseID {
        guard let columnIndex, let value = raw.trimmedString(at: columnIndex) else { return .unclassified }
        return causeOfValue[value] ?? .unclassified
    }

    /// Reads `ingest` (mapping every record, as the analysis will; rejected and outbound rows are not contacts)
    /// and gives every distinct value of `column` a cause: by `table`, whose listed causes may name causes of
    /// `base` to take their name, process and flag from. Inputs must be readable twice (spool standard input
    /// first, `InputSpool`). Throws `ContactStatError(.configuration)` for a listed cause that `base` lacks and
    /// that has no process or avoidable flag, or one cause listed with two different processes or flags;
    /// `ContactStatError(.usage)` when no input has the column.
    public static func scan(_ ingest: IngestOptions, column: String, table: CauseColumnTable, base: Taxonomy,
                            threads: Int) throws -> ColumnCauses {
        try scan(ingest, column: column, table: table, base: base, threads: ThreadBudget(threads: threads))
    }

    /// `scan(_:column:table:base:threads:)` on the threads of a run's budget.
    static func scan(_ ingest: IngestOptions, column: String, table: CauseColumnTable, base: Taxonomy,
                     threads: ThreadBudget) throws -> ColumnCauses {
        var options = ingest
        options.rejectsPath = nil
        var counts: [String: Int] = [:]
        var order: [String] = []
        var empty = 0, contacts = 0
        // Whether some worker found the column.
        let found = Locked(false)
        let summary = try ContactIngest.runInBatches(
            options, threads: threads,
            makeState: { context -> Int? in
                let index = index(of: column, in: context.header)
                if index != nil { found.withLock { $0 = true } }
                return index
            },
            process: { index, _, raw -> String? in index.flatMap { raw.trimmedString(at: $0) } },
            merge: { value in
                contacts += 1
                guard let value else {
                    empty += 1
                    return
                }
                if let count = counts[value] {
                    counts[value] = count + 1
                } else {
                    counts[value] = 1
                    order.append(value)
                }
            })
        guard found.current else {
            let header = summary.files.first?.header ?? []
            var message: MessageText = "the input has no column \"\(column)\" to take causes from (\(setting: .causeFrom), causes_from.column)"
            if let s = EditDistance.suggestion(for: column, among: header) { message += "; did you mean '\(s)'?" }
            throw ContactStatError(.usage, message)
        }
        return try ColumnCauses(column: column, table: table, base: base, values: order, counts: counts,
                                emptyContacts: empty, contacts: contacts, foundColumn: found.current)
    }

    /// The causes for `values` (distinct, in order of first appearance) seen `counts` times each.
    init(column: String, table: CauseColumnTable, base: Taxonomy, values: [String], counts: [String: Int],
         emptyContacts: Int, contacts: Int, foundColumn: Bool) throws {
        self.column = column
        self.emptyContacts = emptyContacts
        self.contacts = contacts
        self.foundColumn = foundColumn
        // The table's causes, each checked once, whether or not its values occur.
        var listed: [String: RootCause] = [:]
        for (_, value, entry) in table.entries {
            let known = base.id(of: entry.path).flatMap { base.cause($0) }
            guard let process = entry.process ?? known?.process, let avoidable = entry.avoidable ?? known?.avoidable else {
                throw ContactStatError(.configuration, "causes_from.values: '\(value)' names the cause '\(entry.path)', "
                                       + "which the taxonomy does not have: give it a 'process' and 'avoidable'",
                                       at: entry.location)
            }
            let cause = RootCause(path: entry.path, name: entry.name ?? known?.name, process: process,
                                  avoidable: avoidable, avoidableReason: entry.reason ?? known?.avoidableReason ?? "",
                                  description: known?.description ?? "")
            if let earlier = listed[entry.path] {
                if earlier.process != cause.process || earlier.avoidable != cause.avoidable {
                    throw ContactStatError(.configuration, "causes_from.values: '\(value)' gives the cause "
                                           + "'\(entry.path)' another process or avoidable flag than an earlier value",
                                           at: entry.location)
                }
            } else {
                listed[entry.path] = cause
            }
        }
        let unlisted = values.filter { table.entry(for: $0) == nil }
            .sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
        unmapped = unlisted.map { UnmappedValue(value: $0, contacts: counts[$0] ?? 0) }
        let ownCause = Set(unlisted.prefix(Self.maximumUnmappedCauses))

        var causes: [RootCause] = []
        var pathIndex: [String: Int] = [:]
        var usedPaths = Set(listed.keys)
        var map: [String: CauseID] = [:]
        func register(_ cause: RootCause) -> CauseID {
            if let i = pathIndex[cause.path] { return CauseID(i) }
            pathIndex[cause.path] = causes.count
            causes.append(cause)
            return CauseID(causes.count - 1)
        }
        for value in values {
            if let entry = table.entry(for: value), let cause = listed[entry.path] {
                map[value] = register(cause)
            } else if ownCause.contains(value) {
                let path = RootCause.uniquePath(for: value, in: "unmapped", avoiding: &usedPaths,
                                                reserved: ["other-values"])
                map[value] = register(RootCause(path: path, name: value, process: table.defaultProcess,
                                                avoidable: table.defaultAvoidable,
                                                avoidableReason: table.defaultReason))
            } else {
                map[value] = register(RootCause(path: "unmapped/other-values", name: "Other unmapped values",
                                                process: table.defaultProcess, avoidable: table.defaultAvoidable,
                                                avoidableReason: table.defaultReason))
            }
        }
        causeOfValue = map
        taxonomy = try Taxonomy(causes: causes, rules: [], groupNames: ["unmapped": "Values not in causes_from"],
                                origin: "column \"\(column)\"")
    }
}
