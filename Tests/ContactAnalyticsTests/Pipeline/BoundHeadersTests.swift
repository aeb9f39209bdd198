import Foundation
import Testing
@testable import ContactAnalytics

/// A run binds each header once (`BoundHeaders`) and reads each file's sample into the records of the one
/// before; what depends on a file's records is still that file's own. Every file of a run gives the summary,
/// diagnostics and contacts it gives read alone, on one thread and on workers (whole files).
@Suite struct BoundHeadersTests {
    static let header = "ticket_id,Created at,Estado,Estado del contacto,subject"

    /// Ten records: `Estado` holds `states`, dates written as `date(i)`, subjects of growing length.
    static func rows(_ prefix: String, states: [String], date: (Int) -> String) -> [String] {
        states.enumerated().map { i, state in
            "\(prefix)\(i),\(date(i)),\(state),\(i % 2 == 0 ? "Open" : "Solved"),Subject \(prefix)\(i) "
                + String(repeating: "x", count: i * 7)
        }
    }

    /// US states in `Estado`: 8 of 10 are no status (`NY` is Swedish for new).
    static let usStates = ["NY", "MA", "CA", "NY", "TX", "MA", "FL", "CA", "WA", "OH"]
    static let statuses = ["Open", "Solved", "Pending", "Closed", "New", "Solved", "Open", "solved", "Closed", "Open"]

    /// Each file's facts as comparable text: counts, bindings, refusals, fills, date order.
    static func facts(_ file: IngestSummary.FileSummary) -> String {
        let bindings = file.bindings.map { "\($0.field.rawValue)=\($0.column)@\($0.index ?? -1)/\($0.source.rawValue)" }
        let missing = file.missingColumns.map { "\($0.field.rawValue)=\($0.column)" }
        let filled = file.filledCounts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
        let order = file.dateOrder.map { "\($0.order.rawValue) (\($0.how))" } ?? "none"
        return "\(file.name) \(file.format) rows \(file.rowsRead) contacts \(file.contacts) rejected \(file.rejected) "
            + "excluded \(file.excluded) bindings \(bindings) missing \(missing) refused \(file.refusedColumns.map(\.message)) "
            + "filled \(filled) order \(order) mixed \(file.mixedDateOrder ?? "-")"
    }

    /// The run's summary and every contact as `file:line id opened status subject`, in order; on `workers`
    /// threads (0: the calling thread alone).
    static func ingest(_ files: [String], workers: Int, sample: Int = 1000) throws
        -> (summary: IngestSummary, contacts: [String]) {
        var options = IngestOptions(files: files, dateOrderSample: sample)
        options.displayNames = Dictionary(files.map { ($0, URL(fileURLWithPath: $0).lastPathComponent) }) { name, _ in name }
        var contacts: [String] = []
        let summary = try ContactIngest.runInBatches(
            options, workers: workers, makeState: { _ in () },
            process: { _, contact, _ in
                "\(contact.location.file):\(contact.location.line) \(contact.contactID ?? "-") \(contact.openedAt) "
                    + "\(contact.status.map { "\($0)" } ?? "-") \(contact.subject ?? "-")"
            },
            merge: { contacts.append($0) })
        return (summary, contacts)
    }

    /// Every diagnostic of `file` in `log`, in order.
    static func diagnostics(of file: String, in log: DiagnosticLog) -> [Diagnostic] {
        log.groups.flatMap(\.examples).filter { $0.location.file == file }
    }

