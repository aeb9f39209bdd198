import Foundation
@testable import ContactAnalytics

/// A scratch directory for one test, plus the generated export the reliability tests start from.
///
/// Every test gets its own directory under the system temporary directory; `remove()` deletes it.
struct ReliabilityWorkspace {
    let directory: String

    /// A fresh, empty directory named after `label`.
    init(_ label: String) throws {
        directory = NSTemporaryDirectory() + "contactstat-reliability-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Deletes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes `bytes` to `name` in the directory and returns the path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The header and data rows of a generated export (`SyntheticExport`) of `rows` rows, parsed with the
    /// CSV reader so that quoted subjects with commas, quotes and line breaks stay whole.
    static func generatedRows(rows: Int, seed: UInt64) throws -> (header: [String], rows: [[String]]) {
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: rows, seed: seed)).bytes()
        return try parse(bytes)
    }

    /// Every record of a CSV held in memory, with its header.
    static func parse(_ bytes: [UInt8]) throws -> (header: [String], rows: [[String]]) {
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes), delimiter: .comma, limits: ReaderLimits())
        var record = RawRecord()
        var rows: [[String]] = []
        while try reader.next(into: &record) { rows.append(record.strings) }
        return (reader.header, rows)
    }

    /// RFC 4180 bytes for a header and rows, LF-terminated, without the formula guard (so values
    /// round-trip exactly).
    static func csv(header: [String], rows: some Sequence<[String]>) -> [UInt8] {
        let writer = CSVWriter(guardsFormulas: false, lineTerminator: [0x0A])
        var buffer: [UInt8] = []
        writer.appendRow(header, to: &buffer)
        for row in rows { writer.appendRow(row, to: &buffer) }
        return buffer
    }

    /// The analysis of `files` with the built-in taxonomy and default metrics, unless given.
    static func analyse(_ files: [String], reader: ReaderOptions = ReaderOptions(),
                        metrics: MetricsConfiguration = MetricsConfiguration()) throws -> ContactAnalysis.Result {
        try ContactAnalysis.run(AnalysisOptions(ingest: IngestOptions(files: files, reader: reader), metrics: metrics))
    }

    /// `report` without the input file names and size (which differ when the same rows are split into files).
    static func withoutFileNames(_ report: ContactReport) -> ContactReport {
        var report = report
        report.input.files = []
        // The summed file size differs with the split (each part repeats the header) and the format.
        report.input.bytes = nil
        return report
    }
}
