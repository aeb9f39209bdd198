@testable import ContactAnalytics

/// One 20,000-row export (seed 2026), generated once and shared by the statistical tests.
enum GeneratedSample {
    static let rowCount = 20_000
    static let bytes: [UInt8] = {
        do {
            return try SyntheticExport(SyntheticExportConfiguration(rows: rowCount, seed: 2026)).bytes()
        } catch {
            return []
        }
    }()
    /// The records after the header.
    static let rows: [[String]] = Array(CSVTestRecords.parse(bytes).dropFirst())

    enum Column: Int {
        case ticket, created, closed, customer, channel, subject, status, handleTime, csat, agent, queue, language
    }

    /// The share of rows for which `predicate` holds.
    static func share(where predicate: ([String]) -> Bool) -> Double {
        Double(rows.count(where: predicate)) / Double(max(rows.count, 1))
    }
}

extension Array where Element == String {
    subscript(column: GeneratedSample.Column) -> String { self[column.rawValue] }
}