    /// Three files with one header (US states, then statuses, then states again; day-first, month-first and
    /// ISO dates) and one with a header of its own: each gets its own column check, refusal note, bindings,
    /// day/month order and counts, the ones it gets read alone; the contacts are those of the files read
    /// one by one.
    @Test(arguments: [0, 2])
    func filesWithOneHeaderEachCheckTheirOwnValues(workers: Int) throws {
        let folder = try TestFolder(prefix: "bound-headers")
        let a = try folder.write("a.csv", [Self.header] + Self.rows("A", states: Self.usStates) { "\(13 + $0)/03/2026 10:00" })
        let b = try folder.write("b.csv", [Self.header] + Self.rows("B", states: Self.statuses) { "03/\(13 + $0)/2026 10:00" })
        let c = try folder.write("c.csv", [Self.header] + Self.rows("C", states: Self.usStates.reversed()) {
            "2026-04-\(String(format: "%02d", $0 + 1))T08:30:00Z"
        })
        let d = try folder.write("d.csv", ["ref,Opened,Status,subject"] + (0..<6).map {
            "D\($0),2026-05-0\($0 + 1)T12:00:00Z,\($0 % 2 == 0 ? "Closed" : "NY"),Other header \($0)"
        })
        let files = [a, b, c, d]
        let run = try Self.ingest(files, workers: workers)
        #expect(run.summary.files.count == 4)
        var alone: [String] = []
        for (index, path) in files.enumerated() {
            let single = try Self.ingest([path], workers: 0)
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(Self.facts(run.summary.files[index]) == Self.facts(single.summary.files[0]))
            #expect(Self.diagnostics(of: name, in: run.summary.diagnostics)
                    == Self.diagnostics(of: name, in: single.summary.diagnostics))
            alone += single.contacts
        }
        #expect(run.contacts == alone)
        #expect(run.contacts.count == 36)

        // What each file's own values decided.
        let refusal = "column 'Estado' not used as status: 8 of 10 sampled values are not statuses (e.g. 'MA', 'CA')"
        let refusalC = "column 'Estado' not used as status: 8 of 10 sampled values are not statuses (e.g. 'CA', 'MA')"
        #expect(run.summary.files[0].refusedColumns.map(\.message) == [refusal])
        #expect(run.summary.files[0].bindings.first { $0.field == .status }?.column == "Estado del contacto")
        #expect(run.summary.files[0].dateOrder?.order == .dayFirst)
        #expect(run.summary.files[1].refusedColumns.isEmpty)
        #expect(run.summary.files[1].bindings.first { $0.field == .status }?.column == "Estado")
        #expect(run.summary.files[1].dateOrder?.order == .monthFirst)
        #expect(run.summary.files[2].refusedColumns.map(\.message) == [refusalC])
        #expect(run.summary.files[2].bindings.first { $0.field == .status }?.column == "Estado del contacto")
        #expect(run.summary.files[2].dateOrder == nil)
        #expect(run.summary.files[3].bindings.first { $0.field == .openedAt }?.column == "Opened")
        #expect(run.summary.files[3].bindings.first { $0.field == .status }?.column == "Status")
        #expect(run.summary.files[3].filledCounts[.status] == 6)
        // One refusal note each for a.csv and c.csv, none for b.csv.
        let notes = run.summary.diagnostics.groups.flatMap(\.examples).filter { $0.kind == "column-refused" }
        #expect(notes == [
            Diagnostic(.note, kind: "column-refused", at: SourceLocation(file: "a.csv", line: 0), column: "Estado",
                       message: MessageText(refusal)),
            Diagnostic(.note, kind: "column-refused", at: SourceLocation(file: "c.csv", line: 0), column: "Estado",
                       message: MessageText(refusalC)),
        ])
        #expect(run.summary.files.map(\.contacts) == [10, 10, 10, 6])
        #expect(run.summary.files.map { $0.filledCounts[.status] ?? 0 } == [10, 10, 10, 6])
    }

    /// Samples read into the records of the file before: a file of more records than the sample, one of
    /// fewer, and one of longer records; every contact is its own record's, nothing left over from the
    /// record its buffers held before.
    @Test(arguments: [0, 2])
    func samplesReadIntoTheRecordsBeforeHoldTheirOwnValues(workers: Int) throws {
        let folder = try TestFolder(prefix: "bound-headers")
        func lines(_ prefix: String, _ count: Int, width: Int) -> [String] {
            (0..<count).map {
                "\(prefix)\($0),2026-03-\(String(format: "%02d", $0 % 28 + 1))T10:00:00Z,Open,Open,"
                    + "Subject \(prefix)\($0) " + String(repeating: "y", count: width)
            }
        }
        let files = [
            try folder.write("long.csv", [Self.header] + lines("L", 9, width: 40)),
            try folder.write("short.csv", [Self.header] + lines("S", 2, width: 0)),
            try folder.write("empty.csv", [Self.header]),
            try folder.write("wide.csv", [Self.header] + lines("W", 7, width: 300)),
        ]
        let run = try Self.ingest(files, workers: workers, sample: 4)
        var alone: [String] = []
        for path in files { alone += try Self.ingest([path], workers: 0, sample: 4).contacts }
        #expect(run.contacts == alone)
        #expect(run.contacts.count == 18)
        #expect(run.contacts[9] == "short.csv:2 S0 1772359200 open Subject S0")
        #expect(run.contacts[10] == "short.csv:3 S1 1772445600 open Subject S1")
        #expect(run.contacts[11].hasPrefix("wide.csv:2 W0 1772359200 open Subject W0 yyyy"))
        #expect(run.summary.files.map(\.rowsRead) == [9, 2, 0, 7])
    }

    /// A header met before skips the header-row check; a file whose first line holds values is still refused.
    @Test func aFileWithoutAHeaderAfterOneWithIsStillRefused() throws {
        let folder = try TestFolder(prefix: "bound-headers")
        let good = try folder.write("good.csv", ["id,created_at,subject", "1,2026-03-01T10:00:00Z,Hello"])
        let values = try folder.write("values.csv", ["2,2026-03-01T10:00:00Z,+358401234567", "3,2026-03-02T10:00:00Z,+358401234568"])
        #expect(throws: ContactStatError.self) { _ = try Self.ingest([good, values], workers: 0) }
        do {
            _ = try Self.ingest([good, good, values], workers: 0)
            Issue.record("a file without a header was read")
        } catch let error as ContactStatError {
            #expect(error.kind == .usage)
            #expect(error.description.contains("values.csv:1"))
            #expect(error.message.hasPrefix("the file seems to have no header"))
        }
    }

    /// A header is bound once per format; another file with it gets a copy naming its own file.
    @Test func aHeaderIsBoundOncePerFormat() throws {
        var headers = BoundHeaders()
        var binds = 0
        let header = ["Created at", "Status", "Subject"]
        func bind(_ header: [String], _ file: String) throws -> ContactMapper {
            binds += 1
            return try ContactMapper(header: header, options: MappingOptions(), file: file, checksFieldCount: true,
                                     requiresOpenedAt: false)
        }
        #expect(!headers.contains(header, format: "csv"))
        let first = try headers.mapper(for: header, format: "csv", file: "a.csv") { try bind(header, "a.csv") }
        let second = try headers.mapper(for: header, format: "csv", file: "b.csv") { try bind(header, "b.csv") }
        #expect(binds == 1)
        #expect(headers.contains(header, format: "csv"))
        #expect(first.file == "a.csv")
        #expect(second.file == "b.csv")
        #expect(second.bindings == first.bindings)
        #expect(second.bindings[.status]?.column == "Status")
        _ = try headers.mapper(for: header, format: "json", file: "c.jsonl") { try bind(header, "c.jsonl") }
        #expect(binds == 2)
        let other = ["Opened", "State"]
        let third = try headers.mapper(for: other, format: "csv", file: "d.csv") { try bind(other, "d.csv") }
        #expect(binds == 3)
        #expect(third.bindings[.openedAt]?.column == "Opened")
        #expect(headers.count == 3)
        // At most `capacity` headers are kept; a header past them is bound for each file.
        var few = BoundHeaders(capacity: 1)
        binds = 0
        _ = try few.mapper(for: header, format: "csv", file: "a.csv") { try bind(header, "a.csv") }
        _ = try few.mapper(for: other, format: "csv", file: "b.csv") { try bind(other, "b.csv") }
        _ = try few.mapper(for: other, format: "csv", file: "c.csv") { try bind(other, "c.csv") }
        _ = try few.mapper(for: header, format: "csv", file: "d.csv") { try bind(header, "d.csv") }
        #expect(binds == 3)
        #expect(few.count == 1)
        #expect(few.contains(header, format: "csv"))
        #expect(!few.contains(other, format: "csv"))
    }
}
